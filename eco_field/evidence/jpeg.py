"""A JPEG's structure read without decoding a pixel: where its main image ends, and its embedded previews.

The marker walk replaces the pixel decode as the test of a complete file when a thumbnail can be drawn from
an embedded preview: SOI, header segments, then every scan's entropy-coded data must be followed by a
marker, the last one EOI. Inside entropy-coded data 0xFF is only ever followed by 0x00 (stuffing) or
RST0-7, so the first other marker after a scan is where that scan ends. Anything else (no EOI, a marker
where none belongs) is inconclusive, and the caller decodes the picture as before.

The walk checks where the segments are, not what they say (a duplicate frame header, a table index out of
range, a wrong segment length): markers_only() cuts the picture data out so that the decoder itself can read
every marker segment of the file in well under a millisecond, and refuse what it would refuse.

Previews (dependent MPF "large thumbnail" images) are only located here; whether
one is fit to stand for the picture is decided in pixels.py.
"""

from __future__ import annotations

import re
import struct
from dataclasses import dataclass

from eco_field.evidence.xmp import jpeg_segments

EOI, SOS = 0xD9, 0xDA
SOF_MARKERS = frozenset(range(0xC0, 0xD0)) - {0xC4, 0xC8, 0xCC}  # DHT, JPG and DAC share the range
HUFFMAN_8BIT_FRAMES = frozenset({0xC0, 0xC1, 0xC2})  # baseline, extended sequential, progressive
MAX_SCANS = 256  # progressive files have about 10; a hostile file is not walked forever
PROGRESSIVE_FRAMES = frozenset({0xC2, 0xC6, 0xCA, 0xCE})
MAX_DIMENSION = 65500  # libjpeg's JPEG_MAX_DIMENSION
MAX_PREVIEWS = 4  # cameras list one or two; a hostile index of 4000 entries is not opened 4000 times
# a marker that may end entropy-coded data: 0xFF followed by anything but stuffing, RSTn or a fill byte
_SCAN_END = re.compile(rb"\xff[\x01-\xcf\xd8-\xfe]")
MPF_HEADER = b"MPF\x00"
# MPF image types that are a smaller copy of the primary image (CIPA DC-007): large thumbnails. Other
# dependent images (panorama parts, stereo views, phone gain maps and depth maps) are different pictures.
MPF_LARGE_THUMBNAILS = {0x010001: "MPF large thumbnail (VGA)", 0x010002: "MPF large thumbnail (full HD)"}


@dataclass(frozen=True)
class Structure:
    end: int | None   # offset just past the main image's EOI, or None when the walk was inconclusive
    reason: str = ""  # why it was inconclusive
    picture_data: tuple[tuple[int, int], ...] = ()  # (start, stop) of the entropy-coded data between markers


@dataclass(frozen=True)
class Embedded:
    kind: str    # where it was found, for the record
    start: int
    length: int


def main_image_end(data: bytes) -> Structure:
    """Walk the main image's markers to its EOI; Structure.end is None with a reason when it cannot.

    Only the kinds of JPEG the decoder is known to read are vouched for by structure: 8-bit Huffman-coded
    baseline, extended or progressive. Others (12-bit, arithmetic, lossless) are left to the decode."""
    scan_header_end, frames = None, []
    for marker, start, end in jpeg_segments(data):
        if marker in SOF_MARKERS:
            frames.append((marker, data[start] if start < end else None))
        elif marker == SOS:
            scan_header_end = end
    if not data.startswith(b"\xff\xd8") or scan_header_end is None or not frames:
        return Structure(None, "no frame or scan in the header")
    if len(frames) > 1:  # the decoder refuses a second frame header
        return Structure(None, "more than one frame header")
    if frames[0][0] not in HUFFMAN_8BIT_FRAMES or frames[0][1] != 8:
        return Structure(None, "a JPEG variant only a decode can vouch for")
    pos, picture_data = scan_header_end, []
    for _scan in range(MAX_SCANS):
        found = _SCAN_END.search(data, pos)
        if found is None:
            return Structure(None, "no end-of-image marker after the picture data")
        picture_data.append((pos, found.start()))
        pos, marker = found.start(), data[found.start() + 1]
        if marker == EOI:
            return Structure(pos + 2, picture_data=tuple(picture_data))
        pos = _skip_segment(data, pos)  # between the scans of a progressive file: DHT, SOS, DRI ...
        if pos is None:
            return Structure(None, f"unexpected marker 0x{marker:02X} in the picture data")
    return Structure(None, "too many scans")


def _skip_segment(data: bytes, pos: int) -> int | None:
    marker = data[pos + 1]
    if marker in SOF_MARKERS or marker == 0xD8 or pos + 4 > len(data):
        return None  # a second frame or image start inside the first: not a well-formed single image
    length = int.from_bytes(data[pos + 2:pos + 4], "big")
    if length < 2 or pos + 2 + length > len(data):
        return None
    return pos + 2 + length


def markers_only(data: bytes, structure: Structure) -> bytes:
    """The main image with its entropy-coded data cut out: every marker segment as in the file, up to its EOI,
    and the frame shrunk to at most one MCU. A decoder reads it as it would read the file (same tables,
    components, scans and markers; it fills the missing blocks flat), so decoding it checks what the walk
    cannot, in well under a millisecond. Sizes the decoder refuses (0, above 65500) are kept as they are."""
    if structure.end is None:
        raise ValueError("the structure walk was inconclusive")
    parts, pos = [], 0
    for start, stop in structure.picture_data:
        parts.append(data[pos:start])
        pos = stop
    parts.append(data[pos:structure.end])
    return _shrink_frame(bytearray(b"".join(parts)))


def _shrink_frame(markers: bytearray) -> bytes:
    for marker, start, end in jpeg_segments(bytes(markers)):
        if marker in SOF_MARKERS and end - start >= 6:
            height, width, count = struct.unpack(">HHB", markers[start + 1:start + 6])
            factors = [markers[start + 7 + 3 * i] for i in range(count) if start + 7 + 3 * i < end]
            if factors and 0 < height <= MAX_DIMENSION and 0 < width <= MAX_DIMENSION:
                mcu_w, mcu_h = 8 * max(f >> 4 for f in factors), 8 * max(f & 15 for f in factors)
                markers[start + 1:start + 5] = struct.pack(">HH", min(height, mcu_h or 8), min(width, mcu_w or 8))
            break
    return bytes(markers)


def coefficient_bytes(data: bytes) -> int:
    """The memory libjpeg allocates for the whole image's DCT coefficients before it outputs a line, or 0.

    A progressive file, or one whose first scan holds only some of the components (a non-interleaved
    sequential file), is buffered whole at full size whatever the output scale: a 700-byte file declaring
    20000x20000 in three one-component scans asks for 2.4 GB. Single-scan baseline files stream."""
    frame, first_scan = None, None
    for marker, start, end in jpeg_segments(data):
        if marker in SOF_MARKERS and frame is None:
            frame = (marker, data[start:end])
        elif marker == SOS:
            first_scan = data[start:end]
    if frame is None or len(frame[1]) < 6:
        return 0
    height, width, count = struct.unpack(">HHB", frame[1][1:6])
    components = [frame[1][7 + 3 * i] for i in range(count) if 7 + 3 * i < len(frame[1])]
    buffered = frame[0] in PROGRESSIVE_FRAMES or (first_scan is not None and first_scan[:1] != bytes([count]))
    if not buffered or not components:
        return 0
    h_max = max(c >> 4 for c in components) or 1
    v_max = max(c & 15 for c in components) or 1
    blocks = sum(-(-width * (c >> 4) // (8 * h_max)) * -(-height * (c & 15) // (8 * v_max)) for c in components)
    return blocks * 128  # 64 coefficients of 2 bytes per block


def mpf_previews(data: bytes) -> list[Embedded]:
    """The MPF large-thumbnail images of the file (with their absolute offsets), in the order listed, those
    running past the end of the file last."""
    for marker, start, end in jpeg_segments(data):
        if marker == 0xE2 and data[start:start + 4] == MPF_HEADER:
            return _mpf_entries(data, start + 4, end)
    return []


def _mpf_entries(data: bytes, tiff: int, end: int) -> list[Embedded]:
    """MP entries are 16 bytes: attribute (flags and type), size, offset (from the MPF TIFF header), 2 links.
    At most MAX_PREVIEWS that fit in the file, none overlapping another or the MPF index: each is copied out
    to be opened, so a hostile index listing the same megabytes thousands of times costs no more than the
    file itself. Entries running past the end (a stale index) follow, also at most MAX_PREVIEWS."""
    entries = _ifd_values(data, tiff, end, {0xB002})
    raw = entries.get(0xB002)
    if raw is None or not isinstance(raw[1], bytes) or len(raw[1]) % 16:  # a LONG in place of the entries
        return []
    order, blob = raw
    previews: list[Embedded] = []
    beyond: list[Embedded] = []
    for i in range(0, len(blob), 16):
        attribute, size, offset = struct.unpack(order + "III", blob[i:i + 12])
        kind = MPF_LARGE_THUMBNAILS.get(attribute & 0xFFFFFF)
        if not (i and kind and (attribute >> 24) & 0x7 == 0 and offset):  # bits 24-26: 0 = JPEG
            continue
        found = Embedded(kind, tiff + offset, size)
        if found.start < end:  # in the index itself or the main image's header
            continue
        if found.start + found.length > len(data):  # listed, but refused unopened: blocks no other entry
            beyond.append(found)
        elif not any(_overlap(found, other) for other in previews):
            previews.append(found)
            if len(previews) == MAX_PREVIEWS:
                break
    return previews + beyond[:MAX_PREVIEWS]


def _overlap(a: Embedded, b: Embedded) -> bool:
    return a.start < b.start + b.length and b.start < a.start + a.length


def _ifd_values(data: bytes, tiff: int, end: int, wanted: set[int]) -> dict:
    """Tag -> (byte order, value) for the wanted tags of the first IFD (numbers as int, UNDEFINED as bytes).
    Malformed parts are skipped, never raised."""
    head = data[tiff:tiff + 8]
    if len(head) < 8 or head[:2] not in (b"II", b"MM"):
        return {}
    order = "<" if head[:2] == b"II" else ">"
    pos = tiff + struct.unpack(order + "I", head[4:8])[0]
    if pos + 2 > end or pos < tiff + 8:
        return {}
    count = struct.unpack(order + "H", data[pos:pos + 2])[0]
    values: dict = {}
    for i in range(min(count, 256)):
        entry = pos + 2 + 12 * i
        if entry + 12 > end:
            break
        tag, kind, n = struct.unpack(order + "HHI", data[entry:entry + 8])
        if tag not in wanted:
            continue
        if kind in (3, 4) and n == 1:  # SHORT or LONG, held in the entry itself
            fmt = "H" if kind == 3 else "I"
            values[tag] = (order, struct.unpack(order + fmt, data[entry + 8:entry + 8 + struct.calcsize(fmt)])[0])
        elif kind == 7:  # UNDEFINED bytes, in place when 4 or fewer
            where = entry + 8 if n <= 4 else tiff + struct.unpack(order + "I", data[entry + 8:entry + 12])[0]
            if where + n <= end:
                values[tag] = (order, data[where:where + n])
    return values
