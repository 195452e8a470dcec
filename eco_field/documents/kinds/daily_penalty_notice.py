"""按日连续处罚事先（听证）告知书: the 告知 a 按日连续处罚 needs of its own (按日连续处罚办法 art. 15: the ordinary
procedure applies, 告知 and 听证 where eligible), issued after the failed 复查 and before the decision."""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Flowable

from eco_field.documents.kinds import case_parts as parts
from eco_field.documents.kinds import daily_parts
from eco_field.documents.kinds import decision_parts as words
from eco_field.documents.kinds import procedure_facts as facts
from eco_field.documents.kinds.common import Source, party_rows
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
    return rec


def story(page: Page, rec: dict[str, Any]) -> list[Flowable]:
    page.title = rec["title"]
    out: list[Flowable] = page.heading()
    out.append(page.fields(party_rows(rec["party"])))
    out += parts.violations_paragraphs(page, rec)
    out += daily_parts.facts_paragraphs(page, rec)
    out += daily_parts.days_and_amount(page, rec, verb="我局拟")
    rights = ("根据《中华人民共和国行政处罚法》第四十四条、第四十五条的规定，你单位有权进行陈述和申辩，可在收到本告知书"
              "之日起五日内向我局提出书面陈述、申辩意见，逾期未提出的，视为放弃陈述、申辩的权利。")
    if rec["hearing"]:
        rights += ("根据《中华人民共和国行政处罚法》第六十三条、第六十四条的规定，你单位有要求举行听证的权利，"
                   "应当在收到本告知书之日起五日内向我局提出，逾期未提出的，视为放弃听证的权利。")
    out.append(page.p(rights))
    out.append(words.bureau_lines(page, rec))
    out.append(page.seal_block())
    out.append(page.signatures([("当事人签收", rec["party"]["name"])]))
    return out
