"""Atomic file output: write to a temporary file beside the target, fsync, rename. A crash leaves the old
file or the new one, never half of either."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def atomic_output(target: Path, suffix: str = "") -> Iterator[Path]:
    """Yields a temporary path to write; on success it is fsynced and renamed onto target."""
    target = Path(target).resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=suffix or ".part")
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        yield tmp
        with open(tmp, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(tmp, target)
        fsync_dir(target.parent)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def write_bytes_atomically(target: Path, data: bytes) -> None:
    with atomic_output(target) as tmp:
        tmp.write_bytes(data)


def fsync_dir(folder: Path) -> None:
    """Make a rename in folder durable (where the platform lets a directory be opened)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return  # Windows cannot open a directory; the rename is still atomic there
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
