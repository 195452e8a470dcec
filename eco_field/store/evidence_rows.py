"""Linking a stored blob to an inspection as evidence: one row per file per inspection."""

from __future__ import annotations

import uuid
from typing import Any

import sqlite_utils

from eco_field.clock import utc_now
from eco_field.store.blobs import BlobRef, register
from eco_field.store.changes import record


def find(db: sqlite_utils.Database, inspection_id: str, sha256: str) -> str | None:
    """The id of the inspection's evidence holding these bytes, if any."""
    row = db.execute("SELECT id FROM evidence WHERE inspection_id = ? AND sha256 = ?", [inspection_id, sha256]).fetchone()
    return row[0] if row else None


def link_evidence(db: sqlite_utils.Database, inspection_id: str, ref: BlobRef, kind: str,
                  original_name: str, *, import_id: str | None = None,
                  derived_from: str | None = None, markup_json: str | None = None) -> tuple[str, bool]:
    """Returns (evidence id, created). The same bytes twice in one inspection give the existing row."""
    register(db, ref)
    found = find(db, inspection_id, ref.sha256)
    if found:
        return found, False
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


def put_synced(db: sqlite_utils.Database, evidence_id: str, p: dict[str, Any]) -> None:
    """An evidence row as its device pushed it (the file's bytes stay where they are; a document gathers the
    row, not the file), into a throwaway workspace (bureau/office/synced_records.py): not audited."""
    register(db, BlobRef(p["sha256"], int(p.get("size") or 0), "", None))  # type: ignore[arg-type]
    db.execute("INSERT OR IGNORE INTO evidence (id, inspection_id, sha256, kind, original_name, imported_at,"
               " derived_from) VALUES (?, ?, ?, ?, ?, ?, ?)",
               [evidence_id, p["inspection_id"], p["sha256"], p["kind"], p.get("original_name") or "",
                p.get("imported_at") or utc_now(), p.get("derived_from")])
