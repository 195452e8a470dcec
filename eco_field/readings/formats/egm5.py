"""PP Systems EGM-5 portable gas analyser: the comma-separated .TXT record file.

Line 1 the header `Tag(M3),Date,Time,Plot_No,Rec_No,CO2,Pressure,Flow,H2O,Tsen,O2,Error,Aux_V,PAR,Tsoil,Tair,
Msoil`; records carry more fields than the header names (the process' own columns at the end). `Zero`,
`Start`, `End` lines mark the instrument's zeroing and each measurement. Dates `dd/mm/yy` (the EGM-5 writes
day first; the values decide when a day is above 12), local time. CO2 in ppm, pressure in mbar, O2 in %,
temperatures in °C. Columns that are 0 throughout the first rows (no sensor fitted) are not imported.
"""

from __future__ import annotations

from collections.abc import Iterator

from eco_field.messages import Message
from eco_field.readings.formats.family import Instrument, channel, declare, emit
from eco_field.readings.formats.tables import TableRows
from eco_field.readings.model import ImportContext, RowProblems, Sample
from eco_field.readings.textio import Source
from eco_field.readings.values import parse_value

NAME = "ppsystems_egm5"
DESCRIPTION = "PP Systems EGM-5 .TXT records (Tag,Date,Time,Plot_No,Rec_No,CO2,… dd/mm/yy)"
COLUMNS = {"CO2": ("CO2", "ppm"), "Pressure": ("PRESSURE", "mbar"), "O2": ("O2", "%VOL"), "H2O": ("H2O", "mbar"),
           "Tsoil": ("TEMP", "°C"), "Tair": ("TEMP", "°C")}
MARKERS = {"ZERO", "START", "END", "WARMUP", "WARM UP"}


def sniff(source: Source) -> bool:
    lines = source.head_lines(1)
    cells = lines[0].split(",") if lines else []
    return len(cells) > 6 and cells[0].startswith("Tag(") and cells[1:4] == ["Date", "Time", "Plot_No"]


def read(source: Source, ctx: ImportContext) -> Iterator[Sample]:
    rows = TableRows(source, delimiter=",")
    header = [c.strip() for c in next(iter(TableRows(source, delimiter=",")), [])]
    records = [r for r in TableRows(source, delimiter=",") if len(r) >= len(header) and r[1][:1].isdigit()][:200]
    channels, unused = [], []
    for index, name in enumerate(header):
        if name in COLUMNS:
            values = [parse_value(r[index])[0] for r in records]
            if values and all(v in (0, None) for v in values):
                ctx.warn(Message("readings.columns.all_zero", {"column": name}))
                continue
            channels.append(channel(index, name, COLUMNS[name][1], COLUMNS[name][0]))
        elif index > 4 and name not in ("Error",):
            unused.append(name)
    series = declare(ctx, channels, Instrument("PP Systems", "EGM-5"), unused)
    timer = ctx.time_parser(order="dmy")
    timer.detect([f"{r[1].strip()} {r[2].strip()}" for r in records], "Date")
    ctx.options.update(delimiter=",", encoding=source.encoding, time_pattern=timer.pattern,
                       time_order_decided_by=timer.decided_by)
    error = header.index("Error") if "Error" in header else None

    def numbered():
        it = iter(rows)
        next(it, None)
        for row in it:
            if len(row) == 1 and row[0].strip().upper() in MARKERS:
                continue  # the analyser's own event lines
            yield rows.line, row

    def plot(row: list) -> int | None:
        text = row[3].strip()
        return int(text) if text.isdigit() else None

    yield from emit(ctx, numbered(), series, lambda r: timer.parse(f"{r[1].strip()} {r[2].strip()}"),
                    lambda r: f"{r[1]} {r[2]}", RowProblems(ctx, header), seg=plot,
                    status=(lambda r: "" if r[error].strip() in ("0", "") else f"Error {r[error].strip()}")
                    if error is not None else None)
