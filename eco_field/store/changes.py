"""One call for every recorded change: an audit-chain entry and, for what the bureau needs, an outbox entry.

Call it inside the write's transaction so the change, its audit entry and its outbox entry commit together.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from eco_field.store import audit, outbox
from eco_field.store.settings import current_actor

if TYPE_CHECKING:
    import sqlite_utils  # annotations only: the store's readers also take a plain sqlite3 connection


def record(db: sqlite_utils.Database, entity: str, entity_id: str, action: str, data: Any, *,
           sync: bool = True, revision: int | None = None) -> None:
    audit.append(db, entity, entity_id, action, data, current_actor(db))
    if sync:
        outbox.enqueue(db, entity, entity_id, action, data, revision)
