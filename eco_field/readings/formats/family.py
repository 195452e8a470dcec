"""What the instrument-family importers share: channels (which column is which parameter, in which unit)
and the row loop that turns a table's rows into samples, skipping torn rows with a warning.

A family importer knows its layout (where the header is, how time is written, what the columns mean); it
builds `Channel`s, declares them, and hands `emit` the numbered rows and a function giving each row's time.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from eco_field.messages import Message
from eco_field.readings import pollutants
from eco_field.readings.model import ImportContext, RowProblems, Sample, SeriesMeta
from eco_field.readings.status import status_flag
from eco_field.readings.units import normalize_unit, split_name_unit
from eco_field.readings.values import is_empty, parse_value


@dataclass
class Channel:
    index: int
    code: str
    unit: str
    sensor: str
    statistic: str = "instantaneous"
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass
class Instrument:
    make: str = ""
    model: str = ""
    serial: str = ""


def channel(index: int, header: str, unit: str = "", code: str | None = None, **meta: Any) -> Channel | None:
    """A channel for a column: the code from the header (or given), the unit given or found in the header."""
    name, header_unit = split_name_unit(header)
    code = code or pollutants.match(header) or pollutants.match(name)
    if code is None:
        return None
    statistic = pollutants.statistic(header) or "instantaneous"
    return Channel(index, code, normalize_unit(unit) or header_unit, header.strip(), statistic, dict(meta))


def declare(ctx: ImportContext, channels: list[Channel], instrument: Instrument,
            unused: Iterable[str] = ()) -> list[tuple[int, int, str]]:
    """Declare each channel as a series; [(column index, series id, header)]. Unused columns are listed once."""
    out = []
    for ch in channels:
        sid = ctx.declare(SeriesMeta(ch.code, ch.unit, ch.statistic, sensor=ch.sensor, make=instrument.make,
                                     model=instrument.model, serial=instrument.serial,
                                     meta={"column": ch.sensor, "column_index": ch.index + 1, **ch.meta}))
        out.append((ch.index, sid, ch.sensor))
    skipped = [u for u in unused if u and u.strip()]
    if skipped:
        ctx.warn(Message("readings.columns.not_imported", {"columns": "、".join(skipped[:30])}))
    return out


def emit(ctx: ImportContext, numbered: Iterable[tuple[int, list]], series: list[tuple[int, int, str]],
         when: Callable[[list], float | None], time_text: Callable[[list], str],
         problems: RowProblems | None = None, status: Callable[[list], object] | None = None,
         seg: Callable[[list], int | None] | None = None, stop: Callable[[list], bool] | None = None,
         ) -> Iterator[Sample]:
    """Samples of every channel for each good row. A row too short for the channels, or whose time does not
    read, is skipped with a warning naming its line (quoting the time whole); an unreadable number in a value
    column is kept as a flagged sample (storage warns about it with its row)."""
    problems = problems or RowProblems(ctx)
    width = max((index for index, _, _ in series), default=-1) + 1
    for line, row in numbered:
        if not row or all(is_empty(c) for c in row):
            continue
        if stop is not None and stop(row):
            break
        if len(row) < width:
            problems.bad(line, Message("readings.rows.short", {"got": len(row), "want": width}), row)
            continue
        try:
            t = when(row)
        except (ValueError, IndexError, OverflowError):
            t = None
        if t is None:
            problems.bad(line, Message("readings.rows.bad_time", {"value": _whole(time_text, row)}), row)
            continue
        problems.good()
        row_ok, row_flag = status_flag(status(row)) if status is not None else (1, None)
        period = seg(row) if seg is not None else None
        for index, sid, _header in series:
            raw = row[index]
            value, flag = parse_value(raw)  # an unreadable number is warned about where samples are stored
            ok = int(value is not None) and row_ok
            if row_flag:
                flag = row_flag if flag is None else f"{flag};{row_flag}"
            if seg is None:
                yield (sid, line, t, value, ok, flag)
            else:
                yield (sid, line, t, value, ok, flag, period, None, None, None, None)
    problems.finish()


def _whole(time_text: Callable[[list], str], row: list) -> str:
    try:
        return str(time_text(row)).strip()
    except (IndexError, ValueError):
        return " ".join(str(c) for c in row)[:120]


def key_values(lines: Iterable[str], sep: str = r"[:：,\t]") -> dict[str, str]:
    """'Key: value' / 'Key,value' preamble lines as {lower-case key without spaces: value}."""
    found: dict[str, str] = {}
    pattern = re.compile(rf"^\s*([^:：,\t]+?)\s*{sep}\s*(.*?)\s*$")
    for line in lines:
        m = pattern.match(line.replace('"', ""))
        if m:
            key = re.sub(r"\s+", " ", m.group(1)).strip().lower()
            found.setdefault(key, m.group(2).strip().strip(","))
    return found


def numbered_rows(rows, iterator: Iterator[list]) -> Iterator[tuple[int, list]]:
    """(physical line, row) pairs of a TableRows iteration."""
    for row in iterator:
        yield rows.line, row
