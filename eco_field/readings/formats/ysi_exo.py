"""YSI EXO sondes, KorEXO "MEASUREMENT DATA FILE EXPORT" CSV (UTF-16 little-endian, `sep=,` first line).

Preamble: `KorEXO MEASUREMENT DATA FILE EXPORT`, `FILE CREATED:`, per-column `MEAN VALUE:`, `STANDARD
DEVIATION:` and `SENSOR SERIAL NUMBER:` rows, then the header `Date (MM/DD/YYYY),Time (HH:mm:ss),Time (Fract.
Sec),Site Name,Cond µS/cm,…,pH,pH mV,Temp °C,…` whose first cell states the date order. Local time, no zone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from eco_field.readings.formats.family import Instrument, declare, emit, numbered_rows
from eco_field.readings.formats.sonde import water_channel
from eco_field.readings.formats.tables import TableRows
from eco_field.readings.model import ImportContext, RowProblems, Sample
from eco_field.readings.textio import Source

NAME = "ysi_exo"
DESCRIPTION = "YSI EXO sonde, KorEXO export .csv (UTF-16, sep=, preamble with sensor serial numbers)"
_ORDER = {"MM/DD/YYYY": "mdy", "DD/MM/YYYY": "dmy", "YYYY/MM/DD": "ymd", "YYYY-MM-DD": "ymd"}


def sniff(source: Source) -> bool:
    return any("KorEXO" in ln for ln in source.head_lines(5))


def read(source: Source, ctx: ImportContext) -> Iterator[Sample]:
    rows = TableRows(source, delimiter=",")
    it = iter(rows)
    serials: list[str] = []
    header: list[str] = []
    for row in it:
        cells = [c.strip() for c in row]
        if len(cells) > 3 and cells[3].upper().startswith("SENSOR SERIAL NUMBER"):
            serials = cells
        elif cells and cells[0].upper().startswith("DATE ("):
            header = cells
            break
    if not header:
        raise ctx.fail(rows.line, "readings.header.missing", wanted="Date (MM/DD/YYYY),Time (HH:mm:ss),…",
                       seen="—")
    fmt = re.search(r"\((.+?)\)", header[0])
    order = _ORDER.get(fmt.group(1).upper() if fmt else "", None)
    channels, unused = [], []
    for index, name in enumerate(header[4:], start=4):
        found = water_channel(index, name)
        if found:
            if index < len(serials) and serials[index]:
                found.meta["sensor_serial"] = serials[index]
            channels.append(found)
        else:
            unused.append(name)
    series = declare(ctx, channels, Instrument("YSI", "EXO"), unused)
    timer = ctx.time_parser(order=order)
    head = [f"{r[0]} {r[1]}" for r in TableRows(source, delimiter=",") if len(r) > 1 and r[0][:1].isdigit()][:300]
    timer.detect(head, header[0])
    ctx.options.update(delimiter=",", encoding=source.encoding, time_pattern=timer.pattern,
                       time_order_decided_by=timer.decided_by, header_line=rows.line)
    yield from emit(ctx, numbered_rows(rows, it), series, lambda r: timer.parse(f"{r[0].strip()} {r[1].strip()}"),
                    lambda r: f"{r[0]} {r[1]}", RowProblems(ctx, header))
