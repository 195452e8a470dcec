"""The append-only audit chain: each entry hashes the one before it, so any edit breaks the chain."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from eco_field.canonical import canonical_json
from eco_field.clock import utc_now

if TYPE_CHECKING:
    import sqlite_utils  # annotations only: the store's readers also take a plain sqlite3 connection

GENESIS = "0" * 64


def entry_hash(seq: int, at: str, actor: str, entity: str, entity_id: str, action: str, data_json: str,
               prev_hash: str) -> str:
    body = canonical_json([seq, at, actor, entity, entity_id, action, data_json, prev_hash])
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def append(db: sqlite_utils.Database, entity: str, entity_id: str, action: str, data: Any,
           actor: str) -> str:
    """Append one entry inside the caller's transaction; returns its hash."""
    last = db.execute("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
    seq, prev = (last[0] + 1, last[1]) if last else (1, GENESIS)
    at = utc_now()
    data_json = canonical_json(data)
    digest = entry_hash(seq, at, actor, entity, entity_id, action, data_json, prev)
    db.execute(
        "INSERT INTO audit_log (seq, at, actor, entity, entity_id, action, data_json, prev_hash, hash)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [seq, at, actor, entity, entity_id, action, data_json, prev, digest],
    )
    return digest


@dataclass
class ChainReport:
    entries: int
    ok: bool
    first_bad_seq: int | None = None
    problem: str = ""
    head: str = GENESIS


def verify(db: sqlite_utils.Database) -> ChainReport:
    return verify_rows(db.execute(
        "SELECT seq, at, actor, entity, entity_id, action, data_json, prev_hash, hash FROM audit_log ORDER BY seq"))


def verify_rows(rows: Iterable[Sequence[Any]]) -> ChainReport:
    """Check a whole chain given in seq order as (seq, at, actor, entity, entity_id, action, data_json,
    prev_hash, hash) rows: the local audit_log, or a device's chain as the bureau holds it."""
    prev, count = GENESIS, 0
    expected_seq = 1
    for row in rows:
        seq, at, actor, entity, entity_id, action, data_json, prev_hash, digest = row
        count += 1
        if seq != expected_seq:
            return ChainReport(count, False, seq, f"entry {expected_seq} is missing", prev)
        if prev_hash != prev:
            return ChainReport(count, False, seq, f"entry {seq} does not follow entry {seq - 1}", prev)
        if entry_hash(seq, at, actor, entity, entity_id, action, data_json, prev_hash) != digest:
            return ChainReport(count, False, seq, f"entry {seq} was altered", prev)
        prev, expected_seq = digest, seq + 1
    return ChainReport(count, True, head=prev)


def entries_for(db: sqlite_utils.Database, entity: str, entity_id: str) -> list[dict[str, Any]]:
    rows = db.execute(
        "SELECT seq, at, actor, entity, entity_id, action, data_json, prev_hash, hash FROM audit_log"
        " WHERE entity = ? AND entity_id = ? ORDER BY seq",
        [entity, entity_id],
    ).fetchall()
    keys = ["seq", "at", "actor", "entity", "entity_id", "action", "data_json", "prev_hash", "hash"]
    out = []
    for row in rows:
        item = dict(zip(keys, row, strict=True))
        item["data"] = json.loads(item.pop("data_json"))
        out.append(item)
    return out
