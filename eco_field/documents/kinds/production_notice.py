"""责令限制生产（停产整治）事先（听证）告知书: the 告知 a 限产/停产 order needs of its own (限制生产停产整治办法
第十一条: the facts, the basis, the intended measure and its period, and the rights of 陈述、申辩 and 听证; for
停产整治 also 《行政处罚法》第六十三条). Issued after the intended measure is recorded (`production_proposed`)
and before its service (`production_notified`); see production_order."""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Flowable

from eco_field.documents.kinds import notice_parts, provisions
from eco_field.documents.kinds.common import Source
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
    if src.record_format >= 5:  # the 陈述、申辩 period the procedure waits, as the notice states it
        rec["statement_days"] = notice_parts.statement_days(src)
    return rec


def story(page: Page, rec: dict[str, Any]) -> list[Flowable]:
    page.title = rec["title"]
    out = notice_parts.opening(page, rec) + notice_parts.facts_and_basis(page, rec)
    out += measure_paragraphs(page, rec, intended=True)
    also = f"{provisions.citation('限产办法11')}和"
    out.append(page.p(notice_parts.statement_right(also=also, days=rec.get("statement_days"))))
    # 《行政处罚法》第六十三条 gives the hearing for 停产整治 (责令停产停业); 限制生产 has it from 办法第十一条 only
    articles = notice_parts.HEARING_ARTICLES if rec["measure"]["name"] == "停产整治" else "第六十四条"
    out.append(page.p(notice_parts.hearing_right(also=also, articles=articles)))
    return out + notice_parts.closing(page, rec)
