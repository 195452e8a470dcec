"""A tolerant XMP reader: finds the packets in a file and reads attribute and element values by regex.

exifread returns nothing for XMP-only files and does not split XMP into keys, and DJI writes packets a strict
XML parser refuses (the XT S declares xmlns:DJI twice), so we scan instead of parsing.
Keys come back as "prefix:Name" with well-known namespaces mapped to one prefix (DJI: -> drone-dji:).
"""

from __future__ import annotations

import html
import re

STANDARD_HEADER = b"http://ns.adobe.com/xap/1.0/\x00"
EXTENDED_HEADER = b"http://ns.adobe.com/xmp/extension/\x00"
MAX_PACKET = 4 * 1024 * 1024
MAX_HEADER_SEGMENTS = 1000  # cameras write a few dozen (ICC profiles split over APP2s included)
FILL_BYTES = re.compile(rb"\xff+")

NAMESPACES = {
    "http://www.dji.com/drone-dji/1.0/": "drone-dji", "http://www.dji.com": "drone-dji",
    "http://www.dji.com/": "drone-dji", "http://ns.adobe.com/xap/1.0/": "xmp",
    "http://ns.adobe.com/exif/1.0/": "exif", "http://ns.adobe.com/tiff/1.0/": "tiff",
    "http://ns.adobe.com/photoshop/1.0/": "photoshop", "http://ns.adobe.com/exif/1.0/aux/": "aux",
    "http://cipa.jp/exif/1.0/": "exifEX",
}
PREFIX_ALIASES = {"DJI": "drone-dji", "drone": "drone-dji"}
KEY_ALIASES = {"drone-dji:GpsLongtitude": "drone-dji:GpsLongitude"}  # a typo some DJI firmwares write

_XMLNS = re.compile(r'xmlns:([\w.-]+)\s*=\s*["\']([^"\']*)["\']')
_ATTR = re.compile(r'(?<![\w.:-])([\w.-]+):([\w.-]+)\s*=\s*"([^"]*)"|(?<![\w.:-])([\w.-]+):([\w.-]+)\s*=\s*\'([^\']*)\'')
_ELEMENT = re.compile(r"<([\w.-]+):([\w.-]+)(?:\s[^>]*)?>\s*([^<]*?)\s*</\1:\2>")
_LIST = re.compile(r"<([\w.-]+):([\w.-]+)(?:\s[^>]*)?>\s*<rdf:(?:Alt|Seq|Bag)>\s*<rdf:li(?:\s[^>]*)?>([^<]*)</rdf:li>")


def find_packets(data: bytes, media_type: str) -> list[bytes]:
    """The XMP packets of a file: JPEG APP1 segments (standard + extended) or an embedded packet."""
    if media_type == "image/jpeg":
        # a JPEG keeps its metadata before the first scan; searching the picture data would cost more
        # than the rest of the metadata together
        return _jpeg_packets(data) or _embedded_packets(data[:_header_end(data)])
    return _embedded_packets(data)


def _jpeg_packets(data: bytes) -> list[bytes]:
    standard: list[bytes] = []
    extended: dict[bytes, dict[int, bytes]] = {}
    for marker, start, end in jpeg_segments(data):
        if marker != 0xE1:
            continue
        body = data[start:end]
        if body.startswith(STANDARD_HEADER):
            standard.append(body[len(STANDARD_HEADER):])
        elif body.startswith(EXTENDED_HEADER) and len(body) > len(EXTENDED_HEADER) + 40:
            rest = body[len(EXTENDED_HEADER):]
            guid, offset = rest[:32], int.from_bytes(rest[36:40], "big")
            extended.setdefault(guid, {})[offset] = rest[40:]
        elif body.startswith(b"Exif\x00") and (b"<x:xmpmeta" in body or b"<rdf:RDF" in body):
            standard += _embedded_packets(body)  # XMP kept in TIFF tag 700 inside the EXIF block
    for parts in extended.values():
        standard.append(b"".join(parts[k] for k in sorted(parts)))
    return standard


def _header_end(data: bytes) -> int:
    end = 0
    for _marker, _start, stop in jpeg_segments(data):
        end = stop
    return end


def jpeg_segments(data: bytes):
    """(marker, body start, body end) of each JPEG header segment up to the first scan (SOS).

    A crafted header (megabytes of fill bytes or of tiny segments) must not cost seconds in every reader:
    a run of fill bytes is skipped at once, and the walk stops after MAX_HEADER_SEGMENTS segments."""
    pos, size, count = 2, len(data), 0
    while pos + 4 <= size and count < MAX_HEADER_SEGMENTS:
        if data[pos] != 0xFF:
            return
        marker = data[pos + 1]
        if marker == 0xFF:  # fill bytes: keep the last 0xFF as the marker's prefix
            pos = FILL_BYTES.match(data, pos).end() - 1
            continue
        count += 1
        if marker in (0x01, 0xD8) or 0xD0 <= marker <= 0xD7:
            pos += 2
            continue
        length = int.from_bytes(data[pos + 2:pos + 4], "big")
        if length < 2:
            return
        yield marker, pos + 4, min(pos + 2 + length, size)
        if marker == 0xDA:
            return
        pos += 2 + length


def _embedded_packets(data: bytes) -> list[bytes]:
    packets, pos = [], 0
    while len(packets) < 4:
        start = data.find(b"<x:xmpmeta", pos)
        if start < 0:
            start = data.find(b"<rdf:RDF", pos)
            if start < 0:
                break
        end = data.find(b"</x:xmpmeta>", start, start + MAX_PACKET)
        if end < 0:
            end = data.find(b"</rdf:RDF>", start, start + MAX_PACKET)
        if end < 0:
            break
        packets.append(data[start:end + 12])
        pos = end + 10
    return packets


def parse(packet: bytes) -> dict[str, str]:
    """Flat "prefix:Name" -> text value; the first occurrence of a key wins."""
    text = _decode(packet)
    prefixes = {p: NAMESPACES.get(uri, PREFIX_ALIASES.get(p, p)) for p, uri in _XMLNS.findall(text)}
    values: dict[str, str] = {}

    def put(prefix: str, name: str, value: str) -> None:
        if prefix in ("xmlns", "rdf", "x", "xml"):
            return
        key = f"{prefixes.get(prefix, PREFIX_ALIASES.get(prefix, prefix))}:{name}"
        key = KEY_ALIASES.get(key, key)
        values.setdefault(key, html.unescape(value.strip()))

    for match in _ATTR.finditer(text):
        groups = match.groups()
        prefix, name, value = groups[:3] if groups[0] else groups[3:]
        put(prefix, name, value)
    for prefix, name, value in _ELEMENT.findall(text):
        if value:
            put(prefix, name, value)
    for prefix, name, value in _LIST.findall(text):
        put(prefix, name, value)
    return values


def _decode(packet: bytes) -> str:
    if packet[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return packet.decode("utf-16", errors="replace")
    return packet.decode("utf-8", errors="replace")


def read(data: bytes, media_type: str) -> dict[str, str]:
    """All XMP values of the file, merged over its packets."""
    merged: dict[str, str] = {}
    for packet in find_packets(data, media_type):
        for key, value in parse(packet).items():
            merged.setdefault(key, value)
    return merged
