"""立案审批表 (2016 指南 template 1; fields of enforcement.md §3.2 j): source, 案由, party, 案情简介及立案理由, the
承办人, 承办机构 and 负责人 opinions (from the `filing` approval when recorded)."""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Flowable

from eco_field.documents.kinds import forms
from eco_field.documents.kinds import procedure_facts as facts
from eco_field.documents.kinds.closing_approval import chain
from eco_field.documents.kinds.common import Source, case_base, cn_date, sentence
from eco_field.documents.layout import Page

KIND = "filing-approval"
TITLE = "立案审批表"
SOURCE = "case"


def gather(src: Source) -> dict[str, Any]:
    rec = case_base(src, strict_party=False)
    found = facts.last_event(src, "discovered")
    rec["discovered"] = found["date"] if found else rec["case"]["opened_at"][:10]
    if src.record_format >= 5:  # each row of the chain from the 立案审批 of its role (earlier: the 负责人's only)
        rec["approvals"] = chain(src, "filing")
    else:
        rec["approval"] = facts.approval(src, "filing")
    return rec


def story(page: Page, rec: dict[str, Any]) -> list[Flowable]:
    insp, tz = rec["inspection"], rec["time_zone"]
    source = f"{cn_date(insp['started_at'], tz)}现场检查发现" if insp else f"{cn_date(rec['discovered'])}发现"
    out: list[Flowable] = page.heading()
    out.append(forms.particulars(page, [
        ("案件来源", source), ("案由", forms.cause(rec)), ("当事人", forms.party_text(rec["party"])),
        ("发现日期", cn_date(rec["discovered"])), ("承办人员", forms.officers_text(rec)),
        ("案情简介及立案理由", f"{sentence(rec['case']['facts'])}涉嫌违法行为：{forms.violations_text(rec)}。"
                          "上述行为涉嫌违反生态环境法律法规，依法应当给予行政处罚，建议立案调查。"),
    ]))
    out.append(forms.spacer())
    found = rec["approvals"] if "approvals" in rec else [None, None, rec["approval"]]
    labels = ("承办人意见", "承办机构负责人审核意见", "负责人审批意见")
    out.append(forms.opinion_rows(page, list(zip(labels, found, strict=True))))
    return out
