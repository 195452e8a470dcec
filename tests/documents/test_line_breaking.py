"""Chinese line breaking (避头尾): no line starts with a closing mark or ends with an opening one, a 文号, an
amount, a date or a word never splits, and the closing block (seal and date) shares its page with the last
lines of text; headings go with the first lines of their paragraph."""

from __future__ import annotations

import pytest

from eco_field.documents.fonts import font_set
from eco_field.documents.layout import Page
from eco_field.documents.linebreak import line_texts

NO_LINE_START = "，。、；：！？）》」』】〕”’…"


def wrapped_lines(text: str, width: float) -> list[str]:
    page = Page(fonts=font_set(), bureau="吕梁市生态环境局", title="行政处罚决定书", number="x",
                issued_on="2026年6月5日", record_sha256="0" * 64)
    para = page.p(text, "plain")
    para.wrap(width, 10_000)
    return line_texts(para)


@pytest.mark.parametrize("mark", list(NO_LINE_START))
def test_closing_punctuation_never_starts_a_line(mark):
    size = 11.5  # the plain style's font size; every CJK character here is one em wide
    for chars_per_line in range(6, 14):
        text = ("你" * chars_per_line + mark + "好") * 3
        lines = wrapped_lines(text, chars_per_line * size + 0.5)
        assert len(lines) > 1
        starts = [line[0] for line in lines if line]
        assert mark not in starts, (chars_per_line, lines)


NO_LINE_END = "（「『〔《“‘"


@pytest.mark.parametrize("mark", list(NO_LINE_END))
def test_opening_punctuation_never_ends_a_line(mark):
    size = 11.5
    for chars_per_line in range(6, 14):
        text = ("你" * chars_per_line + mark + "好") * 3
        lines = wrapped_lines(text, chars_per_line * size + 0.5)
        assert len(lines) > 1
        assert not [line for line in lines[:-1] if line.endswith(mark)], (chars_per_line, lines)


UNSPLIT = ["吕环罚〔2026〕12号", "154,000.00元", "壹拾伍万肆仟元整", "2026年12月5日", "2026年6月5日9时30分",
           "91141123MA0D001882", "0358-8222222", "mg/m³", "Lǎo", "19号", "3张"]


@pytest.mark.parametrize("run", UNSPLIT)
def test_a_number_amount_date_or_word_never_splits_across_lines(run):
    """At every position along a 20-character line, the run is on one line (moved whole to the next)."""
    width = 20 * 11.5 + 0.5
    for lead in range(0, 24):
        text = "检" * lead + run + "，罚款依法缴纳。"
        lines = wrapped_lines(text, width)
        assert any(run in line for line in lines), (lead, lines)
        assert "".join(lines) == text  # nothing lost or doubled


def test_a_run_longer_than_the_line_still_breaks_and_no_line_starts_with_a_closing_mark():
    lines = wrapped_lines("见" + "A" * 80 + "），完。", 10 * 11.5)
    assert len(lines) > 2 and "".join(lines) == "见" + "A" * 80 + "），完。"
    assert not [line for line in lines if line[0] in NO_LINE_START]


# --- the closing block keeps with the last paragraph -----------------------------------------------------
def build_decision(filler_lines: int):
    """A decision-like story: heading, filler paragraphs, the last paragraph, the seal and date."""
    from eco_field.documents import layout

    page = Page(fonts=font_set(), bureau="吕梁市生态环境局", title="行政处罚决定书", number="吕环罚〔2026〕12号",
                issued_on="2026年12月5日", record_sha256="0" * 64)
    story = page.heading()
    story.append(page.p("一、违法事实和证据", "heading"))
    for i in range(filler_lines):
        story.append(page.p(f"第{i + 1}段：你单位焦炉烟囱颗粒物排放浓度超过特别排放限值，有现场检查笔录、"
                            "监测数据和现场照片为证，以上事实清楚，证据确凿，足以认定。"))
    story.append(page.p("五、申请行政复议或者提起行政诉讼的途径和期限", "heading"))
    story.append(page.p("如不服本决定，可以在收到本决定书之日起六十日内向吕梁市人民政府申请行政复议，也可以在收到本"
                        "决定书之日起六个月内向离石区人民法院提起行政诉讼。" * 3 + "申请行政复议或者提起行政诉讼期间，"
                        "本决定不停止执行，法律另有规定的除外。"))  # eight lines
    story.append(page.seal_block())
    pdf, pages = layout.build(page, story, "test")
    return pdf, pages


def page_texts(pdf: bytes) -> list[str]:
    import io
    import re

    from pypdf import PdfReader

    return [re.sub(r"\s+", "", p.extract_text() or "") for p in PdfReader(io.BytesIO(pdf)).pages]


def test_the_seal_and_date_share_their_page_with_the_end_of_the_last_paragraph():
    broke_inside = 0
    for filler in range(8, 40):  # the seal falls at every place of page 1 and 2
        pdf, pages = build_decision(filler)
        texts = page_texts(pdf)
        sealed = [i for i, t in enumerate(texts) if "吕梁市生态环境局（印章）" in t]
        assert len(sealed) == 1, filler
        last = texts[sealed[0]]
        assert "2026年12月5日" in last and "法律另有规定的除外。" in last, (filler, last[:80])
        if "如不服本决定" not in last:
            broke_inside += 1  # the paragraph split: its last lines went over with the seal
    assert broke_inside  # some layouts split the last paragraph instead of moving it whole


def test_a_heading_never_stands_alone_at_the_foot_of_a_page():
    for filler in range(8, 40):
        pdf, _pages = build_decision(filler)
        for text in page_texts(pdf):
            if "五、申请行政复议或者提起行政诉讼的途径和期限" in text:
                assert "如不服本决定，可以在收到" in text, filler  # with the first lines of its paragraph


def test_a_number_wider_than_its_table_cell_is_set_smaller_not_split(tmp_path):
    """The 送达回证 lists each document's 文号 in a 40 mm column: a three-digit serial does not fit at 10 pt."""
    from reportlab.lib.units import mm

    from eco_field.documents import layout
    from tests.documents.typesetting import layout_lines

    page = Page(fonts=font_set(), bureau="吕梁市生态环境局", title="送达回证", number="吕环送〔2026〕7号",
                issued_on="2026年12月5日", record_sha256="0" * 64)
    numbers = ["吕环罚告〔2026〕128号", "吕环责改〔2026〕1024号", "吕环罚〔2026〕12号"]
    rows = [[i + 1, "行政处罚事先（听证）告知书", n, "2026年12月15日9时30分", ""] for i, n in enumerate(numbers)]
    story = [page.grid(["序号", "送达文书名称", "文号", "送达时间", "收件人签名或盖章"], rows,
                       [10 * mm, 42 * mm, 40 * mm, 42 * mm, layout.FRAME_W - 134 * mm])]
    pdf, _pages = layout.build(page, story, "test")
    (tmp_path / "r.pdf").write_bytes(pdf)
    lines = layout_lines(tmp_path / "r.pdf")
    for number in numbers + ["2026年12月15日9时30分"]:
        assert any(number in line.replace(" ", "") for line in lines), (number, lines)
    para = page.p(numbers[1], "cell")
    para.wrap(40 * mm - 12, 1000)
    assert 7 <= para.frags[0].fontSize < 10  # smaller, yet no smaller than 7 pt
