"""Sending originals by SHA-256: ask which the bureau lacks, upload those in chunks, resume from its offset.

The local originals are never removed; a blob the bureau confirms is listed in sync_blobs and not asked
about again. A blob the bureau refuses (its bytes do not match the hash) is reported and skipped, and
everything else carries on.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from pathlib import Path
from typing import Any

import sqlite_utils

from eco_field.messages import text
from eco_field.store.blobs import BlobStore
from eco_field.store.database import write_transaction
from eco_field.sync import state
from eco_field.sync.transport import BureauConnection, SyncError, check

CHUNK_BYTES = 4 * 1024 ** 2
PIECE_BYTES = 256 * 1024  # read from disk and written to the socket in these
ASK_PAGE = 1000
MAX_RESYNCS = 5
PARALLEL = 3  # blobs in flight at once (the bureau's disk waits overlap)


class BlobRefused(Exception):
    pass


class _Sent:
    """Bytes handed to the network by the upload workers (read by the calling thread for progress)."""

    def __init__(self) -> None:
        self.lock, self.bytes = threading.Lock(), 0

    def add(self, n: int) -> None:
        with self.lock:
            self.bytes += n


def push_blobs(db: sqlite_utils.Database, store: BlobStore, conn: BureauConnection, *,
               chunk_size: int = CHUNK_BYTES, progress: Callable[[str, int, int | None], None] | None = None,
               cancel: Callable[[], bool] | None = None, totals: dict[str, Any] | None = None,
               parallel: int = PARALLEL) -> dict[str, Any]:
    """Counts blobs_sent, blob_bytes_sent, blob_errors, kept in totals as they happen when given.

    Up to `parallel` blobs travel at once (the bureau's disk waits overlap); the workers only talk
    HTTP, while this thread records confirmations and reports progress.
    """
    result = totals if totals is not None else {}
    for key, empty in (("blobs_sent", 0), ("blob_bytes_sent", 0), ("blob_errors", [])):
        result.setdefault(key, empty)
    todo = _ask_missing(db, conn, state.unconfirmed_blobs(db))
    total = sum(size - offset for _, size, _, offset in todo)
    sent, base, failure = _Sent(), result["blob_bytes_sent"], None
    queue = iter(todo)
    with ThreadPoolExecutor(max_workers=max(1, parallel), thread_name_prefix="blob-upload") as pool:
        running: dict[Future, tuple[str, int]] = {}
        while True:
            while failure is None and len(running) < max(1, parallel) and not (cancel and cancel()):
                item = next(queue, None)
                if item is None:
                    break
                sha, size, _ext, offset = item
                path = store.find(sha)
                if path is None:
                    result["blob_errors"].append({"sha256": sha, "error": text("sync.blob.local_missing")})
                    continue
                running[pool.submit(_upload, conn, path, sha, size, offset, chunk_size, sent, cancel)] = (sha, size)
            if not running:
                break
            done, _ = wait(running, timeout=0.2, return_when=FIRST_COMPLETED)
            for future in done:
                sha, size = running.pop(future)
                failure = _settle(db, future, sha, size, result) or failure
            result["blob_bytes_sent"] = base + sent.bytes
            if progress:
                progress("blobs", sent.bytes, total)
    if failure is not None:
        raise failure
    return result


def _settle(db: sqlite_utils.Database, future: Future, sha: str, size: int,
            result: dict[str, Any]) -> BaseException | None:
    """Record one finished upload; returns the error that must stop the sync, if any."""
    try:
        complete = future.result()
    except BlobRefused as exc:
        result["blob_errors"].append({"sha256": sha, "error": str(exc)})
        return None
    except SyncError as exc:
        return exc
    if complete:
        with write_transaction(db):
            state.confirm_blob(db, sha, size)
        result["blobs_sent"] += 1
    return None


def _ask_missing(db: sqlite_utils.Database, conn: BureauConnection,
                 candidates: list[tuple[str, int, str]]) -> list[tuple[str, int, str, int]]:
    """(sha, size, ext, committed offset) of the blobs to send; those the bureau holds are confirmed."""
    todo = []
    for start in range(0, len(candidates), ASK_PAGE):
        page = candidates[start:start + ASK_PAGE]
        answer = conn.json("POST", "/blobs/missing", {"hashes": [sha for sha, _, _ in page]})
        missing, partial = set(answer["missing"]), answer.get("partial", {})
        with write_transaction(db):
            for sha, size, _ in page:
                if sha not in missing:
                    state.confirm_blob(db, sha, size)
        todo += [(sha, size, ext, int(partial.get(sha, 0))) for sha, size, ext in page if sha in missing]
    return todo


def _upload(conn: BureauConnection, path: Path, sha: str, size: int, offset: int, chunk_size: int, sent: _Sent,
            cancel: Callable[[], bool] | None) -> bool:
    """True once the bureau has the whole blob; False when cancelled between chunks. Runs on a worker."""
    if path.stat().st_size != size:
        raise BlobRefused(text("sync.blob.size_changed", path=path, actual=path.stat().st_size, size=size))
    resyncs = 0
    with open(path, "rb") as source:
        while True:
            length = min(chunk_size, size - offset)
            response = conn.request("PATCH", f"/uploads/{sha}", content=_pieces(source, offset, length, sent),
                                    headers={"Upload-Offset": str(offset), "Upload-Length": str(size),
                                             "Content-Length": str(length),
                                             "Content-Type": "application/offset+octet-stream"})
            if response.status_code in (409, 423) and resyncs < MAX_RESYNCS:
                resyncs += 1  # the bureau's offset differs (an earlier cut) or a PATCH is still in flight
                time.sleep(0.05 * resyncs if response.status_code == 423 else 0)
                offset = _server_offset(conn, sha, response)
                continue
            if response.status_code == 422:
                raise BlobRefused(text("sync.blob.hash_mismatch"))
            if response.status_code == 404:  # no record of this device names it (e.g. its record was refused)
                raise BlobRefused(text("sync.blob.no_record"))
            check(response)
            offset = int(response.headers.get("Upload-Offset", offset + length))
            if response.headers.get("Upload-Complete") == "1":
                return True
            if length == 0:
                raise BlobRefused(text("sync.blob.incomplete", sha=sha[:12], size=size))
            if cancel and cancel():
                return False


def _pieces(source, offset: int, length: int, sent: _Sent) -> Iterator[bytes]:
    """The chunk's bytes as they are written to the connection (counted then, so a cut counts only what
    actually left); never more than one piece in memory."""
    source.seek(offset)
    while length > 0:
        piece = source.read(min(PIECE_BYTES, length))
        if not piece:
            return
        length -= len(piece)
        sent.add(len(piece))
        yield piece


def _server_offset(conn: BureauConnection, sha: str, response) -> int:
    if "Upload-Offset" in response.headers:
        return int(response.headers["Upload-Offset"])
    head = conn.request("HEAD", f"/uploads/{sha}")
    return int(head.headers.get("Upload-Offset", 0))
