"""A line above the screens (first start, demo data) that the officer can dismiss."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QWidget


class Banner(QFrame):
    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="banner")
        self.label = QLabel(text, wordWrap=True)
        self.close_button = QToolButton(text="✕")
        self.close_button.setToolTip(self.tr("Dismiss"))
        self.close_button.setAccessibleName(self.tr("Dismiss"))
        self.close_button.setAutoRaise(True)
        self.close_button.clicked.connect(self.dismiss)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.close_button)
        self.setVisible(bool(text))

    def text(self) -> str:
        return self.label.text() if self.isVisibleTo(self.parentWidget()) or not self.parentWidget() else ""

    def setText(self, text: str) -> None:  # noqa: N802 - QLabel's name, which callers used
        self.label.setText(text)
        self.setVisible(bool(text))

    def dismiss(self) -> None:
        self.label.setText("")
        self.hide()
