"""A friendly empty state: what this screen is for and the next step, with a button for it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget


class EmptyState(QWidget):
    def __init__(self, title: str, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        self.title = QLabel(title, objectName="emptyTitle", alignment=Qt.AlignmentFlag.AlignCenter)
        self.text = QLabel(text, objectName="emptyText", alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True)
        layout.addWidget(self.title)
        layout.addWidget(self.text)
        self._buttons = QHBoxLayout()
        self._buttons.addStretch(1)
        self._buttons.addStretch(1)
        layout.addLayout(self._buttons)
        layout.addStretch(2)

    def add_action(self, label: str, handler: Callable[[], None], primary: bool = False) -> QPushButton:
        button = QPushButton(label)
        if primary:
            button.setObjectName("primary")
        button.clicked.connect(handler)
        self._buttons.insertWidget(self._buttons.count() - 1, button)
        return button
