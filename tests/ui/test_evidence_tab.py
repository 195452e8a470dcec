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
    assert tab.map.scale_text().endswith(" m") and len(tab.map.far_markers()) == len(gps)  # at the edge, with distances
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


# -- photos as an officer handles them (issue 17 part 4) ---------------------------------------------------
def imported(window, ctx, dialogs, tmp_path, n=3):
    insp, tab = open_saved_inspection(window, ctx)
    dialogs.answers.append(sorted(some_photos(tmp_path, n).iterdir()))
    tab.import_files.click()
    assert tab.grid.count() == n
    return insp, tab


def test_remove_with_a_reason_then_undo(window, ctx, dialogs, tmp_path):
    insp, tab = imported(window, ctx, dialogs, tmp_path)
    tab.grid.setCurrentRow(1)
    chosen = tab.grid.current_photo()
    assert tab.remove_button.isEnabled() and not tab.undo_removal_button.isEnabled()
    dialogs.answers.append(None)  # the officer cancels the reason: nothing happens
    tab.remove_button.click()
    assert tab.grid.count() == 3
    dialogs.answers.append("拍摄对象错误")
    tab.remove_button.click()
    assert tab.grid.count() == 2 and chosen["id"] not in [p["id"] for p in tab.grid.photos()]
    kind, title, label = dialogs.shown[-1]
    assert kind == "get_text" and chosen["original_name"] in label and "理由" in label
    assert "撤销移除" in tab.message.text() and tab.undo_removal_button.isEnabled()
    tab.undo_removal_button.click()
    assert tab.grid.count() == 3 and not tab.undo_removal_button.isEnabled()


def test_a_blank_reason_is_refused(window, ctx, dialogs, tmp_path):
    insp, tab = imported(window, ctx, dialogs, tmp_path, n=1)
    dialogs.answers.append("   ")
    tab.remove_button.click()
    assert tab.grid.count() == 1 and dialogs.shown[-1][0] == "error"


def test_undo_the_last_import(window, ctx, dialogs, tmp_path):
    insp, tab = imported(window, ctx, dialogs, tmp_path, n=2)
    extra = make_photo(tmp_path / "later" / "DSC_0100.jpg", seed=100)
    dialogs.answers.append([extra])
    tab.import_files.click()
    assert tab.grid.count() == 3 and tab.undo_import_button.isEnabled()
    dialogs.answers.append(True)
    tab.undo_import_button.click()
    assert [p["original_name"] for p in tab.grid.photos()] == ["DSC_0000.jpg", "DSC_0001.jpg"]


def test_caption_is_saved_from_the_detail_pane(window, ctx, dialogs, tmp_path):
    insp, tab = imported(window, ctx, dialogs, tmp_path, n=1)
    assert not tab.detail.save_caption.isEnabled()
    tab.detail.caption.setText("厂区东侧雨水排口有黑色废水流出")
    assert tab.detail.save_caption.isEnabled()
    tab.detail.save_caption.click()
    assert service.list_evidence(ctx.db, insp.id)[0]["caption"] == "厂区东侧雨水排口有黑色废水流出"
    assert tab.detail.caption.text() == "厂区东侧雨水排口有黑色废水流出"  # shown again after the reload


def test_markup_dialog_saves_a_derived_copy(window, ctx, dialogs, tmp_path, qtbot):
    insp, tab = imported(window, ctx, dialogs, tmp_path, n=1)
    original = tab.grid.current_photo()
    tab.markup_button.click()
    dialog = tab.markup_dialog
    assert dialog.isVisible() and dialog.windowTitle().startswith("标注")
    assert not dialog.buttons.buttons()[0].isEnabled() or not dialog.shapes()
    dialog.canvas.resize(600, 400)
    dialog.canvas.add_drag([0.1, 0.1], [0.5, 0.5])
    dialog.findChild(type(dialog.tools.buttons()[0]), "tool_circle").click()
    dialog.canvas.add_drag([0.7, 0.4], [0.8, 0.4])
    dialogs.answers.append("排污口")
    dialog.findChild(type(dialog.tools.buttons()[0]), "tool_text").click()
    dialog.canvas.add_text([0.1, 0.8])
    assert [s["type"] for s in dialog.shapes()] == ["arrow", "circle", "text"]
    dialog.accept()
    listed = service.list_evidence(ctx.db, insp.id)[0]
    assert listed["marked"] and listed["sha256"] == original["sha256"]
    assert [s["type"] for s in listed["marked"]["shapes"]] == ["arrow", "circle", "text"]
    assert "标注件" in tab.message.text() and "未作任何改动" in tab.message.text()


def test_escape_in_the_markup_dialog_asks_before_discarding(window, ctx, dialogs, tmp_path):
    insp, tab = imported(window, ctx, dialogs, tmp_path, n=1)
    tab.markup_button.click()
    dialog = tab.markup_dialog
    dialog.canvas.resize(600, 400)
    dialog.canvas.add_drag([0.1, 0.1], [0.5, 0.5])
    dialogs.answers.append(False)  # "discard the marks?" - no
    dialog.reject()
    assert dialog.isVisible() and dialogs.shown[-1][0] == "ask"
    dialogs.answers.append(True)
    dialog.reject()
    assert not dialog.isVisible()
    assert service.list_evidence(ctx.db, insp.id)[0]["marked"] is None


def test_the_grid_context_menu_offers_markup_caption_and_removal(window, ctx, dialogs, tmp_path):
    insp, tab = imported(window, ctx, dialogs, tmp_path, n=1)
    rect = tab.grid.visualItemRect(tab.grid.item(0))
    tab._context_menu(rect.center())
    texts = [a.text() for a in tab._menu.actions() if a.text()]
    tab._menu.close()
    assert texts == ["标注…", "编辑证明事项", "移除…"]


def test_a_sealed_inspection_offers_no_removal_markup_or_undo(window, ctx, dialogs, tmp_path):
    from eco_field.evidence import seal
    insp, tab = imported(window, ctx, dialogs, tmp_path, n=1)
    seal.seal(ctx.ws, insp.id)
    window.inspections.open_inspection(inspections.get(ctx.db, insp.id))
    tab = window.inspections.editor.evidence
    assert tab.grid.count() == 1
    for button in (tab.remove_button, tab.markup_button, tab.undo_import_button, tab.undo_removal_button):
        assert not button.isEnabled()
    assert tab.detail.caption.isReadOnly()


def test_refused_files_are_explained_in_chinese(window, ctx, dialogs, tmp_path):
    insp, tab = open_saved_inspection(window, ctx)
    folder = tmp_path / "mixed"
    make_photo(folder / "DSC_0001.jpg")
    (folder / "说明.txt").write_text("site notes, not a photo")
    (folder / "empty.jpg").write_bytes(b"")
    dialogs.answers.append(sorted(folder.iterdir()))
    tab.import_files.click()
    kind, title, text = dialogs.shown[-1]
    assert kind == "inform" and title == "部分文件未导入"
    assert "说明.txt：不是照片：文本文件" in text and "empty.jpg：空文件（0 字节）" in text
    assert not any(word in text for word in ("not a photo", "empty file", "Error"))


def test_duplicate_reason_names_the_other_inspection_not_its_uuid(window, ctx, dialogs, tmp_path):
    first, tab = imported(window, ctx, dialogs, tmp_path, n=1)
    photo = next((tmp_path / "card").iterdir())
    task = demo.demo_tasks()[0]
    second = inspections.create(ctx.db, task.enterprise_id, task.officers)
    service.import_paths(ctx.ws, second.id, [photo])
    window.inspections.open_inspection(second)
    tab = window.inspections.editor.evidence
    tab.grid.setCurrentRow(0)
    flags = tab.detail.values["flags"].text()
    assert "重复" in flags and first.id not in flags and "检查" in flags
