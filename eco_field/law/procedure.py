"""The case procedure: the one place that knows which event may follow which, their preconditions
(steps done, dates in order and not in the future, periods elapsed or waived in writing, approvals), and
which document kinds each step may issue. The CLI, the GUI, document rendering and the bureau ask it.

  check_event(db, case_id, event, day, data)  -> BadInput with the Chinese reason, or nothing
  next_steps(db, case_id)                     -> {"events": [...], "documents": [...]} (`cases next --json`)
  document_allowed(db, case_id, kind)         -> (bool, reason)
  facts(db, case_id)                          -> what the documents print about the procedure
Rules and their sources: ../shared/domain/procedure.md; guards in procedure_guards / _decision / _measures.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import sqlite_utils

from eco_field.errors import BadInput
from eco_field.law import approvals, rounds
from eco_field.law import procedure_decision as dec
from eco_field.law import procedure_guards as g
from eco_field.law import procedure_measures as m
from eco_field.law.procedure_facts import facts  # noqa: F401  (the documents' view of the procedure)
from eco_field.law.procedure_state import CaseState, load
from eco_field.messages import text

# event code -> (label, guard); the order is the order `cases next` lists them in
EVENTS: dict[str, tuple[str, g.Guard]] = {
    "filing_extended": ("立案期限延长", g.filing_extended),
    "filed": ("立案", g.filed),
    "not_filed": ("不予立案", g.not_filed),
    "monitoring_report": ("附监测报告", g.monitoring_report),
    "evidence_explained": ("说明照片疑点", g.evidence_note),
    "evidence_excluded": ("排除证据", g.evidence_note),
    "investigated": ("调查终结（案件调查报告）", lambda s, day, data: m.preservation_pending(s, day)
                     or g.investigated(s, day, data)),
    "suspended": ("案件中止", g.suspended),
    "resumed": ("案件恢复", g.resumed),
    "withdrawn": ("销案（撤销立案）", g.withdrawn),
    "criminal_transfer": ("涉嫌犯罪移送司法机关", m.criminal_transfer),
    "notified": ("送达行政处罚事先（听证）告知书", g.notified),
    "statement": ("当事人陈述申辩", g.statement),
    "waived": ("当事人书面放弃陈述申辩（听证）", g.waived),
    "hearing_requested": ("当事人申请听证", g.hearing_requested),
    "hearing_notified": ("送达听证通知书", g.hearing_notified),
    "hearing_held": ("举行听证", g.hearing_held),
    "decision_extended": ("决定期限延长（负责人批准）", dec.decision_extended),
    "decision_extended_collective": ("决定期限再延长（集体讨论）", dec.decision_extended_collective),
    "decided": ("作出行政处罚决定", dec.decided),
    "no_penalty": ("作出不予行政处罚决定", dec.no_penalty),
    "served": ("送达决定书", dec.served),
    "installments": ("批准分期（延期）缴纳罚款", dec.installments),
    "payment_reminder": ("送达催告书", dec.payment_reminder),
    "court_application": ("申请人民法院强制执行", dec.court_application),
    "paid": ("缴纳罚款", dec.paid),
    "detention_transfer": ("移送公安机关行政拘留", m.detention_transfer),
    "closed": ("结案", dec.closed),
    "seized": ("实施查封、扣押", m.seized),
    "seizure_extended": ("查封、扣押延期", m.seizure_extended),
    "seizure_lifted": ("解除查封、扣押", m.seizure_lifted),
    "seizure_release_served": ("送达解除查封（扣押）决定书", m.seizure_release_served),
    "preserved": ("先行登记保存证据", m.preserved),
    "preservation_decided": ("先行登记保存处理决定", m.preservation_decided),
    "order_served": ("送达责令改正违法行为决定书", m.order_served),
    "recheck_violation": ("复查发现仍在违法", m.recheck_violation),
    "recheck_corrected": ("复查已改正", m.recheck),
    "daily_notified": ("送达按日连续处罚事先告知书", m.daily_notified),
    "daily_decided": ("作出按日连续处罚决定", m.daily_decided),
    "daily_served": ("送达按日连续处罚决定书", m.daily_served),
    "daily_paid": ("缴纳按日连续处罚罚款", m.daily_paid),
    "production_proposed": ("拟责令限制生产或者停产整治（负责人批准）", m.production_proposed),
    "production_notified": ("送达责令限制生产（停产整治）事先（听证）告知书", m.production_notified),
    "production_limited": ("责令限制生产", m.production("限制生产", "production_limited")),
    "production_halted": ("责令停产整治", m.production("停产整治", "production_halted")),
    "production_limit_extended": ("限制生产期限延长（负责人批准）", m.production_limit_extended),
    "production_plan_filed": ("整改方案报备案", m.production_plan_filed),
    "production_lifted": ("整改完成报备案，限制生产（停产整治）解除", m.production_lifted),
}
# approvals are events too ("approved" with data.step); `cases next` lists them as approve_<step>
APPROVAL_EVENTS = {f"approve_{step}": label for step, label in approvals.STEPS.items()}


# the document an event serves or gives effect to: the event may not be dated before that document's date of
# issue (a document is never served before it was issued; a decision never takes effect before its 决定书)
SERVES: dict[str, tuple[str, ...]] = {
    "notified": ("penalty-notice",), "hearing_notified": ("hearing-notice",),
    "decided": ("penalty-decision",), "no_penalty": ("no-penalty-decision",),
    "served": ("penalty-decision", "no-penalty-decision"), "daily_notified": ("daily-penalty-notice",),
    "daily_decided": ("daily-penalty-decision",), "daily_served": ("daily-penalty-decision",), "payment_reminder": ("payment-reminder",),
    "production_notified": ("production-notice",),
    "production_limited": ("production-limit-order",), "production_halted": ("production-halt-order",),
    "detention_transfer": ("detention-transfer",), "criminal_transfer": ("criminal-transfer",),
    "seizure_release_served": ("seizure-release",),
    "order_served": ("rectification-order",),
}


def _before_issue(s: CaseState, code: str, day: date) -> str | None:
    for kind in SERVES.get(code, ()):
        docs = s.documents_of(kind)
        if docs and day < date.fromisoformat(docs[-1]["issued_on"]):
            return text("procedure.before_issue", day=day, title=g.step_label(kind), number=docs[-1]["number"],
                        issued=docs[-1]["issued_on"])
    return None


def event_label(code: str) -> str:
    return g.step_label(code)


def reason_for(s: CaseState, code: str, day: date, data: dict[str, Any] | None) -> str | None:
    """Why the event cannot be recorded on the day (None when it can)."""
    if day > s.today:
        return text("procedure.future_date", day=day, today=s.today)
    if g.status_of(s.events) == "closed" or s.status == "closed":
        return text("procedure.closed_no_change")
    if code == "approved" or code in APPROVAL_EVENTS:
        step = (data or {}).get("step") or code.removeprefix("approve_")
        if step not in approvals.STEPS:
            return text("procedure.use_command", command="cases approve")
        return dec.approval(s, step, day)
    return EVENTS[code][1](s, day, data) or _before_issue(s, code, day)


def check_event(db: sqlite_utils.Database, case_id: str, code: str, day: date, data: dict[str, Any],
                today: date | None = None) -> None:
    """BadInput (exit 2) naming what is missing, unless the event may be recorded."""
    state = load(db, case_id, today)
    if code == "discovered":
        raise BadInput("procedure.discovered_from_inspection")
    reason = reason_for(state, code, day, data)
    if reason is None and code == "approved":
        reason = approvals.check_approver(state, data["step"], str(data.get("by") or ""), str(data.get("role") or ""),
                                          on_device=data.get("source", "device") == "device")
    if reason:
        raise BadInput("procedure.refused", step=event_label(code), reason=reason)


def status_of(db: sqlite_utils.Database, case_id: str) -> str:
    return g.status_of(load(db, case_id).events)


# -- documents --
# A kind may be issued while its step is open; issuing it again (a corrected version) is the document
# service's business, and once the step is recorded the window closes.
def _notice_ready(s: CaseState) -> str | None:
    reason = g.notified(s, s.today, None)  # s.today: the date of issue asked for
    if reason == text("procedure.notice_not_issued"):
        return g._not_before(s.today, s.last("investigated"))
    return reason


def _daily_notice_ready(s: CaseState) -> str | None:
    reason = m.daily_notified(s, s.today, None)
    if reason == text("procedure.daily_notice_not_issued"):
        return g._not_before(s.today, s.last("recheck_violation"))
    return reason


def _order_ready(s: CaseState, measure: str, draft: bool) -> str | None:
    return m.production_ready(s, measure, s.today, with_approval=not draft) or \
        g._not_before(s.today, s.last("production_notified"))


def _rectification_ready(s: CaseState) -> str | None:
    """A 责令改正 while the case is live; a new round's order (law/rounds.py) not before the 复查 that opened it."""
    reason = g._in(s, m.LIVE, "rectification-order")
    if reason is None and rounds.rectification_round(s) > 1:
        return g._not_before(s.today, s.last("recheck_violation"))
    return reason


def _internal_approval(s: CaseState) -> str | None:
    if dec.daily_open(s):
        return m.daily_ready(s, s.today, with_approval=False)
    if s.no_penalty_assessed:
        return dec.no_penalty_ready(s, s.today, with_approval=False)
    return dec.decision_ready(s, s.today, with_approval=False)


DOCUMENTS: dict[str, Callable[[CaseState, bool], str | None]] = {
    "filing-approval": lambda s, d: g._in(s, ("open",), "filing-approval"),
    "rectification-order": lambda s, d: _rectification_ready(s),
    "investigation-report": lambda s, d: g._in(s, ("filed",), "investigation-report"),
    "penalty-notice": lambda s, d: _notice_ready(s),
    "daily-penalty-notice": lambda s, d: _daily_notice_ready(s),
    "hearing-notice": lambda s, d: g.hearing_notice(s, s.today),
    "hearing-record": lambda s, d: None if s.has("hearing_notified") and not s.has("decided") else
    (text("procedure.decided_already") if s.has("decided") else text("procedure.hearing_notice_not_served")),
    "internal-approval": lambda s, d: _internal_approval(s),
    "penalty-decision": lambda s, d: dec.decision_ready(s, s.today, with_approval=not d),
    "no-penalty-decision": lambda s, d: dec.no_penalty_ready(s, s.today, with_approval=not d),
    "service-receipt": lambda s, d: None if s.documents else text("procedure.nothing_to_serve"),
    "seizure-decision": lambda s, d: m.seizure_decision_document(s),
    "seizure-extension": lambda s, d: m.seizure_extension_document(s),
    "seizure-release": lambda s, d: m.seizure_release_document(s),
    "production-notice": lambda s, d: m.production_notice(s, s.today),
    "daily-penalty-decision": lambda s, d: m.daily_ready(s, s.today, with_approval=not d),
    "production-limit-order": lambda s, d: _order_ready(s, "限制生产", d),
    "production-halt-order": lambda s, d: _order_ready(s, "停产整治", d),
    "detention-transfer": lambda s, d: m.detention_transfer(s, s.today, None),
    "criminal-transfer": lambda s, d: m.criminal_transfer(s, s.today, None),
    "payment-reminder": lambda s, d: dec.reminder_ready(s, s.today),
    "closing-approval": lambda s, d: dec.closing_ready(s),
}


def _document_reason(s: CaseState, kind: str, draft: bool = False) -> str | None:
    rule = DOCUMENTS.get(kind)
    if rule is None:
        return None
    if g.status_of(s.events) == "closed":
        return text("procedure.case_closed")
    if s.today < s.discovered:  # s.today is the date of issue asked for (documents render --date)
        return text("procedure.issue_before_discovery", day=s.today, discovered=s.discovered)
    # a served (or effective) document is never re-issued: that would void it (law/rounds.served_already)
    return rule(s, draft) or rounds.served_already(s, kind)


def document_allowed(db: sqlite_utils.Database, case_id: str, kind: str, today: date | None = None, *,
                     draft: bool = False) -> tuple[bool, str]:
    """Whether the case may issue a document of this kind now, and if not why (Chinese). Kinds that are not
    steps of the case procedure (inspection records, photo sheets …) are always allowed. draft=True: a
    draft for review, made before the approvals it will carry (法制审核 reads the draft decision).
    today: the date of issue (a document recorded after the fact is judged by the case as of its date)."""
    reason = _document_reason(load(db, case_id, today), kind, draft)
    return reason is None, reason or ""


def assessment_allowed(db: sqlite_utils.Database, case_id: str) -> None:
    """BadInput (Chinese) when the case's fine may no longer be computed again: its decision is made."""
    reason = dec.assessment_closed(load(db, case_id))
    if reason:
        raise BadInput("procedure.refused", step=text("procedure.step_assess"), reason=reason)


def next_steps(db: sqlite_utils.Database, case_id: str, today: date | None = None) -> dict[str, list[Any]]:
    from eco_field.law.procedure_facts import daily_rounds

    s = load(db, case_id, today)
    events = []
    for code in [*EVENTS, *APPROVAL_EVENTS]:
        reason = reason_for(s, code, s.today, None)
        events.append({"event": code, "allowed": reason is None, "reason": reason or "",
                       **(_follow_up_round(s, code) or _round_key(s, SERVES.get(code, ("",))[0]))})
    documents = [{"kind": kind, "allowed": (r := _document_reason(s, kind)) is None, "reason": r or "",
                  **_round_key(s, kind)} for kind in DOCUMENTS]
    # each 按日连续处罚 round with its own days and amount (law/rounds.py); warnings: open steps, but said
    return {"events": events, "documents": documents, "daily_rounds": daily_rounds(s),
            "warnings": g.report_warnings(s)}


def _follow_up_round(s: CaseState, code: str) -> dict[str, int]:
    """The 按日 round a service or payment recorded now belongs to: the first round not yet served (paid)."""
    if code in ("daily_served", "daily_paid"):
        return {"round": len(s.all(code)) + 1}
    return {}


def _round_key(s: CaseState, kind: str) -> dict[str, int]:
    """{"round": n} for a kind that repeats per round (law/rounds.py): the round a document issued now is of."""
    n = rounds.round_of(s, kind)
    return {"round": n} if n else {}
