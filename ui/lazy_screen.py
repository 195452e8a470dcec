"""A section built the first time it is shown, so start-up imports and builds only the first screen."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QVBoxLayout, QWidget


class LazyScreen(QWidget):
    def __init__(self, factory: Callable[[], QWidget], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._factory = factory
        self.widget: QWidget | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

    def build(self) -> QWidget:
        if self.widget is None:
            self.widget = self._factory()
            self.layout().addWidget(self.widget)
            self.widget.show()  # a child added to a shown parent stays hidden unless told
        return self.widget

    def showEvent(self, event) -> None:  # noqa: N802
        self.build()
        super().showEvent(event)
