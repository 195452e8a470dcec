"""NTi Audio XL2 sound level meter: the `_Report.txt` / `_Log.txt` text files of the SLM app.

Sections start with `# `: `# Hardware Configuration` (Device Info with `SNo.`, `Time Zone: UTC+01:00 (…)`),
`# Measurement Setup`, then `# Broadband Results` (report) or `# Broadband LOG Results` (log): a line of
`Start`/`Stop`, a tab-separated line of names (`Date Time Date Time LASmax LASmin LAFmax … LAeq …`), a line of
units (`[YYYY-MM-DD] [hh:mm:ss] … [dB]`) and one row per measurement or logging interval, until a blank line.
The instant of a row is its start date and time in the stated zone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from eco_field.readings.formats.family import Channel, Instrument, declare, emit
from eco_field.readings.model import ImportContext, RowProblems, Sample
from eco_field.readings.textio import LineReader, Source
from eco_field.readings.timeparse import offset_name

NAME = "nti_xl2"
DESCRIPTION = "NTi Audio XL2 sound level meter report/log .txt (# Broadband Results, Time Zone: UTC±hh:mm)"
# Broadband names -> (code, statistic); the other columns (running Leq, C/Z weighting …) are not imported.
NAMES = {"LAeq": ("LAeq", "average"), "LAFmax": ("LAmax", "peak"), "LASmax": ("LAmax", "peak"),
         "LAFmin": ("LAmin", "min"), "LASmin": ("LAmin", "min"), "LCPKmax": ("LCpeak", "peak"),
         "LAF10.0%": ("L10", "instantaneous"), "LAF50.0%": ("L50", "instantaneous"),
         "LAF90.0%": ("L90", "instantaneous")}


def sniff(source: Source) -> bool:
    lines = source.head_lines(3)
    return bool(lines) and lines[0].startswith("XL2 Sound Level Meter")


def read(source: Source, ctx: ImportContext) -> Iterator[Sample]:
    reader = LineReader(source)
    lines = iter(reader)
    zone = serial = None
    for text in lines:
        if "Time Zone:" in text:
            zone = offset_name(text.split("Time Zone:", 1)[1].split("(")[0].strip())
        elif "Device Info:" in text:
            found = re.search(r"SNo\.\s*([\w-]+)", text)
            serial = found.group(1) if found else None
        elif text.startswith("# Broadband") and "Results" in text:
            break
    next(lines, "")  # Start / Stop
    names = [c.strip() for c in next(lines, "").split("\t")]
    header_line = reader.number
    next(lines, "")  # units
    if "Date" not in names:
        raise ctx.fail(header_line, "readings.header.missing", wanted="# Broadband Results: Date Time … LAeq",
                       seen="、".join(n for n in names if n) or "—")
    channels = [Channel(i, NAMES[n][0], "dB(A)" if NAMES[n][0] != "LCpeak" else "dB(C)", n, NAMES[n][1])
                for i, n in enumerate(names) if n in NAMES]
    series = declare(ctx, channels, Instrument("NTi Audio", "XL2", serial or ""),
                     [n for n in names[5:] if n and n not in NAMES])
    di, ti = names.index("Date"), names.index("Time")
    timer = ctx.time_parser(zone, "Time Zone" if zone else "")
    timer.pattern = "iso" if not ctx.time_format else timer.pattern
    ctx.options.update(delimiter="\t", encoding=source.encoding, header_line=header_line)

    def numbered():
        for text in lines:
            if not text.strip():
                return
            yield reader.number, [c.strip() for c in text.split("\t")]

    yield from emit(ctx, numbered(), series, lambda r: timer.parse(f"{r[di]} {r[ti]}"),
                    lambda r: f"{r[di]} {r[ti]}", RowProblems(ctx, names))
