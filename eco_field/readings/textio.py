"""Reading instrument files as text: encoding detection, line ends, NULs, delimiters, streaming rows.

Encodings: BOMs first (UTF-8, UTF-16), then UTF-8 strictly, then GB18030 when the result reads as Chinese,
else cp1252/latin-1. The choice is made from the first 64 KiB; a later byte that does not decode is a
"mixed encodings" error naming the line. Line ends: \\n, \\r\\n, lone \\r and \\r\\r\\n (Calcmet), with no
phantom blank rows; NUL bytes (DJI logs) are dropped.
"""

from __future__ import annotations

import codecs
import csv
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from eco_field.errors import BadInput
from eco_field.messages import Message

HEAD_BYTES = 64 * 1024
csv.field_size_limit(16 * 1024 * 1024)


@dataclass
class Source:
    """One file to import: its path, first bytes and the encoding detected from them."""

    path: Path
    head: bytes
    encoding: str = ""
    is_xlsx: bool = False
    is_xls: bool = False  # legacy Excel 97-2003 workbook (Eureka, many Chinese PC programs)
    notes: list = field(default_factory=list)  # warnings found while reading (messages.Message)

    @property
    def name(self) -> str:
        return self.path.name

    def head_text(self, encoding: str | None = None) -> str:
        return self.head.decode(encoding or self.encoding or "latin-1", errors="replace").replace("\x00", "")

    def head_lines(self, limit: int = 60, encoding: str | None = None) -> list[str]:
        text = self.head_text(encoding).lstrip("\ufeff")
        lines = [ln for ln in re.split(r"\r\r\n|\r\n|\n|\r", text)]
        if len(self.head) >= HEAD_BYTES:
            lines = lines[:-1]  # the last one may be cut
        return lines[:limit]


def open_source(path: Path) -> Source:
    """Read the head of path and decide its encoding; BadInput for a missing, empty or binary file."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(HEAD_BYTES)
    except FileNotFoundError as exc:
        raise BadInput("readings.file.missing", file=str(path)) from exc
    except IsADirectoryError as exc:
        raise BadInput("readings.file.folder", file=str(path)) from exc
    except OSError as exc:
        raise BadInput("readings.file.unreadable", file=str(path), detail=exc.strerror or "") from exc
    if not head.strip(b" \t\r\n\x00\xef\xbb\xbf"):
        raise BadInput("readings.file.empty", file=str(path))
    if head.startswith(b"PK\x03\x04"):
        return Source(path, head, "", is_xlsx=True)
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return Source(path, head, "", is_xls=True)
    return Source(path, head, detect_encoding(head, path))


def detect_encoding(head: bytes, path: Path | str = "") -> str:
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    if len(head) >= 4 and head[1::2].count(0) > 0.4 * (len(head) // 2) and head[0::2].count(0) < 0.05 * len(head):
        return "utf-16-le"
    if _looks_binary(head):
        raise BadInput("readings.file.binary", file=str(path))
    if _decodes(head, "utf-8"):
        return "utf-8"
    _refuse_mixed_utf8(head, path)
    if _decodes(head, "gb18030") and _reads_as_chinese(head):
        return "gb18030"
    return "cp1252" if _decodes(head, "cp1252") else "latin-1"


def _refuse_mixed_utf8(head: bytes, path: Path | str) -> None:
    """Some lines UTF-8 Chinese, others not UTF-8: a file pasted together from two programs."""
    lines = head.split(b"\n")
    if len(head) >= HEAD_BYTES:
        lines = lines[:-1]
    good = bad = 0
    first_bad = 0
    for number, line in enumerate(lines, start=1):
        if line.isascii():
            continue
        try:
            text = line.decode("utf-8")
        except UnicodeDecodeError:
            bad += 1
            first_bad = first_bad or number
            continue
        good += sum(1 for ch in text if 0x4E00 <= ord(ch) <= 0x9FFF) >= 2
    if good and bad:
        raise BadInput("readings.file.mixed_utf8", file=str(path), line=first_bad)


def _looks_binary(head: bytes) -> bool:
    control = sum(head.count(bytes([b])) for b in (*range(0, 9), *range(14, 26), *range(28, 32)))
    return control > 0.05 * len(head)


def _decodes(data: bytes, encoding: str) -> bool:
    decoder = codecs.getincrementaldecoder(encoding)("strict")
    try:
        decoder.decode(data, final=len(data) < HEAD_BYTES)
    except UnicodeDecodeError:
        return False
    return True


def _reads_as_chinese(head: bytes) -> bool:
    """GB18030 decodes almost any byte pair, so also require the result to look like Chinese text: CJK
    characters mostly in runs (words), not lone ones between Latin letters ('Temp (°C)' in latin-1 would
    otherwise read as one stray ideograph)."""
    text = codecs.getincrementaldecoder("gb18030")("replace").decode(head, final=False)
    wide = [ch for ch in text if ord(ch) > 0x7F]
    good = sum(1 for ch in wide if _chinese(ch) or ch in "℃°μ×·—“”‘’…")
    if not wide or good < 0.9 * len(wide):
        return False
    cjk = [i for i, ch in enumerate(text) if 0x4E00 <= ord(ch) <= 0x9FFF]
    in_runs = sum(1 for i in cjk if (i - 1 >= 0 and _chinese(text[i - 1])) or (i + 1 < len(text) and _chinese(text[i + 1])))
    return not cjk or in_runs >= 0.5 * len(cjk)


def _chinese(ch: str) -> bool:
    code = ord(ch)
    return 0x4E00 <= code <= 0x9FFF or 0x3000 <= code <= 0x303F or 0xFF00 <= code <= 0xFFEF


def mixed_encoding_error(path: Path, encoding: str) -> BadInput:
    """The error for a file whose bytes stop decoding part-way: finds the exact line of the first bad byte."""
    decoder = codecs.getincrementaldecoder(encoding)("strict")
    newlines = 0
    with open(path, "rb") as fh:
        while chunk := fh.read(1 << 20):
            try:
                decoder.decode(chunk)
            except UnicodeDecodeError as exc:
                offset = max(0, exc.start - len(decoder.getstate()[0]))
                newlines += chunk[:offset].count(b"\n")
                break
            newlines += chunk.count(b"\n")
    return BadInput("readings.file.mixed", file=str(path), line=newlines + 1, encoding=encoding)


class LineReader:
    """Physical lines of a text file without their line ends; `number` is the current 1-based line."""

    def __init__(self, source: Source, encoding: str | None = None) -> None:
        self.source = source
        self.encoding = encoding or source.encoding or "utf-8"
        self.number = 0

    def _utf16_lines(self) -> Iterator[str]:
        """UTF-16 read whole (these exports are small): an odd byte count means the file was cut off, which
        is said as such (the last, incomplete line then fails as a torn row) instead of a decoding error."""
        data = self.source.path.read_bytes()
        truncated = len(data) % 2 == 1
        text = data[:-1 if truncated else None].decode(self.encoding, errors="strict")
        lines = text.splitlines(keepends=True)
        if truncated:
            if lines and not lines[-1].endswith(("\n", "\r")):
                lines.pop()  # the cut line: a number in it may have lost digits
            self.source.notes.append(Message("readings.file.truncated_utf16",
                                             {"file": self.source.name, "line": len(lines) + 1}))
        yield from lines

    def __iter__(self) -> Iterator[str]:
        bare_cr = False
        try:
            with open(self.source.path, encoding=self.encoding, errors="strict", newline="") as fh:
                lines = self._utf16_lines() if self.encoding.startswith("utf-16") else fh
                for raw in lines:
                    if raw.endswith("\n"):
                        if bare_cr and raw == "\r\n":  # the second half of \r\r\n: not a row
                            bare_cr = False
                            continue
                        text = raw[:-2] if raw.endswith("\r\n") else raw[:-1]
                        bare_cr = False
                    elif raw.endswith("\r"):
                        text, bare_cr = raw[:-1], True
                    else:
                        text, bare_cr = raw, False
                    self.number += 1
                    if self.number == 1 and text.startswith("\ufeff"):
                        text = text[1:]
                    if "\x00" in text:
                        text = text.replace("\x00", "")
                    yield text
        except UnicodeDecodeError as exc:
            raise mixed_encoding_error(self.source.path, self.encoding) from exc


def sniff_delimiter(lines: list[str]) -> str:
    """The separator that splits the sample lines into the most consistent number of fields."""
    sample = [ln for ln in lines if ln.strip() and not ln.lstrip().startswith("#")][:40]
    best, best_score = ",", (-1, -1)
    for delim in ("\t", ";", ",", "|"):
        counts = [_count_outside_quotes(ln, delim) for ln in sample]
        counts = [c for c in counts if c > 0]
        if not counts:
            continue
        mode, freq = Counter(counts).most_common(1)[0]
        score = (freq, mode)
        if score > best_score:
            best, best_score = delim, score
    return best


def _count_outside_quotes(line: str, delim: str) -> int:
    if '"' not in line:
        return line.count(delim)
    count, quoted = 0, False
    for ch in line:
        if ch == '"':
            quoted = not quoted
        elif ch == delim and not quoted:
            count += 1
    return count


_DECIMAL_COMMA = re.compile(r"^\s*[+-]?\d+,\d+\s*$")


def uses_decimal_comma(rows: list[list[str]]) -> bool:
    """True when number cells look like 12,34 (only possible when ',' is not the separator)."""
    cells = [c for row in rows for c in row]
    return sum(1 for c in cells if _DECIMAL_COMMA.match(c)) >= 1
