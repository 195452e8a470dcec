"""Guards of the linked measures: 查封扣押 (查扣办法), 先行登记保存 (法 art 56), 责令改正 and 按日连续处罚
(按日办法), 限制生产/停产整治 (限产办法) and the two transfers (环保法 art 63; 移送规定). Same contract as
procedure_guards."""

from __future__ import annotations

from datetime import date, timedelta

from eco_field.law import approvals, release_grounds, rounds, seizure_period
from eco_field.law.procedure_decision import (
    SEIZURE_GROUNDS,
    daily_open,
    hearing_open,
    period_open,
    unreviewed,
)
from eco_field.law.procedure_guards import (
    BEFORE_DECISION,
    _in,
    _not_before,
    first,
    need,
    status_of,
    step_label,
)
from eco_field.law.procedure_state import CaseState, Event
from eco_field.messages import text

LIVE = ("open", *BEFORE_DECISION, "decided", "no_penalty", "served", "paid", "enforcing")


def no_penalty_decided(s: CaseState) -> str | None:
    """After a 不予行政处罚决定 the case has no violation left to stop: no coercive measure follows it (a new
    violation found later is a case of its own)."""
    return text("procedure.no_measure_after_no_penalty") if s.has("no_penalty") else None


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


def seizure_in_force(s: CaseState) -> str | None:
    """Why no second 查封/扣押 may be decided now: one is in force until its 解除 is recorded. An expired period
    does not end it by itself: 《行政强制法》第二十八条第一款第四项 「查封、扣押期限已经届满」 is a case where the
    bureau 「应当及时作出解除查封、扣押决定」 (text read from web copies of the 法, not an official gazette:
    unverified; 查扣办法第二十条第二项 likewise, read from a copy of the MEE text: law/release_grounds.py). Its extension is
    `seizure_extended`, not a second `seized`. The reason names the earlier measure's decision (number and
    dates) so the officer finds it."""
    active = seizure_active(s)
    if active is None:
        return None
    measure = str(active.data.get("measure") or "") or text("procedure.seizure_measure_unnamed")
    round_no = [e.seq for e in s.all("seized")].index(active.seq) + 1
    docs = s.documents_of("seizure-decision", round_no)
    if docs:
        return text("procedure.seized_already_decision", measure=measure, number=docs[-1]["number"],
                    issued=docs[-1]["issued_on"], day=active.day)
    return text("procedure.seized_already_undocumented", measure=measure, day=active.day)


def seized(s: CaseState, day: date, data: dict | None) -> str | None:
    measure = None if data is None else str(data.get("measure") or "")
    lifted = s.last("seizure_lifted")
    return first(_in(s, LIVE, "seized"), no_penalty_decided(s), seizure_in_force(s),
                 # a new measure starts after the earlier one ended: dated back, it would overlap it
                 text("procedure.seized_before_release", day=day, lifted=lifted.day)
                 if lifted is not None and day < lifted.day else None,
                 None if measure is None or measure in ("查封", "扣押") else text("procedure.need_measure"),
                 seizure_ground(s, data),
                 need(data, "approved_by", text("procedure.need_approved_by")))


def seizure_extended(s: CaseState, day: date, data: dict | None) -> str | None:
    """强制法第二十五条: once, within the first 30 days, with the 负责人's approval and its reason (the 延期通知书,
    issued after this event, prints both)."""
    active = seizure_active(s)
    if active is None:
        return text("procedure.no_active_seizure")
    end = seizure_period.last_day(active.day)  # the one computation of the period (law/seizure_period.py)
    return first(text("procedure.seizure_extended_once") if s.after("seizure_extended", active) else None,
                 _not_before(day, active),
                 text("procedure.seizure_period_over", end=end) if day > end else None,
                 need(data, "note", text("procedure.need_seizure_extension_reason")),
                 need(data, "approved_by", text("procedure.need_approved_by")))


def seizure_end(s: CaseState, seized: Event) -> date:
    """The last day of the measure as its decision and its extension notice print it (law/seizure_period.py)."""
    extended = bool(s.after("seizure_extended", seized))
    return seizure_period.last_day(seized.day, seizure_period.EXTENSION_DAYS if extended else 0)


def release_ground(s: CaseState, seized: Event, day: date, data: dict | None) -> str | None:
    """The ground of 强制法第二十八条第一款 (law/release_grounds.py), and the facts it rests on where the record
    holds them: 「期限已经届满」 only after the period's last day, 「已经作出处理决定」 only once one is recorded."""
    if data is None:
        return None
    ground = release_grounds.find(data.get("ground"))
    if ground is None:
        return text("procedure.need_release_ground", choices=release_grounds.choices_text())
    end = seizure_end(s, seized)
    if ground.code == "expired" and day <= end:
        return text("procedure.release_not_expired", end=end)
    decisions = [e for e in (*s.all("decided"), *s.all("no_penalty")) if e.day <= day]
    if ground.code == "decided" and not decisions:
        return text("procedure.release_not_decided")
    return None


def seizure_lifted(s: CaseState, day: date, data: dict | None) -> str | None:
    """解除 (强制法第二十八条第一款 with its item; 查扣办法第十九、二十条): the ground and the facts (note) are recorded
    here and printed by the 解除决定书, served within 3 working days (办法第二十一条: `seizure_release_served`)."""
    active = seizure_active(s)
    if active is None:
        return text("procedure.no_active_seizure")
    return first(_not_before(day, active), release_ground(s, active, day, data),
                 need(data, "note", text("procedure.need_release_reason")))


def seizure_release_served(s: CaseState, day: date, data: dict | None) -> str | None:
    """The 解除决定书 served (查扣办法第二十一条第一款: within 3 working days of the decision; late service is
    recorded all the same, the deadline shows it late). Only after the release and its decision are issued."""
    seized = s.last("seized")
    lifted = s.after("seizure_lifted", seized) if seized else []
    if not lifted:
        return text("procedure.seizure_release_not_recorded")
    if s.after("seizure_release_served", lifted[-1]):
        return text("procedure.release_served_already")
    docs = [d for d in s.documents_of("seizure-release") if d["issued_on"] >= lifted[-1].day.isoformat()]
    if not docs:
        return text("procedure.release_not_issued")
    return _not_before(day, lifted[-1])


def seizure_decision_document(s: CaseState) -> str | None:
    """The decision of the measure in force (handed over on the spot, 查扣办法第十四条): never dated before the
    measure it decides; issuing it again for the same measure is a correction that supersedes the first
    (documents.service), so two decisions of one seizure are never both in force."""
    active = seizure_active(s)
    if active is None:
        return text("procedure.record_seizure_first")
    return _not_before(s.today, active)


def seizure_extension_document(s: CaseState) -> str | None:
    """The 延期通知书 prints the recorded extension: it may be issued once that is recorded, before a release."""
    seized = s.last("seized")
    extended = s.after("seizure_extended", seized) if seized else []
    if not extended:
        return text("procedure.seizure_extension_not_recorded")
    if s.after("seizure_lifted", seized):
        return text("procedure.seizure_lifted_already")
    return _not_before(s.today, extended[-1])


def seizure_release_document(s: CaseState) -> str | None:
    """The 解除决定书 prints the recorded release and its reason."""
    seized = s.last("seized")
    lifted = s.after("seizure_lifted", seized) if seized else []
    if not lifted:
        return text("procedure.seizure_release_not_recorded")
    return _not_before(s.today, lifted[-1])


# -- 先行登记保存 (法 art 56: 负责人 approval; a decision within 7 days, working days by art 85) --
PRESERVATION_WORKING_DAYS = 7


def preservation_due(s: CaseState) -> date | None:
    """The last day of the open preservation's decision period (None when none is open)."""
    kept = s.last("preserved")
    if kept is None or s.after("preservation_decided", kept):
        return None
    return s.calendar.add_working_days(kept.day, PRESERVATION_WORKING_DAYS)


def preservation_pending(s: CaseState, day: date) -> str | None:
    """Evidence preserved and still undecided within its period keeps the investigation open."""
    due = preservation_due(s)
    return text("procedure.preservation_pending", due=due) if due is not None and day <= due else None


def preserved(s: CaseState, day: date, data: dict | None) -> str | None:
    return first(_in(s, ("open", *BEFORE_DECISION), "preserved"),
                 text("procedure.preservation_open") if preservation_due(s) else None,
                 _not_before(day, s.last("discovered")),
                 need(data, "note", text("procedure.need_preservation_note")),
                 need(data, "approved_by", text("procedure.need_approved_by")))


def preservation_decided(s: CaseState, day: date, data: dict | None) -> str | None:
    kept = s.last("preserved")
    if kept is None:
        return text("procedure.nothing_preserved")
    if s.after("preservation_decided", kept):
        return text("procedure.preservation_decided_already")
    due = s.calendar.add_working_days(kept.day, PRESERVATION_WORKING_DAYS)
    return first(_not_before(day, kept),
                 text("procedure.preservation_late", due=due) if day > due else None,
                 need(data, "note", text("procedure.need_preservation_decision")))


# -- 责令改正、复查、按日连续处罚 --
def order_served(s: CaseState, day: date, data: dict | None) -> str | None:
    """送达责令改正违法行为决定书: the order of this round is issued first (one document per service; the SERVES map
    in procedure.py keeps the service from being dated before the document's issue)."""
    from eco_field.documents.kinds import MODULES

    round_no = rounds.round_of(s, "rectification-order") or 1
    needs_doc = "rectification-order" in MODULES and not s.documents_of("rectification-order", round_no)
    previous = s.last("order_served")
    missing = (text("procedure.order_again_not_issued", round=round_no, served=previous.day) if previous
               else text("procedure.order_not_issued"))
    # the round's order is served once; the next service is of the next round's order (after a failed 复查)
    served_twice = previous is not None and len(s.all("order_served")) >= round_no
    return first(_in(s, LIVE, "order_served"), _not_before(day, s.last("discovered")),
                 text("procedure.order_served_already", served=previous.day) if served_twice else None,
                 missing if needs_doc else None)


def recheck(s: CaseState, day: date, data: dict | None) -> str | None:
    """复查 within 30 days of the order's service (按日办法). After a round's decision, the next round's 复查 is
    counted from that decision (再次复查; the 办法's text read from web copies, the 30 days for a 再次复查 are our
    reading of it: unverified)."""
    order = s.last("order_served")
    if order is None:
        return text("procedure.order_not_served")
    if daily_open(s):  # the round's notice stated its days: a 复查 now belongs to the next round
        return text("procedure.daily_round_open", round=daily_round(s))
    decided = s.last("daily_decided")
    base = decided.day if decided and decided.day > order.day else order.day
    end = base + timedelta(days=30)
    return first(text("procedure.recheck_before_order", day=day, order=order.day) if day <= order.day else None,
                 text("procedure.recheck_before_daily", day=day, decided=base) if decided and day <= base else None,
                 text("procedure.recheck_late", end=end) if day > end else None)


def recheck_violation(s: CaseState, day: date, data: dict | None) -> str | None:
    """A 复查 finding the violation continuing: within its period (recheck), not on a day our own 查封/扣押 or
    停产整治 was stopping the discharge (按日连续处罚办法第二十条), and with its evidence (第十六条: the decision
    states the refusal with the 复查's evidence)."""
    return first(recheck(s, day, data), recheck_stopped(s, day),
                 need(data, "evidence", text("procedure.need_recheck_evidence")))


def recheck_stopped(s: CaseState, day: date) -> str | None:
    """Why a 复查 on the day proves no refusal: a measure of this case was in force (the measure, its decision's
    number and its first day are named)."""
    found = rounds.stopped_on([(e.code, e.day) for e in s.events], day)
    if found is None:
        return None
    start, _end, code = found
    if code == "seized":
        events = s.all("seized")
        measure_event = next(e for e in reversed(events) if e.day == start)
        measure = str(measure_event.data.get("measure") or "") or text("procedure.seizure_measure_unnamed")
        docs = s.documents_of("seizure-decision", events.index(measure_event) + 1)
    else:
        measure, docs = step_label("production_halted"), s.documents_of("production-halt-order")
    number = docs[-1]["number"] if docs else text("procedure.measure_undocumented")
    return text("procedure.recheck_while_stopped", day=day, measure=measure, number=number, since=start)


def daily_round(s: CaseState) -> int:
    """The 按日连续处罚 round the case is in (law/rounds.py): 1 + the rounds already decided."""
    return rounds.round_of(s, "daily-penalty-decision") or 1


def daily_notified(s: CaseState, day: date, data: dict | None) -> str | None:
    from eco_field.documents.kinds import MODULES

    check = s.last("recheck_violation")
    decided = s.last("daily_decided")
    new_check = check is not None and (decided is None or (check.day, check.seq) > (decided.day, decided.seq))
    needs_doc = "daily-penalty-notice" in MODULES and not s.documents_of("daily-penalty-notice", daily_round(s))
    return first(None if s.has("decided") else text("procedure.original_decision_missing"),
                 None if s.has("order_served") else text("procedure.order_not_served"),
                 None if check else text("procedure.no_failed_recheck"),
                 None if new_check else text("procedure.daily_round_needs_recheck", round=daily_round(s)),
                 text("procedure.daily_stopped_discharge")
                 if production_in_force(s, "停产整治") or seizure_active(s) else None,
                 text("procedure.daily_notice_served") if check and s.after("daily_notified", check) else None,
                 _not_before(day, check),
                 text("procedure.daily_notice_not_issued") if needs_doc else None)


def daily_ready(s: CaseState, day: date, *, with_approval: bool = True) -> str | None:
    notice = s.last("daily_notified")
    if notice is None or not daily_open(s):
        return daily_notified(s, day, None) or text("procedure.daily_notice_not_served")
    # 法制审核 (法 art 58) and 集体讨论 (法 art 57 ¶2) by the bureau's thresholds on this round's total, after its notice
    review = with_approval and approvals.required_now(s, "legal_review")[0]
    collective = with_approval and approvals.required_now(s, "collective")[0]
    return first(period_open(s, notice, day), hearing_open(s, notice), unreviewed(s),
                 approvals.missing(s, "legal_review", day, since=notice.day) if review else None,
                 approvals.missing(s, "collective", day, since=notice.day) if collective else None,
                 approvals.missing(s, "decision", day, since=notice.day) if with_approval else None)


def daily_decided(s: CaseState, day: date, data: dict | None) -> str | None:
    docs = s.documents_of("daily-penalty-decision", daily_round(s))
    return first(daily_ready(s, day), None if docs else text("procedure.daily_decision_not_issued"))


def daily_served(s: CaseState, day: date, data: dict | None) -> str | None:
    """送达按日连续处罚决定书: each round's decision is served once, after it was made."""
    return _round_follow_up(s, day, "daily_decided", "daily_served", "procedure.daily_nothing_to_serve")


def daily_paid(s: CaseState, day: date, data: dict | None) -> str | None:
    """缴纳按日连续处罚罚款: a served round's fine, once (enforcement of an unpaid one is not modelled here)."""
    return _round_follow_up(s, day, "daily_served", "daily_paid", "procedure.daily_nothing_to_pay")


def _round_follow_up(s: CaseState, day: date, before: str, code: str, nothing: str) -> str | None:
    """The next round's `code` follows that round's `before` (one each, in order), never dated before it."""
    done, follows = s.all(before), s.all(code)
    if len(follows) >= len(done):
        return text(nothing)
    return _not_before(day, done[len(follows)])


def daily_unsettled(s: CaseState) -> str | None:
    """Why the case may not close on its 按日 rounds: a round decided but not served, or served but not paid."""
    decided, served, paid = (len(s.all(code)) for code in ("daily_decided", "daily_served", "daily_paid"))
    if served < decided:
        return text("procedure.daily_not_served", round=served + 1)
    if paid < served:
        return text("procedure.daily_not_paid", round=paid + 1)
    return None


# -- 限产、停产 (限产办法, read in full: procedure.md §2) --
MEASURES = {"限制生产": ("production_limited", "production-limit-order"),
            "停产整治": ("production_halted", "production-halt-order")}
LIMIT_MAX_MONTHS = 3        # 限产办法第十五条第一款: 一般不超过三个月 (an extension of ≤3 more needs approval)
AFTER_INVESTIGATION = ("investigated", "notified", "decided", "served", "paid", "enforcing")


def proposal(s: CaseState, measure: str | None = None) -> Event | None:
    """The last 拟责令限产/停产 recorded (of that measure), while its order is not made yet."""
    found = [e for e in s.all("production_proposed") if measure is None or e.data.get("measure") == measure]
    if not found:
        return None
    code = MEASURES.get(found[-1].data.get("measure", ""), ("", ""))[0]
    return None if s.after(code, found[-1]) else found[-1]


def months_of(data: dict | None) -> int | None:
    """The whole months the officer gave (None when absent; -1 when not a whole number, refused as such)."""
    value = (data or {}).get("months")
    if value in (None, ""):
        return None
    try:
        return int(str(value).strip())
    except ValueError:
        return -1


def production_proposed(s: CaseState, day: date, data: dict | None) -> str | None:
    """The intended measure, decided before its own 告知 (限产办法第十一条): which one, the 限产 period in months
    (≤ 3, 第十五条), the facts; the 告知书 and the order print them."""
    measure = None if data is None else str(data.get("measure") or "")
    months = months_of(data)
    return first(_in(s, AFTER_INVESTIGATION, "production_proposed") if status_of(s.events) != "filed"
                 else text("procedure.investigation_open"), no_penalty_decided(s),
                 text("procedure.production_pending") if proposal(s) else None,
                 None if measure is None or measure in MEASURES else text("procedure.need_production_measure"),
                 None if not measure or s.grants(measure) else
                 text("procedure.measure_not_granted", measure=step_label(MEASURES[measure][0])),
                 _not_before(day, s.last("investigated")),
                 _months_reason(measure, months, data),
                 need(data, "note", text("procedure.need_measure_note", measure=measure or "")))


def _months_reason(measure: str | None, months: int | None, data: dict | None) -> str | None:
    if measure == "限制生产":
        if months is None:
            return text("procedure.need_limit_months", most=LIMIT_MAX_MONTHS)
        if not 1 <= months <= LIMIT_MAX_MONTHS:
            return text("procedure.limit_months_over", months=(data or {}).get("months"), most=LIMIT_MAX_MONTHS)
    if measure == "停产整治":
        if months is not None:
            return text("procedure.halt_has_no_months")
        if data is not None and str(data.get("ground_item") or "").strip() not in HALT_ITEMS:
            return text("procedure.need_halt_item")
    return None


HALT_ITEMS = ("1", "2", "3", "4", "5", "6")  # 限产办法第六条 (一)–(六)


def production_notice(s: CaseState, day: date) -> str | None:
    """Whether the 限产/停产 告知书 may be issued: a proposal recorded and not yet put to the party."""
    found = proposal(s)
    if found is None:
        return text("procedure.production_not_proposed")
    return first(text("procedure.production_notice_served") if s.after("production_notified", found) else None,
                 _not_before(day, found))


def production_notified(s: CaseState, day: date, data: dict | None) -> str | None:
    from eco_field.documents.kinds import MODULES

    found = proposal(s)
    issued = s.issued_on("production-notice")
    needs_doc = "production-notice" in MODULES and (issued is None or found is None or issued < found.day)
    return first(production_notice(s, day),
                 text("procedure.production_notice_not_issued") if needs_doc else None)


def production_ready(s: CaseState, measure: str, day: date, *, with_approval: bool = True) -> str | None:
    """The order may issue: its own notice served, the party's period run (or waived), any hearing held, the
    statements reviewed and the 负责人's approval after the notice (限产办法第十条)."""
    code = MEASURES[measure][0]
    if not s.grants(measure):
        return text("procedure.measure_not_granted", measure=step_label(code))
    found = proposal(s, measure)
    if found is None:
        done = s.last(code)
        return text("procedure.production_ordered_already", measure=step_label(code)) if done \
            else text("procedure.production_not_proposed_measure", measure=step_label(code))
    notice = s.after("production_notified", found)
    if not notice:
        return text("procedure.production_notice_not_served")
    return first(period_open(s, notice[-1], day), hearing_open(s, notice[-1]), unreviewed(s),
                 approvals.missing(s, "decision", day, since=notice[-1].day) if with_approval else None)


def limit_end(s: CaseState) -> date | None:
    """The last day of the 限产 in force: N months from the order's service (+ an approved extension)."""
    from eco_field.law.procedure_decision import _add_months

    order = s.last("production_limited")
    found = [e for e in s.all("production_proposed") if e.data.get("measure") == "限制生产"
             and order is not None and (e.day, e.seq) <= (order.day, order.seq)]
    if order is None or not found:
        return None
    months = (months_of(found[-1].data) or 0) + sum(months_of(e.data) or 0 for e in s.after("production_limit_extended", order))
    return _add_months(order.day, months)


def production_limit_extended(s: CaseState, day: date, data: dict | None) -> str | None:
    """限产办法第十五条: 情况复杂的, once, ≤ 3 more months, with the 负责人's approval, before the period ends."""
    order, end = s.last("production_limited"), limit_end(s)
    if order is None or end is None:
        return text("procedure.no_production_limit")
    months = months_of(data)
    return first(text("procedure.limit_extended_once") if s.after("production_limit_extended", order) else None,
                 _not_before(day, order),
                 text("procedure.limit_period_over", end=end) if day > end else None,
                 None if data is None else (text("procedure.need_limit_months", most=LIMIT_MAX_MONTHS) if months is None
                                            else text("procedure.limit_months_over", months=data.get("months"),
                                                      most=LIMIT_MAX_MONTHS) if not 1 <= months <= LIMIT_MAX_MONTHS
                                            else None),
                 need(data, "note", text("procedure.need_limit_extension_reason")),
                 need(data, "approved_by", text("procedure.need_approved_by")))


def production_in_force(s: CaseState, measure: str | None = None) -> Event | None:
    """The 限产/停产 order served and not lifted yet (of that measure): 限产办法第十七条 lifts it on the day the
    party's completion report is filed (整改任务完成情况报备案); procedure.md §2, the article read in full there."""
    codes = [MEASURES[m][0] for m in MEASURES if measure in (None, m)]
    orders = sorted((e for code in codes for e in s.all(code)), key=lambda e: (e.day, e.seq))
    if not orders or s.after("production_lifted", orders[-1]):
        return None
    return orders[-1]


def production_plan_filed(s: CaseState, day: date, data: dict | None) -> str | None:
    """限产办法第十六条: the party files its rectification plan (整改方案) within 15 working days of service; the
    bureau records the filing (a late one is recorded too: the lateness is the party's, shown by the dates)."""
    order = production_in_force(s)
    return first(None if order else text("procedure.no_production_in_force"),
                 text("procedure.production_plan_filed_already")
                 if order and s.after("production_plan_filed", order) else None,
                 _not_before(day, order),
                 need(data, "note", text("procedure.need_production_plan")))


def production_lifted(s: CaseState, day: date, data: dict | None) -> str | None:
    """限产办法第十七条: the completion report (整改任务完成情况, 信息公开情况, 监测报告, 用电用水产量对比) filed
    with the bureau lifts the order from that day; the plan comes first (第十六条)."""
    order = production_in_force(s)
    return first(None if order else text("procedure.no_production_in_force"),
                 None if order is None or s.after("production_plan_filed", order)
                 else text("procedure.production_plan_not_filed"),
                 _not_before(day, s.last("production_plan_filed") or order),
                 need(data, "note", text("procedure.need_production_completion")))


def production(measure: str, code: str):
    """measure: the catalog's words for it (限制生产 / 停产整治); code: its event (the order served)."""
    def guard(s: CaseState, day: date, data: dict | None) -> str | None:
        kind = MEASURES[measure][1]
        return first(production_ready(s, measure, day),
                     None if s.documents_of(kind) else text("procedure.production_order_not_issued",
                                                            title=step_label(kind)),
                     _not_before(day, s.last("production_notified")))
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
