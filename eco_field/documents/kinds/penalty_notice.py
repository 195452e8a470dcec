"""行政处罚事先（听证）告知书 (《行政处罚法》第四十四、四十五、六十三、六十四条): the intended penalty with its
facts, evidence, the violated and the penalty provision quoted, the discretion benchmark and the factors
applied, the right to state and defend, and — only where the law gives it — the hearing right.

The title carries （听证） only when the party has the hearing right (较大数额 fine or a hearing-list measure)."""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Flowable

from eco_field.documents.kinds import case_parts as parts
from eco_field.documents.kinds import decision_parts as words
from eco_field.documents.kinds import notice_parts
from eco_field.documents.kinds import procedure_facts as facts
from eco_field.documents.kinds.common import Source, case_base
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
    if src.record_format >= 5:  # the bureau's ground for an amount other than the benchmark's
        rec["discretion_reason"] = words.discretion_reason(src, rec["assessment"])
    # only the fine is proposed here: 限产停产 orders carry their own notice and hearing
    rec["hearing"] = facts.hearing_right(src, rec["assessment"]["amount"])
    rec["title"] = title_for(rec["hearing"])
    if src.record_format >= 5:  # the 陈述、申辩 period the procedure waits, as the notice states it
        rec["statement_days"] = notice_parts.statement_days(src)
    return rec


def story(page: Page, rec: dict[str, Any]) -> list[Flowable]:
    assessment = rec["assessment"]
    page.title = rec["title"]  # the printed title, running header and PDF title follow the hearing right
    out = notice_parts.opening(page, rec) + notice_parts.facts_and_basis(page, rec)
    out += words.discretion_paragraphs(page, rec, verb="拟")
    out.append(page.p(f"我局拟对你单位作出如下行政处罚：{parts.fine_text(assessment['amount'])}。"))
    rights = notice_parts.statement_right(objecting_to="上述拟作出的行政处罚",
                                            days=rec.get("statement_days"))
    if rec["hearing"]:
        rights += notice_parts.hearing_right()
    out.append(page.p(rights))
    return out + notice_parts.closing(page, rec)
