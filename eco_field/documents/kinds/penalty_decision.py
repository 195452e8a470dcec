"""行政处罚决定书 (《行政处罚法》第五十九条; layout of 吕环罚〔2025〕4号, enforcement.md §3.2 e): facts,
evidence by type, the violated and the penalty provision quoted, the notice it rests on (number and date),
what the party raised and whether it was adopted, the benchmark and factors applied, the fine in figures and
capitals, the account, remedies (60 days / 6 months)."""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Flowable

from eco_field.documents.kinds import case_parts as parts
from eco_field.documents.kinds import decision_parts as words
from eco_field.documents.kinds import notice_parts
from eco_field.documents.kinds import procedure_facts as facts
from eco_field.documents.kinds.common import Source, case_base, earlier_of, remedies
from eco_field.documents.kinds.penalty_notice import title_for
from eco_field.documents.layout import Page

KIND = "penalty-decision"
TITLE = "行政处罚决定书"
SOURCE = "case"
WAIVER_EVENTS = ("statement_waived", "waived")


def gather(src: Source) -> dict[str, Any]:
    rec = case_base(src)
    rec["assessment"] = parts.checked_assessment(rec)
    rec["evidence"] = parts.evidence_by_type(src, rec)
    rec["benchmark"] = words.benchmark_name(src)
    if src.record_format >= 5:  # the bureau's ground for an amount other than the benchmark's
        rec["discretion_reason"] = words.discretion_reason(src, rec["assessment"])
    rec.update(procedure(src, rec))
    return rec


def procedure(src: Source, rec: dict[str, Any]) -> dict[str, Any]:
    """The notice, the statements and any waiver or hearing, as the decision states them."""
    hearing = facts.hearing_right(src, rec["assessment"]["amount"])
    notice = earlier_of(rec, "penalty-notice")
    if notice is not None:
        notice = {**notice, "title": title_for(hearing)}
    served = facts.last_event(src, "notified")
    events = facts.event_dates(src, "hearing_held")
    waived = facts.waivers(src, *WAIVER_EVENTS)
    out = {"hearing": hearing, "notice": notice, "notice_served": served["date"] if served else None,
           "statements": facts.statements(src), "waived": waived[-1] if waived else None,
           "hearing_held": events["hearing_held"][-1] if events["hearing_held"] else None}
    out["notice_text"] = words.notice_reference(src, rec, notice, out["notice_served"])
    return out


def story(page: Page, rec: dict[str, Any]) -> list[Flowable]:
    assessment = rec["assessment"]
    out = notice_parts.opening(page, rec)
    out.append(page.p("一、违法事实和证据", "heading"))
    out += parts.violations_paragraphs(page, rec)
    out += parts.evidence_paragraphs(page, rec)
    out.append(page.p("二、违法行为的认定及陈述、申辩情况", "heading"))
    out += words.basis_paragraphs(page, rec)
    out.append(page.p(rec["notice_text"]))
    out += words.statements_paragraphs(page, rec, with_circumstances=True)
    out.append(page.p("三、行政处罚的依据和裁量", "heading"))
    out += words.discretion_paragraphs(page, rec, verb="决定")
    out.append(page.p("四、行政处罚的内容和履行方式、期限", "heading"))
    out.append(page.p(f"我局决定对你单位作出如下行政处罚：{parts.fine_text(assessment['amount'])}。"
                      "同时依据《中华人民共和国行政处罚法》第二十八条第一款的规定，责令你单位立即改正违法行为。"))
    out.append(words.payment_paragraph(page, rec))
    out.append(page.p("五、申请行政复议或者提起行政诉讼的途径和期限", "heading"))
    out.append(remedies(page, rec))
    return out + notice_parts.closing(page, rec, receipt=False)
