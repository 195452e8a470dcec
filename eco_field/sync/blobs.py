"""Sending originals by SHA-256: ask which the bureau lacks, upload those in chunks, resume from its offset.

The local originals are never removed; a blob the bureau confirms is listed in sync_blobs and not asked
about again. A blob the bureau refuses (its bytes do not match the hash) is reported and skipped, and
everything else carries on.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import sqlite_utils

from eco_field.store.blobs import BlobStore
from eco_field.store.database import write_transaction
from eco_field.sync import state
from eco_field.sync.transport import BureauConnection, check

CHUNK_BYTES = 4 * 1024 ** 2
ASK_PAGE = 1000
MAX_RESYNCS = 5


class BlobRefused(Exception):
    pass


def push_blobs(db: sqlite_utils.Database, store: BlobStore, conn: BureauConnection, *,
               chunk_size: int = CHUNK_BYTES, progress: Callable[[str, int, int | None], None] | None = None,
               cancel: Callable[[], bool] | None = None, totals: dict[str, Any] | None = None) -> dict[str, Any]:
    """Counts blobs_sent, blob_bytes_sent, blob_errors, kept in totals as they happen when given."""
    result = totals if totals is not None else {}
    result.setdefault("blobs_sent", 0)
    result.setdefault("blob_bytes_sent", 0)
    result.setdefault("blob_errors", [])
    candidates = state.unconfirmed_blobs(db)
    todo = _ask_missing(db, conn, candidates)
    total = sum(size - offset for _, size, _, offset in todo)
    for sha, size, _ext, offset in todo:
        if cancel and cancel():
            break
        path = store.find(sha)
        if path is None:
            result["blob_errors"].append({"sha256": sha, "error": "the local original is missing"})
            continue
        try:
            if not _upload(conn, path, sha, size, offset, chunk_size, result, progress, total, cancel):
                break  # cancelled between chunks; the bureau keeps what it has
        except BlobRefused as exc:
            result["blob_errors"].append({"sha256": sha, "error": str(exc)})
            continue
        with write_transaction(db):
            state.confirm_blob(db, sha, size)
        result["blobs_sent"] += 1
    return result


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


def _upload(conn: BureauConnection, path: Path, sha: str, size: int, offset: int, chunk_size: int,
            result: dict[str, Any], progress, total: int, cancel) -> bool:
    """True once the bureau has the whole blob; False when cancelled between chunks."""
    resyncs = 0
    with open(path, "rb") as source:
        while True:
            source.seek(offset)
            chunk = source.read(chunk_size)
            response = conn.request("PATCH", f"/uploads/{sha}", content=chunk, headers={
                "Upload-Offset": str(offset), "Upload-Length": str(size),
                "Content-Type": "application/offset+octet-stream"})
            result["blob_bytes_sent"] += len(chunk)
            if response.status_code in (409, 423) and resyncs < MAX_RESYNCS:
                resyncs += 1  # the bureau's offset differs (an earlier cut) or a PATCH is still in flight
                time.sleep(0.05 * resyncs if response.status_code == 423 else 0)
                offset = _server_offset(conn, sha, response)
                continue
            if response.status_code == 422:
                raise BlobRefused(response.json().get("detail", "hash mismatch"))
            check(response)
            offset = int(response.headers.get("Upload-Offset", offset + len(chunk)))
            if progress:
                progress("blobs", result["blob_bytes_sent"], total)
            if response.headers.get("Upload-Complete") == "1":
                return True
            if not chunk:
                raise BlobRefused(f"the local file {path} is shorter than its recorded size {size}")
            if cancel and cancel():
                return False


def _server_offset(conn: BureauConnection, sha: str, response) -> int:
    if "Upload-Offset" in response.headers:
        return int(response.headers["Upload-Offset"])
    head = conn.request("HEAD", f"/uploads/{sha}")
    return int(head.headers.get("Upload-Offset", 0))
