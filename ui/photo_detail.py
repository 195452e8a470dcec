"""The detail pane of one photo: preview, capture time, place, camera or drone, size and orientation, the
names it was seen under, distance, SHA-256 (and the marked copy's), flags, and what it proves (证明事项)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from ui.formatting import short_time
from ui.photo_grid import flag_labels

FIELDS = ("name", "taken", "place", "device", "drone", "size", "names", "distance", "sha256", "marked", "flags")
MAX_CAPTION = 500


def drone_labels() -> dict[str, str]:
    return {"rel_alt": QCoreApplication.translate("PhotoDetail", "height above take-off {v} m"),
            "abs_alt": QCoreApplication.translate("PhotoDetail", "altitude {v} m"),
            "gimbal_pitch": QCoreApplication.translate("PhotoDetail", "gimbal pitch {v}°"),
            "gimbal_yaw": QCoreApplication.translate("PhotoDetail", "gimbal yaw {v}°"),
            "gimbal_roll": QCoreApplication.translate("PhotoDetail", "gimbal roll {v}°"),
            "flight_yaw": QCoreApplication.translate("PhotoDetail", "heading {v}°"),
            "gps_status": QCoreApplication.translate("PhotoDetail", "GPS {v}"),
            "image_source": QCoreApplication.translate("PhotoDetail", "camera {v}")}


def _drone_text(drone: dict[str, Any] | None) -> str:
    """DJI's fields in words (never their keys): 相对起飞点高度 16.5 米，云台俯仰 -10.5° …"""
    if not drone:
        return "—"
    labels = drone_labels()
    parts = []
    for key, value in drone.items():
        if value in (None, ""):
            continue
        shown = f"{value:.1f}" if isinstance(value, float) else str(value)
        if key == "gps_status" and shown.lower() == "normal":  # DJI's word for a usable fix
            shown = QCoreApplication.translate("PhotoDetail", "normal")
        parts.append(labels[key].format(v=shown) if key in labels else f"{key} {shown}")
    return "，".join(parts) or "—"


class PhotoDetail(QWidget):
    caption_saved = Signal(str, str)  # evidence id, caption

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._photo: dict[str, Any] | None = None
        self.preview = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
        self.preview.setMinimumHeight(180)
        self.values = {key: QLabel(wordWrap=True, textInteractionFlags=Qt.TextInteractionFlag.TextSelectableByMouse)
                       for key in FIELDS}
        titles = {"name": self.tr("File"), "taken": self.tr("Taken at"), "place": self.tr("Location"),
                  "device": self.tr("Camera"), "drone": self.tr("Drone"), "size": self.tr("Size"),
                  "names": self.tr("Also seen as"), "distance": self.tr("From site"), "sha256": "SHA-256",
                  "marked": self.tr("Marked copy"), "flags": self.tr("Flags")}
        for key in ("sha256", "marked"):  # 32 hex digits a line must fit the pane
            font = self.values[key].font()
            font.setPointSizeF(font.pointSizeF() * 0.85)
            self.values[key].setFont(font)
        self.caption = QLineEdit(objectName="caption", maxLength=MAX_CAPTION)
        self.caption.setPlaceholderText(self.tr("What this photo proves"))
        self.save_caption = QPushButton(self.tr("Save"), objectName="save_caption")
        self.save_caption.clicked.connect(self._save_caption)
        self.caption.returnPressed.connect(self._save_caption)
        self.caption.textChanged.connect(self._caption_edited)
        caption_row = QHBoxLayout()
        caption_row.addWidget(self.caption, 1)
        caption_row.addWidget(self.save_caption)
        form = QFormLayout()
        form.addRow(self.tr("Caption"), caption_row)
        for key in FIELDS:
            form.addRow(titles[key], self.values[key])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.preview)
        layout.addLayout(form)
        layout.addStretch(1)
        self._editable = False
        self._caption_edited()

    def set_editable(self, editable: bool) -> None:
        self._editable = editable
        self.caption.setReadOnly(not editable)
        self._caption_edited()

    def focus_caption(self) -> None:
        self.caption.setFocus()
        self.caption.selectAll()

    def _caption_edited(self, *_args: object) -> None:
        stored = (self._photo or {}).get("caption") or ""
        self.save_caption.setEnabled(self._editable and self._photo is not None
                                     and self.caption.text().strip() != stored)

    def _save_caption(self) -> None:
        if self._photo is not None and self.save_caption.isEnabled():
            self.caption_saved.emit(self._photo["id"], self.caption.text())

    def show_photo(self, photo: dict[str, Any] | None, image: QImage | None = None) -> None:
        self._photo = photo
        if photo is None:
            for label in self.values.values():
                label.clear()
            self.preview.clear()
            self.caption.clear()
            self._caption_edited()
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
        others = [n["name"] for n in photo.get("names") or [] if n["name"] != photo["original_name"]]
        marked = photo.get("marked")
        texts = {"name": photo["original_name"], "taken": short_time(photo.get("taken_at")) or "—",
                 "place": place, "device": " ".join(x for x in (photo.get("make"), photo.get("model"),
                                                                photo.get("serial")) if x) or "—",
                 "drone": _drone_text(photo.get("drone")), "size": self._size(photo), "names": "\n".join(others) or "—",
                 "distance": distance, "sha256": photo["sha256"][:32] + "\n" + photo["sha256"][32:],
                 "marked": (marked["sha256"][:32] + "\n" + marked["sha256"][32:]) if marked else "—",
                 "flags": flags or self.tr("none")}
        for key, text in texts.items():
            self.values[key].setText(text)
        self.caption.setText(photo.get("caption") or "")
        self._caption_edited()

    def _size(self, photo: dict[str, Any]) -> str:
        """As stored, with the orientation beside it: 「4000×3000，方向 6（显示时顺时针旋转 90°）」."""
        if not photo.get("width") or not photo.get("height"):
            return "—"
        text = f"{photo['width']}×{photo['height']}"
        turns = {3: self.tr("turned 180° when shown"), 6: self.tr("turned 90° clockwise when shown"),
                 8: self.tr("turned 90° counter-clockwise when shown")}
        orientation = photo.get("orientation")
        if orientation and orientation != 1:
            text += "，" + self.tr("orientation {n}").format(n=orientation)
            if orientation in turns:
                text += f"（{turns[orientation]}）"
        return text
