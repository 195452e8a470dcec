"""A line of guidance inside an empty list or table ("no inspections yet: …"), gone once it has rows.

An empty white table says nothing; Qt's item views have no placeholder text of their own, so a label sits
on the view's viewport and follows the model's row count.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QLabel


class Placeholder(QLabel):
    def __init__(self, view: QAbstractItemView, text: str) -> None:
        super().__init__(text, view.viewport(), objectName="emptyText", wordWrap=True,
                         alignment=Qt.AlignmentFlag.AlignCenter)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)  # clicks still reach the view
        self._view = view
        view.viewport().installEventFilter(self)
        model = view.model()
        for signal in (model.rowsInserted, model.rowsRemoved, model.modelReset, model.layoutChanged):
            signal.connect(self.update_shown)
        self._fit()
        self.update_shown()

    def update_shown(self, *_args: object) -> None:
        self.setVisible(self._view.model().rowCount() == 0)

    def _fit(self) -> None:
        self.setGeometry(self._view.viewport().rect().adjusted(12, 8, -12, -8))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Resize:
            self._fit()
        return False


def set_placeholder(view: QAbstractItemView, text: str) -> Placeholder:
    return Placeholder(view, text)
