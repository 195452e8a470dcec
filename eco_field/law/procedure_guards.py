"""The preconditions of each procedure event (procedure.md §1, §2, §4): a guard returns the reason, in
Chinese, why the event cannot be recorded on that day, or None. procedure.py is the only caller.

data is what the officer gives with the event (note, ground item, statement text …); None means "only
asking whether the step is open" (cases next), so missing input is not yet a reason.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from eco_field.law import approvals
from eco_field.law.procedure_state import HEARING_NOTICE_WORKING_DAYS, CaseState, Event

Guard = Callable[[CaseState, date, dict[str, Any] | None], str | None]

STATUS_LABELS = {
    "open": "待立案", "filed": "调查中", "investigated": "调查终结", "notified": "已告知", "decided": "已决定",
    "no_penalty": "不予处罚", "served": "已送达", "paid": "已缴款", "enforcing": "申请强制执行", "closed": "已结案",
    "not_filed": "不予立案", "withdrawn": "已销案", "suspended": "中止", "transferred": "已移送司法机关",
}
# the status each event moves the case to (replayed over the log; 恢复 returns to the status before 中止)
EVENT_STATUS = {"filed": "filed", "not_filed": "not_filed", "investigated": "investigated", "notified": "notified",
                "decided": "decided", "no_penalty": "no_penalty", "served": "served", "paid": "paid",
                "court_application": "enforcing", "closed": "closed", "withdrawn": "withdrawn",
                "criminal_transfer": "transferred", "suspended": "suspended"}
FINAL = ("closed", "not_filed", "withdrawn", "transferred")
BEFORE_DECISION = ("filed", "investigated", "notified")


def status_of(events: list[Event]) -> str:
    status, before_suspension = "open", "open"
    for e in events:
        if e.code == "resumed" and status == "suspended":
            status = before_suspension
        elif e.code in EVENT_STATUS:
            if e.code == "suspended":
                before_suspension = status
            status = EVENT_STATUS[e.code]
    return status


def need(data: dict[str, Any] | None, key: str, message: str) -> str | None:
    if data is None:
        return None
    return None if str(data.get(key) or "").strip() else message


def _in(s: CaseState, allowed: tuple[str, ...], what: str) -> str | None:
    status = status_of(s.events)
    if status in allowed:
        return None
    if status == "open":
        return "案件尚未立案"
    if status == "suspended":
        return "案件已中止，须先恢复"
    return f"案件当前为「{STATUS_LABELS.get(status, status)}」，不能{what}"


def _not_before(day: date, event: Event | None, label: str) -> str | None:
    if event is not None and day < event.day:
        return f"日期 {day} 早于{label}日期 {event.day}"
    return None


def first(*reasons: str | None) -> str | None:
    return next((r for r in reasons if r), None)


# -- 立案 --
def filed(s: CaseState, day: date, data: dict | None) -> str | None:
    limit = s.discovered + timedelta(days=15 + 15 * s.has("filing_extended"))
    return first(_in(s, ("open",), "立案"), f"立案日期 {day} 早于发现日期 {s.discovered}" if day < s.discovered else None,
                 approvals.missing(s, "filing", day),
                 f"立案期限已于 {limit} 届满（发现线索之日起15日，经批准可延长15日）" if day > limit else None)


def filing_extended(s: CaseState, day: date, data: dict | None) -> str | None:
    return first(_in(s, ("open",), "延长立案期限"), "立案期限已延长过一次" if s.has("filing_extended") else None,
                 f"立案期限已于 {s.discovered + timedelta(days=15)} 届满，不能再延长"
                 if day > s.discovered + timedelta(days=15) else None,
                 need(data, "note", "须写明延长理由及批准的负责人（--note）"))


def not_filed(s: CaseState, day: date, data: dict | None) -> str | None:
    return first(_in(s, ("open",), "不予立案"), need(data, "note", "须写明不予立案的理由（--note）"))


def suspended(s: CaseState, day: date, data: dict | None) -> str | None:
    return first(_in(s, BEFORE_DECISION, "中止"), _not_before(day, s.last("filed"), "立案"),
                 need(data, "note", "须写明中止理由及批准的负责人（--note）"))


def resumed(s: CaseState, day: date, data: dict | None) -> str | None:
    if status_of(s.events) != "suspended":
        return "案件未中止"
    return _not_before(day, s.last("suspended"), "中止")


def withdrawn(s: CaseState, day: date, data: dict | None) -> str | None:
    return first(_in(s, ("filed", "investigated", "suspended"), "销案"),
                 need(data, "note", "须写明撤销立案的理由（--note）"))


# -- 调查 --
def investigated(s: CaseState, day: date, data: dict | None) -> str | None:
    return first(_in(s, ("filed",), "调查终结"), _not_before(day, s.last("filed"), "立案"))


def monitoring_report(s: CaseState, day: date, data: dict | None) -> str | None:
    return first(_in(s, ("open", *BEFORE_DECISION), "补充监测报告"),
                 f"监测报告日期 {day} 早于发现日期 {s.discovered}" if day < s.discovered - timedelta(days=30) else None,
                 need(data, "number", "须写明监测报告编号（--number）"),
                 need(data, "body", "须写明出具报告的监测机构（--body）"))


def evidence_note(s: CaseState, day: date, data: dict | None) -> str | None:
    if data is None:
        return _in(s, ("open", *BEFORE_DECISION), "说明证据")
    cited = {i for ids in s.evidence.values() for i in ids}
    return first(_in(s, ("open", *BEFORE_DECISION), "说明证据"),
                 None if data.get("evidence_id") in cited else f"证据 {data.get('evidence_id')} 不是本案违法行为的证据",
                 need(data, "text", "须写明说明或排除的理由（--text）"))


def evidence_gaps(s: CaseState) -> list[str]:
    """Part 5: what keeps the violations from being put to the party (告知)."""
    gaps = []
    noted = {i: s.evidence_note(i) for ids in s.evidence.values() for i in ids}
    for catalog_id, ids in s.evidence.items():
        kept = [i for i in ids if not (noted.get(i) and noted[i]["action"] == "exclude")]
        if not kept:
            gaps.append(f"违法行为 {catalog_id} 尚无证据")
    for evidence_id, flag in s.photo_flags.items():
        if noted.get(evidence_id) is None:
            gaps.append(f"照片 {flag['name']} 存在疑点（{'；'.join(flag['reasons'])}），须由执法人员说明或从案件中排除")
    if s.exceedance and not s.has("monitoring_report"):
        ids = "、".join(e.id for e in s.exceedance)
        gaps.append(f"超标排放（{ids}）须附有资质的监测机构出具的监测报告（编号、机构、日期及报告文件）；"
                    "现场快速检测数据只能作为线索")
    return gaps


# -- 告知、陈述申辩、听证 --
def notified(s: CaseState, day: date, data: dict | None) -> str | None:
    status = status_of(s.events)
    if status == "filed":
        return "调查尚未终结（案件调查报告）"
    gaps = evidence_gaps(s)
    return first(_in(s, ("investigated",), "送达告知书"),
                 "本案核定不予处罚，应作出不予行政处罚决定" if s.no_penalty_assessed else None,
                 "尚未核定拟处罚款（cases assess）" if s.amount <= 0 else None,
                 gaps[0] if gaps else None,
                 None if s.documents_of("penalty-notice") else "行政处罚事先告知书尚未制作",
                 _not_before(day, s.last("investigated"), "调查终结"))


def current_notice(s: CaseState) -> Event | None:
    """The notice the party is answering now: the 按日 notice once served, else the penalty notice."""
    return s.last("daily_notified") or s.last("notified")


def hearing_requested(s: CaseState, day: date, data: dict | None) -> str | None:
    notice = current_notice(s)
    if notice is None:
        return "告知书尚未送达"
    if not s.hearing_right:
        return (f"本案不适用听证（拟罚款 {s.amount} 元，未达较大数额 "
                f"{int(s.number('doc_hearing_threshold', 200000))} 元）")
    due = s.hearing_due(notice)
    return first(_not_before(day, notice, "告知书送达"),
                 "当事人已申请听证" if s.after("hearing_requested", notice) else None,
                 "当事人已书面放弃陈述申辩和听证" if s.after("waived", notice) else None,
                 f"听证申请期限已于 {due} 届满（告知书送达后5个工作日）" if day > due else None)


def hearing_notified(s: CaseState, day: date, data: dict | None) -> str | None:
    requested = s.last("hearing_requested")
    if requested is None:
        return "当事人未申请听证"
    return first("听证通知书已送达" if s.after("hearing_notified", requested) else None,
                 _not_before(day, requested, "听证申请"))


def hearing_held(s: CaseState, day: date, data: dict | None) -> str | None:
    notice = s.last("hearing_notified")
    if notice is None:
        return "听证通知书尚未送达" if s.has("hearing_requested") else "当事人未申请听证"
    earliest = s.calendar.add_working_days(notice.day, HEARING_NOTICE_WORKING_DAYS)
    return first("听证已举行" if s.after("hearing_held", notice) else None,
                 f"听证应在听证通知书送达7个工作日后举行（最早 {earliest}）" if day < earliest else None)


def waived(s: CaseState, day: date, data: dict | None) -> str | None:
    notice = current_notice(s)
    if notice is None:
        return "告知书尚未送达"
    return first("当事人已书面放弃" if s.after("waived", notice) else None, _not_before(day, notice, "告知书送达"),
                 "已作出决定" if s.after("decided", notice) or s.after("daily_decided", notice) else None)


def statement(s: CaseState, day: date, data: dict | None) -> str | None:
    notice = current_notice(s)
    if notice is None:
        return "告知书尚未送达"
    adopted = None if data is None else data.get("adopted")
    at_hearing = bool(data and data.get("at_hearing"))
    held = s.last("hearing_held")
    return first(_not_before(day, notice, "告知书送达"), need(data, "text", "须写明陈述申辩的内容（--text）"),
                 need(data, "reason", "是否采纳须写明理由（--reason）") if adopted is not None else None,
                 ("听证尚未举行" if held is None else _not_before(day, held, "听证")) if at_hearing else None)
