"""SQL for readings: sources, series, samples (streamed in), statistics, mapping profiles.

All writes run inside the caller's write_transaction; the service audits them.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable, Iterator
from itertools import chain, islice
from typing import Any

import sqlite_utils

from eco_field.clock import utc_now
from eco_field.errors import NotFound
from eco_field.messages import Message
from eco_field.readings import noise
from eco_field.readings.model import ImportContext, Sample, SeriesMeta
from eco_field.readings.pollutants import NOISE
from eco_field.readings.timeparse import iso

SAMPLE_COLUMNS = ("series_id", "line", "t", "value", "ok", "flag", "seg", "label", "lat", "lon", "alt")
# Sample tuples come in three widths: 11 (all columns), 6 (series_id, line, t, value, ok, flag) and, on the
# bulk long-form path, 4 (series_id, line, t, value) where an unusable value arrives as the text "!" + flag
# and one pass of SQL afterwards sets ok/flag (binding fewer parameters is most of the speed-up).
MARKER = "!"


# Rows per INSERT statement: one statement carries many rows (VALUES (...), (...), ...), which halves the
# SQLite side of a bulk import (one step/reset and one statement dispatch per group instead of per row).
# 990 parameters stays under the old SQLITE_MAX_VARIABLE_NUMBER of 999.
MAX_PARAMETERS = 990


def _insert_sql(width: int, rows: int = 1) -> str:
    if width == 4:  # the bulk path: ok is 1 until the flag pass says otherwise
        head, one = "INSERT INTO reading_samples (series_id, line, t, value, ok) VALUES ", "(?, ?, ?, ?, 1)"
    else:
        head = f"INSERT INTO reading_samples ({', '.join(SAMPLE_COLUMNS[:width])}) VALUES "
        one = f"({', '.join('?' * width)})"
    return head + ", ".join([one] * rows)


def _insert_all(db: sqlite_utils.Database, width: int, samples: Iterator[Sample]) -> None:
    """Insert every sample (all of one width), many rows per statement, streaming: memory stays flat."""
    per = max(1, MAX_PARAMETERS // width)
    groups = iter(lambda: list(islice(samples, per)), [])
    full = _insert_sql(width, per)
    flat = chain.from_iterable
    last: list = []

    def full_groups() -> Iterator[tuple]:
        nonlocal last
        for group in groups:
            if len(group) < per or set(map(len, group)) != {width}:
                last = group  # the tail; or a group holding a sample of another width, which the row by
                return  # row insert below refuses (a flattened group would silently shift the columns)
            yield tuple(flat(group))

    db.conn.executemany(full, full_groups())
    if last:
        db.conn.executemany(_insert_sql(width), last)


SERIES_FIELDS = ("id", "uuid", "source_id", "inspection_id", "position", "pollutant", "sensor", "statistic", "unit",
                 "make", "model", "serial", "time_zone", "n", "flagged", "t_start", "t_end", "min", "max", "mean",
                 "limit_value", "limit_unit", "o2_ref", "exceed_count", "max_converted", "max_exceed_multiple",
                 "evaluation_json", "meta_json")


def find_source(db: sqlite_utils.Database, inspection_id: str, sha256: str) -> dict[str, Any] | None:
    row = db.execute("SELECT id, format, outlet_code, warnings_json, original_name FROM reading_sources"
                     " WHERE inspection_id = ? AND sha256 = ?", [inspection_id, sha256]).fetchone()
    if row is None:
        return None
    return {"id": row[0], "format": row[1], "outlet_code": row[2],
            "warnings": [message_of(w) for w in json.loads(row[3])],
            "original_name": row[4]}


def insert_source(db: sqlite_utils.Database, inspection_id: str, evidence_id: str, sha256: str, name: str,
                  fmt: str, outlet_code: str | None) -> str:
    source_id = str(uuid.uuid4())
    db.execute("INSERT INTO reading_sources (id, inspection_id, evidence_id, sha256, original_name, format,"
               " outlet_code, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
               [source_id, inspection_id, evidence_id, sha256, name, fmt, outlet_code, utc_now()])
    return source_id


def finish_source(db: sqlite_utils.Database, source_id: str, options: dict[str, Any], warnings: list,
                  outlet_code: str | None) -> None:
    """Warnings are kept with the source: a Message as {"code", "params", "message"} (rendered again in the
    reader's language), a legacy sentence as a string."""
    stored = [w.as_json() if isinstance(w, Message) else str(w) for w in warnings]
    db.execute("UPDATE reading_sources SET options_json = ?, warnings_json = ?, outlet_code = ? WHERE id = ?",
               [json.dumps(options, ensure_ascii=False, default=str), json.dumps(stored, ensure_ascii=False),
                outlet_code, source_id])


def message_of(item: Any) -> Message | str:
    """A stored warning back as a Message (nested messages in its parameters too), or the sentence."""
    if isinstance(item, dict) and "code" in item:
        return Message(item["code"], {k: message_of(v) for k, v in (item.get("params") or {}).items()})
    return item


def insert_series(db: sqlite_utils.Database, source_id: str, inspection_id: str, position: int,
                  meta: SeriesMeta, time_zone: str) -> int:
    cursor = db.execute(
        "INSERT INTO reading_series (uuid, source_id, inspection_id, position, pollutant, sensor, statistic, unit,"
        " make, model, serial, time_zone, meta_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [str(uuid.uuid4()), source_id, inspection_id, position, meta.pollutant, meta.sensor, meta.statistic,
         meta.unit, meta.make, meta.model, meta.serial, time_zone, json.dumps(meta.meta, ensure_ascii=False)])
    return cursor.lastrowid


def put_synced(db: sqlite_utils.Database, source_id: str, evidence_id: str, p: dict[str, Any]) -> None:
    """A readings source and its series' summary rows as the device pushed them (each series as
    readings.present.series_json gives it, without the samples), into a throwaway workspace
    (bureau/office/synced_records.py): not audited."""
    db.execute("INSERT INTO reading_sources (id, inspection_id, evidence_id, sha256, original_name, format, outlet_code,"
               " options_json, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
               [source_id, p["inspection_id"], evidence_id, p["sha256"], p.get("original_name") or "", p["format"],
                p.get("outlet"), json.dumps(p.get("options") or {}, ensure_ascii=False), utc_now()])
    columns = SERIES_FIELDS[1:]  # the id is the database's
    insert = f"INSERT INTO reading_series ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
    for position, x in enumerate(p.get("series") or []):
        row = _synced_series_row(source_id, p["inspection_id"], position, x)
        db.execute(insert, [row[c] for c in columns])


def _synced_series_row(source_id: str, inspection_id: str, position: int, x: dict[str, Any]) -> dict[str, Any]:
    device = x.get("instrument") or {}
    meta = {**(x.get("meta") or {}), "lines": x.get("source_lines")}
    return {"uuid": x.get("uuid") or f"{source_id}-{position}", "source_id": source_id,
            "inspection_id": inspection_id, "position": position, "pollutant": x.get("pollutant") or "",
            "sensor": x.get("sensor") or "", "statistic": x.get("statistic") or "", "unit": x.get("unit") or "",
            "make": device.get("make") or "", "model": device.get("model") or "", "serial": device.get("serial") or "",
            "time_zone": x.get("time_zone") or "", "n": x.get("n") or 0, "flagged": x.get("flagged") or 0,
            "t_start": x.get("t_start"), "t_end": x.get("t_end"), "min": x.get("min"), "max": x.get("max"),
            "mean": x.get("mean"), "limit_value": x.get("limit"), "limit_unit": x.get("limit_unit"),
            "o2_ref": x.get("o2_ref"), "exceed_count": x.get("exceed_count"), "max_converted": x.get("max_converted"),
            "max_exceed_multiple": x.get("max_exceed_multiple"),
            "evaluation_json": json.dumps(x.get("evaluation") or {}, ensure_ascii=False),
            "meta_json": json.dumps(meta, ensure_ascii=False)}


INF = float("inf")


class SeriesStats:
    """Running statistics of one series, kept while its samples stream past (cheaper than a GROUP BY).
    lo/hi/t0/t1 start at ±inf so the hot loops compare without None checks."""

    __slots__ = ("n", "flagged", "total", "lo", "hi", "t0", "t1", "first_line", "last_line")

    def __init__(self, line: int) -> None:
        self.n = self.flagged = 0
        self.total = 0.0
        self.lo = self.t0 = INF
        self.hi = self.t1 = -INF
        self.first_line = self.last_line = line

    def add(self, line: int, t: float | None, value: float | None, ok: int) -> None:
        self.last_line = line
        if ok:
            self.n += 1
            self.total += value
            if value < self.lo:
                self.lo = value
            if value > self.hi:
                self.hi = value
        else:
            self.flagged += 1
        if t is not None:
            if t < self.t0:
                self.t0 = t
            if t > self.t1:
                self.t1 = t


def _finite(value: float) -> float | None:
    return None if value in (INF, -INF) else value


def _accumulate(samples: Iterator[Sample], ctx: ImportContext) -> Iterator[Sample]:
    """Statistics of each series as its samples pass; an unreadable number is warned about with its row
    (every importer off the bulk path flags it "unparsed:<text>")."""
    stats = ctx.stats
    get = stats.get
    for sample in samples:
        acc = get(sample[0])
        if acc is None:
            acc = stats[sample[0]] = SeriesStats(sample[1])
        acc.add(sample[1], sample[2], sample[3], sample[4])
        flag = sample[5]
        if flag is not None and flag.startswith("unparsed:"):
            meta = ctx.series.get(sample[0])
            ctx.row_warn(sample[1], "readings.rows.bad_number", value=flag.split(";")[0][9:],
                         column=meta.sensor if meta else "")
        yield sample


def insert_samples(db: sqlite_utils.Database, source_id: str, samples: Iterable[Sample],
                   ctx: ImportContext) -> dict[int, SeriesStats]:
    """Stream samples in (executemany pulls the generator row by row, so memory stays flat), record the
    rowid range they occupy on the source, and return each series' statistics. An importer on the bulk
    path keeps them itself in ctx.stats (ctx.keeps_stats); for the others they are gathered here."""
    iterator = iter(samples)
    first_sample = next(iterator, None)
    if first_sample is None:
        return ctx.stats
    if not ctx.keeps_stats:
        iterator = _accumulate(chain((first_sample,), iterator), ctx)
        first_sample = next(iterator)
    first = db.execute("SELECT coalesce(max(id), 0) + 1 FROM reading_samples").fetchone()[0]
    _insert_all(db, len(first_sample), chain((first_sample,), iterator))
    last = db.execute("SELECT max(id) FROM reading_samples").fetchone()[0]
    if len(first_sample) == 4 and any(acc.flagged or acc.lo < 0 for acc in ctx.stats.values()):
        db.execute("UPDATE reading_samples SET ok = CASE WHEN typeof(value) = 'text' THEN 0 ELSE 1 END,"
                   " flag = CASE WHEN typeof(value) = 'text' THEN substr(value, 2) ELSE 'negative' END,"
                   " value = CASE WHEN typeof(value) = 'text' THEN NULL ELSE value END"
                   " WHERE id BETWEEN ? AND ? AND (typeof(value) = 'text' OR value < 0)", [first, last])
    db.execute("UPDATE reading_sources SET sample_first = ?, sample_last = ? WHERE id = ?", [first, last, source_id])
    return ctx.stats


def _range(db: sqlite_utils.Database, source_id: str) -> tuple[int, int]:
    row = db.execute("SELECT sample_first, sample_last FROM reading_sources WHERE id = ?", [source_id]).fetchone()
    return (row[0], row[1]) if row and row[0] is not None else (0, -1)


def save_statistics(db: sqlite_utils.Database, source_id: str, stats: dict[int, SeriesStats]) -> None:
    """n, flagged, time range, min/max/mean of usable samples and the source line range, per series."""
    for series_id, zone, meta_json in db.execute(
            "SELECT id, time_zone, meta_json FROM reading_series WHERE source_id = ?", [source_id]).fetchall():
        acc = stats.get(series_id) or SeriesStats(0)
        meta = json.loads(meta_json)
        meta["lines"] = [acc.first_line, acc.last_line] if series_id in stats else None
        mean = acc.total / acc.n if acc.n else None
        if acc.n and _is_sound_level(db, series_id):
            meta["noise"] = noise.summary(_usable(db, source_id, series_id), zone)
            mean = meta["noise"]["leq"]  # sound levels average as energy, not as numbers
        db.execute("UPDATE reading_series SET n = ?, flagged = ?, t_start = ?, t_end = ?, min = ?, max = ?, mean = ?,"
                   " meta_json = ? WHERE id = ?",
                   [acc.n, acc.flagged, iso(_finite(acc.t0), zone), iso(_finite(acc.t1), zone), _finite(acc.lo),
                    _finite(acc.hi),
                    mean, json.dumps(meta, ensure_ascii=False), series_id])


def _is_sound_level(db: sqlite_utils.Database, series_id: int) -> bool:
    pollutant, unit = db.execute("SELECT pollutant, unit FROM reading_series WHERE id = ?", [series_id]).fetchone()
    return pollutant in NOISE or unit in ("dB", "dB(A)", "dB(C)")


def _usable(db: sqlite_utils.Database, source_id: str, series_id: int) -> Iterator[tuple[float, float]]:
    first, last = _range(db, source_id)
    yield from db.execute("SELECT t, value FROM reading_samples WHERE id BETWEEN ? AND ? AND series_id = ?"
                          " AND ok = 1 AND value IS NOT NULL", [first, last, series_id])


def series_rows(db: sqlite_utils.Database, where: str, params: list[Any]) -> list[dict[str, Any]]:
    rows = db.execute(f"SELECT {', '.join(SERIES_FIELDS)} FROM reading_series WHERE {where}"
                      " ORDER BY inspection_id, source_id, position", params).fetchall()
    return [dict(zip(SERIES_FIELDS, row, strict=True)) for row in rows]


def series_row(db: sqlite_utils.Database, series_id: int | str) -> dict[str, Any]:
    text = str(series_id).strip()
    rows = series_rows(db, "id = ?" if text.isdigit() else "uuid = ?", [int(text) if text.isdigit() else text])
    if not rows:
        raise NotFound("readings.no_series", id=str(series_id))
    return rows[0]


def samples(db: sqlite_utils.Database, row: dict[str, Any], usable_only: bool = False) -> Iterator[tuple]:
    """(line, t, value, ok, flag, seg, label, lat, lon, alt) of one series, in file order."""
    first, last = _range(db, row["source_id"])
    where = "id BETWEEN ? AND ? AND series_id = ?" + (" AND ok = 1" if usable_only else "")
    yield from db.execute(f"SELECT {', '.join(SAMPLE_COLUMNS[1:])} FROM reading_samples WHERE {where} ORDER BY id",
                          [first, last, row["id"]])


def values_by_time(db: sqlite_utils.Database, row: dict[str, Any]) -> dict[float, float]:
    first, last = _range(db, row["source_id"])
    return {t: v for t, v in db.execute(
        "SELECT t, value FROM reading_samples WHERE id BETWEEN ? AND ? AND series_id = ? AND ok = 1"
        " AND t IS NOT NULL", [first, last, row["id"]])}


def save_evaluation(db: sqlite_utils.Database, series_id: int, values: dict[str, Any]) -> None:
    columns = ("limit_value", "limit_unit", "o2_ref", "exceed_count", "max_converted", "max_exceed_multiple")
    db.execute(f"UPDATE reading_series SET {', '.join(c + ' = ?' for c in columns)}, evaluation_json = ?"
               " WHERE id = ?", [*(values.get(c) for c in columns),
                                 json.dumps(values.get("evaluation", {}), ensure_ascii=False), series_id])


def put_profile(db: sqlite_utils.Database, name: str, mapping: dict[str, str]) -> None:
    db.execute("INSERT INTO reading_profiles (name, mapping_json, updated_at) VALUES (?, ?, ?)"
               " ON CONFLICT(name) DO UPDATE SET mapping_json = excluded.mapping_json, updated_at = excluded.updated_at",
               [name, json.dumps(mapping, ensure_ascii=False), utc_now()])


def get_profile(db: sqlite_utils.Database, name: str) -> dict[str, str] | None:
    row = db.execute("SELECT mapping_json FROM reading_profiles WHERE name = ?", [name]).fetchone()
    return None if row is None else json.loads(row[0])


def profile_names(db: sqlite_utils.Database) -> list[str]:
    return [r[0] for r in db.execute("SELECT name FROM reading_profiles ORDER BY name")]
