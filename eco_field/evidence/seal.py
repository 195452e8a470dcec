"""Sealing an inspection: a SHA-256 over its canonical record and the hashes of all its evidence.

The seal goes into the audit chain and the record becomes read-only (triggers in 0001 and 0002); a later
change is an amendment, a new draft inspection that references the sealed one. verify_seal recomputes
everything from the data folder and names each difference.
"""

from __future__ import annotations

import json
import uuid
from typing import Any

import sqlite_utils

from eco_field.canonical import canonical_json, sha256_of
from eco_field.clock import utc_now
from eco_field.errors import BadInput, SealedRecord
from eco_field.evidence import rows
from eco_field.store import audit, inspections
from eco_field.store.changes import record
from eco_field.store.database import write_transaction
from eco_field.workspace import Workspace

SEAL_FORMAT = "eco_field.seal/1"
RECORD_FIELDS = ("id", "task_id", "enterprise_id", "started_at", "ended_at", "place", "party_name", "party_title",
                 "party_phone", "party_present", "checklist_json", "findings_json", "amends_id", "created_at")


def canonical_record(db: sqlite_utils.Database, inspection_id: str) -> dict[str, Any]:
    """What a seal covers: the record (officers, party, times, checklist, findings) and every evidence file."""
    row = db.execute(f"SELECT {', '.join(RECORD_FIELDS)} FROM inspections WHERE id = ?", [inspection_id]).fetchone()
    if row is None:
        rows.inspection_status(db, inspection_id)  # raises NotFound
    record_ = dict(zip(RECORD_FIELDS, row, strict=True))
    record_["checklist"] = json.loads(record_.pop("checklist_json"))
    record_["findings"] = json.loads(record_.pop("findings_json"))
    record_["party_present"] = bool(record_["party_present"])
    record_["officers"] = [r[0] for r in db.execute(
        "SELECT officer_cert FROM inspection_officers WHERE inspection_id = ? ORDER BY position", [inspection_id])]
    evidence = [
        {"id": r[0], "kind": r[1], "sha256": r[2], "size": r[3], "original_name": r[4],
         "flags": json.loads(r[5]) if r[5] else []}
        for r in db.execute(
            "SELECT e.id, e.kind, e.sha256, b.size, e.original_name, c.flags_json FROM evidence e"
            " JOIN blobs b ON b.sha256 = e.sha256 LEFT JOIN evidence_checks c ON c.evidence_id = e.id"
            " WHERE e.inspection_id = ? ORDER BY e.kind, e.sha256, e.id", [inspection_id])]
    return {"format": SEAL_FORMAT, "inspection": record_, "evidence": evidence}


def seal(ws: Workspace, inspection_id: str) -> dict[str, Any]:
    """Finalise a draft inspection; every evidence file must be present and intact first."""
    from eco_field.evidence.service import refresh_checks, verify

    if rows.inspection_status(ws.db, inspection_id) == "sealed":
        raise SealedRecord("evidence.already_sealed", id=inspection_id)
    files = verify(ws, inspection_id)
    if files["missing"] or files["altered"]:
        bad = [p["sha256"][:12] + " " + p["status"] for p in files["missing"] + files["altered"]]
        raise BadInput("evidence.seal_files_bad", id=inspection_id, files=", ".join(bad))
    refresh_checks(ws.db, inspection_id)
    with write_transaction(ws.db):
        payload = canonical_record(ws.db, inspection_id)
        seal_hash, sealed_at = sha256_of(payload), utc_now()
        ws.db.execute("INSERT INTO inspection_seals (inspection_id, seal_hash, payload_json, sealed_at)"
                      " VALUES (?, ?, ?, ?)", [inspection_id, seal_hash, canonical_json(payload), sealed_at])
        ws.db.execute("UPDATE inspections SET status = 'sealed', seal_hash = ?, sealed_at = ?,"
                      " revision = revision + 1, updated_at = ? WHERE id = ?",
                      [seal_hash, sealed_at, sealed_at, inspection_id])
        revision = ws.db.execute("SELECT revision FROM inspections WHERE id = ?", [inspection_id]).fetchone()[0]
        summary = {"seal_hash": seal_hash, "sealed_at": sealed_at, "evidence": len(payload["evidence"]),
                   "format": SEAL_FORMAT}
        record(ws.db, "inspection", inspection_id, "seal", summary, revision=revision)
    return {"inspection_id": inspection_id, **summary}


def verify_seal(ws: Workspace, inspection_id: str) -> dict[str, Any]:
    """Recompute the seal from the data folder; "ok" is False on any changed row or missing/altered file."""
    from eco_field.evidence.service import verify

    if rows.inspection_status(ws.db, inspection_id) != "sealed":
        raise BadInput("evidence.not_sealed", id=inspection_id)
    stored_hash = ws.db.execute("SELECT seal_hash FROM inspections WHERE id = ?", [inspection_id]).fetchone()[0]
    seal_row = ws.db.execute("SELECT seal_hash, payload_json FROM inspection_seals WHERE inspection_id = ?",
                             [inspection_id]).fetchone()
    current = canonical_record(ws.db, inspection_id)
    sealed_payload = json.loads(seal_row[1]) if seal_row else None
    attached = _attached_after_seal(current, sealed_payload)
    current["evidence"] = [e for e in current["evidence"] if e not in attached]
    recomputed = sha256_of(current)
    problems = _chain_problems(ws.db, inspection_id, stored_hash)
    if seal_row is None:
        problems.append("the sealed serialisation is missing")
    else:
        if sha256_of(sealed_payload) != seal_row[0] or seal_row[0] != stored_hash:
            problems.append("the stored seal does not match the inspection's seal hash")
        problems += _differences(sealed_payload, current)
    if recomputed != stored_hash and not problems:
        problems.append("the record no longer hashes to its seal")
    files = verify(ws, inspection_id)
    problems += [f"evidence file {p['sha256']} ({_names(p)}) is {p['status']}" for p in files["missing"] + files["altered"]]
    return {"inspection_id": inspection_id, "ok": not problems, "seal_hash": stored_hash, "recomputed": recomputed,
            "evidence": len(current["evidence"]), "problems": problems,
            "attached_after_seal": [{k: e[k] for k in ("id", "kind", "original_name", "sha256")} for e in attached]}


def _attached_after_seal(current: dict[str, Any], sealed: dict[str, Any] | None) -> list[dict[str, Any]]:
    """Documents issued after sealing and filed with the inspection: outside the seal, not a change to it."""
    if sealed is None:
        return []
    sealed_ids = {e["id"] for e in sealed["evidence"]}
    return [e for e in current["evidence"] if e["kind"] == "document" and e["id"] not in sealed_ids]


def _names(problem: dict[str, Any]) -> str:
    return ", ".join(e["original_name"] for e in problem["evidence"]) or "no name"


def _chain_problems(db: sqlite_utils.Database, inspection_id: str, stored_hash: str | None) -> list[str]:
    problems = []
    chain = audit.verify(db)
    if not chain.ok:
        problems.append(f"the audit chain is broken at entry {chain.first_bad_seq}: {chain.problem}")
    sealed = [e for e in audit.entries_for(db, "inspection", inspection_id) if e["action"] == "seal"]
    if not sealed:
        problems.append("the audit chain has no seal entry for this inspection")
    elif sealed[-1]["data"].get("seal_hash") != stored_hash:
        problems.append("the seal hash differs from the one in the audit chain")
    return problems


def _differences(sealed: dict[str, Any], current: dict[str, Any]) -> list[str]:
    out = [f"record field {key!r} changed" for key in sorted(set(sealed["inspection"]) | set(current["inspection"]))
           if sealed["inspection"].get(key) != current["inspection"].get(key)]
    before = {e["id"]: e for e in sealed["evidence"]}
    after = {e["id"]: e for e in current["evidence"]}
    out += [f"evidence {before[i]['original_name']!r} was removed" for i in sorted(set(before) - set(after))]
    out += [f"evidence {after[i]['original_name']!r} was added" for i in sorted(set(after) - set(before))]
    out += [f"evidence {after[i]['original_name']!r} changed" for i in sorted(set(before) & set(after))
            if before[i] != after[i]]
    return out


def _copy_evidence(db: sqlite_utils.Database, from_id: str, to_id: str) -> None:
    """The sealed inspection's evidence into its amendment: captions, the names seen and marked-up copies
    (pointing to the amendment's own rows) come along; nothing is an import there to undo."""
    new_ids: dict[str, str] = {}
    for old_id, sha, kind, name, imported_at, caption, derived_from, markup_json in db.execute(
            "SELECT id, sha256, kind, original_name, imported_at, caption, derived_from, markup_json FROM evidence"
            " WHERE inspection_id = ? ORDER BY derived_from IS NOT NULL, rowid", [from_id]).fetchall():
        new_ids[old_id] = str(uuid.uuid4())
        db.execute("INSERT INTO evidence (id, inspection_id, sha256, kind, original_name, imported_at, caption,"
                   " derived_from, markup_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                   [new_ids[old_id], to_id, sha, kind, name, imported_at, caption,
                    new_ids.get(derived_from) if derived_from else None, markup_json])
        db.execute("INSERT INTO evidence_names (evidence_id, name, path, seen_at) SELECT ?, name, path, seen_at"
                   " FROM evidence_names WHERE evidence_id = ?", [new_ids[old_id], old_id])


def _record_copies(db: sqlite_utils.Database, inspection_id: str) -> None:
    """The amendment's evidence rows go to the bureau as its own records (after the amendment itself), so a
    caption, mark-up or removal made on the amendment names a record the bureau holds."""
    for evidence_id, sha, size, kind, name, caption, derived_from in db.execute(
            "SELECT e.id, e.sha256, b.size, e.kind, e.original_name, e.caption, e.derived_from FROM evidence e"
            " LEFT JOIN blobs b ON b.sha256 = e.sha256 WHERE e.inspection_id = ?"
            " ORDER BY e.derived_from IS NOT NULL, e.rowid", [inspection_id]).fetchall():
        payload = {"inspection_id": inspection_id, "sha256": sha, "size": size, "kind": kind, "original_name": name}
        if caption:
            payload["caption"] = caption
        if derived_from:
            payload["derived_from"] = derived_from
        record(db, "evidence", evidence_id, "import", payload)


def amend(ws: Workspace, inspection_id: str) -> str:
    """A new draft inspection amending a sealed one: same record and evidence, amends_id set. Returns its id."""
    if rows.inspection_status(ws.db, inspection_id) != "sealed":
        raise BadInput("evidence.amend_draft", id=inspection_id)
    new_id, now = str(uuid.uuid4()), utc_now()
    columns = [c for c in RECORD_FIELDS if c not in ("id", "amends_id", "created_at")]
    with write_transaction(ws.db):
        ws.db.execute(
            f"INSERT INTO inspections (id, {', '.join(columns)}, amends_id, created_at, updated_at)"
            f" SELECT ?, {', '.join(columns)}, id, ?, ? FROM inspections WHERE id = ?",
            [new_id, now, now, inspection_id])
        ws.db.execute("INSERT INTO inspection_officers (inspection_id, officer_cert, position)"
                      " SELECT ?, officer_cert, position FROM inspection_officers WHERE inspection_id = ?",
                      [new_id, inspection_id])
        _copy_evidence(ws.db, inspection_id, new_id)
        amended = inspections.snapshot(inspections.get(ws.db, new_id))
        amended["evidence"] = [r[0] for r in ws.db.execute(
            "SELECT sha256 FROM evidence WHERE inspection_id = ? ORDER BY sha256", [new_id])]
        record(ws.db, "inspection", new_id, "amend", amended, revision=1)
        _record_copies(ws.db, new_id)
    from eco_field.evidence.service import refresh_checks

    refresh_checks(ws.db, new_id)
    return new_id
