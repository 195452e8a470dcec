"""The mark-up dialog: arrows, circles and text drawn over a photo's preview. The shapes are kept as
fractions of the picture and saved by eco_field.evidence.markup as a derived copy; the original is never
touched. Fits 1280x720; Esc asks before throwing drawn marks away."""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QImage, QMouseEvent, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

RED = QColor(230, 0, 0)
TOOLS = ("arrow", "circle", "text")


class MarkupCanvas(QWidget):
    """The preview with the shapes over it; a press-drag-release draws the current tool's shape."""

    changed = Signal()

    def __init__(self, image: QImage, ask_text: Callable[[], str | None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.image = image
        self.ask_text = ask_text
        self.tool = "arrow"
        self.shapes: list[dict[str, Any]] = []
        self._start: QPointF | None = None
        self._now: QPointF | None = None
        self.setMinimumSize(320, 240)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setCursor(Qt.CursorShape.CrossCursor)

    # -- geometry: the picture's rectangle inside the widget, and fractions of it ---------------------
    def picture_rect(self) -> QRectF:
        if self.image.isNull():
            return QRectF(self.rect())
        scale = min(self.width() / self.image.width(), self.height() / self.image.height())
        w, h = self.image.width() * scale, self.image.height() * scale
        return QRectF((self.width() - w) / 2, (self.height() - h) / 2, w, h)

    def to_fraction(self, point: QPointF) -> list[float]:
        r = self.picture_rect()
        return [min(1.0, max(0.0, (point.x() - r.x()) / r.width())), min(1.0, max(0.0, (point.y() - r.y()) / r.height()))]

    def to_widget(self, fraction: list[float]) -> QPointF:
        r = self.picture_rect()
        return QPointF(r.x() + fraction[0] * r.width(), r.y() + fraction[1] * r.height())

    # -- drawing ------------------------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() != Qt.MouseButton.LeftButton:
            return
        if self.tool == "text":
            self.add_text(self.to_fraction(event.position()))
            return
        self._start = self._now = event.position()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self._start is not None:
            self._now = event.position()
            self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self._start is None:
            return
        start, end = self._start, event.position()
        self._start = self._now = None
        self.add_drag(self.to_fraction(start), self.to_fraction(end))

    def add_drag(self, start: list[float], end: list[float]) -> None:
        """An arrow from start to end, or a circle centred on start through end (tiny drags are ignored)."""
        r = self.picture_rect()
        dx, dy = (end[0] - start[0]) * r.width(), (end[1] - start[1]) * r.height()
        if math.hypot(dx, dy) < 6:
            self.update()
            return
        if self.tool == "arrow":
            self.shapes.append({"type": "arrow", "from": start, "to": end})
        else:
            radius = math.hypot(dx, dy) / min(r.width(), r.height())
            self.shapes.append({"type": "circle", "center": start, "radius": round(min(1.0, radius), 4)})
        self.changed.emit()
        self.update()

    def add_text(self, at: list[float]) -> None:
        text = (self.ask_text() or "").strip()
        if text:
            self.shapes.append({"type": "text", "at": at, "text": text})
            self.changed.emit()
            self.update()

    def undo(self) -> None:
        if self.shapes:
            self.shapes.pop()
            self.changed.emit()
            self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("#2b2f33"))
        r = self.picture_rect()
        if not self.image.isNull():
            painter.drawImage(r, self.image)
        pen = QPen(RED, max(2.0, min(r.width(), r.height()) * 0.01))
        painter.setPen(pen)
        for shape in self.shapes:
            self._paint_shape(painter, shape, r)
        if self._start is not None and self._now is not None:
            preview = ({"type": "arrow", "from": self.to_fraction(self._start), "to": self.to_fraction(self._now)}
                       if self.tool == "arrow" else
                       {"type": "circle", "center": self.to_fraction(self._start),
                        "radius": math.hypot(self._now.x() - self._start.x(), self._now.y() - self._start.y())
                        / min(r.width(), r.height())})
            self._paint_shape(painter, preview, r)
        painter.end()

    def _paint_shape(self, painter: QPainter, shape: dict[str, Any], r: QRectF) -> None:
        short = min(r.width(), r.height())
        if shape["type"] == "arrow":
            a, b = self.to_widget(shape["from"]), self.to_widget(shape["to"])
            painter.drawLine(a, b)
            angle = math.atan2(b.y() - a.y(), b.x() - a.x())
            length = painter.pen().widthF() * 5
            head = QPainterPath(b)
            for turn in (155, -155):
                head.lineTo(b + QPointF(length * math.cos(angle + math.radians(turn)),
                                        length * math.sin(angle + math.radians(turn))))
            head.closeSubpath()
            painter.fillPath(head, RED)
        elif shape["type"] == "circle":
            c, radius = self.to_widget(shape["center"]), shape["radius"] * short
            painter.drawEllipse(c, radius, radius)
        else:
            font = QFont(painter.font())
            font.setPixelSize(max(12, int(short * 0.05)))
            painter.setFont(font)
            at = self.to_widget(shape["at"])
            pen = painter.pen()
            painter.setPen(QColor("white"))  # a light halo, as the saved copy has, so it reads on dark ground
            for dx, dy in ((-1, 0), (1, 0), (0, -1), (0, 1)):
                painter.drawText(QRectF(at.x() + dx, at.y() + dy, r.right() - at.x(), font.pixelSize() * 1.6),
                                 Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, shape["text"])
            painter.setPen(pen)
            painter.drawText(QRectF(at.x(), at.y(), r.right() - at.x(), font.pixelSize() * 1.6),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, shape["text"])


class MarkupDialog(QDialog):
    """Choose a tool, draw, then 保存标注: the caller saves the shapes as the photo's marked copy."""

    def __init__(self, image: QImage, name: str, dialogs: Any, parent: QWidget | None = None,
                 shapes: list[dict[str, Any]] | None = None) -> None:
        super().__init__(parent)
        self.dialogs = dialogs
        self.setWindowTitle(self.tr("Mark up {name}").format(name=name))
        self.canvas = MarkupCanvas(image, self._ask_text)
        self.canvas.shapes = [dict(s) for s in shapes or []]
        self.tools = QButtonGroup(self)
        bar = QHBoxLayout()
        labels = {"arrow": self.tr("Arrow"), "circle": self.tr("Circle"), "text": self.tr("Text")}
        for tool in TOOLS:
            button = QToolButton(text=labels[tool], checkable=True, objectName=f"tool_{tool}")
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.setMinimumWidth(72)
            self.tools.addButton(button)
            button.toggled.connect(lambda on, t=tool: on and self.set_tool(t))
            bar.addWidget(button)
            if tool == "arrow":
                button.setChecked(True)
        self.undo_button = QPushButton(self.tr("Undo last mark"))
        self.undo_button.clicked.connect(self.canvas.undo)
        bar.addWidget(self.undo_button)
        bar.addStretch(1)
        self.hint = QLabel(self.tr("Drag to draw an arrow or a circle; click to place a text. "
                                   "The original photo is not changed: the marks are saved as a copy."),
                           wordWrap=True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save mark-up"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.canvas.changed.connect(self._update_buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.canvas, 1)
        layout.addWidget(self.hint)
        layout.addWidget(self.buttons)
        self.resize(960, 640)  # fits 1280x720 with the window frame
        self._update_buttons()

    def set_tool(self, tool: str) -> None:
        self.canvas.tool = tool

    def shapes(self) -> list[dict[str, Any]]:
        return list(self.canvas.shapes)

    def _ask_text(self) -> str | None:
        return self.dialogs.get_text(self.tr("Text on the photo"), self.tr("Text:"))

    def _update_buttons(self) -> None:
        has = bool(self.canvas.shapes)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(has)
        self.undo_button.setEnabled(has)

    def reject(self) -> None:
        """Esc or Cancel: drawn marks are not thrown away without a word."""
        if self.canvas.shapes and not self.dialogs.ask(self.tr("Discard the marks?"),
                                                       self.tr("The marks drawn on this photo will be lost.")):
            return
        super().reject()
