"""Findings (发现的问题): what is wrong, the facts, and the legal basis; started from 不符合 checklist items."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from eco_field.checklists import ChecklistItem
from eco_field.findings import RECTIFIED
from eco_field.law.catalog import CatalogEntry
from ui.catalog_picker import CatalogPicker
from ui.slots import emit, emitter
from ui.style import TOUCH_HEIGHT

FIELDS = ("item_id", "catalog_id", "facts", "basis")
RECTIFIED_COLUMN = len(FIELDS)  # a check box: 已立行立改 (corrected on the spot), counted in the bureau's figures


class FindingsWidget(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = QTableWidget(0, len(FIELDS) + 1)
        self.table.setHorizontalHeaderLabels([self.tr("Check item"), self.tr("Violation (catalog)"),
                                              self.tr("Facts found"), self.tr("Legal basis"),
                                              self.tr("On-the-spot correction")])
        self._read_only = False
        self.table.verticalHeader().setDefaultSectionSize(TOUCH_HEIGHT + 8)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(0, 90)
        self.table.setColumnWidth(1, 160)
        self.table.setColumnWidth(RECTIFIED_COLUMN, 110)
        self.table.itemChanged.connect(emitter(self.changed))
        self.from_checklist = QPushButton(self.tr("Add from non-compliant items"))
        self.add_button = QPushButton(self.tr("Add finding"))
        self.remove_button = QPushButton(self.tr("Remove"))
        self.catalog_button = QPushButton(self.tr("Choose violation…"))
        self.case_button = QPushButton(self.tr("Open case…"), objectName="primary")
        self.catalog: dict[str, CatalogEntry] = {}
        self.catalog_button.clicked.connect(self.pick_catalog)
        self.add_button.clicked.connect(lambda: self.add({"item_id": "", "facts": "", "basis": ""}))
        self.remove_button.clicked.connect(self._remove_current)
        buttons = QHBoxLayout()
        for button in (self.from_checklist, self.add_button, self.remove_button, self.catalog_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.case_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)

    def load(self, findings: list[dict[str, Any]]) -> None:
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        for finding in findings:
            self._append(finding)
        self.table.blockSignals(False)

    def add(self, finding: dict[str, Any]) -> None:
        self._append(finding)
        self.table.setCurrentCell(self.table.rowCount() - 1, 1)
        emit(self.changed)

    def add_from_items(self, items: list[tuple[ChecklistItem, str]]) -> int:
        """Add a finding for each non-compliant item not yet listed; returns how many were added."""
        present = {f["item_id"] for f in self.value()}
        added = 0
        for item, note in items:
            if item.id not in present:
                self.add({"item_id": item.id, "facts": note or item.text, "basis": item.basis})
                added += 1
        return added

    def _append(self, finding: dict[str, Any]) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        for column, key in enumerate(FIELDS):
            self.table.setItem(row, column, QTableWidgetItem(str(finding.get(key, ""))))
        self.table.item(row, 0).setData(Qt.ItemDataRole.UserRole, finding)
        mark = QTableWidgetItem(self.tr("Corrected on the spot"))
        mark.setCheckState(Qt.CheckState.Checked if finding.get(RECTIFIED) is True else Qt.CheckState.Unchecked)
        mark.setToolTip(self.tr("The party corrected this on the spot, in the officers' presence"))
        self._set_mark_flags(mark)
        self.table.setItem(row, RECTIFIED_COLUMN, mark)

    def _set_mark_flags(self, mark: QTableWidgetItem) -> None:
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        mark.setFlags(flags if self._read_only else flags | Qt.ItemFlag.ItemIsUserCheckable)

    def set_rectified(self, row: int, rectified: bool) -> None:
        """Mark (or unmark) the finding of this row as corrected on the spot."""
        state = Qt.CheckState.Checked if rectified else Qt.CheckState.Unchecked
        self.table.item(row, RECTIFIED_COLUMN).setCheckState(state)

    def pick_catalog(self) -> CatalogPicker | None:
        """Choose the catalog entry of the current finding (a non-blocking dialog)."""
        row = self.table.currentRow()
        if row < 0 or not self.catalog:
            return None
        picker = CatalogPicker(self.catalog, self)
        picker.accepted.connect(lambda: self.set_catalog(row, picker.chosen()))
        picker.open()
        return picker

    def set_catalog(self, row: int, catalog_id: str | None) -> None:
        entry = self.catalog.get(catalog_id or "")
        if entry is None:
            return
        self.table.item(row, 1).setText(entry.id)
        self.table.item(row, 3).setText(entry.citation)
        emit(self.changed)

    def _remove_current(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)
            emit(self.changed)

    def value(self) -> list[dict[str, Any]]:
        result = []
        for row in range(self.table.rowCount()):
            original = dict(self.table.item(row, 0).data(Qt.ItemDataRole.UserRole) or {})
            original.update({key: self.table.item(row, col).text().strip() for col, key in enumerate(FIELDS)})
            rectified = self.table.item(row, RECTIFIED_COLUMN).checkState() == Qt.CheckState.Checked
            if rectified or RECTIFIED in original:  # unmarked findings stay as they were stored (no key added)
                original[RECTIFIED] = rectified
            if original["facts"] or original["item_id"]:
                result.append(original)
        return result

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        for row in range(self.table.rowCount()):
            self._set_mark_flags(self.table.item(row, RECTIFIED_COLUMN))
        for button in (self.from_checklist, self.add_button, self.remove_button, self.catalog_button):
            button.setEnabled(not read_only)
        triggers = QTableWidget.EditTrigger
        self.table.setEditTriggers(triggers.NoEditTriggers if read_only else
                                   triggers.DoubleClicked | triggers.EditKeyPressed | triggers.AnyKeyPressed)
