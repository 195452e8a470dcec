"""Reading rendered PDFs back in tests with pip packages only (no poppler-utils on a fresh clone).

    render_pages(pdf, out_dir, dpi=150) -> [PNG paths]   pypdfium2 (PDFium, the Chrome PDF engine)
    page_image(pdf, page=0, dpi=150) -> PIL.Image
    text(pdf) -> str, all pages                           pypdfium2's text layer
    fonts(pdf) -> [{"name", "emb", "sub", "type"}]         pypdf: the fonts the pages use, as pdffonts lists them
"""

from __future__ import annotations

import re
from pathlib import Path

import pypdfium2 as pdfium
from PIL import Image
from pypdf import PdfReader
from pypdf.generic import DictionaryObject, IndirectObject

SUBSET = re.compile(r"^[A-Z]{6}\+")


def page_count(pdf: Path) -> int:
    doc = pdfium.PdfDocument(str(pdf))
    try:
        return len(doc)
    finally:
        doc.close()


def page_image(pdf: Path, page: int = 0, dpi: int = 150) -> Image.Image:
    """One page rendered as pdftoppm -r DPI would (white background, RGB)."""
    doc = pdfium.PdfDocument(str(pdf))
    try:
        return doc[page].render(scale=dpi / 72).to_pil().convert("RGB")
    finally:
        doc.close()


def render_pages(pdf: Path, out_dir: Path, dpi: int = 150, prefix: str = "page") -> list[Path]:
    """Every page as out_dir/prefix-N.png (N from 1), like `pdftoppm -png -r DPI`."""
    out_dir.mkdir(parents=True, exist_ok=True)
    doc = pdfium.PdfDocument(str(pdf))
    paths = []
    try:
        for index in range(len(doc)):
            path = out_dir / f"{prefix}-{index + 1}.png"
            doc[index].render(scale=dpi / 72).to_pil().convert("RGB").save(path)
            paths.append(path)
    finally:
        doc.close()
    return paths


def text(pdf: Path) -> str:
    """The text layer of every page, pages separated by a form feed (like pdftotext)."""
    doc = pdfium.PdfDocument(str(pdf))
    try:
        return "\f".join(doc[i].get_textpage().get_text_range() for i in range(len(doc)))
    finally:
        doc.close()


def fonts(pdf: Path) -> list[dict[str, str]]:
    """The fonts the pages use (descendants of Type0 fonts included), with whether each is embedded and a subset."""
    seen: dict[int | str, dict[str, str]] = {}
    for page in PdfReader(pdf).pages:
        resources = _resolve(page.get("/Resources")) or {}
        for ref in (_resolve(resources.get("/Font")) or {}).values():
            _font(ref, seen)
    return list(seen.values())


def _resolve(value):
    return value.get_object() if isinstance(value, IndirectObject) else value


def _font(ref, seen: dict) -> None:
    font = _resolve(ref)
    key = ref.idnum if isinstance(ref, IndirectObject) else id(font)
    if key in seen or not isinstance(font, DictionaryObject):
        return
    subtype = str(font.get("/Subtype", ""))
    name = str(font.get("/BaseFont", "[none]")).lstrip("/")
    if subtype == "/Type0":
        for child in font.get("/DescendantFonts", []):
            _font(child, seen)
        seen[key] = {"name": name, "type": "Type0", "emb": _embedded_desc(font), "sub": _yes(SUBSET.match(name))}
        return
    descriptor = _resolve(font.get("/FontDescriptor")) or {}
    embedded = any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
    seen[key] = {"name": name, "type": subtype.lstrip("/"), "emb": _yes(embedded), "sub": _yes(SUBSET.match(name))}


def _embedded_desc(font) -> str:
    descendants = [_resolve(d) for d in font.get("/DescendantFonts", [])]
    return _yes(all(any(k in (_resolve(d.get("/FontDescriptor")) or {}) for k in ("/FontFile", "/FontFile2",
                                                                                      "/FontFile3"))
                    for d in descendants))


def _yes(flag) -> str:
    return "yes" if flag else "no"
