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

    Drawn as rectangles in one form XObject per document rather than through reportlab.graphics, whose
    renderer would put an unembedded Helvetica into every page. The mask pattern is fixed: any of the eight
    is valid for a reader (the format bits name it), and scoring all eight costs ~50 ms per document."""

    BORDER = 2  # quiet-zone modules
    MASK = 0
    FORM = "EcoFieldQR"

    def __init__(self, text: str) -> None:
        code = QRCode(None, QRErrorCorrectLevel.M)
        code.addData(QR8bitByte(text))  # UTF-8 bytes, read by phone scanners
        code.version = code.calculate_version()
        code.makeImpl(False, self.MASK)
        self.count = code.getModuleCount()
        self.runs = list(_runs(code, self.count))

    def draw(self, canvas, x: float, y: float, size: float) -> None:
        if not canvas.hasForm(self.FORM):
            self._define(canvas, size)
        canvas.saveState()
        canvas.translate(x, y)
        canvas.doForm(self.FORM)
        canvas.restoreState()

    def _define(self, canvas, size: float) -> None:
        unit = size / (self.count + 2 * self.BORDER)
        canvas.beginForm(self.FORM, lowerx=0, lowery=0, upperx=size, uppery=size)
        canvas.setFillColorRGB(1, 1, 1)
        canvas.rect(0, 0, size, size, stroke=0, fill=1)
        canvas.setFillColorRGB(0, 0, 0)
        path = canvas.beginPath()
        top = size - self.BORDER * unit
        for row, col, length in self.runs:
            path.rect((col + self.BORDER) * unit, top - (row + 1) * unit, length * unit, unit)
        canvas.drawPath(path, stroke=0, fill=1)
        canvas.endForm()


def _runs(code: QRCode, count: int):
    """(row, first column, length) of each horizontal run of dark modules: fewer rectangles to draw."""
    for row in range(count):
        col = 0
        while col < count:
            if code.isDark(row, col):
                start = col
                while col < count and code.isDark(row, col):
                    col += 1
                yield row, start, col - start
            else:
                col += 1
