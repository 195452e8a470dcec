"""The industry checklist: one row per item with 符合 / 不符合 / 不适用 / 未查 and a note."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from eco_field import checklists
from eco_field.industries import INDUSTRIES
from ui.slots import emit
from ui.style import TOUCH_HEIGHT

COL_SECTION, COL_TEXT, COL_ANSWER, COL_NOTE = range(4)


class ChecklistWidget(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.industry = "general"
        self.items: list[checklists.ChecklistItem] = []
        self.industry_box = QComboBox()
        for code, label in INDUSTRIES.items():
            self.industry_box.addItem(label, code)
        self.industry_box.currentIndexChanged.connect(self._industry_changed)
        self.summary = QLabel()
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([self.tr("Section"), self.tr("Check item"), self.tr("Result"),
                                              self.tr("Note")])
        self.table.verticalHeader().setDefaultSectionSize(TOUCH_HEIGHT + 8)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COL_TEXT, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_NOTE, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(COL_SECTION, 80)
        self.table.setColumnWidth(COL_ANSWER, 110)
        self.table.itemChanged.connect(self._note_changed)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Industry checklist")))
        top.addWidget(self.industry_box)
        top.addStretch(1)
        top.addWidget(self.summary)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)

    def load(self, industry: str, checklist: dict[str, Any]) -> None:
        """Show the items for the stored industry (or the enterprise's) with the stored answers."""
        industry = checklist.get("industry") or industry or "general"
        self.industry_box.blockSignals(True)
        self.industry_box.setCurrentIndex(max(0, self.industry_box.findData(industry)))
        self.industry_box.blockSignals(False)
        self._fill(industry, checklists.answers_of(checklist))

    def _industry_changed(self) -> None:
        self._fill(self.industry_box.currentData(), self._answers())
        self._emit()

    def _fill(self, industry: str, answers: dict[str, dict[str, str]]) -> None:
        self.industry = industry
        self.items = checklists.items_for(industry)
        self.table.blockSignals(True)
        self.table.setRowCount(len(self.items))
        for row, item in enumerate(self.items):
            self._fill_row(row, item, answers.get(item.id, {}))
        self.table.blockSignals(False)
        self.table.resizeRowsToContents()
        self._update_summary()

    def _fill_row(self, row: int, item: checklists.ChecklistItem, given: dict[str, str]) -> None:
        section = QTableWidgetItem(item.section)
        text = QTableWidgetItem(f"{item.id}  {item.text}")
        tip = self.tr("Basis: {basis}").format(basis=item.basis)
        if item.inferred:
            tip += "\n" + self.tr("(inferred in the research, not read in a source: check before relying on it)")
        text.setToolTip(tip)
        for cell in (section, text):
            cell.setFlags(Qt.ItemFlag.ItemIsEnabled)
        self.table.setItem(row, COL_SECTION, section)
        self.table.setItem(row, COL_TEXT, text)
        self.table.setItem(row, COL_NOTE, QTableWidgetItem(given.get("note", "")))
        box = self.table.cellWidget(row, COL_ANSWER)
        if box is None:  # reuse the row's box: replaced widgets linger until the event loop deletes them
            box = QComboBox()
            for code, label in checklists.ANSWERS.items():
                box.addItem(label, code)
            box.currentIndexChanged.connect(self._answer_changed)
            self.table.setCellWidget(row, COL_ANSWER, box)
        box.blockSignals(True)
        box.setCurrentIndex(max(0, box.findData(given.get("answer", "unchecked"))))
        box.blockSignals(False)

    def _answer_changed(self, _index: int) -> None:
        self._emit()

    def set_answer(self, item_id: str, answer: str, note: str | None = None) -> None:
        row = next(r for r, item in enumerate(self.items) if item.id == item_id)
        box: QComboBox = self.table.cellWidget(row, COL_ANSWER)
        box.setCurrentIndex(box.findData(answer))
        if note is not None:
            self.table.item(row, COL_NOTE).setText(note)

    def _answers(self) -> dict[str, dict[str, str]]:
        result = {}
        for row, item in enumerate(self.items):
            answer = self.table.cellWidget(row, COL_ANSWER).currentData()
            note = self.table.item(row, COL_NOTE).text().strip()
            if answer != "unchecked" or note:
                result[item.id] = {"answer": answer, "note": note}
        return result

    def value(self) -> dict[str, Any]:
        return {"industry": self.industry, "items": self._answers()}

    def set_read_only(self, read_only: bool) -> None:
        self.industry_box.setEnabled(not read_only)
        for row in range(self.table.rowCount()):
            self.table.cellWidget(row, COL_ANSWER).setEnabled(not read_only)
            note = self.table.item(row, COL_NOTE)
            flags = Qt.ItemFlag.ItemIsEnabled | (Qt.ItemFlag.NoItemFlags if read_only else Qt.ItemFlag.ItemIsEditable)
            note.setFlags(flags)

    def _note_changed(self, _item: QTableWidgetItem) -> None:
        self._emit()

    def _emit(self) -> None:
        self._update_summary()
        emit(self.changed)

    def _update_summary(self) -> None:
        counts = checklists.summary(self.value(), self.industry)
        self.summary.setText("  ".join(f"{label} {counts[code]}" for code, label in checklists.ANSWERS.items()))
