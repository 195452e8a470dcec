"""Start the GUI: arguments, translations, the data folder (created with demo data on first start).

The window is shown before the data folder is opened (see ui.startup), so this module, like
ui.main_window, imports the core's store and sqlite-utils only inside functions.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from eco_field.errors import EcoFieldError
from eco_field.paths import resolve_data_dir
from ui import i18n, startup, tasks
from ui.main_window import MainWindow
from ui.style import STYLESHEET

if TYPE_CHECKING:
    from ui.context import AppContext


def parse_args(argv: list[str]) -> argparse.Namespace:
    """The command line, its help and argparse's errors in the interface language: --lang when given, else
    the last start's (the CLI's mechanism and catalog: eco_field.cli.help_language)."""
    from eco_field import messages
    from eco_field.cli import help_language

    messages.set_language(lang_given(argv) or startup.last_language())
    help_language.install()
    parser = argparse.ArgumentParser(prog="python main.py", description="EcoField desktop application")
    parser.add_argument("--data-dir", help="data folder (default: ECO_FIELD_HOME or the per-user data folder)")
    parser.add_argument("--lang", choices=sorted(i18n.LANGUAGES),
                        help="interface language (default: the one last used)")
    parser.add_argument("--pseudo", action="store_true", help="pseudo-localise: stretch every string")
    parser.add_argument("--no-demo", action="store_true", help="do not offer demo data on first start")
    return help_language.localise(parser).parse_args(argv)


def lang_given(argv: list[str]) -> str | None:
    """The --lang of a command line not yet parsed (its last valid one), so --help reads in it."""
    found = None
    for index, arg in enumerate(argv):
        if arg == "--":
            break
        value = argv[index + 1] if arg == "--lang" and index + 1 < len(argv) else \
            arg.split("=", 1)[1] if arg.startswith("--lang=") else None
        if value in i18n.LANGUAGES:
            found = value
    return found


def chosen_data_dir(explicit: str | None) -> Path:
    """--data-dir, else ECO_FIELD_HOME, else the folder picked in Settings, else the per-user folder."""
    if explicit:
        return resolve_data_dir(explicit)
    saved = QSettings("EcoField", "EcoField").value("data_dir", "")  # ui.settings_dialog.DATA_DIR_KEY
    if not os.environ.get("ECO_FIELD_HOME") and saved:
        return Path(str(saved))
    return resolve_data_dir(None)


def open_context(data_dir: Path) -> tuple[AppContext, bool]:
    """Open (creating on first start) the data folder; returns the context and whether it was new."""
    from eco_field.paths import DATABASE_NAME
    from eco_field.store import settings
    from eco_field.workspace import Workspace
    from ui.context import AppContext

    first_start = not (data_dir / DATABASE_NAME).exists()
    ws = Workspace.open(data_dir, create=True)
    language = settings.get(ws.db, "language")
    return AppContext(data_dir=data_dir, ws=ws, language=language), first_start


def first_start(window: MainWindow, offer_demo: bool = True):
    """The data folder was just created: ask who uses this laptop and how to begin (ui.first_start)."""
    from ui import first_start as setup_dialog

    return setup_dialog.offer(window, offer_demo)


def build_window(ctx: AppContext, pseudo: bool = False) -> MainWindow:
    i18n.install(ctx.language, pseudo)
    return MainWindow(ctx)


_shown: list[MainWindow] = []

# Modules the inspection editor needs; imported in the background once the window is up, so opening the
# first inspection does not stall the GUI thread on imports (openpyxl, Pillow, the law catalog ...).
WARM_MODULES = ("sqlite_utils", "eco_field.evidence.service", "eco_field.readings.service", "eco_field.law.cases",
                "eco_field.law.case_assessment", "eco_field.sync.client")


def warm_up() -> None:
    import importlib

    def load() -> None:
        for name in WARM_MODULES:
            importlib.import_module(name)

    tasks.run_task(load, lambda _result, _error: None)


def _manage(window: MainWindow, ctx: AppContext, pseudo: bool) -> MainWindow:
    """Keep the window alive while shown; a language change rebuilds it in the new language."""

    def rebuild() -> None:
        geometry = window.saveGeometry()
        replacement = show_window(ctx, pseudo)
        replacement.restoreGeometry(geometry)
        if window.background_sync is not None:
            replacement.start_background_sync()
        startup.remember_language(ctx.language)
        window.close()
        _shown.remove(window)
        window.deleteLater()

    window.rebuild_requested.connect(rebuild)
    if window not in _shown:
        _shown.append(window)  # a top-level window lives as long as Python holds it
    return window


def show_window(ctx: AppContext, pseudo: bool = False) -> MainWindow:
    """Build and show the main window over an open data folder."""
    window = _manage(build_window(ctx, pseudo), ctx, pseudo)
    window.show()
    return window


def show_shell(language: str, pseudo: bool = False) -> MainWindow:
    """The main window before the data folder is open: sidebar and a loading line."""
    i18n.install(language, pseudo)
    window = MainWindow(language=language)
    window.show()
    _shown.append(window)
    return window


class Start:
    """main()'s state between showing the window and the data folder being open."""

    def __init__(self, args: argparse.Namespace, app: QApplication, data_dir: Path, quit_after_show: bool = False,
                 background: bool = True) -> None:
        self.args, self.app, self.data_dir, self.quit_after_show = args, app, data_dir, quit_after_show
        self.background = background  # warm-up imports and background sync (tests leave them out)
        self.language = args.lang or startup.last_language()
        self.ctx: AppContext | None = None
        self.setup = None  # the first-start dialog, while it is open
        self.window = show_shell(self.language, args.pseudo)

    def open_folder(self) -> None:
        startup.open_folder_in_background(self.data_dir, self.folder_ready)

    def folder_ready(self, ready: startup.FolderReady | None, error: BaseException | None) -> None:
        if error is not None:
            self.refuse(error)
            return
        from ui.context import AppContext

        self.ctx = ctx = AppContext(data_dir=self.data_dir, ws=ready.workspace,
                                    language=self.args.lang or ready.language)
        if ctx.language == self.language:
            self.window.attach(ctx)
            _manage(self.window, ctx, self.args.pseudo)
        else:  # the database says another language than the last start: build the window in it
            shell, self.window = self.window, show_window(ctx, self.args.pseudo)
            self.window.restoreGeometry(shell.saveGeometry())
            shell.close()
            _shown.remove(shell)
            shell.deleteLater()
        if not self.args.lang:
            startup.remember_language(ctx.language)
        if ready.first_start and not self.quit_after_show:
            self.setup = first_start(self.window, offer_demo=not self.args.no_demo)
        if self.background:
            QTimer.singleShot(300, warm_up)
            QTimer.singleShot(1000, self.window.start_background_sync)
        if self.quit_after_show:  # start-up checks and bench/startup.py: the first screen has its content
            self.app.processEvents()
            print(f"ready {time.time():.6f}", flush=True)
            # what the window says, for checks of a built bundle (translations found)
            print(f"window {self.window.windowTitle()} | {self.window.sidebar.item(0).text()}", flush=True)
            QTimer.singleShot(0, self.app.quit)

    def refuse(self, error: BaseException) -> None:
        """The data folder cannot be opened: say why and end with the error's exit code."""
        code = error.exit_code if isinstance(error, EcoFieldError) else 1
        text = str(error) if isinstance(error, EcoFieldError) else f"{type(error).__name__}: {error}"
        print(f"EcoField: {text}", file=sys.stderr)
        if not self.quit_after_show:  # headless checks get the message on stderr only
            QMessageBox.critical(self.window, "EcoField", text)
        self.app.exit(code)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    app = QApplication.instance() or QApplication([sys.argv[0]])
    app.setApplicationName("EcoField")
    app.setStyleSheet(STYLESHEET)
    quit_after_show = bool(os.environ.get("ECO_FIELD_QUIT_AFTER_SHOW"))
    start = Start(args, app, chosen_data_dir(args.data_dir), quit_after_show)
    if quit_after_show:  # the moment bench/startup.py measures: the window with its sidebar painted
        app.processEvents()
        print(f"shown {time.time():.6f}", flush=True)
    QTimer.singleShot(0, start.open_folder)  # after the first paint
    code = app.exec()
    tasks.pool().waitForDone()
    if start.ctx is not None:
        start.ctx.close()
    return code
