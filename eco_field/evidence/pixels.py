"""Decoding a photo just enough to prove it is readable and to draw its thumbnail or preview.

A JPEG thumbnail is drawn from the camera's embedded preview when one is fit to stand in for the picture
(embedded.py: the file's structure is complete and the preview matches it); the 20 MP picture itself is then
never decoded, which is most of the import's work. Otherwise, and for the 1600 px preview an officer studies,
JPEGs are decoded with DCT scaling (Pillow draft mode): a 20 MP photo decodes at 1/8 size for a 256 px
thumbnail. The declared size is checked before any pixel is decoded.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from PIL import Image, ImageOps

from eco_field.evidence import embedded, jpeg
from eco_field.evidence.xmp import jpeg_segments

try:  # phones write HEIC; without the plugin a HEIC is kept, only without a thumbnail
    import pillow_heif

    pillow_heif.register_heif_opener()
    HEIF_PIXELS = True
except ImportError:  # pragma: no cover - the plugin is a dependency
    HEIF_PIXELS = False

MAX_PIXELS_SCALED = 400_000_000  # JPEG: decoded at 1/8, so even very large panoramas stay small
MAX_PIXELS_FULL = 100_000_000    # formats decoded at full size (PNG, TIFF, HEIC, progressive JPEG)
MAX_COEFFICIENT_BYTES = 256 * 1024 * 1024  # a buffered JPEG's DCT coefficients, allocated whatever the scale
TRUNCATED_SHARE = 0.001          # a JPEG without its end marker may miss this share of blocks at most
THUMB_NOTE = b"EcoField derived thumbnail - not evidence; the original is in the evidence store"
EMBEDDED_UP_TO = 256  # largest size drawn from an embedded preview; the 1600 px view decodes the original
TRANSPOSE = {2: Image.Transpose.FLIP_LEFT_RIGHT, 3: Image.Transpose.ROTATE_180, 4: Image.Transpose.FLIP_TOP_BOTTOM,
             5: Image.Transpose.TRANSPOSE, 6: Image.Transpose.ROTATE_270, 7: Image.Transpose.TRANSVERSE,
             8: Image.Transpose.ROTATE_90}


class UnreadablePhoto(Exception):
    """The file cannot serve as a photo; the message is the reason shown to the officer."""


@dataclass
class Rendered:
    jpeg: bytes | None      # the thumbnail/preview, or None when this format cannot be decoded here
    width: int
    height: int
    warning: str = ""
    source: str = "decoded"  # or the kind of embedded preview it was drawn from


def render(data: bytes, media_type: str, orientation: int | None, size: int, *,
           embedded: bool = True) -> Rendered:
    """Check the photo decodes and return a JPEG of at most size x size with orientation applied.
    embedded=False draws it from the picture itself even where the camera's preview would serve."""
    try:
        return _render(data, media_type, orientation, size, embedded)
    except UnreadablePhoto:
        raise
    except Exception as exc:  # decoders raise anything on hostile files (struct.error, KeyError, ...)
        raise UnreadablePhoto(f"cannot decode the picture ({type(exc).__name__}: {exc})") from exc


def _render(data: bytes, media_type: str, orientation: int | None, size: int, embedded: bool) -> Rendered:
    if media_type in ("image/heic", "image/heif", "image/avif") and not HEIF_PIXELS:
        return Rendered(None, 0, 0, "no HEIF decoder installed: kept without a thumbnail")
    if embedded and media_type == "image/jpeg" and size <= EMBEDDED_UP_TO:
        fast = _from_embedded(data, orientation, size)
        if fast is not None:
            return fast
    warning = ""
    if media_type == "image/jpeg":
        missing = _jpeg_end_missing(data)
        if missing:
            data, warning = data + b"\xff\xd9", "JPEG end marker missing"
    image = _open(data)
    width, height = image.size
    _check_size(image, media_type, data)
    if image.format in ("JPEG", "MPO"):
        image.draft("RGB", (size, size))
    _decode(image)
    if warning:
        warning = _check_truncation(image, warning)
    oriented = orientation if media_type not in ("image/heic", "image/heif", "image/avif") else None
    return Rendered(_thumbnail_jpeg(image, oriented, size), width, height, warning)  # libheif rotates HEIF


def _from_embedded(data: bytes, orientation: int | None, size: int) -> Rendered | None:
    """The thumbnail drawn from the camera's preview, or None to decode the picture itself. The main
    image's declared size is checked first, so a bomb is refused whatever its preview; and a file whose
    markers the decoder refuses is decoded, so it is refused with the decoder's reason as before."""
    previews = embedded.candidates(data, size)
    if not previews:  # most often: none, or only a 160x120 EXIF thumbnail
        return None
    structure = jpeg.main_image_end(data)
    if structure.end is None:  # cut off, sloppy writer or unusual: the decode judges it, as before
        return None
    image = _open(data)
    _check_size(image, "image/jpeg", data)
    found = embedded.find(previews, structure.end, image.size, size)
    if found is None or not markers_decode(jpeg.markers_only(data, structure)):
        return None  # the decode refuses the file with the decoder's own reason
    return Rendered(_thumbnail_jpeg(found.image, orientation, size), *image.size, source=found.kind)


def markers_decode(markers: bytes) -> bool:
    """True when the decoder accepts every marker segment of the main image (frame, tables, scan headers,
    their order), read without the picture data: what the walk vouched for as a layout is then also what
    the full decode would read."""
    try:
        _open(markers).load()
    except Exception:
        return False
    return True


def _thumbnail_jpeg(image: Image.Image, orientation: int | None, size: int) -> bytes:
    picture = _to_rgb(image)
    picture.thumbnail((size, size), Image.Resampling.BICUBIC, reducing_gap=2.0)
    if orientation in TRANSPOSE:
        picture = picture.transpose(TRANSPOSE[orientation])
    out = io.BytesIO()
    picture.save(out, "JPEG", quality=85, comment=THUMB_NOTE)
    return out.getvalue()


def as_stored(media_type: str, width: int | None, height: int | None,
              orientation: int | None) -> tuple[int | None, int | None]:
    """The size as the file stores the picture. libheif hands HEIF pictures over already turned by their
    rotation (irot), which the EXIF orientation repeats; turned a quarter, they are given back as stored,
    so every format keeps its stored size with the orientation beside it."""
    if media_type in ("image/heic", "image/heif", "image/avif") and orientation in (5, 6, 7, 8):
        return height, width
    return width, height


def declared_size(data: bytes) -> tuple[int | None, int | None]:
    try:
        with _own_size_check():
            return Image.open(io.BytesIO(data)).size
    except Exception:  # only informative here; the file was validated when it was stored
        return None, None


@contextmanager
def _own_size_check() -> Iterator[None]:
    """Pillow's global bomb limit (179 MP) would refuse 200 MP phone photos; we check per format instead.
    Restored at once, so nothing else in the process loses Pillow's protection."""
    previous, Image.MAX_IMAGE_PIXELS = Image.MAX_IMAGE_PIXELS, None
    try:
        yield
    finally:
        Image.MAX_IMAGE_PIXELS = previous


def _open(data: bytes) -> Image.Image:
    try:
        with _own_size_check():
            return Image.open(io.BytesIO(data))
    except Image.UnidentifiedImageError as exc:
        raise UnreadablePhoto("not a readable image (the header is damaged or the format is unknown)") from exc
    except (OSError, SyntaxError, ValueError, EOFError) as exc:
        raise UnreadablePhoto(f"damaged image header ({exc})") from exc


def _check_size(image: Image.Image, media_type: str, data: bytes) -> None:
    width, height = image.size
    progressive = bool(image.info.get("progressive") or image.info.get("progression"))
    limit = MAX_PIXELS_SCALED if image.format in ("JPEG", "MPO") and not progressive else MAX_PIXELS_FULL
    if width <= 0 or height <= 0:
        raise UnreadablePhoto(f"image declares an empty size {width}x{height}")
    if width * height > limit:
        raise UnreadablePhoto(f"image declares {width}x{height} pixels, more than any camera makes "
                              f"(limit {limit // 1_000_000} MP): refused as a possible decompression bomb")
    if image.format in ("JPEG", "MPO"):
        _check_coefficients(data, width, height)


def _check_coefficients(data: bytes, width: int, height: int) -> None:
    """A progressive or multi-scan JPEG is buffered whole at full size before any scaling."""
    needed = jpeg.coefficient_bytes(data)
    if needed > MAX_COEFFICIENT_BYTES:
        raise UnreadablePhoto(f"image declares {width}x{height} pixels in a layout decoded whole "
                              f"({needed // (1024 * 1024)} MB of coefficients): refused as a possible "
                              "decompression bomb")


def _decode(image: Image.Image) -> None:
    try:
        image.load()
    except (OSError, SyntaxError, ValueError, EOFError, MemoryError) as exc:
        text = str(exc)
        if "truncated" in text:
            raise UnreadablePhoto(f"truncated image: the file ends before the picture data ({text})") from exc
        raise UnreadablePhoto(f"damaged picture data ({text or type(exc).__name__})") from exc


def _jpeg_end_missing(data: bytes) -> bool:
    """True when no end-of-image marker follows the first scan (cut-off file, or a sloppy writer)."""
    scan_start = None
    for marker, start, _end in jpeg_segments(data):
        if marker == 0xDA:
            scan_start = start
    if scan_start is None:
        raise UnreadablePhoto("truncated JPEG: the file ends before the picture data")
    return data.rfind(b"\xff\xd9", scan_start) < 0  # from the end: the marker is almost always there


def _check_truncation(image: Image.Image, warning: str) -> str:
    """libjpeg fills blocks past the end of a cut-off file with flat grey (128); measure that tail."""
    raw = image.tobytes()
    bands = max(1, len(image.getbands()))
    missing = (len(raw) - len(raw.rstrip(b"\x80"))) // bands
    share = missing / max(1, image.size[0] * image.size[1])
    if share > TRUNCATED_SHARE:
        raise UnreadablePhoto(f"truncated JPEG: the file was cut off, about {share:.0%} of the picture is missing"
                              if share >= 0.01 else "truncated JPEG: the file was cut off near its end")
    return warning + (f"; the last {share:.2%} of the picture is blank" if missing else "")


def _to_rgb(image: Image.Image) -> Image.Image:
    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
        background = Image.new("RGB", image.size, "white")
        rgba = image.convert("RGBA")
        background.paste(rgba, mask=rgba.getchannel("A"))
        return background
    if image.mode in ("I;16", "I;16B", "I;16L", "I", "F"):
        return ImageOps.autocontrast(image.convert("I").point(lambda v: v / 256).convert("L")).convert("RGB")
    return image.convert("RGB") if image.mode != "RGB" else image
