"""Gasmet FTIR (DX4015/DX4040/GT5000) Calcmet results table: tab-separated, ISO-8859-1.

Header: Line, Date, Time, SpectrumFile, LibraryFile, then four columns per component — value, `Unit`,
` Compensation`, ` Residual` (names repeat, so columns are mapped by position) — and a last ` Status`
(OK / Warning: a row-level quality flag that keeps the value). Line ends may be `\\r\\r\\n`. Components and
their order depend on the analysis library; auxiliary channels (pressure, temperatures, IFG) use the same
pattern. Each result is the analysis of one spectrum, i.e. an average over the scan time.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from eco_field.messages import Message
from eco_field.readings import pollutants
from eco_field.readings.formats.tables import TableRows
from eco_field.readings.model import ImportContext, RowProblems, Sample, SeriesMeta
from eco_field.readings.status import status_flag
from eco_field.readings.textio import Source
from eco_field.readings.units import normalize_unit
from eco_field.readings.values import parse_value

NAME = "gasmet_calcmet"
DESCRIPTION = "Gasmet FTIR Calcmet results table .TXT (DX4015/DX4040/GT5000; tab-separated, latin-1)"
ENCODING = "latin-1"
FIXED = 5  # Line, Date, Time, SpectrumFile, LibraryFile


def sniff(source: Source) -> bool:
    lines = source.head_lines(2, ENCODING)
    if not lines:
        return False
    cells = [c.strip() for c in lines[0].split("\t")]
    return cells[:3] == ["Line", "Date", "Time"] and "Residual" in cells and cells[-1] == "Status"


def read(source: Source, ctx: ImportContext) -> Iterator[Sample]:
    rows = TableRows(source, delimiter="\t", encoding=ENCODING)
    iterator = iter(rows)
    header = [c.strip() for c in next(iterator, [])]
    if header[:3] != ["Line", "Date", "Time"] or not header or header[-1] != "Status":
        raise ctx.fail(1, "readings.header.missing", wanted="Line, Date, Time, SpectrumFile, LibraryFile, …, Status",
                       seen="、".join(c for c in header if c) or "—")
    groups = (len(header) - FIXED - 1) // 4
    if (len(header) - FIXED - 1) % 4 or groups < 1:
        raise ctx.fail(1, "readings.calcmet.bad_width", found=len(header))
    names = [header[FIXED + 4 * g] for g in range(groups)]
    ctx.options.update(delimiter="\t", encoding=ENCODING, time_pattern="iso", components=names)
    timer = ctx.time_parser()
    timer.pattern = "iso"
    ids: dict[tuple[int, str], int] = {}
    problems = RowProblems(ctx, header)
    for row in iterator:
        line = rows.line
        if not any(c.strip() for c in row):
            continue
        t = timer.parse(f"{row[1].strip()} {row[2].strip()}") if len(row) > 2 else None
        if len(row) != len(header) or t is None:
            problems.bad(line, Message("readings.rows.short", {"got": len(row), "want": len(header)}), row)
            continue
        problems.good()
        row_ok, row_flag = status_flag(row[-1])
        for g, name in enumerate(names):
            base = FIXED + 4 * g
            unit = row[base + 1].strip()
            sid = ids.get((g, unit))
            if sid is None:
                sid = ids[(g, unit)] = _declare(ctx, name, unit, row[base + 2].strip(), row[4])
            value, flag = parse_value(row[base])
            ok = int(value is not None) and row_ok
            if row_flag:
                flag = row_flag if flag is None else f"{flag};{row_flag}"
            yield (sid, line, t, value, ok, flag)
    problems.finish()


def _declare(ctx: ImportContext, name: str, unit: str, compensation: str, library: str) -> int:
    code = pollutants.match(name) or name
    serial = re.search(r"SN(\d+)", library)
    return ctx.declare(SeriesMeta(code, normalize_unit(unit), "average", sensor=name, make="Gasmet",
                                  serial=serial.group(1) if serial else "",
                                  meta={"column": name, "compensation": compensation, "library": library.strip()}))
