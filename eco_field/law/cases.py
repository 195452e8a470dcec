"""Penalty cases: an inspection's violations (catalog ids + facts + evidence), the fine assessment, the
procedure events (立案, 告知, 决定, 送达 …) and the statutory deadlines they drive.

Every write goes through write_transaction and changes.record, so cases reach the bureau with sync.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from typing import Any

import sqlite_utils

from eco_field.clock import now_local, utc_now
from eco_field.errors import BadInput, NotFound
from eco_field.law import deadlines as deadline_rules
from eco_field.law import rounds
from eco_field.law.case_events import STATUSES, event_code, history_labels, parse_day, status_code
from eco_field.law.catalog import get_entry, load_catalog
from eco_field.law.data_dir import data_dir_of
from eco_field.law.discretion import Assessment, decide
from eco_field.law.history import history_facts
from eco_field.law.procedure_state import approval_list, fine_hearing_right, group_statements
from eco_field.law.readings_facts import facts_from_readings, multiple_not_applicable
from eco_field.law.workdays import WorkCalendar, load_calendar
from eco_field.store import inspections, settings
from eco_field.store.changes import record
from eco_field.store.database import write_transaction


@dataclass
class CaseViolation:
    catalog_id: str
    facts: str = ""
    evidence_ids: list[str] = field(default_factory=list)


@dataclass
class Case:
    id: str
    inspection_id: str
    enterprise_id: str
    facts: str
    violations: list[CaseViolation]
    assessment: Assessment | None
    status: str
    opened_at: str
    deadlines: list[dict[str, Any]] = field(default_factory=list)
    documents: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    enterprise_name: str = ""
    revision: int = 1
    daily_penalty: dict[str, Any] | None = None  # 按日连续处罚 so far, once an order was served and re-checked

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["assessment"] = self.assessment.to_dict() if self.assessment else None
        data["status_label"] = STATUSES.get(self.status, self.status)
        data["overdue"] = any(d["overdue"] and d["status"] == "overdue" for d in self.deadlines)
        data["near"] = any(d["near"] for d in self.deadlines)
        # what the documents print (the procedure's reading of the event log)
        data["statements"] = group_statements([(e["date"], e["note"], e.get("data") or {}) for e in self.events
                                               if e["event"] == "statement"])
        data["approvals"] = approval_list([(e["date"], e.get("data") or {}) for e in self.events
                                           if e["event"] == "approved"])
        return data


def new_case(db: sqlite_utils.Database, inspection_id: str, violations: list[CaseViolation | str],
             facts: str, *, opened_at: str | None = None) -> Case:
    """Open a case on an inspection. The inspection's start date is recorded as 发现 (discovered).
    opened_at (ISO time): when the case was opened, for a file recorded after the fact (the demo's walk,
    whose steps are dated weeks back): never before the inspection's day nor after today. Default: now."""
    inspection = inspections.get(db, inspection_id)
    items = [v if isinstance(v, CaseViolation) else CaseViolation(str(v)) for v in violations]
    if not items:
        raise BadInput("law.case_no_violation")
    if not facts.strip():
        raise BadInput("law.case_no_facts")
    catalog = load_catalog(data_dir_of(db))
    for item in items:
        item.catalog_id = get_entry(catalog, item.catalog_id).id
        _check_evidence(db, inspection_id, item.evidence_ids)
    case_id, now = str(uuid.uuid4()), utc_now()
    opened = _opened_at(db, inspection.started_at[:10], opened_at)
    with write_transaction(db):
        db.execute("INSERT INTO cases (id, inspection_id, enterprise_id, facts, status, opened_at, created_at,"
                   " updated_at) VALUES (?, ?, ?, ?, 'open', ?, ?, ?)",
                   [case_id, inspection_id, inspection.enterprise_id, facts.strip(), opened, now, now])
        for position, item in enumerate(items):
            db.execute("INSERT INTO case_violations (case_id, position, catalog_id, facts, evidence_json)"
                       " VALUES (?, ?, ?, ?, ?)", [case_id, position, item.catalog_id, item.facts,
                                                   json.dumps(item.evidence_ids)])
        _insert_event(db, case_id, "discovered", inspection.started_at[:10], "现场检查")
        created = get(db, case_id)
        record(db, "case", case_id, "create", snapshot(created), revision=1)
    return created


def _opened_at(db: sqlite_utils.Database, discovered: str, given: str | None) -> str:
    today = now_local(settings.get(db, "time_zone"))
    if given is None:
        return today.isoformat()
    try:
        day = datetime.fromisoformat(given).date().isoformat()
    except ValueError:
        raise BadInput("law.bad_opened_at", value=given) from None
    if not discovered <= day <= today.date().isoformat():
        raise BadInput("law.opened_out_of_range", day=day, discovered=discovered, today=today.date())
    return given


def _check_evidence(db: sqlite_utils.Database, inspection_id: str, evidence_ids: list[str]) -> None:
    for evidence_id in evidence_ids:
        row = db.execute("SELECT inspection_id FROM evidence WHERE id = ?", [evidence_id]).fetchone()
        if row is None or row[0] != inspection_id:
            raise BadInput("law.evidence_not_in_inspection", evidence=evidence_id, inspection=inspection_id)


def get(db: sqlite_utils.Database, case_id: str, today: date | None = None) -> Case:
    row = db.execute("SELECT c.id, c.inspection_id, c.enterprise_id, c.facts, c.status, c.opened_at,"
                     " c.assessment_json, c.revision, e.name FROM cases c JOIN enterprises e ON e.id = c.enterprise_id"
                     " WHERE c.id = ?", [case_id]).fetchone()
    if row is None:
        raise NotFound("law.no_case", id=case_id)
    return _case(db, row, _View.of(db, today))


def list_cases(db: sqlite_utils.Database, today: date | None = None) -> list[Case]:
    rows = db.execute("SELECT c.id, c.inspection_id, c.enterprise_id, c.facts, c.status, c.opened_at,"
                      " c.assessment_json, c.revision, e.name FROM cases c JOIN enterprises e ON e.id = c.enterprise_id"
                      " ORDER BY c.opened_at DESC, c.id").fetchall()
    view = _View.of(db, today)
    return [_case(db, row, view) for row in rows]


@dataclass(frozen=True)
class _View:
    """What reading one or many cases needs once: today, the holiday calendar, the documents table."""

    today: date
    calendar: WorkCalendar
    documents: bool
    settings: dict[str, str]

    @classmethod
    def of(cls, db: sqlite_utils.Database, today: date | None) -> _View:
        columns = {c.name for c in db["documents"].columns} if db["documents"].exists() else set()
        return cls(today or now_local(settings.get(db, "time_zone")).date(), load_calendar(data_dir_of(db)),
                   "case_id" in columns, settings.get_all(db))


def _case(db: sqlite_utils.Database, row: tuple, view: _View) -> Case:
    case_id, assessment_json = row[0], row[6]
    violations = [CaseViolation(cid, facts, json.loads(ev)) for cid, facts, ev in db.execute(
        "SELECT catalog_id, facts, evidence_json FROM case_violations WHERE case_id = ? ORDER BY position",
        [case_id]).fetchall()]
    events = [{"event": e, "label": "", "date": d, "note": n, "data": json.loads(x or "{}")}
              for e, d, n, x in db.execute("SELECT event, date, note, data_json FROM case_events WHERE case_id = ?"
                                           " ORDER BY date, id", [case_id]).fetchall()]
    assessment = Assessment.from_dict(json.loads(assessment_json)) if assessment_json else None
    hearing = fine_hearing_right(assessment.amount if assessment else 0, view.settings)
    for event, label in zip(events, history_labels([e["event"] for e in events], hearing), strict=True):
        event["label"] = label  # as the record reads (the notice's hearing right, the decision served)
    fine_due = assessment is None or assessment.amount > 0
    deadlines = deadline_rules.compute([(e["event"], date.fromisoformat(e["date"])) for e in events], view.today,
                                       fine_due=fine_due, calendar=view.calendar,
                                       fine_amount=assessment.amount if assessment else None)
    return Case(id=case_id, inspection_id=row[1], enterprise_id=row[2], facts=row[3], violations=violations,
                assessment=assessment, status=row[4], opened_at=row[5], deadlines=deadlines,
                documents=_documents(db, case_id) if view.documents else [], events=events,
                daily_penalty=_daily(events, assessment, view.today), enterprise_name=row[8], revision=row[7])


def _daily(events: list[dict[str, Any]], assessment: Assessment | None, today: date) -> dict[str, Any] | None:
    served = [date.fromisoformat(e["date"]) for e in events if e["event"] == "order_served"]
    # days are counted only up to a re-check that has happened (one dated ahead, from older data, is left out)
    rechecks = [(date.fromisoformat(e["date"]), e["event"] == "recheck_violation") for e in events
                if e["event"] in ("recheck_violation", "recheck_corrected") and e["date"] <= today.isoformat()]
    if not served or not rechecks or assessment is None or assessment.amount <= 0:
        return None
    try:
        stopped = rounds.stopped_periods([(e["event"], date.fromisoformat(e["date"])) for e in events])
        return deadline_rules.daily_penalty(assessment.amount, served[0], rechecks, None,
                                            [(a, b) for a, b, _ in stopped])
    except BadInput:  # a re-check dated before the order: shown as missing rather than failing the case
        return None


def _documents(db: sqlite_utils.Database, case_id: str) -> list[dict[str, Any]]:
    """Documents issued for the case, from the documents area's table."""
    cursor = db.execute("SELECT * FROM documents WHERE case_id = ?", [case_id])
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, r, strict=True)) for r in cursor.fetchall()]


def preview_assessment(db: sqlite_utils.Database, case_id: str, factors: dict[str, str],
                       investment: float | None = None, disposal_cost: float | None = None,
                       occurrences: int = 1) -> Assessment:
    """What assess() would store, without storing it (the calculator dialog's live preview). Uses the same
    facts the records give: readings of the inspection and the enterprise's earlier cases."""
    from eco_field.law.case_assessment import assess_violations

    case = get(db, case_id)
    catalog = load_catalog(data_dir_of(db))
    known, notes = _known_facts(db, case)
    return assess_violations([get_entry(catalog, v.catalog_id) for v in case.violations], factors,
                             investment, disposal_cost, occurrences, data_dir_of(db), known, notes)


def assess(db: sqlite_utils.Database, case_id: str, factors: dict[str, str], investment: float | None = None,
           disposal_cost: float | None = None, occurrences: int = 1, *, amount: int | None = None,
           reason: str = "", legal_ground: str | None = None) -> Case:
    """Compute the fine for every violation of the case and store it (with its rationale) on the case.

    amount: the bureau's decided amount instead of the suggestion; outside the statutory range it needs
    legal_ground, else BadInput and nothing is stored."""
    from eco_field.law import procedure  # procedure reads cases' records: imported here, not at the top

    procedure.assessment_allowed(db, case_id)
    assessment = preview_assessment(db, case_id, factors, investment, disposal_cost, occurrences)
    if amount is not None:
        assessment = decide(assessment, amount, reason, legal_ground)
    with write_transaction(db):
        db.execute("UPDATE cases SET assessment_json = ?, revision = revision + 1, updated_at = ? WHERE id = ?",
                   [json.dumps(assessment.to_dict(), ensure_ascii=False), utc_now(), case_id])
        updated = get(db, case_id)
        record(db, "case", case_id, "assess", snapshot(updated), revision=updated.revision)
    return updated


def _known_facts(db: sqlite_utils.Database, case: Case) -> tuple[dict[str, str], list[str]]:
    """Facts the records already tell: readings (超标倍数 …) and the enterprise's earlier cases."""
    discovered = min((date.fromisoformat(e["date"]) for e in case.events if e["event"] == "discovered"),
                     default=date.fromisoformat(case.opened_at[:10]))
    past, notes = history_facts(db, case.id, case.inspection_id, case.enterprise_id,
                                [v.catalog_id for v in case.violations], discovered)
    notes += multiple_not_applicable(db, case.inspection_id)  # a DO/pH exceedance has no 超标倍数: said so
    return {**facts_from_readings(db, case.inspection_id), **past}, notes


PULLED_STATUS = "pull_status"  # the audit action of a status pulled from the bureau


def set_status(db: sqlite_utils.Database, case_id: str, status: str, sync: bool = True, reason: str = "") -> Case:
    """A status pulled from the bureau (sync=False), or an audited correction of the stored status with its
    reason. A correction changes what the case lists show; what may happen next is still decided by the
    event record (procedure.py), so no correction can skip a step."""
    code = status_code(status)
    if sync and not reason.strip():
        raise BadInput("law.status_by_hand")
    with write_transaction(db):
        get(db, case_id)
        db.execute("UPDATE cases SET status = ?, revision = revision + 1, updated_at = ? WHERE id = ?",
                   [code, utc_now(), case_id])
        updated = get(db, case_id)
        # a status taken from the bureau is audited as such: it goes with no outbox entry, and the bureau's
        # case export must not count it as one of this device's changes (bureau/case_export.py)
        payload = snapshot(updated) if not sync else {**snapshot(updated), "correction_reason": reason.strip()}
        record(db, "case", case_id, "status_correction" if sync else PULLED_STATUS, payload, sync=sync,
               revision=updated.revision)
    return updated


def record_event(db: sqlite_utils.Database, case_id: str, event: str, day: date | str, note: str = "",
                 data: dict[str, Any] | None = None, *, sync: bool = True) -> Case:
    """Record a dated procedure event once the procedure allows it (else BadInput naming what is missing);
    it drives the deadlines and the status. sync=False for an event pulled from the bureau."""
    from eco_field.law import procedure

    code, when = event_code(event), parse_day(day)
    details = {k: v for k, v in (data or {}).items() if v not in (None, "")}
    with write_transaction(db):
        get(db, case_id)
        procedure.check_event(db, case_id, code, when, {**details, "note": note})
        _insert_event(db, case_id, code, when.isoformat(), note, details)
        status = procedure.status_of(db, case_id)
        db.execute("UPDATE cases SET status = ?, revision = revision + 1, updated_at = ? WHERE id = ?",
                   [status, utc_now(), case_id])
        updated = get(db, case_id)
        record(db, "case", case_id, "event" if sync else "pull", snapshot(updated), sync=sync,
               revision=updated.revision)
    return updated


def _insert_event(db: sqlite_utils.Database, case_id: str, event: str, day: str, note: str,
                  data: dict[str, Any] | None = None) -> None:
    db.execute("INSERT INTO case_events (case_id, event, date, note, recorded_at, data_json) VALUES (?, ?, ?, ?, ?, ?)",
               [case_id, event, day, note, utc_now(), json.dumps(data or {}, ensure_ascii=False, sort_keys=True)])


def snapshot(case: Case) -> dict[str, Any]:
    """The case as the bureau and the audit chain see it (deadlines and documents are derived, left out)."""
    data = case.to_dict()
    for derived in ("deadlines", "documents", "enterprise_name", "status_label", "overdue", "near", "daily_penalty",
                    "statements", "approvals"):
        data.pop(derived, None)
    return data
