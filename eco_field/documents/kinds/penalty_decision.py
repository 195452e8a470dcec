"""行政处罚决定书 (《行政处罚法》第五十九条; layout of 吕环罚〔2025〕4号, enforcement.md §3.2 e): facts,
evidence by type, the article breached and quoted, discretion rationale, the fine in figures and capitals,
payment and remedies (60 days / 6 months)."""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Flowable

from eco_field.documents.kinds import case_parts as parts
from eco_field.documents.kinds.common import (
    Source,
    case_base,
    cn_date,
    earlier_of,
    party_rows,
    quote_articles,
    remedies,
)
from eco_field.documents.layout import Page

KIND = "penalty-decision"
TITLE = "行政处罚决定书"
SOURCE = "case"


def gather(src: Source) -> dict[str, Any]:
    rec = case_base(src)
    rec["assessment"] = parts.checked_assessment(rec)
    rec["evidence"] = parts.evidence_by_type(src, rec)
    return rec


def story(page: Page, rec: dict[str, Any]) -> list[Flowable]:
    assessment, tz = rec["assessment"], rec["time_zone"]
    out: list[Flowable] = page.heading()
    out.append(page.fields(party_rows(rec["party"])))
    out.append(page.p("一、违法事实和证据", "heading"))
    out += parts.violations_paragraphs(page, rec)
    out += parts.evidence_paragraphs(page, rec)
    out.append(page.p("二、违法行为的认定及处罚依据", "heading"))
    out += parts.basis_paragraphs(page, rec)
    notice = earlier_of(rec, "penalty-notice")
    if notice:
        out.append(page.p(f"我局已于{cn_date(notice['issued_at'], tz)}以《行政处罚事先（听证）告知书》（{notice['number']}）"
                          "告知你单位拟作出行政处罚的事实、理由、依据及你单位依法享有的陈述、申辩和听证权利。"))
    else:
        out.append(page.p("我局已于＿＿＿年＿＿月＿＿日以《行政处罚事先（听证）告知书》（文号＿＿＿＿＿＿＿＿）"
                          "告知你单位拟作出行政处罚的事实、理由、依据及你单位依法享有的陈述、申辩和听证权利。"))
    out.append(page.p("三、自由裁量的理由", "heading"))
    out.append(page.p(f"依据{assessment.get('citation') or assessment['law'] + assessment['article']}的规定，"
                      + (f"法定罚款幅度为{assessment['range_text']}。" if assessment.get("range_text") else "")
                      + assessment["rationale"]))
    if assessment["formula"] not in assessment["rationale"]:
        out.append(page.p(f"计算方法：{assessment['formula']}"))
    table = parts.parts_table(page, assessment)
    if table:
        out.append(table)
    out.append(page.p("四、行政处罚的内容和履行方式、期限", "heading"))
    out.append(page.p(f"我局决定对你单位作出如下行政处罚：{parts.fine_text(assessment['amount'])}。"
                      "同时依据《中华人民共和国行政处罚法》第二十八条第一款的规定，责令你单位立即改正违法行为。"))
    out.append(parts.payment_paragraph(page, rec))
    out.append(page.p("五、申请行政复议或者提起行政诉讼的途径和期限", "heading"))
    out.append(remedies(page, rec))
    out.append(page.seal_block())
    out += quote_articles(page, [v["entry"] for v in rec["violations"]])
    return out
