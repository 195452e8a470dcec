"""A case as the bureau holds it, read the way the procedure engine reads a laptop's case: the synced case
record (its events, violations and assessment), the documents synced for it and the approvals given at the
bureau that its laptop has not pulled yet. The engine (law.procedure_decision / law.approvals) decides which
approval steps are open; nothing here decides a rule."""

from __future__ import annotations

import logging
from datetime import date
from typing import Any

from eco_field.bureau.storage import BureauStorage, Record
from eco_field.clock import now_local
from eco_field.errors import NotFound
from eco_field.law import approvals
from eco_field.law import procedure_decision as dec
from eco_field.law import procedure_guards as g
from eco_field.law.case_events import event_code, parse_day
from eco_field.law.catalog import DEFAULT_CATALOG, CatalogEntry, load_catalog
from eco_field.law.discretion import Assessment
from eco_field.law.procedure_state import CaseState, Event
from eco_field.law.workdays import load_calendar

log = logging.getLogger(__name__)

STEP_ORDER = ("filing", "legal_review", "collective", "decision", "closing")
# which console role approves which step (procedure.md: 法制审核 by legal staff; 立案/负责人审批/集体讨论/结案审批 by
# the 负责人) and the approver role written into the approval (one of approvals.FINAL_ROLES[step])
STEP_ROLES = {"filing": "leader", "decision": "leader", "collective": "leader", "legal_review": "reviewer",
              "closing": "leader"}
APPROVER_ROLE = {"leader": "局负责人", "reviewer": "法制审核人员"}
_CATALOG: dict[str, Any] = {}


def bureau_approvals(storage: BureauStorage, case_id: str) -> list[Record]:
    """The approvals given at the bureau for this case (pulled by its laptop or not yet)."""
    return [r for r in storage.records("case_approval") if not r.deleted and r.payload.get("case_id") == case_id]


def shipped_catalog() -> dict[str, CatalogEntry]:
    """The catalog the cases are read with, parsed once per file version (the queue reads thousands of cases)."""
    stamp = DEFAULT_CATALOG.stat().st_mtime_ns
    if _CATALOG.get("stamp") != stamp:
        _CATALOG.update(stamp=stamp, entries=load_catalog(None))
    return _CATALOG["entries"]


def state_of(storage: BureauStorage, case: Record, today: date | None = None,
             approvals_given: list[Record] | None = None, documents: list[Record] | None = None,
             investigators: list[str] | None = None, catalog: dict[str, CatalogEntry] | None = None,
             calendar: Any = None) -> CaseState:
    """The engine's CaseState of a synced case (settings at their defaults: the bureau holds no laptop's).
    documents/investigators: given by the caller, or read here (the queue passes [] — the approval steps
    do not depend on them)."""
    p = case.payload
    events: list[Event] = []
    for i, e in enumerate(p.get("events") or []):
        try:
            events.append(Event(i, event_code(str(e.get("event") or "")), parse_day(e.get("date") or ""),
                                str(e.get("note") or ""), e.get("data") if isinstance(e.get("data"), dict) else {}))
        except Exception:  # noqa: BLE001 - a device's odd event is shown, not fatal to the queue
            continue
    pulled = {e.data.get("approval_id") for e in events if e.code == "approved"}
    given = approvals_given if approvals_given is not None else bureau_approvals(storage, case.entity_id)
    for n, r in enumerate(sorted(given, key=lambda r: r.payload.get("approved_at", ""))):
        if r.entity_id not in pulled:
            q = r.payload
            events.append(Event(10_000 + n, "approved", parse_day(q["date"]), str(q.get("opinion") or ""),
                                {"step": q["step"], "by": q["by"], "role": q["role"], "opinion": q.get("opinion", ""),
                                 "source": "bureau", "approval_id": r.entity_id}))
    events.sort(key=lambda e: (e.day, e.seq))
    catalog = catalog if catalog is not None else shipped_catalog()
    entries = [catalog[v["catalog_id"]] for v in p.get("violations") or [] if v.get("catalog_id") in catalog]
    docs = documents if documents is not None else documents_of(storage, case)
    return CaseState(
        case_id=case.entity_id, status=str(p.get("status") or ""), inspection_id=str(p.get("inspection_id") or ""),
        events=events, entries=entries,
        evidence={v.get("catalog_id", ""): list(v.get("evidence_ids") or []) for v in p.get("violations") or []},
        assessment=Assessment.from_dict(p["assessment"]) if p.get("assessment") else None,
        documents=[_document(d.payload) for d in docs
                   if d.payload.get("status") not in ("void", "voided") and not d.payload.get("void_reason")],
        photo_flags={}, investigators=investigators if investigators is not None else _investigators(storage, p),
        today=today or now_local().date(),
        calendar=calendar if calendar is not None else load_calendar(None), settings={})


def _document(p: dict[str, Any]) -> dict[str, Any]:
    """A synced document as procedure_state reads a laptop's: issued_on is the date printed on it (its facts'
    issued_date), else the day of issued_at; a 按日 round's amount and number from its facts."""
    facts = p.get("facts") if isinstance(p.get("facts"), dict) else {}
    issued_at = str(p.get("issued_at") or "")
    on = facts.get("issued_date") if isinstance(facts.get("issued_date"), str) else None
    try:
        on = date.fromisoformat(on).isoformat() if on else _local_day(issued_at)
    except ValueError:
        on = _local_day(issued_at)
    return {"kind": p.get("kind"), "number": p.get("number"), "status": p.get("status"), "issued_at": issued_at,
            "issued_on": on, "amount_fen": _whole(facts.get("amount_fen")), "round": _whole(facts.get("round"))}


def _whole(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _local_day(iso: str) -> str:
    from datetime import datetime

    from eco_field.clock import zone

    try:
        moment = datetime.fromisoformat(iso)
    except ValueError:
        return ""
    return (moment.astimezone(zone(None)) if moment.tzinfo else moment).date().isoformat()


def _investigators(storage: BureauStorage, payload: dict[str, Any]) -> list[str]:
    inspection = storage.record("inspection", str(payload.get("inspection_id") or ""))
    officers = (inspection.payload.get("officers") or []) if inspection else []
    # a synced inspection names its officers by certificate number; the procedure compares names (听证主持人,
    # 法制审核人员 are not the case's investigators), so they are read from the bureau's own officers
    names = {o["cert_no"]: o["name"] for o in storage.officers()} if officers else {}
    return [str(o.get("name") if isinstance(o, dict) else names.get(str(o), o)) for o in officers]


def linked_records(storage: BureauStorage, case: Record) -> list[Record]:
    """The records naming a blob of the case's inspection, of the case's unit (as case_export reads them):
    one indexed read, not every document of the bureau."""
    inspection_id = str(case.payload.get("inspection_id") or "")
    return [r for r in storage.inspection_records(inspection_id) if not r.deleted and r.unit == case.unit
            and isinstance(r.payload, dict) and r.payload.get("inspection_id") == inspection_id]


def documents_of(storage: BureauStorage, case: Record, linked: list[Record] | None = None) -> list[Record]:
    """The inspection's own documents, then the case's."""
    linked = linked_records(storage, case) if linked is None else linked
    docs = [r for r in linked if r.entity == "document"]
    return ([r for r in docs if r.payload.get("case_id") is None]
            + [r for r in docs if r.payload.get("case_id") == case.entity_id])


def waiting_steps(s: CaseState, today: date) -> list[str]:
    """The approval steps the case waits for now: open by the engine, required, and not yet passed."""
    steps = []
    for step in STEP_ORDER:
        needed, since = approvals.required_now(s, step)  # a 按日 round: by its own total, since its notice
        if not needed:
            continue
        if dec.approval(s, step, today) is not None or approvals.missing(s, step, today, since=since) is None:
            continue
        steps.append(step)
    return steps


def queue(storage: BureauStorage, today: date | None = None) -> list[dict[str, Any]]:
    """Every case waiting for an approval, by decision deadline: one row per case with its waiting steps.
    Reads the cases, approvals and enterprises once; closed cases are skipped before the engine reads them."""
    today = today or now_local().date()
    names = {r.entity_id: r.payload.get("name", "") for r in storage.records("enterprise")}
    given: dict[str, list[Record]] = {}
    for r in storage.records("case_approval"):
        given.setdefault(str(r.payload.get("case_id")), []).append(r)
    rows, catalog, calendar = [], shipped_catalog(), load_calendar(None)
    for case in storage.records("case"):
        p = case.payload
        if case.deleted or p.get("status") in g.FINAL:
            continue
        enterprise = names.get(p.get("enterprise_id"), "")
        try:
            s = state_of(storage, case, today, given.get(case.entity_id, []), documents=[], investigators=[],
                         catalog=catalog, calendar=calendar)
            steps = waiting_steps(s, today)
        except Exception:  # noqa: BLE001 - one device's unreadable case must not close the queue to everyone
            log.exception("approvals queue: case %s cannot be read", case.entity_id)
            rows.append(unreadable(case, enterprise))
            continue
        if steps:
            rows.append(summary(s, case, enterprise, steps, today))
    return sorted(rows, key=lambda r: (r["due"] or "9999", r["case_id"]))


def unreadable(case: Record, enterprise: str) -> dict[str, Any]:
    """The queue's row for a case whose synced record the engine cannot read: listed, so it is looked into."""
    return {"case_id": case.entity_id, "enterprise": enterprise, "unit": case.unit,
            "cause": "案件记录无法读取，请核查该设备同步的数据", "status": "记录异常", "steps": [],
            "step_labels": [], "amount": 0, "legal_review_required": False, "collective_required": False,
            "hearing": False, "due": None, "days_left": None}


def summary(s: CaseState, case: Record, enterprise: str, steps: list[str], today: date) -> dict[str, Any]:
    # the decision period (法 art 60) binds until the decision: a decided case waiting for 结案审批 is not overdue
    due = None if s.has("decided") or s.has("no_penalty") else s.decision_due()
    return {"case_id": case.entity_id, "enterprise": enterprise, "unit": case.unit,
            "cause": "；".join(e.description for e in s.entries) or "—",
            "status": g.status_label(g.status_of(s.events)), "steps": steps,
            "step_labels": [approvals.STEPS[st] for st in steps],
            "amount": s.amount, "legal_review_required": approvals.legal_review_required(s),
            "collective_required": approvals.collective_required(s), "hearing": s.has("hearing_held"),
            "due": due.isoformat() if due else None, "days_left": (due - today).days if due else None}


def load_case(storage: BureauStorage, case_id: str) -> Record:
    case = storage.record("case", case_id)
    if case is None or case.deleted:
        raise NotFound("console.no_case", case_id=case_id)
    return case
