"""Healthy Photon HT8850 portable GHG analyser: tab-separated, ASCII, LF.

Header `time, H2Oconcentration_ppm, CO2concentration_ppm, CH4concentration_ppm, N2Oconcentration_ppb`:
the unit is in each column name (N2O in ppb, the others in ppm); times `2025-10-31 07:12:00.0`, local, 1 Hz.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from eco_field.messages import Message
from eco_field.readings import pollutants
from eco_field.readings.formats.tables import TableRows
from eco_field.readings.model import ImportContext, RowProblems, Sample, SeriesMeta
from eco_field.readings.textio import Source
from eco_field.readings.units import normalize_unit
from eco_field.readings.values import parse_value

NAME = "healthyphoton_ht8850"
DESCRIPTION = "Healthy Photon HT8850 GHG analyser .txt (tab-separated; units in column names, N2O in ppb)"
_COLUMN = re.compile(r"^(?P<gas>[A-Za-z0-9]+)concentration_(?P<unit>ppm|ppb|mg/m3|ug/m3)$", re.I)


def sniff(source: Source) -> bool:
    lines = source.head_lines(2)
    if not lines:
        return False
    cells = lines[0].split("\t")
    return cells[0].strip().lower() == "time" and len(cells) > 1 and all(_COLUMN.match(c.strip()) for c in cells[1:])


def read(source: Source, ctx: ImportContext) -> Iterator[Sample]:
    rows = TableRows(source, delimiter="\t")
    iterator = iter(rows)
    header = [c.strip() for c in next(iterator, [])]
    if not header or header[0].lower() != "time" or not all(_COLUMN.match(c) for c in header[1:]):
        raise ctx.fail(1, "readings.header.missing", wanted="time, CO2concentration_ppm, …（<gas>concentration_<unit>）",
                       seen="、".join(c for c in header if c) or "—")
    columns = []
    for index, cell in enumerate(header[1:], start=1):
        m = _COLUMN.match(cell)
        gas = m.group("gas")
        code = pollutants.canonical(gas) or gas
        meta = SeriesMeta(code, normalize_unit(m.group("unit")), "instantaneous", sensor=cell,
                          make="Healthy Photon", model="HT8850", meta={"column": cell})
        columns.append((index, ctx.declare(meta)))
    timer = ctx.time_parser()
    timer.pattern = "iso"
    ctx.options.update(delimiter="\t", encoding=source.encoding, time_pattern="iso")
    problems = RowProblems(ctx, header)
    for row in iterator:
        line = rows.line
        if not any(c.strip() for c in row):
            continue
        t = timer.parse(row[0]) if row else None
        if len(row) != len(header) or t is None:
            problems.bad(line, Message("readings.rows.not_data", {"text": "\t".join(row)[:80]}), row)
            continue
        problems.good()
        for index, sid in columns:
            value, flag = parse_value(row[index])
            yield (sid, line, t, value, int(value is not None), flag)
    problems.finish()
