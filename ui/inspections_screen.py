"""检查: the paged list of inspections (search by enterprise, place or id) and the inspection editor."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QStackedWidget, QVBoxLayout, QWidget

from eco_field.records import Inspection
from eco_field.store import inspections
from ui.context import AppContext
from ui.empty_state import EmptyState
from ui.formatting import inspection_status, officer_names, short_time
from ui.list_page import ListPage
from ui.paged_model import PAGE_SIZE, Column
from ui.slots import emitter


class InspectionsScreen(QWidget):
    navigate = Signal(str)  # another section's key, e.g. "tasks"
    WATCHES = frozenset({"inspection", "enterprise", "officer"})

    def __init__(self, ctx: AppContext, load_demo: Callable[[], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        empty = EmptyState(self.tr("No inspections yet"),
                           self.tr("Start one from a task under 任务 (Tasks), or pick an enterprise under "
                                   "企业 (Enterprises) and press “New inspection”."))
        empty.add_action(self.tr("Go to tasks"), emitter(self.navigate, "tasks"), primary=True)
        empty.add_action(self.tr("Go to enterprises"), emitter(self.navigate, "enterprises"))
        self.demo_button = empty.add_action(self.tr("Load demo data"), load_demo)
        columns = [Column(self.tr("Started"), lambda i: short_time(i.started_at)),
                   Column(self.tr("Enterprise"), lambda i: i.enterprise_name),
                   Column(self.tr("Place"), lambda i: i.place),
                   Column(self.tr("Officers"), officer_names),
                   Column(self.tr("Status"), inspection_status)]
        self.list = ListPage(self.tr("Inspections"), columns, self._fetch, self._count, self.open_inspection, empty,
                             search_hint=self.tr("Search by enterprise, place or inspection number"),
                             run_search=self._search_in_background)
        self.list.table.set_column_widths([150, 330, 280, 160])
        self.list.add_action(self.tr("Open"), self._open_current)
        self._editor = None
        self.stack = QStackedWidget()
        self.stack.addWidget(self.list)
        QVBoxLayout(self).addWidget(self.stack)
        self.layout().setContentsMargins(0, 0, 0, 0)
        ctx.hub.changed.connect(self.on_changed)
        self.list.refresh()

    @property
    def editor(self):
        """The inspection editor, built (with its evidence, readings and documents tabs) on first use."""
        if self._editor is None:
            from ui.inspection_editor import InspectionEditor

            self._editor = InspectionEditor(self.ctx)
            self._editor.back.connect(self.show_list)
            self.stack.addWidget(self._editor)
        return self._editor

    def _fetch(self, search: str, limit: int, offset: int) -> list[Inspection]:
        return inspections.list_inspections(self.ctx.db, search=search or None, limit=limit, offset=offset)

    def _search_in_background(self, text: str, done) -> None:
        def search(ws) -> tuple[int, list[Inspection]]:
            return (inspections.count_inspections(ws.db, search=text),
                    inspections.list_inspections(ws.db, search=text, limit=PAGE_SIZE))

        self.ctx.run(search, done)

    def _count(self, search: str) -> int:
        return inspections.count_inspections(self.ctx.db, search=search or None)

    def on_changed(self, entities: frozenset) -> None:
        if entities & self.WATCHES:
            self.list.refresh()

    def _open_current(self) -> None:
        record = self.list.table.current_record()
        if record is not None:
            self.open_inspection(record)

    def open_inspection(self, insp: Inspection) -> None:
        self.editor.open_existing(insp.id)
        self.stack.setCurrentWidget(self.editor)

    def new_inspection(self, enterprise_id: str, task_id: str | None = None,
                       officer_certs: list[str] | None = None) -> None:
        self.editor.open_new(enterprise_id, task_id, officer_certs)
        self.stack.setCurrentWidget(self.editor)

    def show_list(self) -> None:
        self.stack.setCurrentWidget(self.list)
        self.list.table.setFocus()
