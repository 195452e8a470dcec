"""按日连续处罚决定书 (按日连续处罚办法 art. 16): the violation first found, the original decision, the refusal
found on re-check, the start and end dates, original fine × days, payment and remedies."""

from __future__ import annotations

from datetime import date
from typing import Any

from reportlab.platypus import Flowable

from eco_field.documents.kinds import case_parts as parts
from eco_field.documents.kinds.common import (
    Source,
    case_base,
    case_events,
    cn_date,
    earlier_of,
    party_rows,
    quote_articles,
    remedies,
)
from eco_field.documents.layout import Page
from eco_field.errors import BadInput

KIND = "daily-penalty-decision"
TITLE = "按日连续处罚决定书"
SOURCE = "case"


def gather(src: Source) -> dict[str, Any]:
    from eco_field.law.deadlines import daily_penalty

    rec = case_base(src)
    assessment = parts.checked_assessment(rec)
    events = case_events(src, rec["case"]["id"], ("order_served", "recheck_violation", "recheck_corrected"))
    served = [e["date"] for e in events if e["event"] == "order_served"]
    if not served:
        raise BadInput(f"Case {rec['case']['id']} has no 送达责令改正违法行为决定书 event (order_served); "
                       "record when the order to correct was served first")
    rechecks = [(date.fromisoformat(e["date"]), e["event"] == "recheck_violation") for e in events
                if e["event"] != "order_served"]
    daily = daily_penalty(int(assessment["amount"]), date.fromisoformat(served[0]), rechecks)
    if daily["days"] <= 0:
        raise BadInput(f"Case {rec['case']['id']}: no re-check after the order found the violation continuing "
                       "(recheck_violation); there is nothing to penalise by day")
    rec.update(assessment=assessment, events=events, daily=daily, evidence=parts.evidence_by_type(src, rec))
    return rec


def story(page: Page, rec: dict[str, Any]) -> list[Flowable]:
    daily = rec["daily"]
    out: list[Flowable] = page.heading()
    out.append(page.fields(party_rows(rec["party"])))
    out.append(page.p("一、违法事实、原处罚决定及拒不改正的事实和证据", "heading"))
    out += parts.violations_paragraphs(page, rec)
    decision = earlier_of(rec, "penalty-decision")
    original = (f"我局已以《行政处罚决定书》（{decision['number']}）对你单位处以" if decision
                else "我局已依法对你单位处以") + parts.fine_text(daily["original_fine"]) + "的行政处罚。"
    order = earlier_of(rec, "rectification-order")
    served = next(e["date"] for e in rec["events"] if e["event"] == "order_served")
    original += (f"{cn_date(served)}，我局向你单位送达了《责令改正违法行为决定书》"
                 f"{'（' + order['number'] + '）' if order else ''}，责令你单位立即改正违法行为。")
    out.append(page.p(original))
    for event in rec["events"]:
        if event["event"] == "recheck_violation":
            out.append(page.p(f"{cn_date(event['date'])}，我局复查发现你单位仍在继续实施上述违法行为"
                              f"{'（' + event['note'] + '）' if event['note'] else ''}，拒不改正。"))
    out += parts.evidence_paragraphs(page, rec)
    out.append(page.p("二、按日连续处罚的起止时间和依据", "heading"))
    out.append(page.p(f"你单位拒不改正违法行为的行为违反了{rec['violations'][0]['entry'].get('citation', '')}等规定。"
                      f"依据{daily['basis']}的规定，按日连续处罚的计罚日数自责令改正违法行为决定书送达之日的次日起，"
                      f"至复查发现违法排放行为之日止，即自{cn_date(daily['from'])}起至{cn_date(daily['to'])}止，"
                      f"共计{daily['days']}日。"))
    out.append(page.p("三、按日连续处罚的数额", "heading"))
    out.append(page.p(f"按照原处罚数额按日连续计罚：{daily['formula']}。我局决定对你单位按日连续处罚，"
                      f"{parts.fine_text(daily['amount'])}。"))
    out.append(parts.payment_paragraph(page, rec))
    out.append(page.p("四、申请行政复议或者提起行政诉讼的途径和期限", "heading"))
    out.append(remedies(page, rec))
    out.append(page.seal_block())
    out += quote_articles(page, [v["entry"] for v in rec["violations"]])
    return out
