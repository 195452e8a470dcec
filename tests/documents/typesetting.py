"""Helpers for the typesetting tests: the system-font environments a document may meet, and readers of
rendered PDFs (pdftotext -layout lines, word boxes, ink on a PNG of the page, the font each piece of text
is set in) — through tests/pdftools.py, so they run with pip packages only (poppler-utils optional)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.pdfbase import pdfmetrics

from eco_field.documents import fonts
from tests import pdftools
from tests.pdftools import layout_lines, words  # noqa: F401 - the readers the typesetting tests import from here

SYSTEM_DROID = Path("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf")  # Debian fonts-droid-fallback
SYSTEM_NOTO = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")        # Debian fonts-noto-cjk
NOTO_TTF = Path("/usr/share/fonts/truetype/noto/NotoSansMono-Regular.ttf")          # with fonts-noto-core
ENVIRONMENTS = ("shipped", "droid", "noto")
CLOSING = "，。、；：？！）」』〕》〉】”’…"
OPENING = "（「『〔《〈【“‘"
SYMBOLS = "℃ⅤⅩǎǐǒǔǘ"


def use_font_environment(name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """System fonts as on a machine with only the shipped fonts, with Droid Sans Fallback installed, or with
    a Noto CJK font installed: ECO_FIELD_FONT_DIRS points at a folder holding (a link to) that font file."""
    folder = tmp_path / f"fonts-{name}"
    folder.mkdir()
    wanted = {"shipped": [], "droid": [SYSTEM_DROID], "noto": [SYSTEM_NOTO]}[name]
    for path in wanted:
        if not path.is_file():
            pytest.skip(f"{path} is not installed (Debian: fonts-droid-fallback / fonts-noto-cjk; .ci/run installs them)")
        (folder / path.name).symlink_to(path)
    monkeypatch.setenv(fonts.FONT_DIRS_ENV, str(folder))
    return folder


def segments(line: str) -> list[str]:
    """The pieces of a -layout line that stand apart (table columns, left and right text)."""
    return [s for s in re.split(r"\s{3,}", line.strip()) if s]


def kinsoku_faults(pdf: Path) -> list[str]:
    """Lines (or table-cell pieces of lines) that start with closing or end with opening punctuation."""
    faults = []
    for line in layout_lines(pdf):
        for piece in segments(line):
            if piece[0] in CLOSING or piece[-1] in OPENING:
                faults.append(piece)
    return faults


def ink(pdf: Path, word: dict, folder: Path | None = None, dpi: int = 200) -> int:
    """Dark pixels inside the word's box (pdftools.words: page from 1, points from the top) on a rendering of
    its page (a blank glyph has none). folder: unused, kept for the callers."""
    image = pdftools.page_image(pdf, word["page"] - 1, dpi).convert("L")
    scale = dpi / 72
    x0, y0, x1, y1 = word["box"]
    box = image.crop((int(x0 * scale), int(y0 * scale), int(x1 * scale) + 1, int(y1 * scale) + 1))
    return sum(box.histogram()[:128])


def faces_of(pdf: Path, chars: str) -> dict[str, set[str]]:
    """For each char: the font faces (subset prefix removed) of the text pieces that contain it."""
    found: dict[str, set[str]] = {c: set() for c in chars}

    def visit(text, _cm, _tm, font_dict, _size):
        if not text or not font_dict:
            return
        # AAAAAA+WenQuanYiMicroHei-0: subset prefix, face, ReportLab's number of the 256-character subset
        face = re.sub(r"-\d+$", "", str(font_dict.get("/BaseFont", "")).lstrip("/").split("+")[-1])
        for char in set(text) & set(chars):
            found[char].add(face)

    for page in PdfReader(pdf).pages:
        page.extract_text(visitor_text=visit)
    return found


def face_draws(face: str, char: str) -> bool:
    """True when a registered font with that face name draws char (an inked glyph, not an empty one)."""
    for name in pdfmetrics.getRegisteredFontNames():
        font = pdfmetrics.getFont(name)
        if hasattr(font, "face") and fonts.face_name(name) == face:
            return fonts.has_glyph(name, char)
    return False


def keep(pdf: Path) -> None:
    """Copy to $TYPESET_KEEP (when set) to look at the rendering."""
    import os

    target = os.environ.get("TYPESET_KEEP")
    if target:
        Path(target).mkdir(parents=True, exist_ok=True)
        shutil.copy(pdf, Path(target) / pdf.name)
