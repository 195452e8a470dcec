"""The device's sync state in its own database (db/0006_sync.sql): enrolment, cursor, conflicts, confirmed blobs."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from eco_field.canonical import canonical_json
from eco_field.clock import utc_now
from eco_field.errors import BadInput, NotFound
from eco_field.store.changes import record

if TYPE_CHECKING:
    import sqlite_utils  # annotations only: the store's readers also take a plain sqlite3 connection


def get(db: sqlite_utils.Database, key: str, default: str = "") -> str:
    row = db.execute("SELECT value FROM sync_state WHERE key = ?", [key]).fetchone()
    return row[0] if row else default


def put(db: sqlite_utils.Database, key: str, value: str) -> None:
    """Inside the caller's transaction."""
    db.execute("INSERT INTO sync_state (key, value) VALUES (?, ?)"
               " ON CONFLICT(key) DO UPDATE SET value = excluded.value", [key, value])


def cursor(db: sqlite_utils.Database) -> int:
    return int(get(db, "cursor", "0") or 0)


def require_enrolment(db: sqlite_utils.Database) -> tuple[str, str]:
    """(server url, token) of this device; BadInput when it was never enrolled."""
    url, token = get(db, "server_url"), get(db, "token")
    if not url or not token:
        raise BadInput("sync.not_enrolled")
    return url, token


def add_conflict(db: sqlite_utils.Database, entry: dict[str, Any], reason: str,
                 server: dict[str, Any] | None) -> None:
    """Keep the bureau's refusal of one outbox entry, with both versions (once per entry)."""
    db.execute(
        "INSERT OR IGNORE INTO sync_conflicts (entry_id, entity, entity_id, reason, local_revision,"
        " local_payload_json, server_revision, server_payload_json, detected_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [entry["entry_id"], entry["entity"], entry["entity_id"], reason, entry.get("revision"),
         canonical_json(entry["payload"]), (server or {}).get("revision"),
         None if not server else canonical_json(server.get("payload")), utc_now()],
    )


CONFLICT_COLUMNS = ("id", "entry_id", "entity", "entity_id", "reason", "local_revision", "local_payload_json",
                    "server_revision", "server_payload_json", "detected_at", "resolved_at", "resolution")


def conflicts(db: sqlite_utils.Database, include_resolved: bool = False) -> list[dict[str, Any]]:
    """The conflicts; "problems": what the bureau said is wrong with an entry it refused as invalid (message
    codes and parameters, kept with the entry's answer in the outbox; sync.conflict_text renders them)."""
    sql = (f"SELECT {', '.join(f'c.{c}' for c in CONFLICT_COLUMNS)}, o.response_json FROM sync_conflicts c"
           " LEFT JOIN outbox o ON o.entry_id = c.entry_id")
    sql += "" if include_resolved else " WHERE c.resolved_at IS NULL"
    result = []
    for row in db.execute(sql + " ORDER BY c.id").fetchall():
        item = dict(zip(CONFLICT_COLUMNS, row[:-1], strict=True))
        item["local_payload"] = json.loads(item.pop("local_payload_json"))
        server = item.pop("server_payload_json")
        item["server_payload"] = json.loads(server) if server else None
        answer = json.loads(row[-1]) if row[-1] else {}
        problems = answer.get("problems") if isinstance(answer, dict) else None
        item["problems"] = problems if isinstance(problems, list) else []
        result.append(item)
    return result


def open_conflict_count(db: sqlite_utils.Database) -> int:
    return db.execute("SELECT count(*) FROM sync_conflicts WHERE resolved_at IS NULL").fetchone()[0]


REENTER = "reentered_local"


def resolve_conflict(db: sqlite_utils.Database, conflict_id: int, resolution: str) -> None:
    """Mark one conflict handled (inside the caller's transaction), audited.

    resolution "reentered_local" queues this device's version again as a new change, with a revision
    above the bureau's, so the next sync applies it (a sealed record still refuses it); any other
    resolution (e.g. "accepted_server") lets the bureau's version stand.
    """
    row = db.execute("SELECT entity, entity_id, local_revision, server_revision, local_payload_json"
                     " FROM sync_conflicts WHERE id = ? AND resolved_at IS NULL", [conflict_id]).fetchone()
    if row is None:
        raise NotFound("sync.no_conflict", id=conflict_id)
    entity, entity_id, local_revision, server_revision, payload_json = row
    db.execute("UPDATE sync_conflicts SET resolved_at = ?, resolution = ? WHERE id = ?",
               [utc_now(), resolution, conflict_id])
    record(db, "sync_conflict", str(conflict_id), "resolve", {"resolution": resolution, "entity": entity,
                                                              "entity_id": entity_id}, sync=False)
    if resolution == REENTER:
        revision = None if local_revision is None and server_revision is None else \
            max(local_revision or 0, server_revision or 0) + 1
        record(db, entity, entity_id, "reenter", json.loads(payload_json), revision=revision)


def confirm_blob(db: sqlite_utils.Database, sha256: str, size: int) -> None:
    db.execute("INSERT OR IGNORE INTO sync_blobs (sha256, size, confirmed_at) VALUES (?, ?, ?)",
               [sha256, size, utc_now()])


def unconfirmed_blobs(db: sqlite_utils.Database) -> list[tuple[str, int, str]]:
    """(sha256, size, ext) of local originals the bureau has not confirmed yet."""
    return db.execute("SELECT b.sha256, b.size, b.ext FROM blobs b LEFT JOIN sync_blobs s ON s.sha256 = b.sha256"
                      " WHERE s.sha256 IS NULL ORDER BY b.created_at, b.sha256").fetchall()
