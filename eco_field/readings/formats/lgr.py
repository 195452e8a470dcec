"""LGR / ABB Los Gatos analysers: Ultraportable GGA (UGGA, CH4/CO2/H2O) and N2O/CO analyser (N2Oi2).

Line 1 `SN:<serial> BD:<build date> VC:… MD5:…`; line 2 the header, comma + space aligned: `SysTime, Time,
[CH4]_ppm, [CH4]_ppm_sd, … [CH4]d_ppm (dry), GasP_torr, GasT_C, AmbT_C …`; rows `dd/mm/yyyy hh:mm:ss.fff`,
local time without a zone. The file ends with an ASCII-armoured PGP block (the analyser signs its data),
which is not data. `Time` is the measurement time; `SysTime` the computer clock.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from eco_field.messages import Message
from eco_field.readings.formats.family import Instrument, channel, declare, emit
from eco_field.readings.formats.tables import TableRows
from eco_field.readings.model import ImportContext, RowProblems, Sample
from eco_field.readings.textio import Source

NAME = "lgr_analyser"
DESCRIPTION = "LGR/ABB Ultraportable GGA (UGGA) and N2O/CO (N2Oi2) analyser .txt (SN: line, [gas]_ppm columns)"
_GAS = re.compile(r"^\[(?P<gas>[A-Za-z0-9]+)\](?P<dry>d?)_(?P<unit>ppm|ppb)$")
_AUX = {"GasP_torr": ("PRESSURE", "Torr"), "GasT_C": ("TEMP", "°C"), "AmbT_C": ("TEMP", "°C")}
SIGNATURE = "-----BEGIN PGP"


def sniff(source: Source) -> bool:
    lines = source.head_lines(3)
    return (len(lines) > 1 and lines[0].startswith("SN:") and "BD:" in lines[0]
            and any(_GAS.match(c.strip()) for c in lines[1].split(",")))


def read(source: Source, ctx: ImportContext) -> Iterator[Sample]:
    rows = TableRows(source, delimiter=",")
    it = iter(rows)
    first = next(it, [])
    header = [c.strip() for c in next(it, [])]
    header_line = rows.line
    if "Time" not in header:
        raise ctx.fail(header_line, "readings.header.missing", wanted="SysTime, Time, [CH4]_ppm …",
                       seen="、".join(header) or "—")
    serial = re.search(r"SN:\s*(\S+)", ",".join(first))
    model = "N2Oi2" if any(c.startswith("[N2O]") for c in header) else "UGGA"
    instrument = Instrument("LGR", model, serial.group(1) if serial else "")
    channels, unused = [], []
    for index, name in enumerate(header):
        gas = _GAS.match(name)
        if gas:
            found = channel(index, name, gas.group("unit"), gas.group("gas"),
                            basis="dry" if gas.group("dry") else "wet")
            if found:
                channels.append(found)
                continue
        if name in _AUX:
            code, unit = _AUX[name]
            channels.append(channel(index, name, unit, code))
        elif name not in ("SysTime", "Time") and not name.endswith("_sd"):
            unused.append(name)
    series = declare(ctx, channels, instrument, unused)
    ti = header.index("Time")
    timer = ctx.time_parser(order="dmy")
    sample = []
    for row in TableRows(source, delimiter=","):
        if len(sample) > 40:
            break
        if len(row) > ti and re.match(r"\d", row[ti].strip()):
            sample.append(row[ti].strip())
    timer.detect(sample, "Time")
    ctx.options.update(delimiter=",", encoding=source.encoding, time_pattern=timer.pattern, time_column="Time")

    def numbered():
        for row in it:
            if row and row[0].startswith(SIGNATURE):
                ctx.warn(Message("readings.lgr.signature", {"line": rows.line}))
                ctx.options["signature_line"] = rows.line
                return
            yield rows.line, row

    yield from emit(ctx, numbered(), series, lambda r: timer.parse(r[ti].strip()), lambda r: r[ti],
                    RowProblems(ctx, header))
