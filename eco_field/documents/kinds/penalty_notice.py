"""行政处罚事先（听证）告知书 (《行政处罚法》第四十四、四十五、六十三、六十四条): the intended penalty with its
facts, evidence, the violated and the penalty provision quoted, the discretion benchmark and the factors
applied, the right to state and defend, and — only where the law gives it — the hearing right.

The title carries （听证） only when the party has the hearing right (较大数额 fine or a hearing-list measure)."""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Flowable

from eco_field.documents.kinds import case_parts as parts
from eco_field.documents.kinds import decision_parts as words
from eco_field.documents.kinds import procedure_facts as facts
from eco_field.documents.kinds.common import Source, case_base, party_rows
from eco_field.documents.layout import Page

KIND = "penalty-notice"
TITLE = "行政处罚事先（听证）告知书"
PLAIN_TITLE = "行政处罚事先告知书"
SOURCE = "case"


def title_for(hearing: bool) -> str:
    return TITLE if hearing else PLAIN_TITLE


def gather(src: Source) -> dict[str, Any]:
    rec = case_base(src)
    rec["assessment"] = parts.checked_assessment(rec)
    rec["evidence"] = parts.evidence_by_type(src, rec)
    rec["benchmark"] = words.benchmark_name(src)
    # only the fine is proposed here: 限产停产 orders carry their own notice and hearing
    rec["hearing"] = facts.hearing_right(src, rec["assessment"]["amount"])
    rec["title"] = title_for(rec["hearing"])
    return rec


def story(page: Page, rec: dict[str, Any]) -> list[Flowable]:
    assessment = rec["assessment"]
    page.title = rec["title"]  # the printed title, running header and PDF title follow the hearing right
    out: list[Flowable] = page.heading()
    out.append(page.fields(party_rows(rec["party"])))
    out += parts.violations_paragraphs(page, rec)
    out += parts.evidence_paragraphs(page, rec)
    out += words.basis_paragraphs(page, rec)
    out += words.discretion_paragraphs(page, rec, verb="拟")
    out.append(page.p(f"我局拟对你单位作出如下行政处罚：{parts.fine_text(assessment['amount'])}。"))
    rights = ("根据《中华人民共和国行政处罚法》第四十四条、第四十五条的规定，你单位有权进行陈述和申辩。"
              "你单位如对上述拟作出的行政处罚有异议，可在收到本告知书之日起五日内向我局提出书面陈述、申辩意见，"
              "逾期未提出的，视为放弃陈述、申辩的权利。")
    if rec["hearing"]:
        rights += ("根据《中华人民共和国行政处罚法》第六十三条、第六十四条的规定，你单位有要求举行听证的权利。"
                   "如要求听证，应当在收到本告知书之日起五日内向我局提出，逾期未提出的，视为放弃听证的权利。")
    out.append(page.p(rights))
    out.append(words.bureau_lines(page, rec))
    out.append(page.seal_block())
    out.append(page.signatures([("当事人签收", rec["party"]["name"])]))
    return out
