"""LI-COR trace gas analysers LI-7810 (CO2/CH4/H2O) and LI-7820 (N2O/H2O): the `.data` text export.

Preamble `Key:<TAB>value` lines (Model, SN, Software Version, Timestamp, Timezone), then `DATAH` (column
names), `DATAU` (units) and `DATA` rows, tab-separated, UTF-8 (`°C`, `µsecs`). Each row carries the instant as
epoch `SECONDS` + `NANOSECONDS` (UTC) besides local `DATE`/`TIME` in the preamble's zone; the epoch decides.
"""

from __future__ import annotations

from collections.abc import Iterator

from eco_field.readings.formats.family import Channel, Instrument, channel, declare, emit, key_values
from eco_field.readings.formats.tables import TableRows
from eco_field.readings.model import ImportContext, RowProblems, Sample
from eco_field.readings.textio import Source
from eco_field.readings.timeparse import zone_of

NAME = "licor_trace_gas"
DESCRIPTION = "LI-COR LI-7810 / LI-7820 trace gas analyser .data (DATAH/DATAU/DATA rows, Timezone: header)"
# Columns imported, with the code they carry; the units come from the DATAU row.
WANTED = {"CO2": "CO2", "CH4": "CH4", "N2O": "N2O", "H2O": "H2O", "CAVITY_P": "PRESSURE", "CAVITY_T": "TEMP"}


def sniff(source: Source) -> bool:
    lines = source.head_lines(20, "utf-8")
    return any(ln.startswith("DATAH\t") for ln in lines) and any(ln.startswith("Model:") for ln in lines)


def read(source: Source, ctx: ImportContext) -> Iterator[Sample]:
    rows = TableRows(source, delimiter="\t", encoding="utf-8")
    it = iter(rows)
    preamble: list[str] = []
    header: list[str] = []
    units: list[str] = []
    for row in it:
        if row and row[0] == "DATAH":
            header = [c.strip() for c in row]
        elif row and row[0] == "DATAU":
            units = [c.strip() for c in row]
            break
        elif not header:
            preamble.append("\t".join(row))
    if not header or "SECONDS" not in header:
        raise ctx.fail(rows.line, "readings.header.missing", wanted="DATAH … SECONDS NANOSECONDS … DATE TIME",
                       seen="、".join(header) or "—")
    info = key_values(preamble)
    zone = info.get("timezone") or None
    if zone:
        zone_of(zone)
    ctx.note_time("epoch_column", ctx.tz_override or zone or ctx.time_zone, "SECONDS+NANOSECONDS")
    instrument = Instrument("LI-COR", info.get("model", ""), info.get("sn", ""))
    ctx.options.update(delimiter="\t", encoding="utf-8", file_time_zone=zone, software=info.get("software version"))
    channels: list[Channel] = []
    for index, name in enumerate(header):
        if name in WANTED:
            unit = units[index] if index < len(units) else ""
            found = channel(index, name, unit, WANTED[name])
            if found:
                channels.append(found)
    series = declare(ctx, channels, instrument)
    seconds, nanos, diag = header.index("SECONDS"), header.index("NANOSECONDS"), header.index("DIAG")

    def when(row: list) -> float:
        return int(row[seconds]) + int(row[nanos]) / 1e9

    def numbered():
        for row in it:
            if row and row[0] == "DATA":
                yield rows.line, row
            elif row and any(c.strip() for c in row):
                yield rows.line, row  # not a DATA row: a torn line, reported as such

    yield from emit(ctx, numbered(), series, when, lambda r: f"{r[seconds]} {r[nanos]}",
                    RowProblems(ctx, header), status=lambda r: "" if r[diag].strip() in ("0", "") else "DIAG" + r[diag])
