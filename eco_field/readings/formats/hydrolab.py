"""Hydrolab sondes (DataSonde/MiniSonde): the captured log-file text report.

Preamble `Key : value` lines (Log File Name, Setup/Starting/Stopping Date (MMDDYY) …), setup notes, then a
column header (`Time Temp SpCond Salin DO DO Level Batt`, right-aligned) over a units line (`HHMMSS deg C
mS/cm ppt % Sat mg/l feet volts`, sliced by the header's column ends), then blocks: `Date (MMDDYY) : 051407`
followed by `HHMMSS value … value&` rows. A `Recovery finished …` line and a prompt end the capture. Local time.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from eco_field.readings.formats.family import Instrument, declare, emit, key_values
from eco_field.readings.formats.sonde import water_channel
from eco_field.readings.model import ImportContext, RowProblems, Sample
from eco_field.readings.textio import LineReader, Source
from eco_field.readings.timeparse import TimeParser

NAME = "hydrolab"
DESCRIPTION = "Hydrolab sonde log capture .txt (Log File Name preamble, Date (MMDDYY) blocks, HHMMSS rows)"
_DATE = re.compile(r"^\s*Date\s*\((?P<fmt>[MDY]+)\)\s*:\s*(?P<date>\d{6})\s*$")
_ROW = re.compile(r"^\s*\d{6}\s")


def sniff(source: Source) -> bool:
    lines = source.head_lines(60)
    return bool(lines) and lines[0].startswith("Log File Name") and any(_DATE.match(ln) for ln in lines)


def read(source: Source, ctx: ImportContext) -> Iterator[Sample]:
    reader = LineReader(source)
    lines = iter(reader)
    preamble: list[str] = []
    header_text = ""
    for text in lines:
        if text.split()[:1] == ["Time"]:
            header_text = text
            break
        preamble.append(text)
    units_text = next(lines, "")
    if not header_text:
        raise ctx.fail(reader.number, "readings.header.missing", wanted="Time Temp SpCond … / HHMMSS …", seen="—")
    ends = [m.end() for m in re.finditer(r"\S+", header_text)]
    names = header_text.split()
    units = [units_text[(ends[i - 1] if i else 0):ends[i]].strip() for i in range(len(ends))]
    channels, unused = [], []
    for index, name in enumerate(names[1:], start=1):
        found = water_channel(index, name, units[index] if index < len(units) else "")
        (channels.append(found) if found else unused.append(f"{name} {units[index]}".strip()))
    info = key_values(preamble)
    series = declare(ctx, channels, Instrument("Hydrolab", "", ""), unused)
    zone = ctx.zone_for_naive()
    date = {"value": "", "fmt": "%m%d%y"}
    timer = TimeParser(zone, fmt=ctx.time_format or "%m%d%y %H%M%S")
    ctx.options.update(delimiter="spaces", encoding=source.encoding, log_file=info.get("log file name", ""),
                       time_pattern="MMDDYY HHMMSS")

    def numbered():
        for text in lines:
            m = _DATE.match(text)
            if m:
                date["value"] = m.group("date")
                continue
            if text.strip() in (header_text.strip(), units_text.strip()):
                continue  # the header again at each page of the capture
            if _ROW.match(text):
                yield reader.number, text.replace("&", " ").split()
            elif text.strip() and not text.lstrip("\f").startswith(("Recovery", "Deactivate")):
                yield reader.number, [text]

    yield from emit(ctx, numbered(), series, lambda r: timer.parse(f"{date['value']} {r[0]}"),
                    lambda r: f"{date['value']} {r[0]}", RowProblems(ctx, names))
