"""Picarro cavity ring-down analysers (G2508, G2201-i, G2301, G4301 …): space-aligned .dat files.

One header line of names padded with spaces (`DATE  TIME  FRAC_DAYS_SINCE_JAN1 … EPOCH_TIME  ALARM_STATUS …
CO2  CO2_dry  CH4  CH4_dry  N2O  N2O_dry  NH3  H2O …`), then rows padded the same way. `EPOCH_TIME` (UTC
seconds) decides the instant; DATE/TIME are the analyser's local clock, whose offset is reported. Units are
those of the analyser's standard data log (G2508: CO2, CH4, N2O ppm; NH3 ppb; H2O %vol ... mmol/mol in goFlux).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

from eco_field.readings.formats.family import Instrument, channel, declare, emit
from eco_field.readings.model import ImportContext, RowProblems, Sample
from eco_field.readings.textio import LineReader, Source
from eco_field.readings.timeparse import offset_name

NAME = "picarro"
DESCRIPTION = "Picarro analyser .dat (space-aligned columns, EPOCH_TIME in UTC)"
UNITS = {"CO2": "ppm", "CO2_dry": "ppm", "CH4": "ppm", "CH4_dry": "ppm", "N2O": "ppm", "N2O_dry": "ppm",
         "NH3": "ppb", "H2O": "mmol/mol", "CO": "ppm", "CavityPressure": "Torr", "CavityTemp": "°C"}
CODES = {"CO2_dry": "CO2", "CH4_dry": "CH4", "N2O_dry": "N2O", "CavityPressure": "PRESSURE", "CavityTemp": "TEMP"}


def sniff(source: Source) -> bool:
    lines = source.head_lines(2)
    cells = lines[0].split() if lines else []
    return cells[:2] == ["DATE", "TIME"] and "EPOCH_TIME" in cells and "ALARM_STATUS" in cells


def read(source: Source, ctx: ImportContext) -> Iterator[Sample]:
    reader = LineReader(source)
    lines = iter(reader)
    header = next(lines, "").split()
    model = "G2508" if {"N2O", "NH3", "CH4", "CO2"} <= set(header) else ""
    channels = [channel(i, name, UNITS[name], CODES.get(name, name), basis="dry" if "_dry" in name else "wet")
                for i, name in enumerate(header) if name in UNITS]
    series = declare(ctx, [c for c in channels if c], Instrument("Picarro", model))
    ei, ai = header.index("EPOCH_TIME"), header.index("ALARM_STATUS")
    offset_noted = []

    def when(row: list) -> float:
        epoch = float(row[ei])
        if not offset_noted:
            offset_noted.append(True)
            local = datetime.strptime(f"{row[0]} {row[1][:8]}", "%Y-%m-%d %H:%M:%S")
            utc = datetime.fromtimestamp(int(epoch), UTC).replace(tzinfo=None)
            seconds = round((local - utc).total_seconds() / 900) * 900
            sign = "-" if seconds < 0 else "+"
            zone = offset_name(f"{sign}{abs(seconds) // 3600:02d}:{abs(seconds) % 3600 // 60:02d}") or "UTC+00:00"
            ctx.note_time("epoch_column", zone, "EPOCH_TIME")
            ctx.options["analyser_clock_offset"] = zone
        return epoch

    numbered = ((reader.number, line.split()) for line in lines)
    ctx.options.update(delimiter="spaces", encoding=source.encoding, time_column="EPOCH_TIME")
    yield from emit(ctx, numbered, series, when, lambda r: r[ei], RowProblems(ctx, header),
                    status=lambda r: "" if r[ai] == "0" else f"ALARM_STATUS={r[ai]}")
