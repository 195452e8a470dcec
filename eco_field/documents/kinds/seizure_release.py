"""解除查封（扣押）决定书 (查封扣押办法 arts. 19–21; 2016 指南 template 26): the original decision, the ground of
release (the note of the `seizure_lifted` event, recorded first), the items and the date; served within 3 working days."""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Flowable

from eco_field.documents.kinds import notice_parts, seizure_grounds
from eco_field.documents.kinds import procedure_facts as facts
from eco_field.documents.kinds.common import Source, case_base, cn_date, earlier_of, remedies
from eco_field.documents.kinds.seizure_decision import inventory, seizure_items
from eco_field.documents.layout import Page
from eco_field.errors import BadInput

KIND = "seizure-release"
TITLE = "解除查封（扣押）决定书"
SOURCE = "case"


def gather(src: Source) -> dict[str, Any]:
    rec = case_base(src)
    rec["ground"] = seizure_grounds.ground(src, rec)
    # the release is recorded first (its date and reason); the decision prints them, never a stock reason
    lifted = (facts.event_rows(src, "seizure_lifted") or [None])[-1]
    if lifted is None or not lifted["note"].strip():
        raise BadInput("kinds.missing_event", case=rec["case"]["id"], event="seizure_lifted",
                       why="先登记解除查封、扣押（解除日期和理由），再制作解除决定书")
    rec.update(lifted=lifted, decision=earlier_of(rec, "seizure-decision"), items=seizure_items(src, rec))
    rec["title"] = f"解除{rec['ground']['measure']}决定书"
    return rec


def story(page: Page, rec: dict[str, Any]) -> list[Flowable]:
    m, lifted, decision = rec["ground"]["measure"], rec["lifted"], rec["decision"]
    page.title = rec["title"]
    out: list[Flowable] = page.heading()
    out.append(page.p(f"{rec['party']['name']}：", "plain"))
    ref = f"以《{m}决定书》（{decision['number']}）" if decision else ""
    out.append(page.p(f"我局于{cn_date(rec['ground']['on'])}{ref}对你单位造成污染物排放的设施、设备实施了{m}。"))
    reason = lifted["note"].strip().rstrip("。")
    out.append(page.p(f"鉴于{reason}，依据《中华人民共和国行政强制法》第二十八条、《环境保护主管部门实施查封、扣押办法》"
                      f"的规定，我局决定自{cn_date(lifted['date'])}起解除{m}。解除{m}的设施、设备详见所附清单。"))
    out.append(remedies(page, rec))
    out += notice_parts.closing(page, rec, receipt=False)
    out += inventory(page, rec)[1:]
    return out
