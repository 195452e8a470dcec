"""A list page: title, search box, record count, action buttons, a paged table, and an empty state."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ui.empty_state import EmptyState
from ui.paged_model import Column, PagedTableModel
from ui.table_view import RecordTable

SEARCH_DELAY_MS = 250


class ListPage(QWidget):
    """fetch(search, limit, offset) and count(search) are service calls; on_open(record) opens a row."""

    def __init__(self, title: str, columns: Sequence[Column], fetch: Callable[[str, int, int], list[Any]],
                 count: Callable[[str], int], on_open: Callable[[Any], None], empty: EmptyState,
                 search_hint: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._fetch, self._count = fetch, count
        self.model = PagedTableModel(columns, lambda limit, offset: fetch(self.search_text(), limit, offset))
        self.table = RecordTable(on_open)
        self.table.setModel(self.model)
        self.empty = empty
        self.search = QLineEdit(placeholderText=search_hint, clearButtonEnabled=True)
        self.search.setVisible(bool(search_hint))
        self.count_label = QLabel()
        self._timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(lambda _text: self._timer.start())
        self.search.returnPressed.connect(self.refresh)
        self._build(title)

    def _build(self, title: str) -> None:
        header = QHBoxLayout()
        header.addWidget(QLabel(title, objectName="screenTitle"))
        header.addWidget(self.count_label)
        header.addStretch(1)
        self.actions = QHBoxLayout()
        header.addLayout(self.actions)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.search)
        layout.addWidget(self.stack, 1)

    def add_action(self, label: str, handler: Callable[[], None], primary: bool = False) -> QPushButton:
        button = QPushButton(label)
        if primary:
            button.setObjectName("primary")
        button.clicked.connect(handler)
        self.actions.addWidget(button)
        return button

    def search_text(self) -> str:
        return self.search.text().strip()

    def refresh(self) -> None:
        """Re-read the first page and the count (a new search, or the data changed)."""
        self._timer.stop()
        total = self._count(self.search_text())
        self.count_label.setText(self.tr("{n} in all").format(n=f"{total:,}"))
        self.model.reset()
        nothing = total == 0 and not self.search_text()
        self.stack.setCurrentWidget(self.empty if nothing else self.table)
