"""Placing a signature in an issued PDF: the image drawn into the signer's cells, the date beside it.

The issued pages are not re-laid out: each page that carries a cell of the signer gets a thin layer on top
(pypdf merge), so everything the document stated stays exactly as issued and only the ink is added. The
signature image is cropped to its strokes and drawn as ink (its white made transparent), so the cell's
lines and label show through as they would under a pen.
"""

from __future__ import annotations

import io
import logging
from typing import Any

from PIL import Image, ImageOps, UnidentifiedImageError

from eco_field.documents.signature_cells import ROLES, text_width
from eco_field.errors import BadInput
from eco_field.messages import Term, text

LABEL_SIZE = 10  # the cells' label size (signature_cells.SpotCell)
LINE_SIZE = 9.5  # the per-page line's label size
MAX_PIXELS = 25_000_000  # a pad or a phone photo of a signature is far smaller; more is no signature


def ink_image(png: bytes, source: str | None = None) -> Image.Image:
    """The strokes of a signature as an RGBA image: cropped to the ink, white turned transparent."""
    where = source or Term("documents.signature_image")
    try:
        with Image.open(io.BytesIO(png)) as img:
            if img.width * img.height > MAX_PIXELS:  # told from the header, before the pixels fill memory
                raise BadInput("documents.image_too_large", source=where, pixels=f"{img.width}×{img.height}",
                               limit=MAX_PIXELS // 1_000_000)
            img.load()
            if img.mode in ("RGBA", "LA", "P"):
                img = img.convert("RGBA")
                white = Image.new("RGBA", img.size, "white")
                img = Image.alpha_composite(white, img)
            gray = img.convert("L")
    except Image.DecompressionBombError as exc:  # PIL's own refusal of a giant image, from its header
        raise BadInput("documents.image_too_large", source=where, pixels=f"> {Image.MAX_IMAGE_PIXELS * 2:,}",
                       limit=MAX_PIXELS // 1_000_000) from exc
    except (OSError, UnidentifiedImageError, ValueError) as exc:
        raise BadInput("documents.image_unreadable", source=where) from exc
    ink = ImageOps.invert(gray).point(lambda v: 0 if v < 40 else v)  # paper grain is not ink
    box = ink.getbbox()
    if box is None:
        raise BadInput("documents.image_blank", source=where)
    pad = 4
    box = (max(0, box[0] - pad), max(0, box[1] - pad), min(gray.width, box[2] + pad), min(gray.height, box[3] + pad))
    ink = ink.crop(box)
    out = Image.new("RGBA", ink.size, (10, 10, 40, 0))
    out.putalpha(ink)
    return out


def spots_for(spots: list[dict[str, Any]], role: str, name: str) -> list[dict[str, Any]]:
    """The cells a signer fills: an officer's rows are those naming him; the party's and a witness's by role."""
    mine = [s for s in spots if s["role"] == role and (role != "officer" or s["name"] == name)]
    if not any(s["what"] in ("sign", "sign-line") for s in mine):
        officers = sorted({s["name"] for s in spots if s["role"] == "officer" and s["name"]})
        hint = text("documents.officers_listed", names="、".join(officers)) if role == "officer" and officers else ""
        raise BadInput("documents.no_sign_cell", role=ROLES.get(role, role), name=name if role == "officer" else "",
                       hint=hint)
    return mine


def place(pdf: bytes, spots: list[dict[str, Any]], image: Image.Image, signed_on: str,
          fonts: Any) -> tuple[bytes, list[int]]:
    """The PDF with the image in every sign spot and the date in every date spot; returns (bytes, pages)."""
    from pypdf import PdfReader, PdfWriter

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    reader = PdfReader(io.BytesIO(pdf))
    pages = sorted({s["page"] for s in spots})
    sizes = {n: (float(reader.pages[n - 1].mediabox.width), float(reader.pages[n - 1].mediabox.height))
             for n in pages}
    layer = PdfReader(io.BytesIO(_layer(spots, pages, sizes, image, signed_on, fonts)))
    writer = PdfWriter(clone_from=reader)
    for index, page_no in enumerate(pages):
        writer.pages[page_no - 1].merge_page(layer.pages[index])
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue(), pages


def _layer(spots: list[dict[str, Any]], pages: list[int], sizes: dict[int, tuple[float, float]],
           image: Image.Image, signed_on: str, fonts: Any) -> bytes:
    """One page of ink per page signed, in the order of `pages`."""
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen.canvas import Canvas

    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=sizes[pages[0]], initialFontName=fonts.main)
    reader = ImageReader(image)
    for page_no in pages:
        canvas.setPageSize(sizes[page_no])
        for spot in (s for s in spots if s["page"] == page_no):
            if spot["what"] in ("sign", "sign-line"):
                _draw_image(canvas, reader, image, spot, fonts)
            else:
                _draw_date(canvas, spot, signed_on, fonts)
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _draw_image(canvas: Any, reader: Any, image: Image.Image, spot: dict[str, Any], fonts: Any) -> None:
    left = text_width(fonts, "签名：", LABEL_SIZE) + 2 if spot["what"] == "sign" else 1
    box_x, box_y, box_w, box_h = spot["x"] + left, spot["y"] + 0.5, spot["w"] - left - 2, spot["h"] - 1
    scale = min(box_w / image.width, box_h / image.height)
    w, h = image.width * scale, image.height * scale
    canvas.drawImage(reader, box_x, box_y + (box_h - h) / 2, w, h, mask="auto")


def _draw_date(canvas: Any, spot: dict[str, Any], signed_on: str, fonts: Any) -> None:
    year, month, day = (int(part) for part in signed_on.split("-"))
    text = f"{year}年{month}月{day}日"
    if spot["what"] == "date":  # the cell's blank 「日期：　　年　　月　　日」 is filled in
        canvas.saveState()
        canvas.setFillColorRGB(1, 1, 1)
        canvas.rect(spot["x"] + 0.5, spot["y"] + 0.5, spot["w"] - 1, spot["h"] - 1, stroke=0, fill=1)
        canvas.restoreState()
        canvas.setFillColorRGB(0.04, 0.04, 0.16)
        fonts.draw(canvas, spot["x"], spot["y"] + spot["h"] / 2 - LABEL_SIZE * 0.35, "日期：" + text, LABEL_SIZE)
    else:  # the page line: written on the rule after 日期：
        canvas.setFillColorRGB(0.04, 0.04, 0.16)
        fonts.draw(canvas, spot["x"] + 2, spot["y"] + 1, text, LINE_SIZE)
