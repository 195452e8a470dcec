"""案件处理内部审批表 (2016 指南 template 9): the proposal, the party's statements and whether each was adopted,
then the 承办, 法制审核, 集体讨论 and 负责人 opinions (from the case's approval events when recorded)."""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Flowable

from eco_field.documents import amounts
from eco_field.documents.kinds import forms
from eco_field.documents.kinds import procedure_facts as facts
from eco_field.documents.kinds.common import Source, case_base, cn_date
from eco_field.documents.layout import Page

KIND = "internal-approval"
TITLE = "案件处理内部审批表"
SOURCE = "case"


def gather(src: Source) -> dict[str, Any]:
    rec = case_base(src, strict_party=False)
    rec["statements"] = facts.statements(src)
    rec["approvals"] = {step: facts.approval(src, step) for step in ("legal_review", "collective", "decision")}
    if src.record_format >= 5:  # a step the case does not require is marked 不适用, not left blank
        rec["required"] = facts.approvals_required(src)
    return rec


def proposal(rec: dict[str, Any]) -> str:
    assessment = rec["case"].get("assessment")
    if not assessment:
        return "处理意见尚待裁量。"
    if assessment.get("decision") == "no_penalty":
        return "不予行政处罚，责令改正并进行教育。"
    return f"罚款人民币{amounts.figures(assessment['amount'])}元（{amounts.capitals(assessment['amount'])}），责令立即改正违法行为。"


def statements_text(rec: dict[str, Any]) -> str:
    if not rec["statements"]:
        return "当事人未提出陈述、申辩意见。"
    verdicts = {True: "采纳", False: "不予采纳", None: "尚未复核"}
    return "；".join(f"{cn_date(s['date'])}：{s['text']}（{verdicts[s['adopted']]}"
                    + (f"，理由：{s['reason']}" if s["reason"] else "") + "）" for s in rec["statements"])


def story(page: Page, rec: dict[str, Any]) -> list[Flowable]:
    a = rec["approvals"]
    out: list[Flowable] = page.heading()
    out.append(forms.particulars(page, [
        ("案由", forms.cause(rec)), ("当事人", forms.party_text(rec["party"])), ("承办人员", forms.officers_text(rec)),
        ("违法事实", rec["case"]["facts"]), ("陈述、申辩及复核情况", statements_text(rec)),
        ("处理意见", proposal(rec)),
    ]))
    out.append(forms.spacer())
    required = rec.get("required") or {}
    out.append(forms.opinion_rows(page, [("承办机构意见", None),
                                         ("法制审核意见", a["legal_review"] or _not_required(required, "legal_review")),
                                         ("集体讨论意见", a["collective"] or _not_required(required, "collective")),
                                         ("负责人审批意见", a["decision"])]))
    return out


def _not_required(required: dict[str, bool], step: str) -> str | None:
    """不适用 where the record says the step is not required (format 5); None: the cell is left to fill in."""
    return forms.NOT_APPLICABLE if required.get(step) is False else None
