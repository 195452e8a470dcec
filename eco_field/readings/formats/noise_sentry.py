"""Convergence Instruments Noise Sentry logger CSV: one row per logging interval.

Header `Time (Date hh:mm:ss.ms),LEQ dB-A ,Lmax dB-A ,L10 dB-A ,L90 dB-A ,` (trailing spaces and a trailing
comma), rows `2025/05/29 15:30:00.000,67.056916 ,…`. Each row is the statistic of the interval that starts at
its time (Leq, maximum, L10, L90 over the interval). Local time without a zone.
"""

from __future__ import annotations

from collections.abc import Iterator

from eco_field.readings.formats.family import Instrument, channel, declare, emit, numbered_rows
from eco_field.readings.formats.tables import TableRows
from eco_field.readings.model import ImportContext, RowProblems, Sample
from eco_field.readings.textio import Source

NAME = "noise_sentry"
DESCRIPTION = "Convergence Noise Sentry logger .csv (Time (Date hh:mm:ss.ms), LEQ/Lmax/L10/L90 dB-A)"
STATISTIC = {"LAeq": "average", "LAmax": "peak", "LAmin": "min"}


def sniff(source: Source) -> bool:
    lines = source.head_lines(2)
    return bool(lines) and lines[0].startswith("Time (Date hh:mm:ss.ms),") and "dB-A" in lines[0]


def read(source: Source, ctx: ImportContext) -> Iterator[Sample]:
    rows = TableRows(source, delimiter=",")
    it = iter(rows)
    header = [c.strip() for c in next(it, [])]
    channels, unused = [], []
    for index, cell in enumerate(header[1:], start=1):
        if not cell:
            continue
        found = channel(index, cell.replace("dB-A", "").strip(), "dB(A)")
        if found:
            found.statistic = STATISTIC.get(found.code, "instantaneous")
            channels.append(found)
        else:
            unused.append(cell)
    series = declare(ctx, channels, Instrument("Convergence Instruments", "Noise Sentry"), unused)
    timer = ctx.time_parser(order="ymd")
    timer.detect([r[0] for r in TableRows(source, delimiter=",") if r and r[0][:1].isdigit()][:300], header[0])
    ctx.options.update(delimiter=",", encoding=source.encoding, time_pattern=timer.pattern, interval_start=True)
    yield from emit(ctx, numbered_rows(rows, it), series, lambda r: timer.parse(r[0].strip()), lambda r: r[0],
                    RowProblems(ctx, header))
