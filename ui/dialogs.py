"""The dialog service: every modal question, message and file choice goes through here.

Tests install ScriptedDialogs, which answers from a queue and records what was shown, so flows are tested
without patching QMessageBox (Picard's user_dialog_service).
"""

from __future__ import annotations

from collections import deque
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QWidget

# QFileDialog, ui.message_dialog (QStyle) and ui.file_places are imported where used: building their enum
# types costs start-up time, and the first screen shows no dialog.


class DialogService:
    def __init__(self, parent: QWidget | None = None) -> None:
        self.parent = parent

    # Questions and messages fit the screen (ui.message_dialog): long text scrolls, the buttons stay in view.
    def ask(self, title: str, text: str) -> bool:
        from ui import message_dialog

        return message_dialog.ask(self.parent, title, text)

    def inform(self, title: str, text: str) -> None:
        from ui import message_dialog

        message_dialog.show(self.parent, title, text)

    def error(self, title: str, text: str) -> None:
        from ui import message_dialog

        message_dialog.show(self.parent, title, text, warning=True)

    def get_text(self, title: str, label: str, text: str = "") -> str | None:
        """One line of text from the officer (a removal reason, a label); None when cancelled."""
        from PySide6.QtWidgets import QInputDialog

        value, accepted = QInputDialog.getText(self.parent, title, label, text=text)
        return value if accepted else None

    # File dialogs open on a camera card's DCIM folder when one is mounted, else Pictures (ui.file_places);
    # their filter names are translated.
    def open_files(self, title: str, filters: str = "") -> list[Path]:
        from PySide6.QtWidgets import QFileDialog

        from ui import file_places

        names, _ = QFileDialog.getOpenFileNames(self.parent, title, str(file_places.start_folder()),
                                                file_places.translated_filters(filters))
        return [Path(n) for n in names]

    def open_folder(self, title: str) -> Path | None:
        from PySide6.QtWidgets import QFileDialog

        from ui import file_places

        name = QFileDialog.getExistingDirectory(self.parent, title, str(file_places.start_folder()))
        return Path(name) if name else None

    def save_file(self, title: str, suggested: str, filters: str = "") -> Path | None:
        from PySide6.QtWidgets import QFileDialog

        from ui import file_places

        start = Path(suggested) if Path(suggested).is_absolute() else Path.home() / "Documents" / suggested
        name, _ = QFileDialog.getSaveFileName(self.parent, title, str(start), file_places.translated_filters(filters))
        return Path(name) if name else None

    def setup_printer(self, printer: Any) -> bool:
        """The system print dialog for this printer; False when the officer cancels."""
        from PySide6.QtPrintSupport import QPrintDialog

        return QPrintDialog(printer, self.parent).exec() == QPrintDialog.DialogCode.Accepted

    def print_preview(self, paint: Any) -> bool:
        """Qt's print preview of what paint(printer) draws, on A4; the officer prints from there (Ctrl+P)."""
        from PySide6.QtPrintSupport import QPrintPreviewDialog

        from ui.pdf_print import a4_printer

        printer = a4_printer()
        dialog = QPrintPreviewDialog(printer, self.parent)
        dialog.paintRequested.connect(paint)
        screen = dialog.screen().availableGeometry() if dialog.screen() else None
        if screen is not None:  # fits a 1280×720 screen
            dialog.resize(min(900, screen.width() - 40), min(640, screen.height() - 60))
        return dialog.exec() == QPrintPreviewDialog.DialogCode.Accepted


class ScriptedDialogs(DialogService):
    """Answers from a queue of prepared replies; every call is kept in `shown` for assertions."""

    def __init__(self, *answers: Any) -> None:
        super().__init__(None)
        self.answers: deque[Any] = deque(answers)
        self.shown: list[tuple[str, str, str]] = []

    def _next(self, kind: str, title: str, text: str, default: Any) -> Any:
        self.shown.append((kind, title, text))
        return self.answers.popleft() if self.answers else default

    def ask(self, title: str, text: str) -> bool:
        return bool(self._next("ask", title, text, True))

    def inform(self, title: str, text: str) -> None:
        self.shown.append(("inform", title, text))

    def error(self, title: str, text: str) -> None:
        self.shown.append(("error", title, text))

    def get_text(self, title: str, label: str, text: str = "") -> str | None:
        return self._next("get_text", title, label, None)

    def open_files(self, title: str, filters: str = "") -> list[Path]:
        return list(self._next("open_files", title, filters, []))

    def open_folder(self, title: str) -> Path | None:
        return self._next("open_folder", title, "", None)

    def save_file(self, title: str, suggested: str, filters: str = "") -> Path | None:
        return self._next("save_file", title, suggested, None)

    def setup_printer(self, printer: Any) -> bool:
        """Tests print to a PDF file instead of a device: the next answer is that file's path."""
        from PySide6.QtPrintSupport import QPrinter

        target = self._next("setup_printer", "print", "", None)
        if target is None:
            return False
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(target))
        return True

    def print_preview(self, paint: Any) -> bool:
        """The preview's pages are drawn into the PDF file named by the next answer (None: closed)."""
        from PySide6.QtPrintSupport import QPrinter

        from ui.pdf_print import a4_printer

        target = self._next("print_preview", "print preview", "", None)
        if target is None:
            return False
        printer = a4_printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(target))
        paint(printer)
        return True
