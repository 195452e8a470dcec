"""Evidence test helpers: photos made with Pillow (EXIF via Pillow's writer, XMP as given) and an inspection
at a known site and time, so each check can be provoked on purpose."""

from __future__ import annotations

import io
import random
import struct
from datetime import datetime, timedelta
from fractions import Fraction
from pathlib import Path

import pytest
from PIL import Image, TiffImagePlugin

from eco_field.store import enterprises, inspections, officers

SITE_LAT, SITE_LON = 37.5, 111.2
START = "2026-06-05T09:00:00+08:00"
END = "2026-06-05T11:00:00+08:00"


def rational(value) -> TiffImagePlugin.IFDRational:
    if isinstance(value, tuple):
        return TiffImagePlugin.IFDRational(*value)
    frac = Fraction(value).limit_denominator(10_000)
    return TiffImagePlugin.IFDRational(frac.numerator, frac.denominator)


def dms(value: float) -> tuple:
    value = abs(value)
    degrees = int(value)
    minutes = int((value - degrees) * 60)
    seconds = (value - degrees - minutes / 60) * 3600
    return (rational(degrees), rational(minutes), rational((round(seconds * 10_000), 10_000)))


def make_photo(path: Path, *, taken: str | None = "2026:06:05 09:30:00", lat: float | None = SITE_LAT,
               lon: float | None = SITE_LON, offset: str | None = None, subsec: str | None = None,
               make: str = "TestCam", model: str = "T-1", orientation: int | None = None, xmp: bytes | None = None,
               size: tuple[int, int] = (96, 64), gps_raw: dict | None = None, alt: float | None = None,
               seed: int = 0, fmt: str = "JPEG") -> Path:
    """A small real photo with the EXIF asked for (gps_raw replaces the GPS IFD entries as written)."""
    exif = Image.Exif()
    exif[0x010F], exif[0x0110] = make, model
    if orientation:
        exif[0x0112] = orientation
    sub = exif.get_ifd(0x8769)
    if taken:
        sub[0x9003] = taken
    if offset:
        sub[0x9011] = offset
    if subsec:
        sub[0x9291] = subsec
    gps = exif.get_ifd(0x8825)
    if gps_raw is not None:
        gps.update(gps_raw)
    elif lat is not None and lon is not None:
        gps.update({1: "N" if lat >= 0 else "S", 2: dms(lat), 3: "E" if lon >= 0 else "W", 4: dms(lon)})
    if alt is not None:
        gps.update({5: 1 if alt < 0 else 0, 6: rational(abs(alt))})
    path.parent.mkdir(parents=True, exist_ok=True)
    image = noise_image(size, seed)
    kwargs = {"exif": exif, "quality": 90}
    if xmp is not None:
        kwargs["xmp"] = xmp
    image.save(path, fmt, **kwargs)
    return path


def noise_image(size: tuple[int, int], seed: int = 0) -> Image.Image:
    rng = random.Random(seed)
    base = Image.linear_gradient("L").resize(size).convert("RGB")
    noise = Image.effect_noise(size, 40 + rng.randint(0, 20)).convert("RGB")
    return Image.blend(base, noise, 0.5)


def jpeg_bytes(size=(64, 48), **save) -> bytes:
    out = io.BytesIO()
    noise_image(size).save(out, "JPEG", **save)
    return out.getvalue()


@pytest.fixture
def inspection(workspace):
    """A draft inspection 09:00-11:00 (+08:00) at an enterprise whose site is SITE_LAT, SITE_LON, r=500 m."""
    ent = enterprises.list_enterprises(workspace.db)[0]
    ent.lat, ent.lon, ent.radius_m = SITE_LAT, SITE_LON, 500.0
    enterprises.upsert(workspace.db, ent)
    certs = [o.cert_no for o in officers.list_officers(workspace.db)[:2]]
    created = inspections.create(workspace.db, ent.id, certs, started_at=START)
    inspections.update(workspace.db, created.id, ended_at=END)
    return created.id


def shifted(base: str, minutes: float) -> str:
    moment = datetime.strptime(base, "%Y:%m:%d %H:%M:%S") + timedelta(minutes=minutes)
    return moment.strftime("%Y:%m:%d %H:%M:%S")


MPF_FULL_HD_THUMBNAIL = 0x010002
MPF_DISPARITY = 0x020002  # a stereo camera's second view: a different picture, never a preview


def with_mpf_preview(main: bytes, preview: bytes, mp_type: int = MPF_FULL_HD_THUMBNAIL) -> bytes:
    """main with an APP2 MPF index after its leading APPn segments and preview appended after its EOI, as
    cameras write it (CIPA DC-007): entry 1 the primary image, entry 2 a dependent child of mp_type."""
    insert_at = 2
    while main[insert_at] == 0xFF and 0xE0 <= main[insert_at + 1] <= 0xEF:
        insert_at += 2 + int.from_bytes(main[insert_at + 2:insert_at + 4], "big")
    segment_len = 2 + 4 + 8 + 2 + 3 * 12 + 4 + 32
    primary_size = len(main) + 2 + segment_len
    tiff_at = insert_at + 8  # APP2 marker and length, "MPF\0", then the TIFF header
    ifd = b"MM\x00\x2a" + struct.pack(">IH", 8, 3)
    ifd += struct.pack(">HHI4s", 0xB000, 7, 4, b"0100") + struct.pack(">HHII", 0xB001, 4, 1, 2)
    ifd += struct.pack(">HHIII", 0xB002, 7, 32, 8 + 2 + 3 * 12 + 4, 0)
    ifd += struct.pack(">IIIHH", 0xA0030000, primary_size, 0, 0, 2)
    ifd += struct.pack(">IIIHH", 0x40000000 | mp_type, len(preview), primary_size - tiff_at, 0, 0)
    app2 = b"\xff\xe2" + segment_len.to_bytes(2, "big") + b"MPF\x00" + ifd
    return main[:insert_at] + app2 + main[insert_at:] + preview


def photo_with_preview(path: Path, *, size: tuple[int, int] = (1200, 800), preview_size: tuple[int, int] = (600, 400),
                       tint: tuple[int, int, int] | None = (255, 0, 0), mp_type: int = MPF_FULL_HD_THUMBNAIL,
                       **photo) -> Path:
    """A make_photo JPEG carrying an MPF preview of its own picture; tinted (red by default) so a test can
    tell a thumbnail drawn from the preview from one decoded from the picture."""
    make_photo(path, size=size, **photo)
    with Image.open(path) as image:
        small = image.convert("RGB").resize(preview_size)
    if tint:
        small = Image.blend(small, Image.new("RGB", preview_size, tint), 0.8)
    out = io.BytesIO()
    small.save(out, "JPEG", quality=90)
    path.write_bytes(with_mpf_preview(path.read_bytes(), out.getvalue(), mp_type))
    return path
