"""现场检查（勘察）笔录: the on-site inspection record (enforcement.md §3.2 a)."""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from eco_field.documents import sources
from eco_field.documents.kinds import measured
from eco_field.documents.kinds.common import Source, bureau, cn_time, officer_signatures, officer_text
from eco_field.documents.layout import FRAME_W, Page

KIND = "inspection-record"
TITLE = "现场检查（勘察）笔录"
SOURCE = "inspection"
SIGN_EACH_PAGE = "被检查（勘察）人"  # a 笔录 is signed by the party on every page (signature_cells)

OPENING = ("我们是{bureau}的执法人员{names}，这是我们的执法证件（出示执法证件）。现依法对你单位进行现场检查（勘察），"
           "请予配合。你单位有如实回答询问、提供有关材料和协助调查的义务，不得拒绝、阻挠或者提供虚假材料。"
           "如认为执法人员与本案有直接利害关系或者有其他关系可能影响公正执法的，你有申请执法人员回避的权利，"
           "但应当说明理由。")


def gather(src: Source) -> dict[str, Any]:
    insp = sources.inspection(src.db, src.need_inspection())
    rec = {"inspection": insp, "party": sources.party(src.db, insp["enterprise_id"], strict=False),
           "bureau": bureau(src), "time_zone": src.setting("time_zone")}
    if src.record_format >= 2:  # what the portable instruments found out of bounds, as the 笔录 records it
        rec["measured"] = measured.exceedances(src, insp)
    return rec


def story(page: Page, rec: dict[str, Any]) -> list[Flowable]:
    insp, party, tz = rec["inspection"], rec["party"], rec["time_zone"]
    present = insp["party_present"]
    out: list[Flowable] = page.heading()
    out.append(page.fields([
        ("检查（勘察）时间", f"{cn_time(insp['started_at'], tz)} 至 {cn_time(insp['ended_at'], tz)}"),
        ("检查（勘察）地点", insp["place"]),
        ("被检查单位", party["name"]),
        ("统一社会信用代码", party["credit_code"]),
        ("法定代表人（负责人）", party["legal_rep"]),
        ("现场负责人", "　".join(x for x in (present["name"], present["title"], present["phone"]) if x)),
        ("检查（勘察）人", "；".join(officer_text(o) for o in insp["officers"])),
        ("记录人", officer_text(insp["officers"][-1])),
    ], label_width=38 * mm))
    out.append(Spacer(1, 3 * mm))
    names = "、".join(o["name"] for o in insp["officers"])
    out.append(page.p(OPENING.format(bureau=rec["bureau"]["name"], names=names)))
    out.append(page.p("检查（勘察）记录：", "heading"))
    found = measured.measured_sentence(rec.get("measured") or [])
    if not found or insp["checklist"] or insp["findings"]:
        out += body(page, insp)
    if found:
        out.append(page.p(f"{len(insp['findings']) + 1}. {found}（便携式仪器现场快速检测，为筛查数据。）", "plain"))
    out.append(page.p("以上笔录经被检查（勘察）人核对（已向其宣读），确认无误。", "body"))
    roles = [("被检查（勘察）人", present["name"])] + officer_signatures(insp["officers"], "检查（勘察）人")
    roles += [("记录人", officer_text(insp["officers"][-1])), ("见证人", "")]
    out.append(page.signatures(roles))
    return out


def body(page: Page, insp: dict[str, Any]) -> list[Flowable]:
    out: list[Flowable] = []
    if insp["checklist"]:
        rows = [[i + 1, item["text"], item["answer"], item["note"]] for i, item in enumerate(insp["checklist"])]
        out.append(page.grid(["序号", "检查事项", "结果", "情况说明"], rows,
                             [12 * mm, FRAME_W - 72 * mm, 18 * mm, 42 * mm]))
        out.append(Spacer(1, 2 * mm))
    for index, finding in enumerate(insp["findings"], start=1):
        out.append(page.p(f"{index}. {sources.finding_text(finding)}", "plain"))
    if not insp["checklist"] and not insp["findings"]:
        out.append(page.p("（未记录检查事项）", "plain"))
    return out
