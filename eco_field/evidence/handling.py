"""What an officer does with a draft inspection's photos: every name a file was seen under, a caption
(证明事项), removal with a reason, and undo of the last removal and of the last import. No Qt here.

A removal keeps the whole row (names, checks, marked-up copies) in evidence_removals, so undo puts back
exactly what was there; the stored original never leaves the store. A sealed inspection refuses all of it
(the 0002 triggers say so too).
"""

from __future__ import annotations

import json
import uuid
from typing import Any

import sqlite_utils

from eco_field.clock import utc_now
from eco_field.errors import BadInput, NotFound, SealedRecord
from eco_field.evidence import names as naming
from eco_field.evidence import rows
from eco_field.store.changes import record
from eco_field.store.database import write_transaction
from eco_field.workspace import Workspace

MAX_CAPTION = 500
MAX_REASON = 500
UNDO_IMPORT_REASON = "撤销导入"


def require_draft(db: sqlite_utils.Database, inspection_id: str) -> None:
    if rows.inspection_status(db, inspection_id) == "sealed":
        raise SealedRecord("evidence.sealed", inspection=rows.inspection_label(db, inspection_id))


def _evidence(db: sqlite_utils.Database, evidence_id: str) -> dict[str, Any]:
    cursor = db.execute("SELECT * FROM evidence WHERE id = ?", [evidence_id])
    row = cursor.fetchone()
    if row is None:
        raise NotFound("evidence.no_such", id=evidence_id)
    return dict(zip([c[0] for c in cursor.description], row, strict=True))


# -- names ------------------------------------------------------------------------------------------
def add_name(db: sqlite_utils.Database, evidence_id: str, name: str, path: str) -> bool:
    """Remember that the file was seen as name (at path); show the camera's own name among those seen.
    Inside the caller's transaction. True when the name or path is new."""
    cursor = db.execute("INSERT OR IGNORE INTO evidence_names (evidence_id, name, path, seen_at) VALUES (?, ?, ?, ?)",
                        [evidence_id, name, path, utc_now()])
    if not cursor.rowcount:
        return False
    row = db.execute("SELECT original_name FROM evidence WHERE id = ?", [evidence_id]).fetchone()
    seen = [row[0]] + [n["name"] for n in names_of(db, [evidence_id]).get(evidence_id, [])]
    shown = naming.preferred(seen)
    all_names = names_of(db, [evidence_id])[evidence_id]
    if shown != row[0]:
        db.execute("UPDATE evidence SET original_name = ? WHERE id = ?", [shown, evidence_id])
    if len(all_names) > 1 or shown != row[0]:
        record(db, "evidence", evidence_id, "update", {"original_name": shown, "names": all_names})
    return True


def names_of(db: sqlite_utils.Database, evidence_ids: list[str]) -> dict[str, list[dict[str, str]]]:
    """Every (name, path) each evidence row was seen under, in the order seen."""
    found: dict[str, list[dict[str, str]]] = {}
    for start in range(0, len(evidence_ids), 500):
        chunk = evidence_ids[start:start + 500]
        for evidence_id, name, path, seen_at in db.execute(
                f"SELECT evidence_id, name, path, seen_at FROM evidence_names WHERE evidence_id IN"
                f" ({', '.join('?' for _ in chunk)}) ORDER BY rowid", chunk):
            found.setdefault(evidence_id, []).append({"name": name, "path": path, "seen_at": seen_at})
    return found


# -- caption ----------------------------------------------------------------------------------------
def set_caption(ws: Workspace, evidence_id: str, caption: str) -> dict[str, Any]:
    """证明事项 of one photo (what it shows, in the officer's words); printed on the photo evidence sheet."""
    text = " ".join(caption.split())
    if len(text) > MAX_CAPTION:
        raise BadInput("evidence.caption_too_long", limit=MAX_CAPTION)
    row = _evidence(ws.db, evidence_id)
    require_draft(ws.db, row["inspection_id"])
    with write_transaction(ws.db):
        ws.db.execute("UPDATE evidence SET caption = ? WHERE id = ?", [text, evidence_id])
        record(ws.db, "evidence", evidence_id, "update", {"caption": text})
    return {"id": evidence_id, "inspection_id": row["inspection_id"], "caption": text}


# -- removal and undo -------------------------------------------------------------------------------
def remove(ws: Workspace, evidence_id: str, reason: str) -> dict[str, Any]:
    """Take one file out of a draft inspection, with the officer's reason (audited; undo puts it back).
    Its marked-up copies go with it; the stored originals stay in the store."""
    reason = " ".join((reason or "").split())
    if not reason:
        raise BadInput("evidence.reason_required")
    if len(reason) > MAX_REASON:
        raise BadInput("evidence.reason_too_long", limit=MAX_REASON)
    row = _evidence(ws.db, evidence_id)
    require_draft(ws.db, row["inspection_id"])
    batch = str(uuid.uuid4())
    with write_transaction(ws.db):
        _remove_rows(ws.db, row, reason, batch)
    return {"id": evidence_id, "inspection_id": row["inspection_id"], "sha256": row["sha256"],
            "kind": row["kind"], "original_name": row["original_name"], "reason": reason}


def _remove_rows(db: sqlite_utils.Database, row: dict[str, Any], reason: str, batch: str) -> None:
    derived = [_evidence(db, r[0]) for r in db.execute(
        "SELECT id FROM evidence WHERE derived_from = ? ORDER BY rowid", [row["id"]]).fetchall()]
    for item in [*derived, row]:  # copies first: they point to the original
        snapshot = {"evidence": item, "names": names_of(db, [item["id"]]).get(item["id"], []),
                    "checks": _checks(db, item["id"])}
        db.execute("INSERT INTO evidence_removals (evidence_id, inspection_id, batch, row_json, reason, removed_at)"
                   " VALUES (?, ?, ?, ?, ?, ?)", [item["id"], item["inspection_id"], batch,
                                                  json.dumps(snapshot, ensure_ascii=False), reason, utc_now()])
        db.execute("DELETE FROM evidence_names WHERE evidence_id = ?", [item["id"]])
        db.execute("DELETE FROM evidence_checks WHERE evidence_id = ?", [item["id"]])
        db.execute("DELETE FROM evidence WHERE id = ?", [item["id"]])
        record(db, "evidence", item["id"], "delete",
               {"inspection_id": item["inspection_id"], "sha256": item["sha256"], "kind": item["kind"],
                "original_name": item["original_name"], "reason": reason})


def _checks(db: sqlite_utils.Database, evidence_id: str) -> dict[str, Any] | None:
    cursor = db.execute("SELECT * FROM evidence_checks WHERE evidence_id = ?", [evidence_id])
    row = cursor.fetchone()
    return dict(zip([c[0] for c in cursor.description], row, strict=True)) if row else None


def undo_removal(ws: Workspace, inspection_id: str) -> dict[str, Any]:
    """Put back what the last removal (or undone import) of a draft inspection took out."""
    require_draft(ws.db, inspection_id)
    last = ws.db.execute("SELECT batch FROM evidence_removals WHERE inspection_id = ? AND restored_at IS NULL"
                         " ORDER BY seq DESC LIMIT 1", [inspection_id]).fetchone()
    if last is None:
        raise BadInput("evidence.nothing_to_restore")
    restored, skipped, gone = [], [], set()
    with write_transaction(ws.db):
        entries = ws.db.execute("SELECT seq, row_json FROM evidence_removals WHERE batch = ? ORDER BY seq DESC",
                                [last[0]]).fetchall()
        for seq, row_json in entries:  # originals before their copies: reverse of removal
            snapshot = json.loads(row_json)
            item = snapshot["evidence"]
            shown = {"id": item["id"], "original_name": item["original_name"], "kind": item["kind"]}
            if item.get("derived_from") in gone or ws.db.execute(
                    "SELECT 1 FROM evidence WHERE inspection_id = ? AND sha256 = ?",
                    [inspection_id, item["sha256"]]).fetchone():
                # imported again since: the row there now is the evidence; its copies stay out with it
                gone.add(item["id"])
                skipped.append(shown)
            else:
                _restore(ws.db, snapshot)
                restored.append(shown)
            ws.db.execute("UPDATE evidence_removals SET restored_at = ? WHERE seq = ?", [utc_now(), seq])
    return {"inspection_id": inspection_id, "restored": restored, "already_there": skipped}


def _restore(db: sqlite_utils.Database, snapshot: dict[str, Any]) -> None:
    item = snapshot["evidence"]
    columns = list(item)
    db.execute(f"INSERT INTO evidence ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)})",
               [item[c] for c in columns])
    for entry in snapshot["names"]:
        db.execute("INSERT OR IGNORE INTO evidence_names (evidence_id, name, path, seen_at) VALUES (?, ?, ?, ?)",
                   [item["id"], entry["name"], entry["path"], entry["seen_at"]])
    checks = snapshot.get("checks")
    if checks:
        keys = list(checks)
        db.execute(f"INSERT OR REPLACE INTO evidence_checks ({', '.join(keys)}) VALUES"
                   f" ({', '.join('?' for _ in keys)})", [checks[k] for k in keys])
    size = db.execute("SELECT size FROM blobs WHERE sha256 = ?", [item["sha256"]]).fetchone()
    payload = {"inspection_id": item["inspection_id"], "sha256": item["sha256"], "size": size[0] if size else None,
               "kind": item["kind"], "original_name": item["original_name"], "caption": item.get("caption") or ""}
    if item.get("derived_from"):
        payload["derived_from"] = item["derived_from"]
    record(db, "evidence", item["id"], "restore", payload)


def undo_import(ws: Workspace, inspection_id: str) -> dict[str, Any]:
    """Take out every file the last import added to a draft inspection (as one removal: undo puts it back)."""
    require_draft(ws.db, inspection_id)
    last = ws.db.execute("SELECT import_id FROM evidence WHERE inspection_id = ? AND import_id IS NOT NULL"
                         " ORDER BY rowid DESC LIMIT 1", [inspection_id]).fetchone()
    if last is None:
        raise BadInput("evidence.nothing_to_undo")
    batch = str(uuid.uuid4())
    removed = []
    with write_transaction(ws.db):
        for (evidence_id,) in ws.db.execute("SELECT id FROM evidence WHERE import_id = ? AND inspection_id = ?"
                                            " ORDER BY rowid", [last[0], inspection_id]).fetchall():
            row = _evidence(ws.db, evidence_id)
            _remove_rows(ws.db, row, UNDO_IMPORT_REASON, batch)
            removed.append({"id": evidence_id, "original_name": row["original_name"]})
    return {"inspection_id": inspection_id, "import_id": last[0], "removed": removed}


def undo_state(db: sqlite_utils.Database, inspection_id: str) -> dict[str, bool]:
    """Whether there is an import to undo and a removal to undo (for the GUI's buttons)."""
    has_import = db.execute("SELECT 1 FROM evidence WHERE inspection_id = ? AND import_id IS NOT NULL LIMIT 1",
                            [inspection_id]).fetchone() is not None
    has_removal = db.execute("SELECT 1 FROM evidence_removals WHERE inspection_id = ? AND restored_at IS NULL"
                             " LIMIT 1", [inspection_id]).fetchone() is not None
    return {"import": has_import, "removal": has_removal}


def removals(db: sqlite_utils.Database, inspection_id: str) -> list[dict[str, Any]]:
    """What was removed from the inspection, why and when (newest first)."""
    return [{"evidence_id": r[0], "original_name": json.loads(r[1])["evidence"]["original_name"], "reason": r[2],
             "removed_at": r[3], "restored_at": r[4]}
            for r in db.execute("SELECT evidence_id, row_json, reason, removed_at, restored_at FROM evidence_removals"
                                " WHERE inspection_id = ? ORDER BY seq DESC", [inspection_id])]
