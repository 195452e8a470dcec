"""Finding the header row of a table and what sits around it: preamble lines with the instrument's
make/model/serial, a units row under the header, and the error that lists the columns seen."""

from __future__ import annotations

import re
from itertools import islice

from eco_field.messages import Message
from eco_field.readings.formats.layout import Layout, analyse
from eco_field.readings.model import ImportContext, UnreadableHeader
from eco_field.readings.textio import Source
from eco_field.readings.units import looks_like_unit, normalize_unit

HEADER_SEARCH_ROWS = 60


def find_header(numbered, ctx: ImportContext) -> tuple[int, list[str], Layout]:
    widest: list[str] = []
    widest_line = None
    first_line = None
    for line, row in islice(numbered, HEADER_SEARCH_ROWS):
        cells = [str(c).strip() for c in row]
        if not any(cells) or cells[0].startswith("#") or (len(cells) == 1 and cells[0].lower().startswith("sep=")):
            continue
        first_line = first_line or line
        if len([c for c in cells if c]) > len([c for c in widest if c]):
            widest, widest_line = cells, line
        try:
            layout = analyse(cells, ctx.mapping)
        except UnreadableHeader:
            continue
        if layout.usable:
            layout.header = cells
            return line, cells, layout
    if first_line is None:
        raise ctx.fail(None, "readings.header.no_table")
    # the header is the widest row near the top: name that line, not the first line of the file
    line = widest_line or first_line
    if ctx.mapping:
        try:
            analyse(widest, ctx.mapping)  # raises naming the mapped column that is missing
        except UnreadableHeader as exc:
            raise UnreadableHeader("readings.header.mapping_missing", [c for c in widest if c], line,
                                   file=ctx.source_name, line=line, problem=exc.message() or str(exc),
                                   columns=column_list(widest)) from None
    raise UnreadableHeader("readings.header.unreadable", [c for c in widest if c], line, file=ctx.source_name,
                           line=line, columns=column_list(widest))


def units_row(row: list, layout: Layout) -> bool:
    """True (and the units taken) when the row under the header holds units for the pollutant columns."""
    cells = {c.index: str(row[c.index]).strip() if c.index < len(row) else "" for c in layout.columns}
    units = {i: normalize_unit(u) for i, u in cells.items() if u and looks_like_unit(u)}
    if layout.long_form or not units or len(units) < (len(cells) + 1) // 2:
        return False
    for column in layout.columns:
        if not column.unit and column.index in units:
            column.unit = units[column.index]
    return True


_PREAMBLE_KEYS = {"make": ("厂家", "生产厂家", "品牌", "manufacturer", "make"),
                  "model": ("型号", "仪器型号", "设备型号", "model"),
                  "serial": ("序列号", "编号", "仪器编号", "设备编号", "出厂编号", "serial", "serialnumber", "sn")}


def preamble_instrument(source: Source, delimiter: str | None, header_line: int) -> dict[str, str]:
    """Make/model/serial from 'key：value' lines above the header (Chinese PC software writes them there)."""
    if source.is_xlsx or source.is_xls or header_line <= 1:
        return {}
    found: dict[str, str] = {}
    for line in source.head_lines(header_line - 1):
        for part in line.split(delimiter or ","):
            m = re.match(r"\s*#?\s*([^:：]+?)\s*[:：]\s*(.+?)\s*$", part)
            if not m:
                continue
            key = re.sub(r"[\s_]+", "", m.group(1)).lower()
            for field, names in _PREAMBLE_KEYS.items():
                if key in names and field not in found:
                    found[field] = m.group(2)
    return found


def column_list(cells: list[str], limit: int = 30) -> Message | str:
    """The columns of a header line for a message: quoted, the first `limit` of them, then how many more."""
    named = [repr(c) for c in cells if c]
    if not named:
        return Message("readings.columns.none")
    if len(named) > limit:
        return Message("readings.columns.and_more", {"columns": ", ".join(named[:limit]), "more": len(named) - limit})
    return ", ".join(named)
