"""Svantek sound level meters (SV 307, SV 971 …), SvanPC++ "summary" CSV export with a three-row header.

Line 1 the device or file name, a blank line, then three header rows: the profile group (`P1 (A, Fast)` …),
the result with its unit (`LAeq(SR) [dB]`, `LAFmax(SR) [dB]`, `LAeq Histogram (SR) [dB]` …) and, for the
statistical levels, the percentile (`L1`, `L10` … `L90`) or the octave band. Data rows start with the
`Start date & time` of each interval (`2025-05-07 12:30:00`), local time without a zone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from eco_field.readings.formats.family import Channel, Instrument, declare, emit
from eco_field.readings.formats.tables import TableRows
from eco_field.readings.model import ImportContext, RowProblems, Sample
from eco_field.readings.textio import Source

NAME = "svantek"
DESCRIPTION = "Svantek sound level meter summary .csv (three header rows: profile, result [dB], percentile)"
RESULTS = {"LAeq": ("LAeq", "average", "dB(A)"), "LAFmax": ("LAmax", "peak", "dB(A)"),
           "LASmax": ("LAmax", "peak", "dB(A)"), "LAFmin": ("LAmin", "min", "dB(A)"),
           "LASmin": ("LAmin", "min", "dB(A)"), "LCpeak": ("LCpeak", "peak", "dB(C)")}
PERCENTILES = {"L10": "L10", "L50": "L50", "L90": "L90"}
_RESULT = re.compile(r"^(?P<name>[A-Za-z]+)\s*\(SR\)\s*\[dB\]$")


def sniff(source: Source) -> bool:
    lines = source.head_lines(8)
    return any("rec_number" in ln and "used_profile" in ln for ln in lines) and any(
        ln.startswith("Start date & time") for ln in lines)


def read(source: Source, ctx: ImportContext) -> Iterator[Sample]:
    rows = TableRows(source, delimiter=",")
    it = iter(rows)
    device = ""
    results: list[str] = []
    for row in it:
        cells = [c.strip() for c in row]
        if cells and cells[0] == "Start date & time":
            break
        if cells and cells[0] and not device:
            device = cells[0]
        if any(_RESULT.match(c) for c in cells):
            results = cells
    else:
        raise ctx.fail(rows.line, "readings.header.missing", wanted="Start date & time", seen="—")
    percentiles = [c.strip() for c in row]
    header_line = rows.line
    channels: list[Channel] = []
    seen: set[str] = set()
    for index, cell in enumerate(results):
        m = _RESULT.match(cell)
        if m and m.group("name") in RESULTS and m.group("name") not in seen:
            code, statistic, unit = RESULTS[m.group("name")]
            seen.add(m.group("name"))
            channels.append(Channel(index, code, unit, cell, statistic))
        elif cell.startswith("LAeq Histogram") and index < len(percentiles) and percentiles[index] in PERCENTILES:
            code = PERCENTILES[percentiles[index]]
            if code not in seen:
                seen.add(code)
                channels.append(Channel(index, code, "dB(A)", f"{cell} {percentiles[index]}"))
    series = declare(ctx, channels, Instrument("Svantek", device))
    timer = ctx.time_parser()
    timer.detect([r[0] for r in TableRows(source, delimiter=",") if r and r[0][:2] == "20"][:300], "Start date & time")
    ctx.options.update(delimiter=",", encoding=source.encoding, time_pattern=timer.pattern, header_line=header_line,
                       interval_start=True)

    def numbered():
        for row in it:
            yield rows.line, row

    yield from emit(ctx, numbered(), series, lambda r: timer.parse(r[0].strip()), lambda r: r[0],
                    RowProblems(ctx, percentiles))
