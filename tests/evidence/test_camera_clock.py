"""Capture times beyond the standard EXIF fields (Olympus APP12, Sony and Reconyx maker notes, GPS time alone),
the camera clock checked against GPS time, and dimensions with orientation; real files are compared with
exiftool, synthetic ones are read back by exiftool too, so the layouts are the ones it reads."""

from __future__ import annotations

import io
import json
import os
import shutil
import struct
import subprocess
from pathlib import Path

import pytest
from PIL import Image
from PIL.TiffImagePlugin import IFDRational

from eco_field.evidence import metadata, pixels, service, sniff
from tests.conftest import FIXTURES_REASON, fixture_file, fixture_files
from tests.evidence.conftest import SITE_LAT, SITE_LON, make_photo, noise_image

EXIFTOOL = shutil.which("exiftool")
needs_exiftool = pytest.mark.skipif(EXIFTOOL is None, reason="needs exiftool (apt install libimage-exiftool-perl)")


def extract(path: Path, tz: str = "Asia/Shanghai") -> dict:
    data = path.read_bytes()
    return metadata.extract(data, sniff.media_type(data[:64]), tz)


def exiftool(*paths: Path) -> list[dict]:
    out = subprocess.run([EXIFTOOL, "-j", "-n", "-G1", "-a", "-time:all", "-ImageWidth", "-ImageHeight",
                          "-Orientation", *map(str, paths)], capture_output=True, text=True, check=False)
    return json.loads(out.stdout)


def exiftool_capture(tags: dict) -> str | None:
    """The capture time exiftool reports, best first, as 'YYYY-MM-DD HH:MM:SS' wall time."""
    for name in ("DateTimeOriginal", "CreateDate", "SonyDateTime", "GPSDateTime"):
        for key, value in tags.items():
            if key.split(":")[-1] == name and key.split(":")[0] not in ("System", "File", "IFD1") and value:
                text = str(value).replace("Z", "")
                return text[:10].replace(":", "-") + " " + text[11:19]
    return None


def wall(taken_at: str | None) -> str | None:
    return None if taken_at is None else taken_at[:10] + " " + taken_at[11:19]


# -- real files -----------------------------------------------------------------------------------------
@needs_exiftool
@pytest.mark.parametrize("path", fixture_files("photos") or [
    pytest.param(None, marks=pytest.mark.skip(reason=FIXTURES_REASON))], ids=lambda p: p.name if p else "corpus")
def test_capture_time_dimensions_and_orientation_agree_with_exiftool(path):
    (tags,) = exiftool(path)
    ours = extract(path)
    expected = exiftool_capture(tags)
    assert wall(ours["taken_at"]) == expected or (expected is None and ours["taken_at"] is None), (ours, tags)
    if path.name.endswith(".jpg") and "corrupted" in path.name:
        return  # exiftool and Pillow disagree on which frame a damaged file's size is
    width = tags.get("File:ImageWidth") or tags.get("IFD0:ImageWidth")
    height = tags.get("File:ImageHeight") or tags.get("IFD0:ImageHeight")
    assert pixels.declared_size(path.read_bytes()) == (width, height)
    assert ours["orientation"] == (tags.get("IFD0:Orientation") or tags.get("XMP-tiff:Orientation"))


def test_olympus_app12_time_is_read():
    ours = extract(fixture_file("photos", "exifsamples__jpg_exif-org_olympus-d320l.jpg"))
    assert ours["taken_at"] == "1998-10-29T22:06:59+08:00" and ours["time_source"] == "app12:TimeDate"
    assert ours["offset_source"] == "assumed:Asia/Shanghai"  # the camera knew no zone: the configured one


def test_a_nikon_whose_clock_was_a_day_off_is_flagged(workspace, inspection, tmp_path):
    """DSCN0010: the camera says 2008-10-22 16:28:39, its GPS 2008-10-23 14:27:07 UTC."""
    ours = extract(fixture_file("photos", "exifsamples__jpg_gps_DSCN0010.jpg"))
    assert ours["gps_time_utc"] == "2008-10-23T14:27:07+00:00"
    assert ours["offset_source"] == "assumed:Asia/Shanghai"  # -22 h is no zone: GPS time implies none
    assert ours["clock_diff_s"] == pytest.approx(-(24 * 3600 + 5 * 3600 + 58 * 60 + 28.2), abs=1)
    copy = tmp_path / "DSCN0010.jpg"
    shutil.copy(fixture_file("photos", "exifsamples__jpg_gps_DSCN0010.jpg"), copy)
    service.import_paths(workspace, inspection, [copy])
    (photo,) = service.list_evidence(workspace.db, inspection)
    assert "clock_mismatch" in photo["flags"]
    assert photo["flag_reasons"]["clock_mismatch"].startswith("相机时钟比 GPS 时间慢 1 天 5 小时 58 分钟")


# -- synthetic files ------------------------------------------------------------------------------------
def gps_time_ifd(date: str, hms: tuple[int, int, float]) -> dict:
    return {29: date, 7: tuple(IFDRational(round(v * 100), 100) for v in hms)}


def test_a_photo_without_offset_takes_the_zone_gps_time_implies(workspace, inspection, tmp_path):
    """A camera set to Beijing time but imported on a laptop set to UTC: GPS says +08:00."""
    path = make_photo(tmp_path / "a.jpg", taken="2026:06:05 09:30:00",
                      gps_raw={1: "N", 2: (IFDRational(37), IFDRational(30), IFDRational(0)), 3: "E",
                               4: (IFDRational(111), IFDRational(12), IFDRational(0)),
                               **gps_time_ifd("2026:06:05", (1, 29, 10))})
    ours = extract(path, tz="UTC")
    assert ours["taken_at"] == "2026-06-05T09:30:00+08:00" and ours["offset_source"] == "gps:GPSTimeStamp"
    assert ours["clock_diff_s"] == pytest.approx(50)
    service.import_paths(workspace, inspection, [path])
    assert "clock_mismatch" not in service.list_evidence(workspace.db, inspection)[0]["flags"]


def test_a_camera_clock_off_by_twenty_minutes_is_flagged_with_the_difference(workspace, inspection, tmp_path):
    path = make_photo(tmp_path / "a.jpg", taken="2026:06:05 09:30:00", offset="+08:00",
                      gps_raw=gps_time_ifd("2026:06:05", (1, 10, 0)))
    service.import_paths(workspace, inspection, [path])
    (photo,) = service.list_evidence(workspace.db, inspection)
    assert "clock_mismatch" in photo["flags"]
    assert photo["flag_reasons"]["clock_mismatch"] == "相机时钟比 GPS 时间快 20 分钟（允许偏差 5 分钟），拍摄时间可能不准"
    assert photo["gps_time_utc"] == "2026-06-05T01:10:00+00:00" and photo["clock_diff_s"] == 1200


def test_the_clock_tolerance_is_a_setting(workspace, inspection, tmp_path):
    from eco_field.store import settings
    settings.put(workspace.db, "photo_clock_tolerance_min", "30")
    path = make_photo(tmp_path / "a.jpg", taken="2026:06:05 09:30:00", offset="+08:00",
                      gps_raw=gps_time_ifd("2026:06:05", (1, 10, 0)))
    service.import_paths(workspace, inspection, [path])
    assert "clock_mismatch" not in service.list_evidence(workspace.db, inspection)[0]["flags"]


def test_a_sealed_inspection_shows_its_clock_flag_in_the_interface_language(workspace, inspection, tmp_path):
    from eco_field import messages
    from eco_field.evidence import seal
    path = make_photo(tmp_path / "a.jpg", taken="2026:06:05 09:30:00", offset="+08:00",
                      gps_raw=gps_time_ifd("2026:06:05", (1, 10, 0)))
    service.import_paths(workspace, inspection, [path])
    seal.seal(workspace, inspection)
    try:
        messages.set_language("en")
        reason = service.list_evidence(workspace.db, inspection)[0]["flag_reasons"]["clock_mismatch"]
    finally:
        messages.set_language("zh_CN")
    assert reason.startswith("The camera clock is 20 min ahead of GPS time")


def heif_with_gps_time_only(path: Path) -> Path:
    exif = Image.Exif()
    exif.get_ifd(0x8825).update(gps_time_ifd("2026:06:05", (1, 30, 0)))
    noise_image((64, 48)).save(path, "HEIF", exif=exif.tobytes())
    return path


def test_heif_with_gps_time_only_has_a_capture_time(tmp_path):
    ours = extract(heif_with_gps_time_only(tmp_path / "IMG_0001.HEIC"))
    assert ours["taken_at"] == "2026-06-05T09:30:00+08:00" and ours["taken_at_utc"] == "2026-06-05T01:30:00+00:00"
    assert ours["time_source"] == "exif:GPSDateStamp+GPSTimeStamp" and ours["clock_diff_s"] is None


def with_exif(tiff: bytes, size=(64, 48)) -> bytes:
    out = io.BytesIO()
    noise_image(size).save(out, "JPEG", quality=85)
    data = out.getvalue()
    app1 = b"Exif\x00\x00" + tiff
    return data[:2] + b"\xff\xe1" + (len(app1) + 2).to_bytes(2, "big") + app1 + data[2:]


def tiff_with_maker_note(make: str, note_at_offset) -> bytes:
    """A little-endian TIFF: IFD0 (Make, ExifIFD) -> Exif IFD (MakerNote). note_at_offset(offset) builds
    the maker note given where it will sit (Sony's offsets count from the TIFF header)."""
    make_bytes = make.encode() + b"\x00"
    ifd0_at, exif_at = 8, 8 + 2 + 2 * 12 + 4
    make_at = exif_at + 2 + 12 + 4
    note_offset = make_at + len(make_bytes)
    note = note_at_offset(note_offset)
    ifd0 = struct.pack("<H", 2) + struct.pack("<HHII", 0x010F, 2, len(make_bytes), make_at)
    ifd0 += struct.pack("<HHII", 0x8769, 4, 1, exif_at) + b"\x00\x00\x00\x00"
    exif = struct.pack("<H", 1) + struct.pack("<HHII", 0x927C, 7, len(note), note_offset) + b"\x00\x00\x00\x00"
    tiff = b"II*\x00" + struct.pack("<I", ifd0_at) + ifd0 + exif + make_bytes + note
    return tiff


def reconyx_hyperfire(_offset: int) -> bytes:
    note = bytearray(0x50)
    note[0:2] = b"\x01\xf1"
    note[2:4] = b"\x03\x00"
    struct.pack_into("<6H", note, 0x16, 45, 12, 3, 6, 5, 2026)  # s, m, h, month, day, year
    return bytes(note)


def reconyx_ultrafire(_offset: int) -> bytes:
    note = bytearray(0x60)
    note[0:10] = b"RECONYXUF\x00"
    note[0x3B:0x3B + 7] = bytes([45, 12, 3, 5, 6, 2026 % 256, 2026 // 256])  # s, m, h, day, month, year
    return bytes(note)


def reconyx_hyperfire2(_offset: int) -> bytes:
    note = bytearray(0x60)
    note[0:10] = b"RECONYXH2\x00"
    struct.pack_into("<6H", note, 0x3E, 45, 12, 3, 5, 6, 2026)  # s, m, h, day, month, year
    return bytes(note)


def sony_shot_info(offset: int) -> bytes:
    header = b"SONY DSC \x00\x00\x00"
    ifd_len = 2 + 12 + 4
    block_at = offset + len(header) + ifd_len
    block = bytearray(0x60)
    block[0:2] = b"II"
    block[6:26] = b"2026:06:05 03:12:45\x00"
    ifd = struct.pack("<H", 1) + struct.pack("<HHII", 0x3000, 7, len(block), block_at) + b"\x00\x00\x00\x00"
    return header + ifd + bytes(block)


@pytest.mark.parametrize("make, note, source", [
    ("RECONYX", reconyx_hyperfire, "makernote:Reconyx"),
    ("RECONYX", reconyx_ultrafire, "makernote:Reconyx"),
    ("RECONYX", reconyx_hyperfire2, "makernote:Reconyx"),
    ("SONY", sony_shot_info, "makernote:Sony"),
])
def test_maker_note_times_are_read_as_exiftool_reads_them(tmp_path, make, note, source):
    """Synthetic maker notes (no public sample without a standard date field): the layouts of exiftool's
    Reconyx.pm and Sony.pm ShotInfo, and exiftool itself reads the same time from the file."""
    path = tmp_path / "trail.jpg"
    path.write_bytes(with_exif(tiff_with_maker_note(make, note)))
    ours = extract(path)
    assert ours["taken_at"] == "2026-06-05T03:12:45+08:00" and ours["time_source"] == source
    if EXIFTOOL:
        assert exiftool_capture(exiftool(path)[0]) == "2026-06-05 03:12:45"


def test_a_hostile_maker_note_is_no_time_and_no_crash(tmp_path):
    def bad(offset: int) -> bytes:
        return b"SONY DSC \x00\x00\x00" + struct.pack("<H", 0xFFFF) + b"\xff" * 20
    path = tmp_path / "bad.jpg"
    path.write_bytes(with_exif(tiff_with_maker_note("SONY", bad)))
    assert extract(path)["taken_at"] is None


def test_dimensions_are_as_stored_with_the_orientation_beside_them(workspace, inspection, tmp_path):
    path = make_photo(tmp_path / "portrait.jpg", size=(120, 80), orientation=6, lat=SITE_LAT, lon=SITE_LON)
    heic = heif_with_gps_time_only(tmp_path / "IMG_0002.HEIC")
    service.import_paths(workspace, inspection, [path, heic])
    shown = {p["original_name"]: p for p in service.list_evidence(workspace.db, inspection)}
    jpeg = shown["portrait.jpg"]
    assert (jpeg["width"], jpeg["height"], jpeg["orientation"]) == (120, 80, 6)
    assert jpeg["shown_size"] == [80, 120]  # what the officer sees once turned
    assert (shown["IMG_0002.HEIC"]["width"], shown["IMG_0002.HEIC"]["height"]) == (64, 48)


def test_a_turned_heic_keeps_its_stored_size_with_the_orientation(workspace, inspection, tmp_path):
    """libheif turns the picture by its rotation before Pillow sees it; the list gives the size as stored."""
    exif = Image.Exif()
    exif[0x0112] = 6
    path = tmp_path / "IMG_0003.HEIC"
    noise_image((64, 48)).save(path, "HEIF", exif=exif.tobytes())
    service.import_paths(workspace, inspection, [path])
    (photo,) = service.list_evidence(workspace.db, inspection)
    assert (photo["width"], photo["height"], photo["orientation"], photo["shown_size"]) == (64, 48, 6, [48, 64])
    with Image.open(service.thumbnail_path(workspace, photo["sha256"], 256)) as thumb:
        assert thumb.width < thumb.height  # shown upright


def test_originals_in_the_store_are_read_only(workspace, inspection, tmp_path):
    service.import_paths(workspace, inspection, [make_photo(tmp_path / "a.jpg")])
    (photo,) = service.list_evidence(workspace.db, inspection)
    stored = workspace.blobs.find(photo["sha256"])
    assert stored.stat().st_mode & 0o222 == 0
    if os.name == "posix" and os.geteuid() != 0:  # root writes through any mode
        with pytest.raises(PermissionError):
            open(stored, "r+b")
    assert service.verify(workspace, inspection)["ok"] == 1


def test_backup_and_restore_keep_originals_read_only(workspace, inspection, tmp_path):
    from eco_field import backup
    from eco_field.workspace import Workspace
    service.import_paths(workspace, inspection, [make_photo(tmp_path / "a.jpg")])
    archive = tmp_path / "backup.zip"
    backup.backup(workspace, archive)
    target = tmp_path / "restored"
    backup.restore(archive, target)
    restored = Workspace.open(target)
    try:
        (photo,) = service.list_evidence(restored.db, inspection)
        stored = restored.blobs.find(photo["sha256"])
        assert stored.stat().st_mode & 0o222 == 0
        assert service.verify(restored, inspection)["ok"] == 1
        # restoring again over the same folder replaces read-only files without complaint
        backup.restore(archive, target, force=True)
    finally:
        restored.close()
