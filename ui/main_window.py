"""The main window: sidebar 任务 / 检查 / 企业 / 案件 / 同步, the screens, and the status bar.

The application shows the window before its data folder is open (ui.startup): MainWindow() without a
context is the shell — sidebar, a loading line, a status bar message — and attach(ctx) fills it in. This
module therefore imports nothing that imports sqlite-utils or the core's store; the screens do, later.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QStatusBar,
    QVBoxLayout,
    QWidget,
)

from ui.banner import Banner
from ui.lazy_screen import LazyScreen
from ui.slots import emit

if TYPE_CHECKING:
    from eco_field.records import Task
    from ui.context import AppContext

SECTIONS = ("tasks", "inspections", "enterprises", "cases", "sync")
MIN_SIZE = QSize(1024, 640)
DEFAULT_SIZE = QSize(1366, 768)


class MainWindow(QMainWindow):
    rebuild_requested = Signal()  # the language changed: the application builds a new window

    def __init__(self, ctx: AppContext | None = None, banner: str = "", language: str = "zh_CN") -> None:
        super().__init__()
        self.ctx: AppContext | None = None
        self._language = ctx.language if ctx is not None else language  # the language this window was built in
        self.setWindowTitle(self.tr("EcoField — field enforcement"))
        self.setMinimumSize(MIN_SIZE)
        self.resize(DEFAULT_SIZE)
        self.sidebar = QListWidget(objectName="sidebar")
        self.sidebar.setFixedWidth(150)
        self.stack = QStackedWidget()
        self.screens: dict[str, QWidget] = {}
        self._make_screens(waiting=ctx is None)
        self._make_sidebar()
        self.banner = Banner(banner)
        right = QVBoxLayout()
        right.setContentsMargins(0, 0, 0, 0)
        right.addWidget(self.banner)
        right.addWidget(self.stack, 1)
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        side = QVBoxLayout()
        side.setContentsMargins(0, 0, 0, 0)
        side.setSpacing(0)
        side.addWidget(self.sidebar, 1)
        self.settings_button = QPushButton(self.tr("Settings"), objectName="sidebarButton")
        self.settings_button.setFixedWidth(150)
        self.settings_button.setToolTip("Ctrl+,")
        self.settings_button.clicked.connect(self.open_settings)
        side.addWidget(self.settings_button)
        layout.addLayout(side)
        layout.addLayout(right, 1)
        self.setCentralWidget(central)
        self.status: QStatusBar = QStatusBar()  # the sync status bar replaces it on attach
        self.setStatusBar(self.status)
        self._make_shortcuts()
        self.show_section("tasks")
        self.background_sync = None
        if ctx is not None:
            self.attach(ctx)

    def attach(self, ctx: AppContext) -> None:
        """The data folder is open: the status bar and the screens come to life, the current one at once."""
        from ui.status_bar import SyncStatusBar

        self.ctx = ctx
        ctx.dialogs.parent = self
        from ui.formatting import set_display_zone

        set_display_zone(ctx.ws.setting("time_zone"))  # times with an offset show in the configured zone
        ctx.hub.changed.connect(lambda entities: "settings" in entities and set_display_zone(
            ctx.ws.setting("time_zone")))
        self.status = SyncStatusBar(ctx)
        self.setStatusBar(self.status)
        for screen in self.screens.values():
            screen.set_ready()
        self.tasks = self.screen("tasks")

    def start_background_sync(self) -> None:
        """Sync in the background whenever the bureau answers (the app does this; tests opt in)."""
        from ui.background_sync import PULLED_ENTITIES, BackgroundSync

        self.background_sync = BackgroundSync(self.ctx.data_dir, self)
        self.background_sync.synced.connect(lambda _result: self.ctx.hub.announce(*PULLED_ENTITIES))
        self.background_sync.start()

    def closeEvent(self, event) -> None:  # noqa: N802
        if self.background_sync is not None:
            self.background_sync.stop(wait_s=0)  # never block the GUI thread; the thread ends on its own
        super().closeEvent(event)

    def _make_screens(self, waiting: bool) -> None:
        """Tasks is built on attach; the other sections are built (and their modules imported) when first shown."""
        factories = {"tasks": self._tasks_screen, "inspections": self._inspections_screen,
                     "enterprises": self._enterprises_screen, "cases": self._cases_screen, "sync": self._sync_screen}
        loading = self.tr("Opening the data folder…") if waiting else ""
        for key in SECTIONS:
            self.screens[key] = LazyScreen(factories[key], waiting=loading)
            self.stack.addWidget(self.screens[key])

    def screen(self, key: str) -> QWidget:
        """The section's real widget (built on demand)."""
        return self.screens[key].build()

    @property
    def inspections(self):
        return self.screen("inspections")

    @property
    def enterprises(self):
        return self.screen("enterprises")

    @property
    def cases(self):
        return self.screen("cases")

    def _tasks_screen(self) -> QWidget:
        from ui.tasks_screen import TasksScreen

        screen = TasksScreen(self.ctx, self.load_demo)
        screen.navigate.connect(self.show_section)
        screen.start_inspection.connect(self.start_from_task)
        return screen

    def _inspections_screen(self) -> QWidget:
        from ui.inspections_screen import InspectionsScreen

        screen = InspectionsScreen(self.ctx, self.load_demo)
        screen.navigate.connect(self.show_section)
        return screen

    def _enterprises_screen(self) -> QWidget:
        from ui.enterprises_screen import EnterprisesScreen

        screen = EnterprisesScreen(self.ctx, self.load_demo)
        screen.detail.new_inspection.connect(self.start_from_enterprise)
        screen.detail.open_inspection.connect(self.open_inspection)
        return screen

    def _cases_screen(self) -> QWidget:
        from ui.cases_screen import CasesScreen

        return CasesScreen(self.ctx)

    def _sync_screen(self) -> QWidget:
        from ui.sync_screen import SyncScreen

        return SyncScreen(self.ctx)

    def _make_sidebar(self) -> None:
        labels = {"tasks": self.tr("Tasks"), "inspections": self.tr("Inspections"),
                  "enterprises": self.tr("Enterprises"), "cases": self.tr("Cases"), "sync": self.tr("Sync")}
        for number, key in enumerate(SECTIONS, start=1):
            item = QListWidgetItem(f"{labels[key]}")
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setToolTip(f"Ctrl+{number}")
            self.sidebar.addItem(item)
        self.sidebar.currentItemChanged.connect(self._sidebar_changed)

    def _sidebar_changed(self, item: QListWidgetItem | None, _previous: object) -> None:
        if item is not None:
            self.stack.setCurrentWidget(self.screens[item.data(Qt.ItemDataRole.UserRole)])

    def _make_shortcuts(self) -> None:
        for number, key in enumerate(SECTIONS, start=1):
            action = QAction(self, shortcut=QKeySequence(f"Ctrl+{number}"))
            action.triggered.connect(lambda _checked=False, k=key: self.show_section(k))
            self.addAction(action)
        prefs = QAction(self, shortcut=QKeySequence("Ctrl+,"))
        prefs.triggered.connect(self.open_settings)
        self.addAction(prefs)
        find = QAction(self, shortcut=QKeySequence.StandardKey.Find)
        find.triggered.connect(self._focus_search)
        self.addAction(find)
        print_action = QAction(self, shortcut=QKeySequence.StandardKey.Print)
        print_action.triggered.connect(self.print_current_document)
        self.addAction(print_action)

    def print_current_document(self) -> bool:
        """Ctrl+P: the print preview of the document shown in the current screen's documents panel."""
        if self.ctx is None:
            return False
        from ui.documents_panel import DocumentsPanel
        from ui.pdf_print import print_pdf

        shown = [panel for panel in self.findChildren(DocumentsPanel) if panel.isVisible() and panel.current()]
        if not shown:
            self.statusBar().showMessage(self.tr("No document to print: open an inspection's or a case's "
                                                 "documents and choose one."), 6000)
            return False
        panel = shown[0]
        return self.ctx.dialogs.print_preview(lambda printer: print_pdf(panel.pdf, printer))

    def show_section(self, key: str) -> None:
        self.sidebar.setCurrentRow(SECTIONS.index(key))

    def current_section(self) -> str:
        return SECTIONS[self.sidebar.currentRow()]

    def _focus_search(self) -> None:
        if self.ctx is None:
            return
        screen = self.screen(self.current_section())
        page = getattr(screen, "list", None)
        if page is not None and page.search.isVisible():
            page.search.setFocus()
            page.search.selectAll()

    def start_from_task(self, task: Task) -> None:
        self.show_section("inspections")
        self.inspections.new_inspection(task.enterprise_id, task.id, task.officers)

    def start_from_enterprise(self, enterprise_id: str) -> None:
        self.show_section("inspections")
        self.inspections.new_inspection(enterprise_id)

    def open_inspection(self, insp) -> None:
        self.show_section("inspections")
        self.inspections.open_inspection(insp)

    def load_demo(self) -> None:
        """Add the fictitious demo enterprises, officers and tasks, then the three demo cases walked through
        the real procedure (a fine with a hearing, a 首违不罚, a 查封 then 按日连续处罚), in the background."""
        from eco_field import demo

        self.ctx.run(demo.seed, self._demo_loaded, announce=("enterprise", "officer", "task"))

    def _demo_loaded(self, added: dict[str, int]) -> None:
        from eco_field.demo_cases import seed_cases

        text = self.tr("Demo data loaded: {e} enterprises, {o} officers, {t} tasks — all fictitious (名称带“演示”)."
                       ).format(e=added["enterprises"], o=added["officers"], t=added["tasks"])
        self.show_banner(text + " " + self.tr("Making the demo cases…"))
        self.ctx.run(lambda ws: seed_cases(ws, ws.cache_dir / "demo-cases"),
                     lambda made: self.show_banner(text + " " + self.tr(
                         "{n} demo cases (a fine with a hearing, a first violation not fined, a seizure followed "
                         "by a daily penalty) are under Cases.").format(n=len(made["cases"])) if made["cases"]
                         else text),
                     announce=("case", "inspection", "evidence", "document"),
                     on_error=lambda: self.show_banner(text))

    def open_settings(self):
        if self.ctx is None:  # still opening the data folder
            return None
        from ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.ctx, self)
        dialog.accepted.connect(self._settings_saved)
        dialog.open()
        return dialog

    def _settings_saved(self) -> None:
        if self.ctx.language != self._language:
            emit(self.rebuild_requested)

    def show_banner(self, text: str) -> None:
        self.banner.setText(text)
