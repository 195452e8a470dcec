"""责令改正违法行为决定书 (按日连续处罚办法 art. 9; layout of 州环责改〔2025〕12号, enforcement.md §3.2 c)."""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Flowable

from eco_field.documents.kinds import case_parts as parts
from eco_field.documents.kinds import notice_parts
from eco_field.documents.kinds.common import Source, case_base, quote_articles
from eco_field.documents.layout import Page

KIND = "rectification-order"
TITLE = "责令改正违法行为决定书"
SOURCE = "case"


def gather(src: Source) -> dict[str, Any]:
    rec = case_base(src)
    rec["evidence"] = parts.evidence_by_type(src, rec)
    return rec


def _daily_basis(rec: dict[str, Any]) -> str:
    for violation in rec["violations"]:
        for measure in violation["entry"].get("measures", []):
            if "按日" in measure.get("measure", "") and measure.get("basis"):
                return measure["basis"]
    return ""


def story(page: Page, rec: dict[str, Any]) -> list[Flowable]:
    out = notice_parts.opening(page, rec)
    out.append(page.p("一、违法事实和证据", "heading"))
    out += parts.violations_paragraphs(page, rec)
    out += parts.evidence_paragraphs(page, rec)
    out += parts.basis_paragraphs(page, rec)
    out.append(page.p("二、责令改正的依据和种类", "heading"))
    citations = "、".join(v["entry"].get("citation") or "" for v in rec["violations"])
    out.append(page.p(f"依据《中华人民共和国行政处罚法》第二十八条第一款及{citations}的规定，我局责令你单位"
                      "自收到本决定书之日起立即改正上述违法行为。"))
    daily = _daily_basis(rec)
    text = "我局将自本决定书送达之日起三十日内，以暗查等方式组织对你单位改正违法行为的情况进行复查。"
    if daily:
        text += (f"经复查，你单位拒不改正违法行为的，我局将依据《中华人民共和国环境保护法》第五十九条和{daily}"
                 "的规定，对你单位实施按日连续处罚。")
    out.append(page.p(text))
    out.append(page.p("三、申请行政复议或者提起行政诉讼的途径和期限", "heading"))
    b = rec["bureau"]
    out.append(page.p(f"如不服本决定，可以在收到本决定书之日起六十日内向{b['review_body']}申请行政复议，"
                      f"也可以在收到本决定书之日起六个月内向{b['court']}提起行政诉讼。"))
    out.append(page.seal_block())
    out += quote_articles(page, [v["entry"] for v in rec["violations"]])
    return out
