"""Case statuses and the procedure events that move a case along (and start or meet its deadlines)."""

from __future__ import annotations

from datetime import date, datetime

from eco_field.errors import BadInput

STATUSES = {
    "open": "待立案", "filed": "已立案", "notified": "已告知", "decided": "已决定", "served": "已送达",
    "paid": "已缴款", "closed": "已结案", "not_filed": "不予立案", "no_penalty": "不予处罚", "withdrawn": "已销案",
    "investigated": "调查终结", "suspended": "中止", "enforcing": "申请强制执行", "transferred": "已移送司法机关",
}
ORDER = ["open", "filed", "notified", "decided", "served", "paid", "closed"]

def _procedure_events() -> dict:
    from eco_field.law.procedure import EVENTS as steps

    return steps


EVENTS = {
    "discovered": "发现违法行为", "filed": "立案", "filing_extended": "立案期限延长", "not_filed": "不予立案",
    "notified": "送达行政处罚事先（听证）告知书", "hearing_requested": "当事人申请听证", "hearing_held": "举行听证",
    "suspended": "案件中止（检测、检验、鉴定等）", "resumed": "案件恢复",
    "decision_extended": "决定期限延长（负责人批准）", "decision_extended_collective": "决定期限再延长（集体讨论）",
    "decided": "作出行政处罚决定", "no_penalty": "作出不予行政处罚决定", "served": "送达行政处罚决定书",
    "paid": "缴纳罚款", "seized": "实施查封、扣押", "seizure_extended": "查封、扣押延期",
    "seizure_lifted": "解除查封、扣押", "preserved": "先行登记保存证据", "preservation_decided": "先行登记保存处理决定",
    "order_served": "送达责令改正违法行为决定书", "recheck_violation": "复查发现仍在违法",
    "recheck_corrected": "复查已改正", "closed": "结案",
}
# the procedure's own steps (eco_field/law/procedure.py), with their labels
EVENTS.update({code: label for code, (label, _guard) in _procedure_events().items() if code not in EVENTS})
EVENTS["approved"] = "审批"
# the status an event implies; applied only when it moves the case forward
EVENT_STATUS = {"filed": "filed", "not_filed": "not_filed", "notified": "notified", "decided": "decided",
                "no_penalty": "no_penalty", "served": "served", "paid": "paid", "closed": "closed"}


# labels of a recorded event that depend on its record: a notice without the hearing right; the service of a
# 不予行政处罚决定书 (EVENTS names the usual case)
NOTICE_WITHOUT_HEARING = "送达行政处罚事先告知书"
NO_PENALTY_SERVED = "送达不予行政处罚决定书"
WAIVED_WITHOUT_HEARING = "当事人书面放弃陈述申辩"
_HEARD = ("hearing_requested", "hearing_notified", "hearing_held")


def history_labels(codes: list[str], hearing_right: bool) -> list[str]:
    """The label of each recorded event of a case (in recorded order) as its record reads — what `cases show`
    and the case screen list: a 告知书 without the hearing right (no 较大数额 fine, no hearing asked) is not named
    「（听证）」, and the service after a 不予行政处罚决定 names that decision."""
    heard = hearing_right or any(c in _HEARD for c in codes)
    out, decision, notice = [], None, None
    for code in codes:
        if code in ("decided", "no_penalty"):
            decision = code
        if code.endswith("notified") and code != "hearing_notified":
            notice = code
        if code == "notified" and not heard:
            out.append(NOTICE_WITHOUT_HEARING)
        elif code == "waived" and notice == "notified" and not heard:  # nothing to waive but 陈述、申辩
            out.append(WAIVED_WITHOUT_HEARING)
        elif code == "served" and decision == "no_penalty":
            out.append(NO_PENALTY_SERVED)
        else:
            out.append(EVENTS.get(code, code))
    return out


def status_code(text: str) -> str:
    for code, label in STATUSES.items():
        if text.strip() in (code, label):
            return code
    raise BadInput("law.unknown_status", text=text, known=", ".join(f"{c} ({n})" for c, n in STATUSES.items()))


def event_code(text: str) -> str:
    wanted = text.strip()
    for code, label in EVENTS.items():
        if wanted in (code, label):
            return code
    short = {"立案": "filed", "告知": "notified", "决定": "decided", "送达": "served", "缴款": "paid", "结案": "closed",
             "听证": "hearing_requested", "查封扣押": "seized", "中止": "suspended", "恢复": "resumed",
             "调查终结": "investigated", "销案": "withdrawn", "放弃": "waived", "催告": "payment_reminder",
             "不予处罚": "no_penalty", "移送拘留": "detention_transfer", "移送司法": "criminal_transfer",
             "查封": "seized", "扣押": "seized", "解除查封": "seizure_lifted", "限产": "production_limited",
             "停产": "production_halted"}
    if wanted in short:
        return short[wanted]
    # the label `cases next` and the case screen print (the procedure's own wording, in either language)
    from eco_field.messages import LANGUAGES, has, text

    for code in EVENTS:
        for language in LANGUAGES:
            key = f"procedure.event.{code}"
            if has(key, language) and wanted == text(key, language=language):
                return code
    raise BadInput("law.unknown_event", text=text, known=", ".join(EVENTS))


def parse_day(value: date | str) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip()[:10])
    except ValueError as exc:
        raise BadInput("law.not_a_date", value=value) from exc


def status_after(current: str, event: str) -> str:
    new = EVENT_STATUS.get(event)
    if new is None:
        return current
    if new in ORDER and current in ORDER and ORDER.index(new) <= ORDER.index(current):
        return current
    return new
