"""TSI DustTrak II (8530/8532) and DustTrak DRX (8533/8534) aerosol monitors, TrakPro / on-board CSV export.

Preamble `Key,value` rows (Instrument Name, Model Number, Serial Number, Test Start Time `12:40:35 PM`,
Test Start Date `07/17/2014`, Test Interval …), a blank line, then `Elapsed Time [s],Mass [mg/m3],Alarms,Errors`
(DRX: `PM1 [mg/m3],PM2.5 [mg/m3],RESP [mg/m3],PM10 [mg/m3],TOTAL [mg/m3]`). Each row's instant is the start
plus its elapsed seconds; the start is local time (month first, TSI's US format; the values decide when they can).
A DustTrak II's single `Mass` channel is the size fraction of the inlet fitted, which the file does not state.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from eco_field.messages import Message
from eco_field.readings.formats.family import Instrument, channel, declare, emit, key_values, numbered_rows
from eco_field.readings.formats.tables import TableRows
from eco_field.readings.model import ImportContext, RowProblems, Sample
from eco_field.readings.textio import Source

NAME = "tsi_dusttrak"
DESCRIPTION = "TSI DustTrak II / DRX aerosol monitor .csv (preamble with Test Start Date/Time, elapsed seconds)"
CODES = {"PM1": "PM1", "PM2.5": "PM2.5", "RESP": "PM4", "PM4": "PM4", "PM10": "PM10", "TOTAL": "TSP", "MASS": "PM"}
_COLUMN = re.compile(r"^(?P<name>[^\[]+?)\s*\[(?P<unit>[^\]]+)\]$")


def sniff(source: Source) -> bool:
    lines = source.head_lines(40)
    return (any(ln.startswith("Instrument Name,DustTrak") for ln in lines)
            or (any(ln.startswith("Test Start Date,") for ln in lines)
                and any(ln.startswith("Elapsed Time [s],") for ln in lines)))


def read(source: Source, ctx: ImportContext) -> Iterator[Sample]:
    rows = TableRows(source, delimiter=",")
    it = iter(rows)
    preamble: list[str] = []
    header: list[str] = []
    for row in it:
        if row and row[0].strip().startswith("Elapsed Time"):
            header = [c.strip() for c in row]
            break
        preamble.append(",".join(row))
    if not header:
        raise ctx.fail(rows.line, "readings.header.missing", wanted="Elapsed Time [s],Mass [mg/m3],…", seen="—")
    header_line = rows.line
    info = key_values(preamble, sep=",")
    start_text = f"{info.get('test start date', '')} {info.get('test start time', '')}".strip()
    timer = ctx.time_parser(order="mdy")
    timer.detect([start_text], "Test Start Date / Test Start Time")
    start = timer.parse(start_text)
    if start is None:
        raise ctx.fail(header_line, "readings.time.bad_start", value=start_text)
    ctx.note_time("elapsed_plus_start", ctx.display_zone, f"Test Start Date/Time {start_text} + Elapsed Time [s]")
    channels, unused = [], []
    for index, cell in enumerate(header[1:], start=1):
        m = _COLUMN.match(cell)
        key = (m.group("name") if m else cell).strip().upper()
        if m and key in CODES:
            channels.append(channel(index, cell, m.group("unit"), CODES[key]))
        elif cell not in ("Alarms", "Errors"):
            unused.append(cell)
    if any(c.code == "PM" for c in channels):
        ctx.warn(Message("readings.dusttrak.size_fraction", {"column": "Mass"}))
    model = info.get("model number", "")
    series = declare(ctx, channels, Instrument("TSI", info.get("instrument name", "DustTrak") + (f" {model}" if model
                                                                                                  else ""),
                                               info.get("serial number", "")), unused)
    errors = header.index("Errors") if "Errors" in header else None
    ctx.options.update(delimiter=",", encoding=source.encoding, start=start_text, header_line=header_line,
                       time_pattern=timer.pattern)
    yield from emit(ctx, numbered_rows(rows, it), series, lambda r: start + float(r[0]), lambda r: r[0],
                    RowProblems(ctx, header),
                    status=(lambda r: r[errors] if errors is not None and len(r) > errors else "")
                    if errors is not None else None)
