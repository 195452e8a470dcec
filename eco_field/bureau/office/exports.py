"""Exports of the office: the year's figures as a spreadsheet (openpyxl) and a PDF report (reportlab, drawn
with the project's font chain so every character has a glyph), and a 双随机 draw's 一公开 spreadsheet."""

from __future__ import annotations

import io
from typing import Any

from eco_field.bureau.office.figures import DEFINITIONS, KEYS, LABELS

SHORT = {"spot_checks": "双随机", "problems_found": "发现问题", "cases_filed": "立案", "fines_yuan": "罚款(万元)",
         "rectification_orders": "责令改正", "immediate_rectifications": "立行立改", "seizures": "查封扣押",
         "production_limits": "限产停产", "detention_transfers": "移送拘留", "criminal_transfers": "移送犯罪",
         "complaints_received": "信访受理", "complaints_due": "应办结", "complaints_closed_on_time": "按期办结"}


def _cell(key: str, value: Any) -> Any:
    return round(value / 10000, 4) if key == "fines_yuan" else value


def figures_xlsx(data: dict[str, Any]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    sheet.title = "汇总"
    scope = data["county"] or "全市"
    sheet.append([f"{data['year']}年度执法统计（{scope}）"])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append(["指标", "数值", "口径"])
    for key in KEYS:
        sheet.append([LABELS[key], data[key], DEFINITIONS[key]])
    sheet.append([])
    sheet.append(["其中双随机检查"])
    for key, value in data["of_spot_checks"].items():
        sheet.append([LABELS[key], value])
    sheet.column_dimensions["A"].width, sheet.column_dimensions["C"].width = 26, 90
    for title, rows in (("按区县", data["by_county"]), ("按月份", data["by_month"])):
        part = book.create_sheet(title)
        part.append([title[1:], *(LABELS[k] for k in KEYS)])
        for name, values in rows.items():
            part.append([name, *(values[k] for k in KEYS)])
        part.column_dimensions["A"].width = 14
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def draw_xlsx(data: dict[str, Any]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    sheet.title = "抽查结果公示"
    sheet.append([data["title"]])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append(["抽取时间", data["made_at"], "范围", data["county"] or "全市"])
    sheet.append(["抽查比例", "；".join(f"{k} {v}（{data['ratio_sources'].get(k, '')}）" for k, v in data["ratios"].items())])
    sheet.append(["随机种子", data["seed"], "种子 SHA-256", data["seed_sha256"]])
    sheet.append(["名录快照 SHA-256", data["snapshot_sha256"], "算法", data["algorithm"]])
    sheet.append([])
    sheet.append(["序号", "企业名称", "统一社会信用代码", "区县", "类别", "检查人员", "检查状态", "检查日期", "是否发现问题"])
    for index, item in enumerate(data["items"], start=1):
        found = {True: "是", False: "否", None: ""}[item["problems_found"]]
        sheet.append([index, item["enterprise"], item["credit_code"], item["county"], item["category"],
                      "、".join(item["officers"]), item["status"], item["checked_on"] or "", found])
    for column, width in zip("ABCDEFGHI", (6, 40, 24, 10, 8, 18, 10, 12, 12), strict=True):
        sheet.column_dimensions[column].width = width
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def figures_pdf(data: dict[str, Any]) -> bytes:
    """A4 landscape: the totals with their definitions, then the figures by county and by month."""
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.units import mm
    from reportlab.pdfgen import canvas

    from eco_field.documents.fonts import font_set

    chain = font_set("")
    width, height = landscape(A4)
    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=(width, height))
    scope = data["county"] or "全市"
    title = f"{data['year']}年度生态环境执法统计（{scope}）"
    pdf.setTitle(title)
    left, top = 15 * mm, height - 18 * mm
    chain.draw(pdf, width / 2, top, title, 16, "centre")
    y = top - 12 * mm
    for key in KEYS:
        value = data[key]
        chain.draw(pdf, left, y, LABELS[key], 10)
        chain.draw(pdf, left + 62 * mm, y, f"{value:,.2f}" if key == "fines_yuan" else f"{value:,}", 10, "right")
        for i, line in enumerate(_wrap(chain, DEFINITIONS[key], 8, width - left - 70 * mm - 15 * mm)):
            chain.draw(pdf, left + 68 * mm, y - i * 3.6 * mm, line, 8)
        y -= max(1, len(_wrap(chain, DEFINITIONS[key], 8, width - left - 85 * mm))) * 3.6 * mm + 2.5 * mm
    spot = data["of_spot_checks"]
    chain.draw(pdf, left, y - 2 * mm, "其中双随机检查：" + "，".join(
        f"{LABELS[k]} {v:,}" for k, v in spot.items()), 9)
    pdf.showPage()
    for heading, rows in (("按区县", data["by_county"]), ("按月份", data["by_month"])):
        _grid(pdf, chain, f"{title} · {heading}", heading[1:], rows, width, height)
        pdf.showPage()
    pdf.save()
    return out.getvalue()


def _wrap(chain: Any, text: str, size: float, room: float) -> list[str]:
    lines, line = [], ""
    for char in text:
        if chain.width(line + char, size) > room:
            lines.append(line)
            line = ""
        line += char
    return [*lines, line] if line else lines


def _grid(pdf: Any, chain: Any, title: str, first: str, rows: dict[str, dict[str, Any]], width: float,
          height: float) -> None:
    from reportlab.lib.units import mm

    left, top = 10 * mm, height - 18 * mm
    chain.draw(pdf, width / 2, top, title, 13, "centre")
    col0 = 24 * mm
    col = (width - 2 * left - col0) / len(KEYS)
    y = top - 12 * mm
    row_h = 7 * mm
    chain.draw(pdf, left + 1.5 * mm, y + 2 * mm, first, 8)
    for i, key in enumerate(KEYS):
        chain.draw(pdf, left + col0 + (i + 0.5) * col, y + 2 * mm, SHORT[key], 7.5, "centre")
    pdf.setLineWidth(0.4)
    pdf.line(left, y + row_h, width - left, y + row_h)
    pdf.line(left, y, width - left, y)
    for name, values in rows.items():
        y -= row_h
        chain.draw(pdf, left + 1.5 * mm, y + 2 * mm, name, 8.5)
        for i, key in enumerate(KEYS):
            value = _cell(key, values[key])
            chain.draw(pdf, left + col0 + (i + 1) * col - 2 * mm, y + 2 * mm,
                       f"{value:,.2f}" if key == "fines_yuan" else f"{value:,}", 8.5, "right")
        pdf.setLineWidth(0.2)
        pdf.line(left, y, width - left, y)
