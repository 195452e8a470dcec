"""Chinese line breaking: punctuation that may not start a line (GB/T 15834) hangs on the line before."""

from __future__ import annotations

import pytest

from eco_field.documents.fonts import font_set
from eco_field.documents.layout import Page
from eco_field.documents.linebreak import line_texts

NO_LINE_START = "，。、；：！？）》」』】〕”’"


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
