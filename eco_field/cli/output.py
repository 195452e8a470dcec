"""What commands print: JSON only on stdout with --json; human text otherwise; progress on stderr."""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from eco_field import messages
from eco_field.errors import BadInput
from eco_field.workspace import Workspace


def open_workspace(args: argparse.Namespace, *, create: bool = False) -> Workspace:
    return Workspace.open(getattr(args, "data_dir", None), create=create)


def output_file(path: Path) -> Path:
    """The -o FILE of a command, checked before any work: BadInput (exit 2) when it cannot be written there."""
    if path.is_dir():
        raise BadInput("cli.output_is_folder", path=path, example=path / "out.zip")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=path.parent):  # a real probe: permission bits mean nothing to root
            pass
    except OSError as exc:
        raise BadInput("cli.cannot_write", path=path, detail=messages.os_reason(exc)) from exc
    return path


def print_json(value: Any) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")


def emit(args: argparse.Namespace, value: Any, text: Callable[[], str] | str) -> None:
    """Print value as JSON when --json was given, else the human text."""
    if getattr(args, "json", False):
        print_json(value)
    else:
        print(text() if callable(text) else text)


def add_json_flag(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print JSON only")


def counts_text(counts: dict[str, Any]) -> str:
    """{"officers": 41, "enterprises": 44, "lists": {...}} as a line an officer reads: 41 名执法人员、44 家企业 …
    (each key's words from cli.count.<key>; a nested count reads in brackets after its own name)."""
    zh = messages.language() == "zh_CN"
    parts = []
    for key, value in counts.items():
        code = f"cli.count.{key}"
        if isinstance(value, dict):
            inner = counts_text(value)
            parts.append(messages.text(code, inner=inner) if messages.has(code) else f"{key} ({inner})")
        else:
            parts.append(messages.text(code, n=value) if messages.has(code) else f"{key} {value}")
    return ("、" if zh else ", ").join(parts)


def table(rows: Iterable[Iterable[Any]], headers: Iterable[str]) -> str:
    rows = [["" if v is None else str(v) for v in row] for row in rows]
    headers = [messages.text(h) if messages.is_code(h) else h for h in headers]  # column names in the language
    widths = [max(_width(h), *(_width(r[i]) for r in rows)) if rows else _width(h) for i, h in enumerate(headers)]
    lines = ["  ".join(_pad(h, w) for h, w in zip(headers, widths, strict=True))]
    lines += ["  ".join(_pad(v, w) for v, w in zip(row, widths, strict=True)) for row in rows]
    return "\n".join(lines)


def _width(text: str) -> int:
    # CJK characters take two columns in a terminal
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))


class Progress:
    """A one-line progress counter on stderr, shown only when stderr is a terminal."""

    def __init__(self, label: str, total: int | None = None) -> None:
        self.label, self.total, self.done = label, total, 0
        self.enabled = sys.stderr.isatty()

    def advance(self, step: int = 1, note: str = "") -> None:
        self.done += step
        if self.enabled:
            of = f"/{self.total}" if self.total else ""
            sys.stderr.write(f"\r{self.label}: {self.done}{of} {note[:40]:<40}")
            sys.stderr.flush()

    def finish(self) -> None:
        if self.enabled:
            sys.stderr.write("\n")
