"""Reading EXIF with exifread, tolerantly: empty GPS IFDs, zero denominators, decimal minutes, blank strings."""

from __future__ import annotations

import io
import logging
from typing import Any

import exifread

from eco_field.evidence.xmp import jpeg_segments

logging.getLogger("exifread").disabled = True  # it logs every oddity of a corrupt file to stderr


def read_tags(data: bytes, media_type: str = "") -> tuple[dict[str, Any], str]:
    """exifread's tags (without MakerNotes) and a warning when the EXIF block could not be read.

    For a JPEG we hand exifread the TIFF block of the Exif APP1 segment ourselves: exifread only looks at
    the first APP1, and Photoshop puts the XMP one first.
    """
    if media_type == "image/jpeg":
        block = exif_block(data)
        if block is not None:
            data = block
    elif media_type in HEIF_TYPES:
        block = heif_exif_block(data)  # exifread misreads some encoders' HEIF boxes (libheif's among them)
        if block is not None:
            data = block
    try:
        return exifread.process_file(io.BytesIO(data), details=False, extract_thumbnail=False), ""
    except Exception as exc:  # exifread raises anything on hostile IFDs; metadata is optional evidence
        return {}, f"EXIF unreadable ({type(exc).__name__})"


HEIF_TYPES = ("image/heic", "image/heif", "image/avif")


def heif_exif_block(data: bytes) -> bytes | None:
    """The TIFF block of a HEIF's Exif item, as libheif finds it (None without the plugin or an Exif item)."""
    try:
        import pillow_heif

        raw = pillow_heif.open_heif(data, convert_hdr_to_8bit=False).info.get("exif")
    except Exception:  # no plugin, or a file libheif refuses: exifread gets the container as before
        return None
    if not raw:
        return None
    start = 6 if raw.startswith(b"Exif\x00\x00") else 0
    return raw[start:] if raw[start:start + 2] in (b"II", b"MM") else None


def exif_block(data: bytes) -> bytes | None:
    for marker, start, end in jpeg_segments(data):
        if marker == 0xE1 and data[start:start + 5] == b"Exif\x00" and data[start + 6:start + 8] in (b"II", b"MM"):
            return data[start + 6:end]
    return None


def text(tags: dict[str, Any], key: str) -> str | None:
    tag = tags.get(key)
    if tag is None:
        return None
    values = getattr(tag, "values", tag)
    if isinstance(values, bytes):
        values = values.decode("utf-8", errors="replace")
    if isinstance(values, list):
        values = "".join(chr(v) for v in values if isinstance(v, int) and 0 < v < 0x110000) if all(
            isinstance(v, int) for v in values) else " ".join(str(v) for v in values)
    value = str(values).replace("\x00", " ").strip()
    return value or None


def integer(tags: dict[str, Any], key: str) -> int | None:
    tag = tags.get(key)
    values = getattr(tag, "values", None)
    if isinstance(values, bytes) and values:
        return values[0]
    if isinstance(values, list) and values and isinstance(values[0], int):
        return values[0]
    return None


def ratios(tags: dict[str, Any], key: str) -> list[float | None]:
    """Rational values as floats; x/0 is None (0/0 is 0, as cameras without a fix write it)."""
    tag = tags.get(key)
    values = getattr(tag, "values", None)
    if not isinstance(values, list):
        return []
    out: list[float | None] = []
    for value in values:
        num = getattr(value, "numerator", value)
        den = getattr(value, "denominator", 1)
        if not isinstance(num, int) or not isinstance(den, int):
            out.append(None)
        elif den == 0:
            out.append(0.0 if num == 0 else None)
        else:
            out.append(num / den)
    return out


def coordinate(parts: list[float | None], ref: str | None, limit: float) -> float | None:
    """deg + min/60 + sec/3600 with the ref's sign; also degrees with decimal minutes and no seconds."""
    if not parts or any(p is None for p in parts):
        return None
    parts = (list(parts) + [0.0, 0.0])[:3]
    degrees, minutes, seconds = parts
    # 60 (not just < 60) is allowed: writers that round 59.99…" up store 53' 60" for 54' 0" (exiftool reads it so)
    if min(parts) < 0 or minutes > 60 or seconds > 60:
        return None
    value = degrees + minutes / 60 + seconds / 3600
    if ref and ref.strip()[:1].upper() in ("S", "W"):
        value = -value
    return value if abs(value) <= limit else None


def gps(tags: dict[str, Any]) -> tuple[float | None, float | None, float | None]:
    """(lat, lon, altitude in m, negative below sea level) from the GPS IFD; None where absent or invalid."""
    lat = coordinate(ratios(tags, "GPS GPSLatitude"), text(tags, "GPS GPSLatitudeRef"), 90)
    lon = coordinate(ratios(tags, "GPS GPSLongitude"), text(tags, "GPS GPSLongitudeRef"), 180)
    if lat is None or lon is None or (lat == 0 and lon == 0):  # 0,0 is what a receiver without a fix writes
        lat = lon = None
    alt_parts = ratios(tags, "GPS GPSAltitude")
    alt = alt_parts[0] if alt_parts else None
    if alt is not None and integer(tags, "GPS GPSAltitudeRef") == 1:
        alt = -alt
    return lat, lon, alt
