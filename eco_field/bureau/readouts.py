"""What the bureau holds, as plain dicts for `eco-field bureau inspections|evidence|documents|devices --json`."""

from __future__ import annotations

from typing import Any

from eco_field.bureau.storage import BureauStorage, Record


def inspection_completeness(storage: BureauStorage, inspection_id: str) -> tuple[int, int]:
    """(blobs named, blobs missing) for one inspection."""
    blobs = storage.blobs_of(inspection_id)
    return len(blobs), sum(1 for _, present in blobs if not present)


def inspections(storage: BureauStorage) -> list[dict[str, Any]]:
    names = {r.entity_id: r.payload.get("name", "") for r in storage.records("enterprise")}
    result = []
    for record in storage.records("inspection"):
        p = record.payload
        named, missing = inspection_completeness(storage, record.entity_id)
        result.append({
            "id": record.entity_id, "enterprise_id": p.get("enterprise_id"),
            "enterprise": names.get(p.get("enterprise_id"), ""), "officers": p.get("officers", []),
            "status": p.get("status", "draft"), "complete": missing == 0, "blobs": named, "blobs_missing": missing,
            "revision": record.revision, "unit": record.unit, "device": record.origin_device,
            "conflicts": len(storage.conflicts(record.entity_id)), "started_at": p.get("started_at"),
        })
    return result


def evidence(storage: BureauStorage) -> list[dict[str, Any]]:
    records = storage.records("evidence")
    stored = storage.blob_sizes([r.sha256 for r in records if r.sha256])
    return [{"id": r.entity_id, "inspection_id": r.payload.get("inspection_id"), "sha256": r.sha256,
             "size": r.payload.get("size"), "kind": r.payload.get("kind"),
             "original_name": r.payload.get("original_name", ""), "stored": r.sha256 in stored}
            for r in records]


def documents(storage: BureauStorage) -> list[dict[str, Any]]:
    records = storage.records("document")
    stored = storage.blob_sizes([r.sha256 for r in records if r.sha256])
    return [_document(r, stored) for r in records]


def _document(record: Record, stored: dict[str, int]) -> dict[str, Any]:
    p = record.payload
    return {"id": record.entity_id, "kind": p.get("kind"), "number": p.get("number"),
            "inspection_id": p.get("inspection_id"), "case_id": p.get("case_id"), "sha256": record.sha256,
            "stored": record.sha256 in stored if record.sha256 else None, "revision": record.revision,
            "unit": record.unit, "payload": p}


def devices(storage: BureauStorage) -> list[dict[str, Any]]:
    return [{"id": d.id, "officer": d.officer_cert, "name": d.name, "enrolled": d.enrolled_at,
             "last_seen": d.last_seen, "revoked": d.revoked_at is not None, "revoked_at": d.revoked_at}
            for d in storage.devices()]


def conflicts(storage: BureauStorage) -> list[dict[str, Any]]:
    return storage.conflicts()
