"""查封决定书 or 扣押决定书 with its 清单 (查封扣押办法 arts. 4, 11–14; 行政强制法 art. 24): the ground — 办法第四条
with its item, from the catalog's grant or the officer's statement — the period (30 days, extendable by 30),
each item with quantity and place, the party's duties, remedies. One measure per document, never 「查封（扣押）」.

Items come from the inspection's checklist["seizure_items"] ([{name, spec, quantity, unit, place, note}]);
without them the 清单 is printed with empty rows to fill in on site, as officers do with paper forms."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak

from eco_field.documents.kinds import case_parts as parts
from eco_field.documents.kinds import notice_parts, provisions, seizure_grounds
from eco_field.documents.kinds.common import (
    Source,
    case_base,
    cn_date,
    officer_signatures,
    remedies,
)
from eco_field.documents.layout import FRAME_W, Page
from eco_field.law import seizure_period
from eco_field.store import inspections

KIND = "seizure-decision"
TITLE = "查封（扣押）决定书"  # the kind's name in lists; each document is titled 查封决定书 or 扣押决定书
SOURCE = "case"
DAYS = 30
BLANK_ROWS = 8


def seizure_items(src: Source, rec: dict[str, Any]) -> list[dict[str, Any]]:
    inspection_id = rec["case"].get("inspection_id")
    checklist = inspections.get(src.db, inspection_id).checklist if inspection_id else {}
    items = checklist.get("seizure_items", []) if isinstance(checklist, dict) else []
    return [dict(i) for i in items if isinstance(i, dict)]


def period_end(start: str, days: int = DAYS) -> str:
    """Record formats before 5 only: the end as documents issued then printed it (the start day counted, one day
    short of 《行政强制法》第二十五条 as counted by law/seizure_period.py). Kept so those documents still verify."""
    return (date.fromisoformat(start) + timedelta(days=days - 1)).isoformat()


def period(on: str, extension_days: int = 0) -> dict[str, str]:
    """The period as the record holds it from format 5: the day the measure was taken and its last day, from
    the one computation the deadlines and the guards use (law/seizure_period.py)."""
    return {"on": on, "end": seizure_period.last_day(date.fromisoformat(on), extension_days).isoformat()}


def gather(src: Source) -> dict[str, Any]:
    rec = case_base(src)
    rec["evidence"] = parts.evidence_by_type(src, rec)
    rec["ground"] = seizure_grounds.ground(src, rec)
    rec["items"] = seizure_items(src, rec)
    rec["title"] = f"{rec['ground']['measure']}决定书"
    if src.record_format >= 5:  # the period's last day counted as the law counts it (start day not counted)
        rec["period"] = period(rec["ground"]["on"])
    return rec


def story(page: Page, rec: dict[str, Any]) -> list[Flowable]:
    g = rec["ground"]
    m = g["measure"]
    page.title = rec["title"]
    out = notice_parts.opening(page, rec) + notice_parts.facts_and_basis(page, rec)
    # the facts the officer stated for this ground (the `seized` event's note), before the item they fall under
    stated = str(g.get("note") or "").strip().rstrip("。；;，, ")
    found = f"经查，{stated}。" if stated else ""
    out.append(page.p(f"{found}你单位的上述行为属于《环境保护主管部门实施查封、扣押办法》第四条第一款"
                      f"第{provisions.cn_item(g['item'])}项规定的“{g['item_text']}”情形，造成或者可能造成严重污染。"))
    if rec.get("period"):  # format 5: 30 days from the day after the measure (law/seizure_period.py)
        span = f"自{cn_date(g['on'])}实施{m}的次日起计算，至{cn_date(rec['period']['end'])}止"
    else:
        span = f"自{cn_date(g['on'])}起至{cn_date(period_end(g['on']))}止"
    out.append(page.p(f"依据{g['basis']}的规定，我局决定对你单位造成污染物排放的设施、设备实施{m}，"
                      f"{m}的设施、设备的名称、数量和存放地点详见所附《{m}清单》。{m}期限为{DAYS}日，{span}；"
                      f"情况复杂的，经我局负责人批准，可以延长，延长期限不超过{DAYS}日，延长的决定将书面告知你单位。"))
    if m == "查封":
        out.append(page.p("查封期间，你单位应当妥善保管被查封的设施、设备，不得擅自启封、转移、使用、损毁或者隐匿；"
                          "违反的，我局将依法追究法律责任；构成违反治安管理行为的，移送公安机关依法处理。"))
    else:
        out.append(page.p("扣押的设施、设备由我局妥善保管，不得使用或者损毁。你单位不得擅自转移、处置被扣押的设施、设备。"))
    out.append(remedies(page, rec))
    out += notice_parts.closing(page, rec, receipt=False)
    out.append(PageBreak())
    out += inventory(page, rec)
    return out


def inventory(page: Page, rec: dict[str, Any], blank_rows: int = BLANK_ROWS) -> list[Flowable]:
    """The 清单: the items, then empty rows up to blank_rows. Below listed items the first empty row says
    「以下空白」 (nothing may be added after the list was signed); without items the rows are numbered, to be
    filled in on site."""
    m = rec["ground"]["measure"]
    out: list[Flowable] = [page.p(f"{m}清单", "title"), page.p(f"当事人：{rec['party']['name']}", "plain")]
    rows = [[i + 1, it.get("name", ""), it.get("spec", ""), it.get("quantity", ""), it.get("unit", ""),
             it.get("place", ""), it.get("note", "")] for i, it in enumerate(rec["items"])]
    empty = max(0, blank_rows - len(rows))
    if rows:
        # unnumbered rows below the list (a blank 「　」 keeps each row a line high, as a paper form's)
        rows += [["　", "以下空白" if i == 0 else "", "", "", "", "", ""] for i in range(max(1, empty))]
    else:
        rows += [[i + 1, "", "", "", "", "", ""] for i in range(empty)]
    out.append(page.grid(["序号", "名称", "规格型号", "数量", "单位", "存放地点", "备注"], rows,
                         [12 * mm, 36 * mm, 26 * mm, 16 * mm, 14 * mm, 32 * mm, FRAME_W - 136 * mm]))
    out.append(page.p("本清单一式两份，一份交当事人，一份附卷。当事人核对无误后签名或者盖章。", "plain"))
    officers = (rec.get("inspection") or {}).get("officers", [])
    out.append(page.signatures([("当事人", rec["party"]["name"])] + officer_signatures(officers) + [("见证人", "")]))
    return out
