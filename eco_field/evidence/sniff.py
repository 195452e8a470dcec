"""What kind of file this is, from its first bytes (never from its name)."""

from __future__ import annotations

# media type -> canonical extension in the store
EXTENSIONS = {
    "image/jpeg": "jpg", "image/tiff": "tif", "image/png": "png", "image/webp": "webp",
    "image/heic": "heic", "image/heif": "heif", "image/avif": "avif",
}

HEIF_BRANDS = {b"heic": "image/heic", b"heix": "image/heic", b"hevc": "image/heic", b"hevx": "image/heic",
               b"heim": "image/heic", b"heis": "image/heic", b"mif1": "image/heif", b"msf1": "image/heif",
               b"avif": "image/avif"}

# Other things found on camera and drone cards, so the refusal can say what the file is.
OTHER_SIGNATURES = ((b"GIF8", "a GIF image"), (b"BM", "a BMP image"), (b"%PDF", "a PDF document"),
                    (b"PK\x03\x04", "a ZIP archive or Office document"), (b"\x00\x00\x00\x14ftypqt", "a video"),
                    (b"RIFF", "a RIFF file (video or audio)"), (b"\x1aE\xdf\xa3", "a Matroska video"))


def media_type(head: bytes) -> str | None:
    """The photo media type of a file starting with head, or None when it is not a photo we accept."""
    if head.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if head[:4] in (b"II*\x00", b"MM\x00*"):
        return "image/tiff"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image/webp"
    if head[4:8] == b"ftyp":
        return _heif_brand(head)
    return None


def _heif_brand(head: bytes) -> str | None:
    box_len = int.from_bytes(head[:4], "big")
    major = head[8:12]
    if major in HEIF_BRANDS:
        return HEIF_BRANDS[major]
    # compatible brands follow the minor version
    for i in range(16, min(box_len, len(head)) - 3, 4):
        if head[i:i + 4] in HEIF_BRANDS:
            return HEIF_BRANDS[head[i:i + 4]]
    return None


def describe(head: bytes) -> str:
    """A short human description of a file that is not an accepted photo."""
    if head[4:8] == b"ftyp":
        return "a video (MP4/MOV)"
    for signature, label in OTHER_SIGNATURES:
        if head.startswith(signature):
            return label
    if head[:1] in (b"{", b"[", b"<") or all(32 <= b < 127 or b in (9, 10, 13) for b in head[:64]):
        return "a text file"
    return "not a known image format"
