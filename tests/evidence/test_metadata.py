"""Metadata from real camera/drone files (compared with exiftool where it is installed) and generated ones."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eco_field.evidence import capture_time, metadata, sniff
from tests.conftest import FIXTURES, FIXTURES_REASON, fixture_file
from tests.evidence.conftest import make_photo

PHOTOS = FIXTURES / "photos"
ALL = sorted(p for p in PHOTOS.iterdir() if p.is_file()) if PHOTOS.is_dir() else [
    pytest.param(None, marks=pytest.mark.skip(reason=FIXTURES_REASON), id="corpus")]


def extract(path, tz="Asia/Shanghai"):
    data = path.read_bytes()
    return metadata.extract(data, sniff.media_type(data[:64]), tz)


def exiftool(path):
    out = subprocess.run(["exiftool", "-j", "-n", "-G", "-EXIF:all", "-XMP:all", "-Composite:GPSLatitude",
                          "-Composite:GPSLongitude", "-Composite:GPSAltitude", str(path)],
                         capture_output=True, text=True, check=True).stdout
    return json.loads(out)[0]


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.name)
def test_metadata_matches_exiftool(path):
    if not shutil.which("exiftool"):
        pytest.skip("exiftool is not installed")
    ours, ref = extract(path), exiftool(path)
    if "Composite:GPSLatitude" in ref and "Composite:GPSLongitude" in ref:
        assert ours["lat"] == pytest.approx(ref["Composite:GPSLatitude"], abs=1e-6)
        assert ours["lon"] == pytest.approx(ref["Composite:GPSLongitude"], abs=1e-6)
    else:
        assert ours["lat"] is None and ours["lon"] is None
    if "EXIF:DateTimeOriginal" in ref:
        assert ours["taken_at_raw"] == str(ref["EXIF:DateTimeOriginal"]).strip()
    for ours_key, ref_key in (("make", "EXIF:Make"), ("model", "EXIF:Model")):
        if ref_key in ref:
            assert ours[ours_key] == str(ref[ref_key]).strip()
    if "EXIF:Orientation" in ref:
        assert ours["orientation"] == ref["EXIF:Orientation"]
    if "EXIF:GPSAltitude" in ref and "EXIF:GPSAltitudeRef" in ref:
        sign = -1 if ref["EXIF:GPSAltitudeRef"] == 1 else 1
        assert ours["alt"] == pytest.approx(sign * ref["EXIF:GPSAltitude"], abs=1e-3)
    drone_keys = {"rel_alt": "XMP:RelativeAltitude", "abs_alt": "XMP:AbsoluteAltitude",
                  "gimbal_yaw": "XMP:GimbalYawDegree", "gimbal_pitch": "XMP:GimbalPitchDegree",
                  "gimbal_roll": "XMP:GimbalRollDegree", "flight_yaw": "XMP:FlightYawDegree"}
    for key, ref_key in drone_keys.items():
        if ref_key in ref:
            assert ours["drone"][key] == pytest.approx(float(ref[ref_key]), abs=1e-6), key
    if "EXIF:SerialNumber" in ref:
        assert ours["serial"] == str(ref["EXIF:SerialNumber"]).strip()
    if "XMP:GpsStatus" in ref:
        assert ours["drone"]["gps_status"] == ref["XMP:GpsStatus"]


def test_dji_thermal_with_full_xmp():
    meta = extract(fixture_file("photos", "thermalparser__M3T_DJI_0001_R@888cde7.JPG"))
    assert meta["lat"] == pytest.approx(22.693992478) and meta["lon"] == pytest.approx(114.965866095)
    assert meta["taken_at"] == "2022-07-23T15:12:19+08:00"
    assert meta["drone"] == {"rel_alt": 87.243, "abs_alt": 94.182, "gimbal_yaw": -78.1, "gimbal_pitch": -6.9,
                             "gimbal_roll": 0.0, "flight_yaw": -76.8, "gps_status": "Normal",
                             "image_source": "InfraredCamera"}
    assert meta["serial"] == "5L4SK6A02AA064"


def test_xts_invalid_xml_and_below_sea_level():
    meta = extract(fixture_file("photos", "thermalparser__DJI_XTS.jpg"))
    assert meta["drone"]["rel_alt"] == pytest.approx(37.7)
    assert meta["drone"]["abs_alt"] == pytest.approx(-29.44)
    assert meta["alt"] == pytest.approx(-29.4)


def test_dash_dates_without_gps_or_xmp():
    meta = extract(fixture_file("photos", "thermalparser__H20T_DJI_0001_R.JPG"))
    assert meta["taken_at"] == "2020-06-23T15:17:15+08:00"
    assert meta["taken_at_raw"] == "2020-06-23 15:17:15"
    assert meta["offset_source"] == "assumed:Asia/Shanghai"
    assert meta["lat"] is None and meta["drone"] is not None


def test_xmp_only_file_gives_its_date():
    meta = extract(fixture_file("photos", "exifsamples__jpg_xmp_no_exif.jpg"))
    assert meta["taken_at"] == "2013-09-23T10:09:46+02:00"


def test_heic_from_a_phone():
    meta = extract(fixture_file("photos", "exifsamples__heic_IMG_5195.HEIC"))
    assert meta["media_type"] == "image/heic"
    assert meta["taken_at"] == "2021-04-11T15:47:53.054-05:00"
    assert meta["lat"] == pytest.approx(39.0513444, abs=1e-6) and meta["lon"] == pytest.approx(-94.2887722, abs=1e-6)


def test_decimal_minutes_and_southern_hemisphere():
    meta = extract(fixture_file("photos", "exifsamples__jpg_Kodak_CX7530.jpg"))
    assert meta["lat"] == pytest.approx(-0.3713, abs=1e-6)
    assert meta["lon"] == pytest.approx(36.0564167, abs=1e-6)


@pytest.mark.parametrize("name", ["exifsamples__jpg_tests_45-gps_ifd.jpg", "exifsamples__jpg_Canon_40D.jpg"])
def test_empty_gps_ifd_means_no_position(name):
    meta = extract(fixture_file("photos", name))
    assert meta["lat"] is None and meta["lon"] is None


def test_offset_time_and_subseconds(tmp_path):
    path = make_photo(tmp_path / "a.jpg", taken="2026:06:05 09:30:00", offset="+05:30", subsec="25")
    meta = extract(path)
    assert meta["taken_at"] == "2026-06-05T09:30:00.250+05:30"
    assert meta["taken_at_utc"] == "2026-06-05T04:00:00.250+00:00"
    assert meta["offset_source"] == "exif:OffsetTimeOriginal"


def test_time_without_offset_uses_configured_zone(tmp_path):
    path = make_photo(tmp_path / "a.jpg", taken="2026:01:15 12:00:00")
    assert extract(path, "Europe/Berlin")["taken_at"] == "2026-01-15T12:00:00+01:00"
    assert extract(path)["taken_at"] == "2026-01-15T12:00:00+08:00"


@pytest.mark.parametrize("raw", ["0000:00:00 00:00:00", "    :  :     :  :  ", "", "2026:13:45 99:00:00"])
def test_blank_or_impossible_dates_are_no_timestamp(tmp_path, raw):
    path = make_photo(tmp_path / "a.jpg", taken=raw or None)
    assert extract(path)["taken_at"] is None


def test_zero_denominators_do_not_crash(tmp_path):
    from tests.evidence.conftest import rational
    gps = {1: "N", 2: (rational(37), rational((5, 0)), rational((0, 0))), 3: "E",
           4: (rational(111), rational(12), rational((0, 0)))}
    meta = extract(make_photo(tmp_path / "a.jpg", gps_raw=gps))
    assert meta["lat"] is None  # 5/0 minutes is not a position
    gps[2] = (rational(37), rational(30), rational((0, 0)))
    meta = extract(make_photo(tmp_path / "b.jpg", gps_raw=gps))
    assert meta["lat"] == pytest.approx(37.5) and meta["lon"] == pytest.approx(111.2)


def test_seconds_rounded_up_to_sixty_are_a_position(tmp_path):
    # exiftool writes 39.9 N as 39/1 53/1 60/1 and reads it back as 39 deg 54' 0"; so must we
    from tests.evidence.conftest import rational
    gps = {1: "N", 2: (rational(39), rational(53), rational(60)), 3: "E",
           4: (rational(116), rational(23), rational((600000, 10000)))}
    meta = extract(make_photo(tmp_path / "a.jpg", gps_raw=gps))
    assert meta["lat"] == pytest.approx(39.9) and meta["lon"] == pytest.approx(116.4)
    gps[2] = (rational(39), rational(53), rational(61))
    assert extract(make_photo(tmp_path / "b.jpg", gps_raw=gps))["lat"] is None


DJI_ATTR = b"""<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="DJI Meta Data" xmlns:drone-dji="http://www.dji.com/drone-dji/1.0/"
 xmlns:drone-dji="http://www.dji.com/drone-dji/1.0/"
 drone-dji:GpsLatitude="+37.500100000" drone-dji:GpsLongtitude="+111.200200000"
 drone-dji:AbsoluteAltitude="+1012.5" drone-dji:RelativeAltitude="+120.25" drone-dji:GimbalYawDegree="-12.30"
 drone-dji:GimbalPitchDegree="-90.00" drone-dji:GimbalRollDegree="+0.00" drone-dji:FlightYawDegree="+175.10"
 drone-dji:GpsStatus="RTK" drone-dji:UTCAtExposure="2026-06-05T01:40:00.500"/></rdf:RDF></x:xmpmeta>"""

DJI_ELEMENTS = b"""<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="DJI Meta Data" xmlns:DJI="http://www.dji.com">
<DJI:RelativeAltitude>+35.5</DJI:RelativeAltitude><DJI:AbsoluteAltitude>-3.25</DJI:AbsoluteAltitude>
<DJI:GimbalYawDegree>91.3</DJI:GimbalYawDegree><DJI:GpsStatus>Normal</DJI:GpsStatus>
</rdf:Description></rdf:RDF></x:xmpmeta>"""


def test_dji_xmp_attributes_with_typo_and_duplicate_namespace(tmp_path):
    path = make_photo(tmp_path / "DJI_0001.JPG", make="DJI", model="M3E", taken="2026:06:05 09:40:00",
                      xmp=DJI_ATTR, lat=37.5001, lon=111.2002)
    meta = extract(path)
    assert meta["lat"] == pytest.approx(37.5001, abs=1e-9) and meta["lon"] == pytest.approx(111.2002, abs=1e-9)
    assert meta["gps_source"] == "xmp:drone-dji"
    assert meta["drone"]["rel_alt"] == pytest.approx(120.25)
    assert meta["drone"]["gimbal_pitch"] == pytest.approx(-90.0)
    assert meta["drone"]["gps_status"] == "RTK"
    # no offset in EXIF: UTCAtExposure (01:40 UTC for 09:40 local) tells us +08:00
    assert meta["taken_at"] == "2026-06-05T09:40:00+08:00"
    assert meta["offset_source"] == "drone-dji:UTCAtExposure"


def test_dji_xmp_element_form_and_dji_prefix(tmp_path):
    meta = extract(make_photo(tmp_path / "x.jpg", make="DJI", xmp=DJI_ELEMENTS))
    assert meta["drone"]["rel_alt"] == pytest.approx(35.5)
    assert meta["drone"]["abs_alt"] == pytest.approx(-3.25)
    assert meta["drone"]["gps_status"] == "Normal"


def test_camera_without_dji_fields_has_no_drone(tmp_path):
    assert extract(make_photo(tmp_path / "x.jpg"))["drone"] is None


def test_garbage_exif_is_survived(tmp_path):
    data = bytearray(make_photo(tmp_path / "x.jpg").read_bytes())
    start = data.find(b"Exif\x00\x00") + 6
    data[start + 8:start + 40] = b"\xff" * 32  # wreck IFD0's entries
    meta = metadata.extract(bytes(data), "image/jpeg", "Asia/Shanghai")
    assert meta["media_type"] == "image/jpeg"


def test_looping_ifd_terminates(tmp_path):
    data = bytearray(make_photo(tmp_path / "x.jpg").read_bytes())
    tiff = data.find(b"Exif\x00\x00") + 6
    ifd0 = int.from_bytes(data[tiff + 4:tiff + 8], "little")
    count = int.from_bytes(data[tiff + ifd0:tiff + ifd0 + 2], "little")
    next_ptr = tiff + ifd0 + 2 + 12 * count
    data[next_ptr:next_ptr + 4] = (ifd0).to_bytes(4, "little")  # IFD0 -> IFD0 -> ...
    meta = metadata.extract(bytes(data), "image/jpeg", "Asia/Shanghai")
    assert meta["make"] == "TestCam"


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=2048))
def test_metadata_never_raises_on_arbitrary_bytes(junk):
    for media_type in ("image/jpeg", "image/tiff", "image/heic"):
        header = b"\xff\xd8\xff\xe1" if media_type == "image/jpeg" else b""
        meta = metadata.extract(header + junk, media_type, "Asia/Shanghai")
        assert meta["media_type"] == media_type


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_time_parsing_never_raises(text):
    stamp = capture_time.parse_stamp(text)
    assert stamp is None or stamp.wall.year >= 1980


def test_xmp_kept_in_the_exif_application_notes_tag(tmp_path):
    """Some DJI images carry their XMP in TIFF tag 700 inside the EXIF block, not in an XMP segment."""
    from PIL import Image

    path = make_photo(tmp_path / "a.jpg", make="DJI")
    with Image.open(path) as image:
        exif = image.getexif()
        exif[700] = DJI_ELEMENTS
        image.save(tmp_path / "b.jpg", exif=exif)
    meta = extract(tmp_path / "b.jpg")
    assert meta["drone"]["rel_alt"] == pytest.approx(35.5)


def test_tiff_with_xmp_tag(tmp_path):
    from PIL import Image

    from tests.evidence.conftest import noise_image

    noise_image((40, 30)).save(tmp_path / "a.tif", "TIFF", tiffinfo={700: DJI_ELEMENTS, 271: "DJI"})
    meta = extract(tmp_path / "a.tif")
    assert meta["media_type"] == "image/tiff" and meta["make"] == "DJI"
    assert meta["drone"]["abs_alt"] == pytest.approx(-3.25)
    assert Image.open(tmp_path / "a.tif").size == (40, 30)


def test_extended_xmp_is_reassembled():
    from eco_field.evidence import xmp

    body = DJI_ATTR
    guid = b"0" * 32
    half = len(body) // 2
    segments = b""
    for offset, part in ((0, body[:half]), (half, body[half:])):
        payload = xmp.EXTENDED_HEADER + guid + len(body).to_bytes(4, "big") + offset.to_bytes(4, "big") + part
        segments += b"\xff\xe1" + (len(payload) + 2).to_bytes(2, "big") + payload
    data = b"\xff\xd8" + segments + b"\xff\xda\x00\x02" + b"\x00" * 10 + b"\xff\xd9"
    assert xmp.read(data, "image/jpeg")["drone-dji:RelativeAltitude"] == "+120.25"


@pytest.mark.parametrize(("name", "key"), [
    ("DJI_0001_T.JPG", "DJI_0001"), ("100MEDIA/DJI_20240605093000_0007_W.JPG", "100MEDIA/DJI_20240605093000_0007"),
    ("DJI_0001_R.JPG", "DJI_0001"), ("DJI_0001.JPG", None), ("IMG_0001_T.JPG", None)])
def test_dji_multi_camera_files_share_a_capture(name, key):
    assert metadata.capture_key(name) == key
