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


# run_search(text, done): count and read the first page for a search off the GUI thread, then call
# done((count, first_page)) on it. A substring search of 100,000 rows can take longer than a frame.
SearchRunner = Callable[[str, Callable[[tuple[int, list[Any]]], None]], None]


class ListPage(QWidget):
    """fetch(search, limit, offset) and count(search) are service calls; on_open(record) opens a row."""

    def __init__(self, title: str, columns: Sequence[Column], fetch: Callable[[str, int, int], list[Any]],
                 count: Callable[[str], int], on_open: Callable[[Any], None], empty: EmptyState,
                 search_hint: str = "", parent: QWidget | None = None, run_search: SearchRunner | None = None) -> None:
        super().__init__(parent)
        self._fetch, self._count, self._run_search = fetch, count, run_search
        self._generation = 0  # a newer search makes the answers of older ones obsolete
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
        self._generation += 1
        text = self.search_text()
        if text and self._run_search is not None:
            generation = self._generation
            self.count_label.setText(self.tr("searching…"))
            self._run_search(text, lambda result: self._searched(generation, result))
            return
        total = self._count(text)
        self.model.reset()
        self._show_count(total)

    def _searched(self, generation: int, result: tuple[int, list[Any]]) -> None:
        if generation != self._generation:
            return
        total, first_page = result
        self.model.reset_with(first_page)
        self._show_count(total)

    def _show_count(self, total: int) -> None:
        self.count_label.setText(self.tr("{n} in all").format(n=f"{total:,}"))
        nothing = total == 0 and not self.search_text()
        self.stack.setCurrentWidget(self.empty if nothing else self.table)


def matching(records: list[Any], search: str, *fields: Callable[[Any], str]) -> list[Any]:
    """Records whose fields contain every word of the search (lists held in memory: tasks, cases)."""
    words = search.lower().split()
    if not words:
        return list(records)
    return [r for r in records if all(w in " ".join(f(r) or "" for f in fields).lower() for w in words)]
