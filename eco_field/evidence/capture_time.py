"""When a photo was taken: EXIF/XMP date strings, sub-seconds and offsets, resolved to an aware time.

A time without an offset is local time in the configured zone (default Asia/Shanghai), unless the same file
says which offset applies (EXIF OffsetTimeOriginal, an XMP date with an offset for the same wall time, or
DJI's UTCAtExposure). We keep the original string and say where the offset came from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

# EXIF "2024:05:01 10:20:30", DJI "2020-06-23 15:17:15", XMP "2022-07-23T15:12:19.5+08:00"
_STAMP = re.compile(
    r"^\s*(\d{4})[:\-/.](\d{1,2})[:\-/.](\d{1,2})(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:[.,](\d+))?)?"
    r"\s*(Z|[+-]\d{2}:?\d{2})?\s*$")
_OFFSET = re.compile(r"^\s*([+-])(\d{2}):?(\d{2})\s*$")


@dataclass(frozen=True)
class Stamp:
    wall: datetime          # naive wall-clock time as written
    offset: timedelta | None
    has_time: bool


@dataclass(frozen=True)
class CaptureTime:
    taken_at: str           # ISO 8601 with offset
    taken_at_utc: str
    raw: str
    source: str             # which field the time came from
    offset_source: str      # "exif:OffsetTimeOriginal", "xmp", "dji:UTCAtExposure" or "assumed:<zone>"


def parse_stamp(text: str | None, subsec: str | None = None) -> Stamp | None:
    """A date string as written, or None when it is empty, blank ("    :  :  ") or impossible."""
    if not text:
        return None
    match = _STAMP.match(text.replace("\x00", ""))
    if not match:
        return None
    year, month, day, hour, minute, second, fraction, zone_text = match.groups()
    fraction = fraction or (subsec or "").strip()
    micro = int((fraction + "000000")[:6]) if fraction.isdigit() else 0
    try:
        wall = datetime(int(year), int(month), int(day), int(hour or 0), int(minute or 0), int(second or 0), micro)
    except ValueError:
        return None
    if wall.year < 1980:  # cameras with a dead clock battery write 0000:00:00 or 1970/1980 epochs
        return None
    return Stamp(wall, parse_offset(zone_text), hour is not None)


def parse_offset(text: str | None) -> timedelta | None:
    if not text:
        return None
    if text.strip() == "Z":
        return timedelta(0)
    match = _OFFSET.match(text)
    if not match:
        return None
    sign, hours, minutes = match.groups()
    delta = timedelta(hours=int(hours), minutes=int(minutes))
    if delta > timedelta(hours=14):
        return None
    return -delta if sign == "-" else delta


def offset_from_utc(wall: datetime, utc_text: str | None) -> timedelta | None:
    """The offset implied by a UTC stamp of the same exposure (DJI UTCAtExposure), to the quarter hour."""
    utc = parse_stamp(utc_text)
    if utc is None or not utc.has_time:
        return None
    seconds = (wall - utc.wall).total_seconds()
    quarters = round(seconds / 900)
    if abs(seconds - quarters * 900) > 120 or abs(quarters) > 14 * 4:
        return None
    return timedelta(minutes=15 * quarters)


def resolve(raw: str, stamp: Stamp, source: str, offset: timedelta | None, offset_source: str,
            tz_name: str) -> CaptureTime:
    if stamp.offset is not None:
        offset, offset_source = stamp.offset, source
    if offset is not None:
        aware = stamp.wall.replace(tzinfo=timezone(offset))
    else:
        aware = stamp.wall.replace(tzinfo=ZoneInfo(tz_name))
        offset_source = f"assumed:{tz_name}"
    spec = "milliseconds" if stamp.wall.microsecond else "seconds"
    return CaptureTime(aware.isoformat(timespec=spec), aware.astimezone(UTC).isoformat(timespec=spec), raw,
                       source, offset_source)
