"""YSI 6-series sondes (6600 …) exported from EcoWatch as CSV: a header row and a units row.

`DateTime,Temp,SpCond,Depth,ODO%` then `M/D/Y,C,mS/cm,m,%` (or `Date,Time,…` over `m/d/y,hh:mm:ss,…`): the
units row states the date order. Local time without a zone.
"""

from __future__ import annotations

from collections.abc import Iterator

from eco_field.readings.formats.family import Instrument, declare, emit, numbered_rows
from eco_field.readings.formats.sonde import water_channel
from eco_field.readings.formats.tables import TableRows
from eco_field.readings.model import ImportContext, RowProblems, Sample
from eco_field.readings.textio import Source

NAME = "ysi_ecowatch"
DESCRIPTION = "YSI 6600/6-series sonde, EcoWatch .csv (header row, units row with M/D/Y)"
_ORDERS = {"M/D/Y": "mdy", "D/M/Y": "dmy", "Y/M/D": "ymd"}


def sniff(source: Source) -> bool:
    lines = source.head_lines(3)
    if len(lines) < 2:
        return False
    first, units = lines[0].split(","), lines[1].split(",")
    return first[0].strip() in ("DateTime", "Date") and units[0].strip().upper() in _ORDERS


def read(source: Source, ctx: ImportContext) -> Iterator[Sample]:
    rows = TableRows(source, delimiter=",")
    it = iter(rows)
    header = [c.strip() for c in next(it, [])]
    units = [c.strip() for c in next(it, [])]
    split = header[0] == "Date" and len(header) > 1 and header[1] == "Time"
    first = 2 if split else 1
    channels, unused = [], []
    for index, name in enumerate(header[first:], start=first):
        found = water_channel(index, name, units[index] if index < len(units) else "")
        (channels.append(found) if found else unused.append(name))
    series = declare(ctx, channels, Instrument("YSI", "6-series"), unused)

    def text(row: list) -> str:
        return f"{row[0].strip()} {row[1].strip()}" if split else row[0].strip()

    timer = ctx.time_parser(order=_ORDERS[units[0].upper()])
    timer.detect([text(r) for r in TableRows(source, delimiter=",") if len(r) > first and r[0][:1].isdigit()][:300],
                 header[0])
    ctx.options.update(delimiter=",", encoding=source.encoding, time_pattern=timer.pattern,
                       time_order_decided_by=timer.decided_by)
    yield from emit(ctx, numbered_rows(rows, it), series, lambda r: timer.parse(text(r)), text,
                    RowProblems(ctx, header))
