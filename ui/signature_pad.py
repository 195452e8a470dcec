"""The signature pad (pen, touch or mouse) and the dialog that stores a signature as evidence.

A signature is evidence of kind "signature" of the document's inspection, and the audit chain records which
document version (number, PDF SHA-256, record SHA-256) it was signed on.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, Qt
from PySide6.QtGui import QColor, QImage, QMouseEvent, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from eco_field.store.changes import record
from eco_field.store.database import write_transaction
from eco_field.store.evidence_rows import link_evidence
from eco_field.workspace import Workspace
from ui.context import AppContext

ROLES = {"party": "当事人", "officer": "执法人员", "witness": "见证人"}


class SignaturePad(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.strokes: list[QPainterPath] = []
        self.setMinimumSize(720, 300)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)  # touch arrives as synthesised mouse events
        self.setCursor(Qt.CursorShape.CrossCursor)

    def is_empty(self) -> bool:
        return not self.strokes

    def clear(self) -> None:
        self.strokes.clear()
        self.update()

    def stroke(self, points: list[QPointF]) -> None:
        """Add one stroke (used by the mouse handlers, and by tests)."""
        path = QPainterPath(points[0])
        for point in points[1:]:
            path.lineTo(point)
        self.strokes.append(path)
        self.update()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        self.strokes.append(QPainterPath(event.position()))
        self.update()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self.strokes and event.buttons() & Qt.MouseButton.LeftButton:
            self.strokes[-1].lineTo(event.position())
            self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("white"))
        painter.setPen(QPen(QColor("#c8c8c8"), 1, Qt.PenStyle.DashLine))
        painter.drawLine(20, self.height() - 40, self.width() - 20, self.height() - 40)
        self._draw(painter)

    def _draw(self, painter: QPainter) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor("black"), 3, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                            Qt.PenJoinStyle.RoundJoin))
        for path in self.strokes:
            painter.drawPath(path)

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


def store_signature(ws: Workspace, doc: dict[str, Any], role: str, name: str, png: bytes) -> str:
    """The signature image as evidence of the document's inspection, bound to this document version."""
    ref = ws.blobs.put_bytes(png, "png")
    with write_transaction(ws.db):
        evidence_id, _ = link_evidence(ws.db, doc["inspection_id"], ref, "signature",
                                       f"签名-{ROLES.get(role, role)}-{name}-{doc['number']}.png")
        record(ws.db, "signature", evidence_id, "sign",
               {"evidence_id": evidence_id, "sha256": ref.sha256, "role": role, "name": name,
                "document_id": doc["id"], "document_number": doc["number"], "pdf_sha256": doc["pdf_sha256"],
                "record_sha256": doc["record_sha256"]})
    return evidence_id


class SignatureDialog(QDialog):
    def __init__(self, ctx: AppContext, doc: dict[str, Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.doc = ctx, doc
        self.setWindowTitle(self.tr("Sign {number}").format(number=doc["number"]))
        self.role = QComboBox()
        for code, label in ROLES.items():
            self.role.addItem(label, code)
        self.name = QLineEdit()
        self.pad = SignaturePad()
        self.clear_button = QPushButton(self.tr("Clear"))
        self.clear_button.clicked.connect(self.pad.clear)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Signer"), self.role)
        form.addRow(self.tr("Full name"), self.name)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.pad, 1)
        layout.addWidget(self.clear_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.buttons)

    def save(self) -> None:
        if self.pad.is_empty() or not self.name.text().strip():
            self.ctx.dialogs.inform(self.tr("Signature"), self.tr("Enter the signer's name and sign on the pad."))
            return
        doc, role, name, png = self.doc, self.role.currentData(), self.name.text().strip(), self.pad.to_png()
        self.ctx.run(lambda ws: store_signature(ws, doc, role, name, png), lambda _id: self.accept(),
                     announce=("evidence", "signature"))
