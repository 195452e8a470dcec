"""One photo's metadata: capture time, position, camera, orientation and DJI drone fields, from EXIF + XMP."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import exifread

from eco_field.evidence import camera_times, capture_time, exif, xmp

PARSER_VERSION = f"eco_field.evidence/1 exifread/{exifread.__version__}"
DRONE_FIELDS = {  # list key -> DJI XMP name
    "rel_alt": "RelativeAltitude", "abs_alt": "AbsoluteAltitude", "gimbal_yaw": "GimbalYawDegree",
    "gimbal_pitch": "GimbalPitchDegree", "gimbal_roll": "GimbalRollDegree", "flight_yaw": "FlightYawDegree",
}
# capture-time fields, best first: (source name, EXIF key or None, XMP key or None)
TIME_FIELDS = (("exif:DateTimeOriginal", "EXIF DateTimeOriginal", None),
               ("xmp:exif:DateTimeOriginal", None, "exif:DateTimeOriginal"),
               ("xmp:photoshop:DateCreated", None, "photoshop:DateCreated"),
               ("exif:DateTimeDigitized", "EXIF DateTimeDigitized", None),
               ("xmp:xmp:CreateDate", None, "xmp:CreateDate"))
# DJI multi-camera captures: DJI_0001_T.JPG (thermal), _W wide, _Z zoom, _V visible, _R radiometric ...
GPS_CONSISTENT_S = 300  # the default clock tolerance (checks.CLOCK_TOLERANCE_MIN): a fix minutes old is normal
_DJI_CAPTURE = re.compile(r"^(DJI_\d+(?:_\d+)*)_(?:[A-Z]|IR|VIS)\.[A-Za-z0-9]+$", re.I)
_XMP_COORD = re.compile(r"^\s*(\d+(?:\.\d+)?),(\d+(?:\.\d+)?)(?:,(\d+(?:\.\d+)?))?\s*([NSEW])\s*$", re.I)


def extract(data: bytes, media_type: str, tz_name: str) -> dict[str, Any]:
    """Everything we keep about a photo's origin; never raises on a malformed file (see "warnings")."""
    tags, warning = exif.read_tags(data, media_type)
    warnings = [warning] if warning else []
    try:
        xmp_values = xmp.read(data, media_type)
    except Exception as exc:  # a hostile packet must not cost us the photo
        xmp_values, warnings = {}, [*warnings, f"XMP unreadable ({type(exc).__name__})"]
    meta: dict[str, Any] = {"media_type": media_type, "parser": PARSER_VERSION, "warnings": warnings}
    meta["make"] = exif.text(tags, "Image Make") or xmp_values.get("tiff:Make")
    meta.update(_time(tags, xmp_values, tz_name, data, media_type, meta["make"]))
    meta.update(_position(tags, xmp_values))
    meta["model"] = exif.text(tags, "Image Model") or xmp_values.get("tiff:Model")
    meta["serial"] = _serial(tags, xmp_values)
    meta["orientation"] = _orientation(tags, xmp_values)
    meta["drone"] = _drone(xmp_values, meta["make"])
    meta["dji"] = {k.split(":", 1)[1]: v for k, v in xmp_values.items() if k.startswith("drone-dji:")} or None
    return meta


def _time(tags: dict[str, Any], xmp_values: dict[str, str], tz_name: str, data: bytes, media_type: str,
          make: str | None) -> dict[str, Any]:
    """The capture time, checked against the GPS receiver's time of the same exposure where there is one:
    a time written without an offset takes the zone GPS time implies when that is a real zone offset
    (within the clock tolerance); clock_diff_s is the camera clock minus GPS time after that."""
    gps = camera_times.gps_time(tags, xmp_values)
    found = _camera_time(tags, xmp_values, tz_name, data, media_type, make, gps)
    out = {"gps_time_utc": gps.isoformat(timespec="seconds") if gps else None, "clock_diff_s": None}
    if found is None:
        if gps is None:
            return {**out, "taken_at": None, "taken_at_utc": None, "taken_at_raw": None, "time_source": None,
                    "offset_source": None}
        # HEIF from some phones, stripped files: the GPS time is the only time of the exposure
        local = gps.astimezone(ZoneInfo(tz_name))
        return {**out, "taken_at": local.isoformat(timespec="seconds"), "taken_at_utc": gps.isoformat(
            timespec="seconds"), "taken_at_raw": out["gps_time_utc"], "time_source": "exif:GPSDateStamp+GPSTimeStamp",
            "offset_source": "gps:UTC"}
    if gps is not None:
        out["clock_diff_s"] = round((datetime.fromisoformat(found.taken_at_utc) - gps).total_seconds(), 1)
    return {**out, "taken_at": found.taken_at, "taken_at_utc": found.taken_at_utc, "taken_at_raw": found.raw,
            "time_source": found.source, "offset_source": found.offset_source}


def _camera_time(tags, xmp_values, tz_name, data, media_type, make, gps) -> capture_time.CaptureTime | None:
    subsec = exif.text(tags, "EXIF SubSecTimeOriginal")
    for source, exif_key, xmp_key in TIME_FIELDS:
        raw = exif.text(tags, exif_key) if exif_key else xmp_values.get(xmp_key)
        stamp = capture_time.parse_stamp(raw, subsec if source == "exif:DateTimeOriginal" else None)
        if stamp is None or not stamp.has_time:
            continue
        offset, offset_source = _offset_hint(tags, xmp_values, stamp, source)
        if offset is None and stamp.offset is None and gps is not None:
            offset, offset_source = _gps_offset(stamp.wall, gps)
        return capture_time.resolve(raw, stamp, source, offset, offset_source, tz_name)
    wall, source = _vendor_time(data, media_type, make)
    if wall is None:
        return None
    stamp = capture_time.Stamp(wall, None, True)
    offset, offset_source = _gps_offset(wall, gps) if gps is not None else (None, "")
    return capture_time.resolve(wall.strftime("%Y:%m:%d %H:%M:%S"), stamp, source, offset, offset_source, tz_name)


def _vendor_time(data: bytes, media_type: str, make: str | None) -> tuple[datetime | None, str]:
    """Olympus APP12, Sony and Reconyx maker notes (camera_times.py)."""
    try:
        if media_type == "image/jpeg":
            wall = camera_times.app12_time(data)
            if wall is not None:
                return wall, "app12:TimeDate"
            tiff = exif.exif_block(data)
        else:
            tiff = data if media_type == "image/tiff" else None
        found = camera_times.maker_note_time(tiff, make)
    except Exception:  # a hostile maker note must not cost us the photo
        return None, ""
    return found if found else (None, "")


def _gps_offset(wall: datetime, gps: datetime) -> tuple[timedelta | None, str]:
    """The zone offset GPS time implies for a wall time, when the two agree to within the clock
    tolerance on a real offset (whole quarter hours, at most 14 h); else none."""
    seconds = (wall - gps.astimezone(UTC).replace(tzinfo=None)).total_seconds()
    quarters = round(seconds / 900)
    if abs(quarters) > 14 * 4 or abs(seconds - quarters * 900) > GPS_CONSISTENT_S:
        return None, ""
    return timedelta(minutes=15 * quarters), "gps:GPSTimeStamp"


def _offset_hint(tags, xmp_values, stamp, source) -> tuple[Any, str]:
    if source.startswith("exif:"):
        key = "EXIF OffsetTimeOriginal" if source == "exif:DateTimeOriginal" else "EXIF OffsetTimeDigitized"
        offset = capture_time.parse_offset(exif.text(tags, key) or exif.text(tags, "EXIF OffsetTime"))
        if offset is not None:
            return offset, key.replace("EXIF ", "exif:")
    for key in ("exif:DateTimeOriginal", "xmp:CreateDate", "photoshop:DateCreated"):
        other = capture_time.parse_stamp(xmp_values.get(key))
        if other and other.offset is not None and other.wall.replace(microsecond=0) == stamp.wall.replace(
                microsecond=0):
            return other.offset, f"xmp:{key}"
    offset = capture_time.offset_from_utc(stamp.wall, xmp_values.get("drone-dji:UTCAtExposure"))
    if offset is not None:
        return offset, "drone-dji:UTCAtExposure"
    return None, ""


def _position(tags: dict[str, Any], xmp_values: dict[str, str]) -> dict[str, Any]:
    lat, lon, alt = exif.gps(tags)
    source = "exif" if lat is not None else None
    xlat, xlon = _number(xmp_values.get("drone-dji:GpsLatitude")), _number(xmp_values.get("drone-dji:GpsLongitude"))
    if _valid(xlat, xlon) and (lat is None or (abs(xlat - lat) < 0.001 and abs(xlon - lon) < 0.001)):
        lat, lon, source = xlat, xlon, "xmp:drone-dji"  # more decimals than EXIF's rationals
    if lat is None:
        xlat = _xmp_coordinate(xmp_values.get("exif:GPSLatitude"))
        xlon = _xmp_coordinate(xmp_values.get("exif:GPSLongitude"))
        if _valid(xlat, xlon):
            lat, lon, source = xlat, xlon, "xmp:exif"
    if alt is None:
        alt = _number(xmp_values.get("drone-dji:AbsoluteAltitude"))
    return {"lat": lat, "lon": lon, "alt": alt, "gps_source": source}


def _valid(lat: float | None, lon: float | None) -> bool:
    return (lat is not None and lon is not None and abs(lat) <= 90 and abs(lon) <= 180
            and not (lat == 0 and lon == 0))


def _xmp_coordinate(value: str | None) -> float | None:
    """XMP GPS form "43,28.0469N" or "43,28,2.81N"."""
    match = _XMP_COORD.match(value or "")
    if not match:
        return None
    deg, minutes, seconds, ref = match.groups()
    return exif.coordinate([float(deg), float(minutes), float(seconds or 0)], ref, 180)


def _number(value: str | None) -> float | None:
    try:
        number = float((value or "").strip())
    except ValueError:
        return None
    return number if number == number and abs(number) != float("inf") else None


def _serial(tags: dict[str, Any], xmp_values: dict[str, str]) -> str | None:
    candidates = [exif.text(tags, "EXIF BodySerialNumber"), exif.text(tags, "Image CameraSerialNumber"),
                  xmp_values.get("aux:SerialNumber"), xmp_values.get("exifEX:BodySerialNumber"),
                  xmp_values.get("drone-dji:DroneSerialNumber"), xmp_values.get("drone-dji:CameraSerialNumber")]
    return next((c.strip() for c in candidates if c and c.strip()), None)


def _orientation(tags: dict[str, Any], xmp_values: dict[str, str]) -> int | None:
    value = exif.integer(tags, "Image Orientation")
    if value is None:
        number = _number(xmp_values.get("tiff:Orientation"))
        value = int(number) if number is not None else None
    return value if value is not None and 1 <= value <= 8 else None


def _drone(xmp_values: dict[str, str], make: str | None) -> dict[str, Any] | None:
    has_dji = any(k.startswith("drone-dji:") for k in xmp_values)
    if not has_dji and (make or "").strip().upper() != "DJI":
        return None
    drone: dict[str, Any] = {key: _number(xmp_values.get(f"drone-dji:{name}")) for key, name in DRONE_FIELDS.items()}
    drone["gps_status"] = xmp_values.get("drone-dji:GpsStatus") or None
    drone["image_source"] = xmp_values.get("drone-dji:ImageSource") or None
    return drone


def capture_key(original_name: str) -> str | None:
    """The files of one DJI shutter press share a name stem (DJI_0001_T.JPG, DJI_0001_W.JPG -> DJI_0001)."""
    folder, _, name = original_name.rpartition("/")
    match = _DJI_CAPTURE.match(name)
    if not match:
        return None
    return f"{folder}/{match.group(1)}" if folder else match.group(1)
