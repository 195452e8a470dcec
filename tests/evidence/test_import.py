"""The one ingest path: store, duplicates, folders, bad input, originals untouched, thumbnails."""

from __future__ import annotations

import hashlib
import os
import shutil
import struct

import pytest
from PIL import Image

from eco_field.errors import NotFound, SealedRecord
from eco_field.evidence import seal, service
from eco_field.store import audit
from tests.conftest import fixture_file
from tests.evidence.conftest import jpeg_bytes, make_photo


def sha(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def store_files(ws):
    return [p for p in ws.blobs.root.rglob("*") if p.is_file() and ".tmp" not in p.parts]


def test_folder_import_with_chinese_names_and_spaces(workspace, inspection, tmp_path):
    card = tmp_path / "卡 1"
    a = make_photo(card / "DCIM" / "100 现场" / "排口 照片.jpg", seed=1)
    b = make_photo(card / "DJI_0001.JPG", seed=2)
    report = service.import_paths(workspace, inspection, [card])
    assert sorted(e["original_name"] for e in report.imported) == ["DCIM/100 现场/排口 照片.jpg", "DJI_0001.JPG"]
    assert report.errors == [] and report.duplicates == []
    for original in (a, b):
        stored = workspace.blobs.find(sha(original))
        assert stored.read_bytes() == original.read_bytes()
        assert stored.parent.name == sha(original)[:2] and stored.name == f"{sha(original)}.jpg"
    listed = service.list_evidence(workspace.db, inspection)
    assert {i["original_name"] for i in listed} == {"DCIM/100 现场/排口 照片.jpg", "DJI_0001.JPG"}
    assert all(i["flags"] == [] for i in listed)


def test_same_bytes_twice_are_stored_and_listed_once(workspace, inspection, tmp_path):
    one = make_photo(tmp_path / "card" / "a.jpg")
    shutil.copy(one, tmp_path / "card" / "copy of a.jpg")
    first = service.import_paths(workspace, inspection, [tmp_path / "card"])
    assert len(first.imported) == 1 and len(first.duplicates) == 1
    again = service.import_paths(workspace, inspection, [one])
    assert again.imported == [] and len(again.duplicates) == 1
    assert len(service.list_evidence(workspace.db, inspection)) == 1
    assert len(store_files(workspace)) == 1


def test_same_bytes_in_another_inspection_are_linked_and_flagged(workspace, inspection, tmp_path):
    from eco_field.store import inspections
    other = inspections.create(workspace.db, inspections.get(workspace.db, inspection).enterprise_id,
                               [o.cert_no for o in inspections.get(workspace.db, inspection).officers],
                               started_at="2026-06-05T09:00:00+08:00").id
    photo = make_photo(tmp_path / "a.jpg")
    service.import_paths(workspace, inspection, [photo])
    report = service.import_paths(workspace, other, [photo])
    assert report.imported[0]["flags"] == ["duplicate"]
    listed = service.list_evidence(workspace.db, other)[0]
    # the reason names the other inspection as an officer knows it (enterprise and day), never by its UUID
    reason = listed["flag_reasons"]["duplicate"]
    assert listed["flags"] == ["duplicate"] and inspection not in reason
    assert "2026-06-05" in reason and "中阳鼎新水泥" in reason
    assert service.list_evidence(workspace.db, inspection)[0]["flags"] == []  # the first one stays clean
    assert len(store_files(workspace)) == 1


def test_bad_files_are_refused_with_reasons_and_the_rest_imported(workspace, inspection, tmp_path):
    card = tmp_path / "card"
    good = make_photo(card / "good.jpg")
    (card / "notes.txt").write_text("现场笔记", encoding="utf-8")
    (card / "empty.jpg").write_bytes(b"")
    whole = jpeg_bytes((400, 300))
    (card / "cut.jpg").write_bytes(whole[: len(whole) // 2])
    (card / "bomb.jpg").write_bytes(bomb_jpeg())
    (card / "garbage.jpg").write_bytes(b"\xff\xd8\xff\xe1" + os.urandom(3000))
    os.symlink("loop_b.jpg", card / "loop_a.jpg")
    os.symlink("loop_a.jpg", card / "loop_b.jpg")
    before = {p.name: sha(p) for p in card.iterdir() if p.is_file() and not p.is_symlink()}
    report = service.import_paths(workspace, inspection, [card])
    assert [e["original_name"] for e in report.imported] == ["good.jpg"]
    reasons = {os.path.basename(e["path"]): e["error"] for e in report.errors}
    assert set(reasons) == {"notes.txt", "empty.jpg", "cut.jpg", "bomb.jpg", "garbage.jpg", "loop_a.jpg",
                            "loop_b.jpg"}
    assert "not a photo" in reasons["notes.txt"]
    assert "empty" in reasons["empty.jpg"]
    assert "truncated" in reasons["cut.jpg"]
    assert "decompression bomb" in reasons["bomb.jpg"]
    assert "loop" in reasons["loop_a.jpg"]
    assert {p.name: sha(p) for p in card.iterdir() if p.is_file() and not p.is_symlink()} == before
    assert [p.name for p in store_files(workspace)] == [f"{sha(good)}.jpg"]


def bomb_jpeg() -> bytes:
    """A JPEG whose frame header declares 65000 x 65000 pixels."""
    data = bytearray(jpeg_bytes((16, 16)))
    sof = data.find(b"\xff\xc0")
    data[sof + 5:sof + 9] = struct.pack(">HH", 65000, 65000)
    return bytes(data)


def test_unreadable_file_is_refused(workspace, inspection, tmp_path):
    if os.geteuid() == 0:
        pytest.skip("root reads any file")
    path = make_photo(tmp_path / "locked.jpg")
    path.chmod(0)
    report = service.import_paths(workspace, inspection, [path])
    assert "permission denied" in report.errors[0]["error"]


def test_real_fixture_folder_imports_every_photo(workspace, inspection):
    photos = fixture_file("photos")
    report = service.import_paths(workspace, inspection, [photos])
    assert report.errors == []
    assert len(report.imported) == len([p for p in photos.iterdir() if p.is_file()])
    assert service.verify(workspace, inspection)["ok"] == len(report.imported)


def test_thumbnails_are_small_oriented_and_not_evidence(workspace, inspection, tmp_path):
    upright = make_photo(tmp_path / "rot.jpg", size=(600, 300), orientation=6)  # stored landscape, shown portrait
    service.import_paths(workspace, inspection, [upright])
    thumb = service.thumbnail_path(workspace, sha(upright))
    assert workspace.cache_dir in thumb.parents
    with Image.open(thumb) as image:
        assert image.size == (128, 256)
        assert b"not evidence" in image.info.get("comment", b"")
    preview = service.thumbnail_path(workspace, sha(upright)[:10], 1600)
    with Image.open(preview) as image:
        assert max(image.size) == 600  # never enlarged
    thumb.unlink()
    assert service.thumbnail_path(workspace, sha(upright)).exists()  # rebuilt on demand


def test_heic_is_accepted(workspace, inspection):
    heic = fixture_file("photos", "exifsamples__heic_IMG_5195.HEIC")
    report = service.import_paths(workspace, inspection, [heic])
    assert report.imported[0]["sha256"] == sha(heic)
    assert workspace.blobs.find(sha(heic)).suffix == ".heic"


def test_progress_and_cancel(workspace, inspection, tmp_path):
    for i in range(6):
        make_photo(tmp_path / "card" / f"p{i}.jpg", seed=i)
    seen = []
    report = service.import_paths(workspace, inspection, [tmp_path / "card"], progress=lambda d, t, p: seen.append((d, t)),
                                  cancel=lambda: len(seen) >= 2, workers=1)
    assert seen == [(1, 6), (2, 6)] and report.cancelled and len(report.imported) == 2


def test_imports_and_deletions_are_audited(workspace, inspection, tmp_path):
    report = service.import_paths(workspace, inspection, [make_photo(tmp_path / "a.jpg")])
    evidence_id = report.imported[0]["id"]
    service.remove(workspace, evidence_id, "拍错了")
    actions = [e["action"] for e in audit.entries_for(workspace.db, "evidence", evidence_id)]
    assert actions == ["import", "delete"]
    assert audit.verify(workspace.db).ok
    assert service.list_evidence(workspace.db, inspection) == []


def test_sealed_inspection_refuses_new_evidence(workspace, inspection, tmp_path):
    service.import_paths(workspace, inspection, [make_photo(tmp_path / "a.jpg")])
    seal.seal(workspace, inspection)
    with pytest.raises(SealedRecord):
        service.import_paths(workspace, inspection, [make_photo(tmp_path / "b.jpg", seed=3)])


def test_unknown_inspection(workspace, tmp_path):
    with pytest.raises(NotFound):
        service.import_paths(workspace, "nope", [make_photo(tmp_path / "a.jpg")])


def test_png_and_webp_screenshots_are_photos_too(workspace, inspection, tmp_path):
    from tests.evidence.conftest import noise_image

    noise_image((300, 200)).save(tmp_path / "screen.png")
    noise_image((300, 200)).save(tmp_path / "chat.webp")
    (tmp_path / "clip.mp4").write_bytes(b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom" + b"\x00" * 64)
    report = service.import_paths(workspace, inspection, [tmp_path / "screen.png", tmp_path / "chat.webp",
                                                          tmp_path / "clip.mp4"])
    assert sorted(e["original_name"] for e in report.imported) == ["chat.webp", "screen.png"]
    assert report.errors[0]["error"] == "not a photo: a video (MP4/MOV)"
    listed = service.list_evidence(workspace.db, inspection)
    assert all(i["flags"] == ["no_timestamp", "no_location"] for i in listed)


def test_a_named_pipe_does_not_hang_the_import(workspace, inspection, tmp_path):
    if not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes here")
    os.mkfifo(tmp_path / "pipe.jpg")
    report = service.import_paths(workspace, inspection, [tmp_path / "pipe.jpg", make_photo(tmp_path / "a.jpg")])
    assert len(report.imported) == 1 and "not a regular file" in report.errors[0]["error"]
