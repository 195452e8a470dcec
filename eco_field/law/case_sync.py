"""Cases pulled from the bureau: a status change for a case this device has, or a whole case (the snapshot
cases.snapshot() pushes) that another device or the bureau made. Applied with sync=False (not pushed back)."""

from __future__ import annotations

import json
from typing import Any

import sqlite_utils

from eco_field.clock import utc_now
from eco_field.errors import BadInput, NotFound
from eco_field.law import cases
from eco_field.law.case_events import event_code, parse_day, status_code
from eco_field.messages import text
from eco_field.store.changes import record
from eco_field.store.database import write_transaction


def apply_remote(db: sqlite_utils.Database, payload: dict[str, Any]) -> cases.Case:
    """Upsert a case from the bureau. A payload with only id + status changes the status; a full snapshot
    with a higher revision replaces the local case (its violations, events and assessment)."""
    case_id = str(payload.get("id") or "")
    if not case_id or "status" not in payload:
        raise BadInput("law.case_sync_incomplete")
    exists = db.execute("SELECT revision FROM cases WHERE id = ?", [case_id]).fetchone()
    if "violations" not in payload:
        if exists is None:
            raise NotFound("law.case_sync_unknown", case=case_id)
        return cases.set_status(db, case_id, payload["status"], sync=False)
    if exists is not None and int(payload.get("revision") or 0) <= exists[0]:
        return cases.get(db, case_id)
    with write_transaction(db):
        _replace(db, case_id, payload, exists is not None)
        result = cases.get(db, case_id)
        record(db, "case", case_id, "pull", cases.snapshot(result), sync=False, revision=result.revision)
    return result


def _replace(db: sqlite_utils.Database, case_id: str, p: dict[str, Any], exists: bool) -> None:
    if db.execute("SELECT 1 FROM inspections WHERE id = ?", [p.get("inspection_id")]).fetchone() is None:
        raise NotFound("law.case_sync_no_inspection", case=case_id, inspection=p.get("inspection_id"))
    now = utc_now()
    assessment = json.dumps(p["assessment"], ensure_ascii=False) if p.get("assessment") else None
    if exists:
        db.execute("DELETE FROM case_violations WHERE case_id = ?", [case_id])
        db.execute("DELETE FROM case_events WHERE case_id = ?", [case_id])
        db.execute("UPDATE cases SET facts = ?, status = ?, assessment_json = ?, revision = ?, updated_at = ?"
                   " WHERE id = ?", [p.get("facts", ""), status_code(p["status"]), assessment,
                                     int(p.get("revision") or 1), now, case_id])
    else:
        db.execute("INSERT INTO cases (id, inspection_id, enterprise_id, facts, status, opened_at, assessment_json,"
                   " revision, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                   [case_id, p["inspection_id"], p["enterprise_id"], p.get("facts", ""), status_code(p["status"]),
                    p.get("opened_at") or now, assessment, int(p.get("revision") or 1), now, now])
    for position, v in enumerate(p["violations"]):
        db.execute("INSERT INTO case_violations (case_id, position, catalog_id, facts, evidence_json)"
                   " VALUES (?, ?, ?, ?, ?)", [case_id, position, v["catalog_id"], v.get("facts", ""),
                                               json.dumps(v.get("evidence_ids", []))])
    for e in p.get("events", []):
        data = e.get("data") if isinstance(e.get("data"), dict) else {}
        db.execute("INSERT INTO case_events (case_id, event, date, note, recorded_at, data_json)"
                   " VALUES (?, ?, ?, ?, ?, ?)", [case_id, event_code(e["event"]), parse_day(e["date"]).isoformat(),
                                                  e.get("note", ""), now, json.dumps(data, ensure_ascii=False)])


def apply_approval(db: sqlite_utils.Database, approval_id: str, payload: dict[str, Any]) -> str | None:
    """An approval made at the bureau (`bureau cases approve`): recorded on the case as the bureau's, once.
    Returns why it could not be applied (the procedure refused it here), or None."""
    case_id = str(payload.get("case_id") or "")
    if db.execute("SELECT 1 FROM cases WHERE id = ?", [case_id]).fetchone() is None:
        return text("sync.skip.approval_no_case", case=case_id, approval=approval_id)
    for (data_json,) in db.execute("SELECT data_json FROM case_events WHERE case_id = ? AND event = 'approved'",
                                   [case_id]):
        if json.loads(data_json or "{}").get("approval_id") == approval_id:
            return None
    try:
        cases.record_event(db, case_id, "approved", payload["date"], str(payload.get("opinion") or ""),
                           {"step": payload["step"], "by": payload["by"], "role": payload["role"],
                            "opinion": payload.get("opinion", ""), "source": "bureau", "approval_id": approval_id},
                           sync=False)
    except BadInput as exc:
        return str(exc)
    return None
