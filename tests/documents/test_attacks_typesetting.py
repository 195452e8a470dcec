"""Typesetting as a reader checks it on a 送达回证 of a case with the longer 文种代字 (解封扣, 按日告, 封扣延) and a
party with a very long name and rare characters: no 文号 splits across lines, and a name that wraps to several
lines in a signature row stretches the row instead of running over the rows around it."""

from __future__ import annotations

from reportlab.lib.units import mm

from eco_field.documents import layout
from eco_field.documents.fonts import font_set
from eco_field.documents.layout import Page
from tests import pdftools
from tests.documents.typesetting import layout_lines

NUMBERS = ["吕环解封扣〔2026〕1号", "吕环按日告〔2026〕1号", "辽市环封扣延〔2026〕0202号", "吕环罚〔2026〕12号"]
LONG_NAME = "山西省吕梁市汾阳市冫㎎℃①鑫泰新型环保建筑材料水泥熟料粉磨及余热发电综合利用有限责任公司第二分公司（演示）"


def receipt(tmp_path):
    page = Page(fonts=font_set(), bureau="吕梁市生态环境局", title="送达回证", number="吕环送〔2026〕7号",
                issued_on="2026年12月5日", record_sha256="0" * 64)
    rows = [[i + 1, "解除查封决定书", n, "　　年　月　日　时　分", ""] for i, n in enumerate(NUMBERS)]
    story = [page.grid(["序号", "送达文书名称", "文号", "送达时间", "收件人签名或盖章"], rows,
                       [10 * mm, 42 * mm, 40 * mm, 42 * mm, layout.FRAME_W - 134 * mm]),
             page.signatures([("受送达人", LONG_NAME), ("送达人", "赵丽娜（执法证号：14110300001）"),
                              ("见证人", "")])]
    pdf, _pages = layout.build(page, story, "test")
    path = tmp_path / "送达回证 𠀀.pdf"
    path.write_bytes(pdf)
    return path, page


def test_a_number_with_a_long_kind_code_never_splits(tmp_path):
    path, _page = receipt(tmp_path)
    lines = [line.replace(" ", "") for line in layout_lines(path)]
    for number in NUMBERS:
        assert any(number in line for line in lines), (number, lines)


def test_a_long_party_name_in_a_signature_row_overlaps_nothing(tmp_path):
    path, page = receipt(tmp_path)
    drawn = [c for c in pdftools.chars(path) if c.page == 1]
    clashes = [(a.text, b.text) for i, a in enumerate(drawn) for b in drawn[i + 1:]
               if min(a.box[2], b.box[2]) - max(a.box[0], b.box[0]) > 1
               and min(a.box[3], b.box[3]) - max(a.box[1], b.box[1]) > 1]
    assert clashes == []
    assert "".join(c.text for c in drawn).count("①") == 1
    party_cells = [s for s in page.spots if s["role"] == "party"]
    assert {s["what"] for s in party_cells} == {"sign", "date"}  # the cells to sign in are still recorded
