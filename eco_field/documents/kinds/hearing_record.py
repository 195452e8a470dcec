"""听证笔录 (《行政处罚法》第六十四条第八项; 2016 指南 template 14): case, time, place, presider, members, recorder,
the party and agents, the investigators; the investigators' case, the party's defence as recorded (the case's
hearing statements), a space for the rest, and signatures on every page (笔录 are signed page by page)."""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Flowable, Spacer

from eco_field.documents.kinds import decision_parts as words
from eco_field.documents.kinds import forms, hearing_parts
from eco_field.documents.kinds import procedure_facts as facts
from eco_field.documents.kinds.common import Source, case_base, cn_date
from eco_field.documents.layout import Page

KIND = "hearing-record"
TITLE = "听证笔录"
SOURCE = "case"


def gather(src: Source) -> dict[str, Any]:
    rec = case_base(src)
    rec["hearing"] = hearing_parts.particulars(src, "hearing_held", rec["case"]["id"],
                                               "听证举行后方可制作听证笔录（事件说明写明时间、地点、主持人、记录人）",
                                               required=("place", "presider", "recorder"))
    rec["statements"] = [s for s in facts.statements(src) if s["kind"] == "hearing"]
    return rec


def story(page: Page, rec: dict[str, Any]) -> list[Flowable]:
    h, party = rec["hearing"], rec["party"]
    out: list[Flowable] = page.heading()
    out.append(forms.particulars(page, [
        ("案由", forms.cause(rec)), ("听证时间", hearing_parts.time_text(h["time"]) or cn_date(h["date"])), ("听证地点", h["place"]),
        ("听证主持人", h["presider"]), ("听证员", h["members"]), ("记录人", h["recorder"]),
        ("当事人", f"{party['name']}（法定代表人：{party['legal_rep']}）"), ("委托代理人", h["agents"]),
        ("案件调查人员", forms.officers_text(rec)),
    ]))
    out.append(page.p("听证主持人宣布听证纪律，核对听证参加人身份，告知当事人申请回避的权利。当事人（是/否）申请回避：＿＿＿。",
                      "plain"))
    out.append(page.p("一、案件调查人员提出当事人违法的事实、证据和拟作出的行政处罚建议：", "heading"))
    out += words.basis_paragraphs(page, rec, subject="当事人")
    out.append(page.p("二、当事人的陈述、申辩和质证意见：", "heading"))
    for s in rec["statements"]:
        out.append(page.p(s["text"]))
    if not rec["statements"]:
        out.append(Spacer(1, 40 * 2.835))
    out.append(page.p("三、最后陈述：", "heading"))
    out.append(Spacer(1, 20 * 2.835))
    out.append(page.p("以上笔录经当事人核对（向当事人宣读），确认无误。", "plain"))
    out.append(page.signatures([("当事人", party["name"]), ("听证主持人", h["presider"]), ("记录人", h["recorder"])]))
    return out
