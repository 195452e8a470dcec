"""A site map drawn by the app, no online tiles: the enterprise point and radius ring, photo points, a scale bar."""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

M_PER_DEG_LAT = 110_574.0
M_PER_DEG_LON_EQUATOR = 111_320.0


@dataclass
class MapPoint:
    lat: float
    lon: float
    label: str = ""
    warn: bool = False  # far from the site: drawn red
    selected: bool = False


def nice_length(max_m: float) -> float:
    """The largest 1, 2 or 5 × 10^n metres not above max_m (for the scale bar)."""
    if max_m <= 0:
        return 1.0
    power = 10 ** math.floor(math.log10(max_m))
    return max(step * power for step in (1, 2, 5) if step * power <= max_m)


class SiteMap(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.center: tuple[float, float] | None = None
        self.radius_m = 500.0
        self.points: list[MapPoint] = []
        self.setMinimumSize(260, 220)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_site(self, lat: float | None, lon: float | None, radius_m: float, points: list[MapPoint]) -> None:
        self.center = (lat, lon) if lat is not None and lon is not None else None
        self.radius_m, self.points = radius_m, points
        self.update()

    def origin(self) -> tuple[float, float] | None:
        if self.center is not None:
            return self.center
        if self.points:
            return (sum(p.lat for p in self.points) / len(self.points), sum(p.lon for p in self.points) / len(self.points))
        return None

    def to_metres(self, lat: float, lon: float) -> tuple[float, float]:
        lat0, lon0 = self.origin()
        return ((lon - lon0) * M_PER_DEG_LON_EQUATOR * math.cos(math.radians(lat0)), (lat - lat0) * M_PER_DEG_LAT)

    def metres_per_pixel(self) -> float:
        extent = self.radius_m if self.center else 50.0
        for p in self.points:
            x, y = self.to_metres(p.lat, p.lon)
            extent = max(extent, abs(x), abs(y))
        half = min(self.width(), self.height()) / 2 - 24
        return extent * 1.15 / max(half, 10)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("#f4f1e8"))
        if self.origin() is None:
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("No coordinates to draw"))
            return
        mpp = self.metres_per_pixel()
        cx, cy = self.width() / 2, self.height() / 2

        def screen(lat: float, lon: float) -> QPointF:
            x, y = self.to_metres(lat, lon)
            return QPointF(cx + x / mpp, cy - y / mpp)

        if self.center:
            ring = self.radius_m / mpp
            painter.setPen(QPen(QColor("#2f8f6f"), 2, Qt.PenStyle.DashLine))
            painter.setBrush(QColor(47, 143, 111, 30))
            painter.drawEllipse(QRectF(cx - ring, cy - ring, 2 * ring, 2 * ring))
            painter.setPen(QPen(QColor("#1f3a4d"), 2))
            painter.setBrush(QColor("#1f3a4d"))
            painter.drawRect(QRectF(cx - 6, cy - 6, 12, 12))
        for point in self.points:
            self._draw_point(painter, screen(point.lat, point.lon), point)
        self._draw_scale(painter, mpp)
        self._draw_north(painter)

    def _draw_point(self, painter: QPainter, at: QPointF, point: MapPoint) -> None:
        colour = QColor("#c0392b") if point.warn else QColor("#2e86de")
        size = 9 if point.selected else 6
        painter.setPen(QPen(QColor("#000000") if point.selected else colour.darker(), 2 if point.selected else 1))
        painter.setBrush(colour)
        painter.drawEllipse(at, size, size)
        if point.selected and point.label:
            painter.drawText(at + QPointF(12, -8), point.label)

    def _draw_scale(self, painter: QPainter, mpp: float) -> None:
        length_m = nice_length(mpp * self.width() / 4)
        pixels = length_m / mpp
        x0, y0 = 16.0, self.height() - 18.0
        painter.setPen(QPen(QColor("#222222"), 3))
        painter.drawLine(QPointF(x0, y0), QPointF(x0 + pixels, y0))
        painter.drawLine(QPointF(x0, y0 - 6), QPointF(x0, y0 + 1))
        painter.drawLine(QPointF(x0 + pixels, y0 - 6), QPointF(x0 + pixels, y0 + 1))
        text = f"{length_m / 1000:g} km" if length_m >= 1000 else f"{length_m:g} m"
        painter.drawText(QPointF(x0 + pixels + 8, y0 + 4), text)

    def _draw_north(self, painter: QPainter) -> None:
        x, y = self.width() - 24.0, 16.0
        painter.setPen(QPen(QColor("#222222"), 2))
        painter.drawLine(QPointF(x, y + 26), QPointF(x, y))
        painter.drawLine(QPointF(x, y), QPointF(x - 5, y + 9))
        painter.drawLine(QPointF(x, y), QPointF(x + 5, y + 9))
        painter.drawText(QPointF(x - 5, y + 42), self.tr("N"))

    def scale_text(self) -> str:
        length_m = nice_length(self.metres_per_pixel() * self.width() / 4)
        return f"{length_m / 1000:g} km" if length_m >= 1000 else f"{length_m:g} m"
