"""The content-addressed store of originals: evidence/<first 2 hex>/<sha256>.<ext>, written atomically.

A file enters the store by streaming it once: hashed while it is copied to a temporary file in the store,
fsynced, then renamed into place. An existing blob is never rewritten, so an original is never modified;
once in place it is a read-only file (make_read_only), so a slip of another program cannot write to it either.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from eco_field.atomicfile import fsync_dir
from eco_field.clock import utc_now

if TYPE_CHECKING:
    import sqlite_utils  # annotations only: the store's readers also take a plain sqlite3 connection

CHUNK = 1024 * 1024
READ_ONLY = 0o444


def make_read_only(path: Path) -> None:
    """Mark a stored original read-only (best effort: a file system without modes keeps its own)."""
    try:
        os.chmod(path, READ_ONLY)
    except OSError:
        pass


@dataclass(frozen=True)
class BlobRef:
    sha256: str
    size: int
    ext: str
    path: Path


def normalise_ext(name_or_ext: str) -> str:
    ext = name_or_ext.rsplit(".", 1)[-1] if "." in name_or_ext else name_or_ext
    ext = ext.lower()
    return ext if ext.isalnum() and len(ext) <= 8 else ""


class BlobStore:
    def __init__(self, root: Path) -> None:
        self.root = root

    def path_for(self, sha256: str, ext: str) -> Path:
        name = f"{sha256}.{ext}" if ext else sha256
        return self.root / sha256[:2] / name

    def find(self, sha256: str) -> Path | None:
        folder = self.root / sha256[:2]
        for candidate in (folder / sha256, *folder.glob(f"{sha256}.*")):
            if candidate.is_file():
                return candidate
        return None

    def put_file(self, source: Path, ext: str | None = None) -> BlobRef:
        """Copy source into the store (if its bytes are not there yet) and return its reference."""
        ext = normalise_ext(ext if ext is not None else source.name)
        with open(source, "rb") as src:
            return self._put_stream(src.read, ext)

    def put_bytes(self, data: bytes, ext: str) -> BlobRef:
        view = memoryview(data)
        offset = 0

        def read(n: int) -> bytes:
            nonlocal offset
            chunk = bytes(view[offset:offset + n])
            offset += len(chunk)
            return chunk

        return self._put_stream(read, normalise_ext(ext))

    def _put_stream(self, read, ext: str) -> BlobRef:
        tmp_dir = self.root / ".tmp"
        tmp_dir.mkdir(parents=True, exist_ok=True)
        digest, size = hashlib.sha256(), 0
        fd, tmp_name = tempfile.mkstemp(dir=tmp_dir, prefix="in-")
        try:
            with os.fdopen(fd, "wb") as out:
                while chunk := read(CHUNK):
                    digest.update(chunk)
                    out.write(chunk)
                    size += len(chunk)
                out.flush()
                os.fsync(out.fileno())
            sha = digest.hexdigest()
            final = self.path_for(sha, ext)
            if final.exists() and final.stat().st_size == size:
                os.unlink(tmp_name)
            else:
                final.parent.mkdir(parents=True, exist_ok=True)
                make_read_only(Path(tmp_name))  # before the rename: never writable under its final name
                os.replace(tmp_name, final)
                fsync_dir(final.parent)
        except BaseException:
            if os.path.exists(tmp_name):
                os.unlink(tmp_name)
            raise
        return BlobRef(sha, size, ext, final)

    def verify(self, sha256: str) -> str:
        """'ok', 'missing' or 'altered' for the stored copy of sha256."""
        path = self.find(sha256)
        if path is None:
            return "missing"
        return "ok" if file_sha256(path) == sha256 else "altered"


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def register(db: sqlite_utils.Database, ref: BlobRef) -> None:
    """Index the stored blob (no-op when already indexed); inside the caller's transaction."""
    db.execute(
        "INSERT OR IGNORE INTO blobs (sha256, size, ext, created_at) VALUES (?, ?, ?, ?)",
        [ref.sha256, ref.size, ref.ext, utc_now()],
    )
