"""Evidence tab: import photos with progress, thumbnails with flag badges, detail pane, site map, cancel."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDropEvent

from eco_field import demo
from eco_field.evidence import service
from eco_field.store import inspections
from tests.evidence.conftest import make_photo
from ui.site_map import nice_length


def open_saved_inspection(window, ctx):
    task = demo.demo_tasks()[0]
    insp = inspections.create(ctx.db, task.enterprise_id, task.officers)
    window.inspections.open_inspection(insp)
    editor = window.inspections.editor
    editor.tabs.setCurrentWidget(editor.evidence)
    return insp, editor.evidence


def some_photos(tmp_path, n=3):
    folder = tmp_path / "card"
    folder.mkdir()
    for i in range(n):
        make_photo(folder / f"DSC_{i:04d}.jpg", seed=i)
    return folder


def test_import_button_fills_grid_with_badges_and_detail(window, ctx, dialogs, tmp_path):
    insp, tab = open_saved_inspection(window, ctx)
    folder = some_photos(tmp_path)
    dialogs.answers.append(sorted(folder.iterdir()))
    progress = []
    tab.progress.valueChanged.connect(progress.append)
    tab.import_files.click()
    stored = service.list_evidence(ctx.db, insp.id)
    assert len(stored) == 3 and tab.grid.count() == 3
    assert progress and max(progress) == 3
    assert "3" in tab.message.text() and tab.job is None and not tab.progress.isVisible()
    photo = tab.grid.current_photo()
    assert tab.detail.values["sha256"].text().replace("\n", "") == photo["sha256"]
    assert tab.grid.item(0).icon().availableSizes()
    # importing the same files again: duplicates, nothing new
    dialogs.answers.append(sorted(folder.iterdir()))
    tab.import_files.click()
    assert tab.grid.count() == 3 and "3" in tab.message.text()


def test_drop_a_folder_and_map_shows_gps_points(window, ctx, tmp_path):
    insp, tab = open_saved_inspection(window, ctx)
    folder = tmp_path / "gps"
    folder.mkdir()
    for i, (lat, lon) in enumerate(((43.467448, 11.885127), (43.4674, 11.8852), (40.0, 116.3))):
        make_photo(folder / f"gps_{i}.jpg", lat=lat, lon=lon, seed=i)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(folder))])
    event = QDropEvent(QPoint(5, 5), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    tab.dropEvent(event)
    assert tab.grid.count() == len(list(folder.iterdir()))
    gps = [p for p in tab.grid.photos() if p["lat"] is not None]
    assert gps and len(tab.map.points) == len(gps)
    # demo enterprises are in Lüliang; these photos are not: flagged far from the site, drawn red
    assert all("far_from_site" in p["flags"] for p in gps)
    assert all(point.warn for point in tab.map.points)
    assert tab.map.scale_text().endswith("km")
    tab.side.setCurrentWidget(tab.map)
    assert not tab.map.grab().isNull()


def test_cancel_stops_the_import(window, ctx, tmp_path):
    insp, tab = open_saved_inspection(window, ctx)
    folder = tmp_path / "all"
    for i in range(30):
        make_photo(folder / f"DSC_{i:04d}.jpg", seed=i)
    total = len(list(folder.iterdir()))
    original = tab._progress

    def cancel_after_first(done, total, path):
        original(done, total, path)
        tab.cancel_import()

    tab._progress = cancel_after_first
    tab.start_import([folder])
    assert "取消" in tab.message.text()
    assert len(service.list_evidence(ctx.db, insp.id)) < total - 5  # only what was already in flight


def test_new_unsaved_inspection_cannot_import_yet(window):
    window.start_from_task(demo.demo_tasks()[1])
    tab = window.inspections.editor.evidence
    assert not tab.import_files.isEnabled()
    assert "保存" in tab.message.text()


def test_scale_bar_lengths():
    assert nice_length(730) == 500 and nice_length(1999) == 1000 and nice_length(0.3) == 0.2


def test_a_large_set_fills_the_grid_in_batches(qtbot):
    from PySide6.QtGui import QImage

    from ui.photo_grid import BATCH, PhotoGrid

    grid = PhotoGrid()
    qtbot.addWidget(grid)
    photos = [({"id": str(i), "original_name": f"DJI_{i:04d}.JPG", "flags": ["no_location"] if i % 2 else []},
               QImage()) for i in range(BATCH * 3 + 5)]
    with qtbot.waitSignal(grid.filled):
        grid.show_photos(photos)
        assert grid.count() == BATCH  # the first batch at once, the rest on later event-loop turns
    assert grid.count() == len(photos)


def test_thumbnails_from_camera_previews_are_redrawn_from_the_pictures(window, ctx, dialogs, tmp_path):
    """The grid first shows a thumbnail drawn from the camera's preview (red-tinted here, as a crafted file's
    preview of another scene would be); right after the import it shows one drawn from the picture."""
    from tests.evidence.conftest import photo_with_preview

    insp, tab = open_saved_inspection(window, ctx)
    photo = photo_with_preview(tmp_path / "DJI_0001.JPG", size=(1200, 800))
    dialogs.answers.append([photo])
    tab.import_files.click()
    (shown,) = service.list_evidence(ctx.db, insp.id)
    image = tab._images[shown["id"]]
    colours = [image.pixelColor(x, y) for x in range(0, image.width(), 16) for y in range(0, image.height(), 16)]
    red = sum(c.red() for c in colours) / len(colours)
    blue = sum(c.blue() for c in colours) / len(colours)
    assert red < blue + 60, (red, blue)  # grey, the picture's own colours: not the red preview
