"""A table model that pages rows in from a service function instead of loading a list whole.

fetch(limit, offset) returns the next rows (records); columns map a record to the text of each column.
Qt asks canFetchMore/fetchMore as the view scrolls, so opening a list of 100,000 inspections reads one
page. reset() drops what was loaded (new search, or a change announced by the hub).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex
PAGE_SIZE = 200


class Column:
    def __init__(self, title: str, text: Callable[[Any], str], align_right: bool = False,
                 tooltip: Callable[[Any], str] | None = None) -> None:
        self.title, self.text, self.align_right, self.tooltip = title, text, align_right, tooltip


class PagedTableModel(QAbstractTableModel):
    def __init__(self, columns: Sequence[Column], fetch: Callable[[int, int], list[Any]],
                 page_size: int = PAGE_SIZE, parent=None) -> None:
        super().__init__(parent)
        self.columns, self._fetch, self.page_size = list(columns), fetch, page_size
        self._rows: list[Any] = []
        self._more = True

    def set_fetch(self, fetch: Callable[[int, int], list[Any]]) -> None:
        self._fetch = fetch
        self.reset()

    def reset(self) -> None:
        self.beginResetModel()
        self._rows, self._more = [], True
        self.endResetModel()
        if self.canFetchMore(QModelIndex()):
            self.fetchMore(QModelIndex())

    def reset_with(self, first_page: list[Any]) -> None:
        """Show a first page read elsewhere (a search run in the background); later pages come from fetch."""
        self.beginResetModel()
        self._rows, self._more = list(first_page), len(first_page) == self.page_size
        self.endResetModel()

    def record(self, row: int) -> Any:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.columns)

    def canFetchMore(self, parent: Index) -> bool:  # noqa: N802
        return not parent.isValid() and self._more

    def fetchMore(self, parent: Index) -> None:  # noqa: N802
        if parent.isValid() or not self._more:
            return
        page = self._fetch(self.page_size, len(self._rows))
        self._more = len(page) == self.page_size
        if page:
            start = len(self._rows)
            self.beginInsertRows(QModelIndex(), start, start + len(page) - 1)
            self._rows.extend(page)
            self.endInsertRows()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(self._rows[index.row()])
        if role == Qt.ItemDataRole.TextAlignmentRole and column.align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return self._rows[index.row()]
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip is not None:
            return column.tooltip(self._rows[index.row()])
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section].title
        return None
