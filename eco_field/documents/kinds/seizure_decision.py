"""查封（扣押）决定书 with its 查封、扣押清单 (查封扣押办法 arts. 11–14, enforcement.md §3.2 f): basis, duration
(30 days, extendable by 30), each item with quantity and place, the party's duties, remedies.

Items come from the inspection's checklist["seizure_items"] ([{name, spec, quantity, unit, place, note}]);
without them the 清单 is printed with empty rows to fill in on site, as officers do with paper forms."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak

from eco_field.documents.kinds import case_parts as parts
from eco_field.documents.kinds.common import (
    Source,
    case_base,
    case_events,
    cn_date,
    officer_signatures,
    party_rows,
    remedies,
)
from eco_field.documents.layout import FRAME_W, Page
from eco_field.store import inspections

KIND = "seizure-decision"
TITLE = "查封（扣押）决定书"
SOURCE = "case"
DAYS = 30
BLANK_ROWS = 8
GENERAL_BASIS = "《中华人民共和国环境保护法》第二十五条、《环境保护主管部门实施查封、扣押办法》第四条"


def gather(src: Source) -> dict[str, Any]:
    rec = case_base(src)
    rec["evidence"] = parts.evidence_by_type(src, rec)
    checklist = inspections.get(src.db, rec["case"]["inspection_id"]).checklist if rec["case"].get(
        "inspection_id") else {}
    items = checklist.get("seizure_items", []) if isinstance(checklist, dict) else []
    rec["items"] = [dict(i) for i in items if isinstance(i, dict)]
    seized = [e["date"] for e in case_events(src, rec["case"]["id"], ("seized",))]
    rec["seized_on"] = seized[-1] if seized else None
    bases = [m.get("basis") for v in rec["violations"] for m in v["entry"].get("measures", [])
             if "查封" in m.get("measure", "") and m.get("basis")]
    rec["basis"] = "、".join(dict.fromkeys(bases)) or GENERAL_BASIS
    return rec


def story(page: Page, rec: dict[str, Any]) -> list[Flowable]:
    out: list[Flowable] = page.heading()
    out.append(page.fields(party_rows(rec["party"])))
    out += parts.violations_paragraphs(page, rec)
    out += parts.evidence_paragraphs(page, rec)
    out += parts.basis_paragraphs(page, rec)
    if rec["seized_on"]:
        start = date.fromisoformat(rec["seized_on"])
        period = f"自{cn_date(rec['seized_on'])}起至{cn_date((start + timedelta(days=DAYS - 1)).isoformat())}止"
    else:
        period = "自本决定书送达之日起"
    out.append(page.p(f"依据{rec['basis']}的规定，我局决定对你单位的有关设施、设备、物品实施查封（扣押），"
                      f"查封（扣押）的设施、设备、物品的名称、数量和存放地点详见所附《查封、扣押清单》。"
                      f"查封（扣押）期限为{DAYS}日，{period}；情况复杂的，经我局负责人批准，可以延长，"
                      f"延长期限不超过{DAYS}日。"))
    out.append(page.p("查封（扣押）期间，你单位应当妥善保管被查封的设施、设备、物品，不得擅自启封、转移、使用、"
                      "损毁或者隐匿。擅自启封、转移、使用、损毁或者隐匿的，我局将依法追究法律责任；"
                      "构成违反治安管理行为的，移送公安机关依法处理。"))
    out.append(remedies(page, rec))
    out.append(page.seal_block())
    out.append(PageBreak())
    out += inventory(page, rec)
    return out


def inventory(page: Page, rec: dict[str, Any]) -> list[Flowable]:
    out: list[Flowable] = [page.p("查封、扣押清单", "title"), page.p(f"当事人：{rec['party']['name']}", "plain")]
    rows = [[i + 1, it.get("name", ""), it.get("spec", ""), it.get("quantity", ""), it.get("unit", ""),
             it.get("place", ""), it.get("note", "")] for i, it in enumerate(rec["items"])]
    rows += [[len(rows) + i + 1, "", "", "", "", "", ""] for i in range(max(0, BLANK_ROWS - len(rows)))]
    out.append(page.grid(["序号", "名称", "规格型号", "数量", "单位", "存放地点", "备注"], rows,
                         [12 * mm, 36 * mm, 26 * mm, 16 * mm, 14 * mm, 32 * mm, FRAME_W - 136 * mm]))
    out.append(page.p("本清单一式两份，一份交当事人，一份附卷。当事人核对无误后签名或者盖章。", "plain"))
    officers = (rec.get("inspection") or {}).get("officers", [])
    out.append(page.signatures([("当事人", rec["party"]["name"])] + officer_signatures(officers) + [("见证人", "")]))
    return out
