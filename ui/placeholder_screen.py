"""A section whose service has not landed yet: says so plainly instead of pretending."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ui.empty_state import EmptyState


class PlaceholderScreen(QWidget):
    def __init__(self, title: str, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(title, objectName="screenTitle"))
        layout.addWidget(EmptyState(self.tr("Not available in this version"), text), 1)
