"""Where this device stands with the bureau, for the status bar and `eco-field sync status`."""

from __future__ import annotations

import json
from typing import Any

from eco_field.store import outbox
from eco_field.sync import state
from eco_field.workspace import Workspace


def sync_status(ws: Workspace) -> dict[str, Any]:
    """enrolled, server_url, device_id, officer, units, last_success, last_attempt, last_error,
    pending (outbox entries not yet sent), pending_blobs (originals not confirmed), conflicts (open)."""
    db = ws.conn  # reads only: the window shows them before sqlite-utils is loaded
    units = state.get(db, "units")
    return {
        "enrolled": bool(state.get(db, "token")),
        "server_url": state.get(db, "server_url") or None,
        "device_id": state.get(db, "device_id") or None,
        "officer": state.get(db, "officer") or None,
        "units": json.loads(units) if units else [],
        "last_success": state.get(db, "last_success") or None,
        "last_attempt": state.get(db, "last_attempt") or None,
        "last_error": state.get(db, "last_error") or None,
        "pending": outbox.pending_count(db),
        "pending_blobs": len(state.unconfirmed_blobs(db)),
        "conflicts": state.open_conflict_count(db),
        "cursor": state.cursor(db),
    }
