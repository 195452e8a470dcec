"""A crafted JPEG header (megabytes of fill bytes or tiny segments) is walked quickly and to a bounded end."""

from __future__ import annotations

from eco_field.evidence.xmp import MAX_HEADER_SEGMENTS, jpeg_segments


def app_segment(marker: int, body: bytes) -> bytes:
    return bytes([0xFF, marker]) + (len(body) + 2).to_bytes(2, "big") + body


def test_fill_bytes_before_a_marker_are_skipped_as_one_run():
    data = b"\xff\xd8" + b"\xff" * 5_000_000 + app_segment(0xE1, b"Exif\x00\x00") + app_segment(0xDA, b"\x00" * 10)
    found = list(jpeg_segments(data))
    assert [marker for marker, _start, _end in found] == [0xE1, 0xDA]
    assert data[found[0][1]:found[0][2]] == b"Exif\x00\x00"


def test_a_header_of_endless_tiny_segments_stops_at_the_cap():
    data = b"\xff\xd8" + app_segment(0xE5, b"") * (MAX_HEADER_SEGMENTS * 5) + app_segment(0xDA, b"\x00" * 10)
    found = list(jpeg_segments(data))
    assert len(found) == MAX_HEADER_SEGMENTS
    assert all(marker == 0xE5 for marker, _start, _end in found)


def test_an_ordinary_header_is_read_whole():
    data = (b"\xff\xd8" + app_segment(0xE0, b"JFIF\x00") + app_segment(0xE1, b"Exif\x00\x00MM")
            + b"\xff\xff" + app_segment(0xDB, b"\x00" * 65) + app_segment(0xDA, b"\x00" * 10) + b"scan")
    assert [marker for marker, _s, _e in jpeg_segments(data)] == [0xE0, 0xE1, 0xDB, 0xDA]
