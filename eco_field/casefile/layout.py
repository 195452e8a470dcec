"""The case-file format: names inside the zip and the limits a verifier holds a zip to."""

from __future__ import annotations

import re

FORMAT = "eco-field-case/1"
MANIFEST = "manifest.json"
RECORD = "case.json"

# A verifier refuses archives beyond these: they are far above any real case and stop zip bombs.
MAX_ENTRIES = 100_000
MAX_TOTAL_BYTES = 64 * 1024**3
MAX_MANIFEST_BYTES = 64 * 1024**2
MAX_RATIO = 200  # uncompressed / compressed, for entries over 1 MiB

_UNSAFE = re.compile(r"[\x00-\x1f\\/:*?\"<>|]+")


def safe_component(text: str, fallback: str = "file") -> str:
    """A file-name component with no separators, control characters or dot-only names."""
    cleaned = _UNSAFE.sub("_", text).strip(" .")
    return cleaned[:120] or fallback


def path_problem(name: str) -> str | None:
    """Why name is not acceptable as a path inside a case file, or None."""
    if not name or name.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:", name):
        return "absolute path"
    if "\\" in name or "\x00" in name:
        return "backslash or NUL in path"
    parts = name.split("/")
    if any(part in ("", ".", "..") for part in parts):
        return "path traversal or empty component"
    return None
