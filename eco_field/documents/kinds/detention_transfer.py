"""移送行政拘留: 案件移送审批表, 移送书 and 移送材料清单 in one file (2016 指南 templates 27–29; 行政主管部门移送
适用行政拘留环境违法案件暂行办法 arts. 2, 10–12; 环境保护法第六十三条). Only after the penalty decision (办法
第二条) and only for a case of art. 63 (the catalog's 移送公安机关行政拘留 measure).

The 暂行办法's own text was read only in part this session (arts. 1–5 from a web copy); the 式样 fields follow
enforcement.md §2 (审批表: 案由, 当事人, 主要负责人, 调查人员, 案情简介, 移送依据和处理意见, 执法机构 → 法制机构 → 局领导)."""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Flowable, PageBreak

from eco_field.documents.kinds import decision_parts as words
from eco_field.documents.kinds import forms, transfers
from eco_field.documents.kinds.common import Source, case_base, cn_date, earlier_of, sentence
from eco_field.documents.layout import Page
from eco_field.errors import BadInput

KIND = "detention-transfer"
TITLE = "移送行政拘留案件移送书"
SOURCE = "case"
MEASURE = "行政拘留"
RULES = "《行政主管部门移送适用行政拘留环境违法案件暂行办法》"


def gather(src: Source) -> dict[str, Any]:
    rec = case_base(src)
    case_id = rec["case"]["id"]
    bases = transfers.measure_bases(rec, MEASURE)
    if not bases:
        raise BadInput("kinds.no_detention_ground", case=case_id)
    decision = earlier_of(rec, "penalty-decision")
    if decision is None:
        raise BadInput("kinds.missing_event", case=case_id, event="penalty-decision（行政处罚决定书）",
                       why=f"移送行政拘留应当在依法作出行政处罚决定后进行（{RULES}第二条）")
    rec.update(bases=bases, decision=decision,
               police=transfers.authority(src, "doc_police", "公安局"))
    rec["materials"] = transfers.materials(rec, ["案件移送书", "案件移送审批表"])
    return rec


def story(page: Page, rec: dict[str, Any]) -> list[Flowable]:
    party, tz = rec["party"], rec["time_zone"]
    basis = "、".join(rec["bases"])
    out: list[Flowable] = page.heading()
    out.append(page.p(f"{rec['police']}：", "plain"))
    out.append(page.p(f"{party['name']}（统一社会信用代码：{party['credit_code']}，地址：{party['address']}）"
                      f"{'、'.join(v['entry']['description'] for v in rec['violations'])}一案，经我局调查："
                      f"{sentence(rec['case']['facts'])}"))
    out += words.basis_paragraphs(page, rec, subject="该单位")
    out.append(page.p(f"我局已于{cn_date(rec['decision']['issued_at'], tz)}以《行政处罚决定书》（{rec['decision']['number']}）"
                      "对该单位依法作出行政处罚决定。"))
    out.append(page.p(f"该单位的上述行为涉嫌构成{basis}规定的情形，尚不构成犯罪，依法应当对其直接负责的主管人员和其他直接"
                      f"责任人员处以行政拘留。依据{basis}及{RULES}的规定，现将该案移送你局依法处理。该单位法定代表人（主要"
                      f"负责人）：{party['legal_rep']}。"))
    out.append(page.p("附件：移送材料清单及案件材料。", "plain"))
    out.append(words.bureau_lines(page, rec))
    out.append(page.seal_block())
    out.append(PageBreak())
    out.append(page.p("案件移送审批表", "title"))
    out.append(forms.particulars(page, [
        ("案由", forms.cause(rec)), ("当事人", forms.party_text(party)), ("主要负责人", party["legal_rep"]),
        ("调查人员", forms.officers_text(rec)), ("案情简介", rec["case"]["facts"]),
        ("移送依据和处理意见", f"依据{basis}，建议移送{rec['police']}，对直接负责的主管人员和其他直接责任人员处以行政拘留。"),
    ]))
    out.append(forms.spacer())
    # the referral's own chain signs here (the decision's approvals were for the penalty, not this referral)
    out.append(forms.opinion_rows(page, [("执法机构意见", None), ("法制机构意见", None), ("局领导意见", None)]))
    out.append(PageBreak())
    out.append(page.p("移送材料清单", "title"))
    out.append(transfers.materials_table(page, rec["materials"]))
    out.append(page.signatures([("移送人", forms.officers_text(rec)), ("接收人", "")]))
    return out
