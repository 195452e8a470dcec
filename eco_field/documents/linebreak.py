"""Chinese line breaking for documents (避头尾, GB/T 15834 and the practice of official documents):
no line starts with closing or pausing punctuation, none ends with opening punctuation, and a 文号, an
amount, a date or a Latin word/number never splits across lines. Lines are justified by spreading the
space left over between the characters, as printed documents are.

ReportLab's own CJK wrapping breaks anywhere but before one hanging mark; CJKParagraph replaces it."""

from __future__ import annotations

import re

from reportlab.platypus import paragraph as rl_paragraph
from reportlab.platypus.paragraph import Paragraph, ParaLines, _handleBulletWidth, cjkU, makeCJKParaLine

# closing and pausing marks: never at the start of a line (they go with the character before them)
NO_LINE_START = "，。、；：？！）」』〕》〉】］｝〗”’…—·％‰℃,.;:?!)]}%"
# opening marks: never at the end of a line (they go with the character after them)
NO_LINE_END = "（「『〔《〈【［｛〖“‘([{¥￥"
_FUZZ = 1e-6
_BLANK = "[\u3000\u00a0 ]*"
_LATIN = "0-9A-Za-z\u00c0-\u024f\u1e00-\u1eff"  # with pinyin tone letters (ǎ ǘ)
# 文号, amounts and dates: where one is wider than its line (a narrow table cell), the paragraph is set
# smaller rather than split (CJKParagraph.wrap).
STRICT = [
    # 文号 {机关代字}环{文种代字}: 吕环解封扣〔2026〕1号 has 5 characters before 〔 (numbering.format_number)
    r"[\u4e00-\u9fff]{0,3}环[\u4e00-\u9fff]{1,4}[〔\[［][0-9]{4}[〕\]］][0-9]+号",
    r"[\u4e00-\u9fff]{1,4}[〔\[［][0-9]{4}[〕\]］][0-9]+号",                     # 文号 吕环罚〔2026〕12号
    r"(?:人民币)?[零壹贰叁肆伍陆柒捌玖拾佰仟万亿]+[元圆](?:[零壹贰叁肆伍陆柒捌玖]+[角分])*整?",  # 壹拾伍万肆仟元整
    r"(?:人民币)?[¥￥]?[0-9][0-9,]*(?:\.[0-9]+)?万?元整?",                      # 154,000.00元
    r"[¥￥][0-9][0-9,]*(?:\.[0-9]+)?",
    r"[0-9]{4}年[0-9]{1,2}月[0-9]{1,2}日(?:[0-9]{1,2}时(?:[0-9]{1,2}分)?)?",       # 2026年12月5日9时30分
]
STRICT_RUNS = re.compile("|".join(STRICT))
# Runs that never split. Order matters: the first alternative that matches at a position wins.
UNBREAKABLE = re.compile("|".join([
    *STRICT,
    rf"{_BLANK}年{_BLANK}月{_BLANK}日",                                            # the blank date of a form
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}(?:[ T][0-9]{2}:[0-9]{2}(?::[0-9]{2})?)?",
    r"[0-9][0-9,.]*[号年月日时分秒元万亿个次张份项条款倍人页天米吨度]",                 # 19号, 3张, 60天
    rf"[{_LATIN}][{_LATIN}.,:/%+\-_µ³²°]*",                                        # SO2, mg/m³, 10:15, lǎo
]))


def glue(text: str) -> list[bool]:
    """glue[i] is True when no line may break before text[i]."""
    out = [True] + [False] * (len(text) - 1) if text else []
    for i in range(1, len(text)):
        if text[i] in NO_LINE_START or text[i - 1] in NO_LINE_END:
            out[i] = True
    for match in UNBREAKABLE.finditer(text):
        for i in range(match.start() + 1, match.end()):
            out[i] = True
    return out


def inside_strict_runs(text: str) -> set[int]:
    """Indexes a break before would split a 文号, an amount or a date."""
    return {i for m in STRICT_RUNS.finditer(text) for i in range(m.start() + 1, m.end())}


def break_points(widths: list[float], text: str, max_widths: list[float], forced: set[int]) -> list[int]:
    """Start indexes of lines 2.. for characters of the given widths (forced: indexes ending a line)."""
    glued = glue(text)
    starts: list[int] = []
    start, used, i, n = 0, 0.0, 0, len(text)
    while i < n:
        limit = max_widths[min(len(starts), len(max_widths) - 1)]
        used += widths[i]
        if i in forced:
            starts.append(i + 1)
            start, used, i = i + 1, 0.0, i + 1
            continue
        if used > limit + _FUZZ and i > start:
            cut = next((j for j in range(i, start, -1) if not glued[j]), None)
            if cut is None:  # one run longer than the line (a long URL): break it, never before a closing mark
                cut = i
                while cut < n and text[cut] in NO_LINE_START:
                    cut += 1
            starts.append(cut)
            start, used, i = cut, 0.0, cut
            continue
        i += 1
    return [s for s in starts if s < n]


def stretch_flags(text: str) -> list[bool]:
    """For each character of a line: may justification add space after it? Not inside a number or a Latin
    word (199,000.00 and SO2 stay tight), not after the last character."""
    latin = re.compile(f"[{_LATIN}.,:/%+\\-_µ³²°]")
    flags = [not (latin.match(a) and latin.match(b)) for a, b in zip(text, text[1:], strict=False)]
    return [*flags, False] if text else []


def split_frags(frags, max_widths: list[float], calc_bounds: bool) -> ParaLines:
    units = []
    for frag in frags:
        text = frag.text.decode("utf8") if isinstance(frag.text, bytes) else frag.text
        units += [cjkU(ch, frag, "utf8") for ch in text] if text else [cjkU(text, frag, "utf8")]
    text = "".join(u if len(u) == 1 else "\ufffc" for u in units)
    forced = {i for i, u in enumerate(units) if hasattr(u.frag, "lineBreak")}
    widths = [float(u.width) for u in units]
    inner = break_points(widths, text, list(max_widths), forced)
    starts = [0, *inner, len(units)]
    lines = []
    for index, (a, b) in enumerate(zip(starts, starts[1:], strict=False)):
        max_width = max_widths[min(index, len(max_widths) - 1)]
        used = sum(widths[a:b])
        line_break = any(i in forced for i in range(a, b))
        line = makeCJKParaLine(units[a:b], max_width, used, max_width - used, line_break, calc_bounds)
        line.cjkStretch = stretch_flags(text[a:b])
        lines.append(line)
    para = ParaLines(kind=1, lines=lines)
    para.splitsRun = bool(inside_strict_runs(text) & set(inner))
    return para


MIN_FONT_SIZE = 7.0


class CJKParagraph(Paragraph):
    """A Paragraph broken by the rules above (style.wordWrap must be 'CJK')."""

    def wrap(self, availWidth, availHeight):  # noqa: N803 (ReportLab's names)
        """Where a 文号, amount or date is wider than the line, set the paragraph smaller until it fits."""
        size = super().wrap(availWidth, availHeight)
        sizes = [f.fontSize for f in self.frags if hasattr(f, "fontSize")]
        while getattr(self.blPara, "splitsRun", False) and sizes and min(sizes) * 0.92 >= MIN_FONT_SIZE:
            for frag in self.frags:
                if hasattr(frag, "fontSize"):
                    frag.fontSize *= 0.92
            sizes = [f.fontSize for f in self.frags if hasattr(f, "fontSize")]
            size = super().wrap(availWidth, availHeight)
        return size

    def breakLinesCJK(self, maxWidths):  # noqa: N802, N803 (ReportLab's names)
        max_widths = list(maxWidths) if isinstance(maxWidths, (list, tuple)) else [maxWidths]
        if hasattr(self, "blPara") and getattr(self, "_splitpara", 0):
            return self.blPara
        style = self.style
        self.height = 0
        _handleBulletWidth(self.bulletText, style, max_widths)
        if not self.frags:
            return ParaLines(kind=0, fontSize=style.fontSize, fontName=style.fontName, textColor=style.textColor,
                             lines=[], ascent=style.fontSize, descent=-0.2 * style.fontSize)
        auto_leading = getattr(self, "autoLeading", getattr(style, "autoLeading", ""))
        return split_frags(self.frags, max_widths, auto_leading not in ("", "off"))


def line_texts(paragraph: Paragraph) -> list[str]:
    """The text of each laid-out line (after wrap())."""
    para = paragraph.blPara
    if para.kind == 0:
        return ["".join(words) for _extra, words in para.lines]
    return ["".join(w.text for w in line.words if hasattr(w, "text")) for line in para.lines]


_justify_line = rl_paragraph._justifyDrawParaLineX
MAX_STRETCH = 0.15  # ems added between two characters at most; a line that needs more stays unjustified


def _justify_cjk_line(tx, offset, line, last=0):
    """Justify a CJK line by spacing its characters (ReportLab only stretches blanks, which Chinese has none
    of): the character spacing is switched on after each character that may take space, off inside numbers."""
    flags = getattr(line, "cjkStretch", None)
    gaps = sum(flags) if flags else 0
    space = line.extraSpace / gaps if gaps else 0
    if not gaps or last or line.lineBreak or not 1e-8 < space <= MAX_STRETCH * line.fontSize:
        _justify_line(tx, offset, line, last)
        return
    queue, current = iter(flags), [0.0]
    text_out = tx._textOut

    def spaced_text_out(text, TStar=0):  # noqa: N803 (ReportLab's name)
        pieces: list[tuple[str, float]] = []
        for char in text:
            wanted = space if next(queue, False) else 0.0
            if pieces and pieces[-1][1] == wanted:
                pieces[-1] = (pieces[-1][0] + char, wanted)
            else:
                pieces.append((char, wanted))
        for index, (piece, wanted) in enumerate(pieces):
            if wanted != current[0]:
                tx.setCharSpace(wanted)
                current[0] = wanted
            text_out(piece, TStar if index == len(pieces) - 1 else 0)
        if not pieces:
            text_out(text, TStar)

    tx._x_offset = offset
    rl_paragraph.setXPos(tx, offset)
    tx._textOut = spaced_text_out
    try:
        rl_paragraph._putFragLine(offset, tx, line, last, "justify")
    finally:
        del tx._textOut
        tx.setCharSpace(0)
    rl_paragraph.setXPos(tx, -offset)


rl_paragraph._justifyDrawParaLineX = _justify_cjk_line
