"""Sending the outbox: pending entries in batches, each answer stored as it arrives.

The bureau applies entries idempotently by (device, entry id), so a batch whose answer was lost is simply
sent again and comes back as duplicates. An entry the bureau will not apply (stale revision, sealed
inspection, another unit's record, a payload its schema refuses) becomes a kept conflict and leaves the
queue; nothing is dropped. Records of the kinds the bureau owns (enterprises, officers, tasks, number
blocks, the catalog) are never sent: the bureau writes them itself and refuses a device's; their entries
stay in the outbox marked as kept here (response status "local").
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import sqlite_utils

from eco_field.canonical import canonical_json
from eco_field.clock import utc_now
from eco_field.store.database import write_transaction
from eco_field.sync import state
from eco_field.sync.transport import BureauConnection, DeviceRefused, SyncError

Progress = Callable[[str, int, int | None], None]
STATES = {"applied", "duplicate", "conflict"}


def _keep_local(db: sqlite_utils.Database) -> None:
    """Mark the pending entries of kinds the bureau does not take from devices (see bureau/schemas)."""
    from eco_field.bureau.schemas.entries import DEVICE_KINDS

    kinds = sorted(DEVICE_KINDS)
    with write_transaction(db):
        db.execute(f"UPDATE outbox SET state = 'applied', response_json = ? WHERE state = 'pending'"
                   f" AND entity NOT IN ({', '.join('?' * len(kinds))})",
                   [canonical_json({"status": "local", "reason": "the bureau keeps its own version"}), *kinds])


def pending_entries(db: sqlite_utils.Database, limit: int) -> list[dict[str, Any]]:
    rows = db.execute("SELECT entry_id, entity, entity_id, op, revision, payload_json FROM outbox"
                      " WHERE state = 'pending' ORDER BY seq LIMIT ?", [limit]).fetchall()
    return [{"entry_id": r[0], "entity": r[1], "entity_id": r[2], "op": r[3], "revision": r[4],
             "payload": json.loads(r[5])} for r in rows]


def push_outbox(db: sqlite_utils.Database, conn: BureauConnection, *, batch_size: int = 200,
                progress: Progress | None = None, cancel: Callable[[], bool] | None = None,
                totals: dict[str, Any] | None = None) -> dict[str, Any]:
    """Counts pushed/duplicates/conflicts, kept in totals (updated as batches are answered) when given."""
    counts = totals if totals is not None else {}
    for key in ("pushed", "duplicates", "conflicts"):
        counts.setdefault(key, 0)
    _keep_local(db)
    total = db.execute("SELECT count(*) FROM outbox WHERE state = 'pending'").fetchone()[0]
    done = 0
    while not (cancel and cancel()):
        entries = pending_entries(db, batch_size)
        if not entries:
            break
        before = dict(counts)
        results = _send(db, conn, entries, counts)
        _store_results(db, entries, results, counts)
        if counts == before:
            break  # the bureau answered none of them: leave them pending rather than loop
        done += len(entries)
        if progress:
            progress("push", done, total)
    return counts


def _send(db: sqlite_utils.Database, conn: BureauConnection, entries: list[dict[str, Any]],
          counts: dict[str, int]) -> list[dict[str, Any]]:
    """The batch's answers; entries the bureau refuses (another unit's or unknown records: 403; a payload no
    schema of the bureau takes: 422) become conflicts and the rest is sent again."""
    while entries:
        try:
            return conn.json("POST", "/push", {"entries": entries})["results"]
        except (DeviceRefused, SyncError) as exc:
            body = getattr(exc, "body", None)
            status = getattr(exc, "status", None)
            listed = body.get({403: "forbidden", 422: "invalid"}.get(status, ""), []) if isinstance(body, dict) else []
            refused = [e for e in entries if e["entry_id"] in set(listed)]
            if not refused:
                raise
            reason = "forbidden" if status == 403 else "invalid"
            problems = body.get("entry_problems") if status == 422 else None  # what is wrong with each, by code
            problems = problems if isinstance(problems, dict) else {}
            _store_results(db, refused, [{"entry_id": e["entry_id"], "status": "conflict", "reason": reason,
                                          "server": None, "problems": problems.get(e["entry_id"], [])}
                                         for e in refused], counts)
            entries = [e for e in entries if e["entry_id"] not in set(listed)]
    return []


def _store_results(db: sqlite_utils.Database, entries: list[dict[str, Any]], results: list[dict[str, Any]],
                   counts: dict[str, int]) -> None:
    by_id = {e["entry_id"]: e for e in entries}
    now = utc_now()
    with write_transaction(db):
        for result in results:
            entry = by_id.get(result.get("entry_id"))
            status = result.get("status")
            if entry is None or status not in STATES:
                continue  # an answer for an entry not sent, or one we do not understand: stays pending
            db.execute("UPDATE outbox SET state = ?, sent_at = ?, response_json = ? WHERE entry_id = ?",
                       [status, now, canonical_json(result), entry["entry_id"]])
            if status == "conflict":
                state.add_conflict(db, entry, str(result.get("reason", "conflict")), result.get("server"))
            counts[{"applied": "pushed", "duplicate": "duplicates", "conflict": "conflicts"}[status]] += 1
