"""文号号段: the blocks of document numbers this device issues from; enter a block by hand, void a number.

An enrolled device waits for the bureau's blocks, which come with sync; when the bureau hands out a block
on paper (or the device is offline for long) the officer enters it here. The dialog calls the same service
as `eco-field numbers add-block / list / void` (eco_field.documents.numbering).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from eco_field.documents.numbering import Block
from eco_field.workspace import Workspace
from ui.context import AppContext
from ui.number_input import InputProblem, parse_block, parse_void

WATCHES = frozenset({"number_block", "document_number", "document", "sync"})


@dataclass(frozen=True)
class NumbersView:
    titles: dict[str, str]  # document kind -> Chinese title
    blocks: list[Block]
    numbers: list[dict[str, Any]]  # numbering.list_numbers rows: issued and void numbers
    enrolled: bool


def load_numbers(ws: Workspace) -> NumbersView:
    """Read in the background: the kind titles live in the document modules, which import ReportLab."""
    from eco_field.documents import numbering
    from eco_field.documents.kinds import MODULES, module_for

    titles = {kind: module_for(kind).TITLE for kind in MODULES}
    return NumbersView(titles, numbering.list_blocks(ws.db), numbering.list_numbers(ws.db),
                       bool(ws.setting("server_url").strip()))


def store_block(ws: Workspace, kind: str, year: int, start: int, end: int) -> Block:
    from eco_field.documents import numbering

    return numbering.add_block(ws.db, kind, year, start, end)


def store_void(ws: Workspace, kind: str, year: int, serial: int, reason: str) -> str:
    from eco_field.documents import numbering

    return numbering.void(ws.db, kind, year, serial, reason)


def free_in(block: Block, used: set[tuple[str, int, int]]) -> tuple[int | None, int]:
    """The next serial the block will issue and how many are left, skipping serials issued or voided already
    (the core skips them when it issues, but a voided unused serial does not move the block's next_serial)."""
    free = [s for s in range(block.next, block.end + 1) if (block.kind, block.year, s) not in used]
    return (free[0] if free else None), len(free)


def _table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().hide()
    table.horizontalHeader().setStretchLastSection(True)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    return table


def _fill(table: QTableWidget, rows: list[tuple[Any, list[str]]]) -> None:
    """rows: (record, cell texts); the record rides on the first cell."""
    table.setRowCount(len(rows))
    for row, (record, texts) in enumerate(rows):
        for column, text in enumerate(texts):
            item = QTableWidgetItem(text)
            if column == 0:
                item.setData(Qt.ItemDataRole.UserRole, record)
            table.setItem(row, column, item)
    table.resizeColumnsToContents()


class NumberBlocksDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.view = NumbersView({}, [], [], False)
        self.this_year = QDate.currentDate().year()
        self.setWindowTitle(self.tr("Document number blocks"))
        self.resize(940, 620)
        self.intro = QLabel(wordWrap=True)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._blocks_tab(), self.tr("Blocks"))
        self.tabs.addTab(self._numbers_tab(), self.tr("Used and void numbers"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)
        ctx.hub.changed.connect(self.on_changed)
        self.reload()

    def _blocks_tab(self) -> QWidget:
        self.block_table = _table([self.tr("Document kind"), self.tr("Year"), self.tr("Serials"),
                                   self.tr("Next number"), self.tr("Left"), self.tr("Source")])
        self.block_table.itemSelectionChanged.connect(self._block_selected)
        self.add_kind = QComboBox()
        self.add_year = QLineEdit(str(self.this_year))
        self.add_start = QLineEdit(placeholderText="1")
        self.add_end = QLineEdit(placeholderText="100")
        self.add_button = QPushButton(self.tr("Add block"), objectName="primary", enabled=False)
        self.add_button.clicked.connect(self.add_block)
        self.add_end.returnPressed.connect(self.add_block)
        self.add_error = QLabel(objectName="formError", wordWrap=True, visible=False)
        self.add_note = QLabel(wordWrap=True)
        form = QGridLayout()
        self._row(form, [(self.tr("Document kind"), self.add_kind), (self.tr("Year"), self.add_year)])
        self._row(form, [(self.tr("First serial"), self.add_start), (self.tr("Last serial"), self.add_end)])
        form.addWidget(self.add_button, 1, 4)
        return self._tab(self.block_table, self.tr("Enter a block by hand"), form, self.add_error, self.add_note)

    def _numbers_tab(self) -> QWidget:
        self.number_table = _table([self.tr("Document kind"), self.tr("Number"), self.tr("Status"),
                                    self.tr("Reason")])
        self.number_table.itemSelectionChanged.connect(self._number_selected)
        self.void_kind = QComboBox()
        self.void_year = QLineEdit(str(self.this_year))
        self.void_serial = QLineEdit()
        self.void_reason = QLineEdit(placeholderText=self.tr("e.g. misprinted, form spoiled"))
        self.void_button = QPushButton(self.tr("Void number"), enabled=False)
        self.void_button.clicked.connect(self.void_number)
        self.void_error = QLabel(objectName="formError", wordWrap=True, visible=False)
        self.void_note = QLabel(wordWrap=True)
        form = QGridLayout()
        self._row(form, [(self.tr("Document kind"), self.void_kind), (self.tr("Year"), self.void_year)])
        self._row(form, [(self.tr("Serial"), self.void_serial), (self.tr("Reason"), self.void_reason)])
        form.addWidget(self.void_button, 1, 4)
        return self._tab(self.number_table, self.tr("Void a number (issued, or unused in a block)"), form,
                         self.void_error, self.void_note)

    @staticmethod
    def _row(form: QGridLayout, fields: list[tuple[str, QWidget]]) -> None:
        row = form.rowCount()
        for pair, (label, widget) in enumerate(fields):
            form.addWidget(QLabel(label), row, pair * 2)
            form.addWidget(widget, row, pair * 2 + 1)
        form.setColumnStretch(1, 2)
        form.setColumnStretch(3, 1)

    @staticmethod
    def _tab(table: QTableWidget, heading: str, form: QGridLayout, error: QLabel, note: QLabel) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addWidget(table, 1)
        layout.addWidget(QLabel(heading, objectName="sectionTitle"))
        layout.addLayout(form)
        layout.addWidget(error)
        layout.addWidget(note)
        return tab

    # reading

    def reload(self) -> None:
        self.ctx.run(load_numbers, self._loaded)

    def on_changed(self, entities: frozenset) -> None:
        if entities & WATCHES:
            self.reload()

    def _loaded(self, view: NumbersView) -> None:
        first = not self.view.titles
        self.view = view
        if first:
            for box in (self.add_kind, self.void_kind):
                for kind, title in view.titles.items():
                    box.addItem(title, kind)
            self.add_button.setEnabled(True)
            self.void_button.setEnabled(True)
        self.intro.setText(self.tr("This device is enrolled with a bureau: its blocks normally arrive when it syncs. "
                                   "Enter a block here when the bureau assigns one on paper.") if view.enrolled else
                           self.tr("This device works without a bureau: the first time a kind of document is issued "
                                   "in a year it reserves serials 1–100 itself. Enter the blocks the bureau assigned "
                                   "here."))
        sources = {"local": self.tr("Entered on this device"), "bureau": self.tr("From the bureau")}
        used = {(n["kind"], n["year"], n["serial"]) for n in view.numbers}
        rows = []
        for block in view.blocks:
            following, left = free_in(block, used)
            rows.append((block, [self._title(block.kind), str(block.year), f"{block.start}–{block.end}",
                                 str(following) if following else self.tr("used up"), str(left),
                                 sources.get(block.source, block.source)]))
        _fill(self.block_table, rows)
        statuses = {"issued": self.tr("Issued"), "void": self.tr("Void")}
        _fill(self.number_table, [(n, [self._title(n["kind"]), n["number"], statuses.get(n["status"], n["status"]),
                                       n["reason"] or ""]) for n in view.numbers])

    def _title(self, kind: str) -> str:
        return self.view.titles.get(kind, kind)

    # adding a block

    def add_block(self) -> None:
        try:
            request = parse_block(self.add_kind.currentData(), self.add_year.text(), self.add_start.text(),
                                  self.add_end.text(), self.view.blocks, self.this_year)
        except InputProblem as problem:
            self._problem(self.add_error, str(problem))
            return
        self._problem(self.add_error, "")
        self.add_button.setEnabled(False)
        self.ctx.run(lambda ws: store_block(ws, request.kind, request.year, request.start, request.end),
                     self._added, announce=("number_block",), on_error=lambda: self.add_button.setEnabled(True))

    def _added(self, block: Block) -> None:
        self.add_button.setEnabled(True)
        self.add_start.clear()
        self.add_end.clear()
        self.add_note.setText(self.tr("Block {title} {year} {start}–{end} added: {n} numbers free.").format(
            title=self._title(block.kind), year=block.year, start=block.start, end=block.end, n=block.remaining))

    # voiding a number

    def _block_selected(self) -> None:
        block = self._selected(self.block_table)
        if block is None:
            return
        following, _left = free_in(block, {(n["kind"], n["year"], n["serial"]) for n in self.view.numbers})
        if following is not None:
            self._void_target(block.kind, block.year, following)

    def _number_selected(self) -> None:
        number = self._selected(self.number_table)
        if number is not None:
            self._void_target(number["kind"], number["year"], number["serial"])

    def _void_target(self, kind: str, year: int, serial: int) -> None:
        self.void_kind.setCurrentIndex(max(0, self.void_kind.findData(kind)))
        self.void_year.setText(str(year))
        self.void_serial.setText(str(serial))

    @staticmethod
    def _selected(table: QTableWidget) -> Any:
        rows = table.selectionModel().selectedRows()
        return table.item(rows[0].row(), 0).data(Qt.ItemDataRole.UserRole) if rows else None

    def void_number(self) -> None:
        try:
            request = parse_void(self.void_kind.currentData(), self.void_year.text(), self.void_serial.text(),
                                 self.void_reason.text(), self.this_year, self.view.blocks, self.view.numbers)
        except InputProblem as problem:
            self._problem(self.void_error, str(problem))
            return
        self._problem(self.void_error, "")
        question = self.tr("Void serial {serial} of {title} {year}? A void number is never issued again; this "
                           "cannot be undone.").format(serial=request.serial, title=self._title(request.kind),
                                                       year=request.year)
        if not self.ctx.dialogs.ask(self.tr("Void number"), question):
            return
        self.ctx.run(lambda ws: store_void(ws, request.kind, request.year, request.serial, request.reason),
                     self._voided, announce=("document_number", "document"))

    def _voided(self, number: str) -> None:
        self.void_reason.clear()
        self.void_note.setText(self.tr("{number} recorded as void.").format(number=number))

    @staticmethod
    def _problem(label: QLabel, text: str) -> None:
        label.setText(text)
        label.setVisible(bool(text))
