"""`eco-field bureau documents verify FILE.pdf`: the laptop's strict verdict, answered from what the devices
synced — every document record and every version of it (document_version records).

The bureau cannot gather a record again as a laptop can; it answers whether the file is, byte for byte, a
version a device issued and synced, and whether the number and record hash the file carries are those of a
document on record. It also says whether it holds the bytes of that version itself (uploaded and checked
against their SHA-256 on arrival), as it trusts no device beyond what it can check.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from eco_field.bureau.storage import BureauStorage, Record
from eco_field.errors import BadInput, NotFound
from eco_field.store.blobs import file_sha256


def verify_file(storage: BureauStorage, path: str | Path) -> dict[str, Any]:
    from eco_field.documents import verification

    path = Path(path)
    if not path.is_file():
        raise BadInput("bureau.no_such_file", path=path)
    file_sha = file_sha256(path)
    documents = {r.entity_id: r for r in storage.records("document") if not r.deleted}
    all_versions = [r for r in storage.records("document_version") if not r.deleted]
    doc_record = _by_file(file_sha, documents, all_versions)
    carried = None
    if doc_record is None:
        found = verification.read_carried(path)
        if found == "draft":
            return verification.draft_result(path, file_sha)
        carried = found
        doc_record = next((r for r in documents.values() if r.payload.get("number") == carried[0]), None)
        if doc_record is None:
            raise NotFound("bureau.document_not_synced", path=path, number=carried[0])
    versions = _versions_of(doc_record, all_versions)
    doc = _document(doc_record, versions)
    result = verification.verdict(file_sha, carried, doc, versions, current_record_sha=None)
    stored = storage.blob_sizes([file_sha])
    result["stored_at_bureau"] = file_sha in stored
    result["document_id"] = doc_record.entity_id
    return result


def _by_file(file_sha: str, documents: dict[str, Record], versions: list[Record]) -> Record | None:
    for version in versions:
        if version.payload.get("pdf_sha256") == file_sha and version.payload.get("document_id") in documents:
            return documents[version.payload["document_id"]]
    return next((r for r in documents.values() if r.payload.get("pdf_sha256") == file_sha), None)


def _versions_of(doc: Record, versions: list[Record]) -> list[dict[str, Any]]:
    mine = [v.payload for v in versions if v.payload.get("document_id") == doc.entity_id]
    if not mine:  # a document synced before versions were kept: its one PDF is version 1
        p = doc.payload
        mine = [{"version": 1, "pdf_sha256": p.get("pdf_sha256"), "pages": p.get("pages"), "signatures": []}]
    return sorted(({"version": int(v.get("version") or 1), "pdf_sha256": v.get("pdf_sha256"),
                    "pages": v.get("pages"), "signatures": v.get("signatures") or []} for v in mine),
                  key=lambda v: v["version"])


def _document(record: Record, versions: list[dict[str, Any]]) -> dict[str, Any]:
    p = record.payload
    latest = versions[-1] if versions else {}
    return {"number": p.get("number"), "kind": p.get("kind"), "status": p.get("status", "issued"),
            "issued_at": p.get("issued_at"), "inspection_id": p.get("inspection_id"), "case_id": p.get("case_id"),
            "record_sha256": p.get("record_sha256"), "pages": p.get("pages"),
            "version": p.get("version") or latest.get("version", 1), "void_reason": p.get("void_reason", ""),
            "superseded_by": p.get("superseded_by"), "facts": p.get("facts") or {},
            "signatures": latest.get("signatures") or []}
