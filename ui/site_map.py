"""A site map drawn by the app, no online tiles: the enterprise point and radius ring, photo points, a scale bar.

The scale fits the site's radius, not the farthest photo: one photo taken 10,000 km away (a camera whose GPS
had no fix) used to shrink the site to a dot. A photo outside the view sits at the edge as a marker pointing
its way, with its distance from the site. Wheel or +/− zooms, dragging pans, 0 or a double click resets.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QKeyEvent, QMouseEvent, QPainter, QPaintEvent, QPen, QPolygonF, QWheelEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

M_PER_DEG_LAT = 110_574.0
M_PER_DEG_LON_EQUATOR = 111_320.0
NEAR_M = 2_000.0  # without a site: photos within this of the middle one set the scale
EDGE = 16.0  # pixels between the window's edge and a far photo's marker
ZOOM_STEP = 1.25
ZOOM_RANGE = (0.02, 200.0)


def distance_text(metres: float) -> str:
    return f"{metres / 1000:.1f} km" if metres >= 1000 else f"{metres:.0f} m"


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
        self.zoom = 1.0
        self.pan_m = (0.0, 0.0)  # the view's middle, in metres east and north of the origin
        self._drag: QPointF | None = None
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.OpenHandCursor)
        self.setToolTip(self.tr("Wheel or +/− to zoom, drag to move, 0 or double-click to fit the site"))
        self.setMinimumSize(260, 220)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_site(self, lat: float | None, lon: float | None, radius_m: float, points: list[MapPoint]) -> None:
        center = (lat, lon) if lat is not None and lon is not None else None
        moved = (center, radius_m) != (self.center, self.radius_m)
        self.center, self.radius_m, self.points = center, radius_m, points
        if moved:  # another site: fit it; a new selection keeps the officer's zoom and pan
            self.reset_view()
        else:
            self.update()

    def origin(self) -> tuple[float, float] | None:
        if self.center is not None:
            return self.center
        if self.points:  # the middle photo: one stray far photo does not move the map
            lats, lons = sorted(p.lat for p in self.points), sorted(p.lon for p in self.points)
            return lats[len(lats) // 2], lons[len(lons) // 2]
        return None

    def to_metres(self, lat: float, lon: float) -> tuple[float, float]:
        lat0, lon0 = self.origin()
        return ((lon - lon0) * M_PER_DEG_LON_EQUATOR * math.cos(math.radians(lat0)), (lat - lat0) * M_PER_DEG_LAT)

    def base_extent(self) -> float:
        """Metres from the middle to the nearest edge at zoom 1: the site's radius, or the nearby photos."""
        if self.center:
            return self.radius_m * 1.15
        extent = 50.0
        for p in self.points:
            x, y = self.to_metres(p.lat, p.lon)
            if math.hypot(x, y) <= NEAR_M:
                extent = max(extent, abs(x), abs(y))
        return extent * 1.15

    def metres_per_pixel(self) -> float:
        half = min(self.width(), self.height()) / 2 - 24
        return self.base_extent() / max(half, 10) / self.zoom

    def distance_m(self, point: MapPoint) -> float:
        """From the site (or the middle photo)."""
        return math.hypot(*self.to_metres(point.lat, point.lon))

    # -- zoom and pan ------------------------------------------------------------------------------------
    def reset_view(self) -> None:
        self.zoom, self.pan_m = 1.0, (0.0, 0.0)
        self.update()

    def zoom_by(self, factor: float, at: QPointF | None = None) -> None:
        """Zoom keeping the ground under `at` (a pixel; default the middle) where it is."""
        at = at or QPointF(self.width() / 2, self.height() / 2)
        before = self._ground(at)
        self.zoom = min(max(self.zoom * factor, ZOOM_RANGE[0]), ZOOM_RANGE[1])
        after = self._ground(at)
        self.pan_m = (self.pan_m[0] + before[0] - after[0], self.pan_m[1] + before[1] - after[1])
        self.update()

    def pan_by(self, dx: float, dy: float) -> None:
        """Move the map by (dx, dy) pixels, as a drag does."""
        mpp = self.metres_per_pixel()
        self.pan_m = (self.pan_m[0] - dx * mpp, self.pan_m[1] + dy * mpp)
        self.update()

    def _ground(self, at: QPointF) -> tuple[float, float]:
        mpp = self.metres_per_pixel()
        return (self.pan_m[0] + (at.x() - self.width() / 2) * mpp, self.pan_m[1] - (at.y() - self.height() / 2) * mpp)

    def to_screen(self, lat: float, lon: float) -> QPointF:
        mpp = self.metres_per_pixel()
        x, y = self.to_metres(lat, lon)
        return QPointF(self.width() / 2 + (x - self.pan_m[0]) / mpp, self.height() / 2 - (y - self.pan_m[1]) / mpp)

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 - Qt's name
        steps = event.angleDelta().y() / 120
        if steps:
            self.zoom_by(ZOOM_STEP ** steps, event.position())

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        self._drag = event.position()
        self.setCursor(Qt.CursorShape.ClosedHandCursor)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self._drag is not None:
            delta = event.position() - self._drag
            self._drag = event.position()
            self.pan_by(delta.x(), delta.y())

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        self._drag = None
        self.setCursor(Qt.CursorShape.OpenHandCursor)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        self.reset_view()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        key = event.key()
        if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom_by(ZOOM_STEP)
        elif key == Qt.Key.Key_Minus:
            self.zoom_by(1 / ZOOM_STEP)
        elif key == Qt.Key.Key_0:
            self.reset_view()
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Down):
            step = 40
            self.pan_by({Qt.Key.Key_Left: step, Qt.Key.Key_Right: -step}.get(key, 0),
                        {Qt.Key.Key_Up: step, Qt.Key.Key_Down: -step}.get(key, 0))
        else:
            super().keyPressEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("#f4f1e8"))
        if self.origin() is None:
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("No coordinates to draw"))
            return
        mpp = self.metres_per_pixel()
        if self.center:
            middle = self.to_screen(*self.center)
            cx, cy = middle.x(), middle.y()
            ring = self.radius_m / mpp
            painter.setPen(QPen(QColor("#2f8f6f"), 2, Qt.PenStyle.DashLine))
            painter.setBrush(QColor(47, 143, 111, 30))
            painter.drawEllipse(QRectF(cx - ring, cy - ring, 2 * ring, 2 * ring))
            painter.setPen(QPen(QColor("#1f3a4d"), 2))
            painter.setBrush(QColor("#1f3a4d"))
            painter.drawRect(QRectF(cx - 6, cy - 6, 12, 12))
        inside = QRectF(self.rect()).adjusted(EDGE, EDGE, -EDGE, -EDGE)
        for point in self.points:
            at = self.to_screen(point.lat, point.lon)
            if inside.contains(at):
                self._draw_point(painter, at, point)
            else:
                self._draw_far(painter, at, point)
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

    def edge_position(self, at: QPointF) -> tuple[QPointF, float]:
        """Where the ray from the view's middle towards `at` leaves the inner rectangle, and its angle."""
        cx, cy = self.width() / 2, self.height() / 2
        dx, dy = at.x() - cx, at.y() - cy
        half_w, half_h = cx - EDGE, cy - EDGE
        scale = min(half_w / abs(dx) if dx else math.inf, half_h / abs(dy) if dy else math.inf)
        return QPointF(cx + dx * scale, cy + dy * scale), math.atan2(dy, dx)

    def far_markers(self) -> list[tuple[MapPoint, QPointF, str]]:
        """The photos outside the view: each with its marker's place on the edge and its distance."""
        inside = QRectF(self.rect()).adjusted(EDGE, EDGE, -EDGE, -EDGE)
        markers = []
        for point in self.points:
            at = self.to_screen(point.lat, point.lon)
            if not inside.contains(at):
                markers.append((point, self.edge_position(at)[0], distance_text(self.distance_m(point))))
        return markers

    def _draw_far(self, painter: QPainter, at: QPointF, point: MapPoint) -> None:
        place, angle = self.edge_position(at)
        colour = QColor("#c0392b") if point.warn else QColor("#2e86de")
        tip = QPointF(math.cos(angle), math.sin(angle))
        side = QPointF(-tip.y(), tip.x())
        painter.setPen(QPen(colour.darker(), 1))
        painter.setBrush(colour)
        painter.drawPolygon(QPolygonF([place + tip * 9, place - tip * 6 + side * 7, place - tip * 6 - side * 7]))
        label = distance_text(self.distance_m(point))
        width = painter.fontMetrics().horizontalAdvance(label)
        text_at = place - tip * 16 - QPointF(width / 2, -4)
        text_at.setX(min(max(text_at.x(), 2.0), self.width() - width - 2.0))
        text_at.setY(min(max(text_at.y(), 12.0), self.height() - 4.0))
        painter.setPen(QColor("#222222"))
        painter.drawText(text_at, label)

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
