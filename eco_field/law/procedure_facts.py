"""What the case's documents may say about its procedure, read from the event log: the notice (date,
number, periods), the party's statements and whether each was adopted, approvals with names, roles and
opinions, the hearing, monitoring reports, photo explanations, the seizure and the daily-penalty count.
Documents print these; they never print the fine calculator's working."""

from __future__ import annotations

from datetime import date
from typing import Any

import sqlite_utils

from eco_field.law import approvals, monitoring_results, rounds
from eco_field.law.deadlines import daily_penalty
from eco_field.law.procedure_decision import SEIZURE_GROUNDS
from eco_field.law.procedure_guards import status_of
from eco_field.law.procedure_measures import limit_end
from eco_field.law.procedure_state import CaseState, Event, load


def facts(db: sqlite_utils.Database, case_id: str, today: date | None = None) -> dict[str, Any]:
    return facts_of(load(db, case_id, today))


def _day(e: Event | None) -> dict[str, Any] | None:
    return None if e is None else {"date": e.day.isoformat(), "note": e.note}


def _doc(s: CaseState, kind: str) -> dict[str, Any] | None:
    docs = s.documents_of(kind)
    return {"number": docs[-1]["number"], "issued_at": docs[-1]["issued_at"]} if docs else None


def facts_of(s: CaseState) -> dict[str, Any]:
    notice, decision = s.last("notified"), s.last("decided") or s.last("no_penalty")
    notice_doc = _doc(s, "penalty-notice")
    return {
        "status": status_of(s.events),
        "discovered": s.discovered.isoformat(),
        "filed": _day(s.last("filed")),
        "investigated": _day(s.last("investigated")),
        "hearing_right": s.hearing_right,
        "exceedance": bool(s.exceedance),
        "notice": None if notice is None and notice_doc is None else {
            "date": notice.day.isoformat() if notice else None,
            "number": notice_doc["number"] if notice_doc else None,
            "issued_at": notice_doc["issued_at"] if notice_doc else None,
            "hearing_right": s.hearing_right,
            "statement_due": s.statement_due(notice).isoformat() if notice else None,
            "hearing_due": s.hearing_due(notice).isoformat() if notice and s.hearing_right else None},
        "waiver": _day(s.last("waived")),
        "statements": s.statements(),
        "hearing": None if not s.has("hearing_requested") else {
            "requested": _day(s.last("hearing_requested")), "notified": _day(s.last("hearing_notified")),
            "held": _day(s.last("hearing_held"))},
        "approvals": [{"step": e.data.get("step"), "step_label": approvals.STEPS.get(e.data.get("step"), ""),
                       "by": e.data.get("by"), "role": e.data.get("role"), "opinion": e.data.get("opinion", ""),
                       "date": e.day.isoformat(), "source": e.data.get("source", "device"),
                       "passed": approvals.passed(e.data)} for e in s.all("approved")],
        "legal_review_required": approvals.legal_review_required(s),
        "collective_required": approvals.collective_required(s),
        "decision": None if decision is None else {"date": decision.day.isoformat(), "kind": decision.code,
                                                   **(_doc(s, "penalty-decision" if decision.code == "decided"
                                                           else "no-penalty-decision") or {"number": None})},
        "served": _day(s.last("served")),
        "monitoring_reports": [{"number": e.data.get("number"), "body": e.data.get("body"), "date": e.day.isoformat(),
                                "evidence_id": e.data.get("evidence_id"), "sha256": e.data.get("sha256"),
                                # what it measured (law/monitoring_results.py), each with whether it exceeds
                                "results": [{**r, "exceeds": monitoring_results.exceeds(r),
                                             "multiple": monitoring_results.multiple(r)}
                                            for r in monitoring_results.read(e.data)]}
                               for e in s.all("monitoring_report")],
        "evidence_notes": {i: note for ids in s.evidence.values() for i in ids if (note := s.evidence_note(i))},
        "seizure": _seizure(s),
        "daily": _daily(s),
        "production": _production(s),
        "transfers": [{"event": e.code, "date": e.day.isoformat(), "note": e.note}
                      for e in s.events if e.code in ("detention_transfer", "criminal_transfer")],
    }


def _seizure(s: CaseState) -> dict[str, Any] | None:
    seized = s.last("seized")
    if seized is None:
        return None
    item = seized.data.get("ground_item")
    item = int(item) if str(item or "").isdigit() else None
    return {"date": seized.day.isoformat(), "measure": seized.data.get("measure", ""), "ground_item": item,
            "ground_text": SEIZURE_GROUNDS.get(item, "") if item else "", "ground_note": seized.note,
            "granted_by_catalog": [e.id for e in s.grants("查封、扣押")], "approved_by": seized.data.get("approved_by"),
            # of this measure only: an earlier seizure's extension or release is not this one's
            "extended": _day((s.after("seizure_extended", seized) or [None])[-1]),
            "lifted": _day((s.after("seizure_lifted", seized) or [None])[-1])}


def _daily(s: CaseState) -> dict[str, Any] | None:
    order = s.last("order_served")
    if order is None:
        return None
    violating = [e for e in s.all("recheck_violation") if e.day <= s.today]
    per_round = daily_rounds(s)
    last = per_round[-1] if per_round and violating else None
    return {"order_served": order.day.isoformat(), "recheck": violating[-1].day.isoformat() if violating else None,
            "recheck_note": violating[-1].note if violating else "", "notified": _day(s.last("daily_notified")),
            "days": last["days"] if last else 0, "amount": last["amount"] if last else 0,
            "from": last["from"] if last else None, "to": last["to"] if last else None,
            "round": last["round"] if last else 0, "rounds": per_round,
            "periods": last["periods"] if last else [], "excluded": last["excluded"] if last else []}


def daily_rounds(s: CaseState) -> list[dict[str, Any]]:
    """Each 按日连续处罚 round (law/rounds.py): {round, days, amount, from, to, notified, decided, served, paid}; the days of
    each from the day after the previous round's 复查 (none overlap)."""
    order = s.last("order_served")
    if order is None:
        return []
    rechecks = [(e.day, e.code == "recheck_violation") for e in s.events
                if e.code in ("recheck_violation", "recheck_corrected") and e.day <= s.today]
    decided, notified = s.all("daily_decided"), s.all("daily_notified")
    stopped = [(a, b) for a, b, _ in stopped_periods(s)]
    served, paid = s.all("daily_served"), s.all("daily_paid")
    per_round = []
    for number, (since, mine) in enumerate(rounds.daily_rounds(rechecks, [e.day for e in decided]), start=1):
        counted = daily_penalty(s.amount, order.day, mine, since, stopped) if s.amount > 0 else None
        per_round.append({"round": number, "days": counted["days"] if counted else 0,
                          "amount": counted["amount"] if counted else 0,
                          "from": counted["from"] if counted else None, "to": counted["to"] if counted else None,
                          # the periods counted and the days a 查封/扣押 or 停产整治 left out (additive)
                          "periods": counted["periods"] if counted else [],
                          "excluded": counted["excluded"] if counted else [],
                          "notified": notified[number - 1].day.isoformat() if len(notified) >= number else None,
                          "decided": decided[number - 1].day.isoformat() if len(decided) >= number else None,
                          "served": served[number - 1].day.isoformat() if len(served) >= number else None,
                          "paid": paid[number - 1].day.isoformat() if len(paid) >= number else None})
    return per_round


def stopped_periods(s: CaseState) -> list[tuple[date, date | None, str]]:
    """The case's 查封/扣押 and 停产整治 periods (law/rounds.py): no 按日 day is counted in them."""
    return rounds.stopped_periods([(e.code, e.day) for e in s.events])


def round_amount(s: CaseState, notice: Event | None = None) -> float:
    """The total of the 按日 round a notice (`daily_notified`) belongs to, or of the last round; 0 when none."""
    per_round = daily_rounds(s)
    if notice is not None:
        index = [e.seq for e in s.all("daily_notified")].index(notice.seq)
        return per_round[index]["amount"] if index < len(per_round) else 0
    return per_round[-1]["amount"] if per_round else 0


def _production(s: CaseState) -> dict[str, Any] | None:
    """The last intended 限产/停产: the measure, the 限产 months, the ground item, its notice and its order."""
    proposed = s.last("production_proposed")
    if proposed is None:
        return None
    code = "production_limited" if proposed.data.get("measure") == "限制生产" else "production_halted"
    notice = s.after("production_notified", proposed)
    order = s.after(code, proposed)
    months = str(proposed.data.get("months") or "")
    return {"measure": proposed.data.get("measure", ""), "months": int(months) if months.isdigit() else None,
            "ground_item": proposed.data.get("ground_item"), "note": proposed.note, "date": proposed.day.isoformat(),
            "notified": _day(notice[-1]) if notice else None, "ordered": _day(order[-1]) if order else None,
            "extended": _day(s.last("production_limit_extended")) if order else None,
            "limit_end": end.isoformat() if (end := limit_end(s)) and order else None,
            "plan_filed": _day(s.after("production_plan_filed", order[-1])[-1])
            if order and s.after("production_plan_filed", order[-1]) else None,
            "lifted": _day(s.after("production_lifted", order[-1])[-1])
            if order and s.after("production_lifted", order[-1]) else None}
