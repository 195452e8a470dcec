"""Photos for printing: the original downsampled to 300 dpi at its printed size (never passed through), upright
(EXIF orientation applied), as a JPEG cached under cache/documents/ keyed by the original's SHA-256."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from PIL import Image, ImageOps, UnidentifiedImageError

PRINT_DPI = 300
JPEG_QUALITY = 80
MM_PER_INCH = 25.4

try:  # phones deliver HEIC
    import pillow_heif

    pillow_heif.register_heif_opener()
except ImportError:  # pragma: no cover - optional at run time
    pillow_heif = None


def print_pixels(width_mm: float, height_mm: float) -> tuple[int, int]:
    return (round(width_mm / MM_PER_INCH * PRINT_DPI), round(height_mm / MM_PER_INCH * PRINT_DPI))


def printable(original: Path, sha256: str, box_mm: tuple[float, float],
              cache_dir: Path) -> tuple[Path, float, float] | None:
    """(jpeg path, width mm, height mm) fitted inside box_mm; None when the file is not a readable image."""
    box_px = print_pixels(*box_mm)
    target = cache_dir / "documents" / f"{sha256}-{box_px[0]}x{box_px[1]}.jpg"
    try:
        if not target.is_file():
            _write_downsampled(original, target, box_px)
        with Image.open(target) as img:
            w, h = img.size
    except (OSError, UnidentifiedImageError, ValueError, Image.DecompressionBombError):
        return None
    scale = min(box_mm[0] / w, box_mm[1] / h)
    return target, w * scale, h * scale


def _write_downsampled(original: Path, target: Path, box_px: tuple[int, int]) -> None:
    with Image.open(original) as img:
        side = max(box_px)  # before EXIF rotation the long side may lie either way
        img.draft("RGB", (side, side))  # JPEG: decode at a reduced scale when possible (fast)
        img = ImageOps.exif_transpose(img)
        img = img.convert("RGB")
        img.thumbnail(box_px, Image.Resampling.LANCZOS)
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, suffix=".jpg")
        try:
            with os.fdopen(fd, "wb") as out:
                img.save(out, "JPEG", quality=JPEG_QUALITY, optimize=True)
            os.replace(tmp, target)
        except BaseException:
            if os.path.exists(tmp):
                os.unlink(tmp)
            raise
