"""What stays together across a page break: the closing block of a document (seal and date, signature rows)
goes on the page of the last lines of text before it, never alone on the last page; a heading goes with
the first lines of its paragraph. Where the text before does not fit, its last lines move with the block
rather than the whole paragraph, so no half page is left blank."""

from __future__ import annotations

from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table
from reportlab.platypus.flowables import Flowable, _listWrapOn

MIN_LINES = 2  # lines of a paragraph that go with its heading, and with a closing block


class ClosingBlock(KeepTogether):
    """Seal and date or signature rows: kept with the text before them (keep_closing_with_text)."""


def _flat(flowables: list[Flowable]) -> list[Flowable]:
    """KeepTogether groups opened up: a nested group would report an endless height (it forces a split)."""
    out: list[Flowable] = []
    for f in flowables:
        out += _flat(f._content) if isinstance(f, KeepTogether) else [f]
    return out


def _breaks(flowable: Flowable) -> bool:
    """A page or frame break (PageBreak, CondPageBreak, FrameBreak, NextPageTemplate)."""
    return bool(getattr(flowable, "locChanger", False))


def _is_heading(flowable: Flowable) -> bool:
    return isinstance(flowable, Paragraph) and getattr(flowable.style, "name", "") == "heading"


class Glue(KeepTogether):
    """lead (headings) + body + tail (closing blocks): on one page, or split inside the body only."""

    def __init__(self, lead: list[Flowable], body: Flowable, tail: list[Flowable]) -> None:
        self.lead, self.body, self.tail = _flat(lead), body, _flat(tail)
        super().__init__([*self.lead, body, *self.tail])

    def split(self, aW: float, aH: float) -> list[Flowable]:  # noqa: N803 (ReportLab's names)
        canv = getattr(self, "canv", None)
        if _listWrapOn(self._content, aW, canv)[1] <= aH + 1e-6:
            return list(self._content)
        lead = _listWrapOn(self.lead, aW, canv)[1] if self.lead else 0
        room = aH - lead - self.body.getSpaceBefore()
        first = self._split_body(aW, room, canv)
        if first:
            head, rest = first
            return [*self.lead, head, Glue([], rest, self.tail) if self.tail else rest]
        return super().split(aW, aH)  # the whole group to the next page (when it fits on one)

    def _split_body(self, aW: float, room: float, canv) -> tuple[Flowable, Flowable] | None:  # noqa: N803
        body = self.body
        if isinstance(body, Paragraph):
            body.wrapOn(canv, aW, room)
            lines, leading = len(body.blPara.lines), body.style.leading
            keep = MIN_LINES if self.tail else 0
            take = min(int((room + 1e-6) // leading), lines - keep)
            if take < MIN_LINES or lines - take < (1 if self.tail else 0):
                return None
            parts = body.split(aW, take * leading + 1e-3)
        elif isinstance(body, Table) and self.tail:
            body.wrapOn(canv, aW, room)
            rows = list(body._rowHeights)  # after wrap: the height of each row
            fit, used = 0, 0.0
            while fit < len(rows) - 1 and used + rows[fit] <= room + 1e-6:
                used += rows[fit]
                fit += 1
            if fit < 1:
                return None
            parts = body.split(aW, used + 1e-3)
        else:
            return None
        return (parts[0], parts[1]) if len(parts) == 2 else None


def keep_closing_with_text(story: list[Flowable]) -> list[Flowable]:
    """The story with each closing block glued to the text before it and headings to their paragraphs."""
    out: list[Flowable] = []
    for flowable in story:
        if isinstance(flowable, ClosingBlock) and out:
            if isinstance(out[-1], Glue) and out[-1].tail:  # a second closing block (seal, then signatures)
                glued = out.pop()
                out.append(Glue(glued.lead, glued.body, [*glued.tail, flowable]))
                continue
            spacers: list[Flowable] = []
            while out and isinstance(out[-1], Spacer) and not _breaks(out[-1]):
                spacers.insert(0, out.pop())
            if not out or _breaks(out[-1]):  # after a page break: nothing to keep with
                out += [*spacers, flowable]
                continue
            body, lead = out.pop(), []
            if isinstance(body, Glue) and not body.tail:  # a heading glued to this paragraph already
                lead, body = body.lead, body.body
            elif isinstance(body, KeepTogether):  # e.g. a chart with its caption: the group goes with the block
                *lead, body = _flat([body])
            out.append(Glue(lead, body, [*spacers, flowable]))
        elif isinstance(flowable, Paragraph) and out and _is_heading(out[-1]) and not _is_heading(flowable):
            out.append(Glue([out.pop()], flowable, []))
        else:
            out.append(flowable)
    return out
