"""Start-up in two steps: the window is shown first, the data folder is opened right after, off the GUI thread.

Opening the data folder imports sqlite-utils and the core's store (about 60 ms) and, on a first start,
creates and migrates the database; doing that before the window appeared made start-up 2.6 times as slow
as an empty Qt window. Now the shell (sidebar, a loading line) is painted first; a background job opens
and migrates the folder and imports the first screen's modules; back on the GUI thread the window takes
over that job's connection (opened with check_same_thread=False, and the job no longer uses it) and
attach() builds the first screen. The first screen reads through the plain connection (Workspace.conn), so
sqlite-utils is imported by the warm-up after it is shown, not before.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings

from ui import tasks

if TYPE_CHECKING:
    from eco_field.workspace import Workspace

LANGUAGE_KEY = "language"  # QSettings: the language of the last start, used for the window shown before the data
# Modules the first screen and the status bar need, imported by the background job rather than the GUI thread.
FIRST_SCREEN_MODULES = ("eco_field.workspace", "ui.context", "ui.status_bar", "ui.tasks_screen")


@dataclass(frozen=True)
class FolderReady:
    first_start: bool  # the database did not exist before
    language: str  # the language setting stored in the database
    workspace: Workspace  # open and migrated; handed to the GUI thread, which becomes its only user


def prepare_folder(data_dir: Path) -> FolderReady:
    """Create/migrate the data folder and import the first screen (runs on a worker thread)."""
    for name in FIRST_SCREEN_MODULES:
        importlib.import_module(name)
    from eco_field.paths import DATABASE_NAME
    from eco_field.store import settings
    from eco_field.workspace import Workspace

    first_start = not (data_dir / DATABASE_NAME).exists()
    ws = Workspace.open(data_dir, create=True)
    try:
        return FolderReady(first_start, settings.get(ws.conn, "language"), ws)
    except BaseException:
        ws.close()
        raise


def open_folder_in_background(data_dir: Path, done: Callable[[FolderReady | None, BaseException | None], None]) -> None:
    tasks.run_task(lambda: prepare_folder(data_dir), done)


def last_language() -> str:
    """The language of the last start (the database holds the setting, but it is not open yet)."""
    return str(QSettings("EcoField", "EcoField").value(LANGUAGE_KEY, "zh_CN"))


def remember_language(language: str) -> None:
    if last_language() != language:
        QSettings("EcoField", "EcoField").setValue(LANGUAGE_KEY, language)
