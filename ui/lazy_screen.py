"""A section built the first time it is shown, so start-up imports and builds only the first screen.

Until the data folder is open (the window is shown before it, see ui.startup) a section shows a loading
line instead; set_ready() lets it build, at once when it is on screen.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class LazyScreen(QWidget):
    def __init__(self, factory: Callable[[], QWidget], parent: QWidget | None = None, waiting: str = "") -> None:
        super().__init__(parent)
        self._factory = factory
        self.widget: QWidget | None = None
        self.ready = not waiting
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.waiting: QLabel | None = None
        if waiting:
            self.waiting = QLabel(waiting, objectName="emptyText", alignment=Qt.AlignmentFlag.AlignCenter)
            layout.addWidget(self.waiting)

    def build(self) -> QWidget:
        if self.widget is None:
            self._drop_waiting()
            self.ready = True
            self.widget = self._factory()
            self.layout().addWidget(self.widget)
            self.widget.show()  # a child added to a shown parent stays hidden unless told
        return self.widget

    def set_ready(self) -> None:
        """The data is open: build now if on screen, else when first shown."""
        self.ready = True
        if self.isVisible():
            self.build()

    def _drop_waiting(self) -> None:
        if self.waiting is not None:
            self.layout().removeWidget(self.waiting)
            self.waiting.deleteLater()
            self.waiting = None

    def showEvent(self, event) -> None:  # noqa: N802
        if self.ready:
            self.build()
        super().showEvent(event)
