"""查封（扣押）延期通知书 (行政强制法第二十五条; 查封扣押办法第十五条; 2016 指南 template 25): the original
decision, the reason (the note of the `seizure_extended` event, recorded first), the new end date (≤ 30 more days, once)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from reportlab.platypus import Flowable

from eco_field.documents.kinds import notice_parts, provisions, seizure_grounds
from eco_field.documents.kinds import procedure_facts as facts
from eco_field.documents.kinds.common import Source, case_base, cn_date, earlier_of, remedies
from eco_field.documents.kinds.seizure_decision import DAYS, period, period_end
from eco_field.documents.layout import Page
from eco_field.errors import BadInput
from eco_field.law import seizure_period

KIND = "seizure-extension"
TITLE = "查封（扣押）延期通知书"
SOURCE = "case"


def gather(src: Source) -> dict[str, Any]:
    rec = case_base(src)
    rec["ground"] = seizure_grounds.ground(src, rec)
    # the extension is recorded first (its reason and the 负责人 who approved it, 强制法第二十五条); the notice
    # prints them, so it is never issued with a stock reason
    extended = (facts.event_rows(src, "seizure_extended") or [None])[-1]
    if extended is None or not extended["note"].strip():
        raise BadInput("kinds.missing_event", case=rec["case"]["id"], event="seizure_extended",
                       why="先登记查封、扣押延期（延长理由和批准的负责人），再制作延期通知书")
    if src.record_format >= 5:  # the one computation of the period (law/seizure_period.py)
        first_end = period(rec["ground"]["on"])["end"]
        new_end = period(rec["ground"]["on"], seizure_period.EXTENSION_DAYS)["end"]
    else:  # as documents issued before format 5 printed it (they still verify)
        first_end = period_end(rec["ground"]["on"])
        new_end = (date.fromisoformat(first_end) + timedelta(days=DAYS)).isoformat()
    rec.update(extended=extended, first_end=first_end, new_end=new_end, decision=earlier_of(rec, "seizure-decision"))
    rec["title"] = f"{rec['ground']['measure']}延期通知书"
    return rec


def story(page: Page, rec: dict[str, Any]) -> list[Flowable]:
    m, decision = rec["ground"]["measure"], rec["decision"]
    page.title = rec["title"]
    out: list[Flowable] = page.heading()
    out.append(page.p(f"{rec['party']['name']}：", "plain"))
    ref = f"以《{m}决定书》（{decision['number']}）" if decision else ""
    out.append(page.p(f"我局于{cn_date(rec['ground']['on'])}{ref}对你单位造成污染物排放的设施、设备实施了{m}，"
                      f"期限至{cn_date(rec['first_end'])}届满。"))
    reason = rec["extended"]["note"].strip().rstrip("。")
    out.append(page.p(f"因{reason}，经我局负责人批准，依据{provisions.citation('强制法25')}的规定，决定将{m}期限延长"
                      f"{DAYS}日，至{cn_date(rec['new_end'])}止。"))
    out.append(remedies(page, rec))
    return out + notice_parts.closing(page, rec)
