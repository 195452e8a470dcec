"""Industrial Scientific docking station (DSX / iNet DS) "datalog to USB" CSV, one file per session.

UTF-8 with BOM; separator, decimal mark and date pattern follow the station's culture (`,` or `;`, `12,34`,
`6/15/2023 1:45:30 PM` or `15.06.2023 13:45:30`), no time zone (station local time). Header labels are
localized, so the layout is recognised by structure: five leading columns (period number, user, site,
reading time, temperature) then three columns per sensor — reading, TWA, STEL — each ending in the same
`(SYMBOL)`. `N/A` (localized) where TWA/STEL do not apply. Timestamps are synthesized per period; a gap
starts a new period number. Corruption / undock notes may follow the data as free text. Units are not in
the file: toxic gases and VOC are ppm, O2 %VOL, combustibles %LEL (instrument defaults).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import islice

from eco_field.messages import Message
from eco_field.readings import pollutants
from eco_field.readings.formats.tables import TableRows
from eco_field.readings.model import ImportContext, RowProblems, Sample, SeriesMeta
from eco_field.readings.textio import Source
from eco_field.readings.timeparse import order_word
from eco_field.readings.values import parse_value

NAME = "isc_datalog"
DESCRIPTION = "Industrial Scientific docking-station datalog CSV (DSX/iNet; any culture: , or ; and decimal comma)"
LEAD = 5  # Period Number, User, Site, Reading Time, Temp
_SYMBOL = re.compile(r"\(([^()]+)\)\s*$")
_FILE_NAME = re.compile(r"^[^_]+_(?P<serial>[^_]+)_(?P<stamp>\d{8}_\d{4})_(?P<session>\d+)", re.I)
STATS = ("instantaneous", "twa", "stel")


def _header(source: Source) -> tuple[str, list[str]] | None:
    lines = [ln for ln in source.head_lines(3) if ln.strip()]
    if not lines:
        return None
    for delim in (",", ";", "\t"):
        cells = [c.strip().strip('"') for c in lines[0].split(delim)]
        if _triples(cells):
            return delim, cells
    return None


def _triples(cells: list[str]) -> list[str] | None:
    if len(cells) < LEAD + 3 or (len(cells) - LEAD) % 3:
        return None
    symbols = []
    for i in range(LEAD, len(cells), 3):
        found = [_SYMBOL.search(c) for c in cells[i:i + 3]]
        if not all(found) or len({f.group(1).strip() for f in found}) != 1:
            return None
        symbols.append(found[0].group(1).strip())
    return symbols


def sniff(source: Source) -> bool:
    return _header(source) is not None


def _unit(code: str) -> str:
    return {"O2": "%VOL", "LEL": "%LEL"}.get(code, "ppm")


def read(source: Source, ctx: ImportContext) -> Iterator[Sample]:
    found = _header(source)
    if found is None:
        first = next((ln for ln in source.head_lines(3) if ln.strip()), "")
        raise ctx.fail(1, "readings.isc.bad_header", seen=first.strip()[:200] or "—")
    delim, header = found
    symbols = _triples(header)
    rows = TableRows(source, delimiter=delim)
    numbered = ((rows.line, row) for row in rows)
    next(numbered, None)
    head = list(islice(numbered, 300))
    decimal_comma = delim != "," or any(re.fullmatch(r"-?\d+,\d+", c) for _, r in head for c in r[LEAD:])
    timer = ctx.time_parser(order="dmy" if delim != "," else "mdy")
    timer.detect([r[3] for _, r in head if len(r) == len(header)], "Reading Time")
    if timer.ambiguous:
        # the docking station's culture is not in the file: its separator says which one it probably was
        ctx.warn(Message("readings.time.order_assumed", {"column": "Reading Time",
                                                         "order": order_word("dmy" if delim != "," else "mdy")}))
    name = _FILE_NAME.match(source.name)
    instrument = {"make": "Industrial Scientific", "serial": name["serial"] if name else ""}
    ctx.options.update(delimiter=delim, decimal_comma=decimal_comma, time_pattern=timer.pattern,
                       encoding=source.encoding, sensors=symbols)
    ctx.warn(Message("readings.isc.units_assumed"))
    yield from _samples(head, numbered, ctx, header, symbols, timer, decimal_comma, instrument)


def _samples(head, numbered, ctx, header, symbols, timer, decimal_comma, instrument) -> Iterator[Sample]:
    ids: dict[tuple[int, int], int] = {}
    problems = RowProblems(ctx, header)
    temp_id = None
    for line, row in _chain(head, numbered):
        if not any(str(c).strip() for c in row):
            continue
        t = timer.parse(row[3].strip()) if len(row) == len(header) else None
        if t is None:
            problems.bad(line, Message("readings.rows.not_data", {"text": ",".join(row)[:80]}), row)
            continue
        problems.good()
        period = _int(row[0])
        site = row[2].strip() or None
        temp, flag = parse_value(row[4], decimal_comma)
        if temp_id is None:
            temp_id = ctx.declare(SeriesMeta("TEMP", "°C", "instantaneous", sensor=header[4], **instrument))
        yield (temp_id, line, t, temp, int(temp is not None), flag, period, site, None, None, None)
        for s, symbol in enumerate(symbols):
            for k in range(3):
                cell = row[LEAD + 3 * s + k]
                value, flag = parse_value(cell, decimal_comma)
                sid = ids.get((s, k))
                if sid is None:
                    if value is None:
                        continue  # TWA/STEL columns that are N/A for this sensor make no series
                    sid = ids[(s, k)] = _declare(ctx, header[LEAD + 3 * s], symbol, STATS[k], instrument, row[1])
                yield (sid, line, t, value, int(value is not None), flag, period, site, None, None, None)
    problems.finish()


def _declare(ctx, sensor: str, symbol: str, statistic: str, instrument: dict, user: str) -> int:
    code = pollutants.match(symbol) or pollutants.match(sensor) or symbol
    return ctx.declare(SeriesMeta(code, _unit(code), statistic, sensor=sensor, meta={"symbol": symbol,
                                                                                      "user": user.strip()},
                                  **instrument))


def _chain(head, numbered):
    yield from head
    yield from numbered


def _int(text: str) -> int | None:
    try:
        return int(str(text).strip())
    except ValueError:
        return None
