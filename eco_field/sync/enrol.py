"""Enrolling this device with the bureau: a one-time code traded for a device id and token."""

from __future__ import annotations

import platform
from typing import Any

from eco_field.canonical import canonical_json
from eco_field.store import settings
from eco_field.store.database import write_transaction
from eco_field.sync import state
from eco_field.sync.transport import BureauConnection
from eco_field.workspace import Workspace


def enroll(ws: Workspace, url: str, code: str, device_name: str | None = None) -> dict[str, Any]:
    """Register the device; stores url, device id and token. Returns what the bureau said (without the token)."""
    url = url.strip().rstrip("/")
    with BureauConnection(url) as conn:
        answer = conn.json("POST", "/enroll", {"code": code.strip(), "device_name": device_name or platform.node()})
    officer = answer["officer"]
    with write_transaction(ws.db):
        if state.get(ws.db, "server_url") not in ("", url):
            # another bureau: it has none of this device's history, so everything goes again (a bureau
            # that already holds a record answers "duplicate")
            ws.db.execute("DELETE FROM sync_blobs")
            ws.db.execute("UPDATE outbox SET state = 'pending' WHERE state IN ('applied', 'duplicate')")
        for key, value in (("server_url", url), ("device_id", answer["device_id"]), ("token", answer["token"]),
                           ("officer", officer["cert_no"]), ("units", canonical_json(officer.get("units", []))),
                           ("cursor", "0"), ("last_error", "")):
            state.put(ws.db, key, value)
        settings.put(ws.db, "server_url", url)
        if not settings.get(ws.db, "officer_cert"):
            settings.put(ws.db, "officer_cert", officer["cert_no"])
    return {"server_url": url, "device_id": answer["device_id"], "officer": officer}
