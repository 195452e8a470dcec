"""Guards of the linked measures: 查封扣押 (查扣办法), 先行登记保存 (法 art 56), 责令改正 and 按日连续处罚
(按日办法), 限制生产/停产整治 (限产办法) and the two transfers (环保法 art 63; 移送规定). Same contract as
procedure_guards."""

from __future__ import annotations

from datetime import date, timedelta

from eco_field.law import approvals
from eco_field.law.procedure_decision import SEIZURE_GROUNDS, daily_open, period_open, unreviewed
from eco_field.law.procedure_guards import BEFORE_DECISION, _in, _not_before, first, need, status_of
from eco_field.law.procedure_state import CaseState

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
        return ("本案违法行为的处罚依据未授予查封、扣押权；须写明《环境保护主管部门实施查封、扣押办法》第四条"
                "所列情形（--ground-item 1-6）及事实（--note）")
    return need(data, "note", "须写明符合该情形的事实（--note）")


def seized(s: CaseState, day: date, data: dict | None) -> str | None:
    measure = None if data is None else str(data.get("measure") or "")
    return first(_in(s, LIVE, "查封、扣押"), "已实施查封、扣押，不得重复查封" if seizure_active(s) else None,
                 None if measure is None or measure in ("查封", "扣押") else "须写明措施：查封或扣押（--measure）",
                 seizure_ground(s, data),
                 need(data, "approved_by", "须写明批准的负责人（--approved-by）"))


def seizure_extended(s: CaseState, day: date, data: dict | None) -> str | None:
    active = seizure_active(s)
    if active is None:
        return "没有正在执行的查封、扣押"
    end = active.day + timedelta(days=30)
    return first("查封、扣押只能延长一次" if s.after("seizure_extended", active) else None,
                 _not_before(day, active, "查封、扣押"),
                 f"查封、扣押期限已于 {end} 届满，不能延期" if day > end else None,
                 need(data, "note", "须写明延期理由及批准的负责人（--note）"))


def seizure_lifted(s: CaseState, day: date, data: dict | None) -> str | None:
    active = seizure_active(s)
    return "没有正在执行的查封、扣押" if active is None else _not_before(day, active, "查封、扣押")


def preserved(s: CaseState, day: date, data: dict | None) -> str | None:
    return first(_in(s, BEFORE_DECISION, "先行登记保存"), need(data, "note", "须写明证据可能灭失的情形及批准的负责人（--note）"))


def preservation_decided(s: CaseState, day: date, data: dict | None) -> str | None:
    kept = s.last("preserved")
    if kept is None:
        return "没有先行登记保存的证据"
    return first("已作出处理决定" if s.after("preservation_decided", kept) else None, _not_before(day, kept, "登记保存"))


# -- 责令改正、复查、按日连续处罚 --
def order_served(s: CaseState, day: date, data: dict | None) -> str | None:
    return first(_in(s, LIVE, "送达责令改正决定书"), _not_before(day, s.last("discovered"), "发现"))


def recheck(s: CaseState, day: date, data: dict | None) -> str | None:
    order = s.last("order_served")
    if order is None:
        return "责令改正违法行为决定书尚未送达"
    end = order.day + timedelta(days=30)
    return first(f"复查日期 {day} 须晚于责令改正决定书送达日期 {order.day}" if day <= order.day else None,
                 f"复查应在责令改正决定书送达之日起30日内（至 {end}）" if day > end else None)


def daily_notified(s: CaseState, day: date, data: dict | None) -> str | None:
    from eco_field.documents.kinds import MODULES

    check = s.last("recheck_violation")
    needs_doc = "daily-penalty-notice" in MODULES and not s.documents_of("daily-penalty-notice")
    return first(None if s.has("decided") else "原行政处罚决定尚未作出",
                 None if s.has("order_served") else "责令改正违法行为决定书尚未送达",
                 None if check else "复查尚未发现拒不改正",
                 "已停产整治或正在查封、扣押的，不适用按日连续处罚（按日办法第二十条）"
                 if s.has("production_halted") or seizure_active(s) else None,
                 "按日连续处罚告知书已送达" if check and s.after("daily_notified", check) else None,
                 _not_before(day, check, "复查"),
                 "按日连续处罚事先告知书尚未制作" if needs_doc else None)


def daily_ready(s: CaseState, day: date, *, with_approval: bool = True) -> str | None:
    notice = s.last("daily_notified")
    if notice is None or not daily_open(s):
        return daily_notified(s, day, None) or "按日连续处罚告知书尚未送达"
    return first(period_open(s, notice, day), unreviewed(s),
                 approvals.missing(s, "decision", day, since=notice.day) if with_approval else None)


def daily_decided(s: CaseState, day: date, data: dict | None) -> str | None:
    docs = s.documents_of("daily-penalty-decision")
    return first(daily_ready(s, day), None if docs else "按日连续处罚决定书尚未制作")


# -- 限产、停产 --
def production(measure: str):
    def guard(s: CaseState, day: date, data: dict | None) -> str | None:
        notice = s.last("notified")
        return first(None if s.grants(measure) else f"本案违法行为的处罚依据未规定{measure}",
                     _in(s, ("notified", "decided", "served"), measure),
                     period_open(s, notice, day) if notice else "告知书尚未送达",
                     approvals.missing(s, "decision", day),
                     need(data, "note", f"须写明{measure}的事实依据及期限（--note）"))
    return guard


# -- 移送 --
def detention_transfer(s: CaseState, day: date, data: dict | None) -> str | None:
    status = status_of(s.events)
    return first(None if status in ("decided", "served", "paid", "enforcing") else "行政处罚决定尚未作出（拘留办法第二条）",
                 None if s.grants("行政拘留") else "本案违法行为不属于《环境保护法》第六十三条规定的移送行政拘留情形",
                 "已移送公安机关" if s.has("detention_transfer") else None,
                 need(data, "note", "须写明《环境保护法》第六十三条所列情形及负责人批准（--note）"))


def criminal_transfer(s: CaseState, day: date, data: dict | None) -> str | None:
    return first(_in(s, ("filed", "investigated", "notified", "suspended"), "移送司法机关"),
                 need(data, "note", "须写明涉嫌的罪名及正职负责人批准（--note）"))
