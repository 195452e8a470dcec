"""SQL for readings: sources, series, samples (streamed in), statistics, mapping profiles.

All writes run inside the caller's write_transaction; the service audits them.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable, Iterator
from typing import Any

import sqlite_utils

from eco_field.clock import utc_now
from eco_field.errors import NotFound
from eco_field.readings.model import Sample, SeriesMeta
from eco_field.readings.timeparse import iso

SAMPLE_COLUMNS = ("series_id", "line", "t", "value", "ok", "flag", "seg", "label", "lat", "lon", "alt")
INSERT_SAMPLE = (f"INSERT INTO reading_samples ({', '.join(SAMPLE_COLUMNS)}) "
                 f"VALUES ({', '.join('?' * len(SAMPLE_COLUMNS))})")
SERIES_FIELDS = ("id", "uuid", "source_id", "inspection_id", "position", "pollutant", "sensor", "statistic", "unit",
                 "make", "model", "serial", "time_zone", "n", "flagged", "t_start", "t_end", "min", "max", "mean",
                 "limit_value", "limit_unit", "o2_ref", "exceed_count", "max_converted", "max_exceed_multiple",
                 "evaluation_json", "meta_json")


def find_source(db: sqlite_utils.Database, inspection_id: str, sha256: str) -> dict[str, Any] | None:
    row = db.execute("SELECT id, format, outlet_code, warnings_json, original_name FROM reading_sources"
                     " WHERE inspection_id = ? AND sha256 = ?", [inspection_id, sha256]).fetchone()
    if row is None:
        return None
    return {"id": row[0], "format": row[1], "outlet_code": row[2], "warnings": json.loads(row[3]),
            "original_name": row[4]}


def insert_source(db: sqlite_utils.Database, inspection_id: str, evidence_id: str, sha256: str, name: str,
                  fmt: str, outlet_code: str | None) -> str:
    source_id = str(uuid.uuid4())
    db.execute("INSERT INTO reading_sources (id, inspection_id, evidence_id, sha256, original_name, format,"
               " outlet_code, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
               [source_id, inspection_id, evidence_id, sha256, name, fmt, outlet_code, utc_now()])
    return source_id


def finish_source(db: sqlite_utils.Database, source_id: str, options: dict[str, Any], warnings: list[str],
                  outlet_code: str | None) -> None:
    db.execute("UPDATE reading_sources SET options_json = ?, warnings_json = ?, outlet_code = ? WHERE id = ?",
               [json.dumps(options, ensure_ascii=False, default=str), json.dumps(warnings, ensure_ascii=False),
                outlet_code, source_id])


def insert_series(db: sqlite_utils.Database, source_id: str, inspection_id: str, position: int,
                  meta: SeriesMeta, time_zone: str) -> int:
    cursor = db.execute(
        "INSERT INTO reading_series (uuid, source_id, inspection_id, position, pollutant, sensor, statistic, unit,"
        " make, model, serial, time_zone, meta_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [str(uuid.uuid4()), source_id, inspection_id, position, meta.pollutant, meta.sensor, meta.statistic,
         meta.unit, meta.make, meta.model, meta.serial, time_zone, json.dumps(meta.meta, ensure_ascii=False)])
    return cursor.lastrowid


def insert_samples(db: sqlite_utils.Database, samples: Iterable[Sample]) -> None:
    """Stream samples in: executemany consumes the generator row by row, so memory stays flat."""
    db.conn.executemany(INSERT_SAMPLE, samples)


def compute_statistics(db: sqlite_utils.Database, source_id: str) -> None:
    """n, flagged, time range, min/max/mean of usable samples and the source line range, per series."""
    ids = [r[0] for r in db.execute("SELECT id FROM reading_series WHERE source_id = ?", [source_id])]
    for series_id in ids:
        n, flagged, t0, t1, lo, hi, mean, first, last = db.execute(
            "SELECT coalesce(sum(ok), 0), count(*) - coalesce(sum(ok), 0), min(t), max(t),"
            " min(CASE WHEN ok THEN value END), max(CASE WHEN ok THEN value END), avg(CASE WHEN ok THEN value END),"
            " min(line), max(line) FROM reading_samples WHERE series_id = ?", [series_id]).fetchone()
        zone = db.execute("SELECT time_zone, meta_json FROM reading_series WHERE id = ?", [series_id]).fetchone()
        meta = json.loads(zone[1])
        meta["lines"] = [first, last]
        db.execute("UPDATE reading_series SET n = ?, flagged = ?, t_start = ?, t_end = ?, min = ?, max = ?, mean = ?,"
                   " meta_json = ? WHERE id = ?",
                   [n, flagged, iso(t0, zone[0]), iso(t1, zone[0]), lo, hi, mean,
                    json.dumps(meta, ensure_ascii=False), series_id])


def series_rows(db: sqlite_utils.Database, where: str, params: list[Any]) -> list[dict[str, Any]]:
    rows = db.execute(f"SELECT {', '.join(SERIES_FIELDS)} FROM reading_series WHERE {where}"
                      " ORDER BY inspection_id, source_id, position", params).fetchall()
    return [dict(zip(SERIES_FIELDS, row, strict=True)) for row in rows]


def series_row(db: sqlite_utils.Database, series_id: int | str) -> dict[str, Any]:
    text = str(series_id).strip()
    rows = series_rows(db, "id = ?" if text.isdigit() else "uuid = ?", [int(text) if text.isdigit() else text])
    if not rows:
        raise NotFound(f"No reading series {series_id!r}")
    return rows[0]


def samples(db: sqlite_utils.Database, series_id: int, usable_only: bool = False) -> Iterator[tuple]:
    where = "series_id = ? AND ok = 1" if usable_only else "series_id = ?"
    yield from db.execute(f"SELECT {', '.join(SAMPLE_COLUMNS[1:])} FROM reading_samples WHERE {where}"
                          " ORDER BY line", [series_id])


def values_by_time(db: sqlite_utils.Database, series_id: int) -> dict[float, float]:
    return {t: v for t, v in db.execute(
        "SELECT t, value FROM reading_samples WHERE series_id = ? AND ok = 1 AND t IS NOT NULL", [series_id])}


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
