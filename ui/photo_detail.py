"""The detail pane of one photo: preview, capture time, place, camera or drone, distance, SHA-256, flags."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

from ui.formatting import short_time
from ui.photo_grid import flag_labels

FIELDS = ("name", "taken", "place", "device", "drone", "distance", "sha256", "flags")


def _drone_text(drone: dict[str, Any] | None) -> str:
    if not drone:
        return "—"
    return "，".join(f"{k}={v}" for k, v in drone.items() if v not in (None, ""))


class PhotoDetail(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.preview = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
        self.preview.setMinimumHeight(180)
        self.values = {key: QLabel(wordWrap=True, textInteractionFlags=Qt.TextInteractionFlag.TextSelectableByMouse)
                       for key in FIELDS}
        titles = {"name": self.tr("File"), "taken": self.tr("Taken at"), "place": self.tr("Location"),
                  "device": self.tr("Camera"), "drone": self.tr("Drone"), "distance": self.tr("From site"),
                  "sha256": "SHA-256", "flags": self.tr("Flags")}
        form = QFormLayout()
        for key in FIELDS:
            form.addRow(titles[key], self.values[key])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.preview)
        layout.addLayout(form)
        layout.addStretch(1)

    def show_photo(self, photo: dict[str, Any] | None, image: QImage | None = None) -> None:
        if photo is None:
            for label in self.values.values():
                label.clear()
            self.preview.clear()
            return
        if image is not None and not image.isNull():
            self.preview.setPixmap(QPixmap.fromImage(image).scaled(
                300, 180, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation))
        place = "—"
        if photo.get("lat") is not None:
            place = f"{photo['lat']:.6f}, {photo['lon']:.6f}"
            if photo.get("alt") is not None:
                place += "　" + self.tr("alt. {m} m").format(m=f"{photo['alt']:.0f}")
        distance = "—" if photo.get("distance_m") is None else f"{photo['distance_m']:,.0f} m"
        labels = flag_labels()
        flags = "\n".join(f"{labels.get(f, f)}：{photo.get('flag_reasons', {}).get(f, '')}" for f in photo["flags"])
        texts = {"name": photo["original_name"], "taken": short_time(photo.get("taken_at")) or "—",
                 "place": place, "device": " ".join(x for x in (photo.get("make"), photo.get("model"),
                                                                photo.get("serial")) if x) or "—",
                 "drone": _drone_text(photo.get("drone")), "distance": distance, "sha256": photo["sha256"][:32] + "\n" + photo["sha256"][32:],
                 "flags": flags or self.tr("none")}
        for key, text in texts.items():
            self.values[key].setText(text)
