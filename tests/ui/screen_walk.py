"""Walk every screen and dialog of the window (the screenshot list) and collect the text a user can see."""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QTabBar,
    QWidget,
)

TAGS = re.compile(r"<[^>]+>")
MAX_ROWS = 15
# PySide6 6.12 (Python 3.11): an empty QVariant handed to Python as None drops a reference to None, and
# enough of them crash the interpreter at exit ("none_dealloc"). Each reference lost is held back here.
_HELD_NONE: list[None] = []


def _data(model, *args):
    before = sys.getrefcount(None)
    value = model.data(*args) if len(args) == 2 else model.headerData(*args)
    lost = before - sys.getrefcount(None)
    if lost > 0:
        _HELD_NONE.extend([None] * lost)
    return value


def texts(root: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) for every visible text under root: labels, buttons, titles, tabs, placeholders,
    tooltips, combo items, table headers and the first rows of every list."""
    if root.windowTitle():
        yield "title", root.windowTitle()
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisible():
            continue
        name = type(widget).__name__ + (f"#{widget.objectName()}" if widget.objectName() else "")
        if widget.toolTip():
            yield f"{name} tooltip", widget.toolTip()
        if isinstance(widget, QLabel) and widget.text():
            yield name, TAGS.sub(" ", widget.text()).replace("&nbsp;", " ")
        elif isinstance(widget, QAbstractButton) and widget.text():
            yield name, widget.text().replace("&", "")
        elif isinstance(widget, QGroupBox) and widget.title():
            yield name, widget.title()
        elif isinstance(widget, QTabBar):
            for i in range(widget.count()):
                yield f"{name} tab", widget.tabText(i).replace("&", "")
                if widget.tabToolTip(i):
                    yield f"{name} tab tooltip", widget.tabToolTip(i)
        elif isinstance(widget, QLineEdit) and widget.placeholderText():
            yield f"{name} placeholder", widget.placeholderText()
        elif isinstance(widget, QComboBox):
            for i in range(widget.count()):
                yield f"{name} item", widget.itemText(i)
        elif isinstance(widget, QListWidget):
            for i in range(min(widget.count(), MAX_ROWS)):
                yield f"{name} item", widget.item(i).text()
        elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
            yield from _view_texts(name, widget)


def _view_texts(name: str, view: QAbstractItemView) -> Iterator[tuple[str, str]]:
    model = view.model()
    for column in range(model.columnCount()):
        header = _data(model, column, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
        if header:
            yield f"{name} header", str(header)
    for row in range(min(model.rowCount(), MAX_ROWS)):
        for column in range(model.columnCount()):
            index = model.index(row, column)
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                value = _data(model, index, role)
                if isinstance(value, str) and value:
                    yield f"{name} cell{'' if role == Qt.ItemDataRole.DisplayRole else ' tooltip'}", value


def walk(window) -> Iterator[tuple[str, str, str]]:
    """(screen, where, text) over every screen and dialog ui.screenshots shows."""
    from ui import screenshots

    for shot, show in screenshots.shots(window, window._walk_ids):
        dialog = show()
        QApplication.processEvents()
        for root in [window, *([dialog] if isinstance(dialog, QWidget) else [])]:
            for where, text in texts(root):
                yield shot, where, text
        if isinstance(dialog, QWidget):
            dialog.close()
