"""Which files an import covers: the files given, and folders walked recursively (symlink loops refused)."""

from __future__ import annotations

import os
import time
from pathlib import Path

# Operating-system litter on camera cards, skipped silently (it is not the officer's material).
SKIP_NAMES = {".DS_Store", "Thumbs.db", "desktop.ini", "System Volume Information", "$RECYCLE.BIN"}


def expand(paths: list[str | os.PathLike[str]]) -> tuple[list[tuple[Path, str]], list[dict[str, str]]]:
    """(file path, original name) in a stable order, and errors for paths that cannot be walked.

    The original name is the path relative to the folder given, or the file name for a file given directly.
    """
    files: list[tuple[Path, str]] = []
    errors: list[dict[str, str]] = []
    seen: set[str] = set()
    for given in paths:
        path = Path(given)
        try:
            is_dir = path.is_dir()
            exists = is_dir or path.exists() or path.is_symlink()
        except OSError as exc:  # ELOOP on a looping link given directly
            errors.append({"path": str(path), "error": f"cannot open: {exc.strerror or exc}"})
            continue
        if not exists:
            errors.append({"path": str(path), "error": "no such file or folder"})
        elif is_dir:
            _walk(path, files, errors, seen)
        else:
            _add(path, path.name, files, seen)
    return files, errors


def _add(path: Path, name: str, files: list[tuple[Path, str]], seen: set[str]) -> None:
    key = os.path.abspath(path)
    if key not in seen:
        seen.add(key)
        files.append((path, name))


def _walk(root: Path, files: list[tuple[Path, str]], errors: list[dict[str, str]], seen: set[str]) -> None:
    visited: set[tuple[int, int]] = set()
    for folder, dirnames, filenames in os.walk(root, followlinks=True, onerror=None):
        try:
            stat = os.stat(folder)
        except OSError as exc:
            errors.append({"path": folder, "error": f"cannot open folder: {exc.strerror or exc}"})
            dirnames[:] = []
            continue
        if (stat.st_dev, stat.st_ino) in visited:
            errors.append({"path": folder, "error": "symbolic link loop (folder already visited)"})
            dirnames[:] = []
            continue
        visited.add((stat.st_dev, stat.st_ino))
        dirnames[:] = sorted(d for d in dirnames if not d.startswith(".") and d not in SKIP_NAMES)
        for name in sorted(filenames):
            if name in SKIP_NAMES or name.startswith("._"):
                continue
            path = Path(folder) / name
            _add(path, path.relative_to(root).as_posix(), files, seen)


def clean_stale_temps(folder: Path, max_age_s: float = 24 * 3600) -> int:
    """Remove temp files left by a killed import (their process is gone, or they are old)."""
    removed = 0
    if not folder.is_dir():
        return 0
    for item in folder.glob("in-*"):
        if _owner_alive(item.name) and time.time() - _mtime(item) < max_age_s:
            continue
        try:
            item.unlink()
            removed += 1
        except OSError:
            pass
    return removed


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return time.time()


def _owner_alive(name: str) -> bool:
    """Our temp names carry the writer's pid (in-<pid>-...); others count as alive until they are old."""
    parts = name.split("-")
    if len(parts) < 3 or not parts[1].isdigit() or os.name != "posix":
        return True
    pid = int(parts[1])
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return not _zombie(pid)


def _zombie(pid: int) -> bool:
    """A killed process nobody reaped yet (containers often lack an init that reaps) is not alive."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state in ("Z", "X")
