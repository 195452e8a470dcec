"""Aeris Technologies MIRA analysers (MIRA Ultra CH4/C2H6, MIRA N2O/CO): comma-separated .txt.

Header `Time Stamp,Inlet Number,P (mbars),T0 (degC),…,CH4 (ppm),H2O (ppm),C2H6 (ppb),…,Latitude,Longitude`,
rows `mm/dd/yyyy hh:mm:ss.fff` (month first, as the instrument writes it; the values decide when they can),
local time without a zone. `No Data` in the position columns when there is no GPS fix.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import islice

from eco_field.readings.formats.family import Instrument, channel, declare, emit, numbered_rows
from eco_field.readings.formats.tables import TableRows
from eco_field.readings.model import ImportContext, RowProblems, Sample
from eco_field.readings.textio import Source

NAME = "aeris_mira"
DESCRIPTION = "Aeris MIRA Ultra / MIRA N2O-CO analyser .txt (Time Stamp, Inlet Number, gas (ppm|ppb) columns)"
_GAS = re.compile(r"^(?P<gas>CH4|C2H6|H2O|N2O|CO|CO2|NH3)\s*\((?P<unit>ppm|ppb)\)$")
_AUX = {"P (mbars)": ("PRESSURE", "mbar"), "Tgas(degC)": ("TEMP", "°C")}


def sniff(source: Source) -> bool:
    lines = source.head_lines(2)
    return bool(lines) and lines[0].startswith("Time Stamp,Inlet Number,")


def read(source: Source, ctx: ImportContext) -> Iterator[Sample]:
    rows = TableRows(source, delimiter=",")
    it = iter(rows)
    header = [c.strip() for c in next(it, [])]
    channels, unused = [], []
    for index, name in enumerate(header):
        gas = _GAS.match(name)
        if gas:
            channels.append(channel(index, name, gas.group("unit"), gas.group("gas")))
        elif name in _AUX:
            channels.append(channel(index, name, _AUX[name][1], _AUX[name][0]))
        elif index > 1:
            unused.append(name)
    model = "MIRA Ultra" if any(c.code == "CH4" for c in channels) else "MIRA"
    series = declare(ctx, channels, Instrument("Aeris", model), unused)
    timer = ctx.time_parser(order="mdy")
    head = list(islice((r[0] for r in TableRows(source, delimiter=",") if r and r[0][:1].isdigit()), 300))
    timer.detect(head, "Time Stamp")
    ctx.options.update(delimiter=",", encoding=source.encoding, time_pattern=timer.pattern,
                       time_order_decided_by=timer.decided_by)
    yield from emit(ctx, numbered_rows(rows, it), series, lambda r: timer.parse(r[0].strip()), lambda r: r[0],
                    RowProblems(ctx, header))
