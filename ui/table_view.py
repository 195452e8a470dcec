"""The list view every screen uses: whole-row selection, tall rows, Enter or double-click opens a row."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from ui.style import TOUCH_HEIGHT


class RecordTable(QTableView):
    def __init__(self, on_open: Callable[[Any], None] | None = None, parent=None) -> None:
        super().__init__(parent)
        self._on_open = on_open
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(TOUCH_HEIGHT)
        self.horizontalHeader().setStretchLastSection(True)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.doubleClicked.connect(self._open_index)

    def set_column_widths(self, widths: list[int]) -> None:
        for column, width in enumerate(widths):
            self.setColumnWidth(column, width)

    def current_record(self) -> Any:
        index = self.currentIndex()
        return index.data(Qt.ItemDataRole.UserRole) if index.isValid() else None

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self._open_index(self.currentIndex())
            return
        super().keyPressEvent(event)

    def _open_index(self, index: QModelIndex) -> None:
        if self._on_open is not None and index.isValid():
            self._on_open(index.data(Qt.ItemDataRole.UserRole))
