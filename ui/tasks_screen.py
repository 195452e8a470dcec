"""任务: assigned tasks (双随机, 信访, 督察整改, 日常), soonest due first; start an inspection from one."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QVBoxLayout, QWidget

from eco_field.records import TASK_STATUSES, Task
from eco_field.store import tasks
from ui.context import AppContext
from ui.empty_state import EmptyState
from ui.formatting import task_kind, task_status
from ui.list_page import ListPage, matching
from ui.paged_model import Column
from ui.slots import emit, emitter


class TasksScreen(QWidget):
    navigate = Signal(str)
    start_inspection = Signal(object)  # the Task
    WATCHES = frozenset({"task", "enterprise", "inspection"})

    def __init__(self, ctx: AppContext, load_demo: Callable[[], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._all: list[Task] = []
        empty = EmptyState(self.tr("No tasks"),
                           self.tr("Tasks arrive from the bureau when you sync (同步). Without a task you can "
                                   "still inspect: pick an enterprise under 企业 and press “New inspection”."))
        empty.add_action(self.tr("Go to sync"), emitter(self.navigate, "sync"))
        empty.add_action(self.tr("Go to enterprises"), emitter(self.navigate, "enterprises"))
        empty.add_action(self.tr("Load demo data"), load_demo, primary=True)
        self.status = QComboBox()
        self.status.addItem(self.tr("All statuses"), "")
        for code, label in TASK_STATUSES.items():
            self.status.addItem(label, code)
        columns = [Column(self.tr("Kind"), task_kind), Column(self.tr("Task"), lambda t: t.title),
                   Column(self.tr("Enterprise"), lambda t: t.enterprise_name),
                   Column(self.tr("Due"), lambda t: t.due_date or ""), Column(self.tr("Status"), task_status)]
        self.list = ListPage(self.tr("Tasks"), columns, self._fetch, self._count, self._start, empty,
                             search_hint=self.tr("Search: task, enterprise, kind (Ctrl+F)"))
        self.list.table.set_column_widths([90, 420, 320, 120])
        self.list.actions.addWidget(self.status)
        self.start_button = self.list.add_action(self.tr("Start inspection"), self._start_current, primary=True)
        self.status.currentIndexChanged.connect(lambda _i: self.list.refresh())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        ctx.hub.changed.connect(self.on_changed)
        self.list.refresh()

    def _fetch(self, _search: str, limit: int, offset: int) -> list[Task]:
        return self._all[offset:offset + limit]

    def _count(self, search: str) -> int:
        # An officer's tasks are a short list: read once per refresh, filtered and paged from memory.
        every = tasks.list_tasks(self.ctx.ws.conn, status=self.status.currentData() or None)  # plain reads
        self._all = matching(every, search, lambda t: t.title, lambda t: t.enterprise_name, task_kind)
        return len(self._all)

    def on_changed(self, entities: frozenset) -> None:
        if entities & self.WATCHES:
            self.list.refresh()

    def _start_current(self) -> None:
        task = self.list.table.current_record()
        if task is None:
            self.ctx.dialogs.inform(self.tr("Start inspection"), self.tr("Select a task first."))
            return
        self._start(task)

    def _start(self, task: Task) -> None:
        emit(self.start_inspection, task)
