"""Internal approval forms (立案审批表, 案件处理内部审批表, 结案审批表, 移送审批表): a ruled table of the case's
particulars, then one opinion row per approver — filled from the case's approval events when they exist,
left to sign by hand otherwise (the form is printed for the paper file either way)."""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table

from eco_field.documents.kinds.common import cn_date
from eco_field.documents.layout import FRAME_W, Page, grid_style

STEP_LABELS = {"filing": "立案审批", "decision": "负责人审批", "legal_review": "法制审核", "collective": "集体讨论",
               "closing": "结案审批"}


NOT_APPLICABLE = "不适用"


def opinion_rows(page: Page, rows: list[tuple[str, dict[str, Any] | str | None]], *, hand_sign: bool = False) -> Table:
    """(label, approval or None or a text such as NOT_APPLICABLE): the opinion text, then 签名 and 日期 (the
    approver's, when recorded). hand_sign: a recorded approval is printed as 审批人 (name, role) and date, with a
    签名 line left for the approver's own hand on the paper file."""
    cells = []
    for label, found in rows:
        if isinstance(found, str):  # a step that does not apply: said so, nothing to sign
            cells.append([page.p(label, "cell"), page.p(found, "cell")])
            continue
        if found and hand_sign:
            opinion = f"{found['opinion'] or '同意。'}"
            who = f"审批人：{found['by']}（{found['role']}）" if found.get("role") else f"审批人：{found['by']}"
            cells.append([page.p(label, "cell"), [page.p(opinion, "cell"), Spacer(1, 3 * mm),
                                                  page.p(f"{who}　　日期：{cn_date(found['date'])}", "cell"),
                                                  Spacer(1, 3 * mm), page.p("签名：", "cell")]])
            continue
        if found:
            opinion = f"{found['opinion'] or '同意。'}"
            who = f"签名：{found['by']}（{found['role']}）" if found.get("role") else f"签名：{found['by']}"
            when = f"日期：{cn_date(found['date'])}"
        else:
            opinion, who, when = "", "签名：", "日期：　　年　　月　　日"
        cells.append([page.p(label, "cell"), [page.p(opinion, "cell"), Spacer(1, 6 * mm),
                                              page.p(f"{who}　　{when}", "cell")]])
    table = Table(cells, colWidths=[36 * mm, FRAME_W - 36 * mm])
    table.setStyle(grid_style(page.fonts.main))
    return table


def filed_date(rec: dict[str, Any]) -> str:
    """The 立案日期: the case's `filed` event (records from format 4 on carry it, blank while not filed); records
    of earlier formats printed the day the case was opened and keep printing it."""
    if "filed_on" in rec:
        return cn_date(rec["filed_on"])
    return cn_date(rec["case"]["opened_at"][:10])


def particulars(page: Page, rows: list[tuple[str, object]]) -> Table:
    return page.fields(rows, label_width=36 * mm)


def party_text(party: dict[str, str]) -> str:
    return f"{party['name']}（统一社会信用代码：{party['credit_code']}；法定代表人：{party['legal_rep']}；地址：{party['address']}）"


def violations_text(rec: dict[str, Any]) -> str:
    return "；".join(f"{i}. {v['entry']['description']}" for i, v in enumerate(rec["violations"], start=1))


def officers_text(rec: dict[str, Any]) -> str:
    officers = (rec.get("inspection") or {}).get("officers", [])
    return "、".join(f"{o['name']}（{o['cert_no']}）" for o in officers)


def cause(rec: dict[str, Any]) -> str:
    """案由: 《当事人》涉嫌…案."""
    names = "、".join(v["entry"]["description"] for v in rec["violations"])
    return f"{rec['party']['name']}{names}案"


def spacer() -> Flowable:
    return Spacer(1, 3 * mm)


def ruled_lines(page: Page, count: int) -> Flowable:
    """Ruled lines to write on by hand, where the record holds nothing for that part of a paper form."""
    lines = Table([[""] for _ in range(count)], colWidths=[FRAME_W], rowHeights=[9 * mm] * count)
    lines.setStyle([("FONTNAME", (0, 0), (-1, -1), page.fonts.main),
                    ("LINEBELOW", (0, 0), (-1, -1), 0.4, "#888888")])
    return lines
