"""Date and time fields that take typed input and leave with one Tab.

QDateTimeEdit moves Tab between its sections (year, month, day, hour, minute): a date took five Tabs to
leave. Here Tab goes to the next field, the arrows and typed digits move within; a whole date can be
typed or pasted ("2026-06-05 09:30", "2026/6/5 9:30", "20260605 0930") and is read when the field is left.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDateEdit, QDateTimeEdit, QWidget

DATETIME_FORMAT = "yyyy-MM-dd HH:mm"
DATE_FORMAT = "yyyy-MM-dd"
TYPED = re.compile(r"^\s*(\d{4})\D?(\d{1,2})\D?(\d{1,2})(?:\D+|\s*(?=\d{4}))?(?:(\d{1,2})\D?(\d{2}))?\s*$")


def parse_typed(text: str) -> QDateTime | None:
    """A typed date (and time) in the usual Chinese forms; None when it is not one."""
    match = TYPED.match(text.replace("年", "-").replace("月", "-").replace("日", " ").replace("时", ":")
                        .replace("分", ""))
    if not match:
        return None
    year, month, day, hour, minute = (int(g) if g else 0 for g in match.groups())
    date, time = QDate(year, month, day), QTime(hour, minute)
    return QDateTime(date, time) if date.isValid() and time.isValid() else None


def _tab_leaves(widget: QWidget, event: QKeyEvent) -> bool:
    if event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) and not event.modifiers() & ~(
            Qt.KeyboardModifier.ShiftModifier):
        QWidget.focusNextPrevChild(widget, event.key() == Qt.Key.Key_Tab
                                   and not event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        return True
    return False


class DateTimeField(QDateTimeEdit):
    def __init__(self, parent: QWidget | None = None, fmt: str = DATETIME_FORMAT) -> None:
        super().__init__(parent)
        self.setDisplayFormat(fmt)
        self.setCalendarPopup(True)
        self.lineEdit().textEdited.connect(self._typed)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if not _tab_leaves(self, event):
            super().keyPressEvent(event)

    def _typed(self, text: str) -> None:
        value = parse_typed(text)
        if value is not None and value != self.dateTime():
            self.setDateTime(value)

    def type_text(self, text: str) -> None:
        """Put typed (or pasted) text in the field, as the officer would."""
        self.lineEdit().setText(text)
        self._typed(text)


class DateField(QDateEdit):
    def __init__(self, date: QDate | None = None, parent: QWidget | None = None) -> None:
        super().__init__(date or QDate.currentDate(), parent)
        self.setDisplayFormat(DATE_FORMAT)
        self.setCalendarPopup(True)
        self.lineEdit().textEdited.connect(self._typed)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if not _tab_leaves(self, event):
            super().keyPressEvent(event)

    def _typed(self, text: str) -> None:
        value = parse_typed(text)
        if value is not None and value.date() != self.date():
            self.setDate(value.date())
