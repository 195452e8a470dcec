"""结案审批表 (2016 指南 template 20): the outcome and how it was performed (paid, enforced, nothing to execute),
the documents issued, and the 承办 and 负责人 opinions: from record format 5 each row is filled from the 结案审批
(law.approvals step "closing") given in its role, with a line left for the approver's hand signature."""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Flowable

from eco_field.documents import amounts
from eco_field.documents.kinds import forms
from eco_field.documents.kinds import procedure_facts as facts
from eco_field.documents.kinds.common import Source, case_base, cn_date
from eco_field.documents.layout import Page
from eco_field.law import approvals

KIND = "closing-approval"
TITLE = "结案审批表"
SOURCE = "case"


def gather(src: Source) -> dict[str, Any]:
    rec = case_base(src, strict_party=False)
    events = facts.event_dates(src, "paid", "served", "no_penalty", "decided")
    rec["performance"] = {k: [e["date"] for e in v] for k, v in events.items()}
    # the form goes to the 负责人 before 结案 is recorded (with the approver named in its note): the opinion row
    # is filled from a closing approval where one is on record, else left to sign
    if src.record_format >= 5:  # each row of the chain from the 结案审批 of its role (earlier: one, any role)
        rec["approvals"] = chain(src)
    else:
        rec["approval"] = facts.approval(src, "closing")
    if src.record_format >= 4:  # the 立案日期 from the `filed` event (earlier formats: the day opened)
        rec["filed_on"] = facts.filed_on(src)
    return rec


# the form's rows and the roles whose 结案审批 fills each: the chain (承办人, 承办机构负责人), then the 负责人
ROWS = (*((f"{role}意见", (role,)) for role in approvals.CHAIN_ROLES["closing"]),
        ("负责人审批意见", approvals.FINAL_ROLES["closing"]))


def rows_for(step: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """An approval form's opinion rows and the roles whose approval of the step fills each."""
    return (*((f"{role}意见", (role,)) for role in approvals.CHAIN_ROLES[step]),
            ("负责人审批意见", approvals.FINAL_ROLES[step]))


def chain(src: Source, step: str = "closing") -> list[dict[str, Any] | None]:
    """Per row of the form, the last approval of the step given in one of its roles as recorded by the issue,
    else None (the 立案审批表 asks it for `filing`)."""
    given = [a for a in facts.approvals(src) if a["step"] == step]
    return [next((a for a in reversed(given) if a["role"] in roles), None) for _, roles in rows_for(step)]


def outcome(rec: dict[str, Any]) -> tuple[str, str]:
    assessment, perf = rec["case"].get("assessment") or {}, rec["performance"]
    decided = [d for d in rec["earlier"] if d["kind"] in ("penalty-decision", "no-penalty-decision")]
    what = "；".join(f"{'不予行政处罚决定书' if d['kind'] == 'no-penalty-decision' else '行政处罚决定书'}"
                    f"（{d['number']}）" for d in decided) or "尚未作出决定"
    if assessment.get("decision") == "fine" and assessment.get("amount"):
        what += f"，罚款人民币{amounts.figures(assessment['amount'])}元"
    if perf["paid"]:
        done = f"当事人已于{cn_date(perf['paid'][-1])}缴纳罚款，处罚决定已履行完毕。"
    elif assessment.get("decision") == "no_penalty":
        done = "不予行政处罚，当事人已改正违法行为，无需执行。"
    else:
        done = "尚未履行完毕。"
    return what, done


def story(page: Page, rec: dict[str, Any]) -> list[Flowable]:
    what, done = outcome(rec)
    out: list[Flowable] = page.heading()
    out.append(forms.particulars(page, [
        ("案由", forms.cause(rec)), ("当事人", forms.party_text(rec["party"])),
        ("立案日期", forms.filed_date(rec)), ("承办人员", forms.officers_text(rec)),
        ("处理结果", what), ("执行情况", done),
        ("文书", "、".join(d["number"] for d in rec["earlier"]) or "无"),
    ]))
    out.append(forms.spacer())
    if "approvals" in rec:
        rows = [(label, found) for (label, _), found in zip(ROWS, rec["approvals"], strict=True)]
        out.append(forms.opinion_rows(page, rows, hand_sign=True))
    else:  # records of formats 1-4
        out.append(forms.opinion_rows(page, [("承办人意见", None), ("承办机构负责人意见", None),
                                             ("负责人审批意见", rec["approval"])]))
    return out
