"""What the 按日连续处罚 notice and decision share (按日连续处罚办法 arts. 5, 15–19): the original decision, the
order to correct and its service, each 复查 that found the violation continuing with its evidence, the days
counted (art. 17) and the amount (art. 19), the violated provision and the 按日 penalty provision."""

from __future__ import annotations

from datetime import date
from typing import Any

from reportlab.platypus import Flowable

from eco_field.documents.kinds import case_parts as parts
from eco_field.documents.kinds import procedure_facts, provisions
from eco_field.documents.kinds.common import Source, case_base, cn_date, earlier_of
from eco_field.documents.layout import Page
from eco_field.errors import BadInput
from eco_field.law import rounds

ART59 = "环保法59"


def gather_daily(src: Source) -> dict[str, Any]:
    from eco_field.law.deadlines import daily_penalty

    rec = case_base(src)
    assessment = parts.checked_assessment(rec)
    case_id = rec["case"]["id"]
    rows = procedure_facts.event_rows(src, "order_served", "recheck_violation", "recheck_corrected")
    events = [{k: r[k] for k in ("event", "date", "note")} for r in rows]
    if src.record_format >= 5:  # the 复查's evidence and officers as recorded (format 4: the note only)
        for event, row in zip(events, rows, strict=True):
            if row["event"] == "recheck_violation":
                event.update(evidence=str(row["data"].get("evidence") or ""), officers=row["data"].get("officers") or [])
    served = [e["date"] for e in events if e["event"] == "order_served"]
    if not served:
        raise BadInput("kinds.missing_event", case=case_id, event="order_served（送达责令改正违法行为决定书）",
                       why="按日连续处罚自责令改正违法行为决定书送达之日的次日起计算，须先记录送达")
    decision = earlier_of(rec, "penalty-decision")
    if decision is None:
        raise BadInput("kinds.missing_event", case=case_id, event="penalty-decision（原行政处罚决定书）",
                       why="按日连续处罚决定应当在原行政处罚决定之后作出（按日连续处罚办法第七条）")
    parts.same_fine_as_decided(src, decision, assessment)
    rechecks = [(date.fromisoformat(e["date"]), e["event"] == "recheck_violation") for e in events
                if e["event"] != "order_served"]
    # this round only (law/rounds.py): re-checks after the previous round's decision, counted from its re-check
    decided = [date.fromisoformat(e["date"]) for e in procedure_facts.event_rows(src, "daily_decided")]
    found = rounds.daily_rounds(rechecks, decided)
    since, mine = found[-1] if found else (None, [])
    stops = stopped_periods(src) if src.record_format >= 5 else None  # format 4 counted the days of a 查封 too
    daily = daily_penalty(int(assessment["amount"]), date.fromisoformat(served[0]), mine, since,
                          None if stops is None else [(a, b) for a, b, _ in stops])
    if stops is not None:
        daily["stops"] = [{"from": a.isoformat(), "to": b.isoformat() if b else None, "measure": measure}
                          for a, b, measure in stops]
    if len(found) > 1:  # a later round: its number and the previous round's decision (round 1 gathers as before)
        daily["round"], daily["since"] = len(found), since.isoformat() if since else None
        rec["previous_daily"] = earlier_of(rec, "daily-penalty-decision")
    if daily["days"] <= 0:
        raise BadInput("kinds.no_daily_recheck", case=case_id)
    rec.update(assessment=assessment, events=events, daily=daily, original=decision,
               order=earlier_of(rec, "rectification-order"), evidence=parts.evidence_by_type(src, rec),
               daily_basis=daily_basis(rec))
    return rec


def stopped_periods(src: Source) -> list[tuple[date, date | None, str]]:
    """The case's 查封/扣押 and 停产整治 as recorded up to the document's issue: (first day, last day or None,
    the measure's words: 查封 | 扣押 | 停产整治). law/rounds.py pairs each with its end."""
    rows = procedure_facts.event_rows(src, *rounds.STOPPING, *rounds.STOPPING.values())
    measures = {r["date"]: str(r["data"].get("measure") or "查封、扣押") for r in rows if r["event"] == "seized"}
    found = rounds.stopped_periods([(r["event"], date.fromisoformat(r["date"])) for r in rows])
    return [(a, b, measures.get(a.isoformat(), "查封、扣押") if code == "seized" else "停产整治") for a, b, code in found]


def daily_basis(rec: dict[str, Any]) -> str:
    """The 按日 penalty provision of the violated law (大气法第一百二十三条…), with 环保法第五十九条."""
    found = [m["basis"] for v in rec["violations"] for m in v["entry"].get("measures", [])
             if "按日" in m.get("measure", "") and m.get("basis")]
    art59 = provisions.citation(ART59)
    named = [b for b in dict.fromkeys(found) if "第五十九条" not in b]
    return "、".join([art59, *named])


def facts_paragraphs(page: Page, rec: dict[str, Any]) -> list[Flowable]:
    """The original decision, the order served, each 复查 with its evidence."""
    daily, decision, order = rec["daily"], rec["original"], rec["order"]
    served = next(e["date"] for e in rec["events"] if e["event"] == "order_served")
    out = [page.p(f"我局已于{cn_date(decision['issued_at'], rec['time_zone'])}以《行政处罚决定书》（{decision['number']}）"
                  f"对你单位上述违法行为处以{parts.fine_text(daily['original_fine'])}的行政处罚。"
                  f"{cn_date(served)}，我局向你单位送达了《责令改正违法行为决定书》"
                  f"{'（' + order['number'] + '）' if order else ''}，责令你单位立即改正违法行为。")]
    previous = rec.get("previous_daily")
    for event in rec["events"]:
        if previous and event["date"] == daily.get("since") and event["event"] == "recheck_violation":
            out.append(page.p(f"{cn_date(event['date'])}，我局复查发现你单位拒不改正，已以《按日连续处罚决定书》"
                              f"（{previous['number']}）对此前的计罚日数实施按日连续处罚。"))
        elif event["event"] == "recheck_violation" and event.get("evidence"):  # format 5, recorded with it
            who = f"执法人员{'、'.join(event['officers'])}" if event.get("officers") else ""
            said = f"（{event['note'].rstrip('。')}）" if event["note"] else ""
            out.append(page.p(f"{cn_date(event['date'])}，我局{who}对你单位进行复查，发现你单位仍在继续实施上述违法行为，"
                              f"拒不改正{said}。以上事实有以下证据为凭：{event['evidence'].rstrip('。')}。"))
        elif event["event"] == "recheck_violation":
            proof = event["note"] or "复查现场检查笔录"
            out.append(page.p(f"{cn_date(event['date'])}，我局对你单位进行复查，发现你单位仍在继续实施上述违法行为，"
                              f"拒不改正。以上事实有复查证据为凭：{proof}。"))
        elif event["event"] == "recheck_corrected":
            out.append(page.p(f"{cn_date(event['date'])}，我局复查发现你单位已改正上述违法行为。"))
    return out


def days_and_amount(page: Page, rec: dict[str, Any], verb: str) -> list[Flowable]:
    daily = rec["daily"]
    # a later round counts from the day after the re-check the previous decision counted up to (第十七条: 累计执行)
    start = ("前次复查发现违法排放污染物行为之日的次日起，至本次复查发现违法排放污染物行为之日止（再次复查仍拒不改正的，"
             "计罚日数累计执行）" if daily.get("round") else
             "责令改正违法行为决定书送达之日的次日起，至复查发现违法排放污染物行为之日止")
    return [
        page.p(f"你单位拒不改正的行为违反了{rec['violated']}的规定。依据{rec['daily_basis']}的规定，对你单位实施按日连续"
               f"处罚。依据{provisions.citation('按日办法17')}的规定，计罚日数自{start}，" + counted_words(daily)),
        page.p(f"依据{provisions.citation('按日办法19')}的规定，按日连续处罚每日的罚款数额为原处罚决定书确定的罚款数额"
               f"{_fig(daily['original_fine'])}元，乘以计罚日数{daily['days']}日，{verb}对你单位按日连续处罚"
               f"{parts.fine_text(daily['amount'])}。"),
    ]


def counted_words(daily: dict[str, Any]) -> str:
    """The period(s) counted and the days left out: a 查封/扣押 or 停产整治 of the case in force stopped the discharge
    (按日连续处罚办法第二十条; the article's text was not available, only its rule as procedure.md §2 states it).
    Format 4 and before (no "periods"): the one span, as it was printed."""
    if "periods" not in daily or not daily["excluded"]:
        return f"即自{cn_date(daily['from'])}起至{cn_date(daily['to'])}止，共计{daily['days']}日。"
    left_out = []
    for gap in daily["excluded"]:
        names = "、".join(dict.fromkeys(
            stop["measure"] for stop in daily.get("stops", [])
            if stop["from"] <= gap["to"] and (stop["to"] is None or stop["to"] >= gap["from"]))) or "查封、扣押"
        left_out.append(f"{_span(gap)}为我局对你单位实施{names}期间")
    counted = "、".join(f"自{cn_date(p['from'])}起至{cn_date(p['to'])}止" for p in daily["periods"])
    return (f"其中{'；'.join(left_out)}，排污行为已被停止，依据《环境保护主管部门实施按日连续处罚办法》第二十条的规定不计入"
            f"计罚日数，即{counted}，共计{daily['days']}日。")


def _span(gap: dict[str, str]) -> str:
    if gap["from"] == gap["to"]:
        return cn_date(gap["from"])
    return f"{cn_date(gap['from'])}至{cn_date(gap['to'])}"


def _fig(amount: float) -> str:
    from eco_field.documents import amounts

    return amounts.figures(amount)


def violated(rec: dict[str, Any]) -> str:
    from eco_field.documents.kinds.decision_parts import violated_provision

    return "、".join(dict.fromkeys(violated_provision(v["entry"]) for v in rec["violations"]))
