"""Capture times outside the standard EXIF date fields, which exiftool reads and exifread does not:

- Olympus (and Agfa, Epson) APP12 "[picture info]" text: TimeDate=<seconds since 1970 of the camera's wall
  clock> (exiftool: PictureInfo:DateTimeOriginal);
- maker notes: Sony's ShotInfo block (tag 0x3000, "SonyDateTime" as text), Reconyx trail cameras
  (HyperFire 0xf101 binary, UltraFire "RECONYXUF", HyperFire 2 "RECONYXH2"; layouts as exiftool's
  Reconyx.pm reads them);
- the GPS receiver's time of the exposure: GPSDateStamp + GPSTimeStamp (UTC).

Each returns a wall time as written (naive, no zone) or None; nothing here raises on a malformed file.
"""

from __future__ import annotations

import re
import struct
from datetime import UTC, datetime, timedelta
from typing import Any

from eco_field.evidence import exif
from eco_field.evidence.xmp import jpeg_segments

MAKER_NOTE = 0x927C
EXIF_IFD = 0x8769
MAX_IFD_ENTRIES = 1000
_TYPE_SIZES = {1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 6: 1, 7: 1, 8: 2, 9: 4, 10: 8, 11: 4, 12: 8}
_APP12_TIME = re.compile(rb"(?:TimeDate|DateTime)=(\d{6,11})\s*[\r\n]")
_SONY_TEXT = re.compile(rb"^(\d{4}):(\d{2}):(\d{2}) (\d{2}):(\d{2}):(\d{2})")


def app12_time(data: bytes) -> datetime | None:
    """Olympus APP12 [picture info] TimeDate: the camera's wall clock counted as seconds since 1970
    (cameras of that era had no zone; exiftool shows it the same way)."""
    for marker, start, end in jpeg_segments(data):
        if marker != 0xEC:
            continue
        found = _APP12_TIME.search(data[start:end])
        if found:
            return _from_epoch_wall(int(found.group(1)))
    return None


def _from_epoch_wall(seconds: int) -> datetime | None:
    try:
        wall = datetime(1970, 1, 1) + timedelta(seconds=seconds)
    except OverflowError:
        return None
    return wall if wall.year >= 1980 else None


def maker_note(tiff: bytes) -> bytes | None:
    """The raw MakerNote of a TIFF/EXIF block, found by walking IFD0 to the Exif IFD."""
    if len(tiff) < 8 or tiff[:2] not in (b"II", b"MM"):
        return None
    order = "<" if tiff[:2] == b"II" else ">"
    try:
        (ifd0,) = struct.unpack_from(order + "I", tiff, 4)
        pointer = _entry(tiff, order, ifd0, EXIF_IFD)
        if pointer is None:
            return None
        (exif_ifd,) = struct.unpack_from(order + "I", tiff, pointer[1])
        where = _entry(tiff, order, exif_ifd, MAKER_NOTE)
        if where is None:
            return None
        count, offset = where
        return tiff[offset:offset + count] if offset + count <= len(tiff) else None
    except struct.error:
        return None


def _entry(tiff: bytes, order: str, ifd: int, tag: int) -> tuple[int, int] | None:
    """(size in bytes, where the value is) of a tag in the IFD at ifd."""
    (count,) = struct.unpack_from(order + "H", tiff, ifd)
    for index in range(min(count, MAX_IFD_ENTRIES)):
        at = ifd + 2 + 12 * index
        entry_tag, kind, number = struct.unpack_from(order + "HHI", tiff, at)
        if entry_tag != tag:
            continue
        size = _TYPE_SIZES.get(kind, 1) * number
        if size <= 4:
            return size, at + 8
        (offset,) = struct.unpack_from(order + "I", tiff, at + 8)
        return size, offset
    return None


def maker_note_time(tiff: bytes | None, make: str | None) -> tuple[datetime, str] | None:
    """(wall time, source) from a Sony or Reconyx maker note."""
    note = maker_note(tiff) if tiff else None
    if not note:
        return None
    maker = (make or "").strip().upper()
    if note.startswith(b"RECONYX") or note[:2] == b"\x01\xf1":
        found = _reconyx(note, maker)
        return (found, "makernote:Reconyx") if found else None
    if note.startswith(b"SONY") or maker.startswith("SONY"):
        found = _sony(note, tiff)
        return (found, "makernote:Sony") if found else None
    return None


def _reconyx(note: bytes, maker: str) -> datetime | None:
    try:
        if note.startswith(b"RECONYXUF\x00"):  # UltraFire: int8u[7] at 0x3b: s, m, h, d, mo, year lo/hi
            s, mi, h, d, mo, ylo, yhi = note[0x3B:0x3B + 7]
            return _wall(ylo + 256 * yhi, mo, d, h, mi, s)
        if note.startswith(b"RECONYXH2\x00"):  # HyperFire 2: int16u[6] at 0x3e: s, m, h, d, mo, y
            s, mi, h, d, mo, y = struct.unpack_from("<6H", note, 0x3E)
            return _wall(y, mo, d, h, mi, s)
        if note[:2] == b"\x01\xf1" and (note[2:4] in (b"\x02\x00", b"\x03\x00") or maker == "RECONYX"):
            values = list(struct.unpack_from("<6H", note, 0x16))  # HyperFire: int16u[6] at word 0x0b
            if values[0] & 0xFF00 and not values[0] & 0xFF:  # some write these big-endian
                values = [(v >> 8) | ((v & 0xFF) << 8) for v in values]
            s, mi, h, mo, d, y = values
            return _wall(y, mo, d, h, mi, s)
    except (struct.error, ValueError):
        return None
    return None


def _sony(note: bytes, tiff: bytes) -> datetime | None:
    """Sony maker notes are an IFD ("SONY DSC \\0\\0\\0" header or none) with offsets from the TIFF header;
    ShotInfo (0x3000) starts with its byte order and holds "YYYY:MM:DD HH:MM:SS" at byte 6."""
    start = tiff.find(note)
    if start < 0:
        return None
    ifd = start + (12 if note.startswith(b"SONY") else 0)
    order = "<" if tiff[:2] == b"II" else ">"
    try:
        where = _entry(tiff, order, ifd, 0x3000)
    except struct.error:
        return None
    if where is None:
        return None
    count, offset = where
    block = tiff[offset:offset + count]
    found = _SONY_TEXT.match(block[6:26]) if block[:2] in (b"II", b"MM") else None
    return _wall(*(int(g) for g in found.groups())) if found else None


def _wall(year: int, month: int, day: int, hour: int, minute: int, second: int) -> datetime | None:
    try:
        wall = datetime(year, month, day, hour, minute, second)
    except ValueError:
        return None
    return wall if wall.year >= 1980 else None


def gps_time(tags: dict[str, Any], xmp_values: dict[str, str]) -> datetime | None:
    """The GPS receiver's UTC time of the exposure (GPSDateStamp + GPSTimeStamp), aware, or None."""
    date_text = exif.text(tags, "GPS GPSDate")
    parts = exif.ratios(tags, "GPS GPSTimeStamp")
    if date_text and len(parts) == 3 and all(p is not None for p in parts):
        found = re.match(r"^\s*(\d{4})[:\-](\d{2})[:\-](\d{2})", date_text)
        hours, minutes, seconds = parts
        if found and 0 <= hours < 24 and 0 <= minutes < 60 and 0 <= seconds < 61:
            try:
                day = datetime(*(int(g) for g in found.groups()), tzinfo=UTC)
            except ValueError:
                day = None
            if day is not None and day.year >= 1980:
                return day + timedelta(hours=hours, minutes=minutes, seconds=round(seconds, 3))
    text = xmp_values.get("exif:GPSTimeStamp")  # XMP writes the whole instant, with Z or an offset
    found = re.match(r"^\s*(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?\s*(Z|[+-]\d{2}:\d{2})\s*$",
                     text or "")
    if found:
        try:
            moment = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
        except ValueError:
            return None
        return moment.astimezone(UTC) if moment.year >= 1980 else None
    return None
