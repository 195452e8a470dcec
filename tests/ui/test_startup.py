"""Start-up in two steps: the window (sidebar, a loading line) is shown first, the data folder opened after."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from PySide6.QtWidgets import QApplication

from eco_field import demo
from eco_field.paths import PROJECT_ROOT
from eco_field.store import settings
from eco_field.store.database import write_transaction
from eco_field.workspace import Workspace
from ui import app as gui_app
from ui import i18n, startup


@pytest.fixture(autouse=True)
def close_windows():
    yield
    for window in list(gui_app._shown):
        window.close()
        gui_app._shown.remove(window)
    i18n.install("zh_CN")


def start(qtbot, data_dir, *argv: str) -> gui_app.Start:
    args = gui_app.parse_args(["--data-dir", str(data_dir), *argv])
    begun = gui_app.Start(args, QApplication.instance(), data_dir, background=False)
    qtbot.addWidget(begun.window)
    return begun


def close(begun: gui_app.Start) -> None:
    QApplication.processEvents()  # the status bar's deferred network check runs while the data is open
    begun.ctx.close()


def test_window_shows_sidebar_and_loading_line_before_the_data_is_open(qtbot, tmp_path):
    begun = start(qtbot, tmp_path / "d", "--no-demo")
    window = begun.window
    assert window.isVisible() and window.ctx is None
    assert [window.sidebar.item(i).text() for i in range(window.sidebar.count())] == ["任务", "检查", "企业", "案件", "同步"]
    tasks_section = window.screens["tasks"]
    assert tasks_section.widget is None and tasks_section.waiting.text() == "正在打开数据文件夹…"
    assert window.open_settings() is None  # nothing to set before the data is open
    begun.open_folder()  # jobs run inline in tests: the folder is created and the screen built
    assert window.ctx is begun.ctx and tasks_section.waiting is None
    assert window.tasks.list.stack.currentWidget() is window.tasks.list.empty  # --no-demo: an empty start
    assert begun.setup is not None and not begun.setup.demo.isVisibleTo(begun.setup)  # --no-demo: not offered
    begun.setup.reject()
    assert str(tmp_path / "d") in window.banner.text()  # set up later: the line names the data folder
    close(begun)


def test_first_start_asks_and_loads_the_demo_only_when_chosen(qtbot, tmp_path):
    begun = start(qtbot, tmp_path / "d")
    begun.open_folder()
    assert begun.setup.isVisible() and begun.window.tasks.list.model.rowCount() == 0  # nothing loaded unasked
    begun.setup.names[0].setText("李明")
    begun.setup.certs[0].setText("14110100009")
    begun.setup.demo.setChecked(True)
    begun.setup.buttons.accepted.emit()
    assert begun.window.tasks.list.model.rowCount() == 18
    assert "演示" in begun.window.banner.text()
    close(begun)


def test_window_is_rebuilt_when_the_database_speaks_another_language(qtbot, tmp_path):
    folder = tmp_path / "d"
    with Workspace.open(folder, create=True) as ws:
        demo.seed(ws)
        with write_transaction(ws.db):
            settings.put(ws.db, "language", "en")
    begun = start(qtbot, folder)
    shell = begun.window
    assert shell.sidebar.item(0).text() == "任务"  # the last start's language (none yet: Chinese)
    begun.open_folder()
    assert begun.window is not shell and begun.window.sidebar.item(0).text() == "Tasks"
    qtbot.addWidget(begun.window)
    assert begun.window.tasks.list.model.rowCount() == 18
    assert startup.last_language() == "en"  # the next start shows its window in English at once
    close(begun)


def test_a_damaged_database_is_refused_after_the_window_is_shown(qtbot, tmp_path, capsys):
    folder = tmp_path / "bad"
    folder.mkdir()
    (folder / "eco_field.db").write_bytes(b"this is not a database" * 100)
    class Application:  # records the exit code instead of ending the test run's event loops
        codes: list[int] = []

        def exit(self, code: int) -> None:
            self.codes.append(code)

    args = gui_app.parse_args(["--data-dir", str(folder)])
    application = Application()
    begun = gui_app.Start(args, application, folder, quit_after_show=True, background=False)
    qtbot.addWidget(begun.window)
    begun.open_folder()
    assert begun.ctx is None and application.codes == [2]
    assert "damaged" in capsys.readouterr().err


def test_the_window_is_built_without_importing_sqlite_utils_or_the_store():
    """What runs before the first paint stays light: sqlite-utils and the store load on the background job."""
    code = ("import os, sys; os.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
            "from PySide6.QtWidgets import QApplication\n"
            "app = QApplication([])\n"
            "from ui.app import show_shell\n"
            "window = show_shell('zh_CN'); app.processEvents()\n"
            "print(sorted(m for m in sys.modules if m.startswith(('sqlite_utils', 'eco_field.store', "
            "'eco_field.workspace', 'reportlab'))))\n")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                          env={**os.environ, "PYTHONPATH": str(PROJECT_ROOT)})
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "[]"


def test_the_first_screen_reads_its_tasks_without_importing_sqlite_utils(tmp_path):
    """An up-to-date database opens with one plain query for its migrations, and the tasks screen and status bar
    read through the plain connection: sqlite-utils (a fifth of the start-up) loads after the first screen."""
    folder = tmp_path / "d"
    with Workspace.open(folder, create=True) as ws:
        demo.seed(ws)
    code = ("import os, sys; os.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
            "from pathlib import Path\n"
            "from PySide6.QtWidgets import QApplication\n"
            "app = QApplication([])\n"
            "from ui import app as gui_app, tasks\n"
            "tasks.set_pool(tasks.SynchronousPool())\n"
            f"folder = Path({str(folder)!r})\n"
            "begun = gui_app.Start(gui_app.parse_args(['--data-dir', str(folder)]), app, folder, background=False)\n"
            "begun.open_folder(); app.processEvents()\n"
            "print(begun.window.tasks.list.model.rowCount(), 'sqlite_utils' in sys.modules)\n"
            "begun.ctx.close()\n")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                          env={**os.environ, "PYTHONPATH": str(PROJECT_ROOT)})
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split() == ["18", "False"]
