"""The transactional outbox: what the bureau should learn, queued in the same transaction as the write."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING, Any

from eco_field.canonical import canonical_json
from eco_field.clock import utc_now

if TYPE_CHECKING:
    import sqlite_utils  # annotations only: the store's readers also take a plain sqlite3 connection


def enqueue(db: sqlite_utils.Database, entity: str, entity_id: str, op: str, payload: Any,
            revision: int | None = None) -> str:
    entry_id = str(uuid.uuid4())
    db.execute(
        "INSERT INTO outbox (entry_id, entity, entity_id, op, revision, payload_json, created_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        [entry_id, entity, entity_id, op, revision, canonical_json(payload), utc_now()],
    )
    return entry_id


def pending_count(db: sqlite_utils.Database) -> int:
    return db.execute("SELECT count(*) FROM outbox WHERE state = 'pending'").fetchone()[0]
