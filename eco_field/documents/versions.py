"""The versions of an issued document (its PDF as issued, then one more per signature) and the signatures,
as rows and as synced records. Call inside the caller's write transaction."""

from __future__ import annotations

import json
import uuid
from typing import Any

import sqlite_utils

from eco_field.clock import utc_now
from eco_field.store.changes import record

VERSION_COLUMNS = ("id", "document_id", "version", "pdf_sha256", "pdf_size", "pages", "previous_sha256",
                   "signatures_json", "created_at")


def add(db: sqlite_utils.Database, doc: dict[str, Any], version: int, pdf_sha256: str, pdf_size: int, pages: int,
        previous_sha256: str | None, signatures: list[dict[str, Any]]) -> dict[str, Any]:
    row = {"id": str(uuid.uuid4()), "document_id": doc["id"], "version": version, "pdf_sha256": pdf_sha256,
           "pdf_size": pdf_size, "pages": pages, "previous_sha256": previous_sha256,
           "signatures_json": json.dumps(signatures, ensure_ascii=False), "created_at": utc_now()}
    db.execute(f"INSERT INTO document_versions ({', '.join(VERSION_COLUMNS)}) VALUES "
               f"({', '.join('?' * len(VERSION_COLUMNS))})", [row[c] for c in VERSION_COLUMNS])
    version_row = as_dict(row)
    # synced on its own: the bureau keeps every version a verifier may be shown, not only the latest
    record(db, "document_version", row["id"], "add",
           {**{k: v for k, v in version_row.items() if k != "id"}, "number": doc["number"], "kind": doc["kind"],
            "inspection_id": doc["inspection_id"], "case_id": doc["case_id"]})
    return version_row


def as_dict(row: dict[str, Any]) -> dict[str, Any]:
    out = dict(row)
    out["signatures"] = json.loads(out.pop("signatures_json") or "[]")
    return out


def of_document(db: sqlite_utils.Database, document_id: str) -> list[dict[str, Any]]:
    rows = db.execute(f"SELECT {', '.join(VERSION_COLUMNS)} FROM document_versions WHERE document_id = ?"
                      " ORDER BY version", [document_id]).fetchall()
    return [as_dict(dict(zip(VERSION_COLUMNS, r, strict=True))) for r in rows]


def by_sha(db: sqlite_utils.Database, sha256: str) -> dict[str, Any] | None:
    row = db.execute(f"SELECT {', '.join(VERSION_COLUMNS)} FROM document_versions WHERE pdf_sha256 = ?"
                     " ORDER BY created_at DESC LIMIT 1", [sha256]).fetchone()
    return as_dict(dict(zip(VERSION_COLUMNS, row, strict=True))) if row else None


def add_signature(db: sqlite_utils.Database, doc: dict[str, Any], version: int, role: str, name: str,
                  signed_on: str, image_sha256: str, evidence_id: str | None) -> dict[str, Any]:
    row = {"id": str(uuid.uuid4()), "document_id": doc["id"], "version": version, "role": role, "name": name,
           "signed_on": signed_on, "image_sha256": image_sha256, "evidence_id": evidence_id,
           "created_at": utc_now()}
    columns = list(row)
    db.execute(f"INSERT INTO document_signatures ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
               [row[c] for c in columns])
    # sha256 names the image so the bureau asks for the blob (push.BLOB_KEYS)
    record(db, "document_signature", row["id"], "sign",
           {**{k: v for k, v in row.items() if k not in ("id", "image_sha256")}, "sha256": image_sha256,
            "number": doc["number"], "inspection_id": doc["inspection_id"], "case_id": doc["case_id"]})
    return row


def signatures_of(db: sqlite_utils.Database, document_id: str) -> list[dict[str, Any]]:
    keys = ("id", "version", "role", "name", "signed_on", "image_sha256", "evidence_id", "created_at")
    rows = db.execute(f"SELECT {', '.join(keys)} FROM document_signatures WHERE document_id = ? ORDER BY rowid",
                      [document_id]).fetchall()
    return [dict(zip(keys, r, strict=True)) for r in rows]
