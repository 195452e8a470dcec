"""The main window: sections, Chinese labels, empty states, the status bar, first start."""

from __future__ import annotations

import os
import subprocess
import sys

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton

from eco_field.paths import DATABASE_NAME, PROJECT_ROOT
from eco_field.store import inspections, outbox
from eco_field.workspace import Workspace
from ui.app import build_window, open_context
from ui.main_window import SECTIONS


def sidebar_texts(win) -> list[str]:
    return [win.sidebar.item(i).text() for i in range(win.sidebar.count())]


def test_sidebar_is_chinese_and_switches_sections(window, qtbot):
    assert sidebar_texts(window) == ["任务", "检查", "企业", "案件", "同步"]
    for number, key in enumerate(SECTIONS, start=1):
        qtbot.keyClick(window, Qt.Key(Qt.Key.Key_0 + number), Qt.KeyboardModifier.ControlModifier)
        assert window.current_section() == key
        assert window.stack.currentWidget() is window.screens[key]


def test_lists_show_demo_tasks_and_inspections(window, ctx):
    assert window.tasks.list.model.rowCount() == 18
    assert window.tasks.list.stack.currentWidget() is window.tasks.list.table
    # no inspection yet: the empty state tells the officer what to do next
    assert window.inspections.list.stack.currentWidget() is window.inspections.list.empty
    assert "任务" in window.inspections.list.empty.text.text()


def test_inspections_list_refreshes_from_announced_change(window, ctx):
    assert window.inspections.list.model.rowCount() == 0  # built now, before the change
    task = window.tasks.list.model.record(0)
    inspections.create(ctx.db, task.enterprise_id, task.officers, task_id=task.id)
    assert window.inspections.list.model.rowCount() == 0  # nothing announced yet
    ctx.hub.announce("inspection")
    assert window.inspections.list.model.rowCount() == 1
    assert window.inspections.list.stack.currentWidget() is window.inspections.list.table


def test_status_bar_counts_pending_changes(window, ctx):
    pending = outbox.pending_count(ctx.db)
    assert f"{pending}" in window.status.pending.text()
    task = window.tasks.list.model.record(0)
    inspections.create(ctx.db, task.enterprise_id, task.officers)
    ctx.hub.announce("inspection")
    assert f"{pending + 1}" in window.status.pending.text()
    assert "从未" in window.status.last_sync.text()


def test_empty_database_offers_demo_data(qtbot, empty_ctx):
    win = build_window(empty_ctx)
    qtbot.addWidget(win)
    assert win.tasks.list.stack.currentWidget() is win.tasks.list.empty
    demo_button = next(b for b in win.tasks.list.empty.findChildren(QPushButton) if b.text() == "载入演示数据")
    qtbot.mouseClick(demo_button, Qt.MouseButton.LeftButton)
    assert win.tasks.list.model.rowCount() == 18
    assert win.enterprises.list.model.rowCount() == 44
    assert "演示" in win.banner.text()


def test_first_start_creates_database_and_the_demo_loads_on_request(qtbot, tmp_path):
    folder = tmp_path / "fresh"
    ctx, first = open_context(folder)
    try:
        assert first and (folder / DATABASE_NAME).exists()
        win = build_window(ctx)
        qtbot.addWidget(win)
        assert win.tasks.list.model.rowCount() == 0  # the demo is a choice, never loaded unasked
        win.load_demo()
        assert win.tasks.list.model.rowCount() == 18 and "演示" in win.banner.text()
        QApplication.processEvents()  # the status bar's deferred network check runs while the data is open
    finally:
        ctx.close()
    _, again = open_context(folder)
    assert again is False


def test_main_py_starts_and_quits(tmp_path):
    """The README's first command, in a subprocess: the window opens on a fresh data folder and quits."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "ECO_FIELD_HOME": str(tmp_path / "home"),
           "ECO_FIELD_QUIT_AFTER_SHOW": "1"}
    proc = subprocess.run([sys.executable, str(PROJECT_ROOT / "main.py")], env=env, capture_output=True,
                          text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    with Workspace.open(tmp_path / "home") as ws:
        assert len(inspections.list_inspections(ws.db)) == 0
        assert ws.db.execute("SELECT count(*) FROM enterprises").fetchone()[0] == 0  # the demo only when chosen


def test_a_damaged_database_is_refused_with_a_message(tmp_path):
    folder = tmp_path / "bad"
    folder.mkdir()
    (folder / DATABASE_NAME).write_bytes(b"this is not a database" * 100)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "ECO_FIELD_QUIT_AFTER_SHOW": "1"}
    proc = subprocess.run([sys.executable, str(PROJECT_ROOT / "main.py"), "--data-dir", str(folder)], env=env,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2
    assert "damaged" in proc.stderr and str(folder) in proc.stderr
