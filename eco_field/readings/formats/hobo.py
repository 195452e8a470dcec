"""Onset HOBO loggers (U26 dissolved oxygen, U20 water level, U24 conductivity, MX …), HOBOware CSV export.

Line 1 `"Plot Title: <name>"`; the header `"#","Date Time, GMT-05:00","DO conc, mg/L (LGR S/N: 20781165, SEN
S/N: 20781165)","Temp, °C (LGR S/N: …)"` carries the offset of the times and, per column, the parameter, unit
and serial numbers; event columns (`Coupler Detached`, `Stopped`, `End Of File`) hold words, not values.
Dates in the user's HOBOware format (here `yy-mm-dd hh:mm:ss AM`): the values decide the order.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from eco_field.readings.formats.family import Instrument, channel, declare, emit, numbered_rows
from eco_field.readings.formats.sonde import water_channel
from eco_field.readings.formats.tables import TableRows
from eco_field.readings.model import ImportContext, RowProblems, Sample
from eco_field.readings.textio import Source
from eco_field.readings.timeparse import offset_name

NAME = "onset_hobo"
DESCRIPTION = "Onset HOBO logger, HOBOware .csv (Plot Title line, 'Date Time, GMT±hh:mm' header, S/N per column)"
_COLUMN = re.compile(r"^(?P<name>[^,(]+?)(?:,\s*(?P<unit>[^(]+?))?\s*(?:\((?P<serials>[^)]*)\))?$")


def sniff(source: Source) -> bool:
    lines = source.head_lines(3)
    return (len(lines) > 1 and lines[0].strip('"').startswith("Plot Title")
            and "Date Time" in lines[1])


def read(source: Source, ctx: ImportContext) -> Iterator[Sample]:
    rows = TableRows(source, delimiter=",")
    it = iter(rows)
    title = next(it, [""])[0].split(":", 1)[-1].strip()
    header = [c.strip() for c in next(it, [])]
    ti = next(i for i, c in enumerate(header) if c.startswith("Date Time"))
    offset = offset_name(header[ti].split(",", 1)[1].strip()) if "," in header[ti] else None
    channels, unused, serial = [], [], ""
    for index, cell in enumerate(header):
        if index <= ti:
            continue
        m = _COLUMN.match(cell)
        name, unit = (m.group("name"), m.group("unit") or "") if m else (cell, "")
        found = water_channel(index, name, unit) or channel(index, name, unit)
        if found:
            serials = re.findall(r"S/N:\s*(\w+)", (m.group("serials") or "") if m else "")
            serial = serial or (serials[0] if serials else "")
            found.meta["serials"] = serials
            channels.append(found)
        else:
            unused.append(cell)
    series = declare(ctx, channels, Instrument("Onset", "HOBO", serial), unused)
    timer = ctx.time_parser(offset, f"{header[ti]}")
    timer.detect([r[ti] for r in TableRows(source, delimiter=",") if len(r) > ti and r[ti][:1].isdigit()][:300],
                 header[ti])
    ctx.options.update(delimiter=",", encoding=source.encoding, time_pattern=timer.pattern,
                       time_order_decided_by=timer.decided_by, plot_title=title)
    yield from emit(ctx, numbered_rows(rows, it), series, lambda r: timer.parse(r[ti].strip()), lambda r: r[ti],
                    RowProblems(ctx, header))
