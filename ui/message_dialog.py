"""A question or message that always fits the screen: long text scrolls, the buttons stay in view.

QMessageBox grows with its text; the seal summary (every file of an inspection) made it 794 px tall, and
on a 720 px screen 是/否 fell off the bottom. Here the text sits in a scroll area capped to the screen.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QStyle,
    QVBoxLayout,
    QWidget,
)

MAX_HEIGHT = 600  # fits 1280×720 with the title bar and a task bar
MAX_WIDTH = 640


class MessageDialog(QDialog):
    """title, a text (scrolls when long), and 是/否 (question) or 确定."""

    def __init__(self, parent: QWidget | None, title: str, text: str, *, question: bool = False,
                 warning: bool = False) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setObjectName("messageDialog")
        icon = (QStyle.StandardPixmap.SP_MessageBoxQuestion if question else
                QStyle.StandardPixmap.SP_MessageBoxWarning if warning else QStyle.StandardPixmap.SP_MessageBoxInformation)
        picture = QLabel()
        picture.setPixmap(self.style().standardIcon(icon).pixmap(32, 32))
        picture.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.text = QLabel(text)
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.scroll.setWidget(self.text)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        row = QHBoxLayout()
        row.addWidget(picture)
        row.addWidget(self.scroll, 1)
        buttons = QDialogButtonBox.StandardButton.Yes | QDialogButtonBox.StandardButton.No if question \
            else QDialogButtonBox.StandardButton.Ok
        self.buttons = QDialogButtonBox(buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.safe = self.buttons.button(QDialogButtonBox.StandardButton.No) if question else None
        layout = QVBoxLayout(self)
        layout.addLayout(row, 1)
        layout.addWidget(self.buttons)
        self._fit()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if self.safe is not None:  # Enter does not seal by accident: the safe answer is the default
            self.safe.setDefault(True)
            self.safe.setFocus()

    def _fit(self) -> None:
        screen = QGuiApplication.primaryScreen()
        available = screen.availableGeometry().height() if screen is not None else 720
        limit = min(MAX_HEIGHT, int(available * 0.85))
        width = MAX_WIDTH
        self.text.setFixedWidth(width - 80)
        text_height = self.text.heightForWidth(width - 80)
        self.text.setMinimumWidth(0)
        self.text.setMaximumWidth(16777215)
        chrome = 90  # icon row margins and the buttons
        self.scroll.setMinimumHeight(min(max(text_height, 40), limit - chrome))
        self.resize(width, min(text_height + chrome, limit))
        self.setMaximumHeight(max(limit, 200))


def ask(parent: QWidget | None, title: str, text: str) -> bool:
    return MessageDialog(parent, title, text, question=True).exec() == QDialog.DialogCode.Accepted


def show(parent: QWidget | None, title: str, text: str, warning: bool = False) -> None:
    MessageDialog(parent, title, text, warning=warning).exec()
