"""Gasmet FTIR with a chamber multiplexer (the goFlux "GasmetPD" export): tab-separated .txt.

Header `group, Date, Time, ID, meas_time, chamber, mode, H2O_pct, CO2_ppm, CH4_ppm, N2O_ppm, NH3_ppm,
amb.press_mbar, starting_time`; `meas_time` is ISO 8601 in UTC (`2022-07-15T13:11:34Z`) and decides the
instant. The chamber number is kept as the period of each reading.
"""

from __future__ import annotations

from collections.abc import Iterator

from eco_field.readings.formats.family import Instrument, channel, declare, emit, numbered_rows
from eco_field.readings.formats.tables import TableRows
from eco_field.readings.model import ImportContext, RowProblems, Sample
from eco_field.readings.textio import Source
from eco_field.readings.timeparse import TimeParser

NAME = "gasmet_multiplexer"
DESCRIPTION = "Gasmet FTIR + chamber multiplexer table .txt (meas_time in UTC, gas_unit columns)"
_UNITS = {"pct": "%", "ppm": "ppm", "ppb": "ppb", "mbar": "mbar"}


def sniff(source: Source) -> bool:
    lines = source.head_lines(2)
    cells = lines[0].split("\t") if lines else []
    return "meas_time" in cells and "chamber" in cells and any(c.endswith("_ppm") for c in cells)


def read(source: Source, ctx: ImportContext) -> Iterator[Sample]:
    rows = TableRows(source, delimiter="\t")
    it = iter(rows)
    header = [c.strip() for c in next(it, [])]
    channels, unused = [], []
    for index, name in enumerate(header):
        stem, _, unit = name.rpartition("_")
        if unit in _UNITS and stem:
            code = "PRESSURE" if stem == "amb.press" else None
            found = channel(index, name, _UNITS[unit], code or stem)
            if found:
                channels.append(found)
                continue
        if name not in ("group", "Date", "Time", "ID", "meas_time", "chamber", "mode", "starting_time"):
            unused.append(name)
    series = declare(ctx, channels, Instrument("Gasmet"), unused)
    ti, ci = header.index("meas_time"), header.index("chamber")
    ctx.note_time("utc_column", "UTC", "meas_time")
    timer = TimeParser("UTC")
    timer.pattern = "iso"
    ctx.options.update(delimiter="\t", encoding=source.encoding, time_column="meas_time")

    def chamber(row: list) -> int | None:
        text = row[ci].strip()
        return int(text) if text.isdigit() else None

    yield from emit(ctx, numbered_rows(rows, it), series, lambda r: timer.parse(r[ti].strip()), lambda r: r[ti],
                    RowProblems(ctx, header), seg=chamber)
