"""The thumbnail grid of an inspection's photos, each with badges for its flags."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QImage, QPainter, QPixmap
from PySide6.QtWidgets import QListView, QListWidget, QListWidgetItem

THUMB = 160
FLAG_COLOURS = {"no_timestamp": "#d35400", "no_location": "#8e44ad", "outside_window": "#c0392b",
                "far_from_site": "#b03a2e", "duplicate": "#34495e"}


def flag_labels() -> dict[str, str]:
    return {"no_timestamp": QCoreApplication.translate("PhotoGrid", "no time"),
            "no_location": QCoreApplication.translate("PhotoGrid", "no location"),
            "outside_window": QCoreApplication.translate("PhotoGrid", "off-window"),
            "far_from_site": QCoreApplication.translate("PhotoGrid", "far from site"),
            "duplicate": QCoreApplication.translate("PhotoGrid", "duplicate")}


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
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setIconSize(QSize(THUMB, THUMB))
        self.setGridSize(QSize(THUMB + 16, THUMB + 34))
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setMovement(QListView.Movement.Static)
        self.setUniformItemSizes(True)
        self.setWordWrap(False)

    def show_photos(self, photos: list[tuple[dict[str, Any], QImage | None]]) -> None:
        current = self.current_photo()
        self.clear()
        for photo, image in photos:
            item = QListWidgetItem(QIcon(badged(image, photo["flags"])), photo["original_name"])
            item.setData(Qt.ItemDataRole.UserRole, photo)
            item.setToolTip("\n".join(photo.get("flag_reasons", {}).values()) or photo["original_name"])
            self.addItem(item)
            if current and current["id"] == photo["id"]:
                self.setCurrentItem(item)

    def current_photo(self) -> dict[str, Any] | None:
        item = self.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def photos(self) -> list[dict[str, Any]]:
        return [self.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.count())]
