"""Reading documents back without poppler-utils (tests/pdftools.py, pypdfium2): the lines it rebuilds from the
character boxes are pdftotext -layout's lines and columns, and its word boxes pdftotext -bbox's, so the 避头尾 and
文号 checks mean the same on a fresh clone (no poppler) as in CI (poppler installed) — and they still catch a
line that starts with a closing mark."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas

from eco_field.documents import layout, service
from eco_field.documents.fonts import font_set
from eco_field.documents.layout import Page
from eco_field.store import inspections
from tests import pdftools
from tests.documents.typesetting import kinsoku_faults, segments

FINDING = "焦炉烟气温度 185 ℃ ，地表水 Ⅴ 类， Ⅹ 号排口，负责人拼音 Lǎo Lǐ Zhōu ：（见附件）《排污许可证》第3项。" * 3


def needs_pdftotext() -> str:
    found = shutil.which("pdftotext")
    if not found:
        pytest.skip("needs pdftotext (Debian poppler-utils) to compare with; .ci/run installs it")
    return found


def service_receipt_grid(path: Path) -> Path:
    """A 送达回证 table: 文号 in a narrow column, a header cell of two lines, a signature row with wide gaps."""
    page = Page(fonts=font_set(), bureau="吕梁市生态环境局", title="送达回证", number="吕环送〔2026〕7号",
                issued_on="2026年12月5日", record_sha256="0" * 64)
    numbers = ["吕环罚告〔2026〕128号", "吕环责改〔2026〕1024号", "吕环罚〔2026〕12号"]
    rows = [[i + 1, "行政处罚事先（听证）告知书", n, "2026年12月15日9时30分", ""] for i, n in enumerate(numbers)]
    story = [page.grid(["序号", "送达文书名称", "文号", "送达时间", "收件人签名或盖章"], rows,
                       [10 * mm, 42 * mm, 40 * mm, 42 * mm, layout.FRAME_W - 134 * mm]),
             page.p(FINDING, "plain")]
    story.append(page.signatures([("受送达人", "中阳鼎新水泥有限公司"), ("送达人", "朱红梅（执法证号：14111200001）")]))
    pdf, _pages = layout.build(page, story, "test")
    path.write_bytes(pdf)
    return path


def squeezed(lines: list[str]) -> list[list[str]]:
    """Each line's column pieces, blanks inside a piece removed (pdftotext drops some narrow spaces)."""
    return [[re.sub(r"\s+", "", piece) for piece in segments(line)] for line in lines]


def test_rebuilt_lines_and_word_boxes_are_pdftotext_s(workspace, inspection, tmp_path):
    needs_pdftotext()
    inspections.update(workspace.db, inspection.id, findings=[FINDING])
    record = tmp_path / "record.pdf"
    service.render(workspace, "inspection-record", inspection_id=inspection.id, out_path=record)
    for pdf in (record, service_receipt_grid(tmp_path / "receipt.pdf")):
        assert squeezed(pdftools.rebuilt_lines(pdf)) == squeezed(pdftools.layout_lines(pdf)), pdf.name
        ours, theirs = by_place(pdftools.words(pdf)), by_place(poppler_words(pdf))
        assert [w["text"] for w in ours] == [w["text"] for w in theirs], pdf.name
        for mine, poppler in zip(ours, theirs, strict=True):
            assert mine["page"] == poppler["page"]
            # the same box (the top may differ by a little: PDFium takes each glyph's font box, poppler the ascent)
            assert all(abs(a - b) < 1.5 for a, b in zip(mine["box"], poppler["box"], strict=True)), (mine, poppler)


def by_place(words: list[dict]) -> list[dict]:
    return sorted(words, key=lambda w: (w["page"], round(w["box"][3]), round(w["box"][0]), w["text"]))


def poppler_words(pdf: Path) -> list[dict]:
    """pdftotext -bbox's words: page from 1, box in points from the top."""
    import html
    import subprocess

    out = subprocess.run([needs_pdftotext(), "-bbox", str(pdf), "-"], capture_output=True, text=True,
                         check=True).stdout
    found, page = [], 0
    for line in out.splitlines():
        if "<page " in line:
            page += 1
        match = re.search(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)</word>', line)
        if match:
            box = tuple(float(v) for v in match.groups()[:4])
            found.append({"page": page, "box": box, "text": html.unescape(match.group(5))})
    return found


@pytest.fixture(params=["poppler", "no poppler"])
def reader(request, monkeypatch, tmp_path):
    """layout_lines as CI reads them (pdftotext installed) and as a fresh clone does (PATH without it)."""
    if request.param == "poppler":
        needs_pdftotext()
    else:
        empty = tmp_path / "bin"
        empty.mkdir()
        monkeypatch.setenv("PATH", str(empty))
    return request.param


def test_a_line_starting_with_a_closing_mark_is_found(reader, tmp_path):
    """Text set by hand (not by our line breaker): a line that starts with 「，」 and a table cell that ends with
    「（」 are faults; a cell next to it starting with a Chinese character is not."""
    fonts = font_set()
    path = tmp_path / "bad.pdf"
    pdf = canvas.Canvas(str(path))
    pdf.setFont(fonts.main, 12)
    pdf.drawString(72, 700, "第一行文字没有问题")
    pdf.drawString(72, 684, "，第二行以逗号开头")
    pdf.drawString(72, 668, "甲栏文字（")
    pdf.drawString(240, 668, "乙栏文字")
    pdf.save()
    assert kinsoku_faults(path) == ["，第二行以逗号开头", "甲栏文字（"]
