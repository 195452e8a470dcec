"""UI test fixtures: a fresh data folder per test, jobs run inline, scripted answers to every dialog."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

from eco_field import demo
from eco_field.workspace import Workspace
from ui import tasks
from ui.app import build_window
from ui.context import AppContext
from ui.dialogs import ScriptedDialogs


@pytest.fixture(autouse=True)
def synchronous_jobs():
    """Background jobs run at once on the test's thread, so no test waits or sleeps."""
    tasks.set_pool(tasks.SynchronousPool())
    yield
    tasks.set_pool(None)


@pytest.fixture(autouse=True)
def chinese_interface(qapp):
    """Every UI test sees the interface as an officer does: Chinese (Qt translations and core messages)."""
    from ui import i18n

    i18n.install("zh_CN")
    yield


@pytest.fixture(autouse=True)
def private_qsettings(tmp_path):
    """QSettings (the chosen data folder, the last language) inside the test's folder, never the user's.

    QSettings("EcoField", "EcoField") uses the native format, an ini file under ~/.config on Linux.
    """
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(tmp_path / "qsettings"))
    yield


@pytest.fixture(autouse=True)
def no_unscripted_modal_dialog(monkeypatch):
    """A window built by the real start-up path uses the real DialogService; a modal message it opens would
    wait for a click forever (pytest-timeout's alarm cannot interrupt Qt's loop). Fail with its text instead."""
    from ui import message_dialog

    def refuse(parent, title, text, **kwargs):
        raise AssertionError(f"an unscripted modal dialog opened: {title}: {text}")

    monkeypatch.setattr(message_dialog, "ask", refuse)
    monkeypatch.setattr(message_dialog, "show", refuse)


@pytest.fixture
def dialogs() -> ScriptedDialogs:
    return ScriptedDialogs()


def make_context(data_dir, dialogs: ScriptedDialogs, seed: bool, language: str = "zh_CN") -> AppContext:
    ws = Workspace.open(data_dir, create=True)
    if seed:
        demo.seed(ws)
    return AppContext(data_dir=data_dir, ws=ws, dialogs=dialogs, language=language)


@pytest.fixture
def ctx(data_dir, dialogs):
    """A demo-seeded data folder opened as the GUI would."""
    context = make_context(data_dir, dialogs, seed=True)
    yield context
    context.close()


@pytest.fixture
def empty_ctx(data_dir, dialogs):
    """A data folder whose database exists but holds nothing yet."""
    context = make_context(data_dir, dialogs, seed=False)
    yield context
    context.close()


@pytest.fixture
def window(qtbot, ctx):
    win = build_window(ctx)
    qtbot.addWidget(win)
    win.show()
    return win
