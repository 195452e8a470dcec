"""催告书 (行政强制法第三十五条、第四十五条、第五十四条): the decision and its service, the fine unpaid after the
15-day period, the 3 % daily surcharge so far (capped at the fine), a deadline of ten days, the account, and the
party's right to state and defend; then the bureau may apply to the court. From record format 3 the due date
is the procedure's (law.procedure_decision.payment_due_after) and the late days run to the document's own date;
a reminder of format 1-2 is gathered again as it was issued (15 calendar days, to the day it was rendered)."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from reportlab.platypus import Flowable

from eco_field import money
from eco_field.clock import now_local, zone
from eco_field.documents.kinds import case_parts as parts
from eco_field.documents.kinds import decision_parts as words
from eco_field.documents.kinds import notice_parts
from eco_field.documents.kinds import procedure_facts as facts
from eco_field.documents.kinds.common import Source, case_base, cn_date, earlier_of
from eco_field.documents.layout import Page
from eco_field.errors import BadInput
from eco_field.law.deadlines import late_surcharge_fen

KIND = "payment-reminder"
TITLE = "催告书"
SOURCE = "case"
PAY_DAYS = 15


def gather(src: Source) -> dict[str, Any]:
    rec = case_base(src)
    case_id = rec["case"]["id"]
    assessment = parts.checked_assessment(rec)
    decision = earlier_of(rec, "penalty-decision")
    served = facts.last_event(src, "served")
    if decision is None or served is None:
        raise BadInput("kinds.no_payment_due", case=case_id, why="行政处罚决定书尚未作出或尚未送达")
    parts.same_fine_as_decided(src, decision, assessment)
    if facts.last_event(src, "paid"):
        raise BadInput("kinds.no_payment_due", case=case_id, why="当事人已缴纳罚款")
    if src.record_format >= 3:
        due, today, approved = _due_and_day(src, served["date"])
    else:  # format 1-2 (issued before): 15 calendar days, counted to the day it was rendered, as then printed
        due, today, approved = date.fromisoformat(served["date"]) + timedelta(days=PAY_DAYS), _render_day(src), None
    if today <= due:
        raise BadInput("kinds.no_payment_due", case=case_id, why=f"缴款期限至{due.isoformat()}届满")
    late_days = (today - due).days
    if src.record_format >= 5:  # the law's one rounding (to the fen, capped at the fine): law.deadlines
        surcharge = money.fen_to_yuan(late_surcharge_fen(money.fen_of(assessment), late_days))
    else:  # formats 1-4 as issued then (the same figure for any whole-yuan fine)
        surcharge = min(round(assessment["amount"] * 0.03 * late_days, 2), assessment["amount"])
    rec.update(assessment=assessment, decision=decision, served=served["date"], due=due.isoformat(),
               on=today.isoformat(), late_days=late_days, surcharge=surcharge)
    if approved:
        rec["installments"] = approved
    return rec


def _due_and_day(src: Source, served_on: str) -> tuple[date, date, list[dict[str, str]]]:
    """The due date as the procedure sets it (working-day roll, an approved 分期/延期: law.procedure_decision), from
    the events as recorded when the document was issued; and the day the late days run to: its own date."""
    from eco_field.law.data_dir import data_dir_of
    from eco_field.law.procedure_decision import payment_due_after
    from eco_field.law.workdays import load_calendar

    approved = [{"date": e["date"], "until": e["data"]["until"]}
                for e in facts.event_rows(src, "installments") if e["data"].get("until")]
    due = payment_due_after(date.fromisoformat(served_on), [a["until"] for a in approved],
                            load_calendar(data_dir_of(src.db)))
    return due, src.issued_on or _render_day(src), approved


def _render_day(src: Source) -> date:
    """The day of rendering in the bureau's zone, also when verifying later (as_of is the UTC issue time)."""
    tz = src.setting("time_zone")
    return datetime.fromisoformat(src.as_of).astimezone(zone(tz)).date() if src.as_of else now_local(tz).date()


def story(page: Page, rec: dict[str, Any]) -> list[Flowable]:
    amount = rec["assessment"]["amount"]
    out: list[Flowable] = page.heading()
    out.append(page.p(f"{rec['party']['name']}：", "plain"))
    out.append(page.p(f"我局于{cn_date(rec['decision']['issued_at'], rec['time_zone'])}作出《行政处罚决定书》"
                      f"（{rec['decision']['number']}），对你单位{parts.fine_text(amount)}，该决定书已于{cn_date(rec['served'])}"
                      f"送达你单位。{_due_sentence(rec)}，但至今未履行。"))
    capped = money.fen_of({"amount": rec["surcharge"]}) >= money.fen_of(rec["assessment"])
    # once the surcharge has reached the fine it stops (第七十二条第一款第一项): never said to keep running
    so_far = (f"加处罚款已达到罚款数额，为{parts.fine_text(rec['surcharge'])[2:]}，不再增加" if capped
              else f"加处罚款{parts.fine_text(rec['surcharge'])[2:]}")
    out.append(page.p(f"依据《中华人民共和国行政处罚法》第七十二条第一款第一项的规定，到期不缴纳罚款的，每日按罚款数额的"
                      f"百分之三加处罚款，加处罚款的数额不超过罚款的数额。截至{cn_date(rec['on'])}，已逾期{rec['late_days']}日，"
                      f"{so_far}。"))
    out.append(page.p("依据《中华人民共和国行政强制法》第三十五条、第五十四条的规定，现催告你单位自收到本催告书之日起十日内"
                      "履行上述行政处罚决定，缴纳罚款及加处罚款。"))
    out.append(words.payment_paragraph(page, rec, days="十日", since="本催告书", surcharge_runs=not capped))
    out.append(page.p("你单位有权进行陈述和申辩，可以向我局提出书面陈述、申辩意见。"
                      "逾期仍不履行的，我局将依法申请人民法院强制执行。"))
    return out + notice_parts.closing(page, rec)


def _due_sentence(rec: dict[str, Any]) -> str:
    """When the fine was due; with an approved 分期/延期, the day approved (行政处罚法第六十六条)."""
    approved = rec.get("installments")
    # the last day is the party's (「含当日」): 「…前」 alone reads as the day before
    if not approved:  # 《行政处罚法》第六十七条第三款's own words, with the last day the procedure counts
        return f"你单位应当自收到该决定书之日起十五日内（即{cn_date(rec['due'])}前，含当日）缴纳罚款"
    return (f"经你单位申请，我局于{cn_date(approved[-1]['date'])}批准你单位分期（延期）缴纳罚款，"
            f"你单位应当于{cn_date(rec['due'])}（含当日）前缴清罚款")
