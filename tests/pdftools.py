"""Reading rendered PDFs back in tests with pip packages only (no poppler-utils on a fresh clone).

    render_pages(pdf, out_dir, dpi=150) -> [PNG paths]   pypdfium2 (PDFium, the Chrome PDF engine)
    page_image(pdf, page=0, dpi=150) -> PIL.Image
    text(pdf) -> str, all pages                           pypdfium2's text layer
    fonts(pdf) -> [{"name", "emb", "sub", "type"}]         pypdf: the fonts the pages use, as pdffonts lists them
    chars(pdf) -> [Char]                                   each drawn character with its page, box and baseline
    words(pdf) -> [{"page", "box", "text"}]                as `pdftotext -bbox` lists them (box from the top, points)
    layout_lines(pdf) -> [str]                             `pdftotext -layout` lines when poppler is installed,
                                                           else the same lines rebuilt from the character boxes
"""

from __future__ import annotations

import ctypes
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
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


@dataclass(frozen=True)
class Char:
    text: str
    page: int                                 # from 1, as pdftotext counts
    box: tuple[float, float, float, float]    # x0, y0, x1, y1 in points, y from the top; the font's ascent to descent
    baseline: float                           # y of the origin, from the top
    size: float                               # font size in points


def chars(pdf: Path) -> list[Char]:
    """Every character drawn (no blanks: PDFium's generated spaces and line ends, and space characters, are left
    out; gaps between the boxes say where blanks are)."""
    found = []
    doc = pdfium.PdfDocument(str(pdf))
    try:
        for index in range(len(doc)):
            page = doc[index]
            height = page.get_height()
            textpage = page.get_textpage()
            for i in range(textpage.count_chars()):
                char = textpage.get_text_range(i, 1)
                if not char or char.isspace() or pdfium_c.FPDFText_IsGenerated(textpage.raw, i) == 1:
                    continue
                left, bottom, right, top = textpage.get_charbox(i, loose=True)
                x, y = ctypes.c_double(), ctypes.c_double()
                pdfium_c.FPDFText_GetCharOrigin(textpage.raw, i, x, y)
                size = pdfium_c.FPDFText_GetFontSize(textpage.raw, i) or (top - bottom)
                found.append(Char(char, index + 1, (left, height - top, right, height - bottom), height - y.value,
                                  size))
    finally:
        doc.close()
    return found


def _rows(found: list[Char]) -> list[list[Char]]:
    """Characters grouped by page and baseline (within a third of the font size), each row sorted by x, rows
    top to bottom."""
    rows: list[list[Char]] = []
    for char in sorted(found, key=lambda c: (c.page, c.baseline, c.box[0])):
        row = rows[-1] if rows else None
        if row and row[0].page == char.page and char.baseline - row[0].baseline <= 0.33 * min(row[0].size, char.size):
            row.append(char)
        else:
            rows.append([char])
    return [sorted(row, key=lambda c: c.box[0]) for row in rows]


def _blanks(before: Char, after: Char) -> int:
    """Blanks between two characters of a row, as pdftotext -layout puts them: none for touching glyphs, one or
    two for a space or two in running text, three or more (a column gap) from 0.8 em on (an em-wide blank,
    like 年　月　日 or 第1页　共1页, stands apart in pdftotext -layout too)."""
    em = max(before.size, after.size, 1.0)
    gap = after.box[0] - before.box[2]
    if gap < 0.2 * em:
        return 0
    if gap < 0.8 * em:
        return min(2, max(1, round(gap / (0.3 * em))))
    return max(3, round(gap / (0.3 * em)))


def rebuilt_lines(pdf: Path) -> list[str]:
    """The lines of the page as pdftotext -layout gives them (without its left indentation), rebuilt from the
    character boxes: characters on one baseline sorted by x, blanks for the gaps, 3+ blanks between columns."""
    lines = []
    for row in _rows(chars(pdf)):
        text = row[0].text
        for before, after in zip(row, row[1:], strict=False):
            text += " " * _blanks(before, after) + after.text
        lines.append(text)
    return lines


def layout_lines(pdf: Path) -> list[str]:
    """The non-blank lines of `pdftotext -layout` when poppler-utils is installed (CI installs it), otherwise
    rebuilt_lines(): either way a line is what a reader sees as one line, columns 3+ blanks apart."""
    tool = shutil.which("pdftotext")
    if not tool:
        return rebuilt_lines(pdf)
    out = subprocess.run([tool, "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return [line.rstrip() for line in out.splitlines() if line.strip()]


def words(pdf: Path) -> list[dict]:
    """Each word (characters of a row with no blank between them) with its page (from 1) and box (x0, y0, x1,
    y1 in points, y from the top), as `pdftotext -bbox` lists them."""
    found = []
    for row in _rows(chars(pdf)):
        word = [row[0]]
        for before, after in zip(row, row[1:], strict=False):
            if _blanks(before, after):
                found.append(_word(word))
                word = []
            word.append(after)
        found.append(_word(word))
    return found


def _word(group: list[Char]) -> dict:
    box = (min(c.box[0] for c in group), min(c.box[1] for c in group), max(c.box[2] for c in group),
           max(c.box[3] for c in group))
    return {"page": group[0].page, "box": box, "text": "".join(c.text for c in group)}
