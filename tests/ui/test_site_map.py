"""Issue 17 part 6: the site map's scale fits the site, a far photo sits at the edge with its distance, and the
map zooms and pans."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QImage

from ui.site_map import MapPoint, SiteMap

SITE = (37.477, 111.103)


def shown_map(qtbot, points, radius_m=300.0):
    site_map = SiteMap()
    qtbot.addWidget(site_map)
    site_map.resize(480, 360)
    site_map.show()
    site_map.set_site(*SITE, radius_m, points)
    return site_map


def near(i):
    return MapPoint(SITE[0] + 0.0005 * i, SITE[1] + 0.0004, f"DSC_{i}.JPG")


def test_one_photo_10000_km_away_does_not_shrink_the_site(qtbot):
    far = MapPoint(-33.86, 151.2, "sydney.jpg", warn=True)  # a camera without a GPS fix, or its last one
    site_map = shown_map(qtbot, [near(1), near(2), far])
    assert site_map.scale_text().endswith(" m")  # metres: the site's 300 m radius sets the scale
    markers = site_map.far_markers()
    assert [m[0].label for m in markers] == ["sydney.jpg"]
    _point, place, distance = markers[0]
    assert distance.endswith("km") and 8000 < float(distance.split()[0]) < 9500  # Lüliang–Sydney ≈ 8,900 km
    inner = site_map.rect().adjusted(20, 20, -20, -20)
    assert site_map.rect().contains(place.toPoint()) and not inner.contains(place.toPoint())  # on the edge
    image = QImage(site_map.size(), QImage.Format.Format_ARGB32)
    site_map.render(image)
    red = image.pixelColor(place.toPoint())
    assert red.red() > 150 and red.green() < 120  # the marker is drawn there, red for a flagged photo


def test_zoom_and_pan_with_wheel_keys_and_drag(qtbot):
    site_map = shown_map(qtbot, [near(1), near(2)])
    start = site_map.metres_per_pixel()
    site_map.setFocus()
    qtbot.keyClick(site_map, Qt.Key.Key_Plus)
    assert site_map.metres_per_pixel() < start
    photo = site_map.to_screen(site_map.points[0].lat, site_map.points[0].lon)
    site_map.zoom_by(2, photo)  # zooming at the cursor keeps the ground under it
    after = site_map.to_screen(site_map.points[0].lat, site_map.points[0].lon)
    assert abs(after.x() - photo.x()) < 0.5 and abs(after.y() - photo.y()) < 0.5
    before = site_map.to_screen(*SITE)
    qtbot.mousePress(site_map, Qt.MouseButton.LeftButton, pos=QPoint(200, 200))
    qtbot.mouseMove(site_map, QPoint(260, 230))
    qtbot.mouseRelease(site_map, Qt.MouseButton.LeftButton, pos=QPoint(260, 230))
    moved = site_map.to_screen(*SITE)
    assert abs(moved.x() - before.x() - 60) < 1 and abs(moved.y() - before.y() - 30) < 1
    qtbot.keyClick(site_map, Qt.Key.Key_0)
    assert site_map.metres_per_pixel() == start and site_map.pan_m == (0.0, 0.0)


def test_zoomed_out_far_photos_come_into_view(qtbot):
    far = MapPoint(SITE[0] + 0.05, SITE[1], "5km.jpg", warn=True)  # about 5.5 km north
    site_map = shown_map(qtbot, [near(1), far])
    assert len(site_map.far_markers()) == 1
    for _ in range(16):
        site_map.zoom_by(1 / 1.25, QPointF(240, 180))
    assert site_map.far_markers() == [] and site_map.scale_text().endswith("km")


def test_selecting_another_photo_keeps_the_zoom(qtbot):
    site_map = shown_map(qtbot, [near(1), near(2)])
    site_map.zoom_by(3)
    site_map.set_site(*SITE, 300.0, [near(1), MapPoint(near(2).lat, near(2).lon, "x", selected=True)])
    assert site_map.zoom == 3
