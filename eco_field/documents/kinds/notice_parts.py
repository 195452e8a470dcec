"""What the case documents addressed to the party share: the opening (heading and the party), the facts, evidence
and basis, the 告知书's rights of 陈述、申辩 (《行政处罚法》第四十四条、第四十五条) and of 听证 (第六十三条、第六十四条),
and the closing (the bureau, its seal, the party's receipt).

Issued documents are re-rendered and compared byte for byte: the wording here is the wording already issued,
variants included, and must not change."""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Flowable

from eco_field.documents.kinds import case_parts as parts
from eco_field.documents.kinds import decision_parts as words
from eco_field.documents.kinds.case_parts import cn_numeral
from eco_field.documents.kinds.common import Source, party_rows
from eco_field.documents.layout import Page

PENALTY_LAW = "《中华人民共和国行政处罚法》"
STATEMENT_ARTICLES = "第四十四条、第四十五条"
HEARING_ARTICLES = "第六十三条、第六十四条"


def opening(page: Page, rec: dict[str, Any]) -> list[Flowable]:
    """The heading (page.title as set) and the party's particulars."""
    return [*page.heading(), page.fields(party_rows(rec["party"]))]


def facts_and_basis(page: Page, rec: dict[str, Any]) -> list[Flowable]:
    """The violations found, the evidence and the provisions violated and applied."""
    return [*parts.violations_paragraphs(page, rec), *parts.evidence_paragraphs(page, rec),
            *words.basis_paragraphs(page, rec)]


def closing(page: Page, rec: dict[str, Any], *, receipt: bool = True) -> list[Flowable]:
    """The bureau's lines and seal; receipt: the party signs for the document (a 告知书, an order served)."""
    out: list[Flowable] = [words.bureau_lines(page, rec), page.seal_block()]
    if receipt:
        out.append(page.signatures([("当事人签收", rec["party"]["name"])]))
    return out


def statement_days(src: Source) -> int:
    """The period the procedure gives for 陈述、申辩 (law.procedure_state.statement_days), kept in the record."""
    from eco_field.law.procedure_state import STATEMENT_DAYS_SETTING
    from eco_field.law.procedure_state import statement_days as days

    return days({STATEMENT_DAYS_SETTING: src.setting(STATEMENT_DAYS_SETTING)})


def period_words(days: int | None) -> str:
    """五日 for the periods 《行政处罚法》第八十五条 counts in working days (二、三、五、七日), else N个工作日, as the
    procedure counts them; None (records before format 5): 五日, as then printed."""
    if days is None:
        return "五日"
    return f"{cn_numeral(days)}日" if days in (2, 3, 5, 7) else f"{cn_numeral(days)}个工作日"


def statement_right(*, also: str = "", objecting_to: str = "", days: int | None = None) -> str:
    """The right to state and defend within the period (days: the record's, format 5). also: a provision cited
    before the 行政处罚法 (with its 「和」); objecting_to: what the party may object to, said in a sentence of its
    own (the penalty notice)."""
    objection = f"。你单位如对{objecting_to}有异议" if objecting_to else ""
    return (f"根据{also}{PENALTY_LAW}{STATEMENT_ARTICLES}的规定，你单位有权进行陈述和申辩{objection}，可在收到本告知书"
            f"之日起{period_words(days)}内向我局提出书面陈述、申辩意见，逾期未提出的，视为放弃陈述、申辩的权利。")


def hearing_right(*, also: str = "", articles: str = HEARING_ARTICLES, one_sentence: bool = False) -> str:
    """The right to ask for a hearing within five days. one_sentence: the 按日连续处罚 notice's wording, issued
    as one sentence without 「如要求听证」 (kept: its issued documents re-render byte for byte)."""
    how = "，应当" if one_sentence else "。如要求听证，应当"
    return (f"根据{also}{PENALTY_LAW}{articles}的规定，你单位有要求举行听证的权利{how}在收到本告知书之日起五日内"
            "向我局提出，逾期未提出的，视为放弃听证的权利。")
