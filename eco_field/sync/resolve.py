"""Settling a sync conflict: keep mine (send it again above the bureau's revision) or take the bureau's
version, which is then written into the local record where this device holds such records."""

from __future__ import annotations

from typing import Any

from eco_field.errors import EcoFieldError, NotFound
from eco_field.store import inspections
from eco_field.store.database import write_transaction
from eco_field.sync import state
from eco_field.sync.pull import APPLY
from eco_field.workspace import Workspace

ACCEPT_SERVER = "accepted_server"


def settle_conflict(ws: Workspace, conflict_id: int, resolution: str) -> dict[str, Any]:
    """resolution: state.REENTER ("reentered_local") or ACCEPT_SERVER. One transaction, audited."""
    with write_transaction(ws.db):
        conflict = next((c for c in state.conflicts(ws.db) if c["id"] == conflict_id), None)
        if conflict is None:
            raise NotFound("sync.no_conflict", id=conflict_id)
        applied = _take_server_version(ws, conflict) if resolution == ACCEPT_SERVER else False
        state.resolve_conflict(ws.db, conflict_id, resolution)
    return {"id": conflict_id, "resolution": resolution, "applied_locally": applied}


def _take_server_version(ws: Workspace, conflict: dict[str, Any]) -> bool:
    payload = conflict.get("server_payload")
    if not isinstance(payload, dict):
        return False  # the bureau refused without a version of its own (e.g. another unit's record)
    entity, entity_id = conflict["entity"], conflict["entity_id"]
    full = {"id": entity_id, **payload, "revision": conflict.get("server_revision") or payload.get("revision")}
    if entity == "inspection":
        inspections.replace_from_bureau(ws.db, full)
        return True
    handler = APPLY.get(entity)
    if handler is None:
        return False
    try:
        with write_transaction(ws.db):  # a savepoint: a version that cannot be applied leaves nothing behind
            handler(ws, entity_id, full)
    except (EcoFieldError, KeyError, TypeError, ValueError):
        return False  # not a whole record this device can hold; the bureau's version still stands there
    return True
