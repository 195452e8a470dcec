"""One sync with the bureau: push the outbox and the audit chain, send the originals, pull the bureau's changes.

`run_sync` is what both `eco-field sync` and the app's sync button and background watcher call. It is
safe to interrupt at any point and run again: answers, blob offsets and the cursor are stored as they
arrive, and the bureau applies everything idempotently.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from eco_field.clock import utc_now
from eco_field.store.database import write_transaction
from eco_field.sync import state
from eco_field.sync.audit_push import push_audit
from eco_field.sync.blobs import CHUNK_BYTES, push_blobs
from eco_field.sync.pull import pull_changes
from eco_field.sync.push import push_outbox
from eco_field.sync.status import sync_status
from eco_field.sync.transport import BureauConnection, SyncError
from eco_field.workspace import Workspace

ProgressCallback = Callable[[str, int, int | None], None]

# One sync at a time in a process: the app's background watcher and its "sync now" button share it.
_ONE_AT_A_TIME = threading.Lock()


def connect(ws: Workspace, timeout: float = 30.0) -> BureauConnection:
    url, token = state.require_enrolment(ws.db)
    return BureauConnection(url, token, timeout=timeout)


def run_sync(ws: Workspace, progress: ProgressCallback | None = None, cancel: Callable[[], bool] | None = None,
             *, batch_size: int = 200, chunk_size: int = CHUNK_BYTES, timeout: float = 30.0) -> dict[str, Any]:
    """Sync once. progress(stage, done, total) with stage push | audit | blobs | pull; cancel() is polled between
    batches and chunks. Returns the counts `eco-field sync --json` prints; "ok" is false on a failure,
    with "error" and "error_kind" (unreachable | refused | server) saying why."""
    result: dict[str, Any] = {"ok": False, "pushed": 0, "duplicates": 0, "conflicts": 0, "audit_sent": 0, "blobs_sent": 0,
                              "blob_bytes_sent": 0, "bytes_sent": 0, "bytes_received": 0, "pulled": 0,
                              "blob_errors": [], "pull_skipped": [], "cancelled": False, "started_at": utc_now()}
    with _ONE_AT_A_TIME, connect(ws, timeout) as conn:
        try:
            push_outbox(ws.db, conn, batch_size=batch_size, progress=progress, cancel=cancel, totals=result)
            push_audit(ws.db, conn, batch_size=batch_size, progress=progress, cancel=cancel, totals=result)
            push_blobs(ws.db, ws.blobs, conn, chunk_size=chunk_size, progress=progress, cancel=cancel,
                       totals=result)
            pull_changes(ws, conn, progress=progress, cancel=cancel, totals=result)
            result["ok"] = not (cancel and cancel())
            result["cancelled"] = bool(cancel and cancel())
        except SyncError as exc:
            result.update(error=str(exc), error_kind=exc.kind)
        finally:
            result["bytes_sent"], result["bytes_received"] = conn.bytes_sent, conn.bytes_received
    result["finished_at"] = utc_now()
    _remember(ws, result)
    result["pending"] = sync_status(ws)["pending"]
    return result


def _remember(ws: Workspace, result: dict[str, Any]) -> None:
    with write_transaction(ws.db):
        state.put(ws.db, "last_attempt", result["finished_at"])
        if result["ok"]:
            state.put(ws.db, "last_success", result["finished_at"])
            state.put(ws.db, "last_error", "")
        elif result.get("error"):
            state.put(ws.db, "last_error", result["error"])
