"""The work done for one file, in a pool process: read once, hash, check, extract, thumbnail, store.

Order matters for crash safety: the original is written into the store (temp file, fsync, rename) and its
thumbnail into the cache before the parent process commits the database row, so a kill at any moment
leaves at worst an unreferenced blob or a stray temp file, never a row without its file.
"""

from __future__ import annotations

import errno
import hashlib
import os
import signal
import stat
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from eco_field.atomicfile import fsync_dir
from eco_field.evidence import metadata, pixels, sniff
from eco_field.store.blobs import make_read_only

MAX_FILE_BYTES = 256 * 1024 * 1024
PER_FILE_TIMEOUT_S = 60
THUMB_SIZE = 256


@dataclass(frozen=True)
class Job:
    index: int
    path: str
    original_name: str
    store_root: str
    cache_root: str
    tz_name: str


class FileTimeout(Exception):
    pass


def process(job: Job) -> dict[str, Any]:
    """A result dict: ok + sha256/size/ext/meta, or ok=False + error (the reason for the officer)."""
    with _time_limit(PER_FILE_TIMEOUT_S):
        try:
            return _process(job)
        except pixels.UnreadablePhoto as exc:
            return _refused(job, str(exc))
        except FileTimeout:
            return _refused(job, f"gave up after {PER_FILE_TIMEOUT_S} s (looping or hostile metadata)")
        except RecursionError:
            return _refused(job, "looping metadata (an IFD refers to itself)")
        except MemoryError:
            return _refused(job, "not enough memory to read this file")


def _refused(job: Job, reason: str) -> dict[str, Any]:
    return {"index": job.index, "ok": False, "path": job.path, "error": reason}


def _process(job: Job) -> dict[str, Any]:
    data = read_original(Path(job.path))
    media_type = sniff.media_type(data[:64])
    if media_type is None:
        raise pixels.UnreadablePhoto(f"not a photo: {sniff.describe(data[:64])}")
    sha = hashlib.sha256(data).hexdigest()
    ext = sniff.EXTENSIONS[media_type]
    meta = metadata.extract(data, media_type, job.tz_name)
    thumb = thumbnail_file(Path(job.cache_root), sha, THUMB_SIZE)
    stored = find_blob(Path(job.store_root), sha)
    if stored is None or not thumb.exists():
        # the copy is written and fsynced in a thread while this one decodes; it only gets its final
        # name once the pixels proved readable, so a refused file never enters the store
        copy = PendingCopy(Path(job.store_root), sha, ext, data) if stored is None else None
        try:
            rendered = pixels.render(data, media_type, meta["orientation"], THUMB_SIZE)
        except BaseException:
            if copy:
                copy.discard()
            raise
        width, height = pixels.as_stored(media_type, rendered.width, rendered.height, meta["orientation"])
        meta.update(width=width, height=height, thumbnail_source=rendered.source)
        if rendered.warning:
            meta["warnings"].append(rendered.warning)
        if copy:
            stored = copy.commit()
        if rendered.jpeg is not None:
            write_atomic(thumb, rendered.jpeg, durable=False, tmp_dir=Path(job.cache_root) / ".tmp")
    else:  # validated when it was first stored; only the declared size is needed again
        meta.update(zip(("width", "height"), pixels.as_stored(media_type, *pixels.declared_size(data),
                                                               meta["orientation"]), strict=True))
    return {"index": job.index, "ok": True, "path": job.path, "original_name": job.original_name, "sha256": sha,
            "size": len(data), "ext": stored.suffix.lstrip("."), "meta": meta}


def read_original(path: Path) -> bytes:
    """The whole file, opened read-only; raises UnreadablePhoto with the reason when it cannot be read."""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):  # a pipe would block the import forever
            raise pixels.UnreadablePhoto("not a regular file (a device, pipe or socket)")
        with open(path, "rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            if size > MAX_FILE_BYTES:
                raise pixels.UnreadablePhoto(f"file too large for a photo ({size // (1024 * 1024)} MB)")
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise pixels.UnreadablePhoto(_os_reason(exc)) from exc
    if not data:
        raise pixels.UnreadablePhoto("empty file (0 bytes)")
    return data


def _os_reason(exc: OSError) -> str:
    if exc.errno == errno.ELOOP:
        return "symbolic link loop"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "cannot read the file: permission denied"
    if exc.errno == errno.ENOENT:
        return "no such file (removed or a broken link)"
    if exc.errno == errno.EISDIR:
        return "is a folder"
    return f"cannot read the file: {exc.strerror or exc}"


def find_blob(store_root: Path, sha: str) -> Path | None:
    folder = store_root / sha[:2]
    if not folder.is_dir():
        return None
    for candidate in folder.glob(f"{sha}*"):
        if candidate.name.split(".", 1)[0] == sha and candidate.is_file():
            return candidate
    return None


class PendingCopy:
    """Writes data to a temp file in the store and fsyncs it on a thread; commit() renames it into place."""

    def __init__(self, store_root: Path, sha: str, ext: str, data: bytes) -> None:
        self.final = store_root / sha[:2] / f"{sha}.{ext}"
        tmp_dir = store_root / ".tmp"
        tmp_dir.mkdir(parents=True, exist_ok=True)
        fd, self.tmp_name = tempfile.mkstemp(dir=tmp_dir, prefix=f"in-{os.getpid()}-", suffix=".part")
        self.error: BaseException | None = None
        self.thread = threading.Thread(target=self._write, args=(fd, data), daemon=True)
        self.thread.start()

    def _write(self, fd: int, data: bytes) -> None:
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(data)
                out.flush()
                os.fsync(out.fileno())
        except BaseException as exc:  # re-raised in commit(), on the caller's thread
            self.error = exc

    def commit(self) -> Path:
        self.thread.join()
        if self.error is not None:
            self.discard()
            raise self.error
        self.final.parent.mkdir(parents=True, exist_ok=True)
        make_read_only(Path(self.tmp_name))  # an original in the store is a read-only file
        os.replace(self.tmp_name, self.final)
        fsync_dir(self.final.parent)
        return self.final

    def discard(self) -> None:
        self.thread.join()
        if os.path.exists(self.tmp_name):
            os.unlink(self.tmp_name)


def thumbnail_file(cache_root: Path, sha: str, size: int) -> Path:
    kind = "thumbs" if size <= THUMB_SIZE else "previews"
    return cache_root / kind / sha[:2] / f"{sha}.jpg"


def write_atomic(final: Path, data: bytes, *, durable: bool, tmp_dir: Path | None = None) -> None:
    tmp_dir = tmp_dir or final.parent
    tmp_dir.mkdir(parents=True, exist_ok=True)
    final.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(dir=tmp_dir, prefix=f"in-{os.getpid()}-", suffix=".part")
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            if durable:
                out.flush()
                os.fsync(out.fileno())
        os.replace(tmp_name, final)
    except BaseException:
        if os.path.exists(tmp_name):
            os.unlink(tmp_name)
        raise
    if durable:
        fsync_dir(final.parent)


class _time_limit:
    """SIGALRM-based limit where available (POSIX, main thread); elsewhere no limit."""

    def __init__(self, seconds: int) -> None:
        self.seconds = seconds
        self.active = hasattr(signal, "SIGALRM") and threading.current_thread() is threading.main_thread()

    def __enter__(self) -> None:
        if self.active:
            self.previous = signal.signal(signal.SIGALRM, self._expired)
            signal.setitimer(signal.ITIMER_REAL, self.seconds)

    def __exit__(self, *exc: object) -> None:
        if self.active:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, self.previous)

    @staticmethod
    def _expired(signum, frame) -> None:
        raise FileTimeout()
