"""The CJK TrueType font documents are set in, always embedded as a subset.

Order: the configured font (setting doc_font: a .ttf/.ttc path), else the system's 仿宋/宋体/黑体 (Windows) or a
CJK TrueType font found on macOS/Linux, else WenQuanYi Micro Hei shipped in resources/fonts (Apache-2.0), with Droid Sans Fallback (Apache-2.0)
shipped beside it for CJK Extension A.
A character the main font lacks (a rare name character of GB 18030) is set in the first other CJK font that
has it, so a name is never dropped; characters no font has are reported, never silently swapped.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zlib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from eco_field.errors import BadInput
from eco_field.paths import RESOURCES_DIR

SHIPPED_FONT = RESOURCES_DIR / "fonts" / "wqy-microhei.ttc"
# Droid Sans Fallback (Apache-2.0) covers CJK Extension A, for rare name characters WenQuanYi lacks.
SHIPPED_FALLBACK = RESOURCES_DIR / "fonts" / "DroidSansFallbackFull.ttf"
FONT_SETTING = "doc_font"
PROBE = "永环罚〔〕"  # a font that cannot set these is no CJK document font

WINDOWS_FONTS = ("simfang.ttf", "simsun.ttc", "simhei.ttf", "simkai.ttf", "msyh.ttc", "simsunb.ttf")
MAC_FONTS = ("/System/Library/Fonts/Supplemental/Songti.ttc", "/Library/Fonts/Songti.ttc",
             "/System/Library/Fonts/STHeiti Light.ttc", "/System/Library/Fonts/STHeiti Medium.ttc",
             "/System/Library/Fonts/Hiragino Sans GB.ttc", "/Library/Fonts/Arial Unicode.ttf")
LINUX_DIRS = ("/usr/share/fonts", "/usr/local/share/fonts", "~/.fonts", "~/.local/share/fonts")
# Preference among fonts found on Linux: serif (宋/仿宋) styles first, then the rest.
LINUX_HINTS = ("fangsong", "simfang", "song", "simsun", "uming", "ukai", "wqy-zenhei", "wqy-microhei", "droid")


def _to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """ReportLab's ToUnicode CMap with a character beyond the BMP (a CJK Extension B name such as 𠮷)
    written as its UTF-16BE surrogate pair, as the PDF reference requires; ReportLab writes 5 hex digits,
    and a reader then cannot give the name back when the text is copied or searched."""
    cmap = _reportlab_to_unicode_cmap(fontname, subset)
    for code in subset:
        if code > 0xFFFF:
            pair = chr(code).encode("utf-16-be").hex().upper()
            cmap = cmap.replace(f"> <{code:04X}>\n", f"> <{pair}>\n")
    return cmap


_reportlab_to_unicode_cmap = ttfonts.makeToUnicodeCMap
ttfonts.makeToUnicodeCMap = _to_unicode_cmap


@dataclass
class FontSet:
    """Registered ReportLab font names: main first, then the fonts used for missing glyphs."""

    names: list[str]
    paths: list[str]
    missing: set[str] = field(default_factory=set)

    @property
    def main(self) -> str:
        return self.names[0]

    def font_for(self, char: str) -> str | None:
        code = ord(char)
        for name in self.names:
            if code in pdfmetrics.getFont(name).face.charToGlyph:
                return name
        name = system_font_with(code)  # e.g. a CJK Extension B name character: ask fontconfig who has it
        if name is not None:
            self.names.append(name)
        return name

    def markup(self, text: str) -> str:
        """Escaped Paragraph markup; characters the main font lacks are wrapped in a fallback <font>."""
        out, main_map = [], pdfmetrics.getFont(self.main).face.charToGlyph
        for char in text:
            if ord(char) in main_map or char in "\n\t ":
                out.append(escape(char))
                continue
            name = self.font_for(char)
            if name is None:
                self.missing.add(char)
                out.append(escape(char))
            else:
                out.append(f'<font name="{name}">{escape(char)}</font>')
        # an ideographic space would be collapsed like any blank; keep the gap a form leaves for writing
        return "".join(out).replace("\n", "<br/>").replace("\u3000", "&nbsp;&nbsp;")


    def runs(self, text: str) -> list[tuple[str, str]]:
        """(text, font name) runs for drawing straight onto a canvas, each character in a font that has it."""
        out: list[tuple[str, str]] = []
        main_map = pdfmetrics.getFont(self.main).face.charToGlyph
        for char in text:
            name = self.main if ord(char) in main_map or char == " " else self.font_for(char)
            if name is None:
                self.missing.add(char)
                name = self.main
            if out and out[-1][1] == name:
                out[-1] = (out[-1][0] + char, name)
            else:
                out.append((char, name))
        return out

    def draw(self, canvas, x: float, y: float, text: str, size: float, align: str = "left") -> None:
        runs = self.runs(text)
        width = sum(pdfmetrics.stringWidth(t, f, size) for t, f in runs)
        x -= {"left": 0, "centre": width / 2, "right": width}[align]
        for chunk, name in runs:
            canvas.setFont(name, size)
            canvas.drawString(x, y, chunk)
            x += pdfmetrics.stringWidth(chunk, name, size)


def _candidates(configured: str) -> list[Path]:
    found: list[Path] = []
    if configured:
        path = Path(configured).expanduser()
        if not path.is_file():
            raise BadInput(f"The configured document font {configured!r} (setting {FONT_SETTING}) does not exist")
        found.append(path)
    found += _system_fonts()
    found += [SHIPPED_FONT, SHIPPED_FALLBACK]
    return list(dict.fromkeys(found))


def _system_fonts() -> list[Path]:
    if sys.platform.startswith("win"):
        folder = Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"
        return [folder / name for name in WINDOWS_FONTS if (folder / name).is_file()]
    if sys.platform == "darwin":
        return [Path(p) for p in MAC_FONTS if Path(p).is_file()]
    return _linux_fonts()


def _linux_fonts() -> list[Path]:
    paths: list[Path] = []
    if shutil.which("fc-list"):
        try:
            out = subprocess.run(["fc-list", ":lang=zh", "file"], capture_output=True, text=True, timeout=10).stdout
            paths = [Path(line.split(":")[0].strip()) for line in out.splitlines() if line.strip()]
        except (OSError, subprocess.SubprocessError):
            paths = []
    if not paths:
        for folder in LINUX_DIRS:
            root = Path(folder).expanduser()
            if root.is_dir():
                paths += [p for p in root.rglob("*") if any(h in p.name.lower() for h in LINUX_HINTS)]
    paths = [p for p in paths if p.suffix.lower() in (".ttf", ".ttc") and p.is_file()]

    def rank(p: Path) -> int:
        name = p.name.lower()
        return next((i for i, hint in enumerate(LINUX_HINTS) if hint in name), len(LINUX_HINTS))

    return sorted(dict.fromkeys(paths), key=lambda p: (rank(p), str(p)))


@lru_cache(maxsize=256)
def system_font_with(code: int) -> str | None:
    """A registered TrueType font that has the character, found with fontconfig (Linux/macOS with fc-list)."""
    if not shutil.which("fc-list"):
        return None
    try:
        out = subprocess.run(["fc-list", f":charset={code:x}", "file"], capture_output=True, text=True,
                             timeout=10).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    paths = sorted({line.split(":")[0].strip() for line in out.splitlines() if line.strip()})
    for path in paths:
        if Path(path).suffix.lower() in (".ttf", ".ttc"):
            name = _register(Path(path), f"X{zlib.crc32(path.encode())}", probe="")
            if name and code in pdfmetrics.getFont(name).face.charToGlyph:
                return name
    return None


def _register(path: Path, index: int | str, probe: str = PROBE) -> str | None:
    """Register path as a ReportLab font; None when it is not a usable (CJK) TrueType font."""
    name = f"EcoFieldCJK{index}"
    if name in pdfmetrics.getRegisteredFontNames():
        return name
    try:
        font = TTFont(name, str(path), subfontIndex=0)
    except (TTFError, OSError, ValueError, KeyError):
        return None  # e.g. an OpenType/CFF font, which ReportLab cannot embed
    if not all(ord(ch) in font.face.charToGlyph for ch in probe):
        return None
    pdfmetrics.registerFont(font)
    return name


@lru_cache(maxsize=4)
def _load(configured: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    names, paths = [], []
    for index, path in enumerate(_candidates(configured)):
        name = _register(path, index)
        if name:
            names.append(name)
            paths.append(str(path))
        elif configured and index == 0:
            raise BadInput(f"The configured document font {configured} is not a CJK TrueType font ReportLab can "
                           "embed (OpenType/CFF fonts cannot be embedded as a subset)")
    if not names:
        raise BadInput(f"No CJK TrueType font found, and the shipped font {SHIPPED_FONT} is missing")
    return tuple(names), tuple(paths)


def font_set(configured: str = "") -> FontSet:
    """The fonts for one document (a fresh missing-glyph record each time; registration is cached)."""
    names, paths = _load(configured.strip())
    return FontSet(list(names), list(paths))
