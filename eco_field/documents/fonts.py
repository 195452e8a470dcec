"""The font chain documents are set in: every character is drawn from the first font that has a glyph for it.

Chain: the configured font (setting doc_font: a .ttf/.ttc path, `path#N` for subfont N of a collection), then
WenQuanYi Micro Hei shipped in resources/fonts (Apache-2.0), then the shipped fallbacks Droid Sans Fallback
(Apache-2.0; CJK Extension A, no Latin) and DejaVu Sans (Bitstream Vera licence; ℃, Roman numerals, pinyin with
tones, which WenQuanYi maps to EMPTY glyphs), then any system font that has the character (fontconfig, or the
folders in ECO_FIELD_FONT_DIRS). A character no font has is refused by name, never printed blank.

Fonts are registered under a name made from the FILE (resolved path, subfont, size, mtime), never from their
position in a list, so changing the setting (or the file) takes effect in a running app at the next render.
Fonts ReportLab cannot embed as a subset (OpenType/CFF such as Noto CJK) are passed over.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
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
# DejaVu Sans: ℃ Ⅴ Ⅹ ǎ ǘ … which WenQuanYi lists in its cmap but draws as nothing.
SHIPPED_SYMBOLS = RESOURCES_DIR / "fonts" / "DejaVuSans.ttf"
SHIPPED_CHAIN = (SHIPPED_FONT, SHIPPED_FALLBACK, SHIPPED_SYMBOLS)
FONT_SETTING = "doc_font"
# Folders searched for system fonts instead of fontconfig (os.pathsep-separated): tests, portable installs.
FONT_DIRS_ENV = "ECO_FIELD_FONT_DIRS"
PROBE = "永环罚〔〕"  # a configured font that cannot set these is no CJK document font
WHITESPACE = " \u00a0\u3000\t\n"

WINDOWS_DIRS = (os.path.join(os.environ.get("WINDIR", r"C:\Windows"), "Fonts"),
                os.path.expandvars(r"%LOCALAPPDATA%\Microsoft\Windows\Fonts"))
MAC_DIRS = ("/System/Library/Fonts", "/Library/Fonts", "~/Library/Fonts")
LINUX_DIRS = ("/usr/share/fonts", "/usr/local/share/fonts", "~/.fonts", "~/.local/share/fonts")
# Preference among system fonts that have a character: serif (宋/仿宋) CJK styles first, then the rest.
HINTS = ("fangsong", "simfang", "song", "simsun", "uming", "ukai", "wqy", "droid", "hanamin")


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


# --- one font file ---------------------------------------------------------------------------------------
def parse_spec(spec: str) -> tuple[Path, int]:
    """'path' or 'path#N' (subfont N of a .ttc collection) -> (path, N)."""
    path = Path(spec).expanduser()
    match = re.fullmatch(r"(.+)#(\d+)", spec)
    if not path.is_file() and match:
        return Path(match.group(1)).expanduser(), int(match.group(2))
    return path, 0


_FILES: dict[str, str] = {}  # registered name -> "path" or "path#subfont"
_UNUSABLE: set[str] = set()  # names of files ReportLab cannot embed


def font_file(name: str | None) -> str | None:
    """The file a registered chain font was read from."""
    return None if name is None else _FILES.get(name)


def register(path: Path, subfont: int = 0) -> str | None:
    """Register one font file under a name made from the file itself; None when ReportLab cannot embed it."""
    try:
        stat = path.stat()
        key = f"{path.resolve()}|{subfont}|{stat.st_size}|{stat.st_mtime_ns}"
    except OSError:
        return None
    name = "EcoField-" + hashlib.sha1(key.encode()).hexdigest()[:16]
    if name in pdfmetrics.getRegisteredFontNames():
        return name
    if name in _UNUSABLE:
        return None
    try:
        font = TTFont(name, str(path), subfontIndex=subfont)
    except (TTFError, OSError, ValueError, KeyError, IndexError, AssertionError):
        _UNUSABLE.add(name)  # not parsed again for the next character
        return None  # e.g. an OpenType/CFF font (Noto CJK), which ReportLab cannot embed
    pdfmetrics.registerFont(font)
    _FILES[name] = str(path) + (f"#{subfont}" if subfont else "")
    return name


def has_glyph(name: str, char: str) -> bool:
    """True when the font draws something for char: a cmap entry pointing at an EMPTY outline (WenQuanYi's ℃)
    prints as a blank while pdftotext still reads the character, so it does not count (blanks excepted)."""
    face = pdfmetrics.getFont(name).face
    glyph = face.charToGlyph.get(ord(char))
    if glyph is None:
        return False
    if char in WHITESPACE:
        return True
    positions = getattr(face, "glyphPos", None)
    return positions is None or positions[glyph + 1] > positions[glyph]


def face_name(name: str) -> str:
    face = pdfmetrics.getFont(name).face.name
    return face.decode() if isinstance(face, bytes) else face


# --- system fonts ----------------------------------------------------------------------------------------
def _font_dirs_override() -> tuple[str, ...] | None:
    value = os.environ.get(FONT_DIRS_ENV)
    return None if value is None else tuple(p for p in value.split(os.pathsep) if p)


def _rank(path: Path) -> tuple[int, str]:
    name = path.name.lower()
    return next((i for i, hint in enumerate(HINTS) if hint in name), len(HINTS)), str(path)


def _scan(dirs: tuple[str, ...]) -> list[tuple[Path, int]]:
    files: list[Path] = []
    for folder in dirs:
        root = Path(folder).expanduser()
        if root.is_dir():
            files += [p for p in root.rglob("*") if p.suffix.lower() in (".ttf", ".ttc") and p.is_file()]
    return [(p, 0) for p in sorted(dict.fromkeys(files), key=_rank)]


@lru_cache(maxsize=8)
def _scanned(dirs: tuple[str, ...]) -> tuple[tuple[Path, int], ...]:
    """The font files in dirs, in preference order (listed once; each is read only when a character needs it,
    as a registered font stays in memory)."""
    return tuple(_scan(dirs))


def _fontconfig_files(code: int) -> list[tuple[Path, int]] | None:
    """Font files fontconfig says have the character; None when fontconfig is not there."""
    if not shutil.which("fc-list"):
        return None
    try:
        out = subprocess.run(["fc-list", f":charset={code:x}", "file", "index"], capture_output=True, text=True,
                             timeout=10).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    found = []
    for line in out.splitlines():
        match = re.match(r"(.+?):\s*:index=(\d+)", line.strip())
        if match and Path(match.group(1)).suffix.lower() in (".ttf", ".ttc"):
            found.append((Path(match.group(1)), int(match.group(2))))
    return sorted(set(found), key=lambda f: (_rank(f[0]), f[1]))


def system_font_with(char: str, dirs: tuple[str, ...] | None) -> str | None:
    """The registered name of a system font that draws char: from the folders given (ECO_FIELD_FONT_DIRS),
    else fontconfig, else the platform's font folders."""
    config = (os.environ.get("FONTCONFIG_FILE"), os.environ.get("FONTCONFIG_PATH"))
    return _system_font_with(char, dirs, config)


@lru_cache(maxsize=2048)
def _system_font_with(char: str, dirs: tuple[str, ...] | None, _config: tuple) -> str | None:
    if dirs is None:
        files = None if sys.platform.startswith("win") else _fontconfig_files(ord(char))
        if files is not None:
            names = (register(p, i) for p, i in files)
            return next((n for n in names if n and has_glyph(n, char)), None)
        dirs = WINDOWS_DIRS if sys.platform.startswith("win") else MAC_DIRS if sys.platform == "darwin" \
            else LINUX_DIRS
    names = (register(p, i) for p, i in _scanned(dirs))
    return next((n for n in names if n and has_glyph(n, char)), None)


# --- the chain -------------------------------------------------------------------------------------------
@dataclass
class FontSet:
    """Registered ReportLab font names, in chain order: main first, then the shipped fallbacks; system
    fonts are added as characters need them."""

    names: list[str]
    paths: list[str]
    missing: set[str] = field(default_factory=set)
    system_dirs: tuple[str, ...] | None = None

    @property
    def main(self) -> str:
        return self.names[0]

    def font_for(self, char: str) -> str | None:
        """The first font of the chain that draws char (None when no font has it)."""
        for name in self.names:
            if has_glyph(name, char):
                return name
        name = system_font_with(char, self.system_dirs)
        if name is not None and name not in self.names:
            self.names.append(name)
        return name

    def _font_or_missing(self, char: str) -> str:
        name = self.font_for(char)
        if name is None:
            self.missing.add(char)
            return self.main
        return name

    def markup(self, text: str) -> str:
        """Escaped Paragraph markup; characters the main font cannot draw are wrapped in the chain's <font>."""
        out = []
        for char in text:
            name = self.main if char in "\n\t " else self._font_or_missing(char)
            out.append(escape(char) if name == self.main else f'<font name="{name}">{escape(char)}</font>')
        # an ideographic space would be collapsed like any blank; keep the gap a form leaves for writing
        return "".join(out).replace("\n", "<br/>").replace("\u3000", "&nbsp;&nbsp;")

    def runs(self, text: str) -> list[tuple[str, str]]:
        """(text, font name) runs for drawing straight onto a canvas, each character in a font that has it."""
        out: list[tuple[str, str]] = []
        for char in text:
            name = self.main if char == " " and has_glyph(self.main, char) else self._font_or_missing(char)
            if out and out[-1][1] == name:
                out[-1] = (out[-1][0] + char, name)
            else:
                out.append((char, name))
        return out

    def width(self, text: str, size: float) -> float:
        return sum(pdfmetrics.stringWidth(t, f, size) for t, f in self.runs(text))

    def draw(self, canvas, x: float, y: float, text: str, size: float, align: str = "left") -> None:
        runs = self.runs(text)
        x -= {"left": 0, "centre": self.width(text, size) / 2, "right": self.width(text, size)}[align]
        for chunk, name in runs:
            canvas.setFont(name, size)
            canvas.drawString(x, y, chunk)
            x += pdfmetrics.stringWidth(chunk, name, size)

    def refuse_missing(self) -> None:
        """BadInput naming every character no font of the chain (nor of the system) can draw."""
        if self.missing:
            chars = "、".join(f"「{c}」（U+{ord(c):04X}）" for c in sorted(self.missing))
            raise BadInput("fonts.missing_glyph", chars=chars, setting=FONT_SETTING)


def _configured(spec: str) -> tuple[Path, int] | None:
    if not spec:
        return None
    path, subfont = parse_spec(spec)
    if not path.is_file():
        raise BadInput("fonts.not_found", font=spec, setting=FONT_SETTING)
    return path, subfont


@lru_cache(maxsize=16)
def _load(spec: str, identity: tuple) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Registered names and paths of the chain; identity (the files' stats) makes a replaced file load anew."""
    names, paths = [], []
    configured = _configured(spec)
    if configured:
        name = register(*configured)
        if not name or not all(has_glyph(name, ch) for ch in PROBE):
            raise BadInput("fonts.not_embeddable", font=spec)
        names.append(name)
        paths.append(str(configured[0]) + (f"#{configured[1]}" if configured[1] else ""))
    for path in SHIPPED_CHAIN:
        name = register(path)
        if name and name not in names:
            names.append(name)
            paths.append(str(path))
    if not names:
        raise BadInput("fonts.none", font=str(SHIPPED_FONT))
    return tuple(names), tuple(paths)


def _identity(spec: str) -> tuple:
    stats = []
    for path in ([parse_spec(spec)[0]] if spec else []) + list(SHIPPED_CHAIN):
        try:
            st = path.stat()
            stats.append((str(path), st.st_size, st.st_mtime_ns))
        except OSError:
            stats.append((str(path), None, None))
    return tuple(stats)


def font_set(configured: str = "") -> FontSet:
    """The font chain for one document (a fresh missing-glyph record each time; registration is cached)."""
    spec = (configured or "").strip()
    names, paths = _load(spec, _identity(spec))
    return FontSet(list(names), list(paths), system_dirs=_font_dirs_override())


def system_source() -> str:
    """Where system fonts come from, for `documents fonts`."""
    dirs = _font_dirs_override()
    if dirs is not None:
        return f"{FONT_DIRS_ENV}: " + os.pathsep.join(dirs)
    return "fontconfig" if shutil.which("fc-list") and not sys.platform.startswith("win") else "font folders"
