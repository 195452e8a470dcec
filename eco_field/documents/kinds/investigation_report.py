"""案件调查报告 (2016 指南 template 11): the investigation's facts and evidence, the violated and penalty
provisions, the discretion applied in words, the proposal; signed by the investigators."""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Flowable

from eco_field.documents.kinds import case_parts as parts
from eco_field.documents.kinds import decision_parts as words
from eco_field.documents.kinds import forms
from eco_field.documents.kinds import procedure_facts as facts
from eco_field.documents.kinds.common import Source, case_base, officer_signatures
from eco_field.documents.layout import Page

KIND = "investigation-report"
TITLE = "案件调查报告"
SOURCE = "case"


def gather(src: Source) -> dict[str, Any]:
    rec = case_base(src)
    rec["assessment"] = parts.checked_assessment(rec) if rec["case"].get("assessment") and \
        rec["case"]["assessment"].get("decision") != "no_penalty" else rec["case"].get("assessment")
    rec["evidence"] = parts.evidence_by_type(src, rec)
    rec["benchmark"] = words.benchmark_name(src)
    if src.record_format >= 5 and rec["assessment"] and rec["assessment"].get("decision") != "no_penalty":
        rec["discretion_reason"] = words.discretion_reason(src, rec["assessment"])  # the ground for the amount
    if src.record_format >= 4:  # the 立案日期 from the `filed` event (earlier formats: the day opened)
        rec["filed_on"] = facts.filed_on(src)
    return rec


def story(page: Page, rec: dict[str, Any]) -> list[Flowable]:
    out: list[Flowable] = page.heading()
    out.append(forms.particulars(page, [("案由", forms.cause(rec)), ("当事人", forms.party_text(rec["party"])),
                                        ("立案日期", forms.filed_date(rec)),
                                        ("调查人员", forms.officers_text(rec))]))
    out.append(page.p("一、调查查明的违法事实", "heading"))
    out += parts.violations_paragraphs(page, rec, subject="当事人")  # an internal report speaks of 当事人
    out.append(page.p("二、证据", "heading"))
    out += parts.evidence_paragraphs(page, rec)
    out.append(page.p("三、违法行为的认定和法律依据", "heading"))
    out += words.basis_paragraphs(page, rec, subject="当事人")
    out.append(page.p("四、处理建议", "heading"))
    assessment = rec["assessment"]
    if not assessment:
        out.append(page.p("罚款数额尚待裁量。"))
    elif assessment.get("decision") == "no_penalty":
        exemption = assessment.get("exemption") or {}
        out.append(page.p(f"当事人的违法行为符合“{exemption.get('title', '不予行政处罚')}”的情形，建议依据"
                          f"{exemption.get('legal_ground', '《中华人民共和国行政处罚法》第三十三条')}的规定不予行政处罚，"
                          "责令改正并对当事人进行教育。"))
    else:
        out += [p for p in words.discretion_paragraphs(page, rec, verb="拟")]
        out.append(page.p(f"建议对当事人{parts.fine_text(assessment['amount'])}，并责令立即改正违法行为。"))
    out.append(page.signatures(officer_signatures((rec.get("inspection") or {}).get("officers", []), "调查人员")))
    return out
