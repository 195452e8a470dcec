"""Writing a case file: from the local database and evidence store (export_case), and the zip writer and
file entries every case file is made of, whether from a laptop or from the bureau (bureau/case_export.py)."""

from __future__ import annotations

import hashlib
import json
import zipfile
from pathlib import Path
from typing import Any

from eco_field.atomicfile import atomic_output
from eco_field.canonical import canonical_json
from eco_field.casefile.layout import FORMAT, MANIFEST, RECORD, safe_component
from eco_field.clock import utc_now
from eco_field.errors import BadInput
from eco_field.store import audit, inspections
from eco_field.store.blobs import file_sha256
from eco_field.workspace import Workspace

ROLE_FOLDERS = {"photo": "evidence/photos", "reading_source": "evidence/readings", "signature": "evidence/signatures",
                "document": None, "other": "evidence/other"}


def export_case(ws: Workspace, case_id: str, out: Path) -> dict[str, Any]:
    """Write the case file atomically to out; returns its manifest."""
    from eco_field.documents.service import list_documents
    from eco_field.law import cases

    case = cases.get(ws.db, case_id)
    inspection = inspections.get(ws.db, case.inspection_id)
    # the inspection's own documents (检查笔录, 询问笔录, 照片证据, 监测报告) are cited by the case's decisions
    documents = [d for d in list_documents(ws.db, inspection_id=case.inspection_id) if d["case_id"] is None]
    documents += list_documents(ws.db, case_id=case_id)
    files = [document_file(d, _original(ws, d["pdf_sha256"])) for d in documents]
    files += _evidence_files(ws, case.inspection_id)
    record = {"case": case.to_dict(), "inspection": inspections.snapshot(inspection)}
    audit_entries = _audit_entries(ws, covered_ids(case_id, case.inspection_id, documents, files))
    return write_case_file(out, case_id, record, files, audit_entries)


def covered_ids(case_id: str, inspection_id: str, documents: list[dict[str, Any]],
                files: list[dict[str, Any]]) -> set[str]:
    """The records whose audit entries a case file carries: the case, its inspection, documents, evidence."""
    return {case_id, inspection_id, *(d["id"] for d in documents),
            *(f["evidence_id"] for f in files if f.get("evidence_id"))}


def document_file(doc: dict[str, Any], source: Path) -> dict[str, Any]:
    """The file entry of one issued document (a documents row, or the bureau's document record)."""
    name = safe_component(f"{doc['number']}-{doc['kind']}") + ".pdf"
    return {"path": f"documents/{name}", "sha256": doc["pdf_sha256"], "size": doc["pdf_size"], "role": "document",
            "number": doc["number"], "kind": doc["kind"], "document_id": doc["id"], "source": source}


def evidence_file(evidence_id: str, sha: str, kind: str, original_name: str, size: int, ext: str,
                  source: Path | None) -> dict[str, Any] | None:
    """The file entry of one evidence original; None for a document's PDF (listed as a document)."""
    folder = ROLE_FOLDERS.get(kind, "evidence/other")
    if folder is None:
        return None
    return {"path": f"{folder}/{sha}{'.' + ext if ext else ''}", "sha256": sha, "size": size, "role": kind,
            "original_name": original_name, "evidence_id": evidence_id, "source": source}


def _evidence_files(ws: Workspace, inspection_id: str) -> list[dict[str, Any]]:
    rows = ws.db.execute("SELECT e.id, e.sha256, e.kind, e.original_name, b.size, b.ext FROM evidence e"
                         " JOIN blobs b ON b.sha256 = e.sha256 WHERE e.inspection_id = ? ORDER BY e.imported_at, e.id",
                         [inspection_id]).fetchall()
    files = []
    for evidence_id, sha, kind, original_name, size, ext in rows:
        if ROLE_FOLDERS.get(kind, "evidence/other") is not None:
            files.append(evidence_file(evidence_id, sha, kind, original_name, size, ext, _original(ws, sha)))
    return files


def write_case_file(out: Path, case_id: str, record: dict[str, Any], files: list[dict[str, Any]],
                    audit_entries: list[dict[str, Any]], **about: Any) -> dict[str, Any]:
    """Write the zip atomically (the record, every file from its source, the manifest); returns the manifest.
    about: further manifest fields saying where the case file comes from (e.g. exported_from)."""
    manifest = {
        "format": FORMAT, "case_id": case_id, "exported_at": utc_now(), **about,
        "record": {"path": RECORD, "sha256": _sha_text(canonical_json(record))},
        "files": [{k: v for k, v in f.items() if k != "source"} for f in files],
        "audit": audit_entries,
    }
    _write_zip(out, record, manifest, files)
    return manifest


def _original(ws: Workspace, sha: str) -> Path:
    path = ws.blobs.find(sha)
    if path is None or file_sha256(path) != sha:
        raise BadInput("casefile.original_bad", sha=sha)
    return path


def _audit_entries(ws: Workspace, ids: set[str]) -> list[dict[str, Any]]:
    placeholders = ", ".join("?" * len(ids))
    rows = ws.db.execute(
        "SELECT seq, at, actor, entity, entity_id, action, data_json, prev_hash, hash FROM audit_log"
        f" WHERE entity_id IN ({placeholders}) ORDER BY seq", sorted(ids)).fetchall()
    keys = ("seq", "at", "actor", "entity", "entity_id", "action", "data_json", "prev_hash", "hash")
    entries = [dict(zip(keys, row, strict=True)) for row in rows]
    head = audit.verify(ws.db)
    if not head.ok:
        raise BadInput("casefile.audit_broken", problem=head.problem)
    return entries


def _sha_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _write_zip(out: Path, record: dict[str, Any], manifest: dict[str, Any], files: list[dict[str, Any]]) -> None:
    with atomic_output(out) as tmp, zipfile.ZipFile(tmp, "w", allowZip64=True) as archive:
        archive.writestr(RECORD, canonical_json(record), compress_type=zipfile.ZIP_DEFLATED)
        for item in files:
            archive.write(item["source"], item["path"], compress_type=zipfile.ZIP_STORED)
        archive.writestr(MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1),
                         compress_type=zipfile.ZIP_DEFLATED)
