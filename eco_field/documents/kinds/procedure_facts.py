"""What the case record says about its procedure, read the one way every document kind reads it.

The procedure engine (eco_field.law: procedure_state, procedure_facts) owns the rules; documents only print its
facts. A document prints what was on record when it was issued: events are read as recorded up to that moment
(recorded_at, not their date — an approval entered later but dated earlier is not on an earlier document), so
`documents verify` gathers the same record again after the case moved on."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from eco_field.documents import sources
from eco_field.documents.kinds.common import Source, case_as_issued

HEARING_THRESHOLD = 200000  # 较大数额, legal persons (生态环境行政处罚办法 art. 89, from commentary); doc_hearing_threshold
# measures that carry a hearing right (生态环境行政处罚办法 art. 46 as summarised in enforcement.md §2.1; the
# article's own text was not available this session)
HEARING_MEASURES = ("停产整治", "停产停业", "责令停业", "关闭", "吊销", "降低资质等级", "限制从业", "禁止从业")


def case_record(src: Source) -> dict[str, Any]:
    return case_as_issued(src)


def law_facts(src: Source) -> dict[str, Any] | None:
    """The procedure engine's facts of the case now (eco_field.law.procedure_facts), None where it is absent.
    Only for what does not move once recorded (the hearing right, a seizure's measure and ground)."""
    try:
        from eco_field.law.procedure_facts import facts
    except ImportError:
        return None
    return facts(src.db, src.need_case())


def event_rows(src: Source, *codes: str) -> list[dict[str, Any]]:
    """{event, date, note, data} of the case, in date order, as recorded up to the document's issue."""
    if src.upto_seq is not None:  # verifying: the events of the case's snapshot at the issue (date, id order)
        return [{"event": e["event"], "date": e["date"], "note": e.get("note") or "", "data": e.get("data") or {}}
                for e in case_as_issued(src).get("events", []) if e["event"] in codes]
    marks = ", ".join("?" * len(codes))
    sql = f"SELECT event, date, note, {{data}} FROM case_events WHERE case_id = ? AND event IN ({marks})"
    params: list[Any] = [src.need_case(), *codes]
    if src.as_of:
        sql += " AND recorded_at <= ?"
        params.append(src.as_of)
    sql += " ORDER BY date, id"
    try:
        rows = src.db.execute(sql.format(data="data_json"), params).fetchall()
    except Exception:  # noqa: BLE001 - a schema before 0008_case_procedure has no data column
        rows = [(*r, "{}") for r in src.db.execute(sql.format(data="''"), params).fetchall()]
    return [{"event": e, "date": d, "note": n or "", "data": json.loads(j or "{}")} for e, d, n, j in rows]


def statements(src: Source) -> list[dict[str, Any]]:
    """The party's 陈述、申辩 and 听证 statements: [{date, text, adopted (bool|None), reason, kind}]."""
    try:
        from eco_field.law.procedure_state import group_statements
    except ImportError:
        return []
    return group_statements([(r["date"], r["note"], r["data"]) for r in event_rows(src, "statement")])


def approvals(src: Source) -> list[dict[str, Any]]:
    """Approval events: [{step (filing|decision|legal_review|collective|closing), by, role, opinion, date}]."""
    try:
        from eco_field.law.procedure_state import approval_list
    except ImportError:
        return []
    return approval_list([(r["date"], r["data"]) for r in event_rows(src, "approved")])


def approval(src: Source, step: str) -> dict[str, Any] | None:
    found = [a for a in approvals(src) if a["step"] == step]
    return found[-1] if found else None


def approvals_required(src: Source) -> dict[str, bool]:
    """Whether 法制审核 (法 art 58) and 集体讨论 (art 57 ¶2) are required, as law.approvals decides them for the
    case as recorded when the document was issued (its events and its fine then)."""
    from eco_field.law import approvals
    from eco_field.law.discretion import Assessment
    from eco_field.law.procedure_state import Event, load

    state = load(src.db, src.need_case())
    rows = event_rows(src, "hearing_held", "production_halted", "decision_extended_collective")
    state.events = [Event(i, r["event"], date.fromisoformat(r["date"]), r["note"], r["data"])
                    for i, r in enumerate(rows)]
    assessment = case_record(src).get("assessment")
    state.assessment = Assessment.from_dict(assessment) if assessment else None
    return {"legal_review": approvals.legal_review_required(state), "collective": approvals.collective_required(state)}


def event_dates(src: Source, *wanted: str) -> dict[str, list[dict[str, Any]]]:
    """{event: [{date, note}, ...]} for the wanted events, as recorded up to the document's issue."""
    out: dict[str, list[dict[str, Any]]] = {w: [] for w in wanted}
    for r in event_rows(src, *wanted):
        out[r["event"]].append({"date": r["date"], "note": r["note"]})
    return out


def waivers(src: Source, *codes: str) -> list[dict[str, Any]]:
    """The written waivers ({date, note}) in date order; from record format 5 each also carries its "scope" as
    recorded (None for a waiver recorded without one: procedure_guards.waiver_scope reads the default)."""
    out = []
    for r in event_rows(src, *(codes or ("waived",))):
        found = {"date": r["date"], "note": r["note"]}
        if src.record_format >= 5:
            found["scope"] = r["data"].get("scope")
        out.append(found)
    return out


def last_event(src: Source, event: str) -> dict[str, Any] | None:
    found = event_dates(src, event)[event]
    return found[-1] if found else None


def filed_on(src: Source) -> str | None:
    """The day the case was filed (立案, its `filed` event) as recorded by the document's issue; None before."""
    found = event_dates(src, "filed")["filed"]
    return found[0]["date"] if found else None


def hearing_right(src: Source, amount: float, measures: list[str] | None = None) -> bool:
    """Whether the party has a right to a hearing: a 较大数额 fine or a measure of the hearing list."""
    threshold = float(src.setting("doc_hearing_threshold") or HEARING_THRESHOLD)
    if measures is None and amount == _case_amount(src) == _amount_now(src):
        # the procedure engine decides the case's own hearing right where it runs (it reads the case as it is
        # now: not for a document verified after the fine was assessed again)
        known = law_facts(src)
        if known is not None and "hearing_right" in known:
            return bool(known["hearing_right"])
    if amount >= threshold:
        return True
    return any(word in m for m in measures or [] for word in HEARING_MEASURES)


def _amount_now(src: Source) -> float | None:
    return (sources.case(src.db, src.need_case()).get("assessment") or {}).get("amount")


def _case_amount(src: Source) -> float | None:
    assessment = case_record(src).get("assessment") or {}
    return assessment.get("amount")
