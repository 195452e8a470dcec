"""Eureka Water Probes Manta / Manta2 sondes: CSV, or the legacy Excel .xls Manta writes.

CSV: `Date,Time,Temp.,SC,DO,pH,Depth,SAL,DO SAT,Bat.,` over a units row `,,°C,uS/cm,mg/l,  ,m,   ,%Sat,V,`
(latin-1 `°`). XLS: `Site Name`, `Instrument Type`, `Serial Number` … rows, blank rows, then the same header
and units rows, with Excel date and time cells. Dates month first (US software; the values decide when a day
is above 12). Local time without a zone.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, time

from eco_field.readings.formats.family import Instrument, declare, emit
from eco_field.readings.formats.sonde import water_channel
from eco_field.readings.formats.tables import TableRows
from eco_field.readings.model import ImportContext, RowProblems, Sample
from eco_field.readings.textio import Source

NAME = "eureka_manta"
DESCRIPTION = "Eureka Manta sonde .csv or .xls (Date,Time,Temp.,SC,DO,pH… over a units row)"


def _is_header(cells: list) -> bool:
    text = [str(c).strip() for c in cells]
    return text[:2] == ["Date", "Time"] and any(t in ("SC", "DO", "pH", "Temp.") for t in text)


def sniff(source: Source) -> bool:
    if source.is_xls:
        try:
            rows = iter(TableRows(source))
            return any(_is_header(r) for r, _ in zip(rows, range(40), strict=False))
        except Exception:  # noqa: BLE001 - a sniff never fails the import; the workbook is read later
            return False
    lines = source.head_lines(3, "latin-1")
    return bool(lines) and _is_header(lines[0].split(",")) and len(lines) > 1 and lines[1].startswith(",,")


def read(source: Source, ctx: ImportContext) -> Iterator[Sample]:
    encoding = None if source.is_xls else "latin-1"
    rows = TableRows(source, delimiter=None if source.is_xls else ",", encoding=encoding)
    it = iter(rows)
    preamble: dict[str, str] = {}
    header: list[str] = []
    for row in it:
        if _is_header(row):
            header = [str(c).strip() for c in row]
            break
        if len(row) > 1 and str(row[0]).strip():
            value = row[1]
            preamble[str(row[0]).strip().lower()] = str(int(value) if isinstance(value, float) else value).strip()
    units = [str(c).strip() for c in next(it, [])]
    channels, unused = [], []
    for index, name in enumerate(header[2:], start=2):
        found = water_channel(index, name, units[index] if index < len(units) else "")
        (channels.append(found) if found else unused.append(name))
    model = preamble.get("instrument type", "Manta")
    series = declare(ctx, channels, Instrument("Eureka", model, preamble.get("serial number", "")), unused)
    timer = ctx.time_parser(order="mdy")

    def text(row: list) -> object:
        day, clock = row[0], row[1]
        if isinstance(day, datetime | date) and isinstance(clock, time | datetime):
            return datetime.combine(day if isinstance(day, date) and not isinstance(day, datetime) else day.date(),
                                    clock if isinstance(clock, time) else clock.time())
        return f"{str(day).strip()} {str(clock).strip()}"

    head = [text(r) for r in TableRows(source, delimiter=None if source.is_xls else ",", encoding=encoding)
            if len(r) > 1 and str(r[0])[:1].isdigit()][:300]
    timer.detect(head, "Date")
    ctx.options.update(encoding=source.encoding or "xls", time_pattern=timer.pattern,
                       time_order_decided_by=timer.decided_by, site=preamble.get("site name", ""))

    def numbered():
        for row in it:
            yield rows.line, row

    yield from emit(ctx, numbered(), series, lambda r: timer.parse(text(r)), lambda r: text(r),
                    RowProblems(ctx, header))
