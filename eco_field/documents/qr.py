"""The QR code printed on every page: the document number and the SHA-256 of the record it was made from.

The same payload is written into the PDF's Keywords so `documents verify` can read it back without decoding
an image.
"""

from __future__ import annotations

from reportlab.graphics.barcode.qrencoder import QR8bitByte, QRCode, QRErrorCorrectLevel

PREFIX = "ECOFIELD-DOC/1"


def payload(number: str, record_sha256: str) -> str:
    return f"{PREFIX}|{number}|{record_sha256}"


def parse(text: str) -> tuple[str, str] | None:
    """(number, record_sha256) from a payload, or None when text is not one."""
    for token in text.split():
        parts = token.split("|")
        if len(parts) == 3 and parts[0] == PREFIX and len(parts[2]) == 64:
            return parts[1], parts[2]
    return None


class Matrix:
    """The dark modules of a QR code (error correction M), drawn straight onto a canvas.

    Drawn as rectangles rather than through reportlab.graphics, whose renderer would put an unembedded
    Helvetica into every page."""

    BORDER = 2  # quiet-zone modules

    def __init__(self, text: str) -> None:
        code = QRCode(None, QRErrorCorrectLevel.M)
        code.addData(QR8bitByte(text))  # UTF-8 bytes, read by phone scanners
        code.make()
        self.count = code.getModuleCount()
        self.dark = [(r, c) for r in range(self.count) for c in range(self.count) if code.isDark(r, c)]

    def draw(self, canvas, x: float, y: float, size: float) -> None:
        cells = self.count + 2 * self.BORDER
        unit = size / cells
        canvas.saveState()
        canvas.setFillColorRGB(1, 1, 1)
        canvas.rect(x, y, size, size, stroke=0, fill=1)
        canvas.setFillColorRGB(0, 0, 0)
        path = canvas.beginPath()
        top = y + size - self.BORDER * unit
        for row, col in self.dark:
            path.rect(x + (col + self.BORDER) * unit, top - (row + 1) * unit, unit, unit)
        canvas.drawPath(path, stroke=0, fill=1)
        canvas.restoreState()
