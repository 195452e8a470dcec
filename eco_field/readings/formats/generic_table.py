"""Generic table importer: any CSV/TSV/XLSX export whose header names its columns.

Encodings UTF-8 (with or without BOM), GB18030/GBK, latin-1; separators , ; TAB |; wide form (one column per
pollutant, units in the header: `SO2(mg/m3)`, `H2S_ppm`, `二氧化硫浓度（mg/m³）`) or long form (`气体名称`,
`浓度`, `单位`). Markers (OVR, OVER, ---, N/A, -999) are kept as flagged samples. A header it cannot read
raises UnreadableHeader with the columns seen; the user then supplies a mapping (`--map time=采样时间
--map SO2=二氧化硫`), which can be saved as a named profile.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, time
from itertools import islice
from operator import itemgetter

from eco_field.messages import Message
from eco_field.readings import pollutants
from eco_field.readings.formats.header import find_header, preamble_instrument, units_row
from eco_field.readings.formats.layout import Layout, role_of
from eco_field.readings.formats.tables import TableRows
from eco_field.readings.model import ImportContext, RowProblems, Sample, SeriesMeta
from eco_field.readings.status import status_flag
from eco_field.readings.storage import MARKER, SeriesStats
from eco_field.readings.textio import Source, uses_decimal_comma
from eco_field.readings.timeparse import TimeParser, order_word
from eco_field.readings.units import normalize_unit, split_name_unit
from eco_field.readings.values import is_empty, parse_value

NAME = "generic_table"
DESCRIPTION = ("Any CSV/TSV/XLSX table with a header: wide form (one column per pollutant, unit in the header) "
               "or long form (pollutant, value, unit columns); Chinese or English headers; --map for the rest")
DETECT_ROWS = 300


def sniff(source: Source) -> bool:
    if source.is_xlsx:
        return source.path.suffix.lower() in (".xlsx", ".xlsm")
    if source.is_xls:
        return True
    lines = [ln for ln in source.head_lines(20) if ln.strip()]
    return any(d in ln for ln in lines for d in (",", ";", "\t", "|"))


def read(source: Source, ctx: ImportContext) -> Iterator[Sample]:
    """The samples of the file. A plain function returning the row generator (not a generator itself): on a
    million-row file each extra generator layer between the csv reader and executemany costs ~5 %."""
    # First pass over the head only: header, time pattern, decimal mark. The second pass streams the rows.
    probe = TableRows(source)
    it = iter(probe)
    header_line, header, layout = find_header(((probe.line, row) for row in it), ctx)
    ctx.options.update(delimiter=probe.delimiter, encoding=probe.encoding, header_line=header_line)
    if layout.unused:
        ctx.warn(Message("readings.columns.not_imported", {"columns": "、".join(layout.unused[:20])}))
    head = [(probe.line, row) for row in islice(it, DETECT_ROWS)]
    if head and units_row(head[0][1], layout):
        header_line = head.pop(0)[0]  # '时间, SO2, NOx / , mg/m3, mg/m3': units on the line under the header
    instrument = preamble_instrument(source, probe.delimiter, header_line)
    if instrument:
        ctx.options["instrument"] = instrument
    decimal_comma = probe.delimiter not in (",", None) and uses_decimal_comma(
        [[str(c) for c in r[len(r) // 2:]] for _, r in head])
    ctx.options["decimal_comma"] = decimal_comma
    timer = _time_parser(ctx, layout, head)
    rows = TableRows(source, delimiter=probe.delimiter, encoding=probe.encoding)
    if layout.long_form:
        return _long_rows(rows, header_line, ctx, layout, timer, decimal_comma)
    return _wide_file(rows, header_line, ctx, layout, timer, decimal_comma, instrument)


def _wide_file(rows: TableRows, header_line: int, ctx: ImportContext, layout: Layout, timer: TimeParser,
               decimal_comma: bool, instrument: dict[str, str]) -> Iterator[Sample]:
    with rows.opened(skip_to_line=header_line) as data:
        reader = rows.reader
        yield from _wide_rows(((reader.line_num, row) for row in data), ctx, layout, timer, decimal_comma, instrument)


def _time_value(row: list, roles: dict[str, int], combine: bool) -> object:
    value = row[roles["time"]]
    if not combine:
        return value
    day = row[roles["date"]]
    if isinstance(day, datetime | date) and isinstance(value, time | datetime):
        clock = value.time() if isinstance(value, datetime) else value
        return datetime.combine(day if isinstance(day, date) else day.date(), clock)
    day_text = day.date().isoformat() if isinstance(day, datetime) else str(day).strip()
    clock_text = value.isoformat() if isinstance(value, time) else str(value).strip()
    return f"{day_text} {clock_text}"


def _time_parser(ctx: ImportContext, layout: Layout, head: list) -> TimeParser:
    roles = layout.roles
    # a date column is glued to the time column only when both were found the same way: `--map time=COL`
    # names the one column that holds the time, and a detected 日期/Date column is not added to it
    combine = "date" in roles and "time" in roles and (("time" in layout.mapped) == ("date" in layout.mapped))
    layout.roles["_combine"] = int(combine)
    width = layout.width()
    values = [_time_value(r, roles, combine) for _, r in head if len(r) >= width]
    column = layout.header[roles["time"]] if roles.get("time") is not None and layout.header else "?"
    if combine and layout.header:
        column = f"{layout.header[roles['date']]} + {column}"
    timer = ctx.time_parser(order={True: "dmy", False: "mdy"}.get(ctx.options.get("day_first")))
    pattern = timer.detect(values, column)
    if pattern is None and values:
        raise ctx.fail(head[0][0], "readings.time.unreadable_column", column=column, value=str(values[0]))
    if timer.ambiguous:
        ctx.warn(Message("readings.time.order_assumed", {"column": column, "order": order_word(timer.order)}))
    ctx.options["time_pattern"] = pattern
    ctx.options["time_column"] = column
    return timer


def _long_rows(rows: TableRows, header_line: int, ctx: ImportContext, layout: Layout, timer: TimeParser,
               decimal_comma: bool):
    """Long form, the bulk path: kept flat (no per-row helper calls in the common case) for speed."""
    with rows.numbered(skip_to_line=header_line) as data:
        roles = layout.roles
        combine = bool(roles.pop("_combine"))
        ti, vi = roles["time"], roles["value"]
        fi = roles.get("status")
        lat, lon, alt = roles.get("lat"), roles.get("lon"), roles.get("alt")
        positions = lat is not None or lon is not None or alt is not None
        narrow = fi is None and not positions  # (series_id, line, t, value-or-"!flag"): see storage.MARKER
        plain = narrow
        key_of = itemgetter(*(roles[r] for r in ("pollutant", "unit", "serial") if r in roles))
        key_roles = [r for r in ("pollutant", "unit", "serial") if r in roles]
        width = layout.width()
        problems = RowProblems(ctx, layout.header)
        ids: dict = {}  # key -> (series id, running statistics)
        ctx.keeps_stats = True
        parse_time = timer.parse
        last_text: object = None
        t: float | None = None
        for row, line in data:
            if len(row) < width:
                if not _blank(row):
                    problems.bad(line, Message("readings.rows.short", {"got": len(row), "want": width}), row)
                continue
            text = _time_value(row, roles, combine) if combine else row[ti]
            if text != last_text:
                t, last_text = parse_time(text), text
            if t is None:
                problems.bad(line, Message("readings.rows.bad_time", {"value": str(text).strip()}), row)
                last_text = None
                continue
            if problems.pending:
                problems.good()
            entry = ids.get(key_of(row))
            if entry is None:
                key = key_of(row)
                sid = _declare_long(ctx, layout, key if len(key_roles) > 1 else (key,), key_roles)
                entry = ids[key] = (sid, ctx.stats.setdefault(sid, SeriesStats(line)))
            sid, acc = entry
            raw = row[vi]
            try:
                value = float(raw)
            except (ValueError, TypeError):
                value = None
            if plain and value is not None and 0.0 <= value < 1e300:
                # the bulk case (a plain non-negative number, no status or position columns), inlined
                acc.last_line = line
                acc.n += 1
                acc.total += value
                if value < acc.lo:
                    acc.lo = value
                if value > acc.hi:
                    acc.hi = value
                if t < acc.t0:
                    acc.t0 = t
                if t > acc.t1:
                    acc.t1 = t
                yield (sid, line, t, value)
                continue
            if value is not None and 0.0 <= value < 1e300:
                ok, flag = 1, None
            else:
                value, flag = parse_value(raw, decimal_comma)
                ok = int(value is not None)
                if flag and flag.startswith("unparsed"):
                    ctx.row_warn(line, "readings.rows.bad_number", value=str(raw).strip(), column=layout.header[vi])
            if fi is not None:
                ok, flag = _merge_status(ok, flag, row[fi])
            # SeriesStats.add, inlined: this loop runs once per row of a million-row file
            acc.last_line = line
            if ok:
                acc.n += 1
                acc.total += value
                if value < acc.lo:
                    acc.lo = value
                if value > acc.hi:
                    acc.hi = value
            else:
                acc.flagged += 1
            if t < acc.t0:
                acc.t0 = t
            if t > acc.t1:
                acc.t1 = t
            if narrow:
                yield (sid, line, t, value if ok else MARKER + (flag or "unparsed"))
            elif positions:
                yield (sid, line, t, value, ok, flag, None, None, _num(row, lat), _num(row, lon), _num(row, alt))
            else:
                yield (sid, line, t, value, ok, flag)
        problems.finish(sum(acc.n + acc.flagged for _sid, acc in ids.values()))  # one sample per good row
        ctx.settle_time_basis(timer, ctx.options.get("time_column", ""))


def _declare_long(ctx: ImportContext, layout: Layout, key: tuple, key_roles: list[str]) -> int:
    parts = dict(zip(key_roles, (str(k).strip() for k in key), strict=True))
    name, unit_text, serial = parts["pollutant"], parts.get("unit", ""), parts.get("serial", "")
    if not unit_text:
        name_only, unit_text = split_name_unit(name)  # 'CO(ppm)' in the pollutant column
        name = name_only or name
    code = pollutants.match(name) or name or "?"
    if not pollutants.match(name):
        ctx.warn(Message("readings.columns.unknown_pollutant", {"name": name}))
    unit = normalize_unit(unit_text) or layout.fixed_unit
    if not unit:
        ctx.warn(Message("readings.columns.no_unit_long", {"name": name}))
    instrument = dict(ctx.options.get("instrument") or {})
    serial = serial or instrument.pop("serial", "")
    instrument.pop("serial", None)
    return ctx.declare(SeriesMeta(code, unit, pollutants.statistic(name) or "instantaneous", sensor=name,
                                  serial=serial, meta={"column": name}, **instrument))


def _wide_rows(data, ctx: ImportContext, layout: Layout, timer: TimeParser, decimal_comma: bool,
               instrument: dict[str, str] | None = None):
    roles = layout.roles
    combine = bool(roles.pop("_combine"))
    fi, si = roles.get("status"), roles.get("serial")
    lat, lon, alt = roles.get("lat"), roles.get("lon"), roles.get("alt")
    positions = lat is not None or lon is not None or alt is not None
    width = layout.width()
    problems = RowProblems(ctx, layout.header)
    series: dict[str, list[tuple[int, int]]] = {}
    for line, row in data:
        if len(row) < width:
            if _blank(row):
                continue
            problems.bad(line, Message("readings.rows.short", {"got": len(row), "want": width}), row)
            continue
        text = _time_value(row, roles, combine)
        t = timer.parse(text)
        if t is None:
            problems.bad(line, Message("readings.rows.bad_time", {"value": str(text).strip()}), row)
            continue
        problems.good()
        serial = str(row[si]).strip() if si is not None else ""
        if serial not in series:
            series[serial] = [(c.index, _declare_wide(ctx, c, serial, instrument or {})) for c in layout.columns]
        status = row[fi] if fi is not None else None
        where = (None, None, _num(row, lat), _num(row, lon), _num(row, alt)) if positions else ()
        for index, sid in series[serial]:
            value, flag = parse_value(row[index], decimal_comma)
            ok = int(value is not None)
            if status is not None:
                ok, flag = _merge_status(ok, flag, status)
            yield (sid, line, t, value, ok, flag, *where)
    problems.finish()
    ctx.settle_time_basis(timer, ctx.options.get("time_column", ""))


def _declare_wide(ctx: ImportContext, column, serial: str, instrument: dict[str, str]) -> int:
    instrument = dict(instrument)
    serial = serial or instrument.pop("serial", "")
    instrument.pop("serial", None)
    unit = column.unit
    if column.pollutant == "RH" and unit == "%":
        unit = "%RH"
    if not unit and column.pollutant not in ("TEMP",):
        ctx.warn(Message("readings.columns.no_unit", {"column": column.header, "pollutant": column.pollutant}))
    return ctx.declare(SeriesMeta(column.pollutant, unit, column.statistic, sensor=column.header, serial=serial,
                                  meta={"column": column.header, "column_index": column.index + 1}, **instrument))


def _merge_status(ok: int, flag: str | None, status: object) -> tuple[int, str | None]:
    status_ok, word = status_flag(status)
    if word is None:
        return ok, flag
    return ok and status_ok, word if flag is None else f"{flag};{word}"


def _num(row: list, index: int | None) -> float | None:
    if index is None:
        return None
    value, _ = parse_value(row[index])
    return value if value is not None or is_empty(row[index]) else None


def _blank(row: list) -> bool:
    return all(is_empty(c) for c in row)


__all__ = ["NAME", "DESCRIPTION", "sniff", "read", "role_of"]
