"""按日连续处罚决定书 (按日连续处罚办法 art. 16): the violation first found and the original decision, the refusal
found on 复查 with its evidence, the violated provision and the 按日 penalty provision, the days (art. 17) and the
amount (art. 19: original fine × days), its own 告知 (art. 15) and the statements, payment and remedies."""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Flowable

from eco_field.documents.kinds import case_parts as parts
from eco_field.documents.kinds import daily_parts, notice_parts
from eco_field.documents.kinds import decision_parts as words
from eco_field.documents.kinds import procedure_facts as facts
from eco_field.documents.kinds.common import Source, earlier_of, remedies
from eco_field.documents.kinds.daily_penalty_notice import PLAIN_TITLE
from eco_field.documents.kinds.daily_penalty_notice import TITLE as HEARING_TITLE
from eco_field.documents.kinds.penalty_decision import WAIVER_EVENTS
from eco_field.documents.layout import Page

KIND = "daily-penalty-decision"
TITLE = "按日连续处罚决定书"
SOURCE = "case"


def gather(src: Source) -> dict[str, Any]:
    rec = daily_parts.gather_daily(src)
    rec["violated"] = daily_parts.violated(rec)
    rec["hearing"] = facts.hearing_right(src, rec["daily"]["amount"])
    notice = earlier_of(rec, "daily-penalty-notice")
    if notice is not None:
        notice = {**notice, "title": HEARING_TITLE if rec["hearing"] else PLAIN_TITLE}
    served = facts.last_event(src, "daily_notified") or None
    rec["notice_text"] = words.notice_reference(src, rec, notice, served["date"] if served else None)
    since = notice["issued_at"][:10]
    rec["statements"] = [s for s in facts.statements(src) if s["date"] >= since]
    rec["waived"], rec["hearing_held"] = None, None
    if src.record_format >= 3:  # format 2 and before said 「未提出陈述、申辩意见」 even after a written waiver
        events = facts.event_dates(src, "hearing_held")
        waived = [e for e in facts.waivers(src, *WAIVER_EVENTS) if e["date"] >= since]
        held = [e for e in events["hearing_held"] if e["date"] >= since]
        rec["waived"], rec["hearing_held"] = (waived[-1] if waived else None), (held[-1] if held else None)
    return rec


def story(page: Page, rec: dict[str, Any]) -> list[Flowable]:
    out = notice_parts.opening(page, rec)
    out.append(page.p("一、违法事实、原处罚决定及拒不改正的事实和证据", "heading"))
    out += parts.violations_paragraphs(page, rec)
    out += parts.evidence_paragraphs(page, rec)
    out += daily_parts.facts_paragraphs(page, rec)
    out.append(page.p(rec["notice_text"].replace("拟作出行政处罚", "拟作出按日连续处罚")))
    out += words.statements_paragraphs(page, rec)
    out.append(page.p("二、按日连续处罚的依据、起止时间和数额", "heading"))
    out += daily_parts.days_and_amount(page, rec, verb="我局决定")
    out.append(page.p("三、履行方式和期限", "heading"))
    out.append(words.payment_paragraph(page, rec))
    out.append(page.p("四、申请行政复议或者提起行政诉讼的途径和期限", "heading"))
    out.append(remedies(page, rec))
    return out + notice_parts.closing(page, rec, receipt=False)
