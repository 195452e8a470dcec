"""The thumbnail grid of an inspection's photos, each with badges for its flags."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QIcon, QImage, QPainter, QPixmap
from PySide6.QtWidgets import QListView, QListWidget, QListWidgetItem

from ui.slots import emit

THUMB = 160
BATCH = 60  # thumbnails added per event-loop turn
FLAG_COLOURS = {"no_timestamp": "#d35400", "no_location": "#8e44ad", "outside_window": "#c0392b",
                "far_from_site": "#b03a2e", "duplicate": "#34495e", "clock_mismatch": "#a04000"}


def flag_labels() -> dict[str, str]:
    return {"no_timestamp": QCoreApplication.translate("PhotoGrid", "no time"),
            "no_location": QCoreApplication.translate("PhotoGrid", "no location"),
            "outside_window": QCoreApplication.translate("PhotoGrid", "off-window"),
            "far_from_site": QCoreApplication.translate("PhotoGrid", "far from site"),
            "duplicate": QCoreApplication.translate("PhotoGrid", "duplicate"),
            "clock_mismatch": QCoreApplication.translate("PhotoGrid", "clock off")}


def badged(image: QImage | None, flags: list[str]) -> QPixmap:
    """The thumbnail on a square canvas with one coloured badge per flag along its bottom edge."""
    canvas = QPixmap(THUMB, THUMB)
    canvas.fill(QColor("#dfe4e8"))
    painter = QPainter(canvas)
    if image is not None and not image.isNull():
        scaled = image.scaled(THUMB, THUMB, Qt.AspectRatioMode.KeepAspectRatio,
                              Qt.TransformationMode.SmoothTransformation)
        painter.drawImage((THUMB - scaled.width()) // 2, (THUMB - scaled.height()) // 2, scaled)
    labels = flag_labels()
    y = THUMB - 20
    for flag in reversed(flags):
        rect = QRectF(2, y, THUMB - 4, 18)
        painter.fillRect(rect, QColor(FLAG_COLOURS.get(flag, "#555555")))
        painter.setPen(QColor("white"))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, labels.get(flag, flag))
        y -= 20
    painter.end()
    return canvas


class PhotoGrid(QListWidget):
    filled = Signal()  # every photo of the last show_photos is in the grid

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._pending: list[tuple[dict[str, Any], QImage | None]] = []
        self._keep: dict[str, Any] | None = None
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setIconSize(QSize(THUMB, THUMB))
        self.setGridSize(QSize(THUMB + 16, THUMB + 34))
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setMovement(QListView.Movement.Static)
        self.setUniformItemSizes(True)
        self.setWordWrap(False)

    def show_photos(self, photos: list[tuple[dict[str, Any], QImage | None]]) -> None:
        """Fill the grid a batch per event-loop turn, so a drone flight's hundreds of photos never hold
        the GUI thread for long."""
        self._keep = self.current_photo()
        self.clear()
        self._pending = list(photos)
        self._add_batch()

    def _add_batch(self) -> None:
        batch, self._pending = self._pending[:BATCH], self._pending[BATCH:]
        for photo, image in batch:
            item = QListWidgetItem(QIcon(badged(image, photo["flags"])), photo["original_name"])
            item.setData(Qt.ItemDataRole.UserRole, photo)
            item.setToolTip("\n".join(photo.get("flag_reasons", {}).values()) or photo["original_name"])
            self.addItem(item)
            if self._keep and self._keep["id"] == photo["id"]:
                self.setCurrentItem(item)
        if self._pending:
            QTimer.singleShot(0, self._add_batch)
        else:
            emit(self.filled)

    def current_photo(self) -> dict[str, Any] | None:
        item = self.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def photos(self) -> list[dict[str, Any]]:
        return [self.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.count())]
