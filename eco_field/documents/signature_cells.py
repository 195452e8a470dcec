"""Signature cells that remember where they were drawn, so a signature can later be placed exactly in them.

A document's signature table (layout.Page.signatures) and, on a 笔录, the signing line at the foot of every
page record a "spot" for each cell while the PDF is laid out: the page, the rectangle in PDF points, what
goes there (a signature image or its date) and whose it is (party, officer or witness, and the name printed
beside it). Signing (signing.py) draws into these rectangles; the issued page content is never changed.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table

ROLES = {"party": "当事人", "officer": "执法人员", "witness": "见证人"}
# The role printed in a signature row says who signs there: the party's side, a witness, else an officer.
PARTY_WORDS = ("当事人", "被检查", "被勘察", "被询问", "被调查", "受送达", "现场负责人")
WITNESS_WORDS = ("见证",)
DATE_BLANK = "日期：　　年　　月　　日"


def role_of(label: str) -> str:
    if any(word in label for word in WITNESS_WORDS):
        return "witness"
    if any(word in label for word in PARTY_WORDS):
        return "party"
    return "officer"


def spot(page_no: int, rect: tuple[float, float, float, float], what: str, role: str, name: str) -> dict[str, Any]:
    x, y, w, h = (round(v, 2) for v in rect)
    return {"page": page_no, "x": x, "y": y, "w": w, "h": h, "what": what, "role": role, "name": name}


class SpotCell(Flowable):
    """A table cell's content: a short label (签名： / 日期：…) drawn at its left, the rest left blank for
    the pen, and its rectangle recorded in page.spots when drawn."""

    def __init__(self, page: Any, label: str, what: str, role: str, name: str, height: float) -> None:
        super().__init__()
        self.page, self.label, self.what, self.role, self.name = page, label, what, role, name
        self.height = height

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:  # noqa: D102
        self.width = avail_width
        return avail_width, self.height

    def draw(self) -> None:
        canvas = self.canv
        size, base = 10, self.height / 2 - 10 * 0.35
        fonts = self.page.fonts
        if self.what == "date":  # 日期：  年  月  日 with the blanks spread over the cell, whatever the font
            fonts.draw(canvas, 0, base, "日期：", size)
            for char, at in (("年", 0.58), ("月", 0.78), ("日", 0.97)):
                fonts.draw(canvas, self.width * at, base, char, size, "right")
        else:
            fonts.draw(canvas, 0, base, self.label, size)
        x, y = canvas.absolutePosition(0, 0)
        self.page.spots.append(spot(canvas.getPageNumber(), (x, y, self.width, self.height), self.what,
                                    self.role, self.name))


def signature_table(page: Any, roles: list[tuple[str, str]], frame_width: float, style: Any) -> KeepTogether:
    """Rows of (role, pre-filled name, 签名 cell, 日期 cell); the two last cells are spots."""
    row_height = 13 * mm
    inner = row_height - 6  # the grid style pads 3 pt above and below
    rows = []
    for label, text in roles:
        role = role_of(label)
        name = _name_of(text)
        rows.append([page.p(label, "cell"), page.p(text, "cell"),
                     SpotCell(page, "签名：", "sign", role, name, inner),
                     SpotCell(page, DATE_BLANK, "date", role, name, inner)])
    widths = [27 * mm, 47 * mm, 42 * mm, frame_width - 116 * mm]  # the date cell holds 日期：　　年　　月　　日
    # heights from the content: a row is row_height (the spot cells' inner height + padding) unless the name
    # beside it wraps to more lines, which then stretch the row instead of running over the rows around it
    table = Table(rows, colWidths=widths)
    table.setStyle(style)
    return KeepTogether([Spacer(1, 4 * mm), table])


def text_width(fonts: Any, text: str, size: float) -> float:
    from reportlab.pdfbase import pdfmetrics

    return sum(pdfmetrics.stringWidth(chunk, name, size) for chunk, name in fonts.runs(text))


def _name_of(text: str) -> str:
    """The person named in a pre-filled cell: 王强（执法证号：…） -> 王强."""
    return text.split("（")[0].split("(")[0].strip()


# --- the signing line at the foot of every page of a 笔录 ------------------------------------------------
PAGE_LINE_Y = 20 * mm
PAGE_LINE_H = 9 * mm


def draw_page_line(page: Any, canvas: Any, page_no: int, left: float, right: float) -> None:
    """「被检查（勘察）人签名：______ 日期：______」 on this page, recorded as the party's spots."""
    label = f"{page.sign_each_page}签名："
    size = 9.5
    fonts = page.fonts
    base = PAGE_LINE_Y + 1.5 * mm
    fonts.draw(canvas, left, base, label, size)
    label_w = text_width(fonts, label, size)
    sign_x, date_label_x = left + label_w, left + label_w + 42 * mm
    fonts.draw(canvas, date_label_x, base, "日期：", size)
    date_x = date_label_x + 3 * size
    canvas.saveState()
    canvas.setLineWidth(0.5)
    canvas.line(sign_x, PAGE_LINE_Y + 0.5 * mm, date_label_x - 2 * mm, PAGE_LINE_Y + 0.5 * mm)
    canvas.line(date_x, PAGE_LINE_Y + 0.5 * mm, right, PAGE_LINE_Y + 0.5 * mm)
    canvas.restoreState()
    name = page.sign_each_page_name
    page.spots.append(spot(page_no, (sign_x, PAGE_LINE_Y + 0.8 * mm, date_label_x - 2 * mm - sign_x, PAGE_LINE_H),
                           "sign-line", "party", name))
    page.spots.append(spot(page_no, (date_x, PAGE_LINE_Y + 0.8 * mm, right - date_x, PAGE_LINE_H),
                           "date-line", "party", name))


def draw_draft_mark(page: Any, canvas: Any, width: float, height: float) -> None:
    """草稿 across the page, light enough to read the text under it."""
    canvas.saveState()
    canvas.setFillColorRGB(0.75, 0.2, 0.2)
    canvas.setFillAlpha(0.2)  # the text under it stays readable
    canvas.translate(width / 2, height / 2)
    canvas.rotate(35)
    page.fonts.draw(canvas, 0, -40, "草　稿", 120, "centre")
    canvas.restoreState()
    page.fonts.draw(canvas, width - 24 * mm, height - 10 * mm, "草稿　未编号，不作为正式文书使用", 9, "right")
