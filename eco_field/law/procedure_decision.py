"""Guards of the later steps: approvals, the decision (处罚 / 不予处罚), service, execution, 结案, and the
linked measures (查封扣押, 按日连续处罚, 限产停产, 移送). Same contract as procedure_guards."""

from __future__ import annotations

from datetime import date, timedelta

from eco_field import money
from eco_field.law import approvals
from eco_field.law.procedure_guards import (
    BEFORE_DECISION,
    _in,
    _not_before,
    first,
    hearing_waived,
    need,
    status_of,
)
from eco_field.law.procedure_state import CaseState, Event
from eco_field.law.workdays import WorkCalendar
from eco_field.messages import text

SEIZURE_GROUNDS = {  # 《环境保护主管部门实施查封、扣押办法》第四条 (procedure.md §2, paraphrased, not quoted)
    1: "违法排放、倾倒或者处置含传染病病原体的废物、危险废物、含重金属污染物或者持久性有机污染物等有毒物质或者其他有害物质",
    2: "在饮用水水源一级保护区、自然保护区核心区违反法律法规规定排放、倾倒、处置污染物",
    3: "违反法律法规规定排放、倾倒化工、制药、石化、印染、电镀、造纸、制革等工业污泥",
    4: "通过暗管、渗井、渗坑、灌注或者篡改、伪造监测数据，或者不正常运行防治污染设施等逃避监管的方式排放污染物",
    5: "较大、重大和特别重大突发环境事件发生后，未按照要求执行停产、停排措施，继续违反法律法规规定排放污染物",
    6: "法律、法规规定的其他造成或者可能造成严重污染的违法排污行为",
}


def daily_open(s: CaseState) -> bool:
    """A 按日连续处罚 notice was served and its decision is not made yet."""
    notice = s.last("daily_notified")
    return notice is not None and not s.after("daily_decided", notice)


def production_open(s: CaseState) -> bool:
    """A 限产/停产 notice was served and its order is not made yet."""
    notice = s.last("production_notified")
    return notice is not None and not s.after("production_limited", notice) and not s.after("production_halted", notice)


# -- approvals --
def approval(s: CaseState, step: str, day: date) -> str | None:
    status = status_of(s.events)
    if step == "filing":
        return first(_in(s, ("open",), "approve_filing"), _not_before(day, s.last("discovered")))
    if step == "closing":  # 结案审批: once the case may be closed, not dated before the day it became so
        return first(closing_ready(s), _not_before(day, closing_since(s)))
    if step in ("decision", "legal_review", "collective") and daily_open(s):
        return daily_approval(s, step, day)
    if step == "decision" and production_open(s):  # 限产办法第十条: the 负责人 approves the order in writing
        return _not_before(day, s.last("production_notified"))
    if status == "investigated" and step in ("decision", "legal_review", "collective"):
        return None if s.no_penalty_assessed else text("procedure.notice_not_served")
    reason = _in(s, ("notified",), f"approve_{step}")
    if reason:
        return reason
    if step == "legal_review" and s.has("hearing_requested"):
        return text("procedure.hearing_not_held") if not s.has("hearing_held") else _not_before(day, s.last("hearing_held"))
    if step == "collective" and approvals.legal_review_required(s):
        return approvals.missing(s, "legal_review", day)
    return _not_before(day, s.last("notified"))


def daily_approval(s: CaseState, step: str, day: date) -> str | None:
    """The approvals of a 按日连续处罚 round, after its own notice: 法制审核 after any hearing held on it, 集体讨论
    after the 法制审核 where the round requires one (its total: approvals.legal_review_required)."""
    from eco_field.law.procedure_facts import round_amount

    notice = s.last("daily_notified")
    if step == "legal_review" and s.after("hearing_requested", notice):
        held = s.after("hearing_held", notice)
        return _not_before(day, held[-1]) if held else text("procedure.hearing_not_held")
    if step == "collective" and approvals.legal_review_required(s, round_amount(s, notice), notice):
        reason = approvals.missing(s, "legal_review", day, since=notice.day)
        if reason:
            return reason
    return _not_before(day, notice)


# -- 决定 --
def period_open(s: CaseState, notice: Event, day: date) -> str | None:
    """The party's period after a notice: elapsed by the day, or waived in writing. A waiver of the statement
    only (scope statement) keeps the hearing window the notice offered open until its day."""
    if s.after("waived", notice):
        if not s.hearing_right_for(notice) or hearing_waived(s, notice) or s.after("hearing_requested", notice):
            return None
        due = s.hearing_due(notice)
        return text("procedure.hearing_window_open", due=due) if day <= due else None
    due = max(s.statement_due(notice), s.hearing_due(notice) if s.hearing_right_for(notice) else notice.day)
    return text("procedure.period_running", due=due) if day <= due else None


def hearing_open(s: CaseState, notice: Event) -> str | None:
    if s.after("hearing_requested", notice) and not s.after("hearing_held", notice):
        return text("procedure.hearing_pending")
    return None


def unreviewed(s: CaseState) -> str | None:
    pending = [st["text"] for st in s.statements() if st["adopted"] is None]
    if pending:
        short = pending[0] if len(pending[0]) <= 20 else pending[0][:20] + "…"
        return text("procedure.statement_unreviewed", statement=short)
    return None


def decision_ready(s: CaseState, day: date, *, with_approval: bool = True) -> str | None:
    status = status_of(s.events)
    if status in ("open", "filed", "investigated"):
        return text("procedure.not_filed_yet") if status == "open" else text("procedure.notice_not_served")
    notice = s.last("notified")
    if notice is None:  # decided another way (不予处罚 …) with no penalty notice: the status says why
        return _in(s, ("notified",), "decided") or text("procedure.notice_not_served")
    due = s.decision_due()
    return first(_in(s, ("notified",), "decided"),
                 text("procedure.transferred_no_fine") if s.has("criminal_transfer") else None,
                 period_open(s, notice, day), hearing_open(s, notice), unreviewed(s),
                 # a draft (with_approval=False) is what the 法制审核 and the 集体讨论 read: none of the approvals
                 # it will carry is asked of it
                 approvals.missing(s, "legal_review", day) if with_approval and approvals.legal_review_required(s)
                 else None,
                 approvals.missing(s, "collective", day) if with_approval and approvals.collective_required(s)
                 else None,
                 approvals.missing(s, "decision", day, since=notice.day) if with_approval else None,
                 text("procedure.decision_period_over", due=due) if due and day > due else None,
                 text("procedure.not_assessed") if s.amount <= 0 else None,
                 heavier_than_notice(s))


def heavier_than_notice(s: CaseState) -> str | None:
    """法 art 45: no heavier penalty because the party spoke up; a fine above the one the served notice stated
    needs a new notice (and its period) before the decision."""
    notices = s.documents_of("penalty-notice")
    stated = notices[-1].get("amount_fen") if notices else None
    if stated is None or s.amount_fen <= int(stated):
        return None
    return text("procedure.heavier_than_notice", number=notices[-1]["number"], stated=money.yuan_text(int(stated)),
                now=money.yuan_text(s.amount_fen))


def assessment_closed(s: CaseState) -> str | None:
    """Once the decision is made its fine is fixed: a different amount is a new decision (撤销/变更), not a
    re-assessment."""
    decision = (s.documents_of("penalty-decision") or s.documents_of("no-penalty-decision") or [None])[-1]
    if decision is None and not (s.has("decided") or s.has("no_penalty")):
        return None
    return text("procedure.assessed_after_decision", number=decision["number"] if decision else "")


def decided(s: CaseState, day: date, data: dict | None) -> str | None:
    return first(decision_ready(s, day), None if s.documents_of("penalty-decision") else text("procedure.decision_not_issued"),
                 _not_before(day, s.last("notified")))


def no_penalty_ready(s: CaseState, day: date, *, with_approval: bool = True) -> str | None:
    if status_of(s.events) == "filed":
        return text("procedure.investigation_open")
    reason = _in(s, ("investigated", "notified"), "no_penalty")
    if reason is None and not s.no_penalty_assessed:
        unmet = _unmet(s)
        return text("procedure.no_penalty_ground_unmet", unmet=unmet) if unmet \
            else text("procedure.no_penalty_ground_fined")
    return first(reason,
                 text("procedure.transferred") if s.has("criminal_transfer") else None, unreviewed(s),
                 approvals.missing(s, "decision", day) if with_approval else None)


def _unmet(s: CaseState) -> str:
    exemption = (s.assessment.exemption if s.assessment else None) or {}
    return "；".join(str(x) for x in exemption.get("unmet", []) + exemption.get("unknown", []))


def no_penalty(s: CaseState, day: date, data: dict | None) -> str | None:
    from eco_field.documents.kinds import MODULES

    needs_doc = "no-penalty-decision" in MODULES and not s.documents_of("no-penalty-decision")
    return first(no_penalty_ready(s, day), text("procedure.no_penalty_not_issued") if needs_doc else None,
                 _not_before(day, s.last("investigated")))


def decision_extended(s: CaseState, day: date, data: dict | None) -> str | None:
    due = s.decision_due()
    return first(_in(s, BEFORE_DECISION, "decision_extended"),
                 text("procedure.decision_extended_already") if s.has("decision_extended") else None,
                 text("procedure.decision_period_over", due=due) if due and day > due else None,
                 need(data, "note", text("procedure.need_extension_note")))


def decision_extended_collective(s: CaseState, day: date, data: dict | None) -> str | None:
    return first(_in(s, BEFORE_DECISION, "decision_extended_collective"),
                 None if s.has("decision_extended") else text("procedure.first_extension_missing"),
                 text("procedure.decision_extended_twice") if s.has("decision_extended_collective") else None,
                 approvals.missing(s, "collective", day))


# -- 送达、执行、结案 --
def served(s: CaseState, day: date, data: dict | None) -> str | None:
    return first(_in(s, ("decided", "no_penalty"), "served"),
                 _not_before(day, s.last("decided") or s.last("no_penalty")))


def payment_due(s: CaseState) -> date | None:
    served_on = s.last("served")
    if served_on is None:
        return None
    return payment_due_after(served_on.day, [e.data.get("until") for e in s.all("installments")], s.calendar)


def payment_due_after(served_on: date, installments_until: list[str | None], calendar: WorkCalendar) -> date:
    """The last day to pay (行政处罚法第六十七条: 15 days from service, rolled to the next working day), or the
    later day of an approved 分期/延期 (第六十六条), as the officer recorded it. The 催告书 prints this day."""
    due = calendar.next_working_day(served_on + timedelta(days=15))
    for until in installments_until:
        if until:
            due = max(due, date.fromisoformat(until))
    return due


def installments(s: CaseState, day: date, data: dict | None) -> str | None:
    return first(_in(s, ("served",), "installments"), _not_before(day, s.last("served")),
                 need(data, "note", text("procedure.need_installments_note")))


def reminder_ready(s: CaseState, day: date) -> str | None:
    """A 催告书 may be issued (强制法第三十五条、第五十四条): the decision served, the payment period run, no court
    application made yet. A 催告 may be repeated (each one served is a round of its own: law/rounds.py); a
    later one is not dated before the earlier one's service."""
    due = payment_due(s)
    return first(_in(s, ("served",), "payment_reminder"),
                 text("procedure.nothing_to_pay") if s.last("no_penalty") else None,
                 text("procedure.payment_period_running", due=due) if due and day <= due else None,
                 _not_before(day, s.last("payment_reminder")))


def payment_reminder(s: CaseState, day: date, data: dict | None) -> str | None:
    """送达催告书: the 催告书 of this round is issued first (a service of no document is no 催告)."""
    from eco_field.documents.kinds import MODULES
    from eco_field.law import rounds

    round_no = rounds.round_of(s, "payment-reminder") or 1
    needs_doc = "payment-reminder" in MODULES and not s.documents_of("payment-reminder", round_no)
    return first(reminder_ready(s, day),
                 text("procedure.reminder_not_issued", round=round_no) if needs_doc else None)


def _add_months(day: date, months: int) -> date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for d in (31, 30, 29, 28):
        try:
            return date(year, month, min(day.day, d))
        except ValueError:
            continue
    raise AssertionError("unreachable")


def court_window(s: CaseState) -> tuple[date, date] | None:
    """强制法 art 53: within 3 months after the 复议 (60 days) and 诉讼 (6 months) periods expire."""
    served_on = s.last("served")
    if served_on is None:
        return None
    start = _add_months(served_on.day, 6) + timedelta(days=1)
    return start, _add_months(start, 3)


# 强制法第五十四条「催告书送达十日后当事人仍未履行义务的」(text read this session from a web copy, not an official
# gazette: unverified); counted in working days by 第六十九条 (procedure.md; its text not read here)
REMINDER_WORKING_DAYS = 10


def court_earliest(s: CaseState) -> date | None:
    """The first day the court may be asked (强制法第五十四条): the party's ten (working) days after the LAST 催告
    served have run out — the day after the tenth (our reading of 「十日后」: the day of service is not counted and
    the tenth day is still the party's, as the 催告书 says 「自收到本催告书之日起十日内履行」). A later 催告 gave the
    party a new ten days in writing, so the application waits for them too (our reading: the 法 says nothing of
    a repeated 催告)."""
    reminder = s.last("payment_reminder")
    if reminder is None:
        return None
    return s.calendar.add_working_days(reminder.day, REMINDER_WORKING_DAYS) + timedelta(days=1)


def court_application(s: CaseState, day: date, data: dict | None) -> str | None:
    reminder, earliest = s.last("payment_reminder"), court_earliest(s)  # None exactly when no 催告 was served
    if reminder is None:
        return first(_in(s, ("served",), "court_application"), text("procedure.reminder_not_served"))
    window = court_window(s)
    return first(_in(s, ("served",), "court_application"),
                 text("procedure.court_too_soon", earliest=earliest, served=reminder.day)
                 if day < earliest else None,
                 text("procedure.court_before_window", start=window[0]) if window and day < window[0] else None,
                 text("procedure.court_window_over", end=window[1]) if window and day > window[1] else None)


def paid(s: CaseState, day: date, data: dict | None) -> str | None:
    return first(_in(s, ("served", "enforcing"), "paid"),
                 text("procedure.not_punished") if s.last("no_penalty") else None,
                 _not_before(day, s.last("served")))


def closing_ready(s: CaseState) -> str | None:
    from eco_field.law import procedure_measures as m  # (it builds on this module)

    status = status_of(s.events)
    if status in ("paid", "enforcing") or (status == "served" and s.has("no_penalty")):
        # nothing left running: each 按日 round served and paid; a 查封/扣押 released (查扣办法第二十条: at
        # once when the case is decided)
        return first(m.daily_unsettled(s), text("procedure.seizure_in_force_at_closing")
                     if m.seizure_active(s) else None)
    if status == "served":
        return text("procedure.not_paid")
    if status in ("decided", "no_penalty"):
        return text("procedure.decision_not_served")
    return _in(s, (), "closed")


# the event that made each status ready to close (closing_ready); 结案审批 is given on or after its day
_READY_BY = {"paid": "paid", "enforcing": "court_application", "served": "served"}


def closing_since(s: CaseState) -> Event | None:
    """The event by which the case became ready to close (缴款, 申请强制执行, or the 不予处罚决定's service; a
    later 按日 payment or 解除查封 when there is one)."""
    code = _READY_BY.get(status_of(s.events))
    found = [e for e in (s.last(code) if code else None, s.last("daily_paid"), s.last("seizure_lifted")) if e]
    return max(found, key=lambda e: (e.day, e.seq)) if code and found else None


def closed(s: CaseState, day: date, data: dict | None) -> str | None:
    """结案 (procedure.md §1.15: 结案审批表 approved by the 负责人): the case is ready to close and a final-role
    结案审批 passed, dated between the day it became ready and the 结案 date; the note gives the ground."""
    since = closing_since(s)
    return first(closing_ready(s), _not_before(day, since),
                 approvals.missing(s, "closing", day, since=since.day if since else None),
                 need(data, "note", text("procedure.need_closing_note")))
