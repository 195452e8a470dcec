"""Printing a PDF on A4: each page rendered by QtPdf at the printer's resolution, fitted to the page."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter


def a4_printer() -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    printer.setFullPage(True)  # the PDF carries its own margins
    return printer


def print_pdf(document: QPdfDocument, printer: QPrinter) -> int:
    """Send every page to the printer; returns the number of pages printed."""
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    try:
        area = printer.pageLayout().fullRectPixels(printer.resolution())
        for index in range(document.pageCount()):
            if index:
                printer.newPage()
            size = document.pagePointSize(index).toSize().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
            image = document.render(index, QSize(size.width(), size.height()))
            painter.drawImage(area.x() + (area.width() - size.width()) // 2, area.y(), image)
    finally:
        painter.end()
    return document.pageCount()

