"""Linking a stored blob to an inspection as evidence: one row per file per inspection."""

from __future__ import annotations

import uuid

import sqlite_utils

from eco_field.clock import utc_now
from eco_field.store.blobs import BlobRef, register
from eco_field.store.changes import record


def link_evidence(db: sqlite_utils.Database, inspection_id: str, ref: BlobRef, kind: str,
                  original_name: str, *, import_id: str | None = None,
                  derived_from: str | None = None, markup_json: str | None = None) -> tuple[str, bool]:
    """Returns (evidence id, created). The same bytes twice in one inspection give the existing row."""
    register(db, ref)
    row = db.execute(
        "SELECT id FROM evidence WHERE inspection_id = ? AND sha256 = ?", [inspection_id, ref.sha256]
    ).fetchone()
    if row:
        return row[0], False
    evidence_id = str(uuid.uuid4())
    db.execute(
        "INSERT INTO evidence (id, inspection_id, sha256, kind, original_name, imported_at, import_id,"
        " derived_from, markup_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [evidence_id, inspection_id, ref.sha256, kind, original_name, utc_now(), import_id, derived_from,
         markup_json],
    )
    payload = {"inspection_id": inspection_id, "sha256": ref.sha256, "size": ref.size, "kind": kind,
               "original_name": original_name}
    if derived_from:
        payload["derived_from"] = derived_from
    record(db, "evidence", evidence_id, "import", payload)
    return evidence_id, True
