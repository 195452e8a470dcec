"""The camera's own preview of a JPEG, when it may stand in for the main picture in a thumbnail.

Cameras, drones and phones store a smaller JPEG of the same shot as an MPF large thumbnail after the main
image. Decoding it instead of the 20 MP picture saves most of an import's work. It is used only when nothing
suggests it shows anything else than the main image:
  - the main image's structure is complete (jpeg.main_image_end found its EOI) and the decoder accepts its
    marker segments read without the picture data (jpeg.markers_only; both checked by the caller);
  - an MPF preview starts with SOI exactly where the MPF index says, after the main image's EOI; a tool
    that rewrote the main image but copied the old index would make that offset miss;
  - it is at least as large as the thumbnail asked for and has the main image's aspect ratio within 1 %
    (a letterboxed, cropped or rotated preview fails);
  - it decodes completely, and its declared size needs no more than a preview's memory to decode.
At most jpeg.MAX_PREVIEWS non-overlapping entries are opened, whatever the index lists.
Otherwise None, and the caller decodes the main image as it always did.
An EXIF JPEGInterchangeFormat (IFD1) thumbnail is never used: nothing ties it to the picture, and a tool that
retouches the picture but copies the EXIF block keeps the old scene there (usually 160x120 anyway).
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from PIL import Image

from eco_field.evidence import jpeg

ASPECT_TOLERANCE = 0.01
MAX_PREVIEW_PIXELS = 24_000_000  # previews are VGA to full HD (DJI thermal ones are larger than the picture)
MAX_PREVIEW_COEFFICIENT_BYTES = 64 * 1024 * 1024  # a progressive full-HD preview buffers 12 MB


@dataclass
class Preview:
    image: Image.Image  # decoded, reduced by DCT scaling to about the size asked for
    kind: str           # where it came from, e.g. "MPF large thumbnail (full HD)"


@dataclass
class Candidate:
    where: jpeg.Embedded
    image: Image.Image  # opened (header read), not decoded


def candidates(data: bytes, size: int) -> list[Candidate]:
    """The file's embedded JPEG previews large enough for a size x size thumbnail, from the header alone
    (cheap: most files without a usable preview are ruled out before their picture data is walked)."""
    found = []
    for where in jpeg.mpf_previews(data):
        image = _open_large_enough(data, where, size)
        if image is not None:
            found.append(Candidate(where, image))
    return found


def find(found: list[Candidate], main_end: int, main_size: tuple[int, int], size: int) -> Preview | None:
    """The smallest candidate fit to stand in for the picture, decoded at about size; or None.

    main_end is where the main image's EOI ends (jpeg.main_image_end): the caller has checked the file is
    whole, and the main image's declared size (main_size) against decompression bombs."""
    fitting = [c for c in found if _same_aspect(c.image.size, main_size)
               and c.where.start >= main_end]
    for candidate in sorted(fitting, key=lambda c: c.image.size[0] * c.image.size[1]):  # smallest is cheapest
        candidate.image.draft("RGB", (size, size))
        try:
            candidate.image.load()
        except Exception:  # a damaged preview says nothing about the main image: try the next, or decode
            continue
        return Preview(candidate.image, candidate.where.kind)
    return None


def _open_large_enough(data: bytes, where: jpeg.Embedded, size: int) -> Image.Image | None:
    end = where.start + where.length
    if where.length < 4 or end > len(data) or data[where.start:where.start + 2] != b"\xff\xd8":
        return None
    preview = data[where.start:end]
    try:
        image = Image.open(io.BytesIO(preview), formats=["JPEG"])
    except Exception:  # not a JPEG header after all
        return None
    width, height = image.size
    if (width <= 0 or height <= 0 or max(width, height) < size or width * height > MAX_PREVIEW_PIXELS
            or image.mode not in ("RGB", "L", "CMYK")
            or jpeg.coefficient_bytes(preview) > MAX_PREVIEW_COEFFICIENT_BYTES):
        return None
    return image


def _same_aspect(preview: tuple[int, int], main: tuple[int, int]) -> bool:
    return abs((preview[0] / preview[1]) / (main[0] / main[1]) - 1) <= ASPECT_TOLERANCE
