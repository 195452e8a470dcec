"""The signature pad (pen with pressure, touch or mouse) and the dialog that signs a document with it.

Signing places the drawn image and the date in the signer's cells of the issued PDF (on every page a 笔录's
party signs) as a new version of the same numbered document (eco_field.documents.service.sign); the image is
kept as an original in the blob store (evidence of kind "signature" while the inspection is a draft).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QEvent, QIODevice, QPointF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QImage,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QPointingDevice,
    QTabletEvent,
)
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from eco_field.workspace import Workspace
from ui.context import AppContext

ROLES = {"party": "当事人", "officer": "执法人员", "witness": "见证人"}
MOUSE_WIDTH = 3.0  # px: mouse and finger have no pressure
PEN_MIN_WIDTH, PEN_MAX_WIDTH = 1.0, 7.0  # px at the lightest and the firmest pen pressure


def pen_width(pressure: float) -> float:
    """Line width for a pen pressure between 0 and 1: a firmer press draws a wider line, as ink does."""
    return PEN_MIN_WIDTH + (PEN_MAX_WIDTH - PEN_MIN_WIDTH) * min(1.0, max(0.0, pressure))


@dataclass
class Stroke:
    """One pen-down to pen-up: the points and the line width at each."""

    points: list[QPointF] = field(default_factory=list)
    widths: list[float] = field(default_factory=list)

    def add(self, point: QPointF, width: float) -> None:
        self.points.append(QPointF(point))
        self.widths.append(width)

    def draw(self, painter: QPainter) -> None:
        pen = QPen(QColor("black"), self.widths[0], Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                   Qt.PenJoinStyle.RoundJoin)
        if len(self.points) == 1:  # a dot
            painter.setPen(pen)
            painter.drawPoint(self.points[0])
            return
        # segment by segment, each as wide as the pressure at its ends; round caps join them smoothly
        for i in range(1, len(self.points)):
            pen.setWidthF((self.widths[i - 1] + self.widths[i]) / 2)
            painter.setPen(pen)
            painter.drawLine(self.points[i - 1], self.points[i])


class SignaturePad(QWidget):
    """Draws with a pen (QTabletEvent: width follows pressure), a finger (touch arrives as synthesised mouse
    events) or the mouse. The stored image is to_png(): the strokes as drawn, on white."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.strokes: list[Stroke] = []
        self._pen_down = False
        self.setMinimumSize(720, 300)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)  # touch arrives as synthesised mouse events
        self.setCursor(Qt.CursorShape.CrossCursor)

    def is_empty(self) -> bool:
        return not self.strokes

    def clear(self) -> None:
        self.strokes.clear()
        self.update()

    def stroke(self, points: list[QPointF], pressures: list[float] | None = None) -> None:
        """Add one stroke: with pressures as a pen draws it, without as the mouse does (tests, screenshots)."""
        line = Stroke()
        for i, point in enumerate(points):
            line.add(point, pen_width(pressures[i]) if pressures else MOUSE_WIDTH)
        self.strokes.append(line)
        self.update()

    def _begin(self, point: QPointF, width: float) -> None:
        self.strokes.append(Stroke())
        self._extend(point, width)

    def _extend(self, point: QPointF, width: float) -> None:
        self.strokes[-1].add(point, width)
        self.update()

    def tabletEvent(self, event: QTabletEvent) -> None:  # noqa: N802
        # accepted, so Qt does not also send the mouse events it would synthesise: each stroke is drawn once
        event.accept()
        if event.pointerType() == QPointingDevice.PointerType.Eraser:
            return
        kind, width = event.type(), pen_width(event.pressure())
        if kind == QEvent.Type.TabletPress:
            self._pen_down = True
            self._begin(event.position(), width)
        elif kind == QEvent.Type.TabletMove and self._pen_down:  # moves while hovering are not ink
            self._extend(event.position(), width)
        elif kind == QEvent.Type.TabletRelease and self._pen_down:
            # a pen reports (almost) no pressure as it lifts: end the line as wide as it was, not thin
            self._pen_down = False
            if event.position() != self.strokes[-1].points[-1]:
                self._extend(event.position(), self.strokes[-1].widths[-1])

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton:
            self._begin(event.position(), MOUSE_WIDTH)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self.strokes and event.buttons() & Qt.MouseButton.LeftButton:
            self._extend(event.position(), MOUSE_WIDTH)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("white"))
        painter.setPen(QPen(QColor("#c8c8c8"), 1, Qt.PenStyle.DashLine))
        painter.drawLine(20, self.height() - 40, self.width() - 20, self.height() - 40)
        self._draw(painter)

    def _draw(self, painter: QPainter) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for line in self.strokes:
            line.draw(painter)

    def to_png(self) -> bytes:
        image = QImage(self.size(), QImage.Format.Format_ARGB32)
        image.fill(QColor("white"))
        painter = QPainter(image)
        self._draw(painter)
        painter.end()
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")
        return bytes(data)


def store_signature(ws: Workspace, doc: dict[str, Any], role: str, name: str, png: bytes,
                    signed_on: str | None = None) -> dict[str, Any]:
    """Sign the document's latest version: the result is its next version (service.sign's answer)."""
    from eco_field.documents import service

    return service.sign(ws, doc["number"], role, name, png, signed_on)


class SignatureDialog(QDialog):
    signed = Signal(dict)  # service.sign's answer, once the new version is kept

    def __init__(self, ctx: AppContext, doc: dict[str, Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.doc = ctx, doc
        self.setWindowTitle(self.tr("Sign {number}").format(number=doc["number"]))
        self.role = QComboBox()
        names = {"party": self.tr("Party"), "officer": self.tr("Officer"), "witness": self.tr("Witness")}
        for code in ROLES:  # the words in the interface language; the code is what is stored
            self.role.addItem(names[code], code)
        self.name = QLineEdit()
        self.names: dict[str, list[str]] = {}  # the names printed beside the document's cells, by role
        self.role.currentIndexChanged.connect(self._suggest_name)
        self.date = QLineEdit(date.today().isoformat(), placeholderText="YYYY-MM-DD")
        self.pad = SignaturePad()
        self.clear_button = QPushButton(self.tr("Clear"))
        self.clear_button.clicked.connect(self.pad.clear)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Signer"), self.role)
        form.addRow(self.tr("Full name"), self.name)
        form.addRow(self.tr("Date"), self.date)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.pad, 1)
        layout.addWidget(self.clear_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.buttons)

    def load_names(self) -> None:
        """Offer the names printed on the document (an officer signs as printed)."""
        from eco_field.documents import service

        number = self.doc["number"]
        self.ctx.run(lambda ws: service.signers(ws.db, number), self._names_loaded)

    def _names_loaded(self, names: dict[str, list[str]]) -> None:
        self.names = names
        self._suggest_name()

    def _suggest_name(self, *_args: object) -> None:
        names = self.names.get(self.role.currentData(), [])
        self.name.setCompleter(QCompleter(names, self.name))
        self.name.setPlaceholderText("、".join(names))
        if len(names) == 1 and not self.name.isModified():
            self.name.setText(names[0])

    def save(self) -> None:
        if self.pad.is_empty() or not self.name.text().strip():
            self.ctx.dialogs.inform(self.tr("Signature"), self.tr("Enter the signer's name and sign on the pad."))
            return
        doc, role, name, png = self.doc, self.role.currentData(), self.name.text().strip(), self.pad.to_png()
        when = self.date.text().strip() or None
        self.ctx.run(lambda ws: store_signature(ws, doc, role, name, png, when), self._done,
                     announce=("evidence", "signature", "document"))

    def _done(self, result: dict[str, Any]) -> None:
        self.signed.emit(result)
        self.accept()

    def reject(self) -> None:
        """Esc or Cancel: a drawn signature is not thrown away without asking."""
        if not self.pad.is_empty() and not self.ctx.dialogs.ask(
                self.tr("Discard the signature?"), self.tr("The signature drawn here is not saved. Discard it?")):
            return
        super().reject()
