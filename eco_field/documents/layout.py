"""The page every document shares: A4, bureau name and title, the number, page x of y, the QR code on each
page, and the small helpers (paragraphs, field tables, signature blocks) the document kinds build from."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from reportlab.graphics.shapes import Group, String
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from eco_field.documents import qr
from eco_field.documents.fonts import FontSet
from eco_field.documents.keeping import ClosingBlock, keep_closing_with_text
from eco_field.documents.linebreak import CJKParagraph

PAGE_W, PAGE_H = A4
MARGIN_L, MARGIN_R, MARGIN_T, MARGIN_B = 26 * mm, 24 * mm, 22 * mm, 30 * mm
FRAME_W = PAGE_W - MARGIN_L - MARGIN_R
QR_SIZE = 19 * mm


@dataclass
class Page:
    """What is known about a document before its pages are laid out."""

    fonts: FontSet
    bureau: str
    title: str
    number: str
    issued_on: str            # 2026年6月5日
    record_sha256: str
    resources: Any = None     # what a kind needs besides its record (the workspace, for photo files)
    draft: bool = False       # 草稿: no number and no QR code, 草稿 across every page
    sign_each_page: str = ""  # a 笔录: who signs at the foot of every page (被检查（勘察）人)
    sign_each_page_name: str = ""
    spots: list = field(default_factory=list)  # signature cells as drawn (signature_cells.spot)

    def __post_init__(self) -> None:
        self.qr = qr.Matrix(qr.payload(self.number, self.record_sha256))
        f = self.fonts.main
        self.styles = {
            "bureau": ParagraphStyle("bureau", fontName=f, fontSize=20, leading=28, alignment=TA_CENTER,
                                     wordWrap="CJK"),
            "title": ParagraphStyle("title", fontName=f, fontSize=18, leading=26, alignment=TA_CENTER,
                                    spaceAfter=2 * mm, wordWrap="CJK"),
            "number": ParagraphStyle("number", fontName=f, fontSize=11.5, leading=16, alignment=TA_RIGHT,
                                     spaceAfter=4 * mm, wordWrap="CJK"),
            "body": ParagraphStyle("body", fontName=f, fontSize=11.5, leading=19, alignment=TA_JUSTIFY,
                                   firstLineIndent=23, wordWrap="CJK"),
            "plain": ParagraphStyle("plain", fontName=f, fontSize=11.5, leading=19, wordWrap="CJK"),
            "heading": ParagraphStyle("heading", fontName=f, fontSize=12.5, leading=21, spaceBefore=2 * mm,
                                      wordWrap="CJK"),
            "cell": ParagraphStyle("cell", fontName=f, fontSize=10, leading=14, wordWrap="CJK"),
            "small": ParagraphStyle("small", fontName=f, fontSize=8.5, leading=11.5, wordWrap="CJK"),
            "right": ParagraphStyle("right", fontName=f, fontSize=11.5, leading=19, alignment=TA_RIGHT,
                                    wordWrap="CJK"),
        }

    # --- flowables -----------------------------------------------------------------------------------
    def p(self, text: str, style: str = "body") -> Paragraph:
        """A paragraph broken by 避头尾 (linebreak), each character in the first font of the chain that has it."""
        return CJKParagraph(self.fonts.markup(text), self.styles[style])

    def raw(self, markup: str, style: str = "body") -> Paragraph:
        """Paragraph from markup the caller built with self.m() for every user-supplied piece."""
        return CJKParagraph(markup, self.styles[style])

    def m(self, text: object) -> str:
        return self.fonts.markup("" if text is None else str(text))

    def heading(self) -> list[Flowable]:
        return [self.p(self.bureau, "bureau"), self.p(self.title, "title"), self.p(self.number, "number")]

    def fields(self, rows: Iterable[tuple[str, object]], label_width: float = 40 * mm,
               columns: int = 1) -> Table:
        """Label/value rows in a ruled table; columns=2 puts two pairs on a line."""
        cells = [(self.p(label, "cell"), self.p("" if value is None else str(value), "cell"))
                 for label, value in rows]
        lines = [sum((list(pair) for pair in cells[i:i + columns]), []) for i in range(0, len(cells), columns)]
        for line in lines:
            line += [""] * (2 * columns - len(line))
        value_width = FRAME_W / columns - label_width
        table = Table(lines, colWidths=[label_width, value_width] * columns)
        table.setStyle(grid_style(self.fonts.main))
        return table

    def grid(self, header: list[str], rows: list[list[object]], widths: list[float]) -> Table:
        data = [[self.p(h, "cell") for h in header]]
        data += [[self.p("" if v is None else str(v), "cell") for v in row] for row in rows]
        table = Table(data, colWidths=widths, repeatRows=1)
        table.setStyle(grid_style(self.fonts.main, header=True))
        return table

    def signatures(self, roles: list[tuple[str, str]]) -> KeepTogether:
        """Signature rows: (role, pre-filled text such as an officer's name and 执法证号); the 签名 and 日期
        cells are recorded as spots so a signature can be placed in them later (signature_cells)."""
        from eco_field.documents import signature_cells

        # a closing block: laid out on the page of the paragraph before it (keeping)
        return ClosingBlock([signature_cells.signature_table(self, roles, FRAME_W, grid_style(self.fonts.main))])

    def seal_block(self) -> KeepTogether:
        """Bureau name and date at the foot of a decision, where the seal goes; never alone on a page."""
        return ClosingBlock([Spacer(1, 10 * mm), self.p(self.bureau + "（印章）", "right"),
                             self.p(self.issued_on, "right")])

    def text(self, x: float, y: float, text: str, size: float, anchor: str = "start",
             fill: Any = colors.black) -> Group:
        """A line of text for a drawing (charts), each character in the first font of the chain that has it."""
        runs = self.fonts.runs(text)
        width = self.fonts.width(text, size)
        x -= {"start": 0, "middle": width / 2, "end": width}[anchor]
        group = Group()
        for chunk, name in runs:
            group.add(String(x, y, chunk, fontName=name, fontSize=size, fillColor=fill))
            x += pdfmetrics.stringWidth(chunk, name, size)
        return group

    # --- page furniture ------------------------------------------------------------------------------
    def decorate(self, canvas: Canvas, page: int, pages: int) -> None:
        fonts, right = self.fonts, PAGE_W - MARGIN_R - QR_SIZE - 1.5 * mm
        canvas.saveState()
        canvas.setFillColor(colors.black)
        if page > 1:
            fonts.draw(canvas, MARGIN_L, PAGE_H - 14 * mm, f"{self.bureau}　{self.title}　{self.number}", 8)
        fonts.draw(canvas, PAGE_W / 2, 14 * mm, f"第 {page} 页　共 {pages} 页", 10, "centre")
        if self.sign_each_page or self.draft:
            from eco_field.documents import signature_cells

            if self.sign_each_page:
                signature_cells.draw_page_line(self, canvas, page, MARGIN_L, right - 4 * mm)
            if self.draft:
                signature_cells.draw_draft_mark(self, canvas, PAGE_W, PAGE_H)
        if not self.draft:  # a draft has no number: nothing to verify
            self.qr.draw(canvas, PAGE_W - MARGIN_R - QR_SIZE, 6 * mm, QR_SIZE)
            fonts.draw(canvas, right, 10 * mm, self.number, 6, "right")
            fonts.draw(canvas, right, 7 * mm, f"记录 SHA-256 {self.record_sha256[:16]}…", 6, "right")
        canvas.restoreState()


def grid_style(font: str, header: bool = False) -> TableStyle:
    commands = [("FONTNAME", (0, 0), (-1, -1), font), ("GRID", (0, 0), (-1, -1), 0.6, colors.black), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 3)]
    if header:
        commands.append(("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.9, 0.9, 0.9)))
    return TableStyle(commands)


def page_counting_canvas(page: Page) -> type[Canvas]:
    """A canvas that holds its pages until the end so each can say 第 x 页 共 y 页."""

    class PageCountingCanvas(Canvas):
        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, **kwargs)
            self._held: list[dict] = []

        def showPage(self) -> None:  # noqa: N802 (ReportLab's name)
            self._held.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._held)
            for number, state in enumerate(self._held, start=1):
                self.__dict__.update(state)
                page.decorate(self, number, total)
                super().showPage()
            super().save()

    return PageCountingCanvas


def build(page: Page, story: list[Flowable], keywords: str) -> tuple[bytes, int]:
    """Lay out story on A4 pages; returns the PDF bytes and the page count."""
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=A4, leftMargin=MARGIN_L, rightMargin=MARGIN_R, topMargin=MARGIN_T,
                            bottomMargin=MARGIN_B, title=f"{page.title} {page.number}", author=page.bureau,
                            subject=page.title, keywords=keywords, creator="EcoField 生态执法现场通",
                            initialFontName=page.fonts.main)  # else an unembedded Helvetica starts each page
    doc.build(keep_closing_with_text(story), canvasmaker=page_counting_canvas(page))
    return buffer.getvalue(), doc.page


StoryBuilder = Callable[[Page, dict], list[Flowable]]
