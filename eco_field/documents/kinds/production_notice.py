"""责令限制生产（停产整治）事先（听证）告知书: the 告知 a 限产/停产 order needs of its own (限制生产停产整治办法
第十一条: the facts, the basis, the intended measure and its period, and the rights of 陈述、申辩 and 听证; for
停产整治 also 《行政处罚法》第六十三条). Issued after the intended measure is recorded (`production_proposed`)
and before its service (`production_notified`); see production_order."""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Flowable

from eco_field.documents.kinds import case_parts as parts
from eco_field.documents.kinds import decision_parts as words
from eco_field.documents.kinds import provisions
from eco_field.documents.kinds.common import Source, party_rows
from eco_field.documents.kinds.production_order import (
    NOTICE_TITLES,
    gather_measure,
    measure_paragraphs,
    proposal,
)
from eco_field.documents.layout import Page

KIND = "production-notice"
TITLE = "责令限制生产（停产整治）事先（听证）告知书"
SOURCE = "case"
# each intended measure (限产, later 停产 under 办法第六条第四项) has its notice: a new one does not void the last
MANY_PER_RECORD = True


def gather(src: Source) -> dict[str, Any]:
    intended = proposal(src, src.need_case())["data"].get("measure")
    rec = gather_measure(src, halt=intended == "停产整治")
    rec["title"] = NOTICE_TITLES[rec["measure"]["name"]]
    return rec


def story(page: Page, rec: dict[str, Any]) -> list[Flowable]:
    page.title = rec["title"]
    out: list[Flowable] = page.heading()
    out.append(page.fields(party_rows(rec["party"])))
    out += parts.violations_paragraphs(page, rec)
    out += parts.evidence_paragraphs(page, rec)
    out += words.basis_paragraphs(page, rec)
    out += measure_paragraphs(page, rec, intended=True)
    law = "第四十四条、第四十五条"
    out.append(page.p(f"根据{provisions.citation('限产办法11')}和《中华人民共和国行政处罚法》{law}的规定，你单位有权进行"
                      "陈述和申辩，可在收到本告知书之日起五日内向我局提出书面陈述、申辩意见，逾期未提出的，视为放弃陈述、"
                      "申辩的权利。"))
    hearing = "第六十三条、第六十四条" if rec["measure"]["name"] == "停产整治" else "第六十四条"
    out.append(page.p(f"根据{provisions.citation('限产办法11')}和《中华人民共和国行政处罚法》{hearing}的规定，你单位有要求"
                      "举行听证的权利。如要求听证，应当在收到本告知书之日起五日内向我局提出，逾期未提出的，视为放弃听证的"
                      "权利。"))
    out.append(words.bureau_lines(page, rec))
    out.append(page.seal_block())
    out.append(page.signatures([("当事人签收", rec["party"]["name"])]))
    return out
