"""Statutory deadlines of a case (enforcement.md §2.1) and the day count of a daily continuous penalty (§2.2).

A deadline starts from a recorded event (立案, 告知, 决定, 送达 …), runs N natural or working days (the
start day is not counted), is extended by recorded extension events, and is met by a later event.
Natural-day periods of the bureau are not rolled past holidays (the conservative reading); the party's
payment period is (民法典 art. 203). Suspension periods (检测、鉴定 …) are not counted in the decision limit.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from eco_field import money
from eco_field.errors import BadInput
from eco_field.law import seizure_period
from eco_field.law.workdays import WorkCalendar, load_calendar
from eco_field.messages import Term

NEAR_SHORT, NEAR_LONG = 3, 10   # days-left threshold for "near": periods up to 15 days / longer


@dataclass(frozen=True)
class Rule:
    code: str
    label: str
    start: str                                 # event that starts the period
    days: int
    working: bool                              # 《行政处罚法》 art. 85: 二/三/五/七日 are working days
    met_by: tuple[str, ...]
    extensions: tuple[tuple[str, int], ...] = ()
    owner: str = "bureau"                      # bureau | party
    basis: str = ""


RULES = (
    Rule("filing", "立案期限", "discovered", 15, False, ("filed", "not_filed"), (("filing_extended", 15),),
         basis="《生态环境行政处罚办法》：发现线索之日起15日内决定是否立案，经批准可延长15日"),
    Rule("decision", "作出处理决定期限", "filed", 90, False, ("decided", "no_penalty"),
         (("decision_extended", 30), ("decision_extended_collective", 30)),
         basis="《行政处罚法》第六十条；《生态环境行政处罚办法》：立案之日起90日，经批准延长30日，集体讨论再延长30日"),
    Rule("hearing_request", "听证申请期限", "notified", 5, True, ("hearing_requested",), owner="party",
         basis="《行政处罚法》第六十四条：当事人在告知后5日内提出听证要求"),
    Rule("service", "决定书送达期限", "decided", 7, True, ("served",),
         basis="《行政处罚法》第六十一条：当事人不在场的，7日内送达"),
    Rule("payment", "缴纳罚款期限", "served", 15, False, ("paid",), owner="party",
         basis="《行政处罚法》第六十七条：自收到决定书之日起15日内缴纳；逾期每日按罚款数额3%加处罚款"),
    Rule("seizure", "查封、扣押期限", "seized", seizure_period.DAYS, False, ("seizure_lifted", "decided"),
         (("seizure_extended", seizure_period.EXTENSION_DAYS),),
         basis="《行政强制法》第二十五条：不得超过30日，情况复杂的经批准可延长30日"),
    Rule("release_service", "解除查封（扣押）决定书送达期限", "seizure_lifted", 3, True, ("seizure_release_served",),
         basis="《环境保护主管部门实施查封、扣押办法》第二十一条：自解除决定作出之日起3个工作日内送达解除决定"),
    Rule("preservation", "先行登记保存处理期限", "preserved", 7, True, ("preservation_decided",),
         basis="《行政处罚法》第五十六条：7日内及时作出处理决定"),
    Rule("recheck", "责令改正后复查期限", "order_served", 30, False, ("recheck_violation", "recheck_corrected"),
         basis="《环境保护主管部门实施按日连续处罚办法》第十条：送达之日起30日内暗查复查"),
)


def compute(events: list[tuple[str, date]], today: date, *, fine_due: bool = True,
            calendar: WorkCalendar | None = None, fine_amount: int | None = None) -> list[dict[str, Any]]:
    """Every deadline whose starting event has happened, with due date and met/open/near/overdue status.

    fine_amount: with it, an unpaid fine past its due date carries the 3 %/day late surcharge (art. 72)."""
    calendar = calendar or load_calendar()
    by_event: dict[str, list[date]] = {}
    for event, day in sorted(events, key=lambda e: e[1]):
        by_event.setdefault(event, []).append(day)
    result = []
    for rule in RULES:
        if rule.start not in by_event or (rule.code == "payment" and not fine_due):
            continue
        item = _deadline(rule, by_event, today, calendar)
        if rule.code == "payment" and fine_amount and item["status"] == "lapsed":
            item["late_surcharge"] = late_surcharge(fine_amount, date.fromisoformat(item["due"]), today)
        result.append(item)
    return result


SURCHARGE_PERCENT_PER_DAY = 3


def late_surcharge_fen(fine_fen: int, late_days: int) -> int:
    """The one rule of 加处罚款 (the 催告书 and the deadlines both ask it): 《行政处罚法》第七十二条第一款第一项
    「到期不缴纳罚款的，每日按罚款数额的百分之三加处罚款，加处罚款的数额不得超出罚款的数额」 (the 2021 text as
    reprinted on the web, not the gazette; 《行政强制法》第四十五条 likewise caps it at the money owed). In fen,
    rounded half up to the fen, as 财政 receipts are kept (a whole-yuan fine always gives whole yuan)."""
    days = max(late_days, 0)
    return min((fine_fen * SURCHARGE_PERCENT_PER_DAY * days + 50) // 100, fine_fen)


def late_surcharge(fine: int | float, due: date, today: date) -> int | float:
    """The surcharge in yuan (an int when whole, else 2 decimals) of a fine in yuan unpaid since due."""
    fen = money.parse_yuan(fine, money.AMOUNT)
    return money.fen_to_yuan(late_surcharge_fen(fen, (today - due).days))


def _deadline(rule: Rule, by_event: dict[str, list[date]], today: date, calendar: WorkCalendar) -> dict[str, Any]:
    start = by_event[rule.start][-1]
    extra = sum(days for event, days in rule.extensions if event in by_event)
    if rule.code == "decision":
        extra += suspended_days(by_event, start)
    if rule.code == "seizure":  # the one computation the decision and the guards use (law/seizure_period.py)
        extra = sum(days for event, days in rule.extensions if any(d >= start for d in by_event.get(event, [])))
        due = seizure_period.last_day(start, extra)
    elif rule.working:
        due = calendar.add_working_days(start, rule.days + extra)
    else:
        due = start + timedelta(days=rule.days + extra)
        if rule.owner == "party":
            due = calendar.next_working_day(due)
    met_on = min((d for event in rule.met_by for d in by_event.get(event, []) if d >= start), default=None)
    return _status(rule, start, due, extra, met_on, today)


def _status(rule: Rule, start: date, due: date, extra: int, met_on: date | None, today: date) -> dict[str, Any]:
    days_left = None if met_on else (due - today).days
    if met_on is not None:
        status = "met" if met_on <= due else "met_late"
    elif today > due:
        status = "lapsed" if rule.owner == "party" else "overdue"
    elif days_left is not None and days_left <= (NEAR_SHORT if rule.days <= 15 else NEAR_LONG):
        status = "near"
    else:
        status = "open"
    return {"code": rule.code, "label": rule.label, "owner": rule.owner, "start_event": rule.start,
            "start": start.isoformat(), "days": rule.days, "day_kind": "working" if rule.working else "natural",
            "extended_days": extra, "due": due.isoformat(), "met_on": met_on.isoformat() if met_on else None,
            "status": status, "status_label": STATUS_LABELS[status], "days_left": days_left,
            "overdue": status in ("overdue", "met_late"), "near": status == "near", "basis": rule.basis}


STATUS_LABELS = {"met": "已完成", "met_late": "逾期完成", "open": "进行中", "near": "临近期限", "overdue": "已超期",
                 "lapsed": "期满"}


def suspended_days(by_event: dict[str, list[date]], since: date) -> int:
    """Days between each 中止 and the following 恢复 (not counted in the decision period)."""
    total = 0
    resumes = sorted(by_event.get("resumed", []))
    for stop in sorted(d for d in by_event.get("suspended", []) if d >= since):
        end = next((r for r in resumes if r >= stop), None)
        if end is not None:
            total += (end - stop).days
    return total


Stopped = tuple[date, date | None]  # a 查封/扣押 or 停产整治 in force: its first day, its last (None: not lifted)


def daily_penalty_days(order_served: date, rechecks: list[tuple[date, bool]], since: date | None = None,
                       stopped: list[Stopped] | None = None) -> tuple[int, date | None]:
    """Days of a daily continuous penalty (按日连续处罚办法 arts. 17–18): from the day after the order to
    correct was served up to the last re-check that still found the violation, cumulative across re-checks;
    a re-check that finds it corrected ends the count. A later round (law/rounds.py) counts from the day after
    `since`, the re-check the previous round counted up to. Days on which a 查封/扣押 or 停产整治 of the case was
    in force (`stopped`, both ends included) are not counted (办法第二十条). Returns (days, last violating
    re-check)."""
    periods, last = daily_counted_periods(order_served, rechecks, since, stopped)
    return sum((end - start).days + 1 for start, end in periods), last


def daily_counted_periods(order_served: date, rechecks: list[tuple[date, bool]], since: date | None = None,
                          stopped: list[Stopped] | None = None) -> tuple[list[tuple[date, date]], date | None]:
    """The one count of 按日 days: the periods counted (first and last day of each) and the last violating
    re-check. The span from the day after the order's service (or `since`) to that re-check, less each day a
    查封/扣押 or 停产整治 was in force (按日连续处罚办法第二十条: no 按日 while the discharge is stopped by one)."""
    start, last = since or order_served, None
    for day, violating in sorted(rechecks):
        if day <= order_served:
            raise BadInput("law.recheck_before_order", day=day, served=order_served)
        if day <= start:
            continue  # counted by an earlier round
        if not violating:
            break
        last = day
    if last is None:
        return [], None
    periods = [(start + timedelta(days=1), last)]
    for first_day, last_day in sorted(stopped or []):
        end = last_day or last
        kept = []
        for a, b in periods:
            if end < a or first_day > b:
                kept.append((a, b))
                continue
            if first_day > a:
                kept.append((a, first_day - timedelta(days=1)))
            if end < b:
                kept.append((end + timedelta(days=1), b))
        periods = kept
    return periods, last


def daily_penalty(original_fine: int | float | str, order_served: date,
                  rechecks: list[tuple[date, bool]], since: date | None = None,
                  stopped: list[Stopped] | None = None) -> dict[str, Any]:
    """Total daily continuous penalty = original fine × days (computed in fen: a fine with 角/分 stays exact).
    With `stopped` (the case's 查封/扣押 and 停产整治 periods) the result also says which periods were counted
    ("periods") and which days were left out ("excluded")."""
    fen = money.parse_yuan(original_fine, Term("money.original_fine"))
    if fen <= 0:
        raise BadInput("law.daily_needs_fine")
    periods, last = daily_counted_periods(order_served, rechecks, since, stopped)
    days = sum((end - start).days + 1 for start, end in periods)
    original, total = money.fen_to_yuan(fen), money.fen_to_yuan(fen * days)
    out = {"original_fine": original, "days": days, "amount": total, "amount_fen": fen * days,
           "from": ((since or order_served) + timedelta(days=1)).isoformat(), "to": last.isoformat() if last else None,
           "formula": f"{original}元 × {days}日 = {total}元",
           "basis": "《中华人民共和国环境保护法》第五十九条；《环境保护主管部门实施按日连续处罚办法》第十七条、第十八条"}
    if stopped is not None:
        out["periods"] = [{"from": a.isoformat(), "to": b.isoformat()} for a, b in periods]
        out["excluded"] = _excluded(out["from"], out["to"], periods)
    return out


def _excluded(first: str, last: str | None, periods: list[tuple[date, date]]) -> list[dict[str, str]]:
    """The gaps of the span [first, last] that the periods leave: the days a measure stopped the discharge."""
    if last is None:
        return []
    gaps, cursor = [], date.fromisoformat(first)
    for a, b in periods:
        if a > cursor:
            gaps.append({"from": cursor.isoformat(), "to": (a - timedelta(days=1)).isoformat()})
        cursor = b + timedelta(days=1)
    if cursor <= date.fromisoformat(last):
        gaps.append({"from": cursor.isoformat(), "to": last})
    return gaps
