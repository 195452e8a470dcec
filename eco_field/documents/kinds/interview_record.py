"""调查询问笔录: the interview record (enforcement.md §3.2 b). Questions and answers recorded on the inspection
(checklist["interview"] = [{"q": ..., "a": ...}]) are printed; without them the form has ruled lines to
write on."""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table

from eco_field.documents import sources
from eco_field.documents.kinds.common import Source, bureau, cn_time, officer_text
from eco_field.documents.layout import FRAME_W, Page

KIND = "interview-record"
TITLE = "调查询问笔录"
SOURCE = "inspection"
SIGN_EACH_PAGE = "被询问人"  # a 笔录 is signed by the party on every page (signature_cells)

NOTICE = ("问：我们是{bureau}的执法人员{names}，这是我们的执法证件（出示执法证件），你是否看清楚？"
          "现就{subject}有关情况向你进行调查询问，你应当如实回答，不得作虚假陈述，否则将承担相应的法律责任。"
          "如认为执法人员与本案有直接利害关系或者有其他关系可能影响公正执法的，你有权申请回避，但应当说明理由。"
          "你是否申请回避？")
BLANK_LINES = 14


def gather(src: Source) -> dict[str, Any]:
    insp = sources.inspection(src.db, src.need_inspection())
    return {"inspection": insp, "party": sources.party(src.db, insp["enterprise_id"], strict=False),
            "bureau": bureau(src), "time_zone": src.setting("time_zone")}


def story(page: Page, rec: dict[str, Any]) -> list[Flowable]:
    insp, party, tz = rec["inspection"], rec["party"], rec["time_zone"]
    person = insp["party_present"]
    officers = insp["officers"]
    out: list[Flowable] = page.heading()
    out.append(page.fields([
        ("询问时间", f"{cn_time(insp['started_at'], tz)} 至 {cn_time(insp['ended_at'], tz)}"),
        ("询问地点", insp["place"]),
        ("案由", f"{party['name']}现场检查"),
        ("询问人", "；".join(officer_text(o) for o in officers[:-1] or officers)),
        ("记录人", officer_text(officers[-1])),
        ("被询问人", person["name"]), ("工作单位及职务", f"{party['name']}　{person['title']}"),
        ("与本案关系", "当事人现场负责人" if person["name"] else ""), ("联系电话", person["phone"]),
        ("性别／年龄／身份证号", ""), ("住址", ""),
    ], label_width=40 * mm))
    out.append(Spacer(1, 3 * mm))
    names = "、".join(o["name"] for o in officers)
    out.append(page.p(NOTICE.format(bureau=rec["bureau"]["name"], names=names, subject=party["name"]), "plain"))
    qa = [x for x in insp["interview"] if isinstance(x, dict)]
    if qa:
        for item in qa:
            out.append(page.p(f"问：{item.get('q', '')}", "plain"))
            out.append(page.p(f"答：{item.get('a', '')}", "plain"))
    else:
        out.append(page.p("答：", "plain"))
        lines = Table([[""] for _ in range(BLANK_LINES)], colWidths=[FRAME_W], rowHeights=[9 * mm] * BLANK_LINES)
        lines.setStyle([("FONTNAME", (0, 0), (-1, -1), page.fonts.main), ("LINEBELOW", (0, 0), (-1, -1), 0.4, "#888888")])
        out.append(lines)
    out.append(page.p("被询问人核对意见：以上笔录我已看过（已向我宣读），与我所说的一致。", "plain"))
    roles = [("被询问人", person["name"])] + [("询问人", officer_text(o)) for o in officers[:-1] or officers]
    roles.append(("记录人", officer_text(officers[-1])))
    out.append(page.signatures(roles))
    return out
