"""按日连续处罚事先（听证）告知书: the 告知 a 按日连续处罚 needs of its own (按日连续处罚办法 art. 15: the ordinary
procedure applies, 告知 and 听证 where eligible), issued after the failed 复查 and before the decision."""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Flowable

from eco_field.documents.kinds import case_parts as parts
from eco_field.documents.kinds import daily_parts, notice_parts
from eco_field.documents.kinds import procedure_facts as facts
from eco_field.documents.kinds.common import Source
from eco_field.documents.layout import Page

KIND = "daily-penalty-notice"
TITLE = "按日连续处罚事先（听证）告知书"
PLAIN_TITLE = "按日连续处罚事先告知书"
SOURCE = "case"


def gather(src: Source) -> dict[str, Any]:
    rec = daily_parts.gather_daily(src)
    rec["violated"] = daily_parts.violated(rec)
    rec["hearing"] = facts.hearing_right(src, rec["daily"]["amount"])
    rec["title"] = TITLE if rec["hearing"] else PLAIN_TITLE
    if src.record_format >= 5:  # the 陈述、申辩 period the procedure waits, as the notice states it
        rec["statement_days"] = notice_parts.statement_days(src)
    return rec


def story(page: Page, rec: dict[str, Any]) -> list[Flowable]:
    page.title = rec["title"]
    out = notice_parts.opening(page, rec)
    out += parts.violations_paragraphs(page, rec)
    out += daily_parts.facts_paragraphs(page, rec)
    out += daily_parts.days_and_amount(page, rec, verb="我局拟")
    rights = notice_parts.statement_right(days=rec.get("statement_days"))
    if rec["hearing"]:
        rights += notice_parts.hearing_right(one_sentence=True)
    out.append(page.p(rights))
    return out + notice_parts.closing(page, rec)
