"""Records as the bureau holds them (the payloads devices pushed) written into a workspace the way their device
had them, so a document can be gathered from them elsewhere — the bureau's draft decision for its approvers
(draft_decision.py). Only ever for a throwaway workspace: nothing here is audited or queued, and an inspection
keeps the status and seal it had on its device.

No SQL here: each record's rows are written by the module that knows its table (store.inspections,
store.evidence_rows, readings.storage, documents.numbering and documents.service)."""

from __future__ import annotations

import json
from typing import Any

import sqlite_utils

from eco_field.documents import numbering, service
from eco_field.readings import storage as readings_storage
from eco_field.store import evidence_rows, inspections
from eco_field.store.blobs import BlobRef, register


def put_inspection(db: sqlite_utils.Database, inspection_id: str, p: dict[str, Any],
                   evidence: list[tuple[str, dict[str, Any]]],
                   readings: list[tuple[str, dict[str, Any]]] = ()) -> None:
    """The inspection with its officers (who must be in the officers table already), its evidence files' rows
    (their bytes stay where they are: a document gathers their metadata, not the files) and its readings'
    summary rows (each series as readings.present.series_json pushed it, without the samples); sealed last,
    as on the device (a sealed inspection takes no new rows)."""
    inspections.put_synced(db, inspection_id, p)
    for evidence_id, e in evidence:
        evidence_rows.put_synced(db, evidence_id, e)
    for source_id, r in readings:
        found = evidence_rows.find(db, r["inspection_id"], r["sha256"])
        if found is None:  # the instrument file's evidence record did not reach the bureau: no readings from it
            continue
        readings_storage.put_synced(db, source_id, found, r)
    if p.get("seal_hash"):
        inspections.seal_synced(db, inspection_id, p["seal_hash"], p.get("sealed_at"))


def put_document(db: sqlite_utils.Database, document_id: str, p: dict[str, Any]) -> None:
    """An issued (or voided) document with its number, as a later document lists it among those issued before."""
    status = "void" if p.get("status") == "void" or p.get("void_reason") else "issued"
    year = int(str((p.get("facts") or {}).get("issued_date") or p["issued_at"])[:4])
    numbering.put_synced(db, p["kind"], year, p["number"], status, p.get("void_reason") or "", p["issued_at"])
    register(db, BlobRef(p["pdf_sha256"], int(p.get("pdf_size") or 0), "pdf", None))  # type: ignore[arg-type]
    service.insert_row(db, {
        "id": document_id, "number": p["number"], "kind": p["kind"], "inspection_id": p.get("inspection_id"),
        "case_id": p.get("case_id"), "record_sha256": p["record_sha256"], "pdf_sha256": p["pdf_sha256"],
        "pdf_size": int(p.get("pdf_size") or 0), "pages": int(p.get("pages") or 1), "evidence_id": None,
        "status": status, "issued_at": p["issued_at"], "version": int(p.get("version") or 1),
        "void_reason": p.get("void_reason") or "", "superseded_by": p.get("superseded_by"),
        "facts_json": json.dumps(p.get("facts") or {}, ensure_ascii=False),
        "spots_json": "[]"})  # the column's default: no signature cells are carried
