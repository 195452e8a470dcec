"""Start the GUI: arguments, translations, the data folder (created with demo data on first start)."""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from eco_field.errors import EcoFieldError
from eco_field.paths import DATABASE_NAME, resolve_data_dir
from eco_field.store import settings
from eco_field.workspace import Workspace
from ui import i18n, tasks
from ui.context import AppContext
from ui.main_window import MainWindow
from ui.style import STYLESHEET


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python main.py", description="EcoField desktop application")
    parser.add_argument("--data-dir", help="data folder (default: ECO_FIELD_HOME or the per-user folder)")
    parser.add_argument("--lang", choices=sorted(i18n.LANGUAGES), help="interface language (default: setting)")
    parser.add_argument("--pseudo", action="store_true", help="pseudo-localise: stretch every string")
    parser.add_argument("--no-demo", action="store_true", help="do not add demo data on first start")
    return parser.parse_args(argv)


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
    first_start = not (data_dir / DATABASE_NAME).exists()
    ws = Workspace.open(data_dir, create=True)
    language = settings.get(ws.db, "language")
    return AppContext(data_dir=data_dir, ws=ws, language=language), first_start


def first_start_banner(window: MainWindow, data_dir: Path, with_demo: bool) -> None:
    text = window.tr("Welcome to EcoField. Your data folder is {path}.").format(path=data_dir)
    window.show_banner(text)
    if with_demo:
        window.load_demo()


def build_window(ctx: AppContext, pseudo: bool = False) -> MainWindow:
    i18n.install(ctx.language, pseudo)
    return MainWindow(ctx)


_shown: list[MainWindow] = []

# Modules the inspection editor needs; imported in the background once the window is up, so opening the
# first inspection does not stall the GUI thread on imports (openpyxl, Pillow, the law catalog ...).
WARM_MODULES = ("eco_field.evidence.service", "eco_field.readings.service", "eco_field.law.cases",
                "eco_field.law.case_assessment", "eco_field.sync.client")


def warm_up() -> None:
    import importlib

    def load() -> None:
        for name in WARM_MODULES:
            importlib.import_module(name)

    tasks.run_task(load, lambda _result, _error: None)


def show_window(ctx: AppContext, pseudo: bool = False) -> MainWindow:
    """Build and show the main window; a language change rebuilds it in the new language."""
    window = build_window(ctx, pseudo)

    def rebuild() -> None:
        geometry = window.saveGeometry()
        replacement = show_window(ctx, pseudo)
        replacement.restoreGeometry(geometry)
        if window.background_sync is not None:
            replacement.start_background_sync()
        window.close()
        _shown.remove(window)
        window.deleteLater()

    window.rebuild_requested.connect(rebuild)
    window.show()
    _shown.append(window)  # a top-level window lives as long as Python holds it
    return window


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    app = QApplication.instance() or QApplication([sys.argv[0]])
    app.setApplicationName("EcoField")
    app.setStyleSheet(STYLESHEET)
    data_dir = chosen_data_dir(args.data_dir)
    try:
        ctx, first_start = open_context(data_dir)
    except EcoFieldError as exc:
        print(f"EcoField: {exc}", file=sys.stderr)
        if not os.environ.get("ECO_FIELD_QUIT_AFTER_SHOW"):  # headless checks get the message on stderr only
            i18n.install(args.lang or "zh_CN")
            QMessageBox.critical(None, "EcoField", str(exc))
        return exc.exit_code
    ctx.language = args.lang or ctx.language
    window = show_window(ctx, args.pseudo)
    if first_start:
        first_start_banner(window, data_dir, with_demo=not args.no_demo)
    QTimer.singleShot(300, warm_up)
    QTimer.singleShot(1000, window.start_background_sync)
    if os.environ.get("ECO_FIELD_QUIT_AFTER_SHOW"):  # start-up checks and bench/startup.py
        app.processEvents()
        print(f"shown {time.time():.6f}", flush=True)
        QTimer.singleShot(0, app.quit)
    code = app.exec()
    tasks.pool().waitForDone()
    ctx.close()
    return code
