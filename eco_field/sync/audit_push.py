"""Sending the local audit chain to the bureau after the outbox, so the bureau can hand over case files
whose entries verify (eco_field/bureau/audit_chain.py checks each push continues this device's chain).

The cursor (sync_state `audit_cursor`) is the last entry the bureau said it holds; a batch whose answer was
lost is sent again and comes back as duplicates. A bureau that holds less than the cursor says so (its
data was restored from an older backup) and the entries from its last one on are sent again.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import sqlite_utils

from eco_field.store.database import write_transaction
from eco_field.sync import state
from eco_field.sync.transport import BureauConnection, check

Progress = Callable[[str, int, int | None], None]
CURSOR_KEY = "audit_cursor"
KEYS = ("seq", "at", "actor", "entity", "entity_id", "action", "data_json", "prev_hash", "hash")
# A request's body stays well under the bureau's 16 MiB limit whatever the entries hold (big data_json,
# Chinese text escaped as \uXXXX): a batch is cut at this many bytes, one entry always goes.
MAX_BODY_BYTES = 4 * 1024 ** 2


def entries_after(db: sqlite_utils.Database, seq: int, limit: int) -> list[dict[str, Any]]:
    rows = db.execute(f"SELECT {', '.join(KEYS)} FROM audit_log WHERE seq > ? ORDER BY seq LIMIT ?",
                      [seq, limit]).fetchall()
    return [dict(zip(KEYS, row, strict=True)) for row in rows]


def push_audit(db: sqlite_utils.Database, conn: BureauConnection, *, batch_size: int = 200,
               progress: Progress | None = None, cancel: Callable[[], bool] | None = None,
               totals: dict[str, Any] | None = None) -> dict[str, Any]:
    """Counts audit_sent (entries the bureau stored now), kept in totals when given."""
    counts = totals if totals is not None else {}
    counts.setdefault("audit_sent", 0)
    cursor = int(state.get(db, CURSOR_KEY, "0") or 0)
    total = db.execute("SELECT count(*) FROM audit_log WHERE seq > ?", [cursor]).fetchone()[0]
    done, rewound = 0, False
    while not (cancel and cancel()):
        entries = _within(entries_after(db, cursor, batch_size), MAX_BODY_BYTES)
        if not entries:
            break
        response = conn.request("POST", "/audit", json={"entries": entries})
        behind = _bureau_behind(response, cursor)
        if behind is not None and not rewound:
            cursor, rewound = behind, True  # once: a second refusal is a real one and is reported
            continue
        check(response)
        answer = response.json()
        cursor = int(answer["last_seq"])
        with write_transaction(db):
            state.put(db, CURSOR_KEY, str(cursor))
        counts["audit_sent"] += int(answer.get("stored", 0))
        done += len(entries)
        if progress:
            progress("audit", done, total)
    return counts


def _within(entries: list[dict[str, Any]], max_bytes: int) -> list[dict[str, Any]]:
    """The first entries whose JSON fits max_bytes (at least one: the bureau judges an oversized one)."""
    total = 0
    for count, entry in enumerate(entries):
        total += len(json.dumps(entry)) + 2
        if total > max_bytes and count:
            return entries[:count]
    return entries


def _bureau_behind(response, cursor: int) -> int | None:
    """The bureau's last entry when it refused a push for holding less than the cursor, else None."""
    if response.status_code != 409:
        return None
    try:
        last = response.json().get("last_seq")
    except ValueError:
        return None
    return last if isinstance(last, int) and 0 <= last < cursor else None
