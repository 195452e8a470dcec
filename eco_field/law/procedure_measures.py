"""Guards of the linked measures: 查封扣押 (查扣办法), 先行登记保存 (法 art 56), 责令改正 and 按日连续处罚
(按日办法), 限制生产/停产整治 (限产办法) and the two transfers (环保法 art 63; 移送规定). Same contract as
procedure_guards."""

from __future__ import annotations

from datetime import date, timedelta

from eco_field.law import approvals
from eco_field.law.procedure_decision import SEIZURE_GROUNDS, daily_open, period_open, unreviewed
from eco_field.law.procedure_guards import (
    BEFORE_DECISION,
    _in,
    _not_before,
    first,
    need,
    status_of,
    step_label,
)
from eco_field.law.procedure_state import CaseState
from eco_field.messages import text

LIVE = ("open", *BEFORE_DECISION, "decided", "no_penalty", "served", "paid", "enforcing")


# -- 查封、扣押 --
def seizure_active(s: CaseState):
    seized = s.last("seized")
    return seized if seized is not None and not s.after("seizure_lifted", seized) else None


def seizure_ground(s: CaseState, data: dict | None) -> str | None:
    """The catalog grants 查封、扣押 for one of the violations, or the officer names the item of 办法第四条."""
    if s.grants("查封、扣押") or data is None:
        return None
    try:
        item = int(str(data.get("ground_item") or "0"))
    except ValueError:
        item = 0
    if item not in SEIZURE_GROUNDS:
        return text("procedure.seizure_not_granted")
    return need(data, "note", text("procedure.need_seizure_facts"))


def seized(s: CaseState, day: date, data: dict | None) -> str | None:
    measure = None if data is None else str(data.get("measure") or "")
    return first(_in(s, LIVE, "seized"), text("procedure.seized_already") if seizure_active(s) else None,
                 None if measure is None or measure in ("查封", "扣押") else text("procedure.need_measure"),
                 seizure_ground(s, data),
                 need(data, "approved_by", text("procedure.need_approved_by")))


def seizure_extended(s: CaseState, day: date, data: dict | None) -> str | None:
    active = seizure_active(s)
    if active is None:
        return text("procedure.no_active_seizure")
    end = active.day + timedelta(days=30)
    return first(text("procedure.seizure_extended_once") if s.after("seizure_extended", active) else None,
                 _not_before(day, active),
                 text("procedure.seizure_period_over", end=end) if day > end else None,
                 need(data, "note", text("procedure.need_extension_note")))


def seizure_lifted(s: CaseState, day: date, data: dict | None) -> str | None:
    active = seizure_active(s)
    return text("procedure.no_active_seizure") if active is None else _not_before(day, active)


def preserved(s: CaseState, day: date, data: dict | None) -> str | None:
    return first(_in(s, BEFORE_DECISION, "preserved"), need(data, "note", text("procedure.need_preservation_note")))


def preservation_decided(s: CaseState, day: date, data: dict | None) -> str | None:
    kept = s.last("preserved")
    if kept is None:
        return text("procedure.nothing_preserved")
    return first(text("procedure.preservation_decided_already") if s.after("preservation_decided", kept) else None, _not_before(day, kept))


# -- 责令改正、复查、按日连续处罚 --
def order_served(s: CaseState, day: date, data: dict | None) -> str | None:
    return first(_in(s, LIVE, "order_served"), _not_before(day, s.last("discovered")))


def recheck(s: CaseState, day: date, data: dict | None) -> str | None:
    order = s.last("order_served")
    if order is None:
        return text("procedure.order_not_served")
    end = order.day + timedelta(days=30)
    return first(text("procedure.recheck_before_order", day=day, order=order.day) if day <= order.day else None,
                 text("procedure.recheck_late", end=end) if day > end else None)


def daily_notified(s: CaseState, day: date, data: dict | None) -> str | None:
    from eco_field.documents.kinds import MODULES

    check = s.last("recheck_violation")
    needs_doc = "daily-penalty-notice" in MODULES and not s.documents_of("daily-penalty-notice")
    return first(None if s.has("decided") else text("procedure.original_decision_missing"),
                 None if s.has("order_served") else text("procedure.order_not_served"),
                 None if check else text("procedure.no_failed_recheck"),
                 text("procedure.daily_stopped_discharge")
                 if s.has("production_halted") or seizure_active(s) else None,
                 text("procedure.daily_notice_served") if check and s.after("daily_notified", check) else None,
                 _not_before(day, check),
                 text("procedure.daily_notice_not_issued") if needs_doc else None)


def daily_ready(s: CaseState, day: date, *, with_approval: bool = True) -> str | None:
    notice = s.last("daily_notified")
    if notice is None or not daily_open(s):
        return daily_notified(s, day, None) or text("procedure.daily_notice_not_served")
    return first(period_open(s, notice, day), unreviewed(s),
                 approvals.missing(s, "decision", day, since=notice.day) if with_approval else None)


def daily_decided(s: CaseState, day: date, data: dict | None) -> str | None:
    docs = s.documents_of("daily-penalty-decision")
    return first(daily_ready(s, day), None if docs else text("procedure.daily_decision_not_issued"))


# -- 限产、停产 --
def production(measure: str, code: str):
    """measure: the catalog's words for it (限制生产 / 停产整治); code: its event."""
    def guard(s: CaseState, day: date, data: dict | None) -> str | None:
        notice = s.last("notified")
        return first(None if s.grants(measure) else text("procedure.measure_not_granted", measure=step_label(code)),
                     _in(s, ("notified", "decided", "served"), code),
                     period_open(s, notice, day) if notice else text("procedure.notice_not_served"),
                     approvals.missing(s, "decision", day),
                     need(data, "note", text("procedure.need_measure_note", measure=step_label(code))))
    return guard


# -- 移送 --
def detention_transfer(s: CaseState, day: date, data: dict | None) -> str | None:
    status = status_of(s.events)
    return first(None if status in ("decided", "served", "paid", "enforcing") else text("procedure.detention_before_decision"),
                 None if s.grants("行政拘留") else text("procedure.not_article_63"),
                 text("procedure.detention_done") if s.has("detention_transfer") else None,
                 need(data, "note", text("procedure.need_detention_note")))


def criminal_transfer(s: CaseState, day: date, data: dict | None) -> str | None:
    return first(_in(s, ("filed", "investigated", "notified", "suspended"), "criminal_transfer"),
                 need(data, "note", text("procedure.need_criminal_note")))
