"""SQL for the evidence package: photo metadata, checks, the rows `evidence list` shows."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from typing import Any

import sqlite_utils

from eco_field.clock import utc_now
from eco_field.errors import NotFound
from eco_field.evidence.checks import CLOCK_TOLERANCE_MIN, CheckResult, Site
from eco_field.messages import Message
from eco_field.store import settings

META_COLUMNS = ("media_type", "width", "height", "taken_at", "taken_at_utc", "taken_at_raw", "time_source",
                "offset_source", "lat", "lon", "alt", "make", "model", "serial", "orientation", "gps_time_utc",
                "clock_diff_s")


def load_site(db: sqlite_utils.Database, inspection_id: str) -> Site:
    row = db.execute(
        "SELECT i.started_at, i.ended_at, e.lat, e.lon, e.radius_m FROM inspections i"
        " JOIN enterprises e ON e.id = i.enterprise_id WHERE i.id = ?", [inspection_id]).fetchone()
    if row is None:
        raise NotFound("inspection.not_found", id=inspection_id)
    started, ended, lat, lon, radius = row
    return Site(datetime.fromisoformat(started), datetime.fromisoformat(ended) if ended else None,
                timedelta(minutes=tolerance_minutes(db)), lat, lon, radius or 500.0,
                timedelta(minutes=clock_tolerance_minutes(db)))


def clock_tolerance_minutes(db: sqlite_utils.Database) -> float:
    """How far the camera clock may be from GPS time (setting photo_clock_tolerance_min, default 5)."""
    try:
        return max(0.0, float(settings.get(db, "photo_clock_tolerance_min") or CLOCK_TOLERANCE_MIN))
    except ValueError:
        return CLOCK_TOLERANCE_MIN


def tolerance_minutes(db: sqlite_utils.Database) -> float:
    try:
        return max(0.0, float(settings.get(db, "photo_time_tolerance_min")))
    except ValueError:
        return 30.0


def amendment_family(db: sqlite_utils.Database, inspection_id: str) -> set[str]:
    """The inspection, the ones it amends and the ones amending it (transitively)."""
    rows = db.execute(
        "WITH RECURSIVE up(id, amends) AS (SELECT id, amends_id FROM inspections WHERE id = ?"
        " UNION SELECT i.id, i.amends_id FROM inspections i JOIN up ON i.id = up.amends),"
        " root(id) AS (SELECT id FROM up WHERE amends IS NULL),"
        " down(id) AS (SELECT id FROM root UNION SELECT i.id FROM inspections i JOIN down ON i.amends_id = down.id)"
        " SELECT id FROM up UNION SELECT id FROM down", [inspection_id]).fetchall()
    return {r[0] for r in rows} | {inspection_id}


def duplicate_of(db: sqlite_utils.Database, inspection_id: str, sha256: str, evidence_id: str | None,
                 family: set[str]) -> list[Message]:
    """Other inspections that had these bytes as evidence before this row was made, as labels an officer
    reads (the enterprise and the day), never their ids."""
    sql = "SELECT e.inspection_id FROM evidence e WHERE e.sha256 = ? AND e.inspection_id != ?"
    params: list[Any] = [sha256, inspection_id]
    if evidence_id:
        sql += " AND e.rowid < (SELECT rowid FROM evidence WHERE id = ?)"
        params.append(evidence_id)
    return [inspection_label(db, other) for other in sorted({r[0] for r in db.execute(sql, params)} - family)]


def inspection_label(db: sqlite_utils.Database, inspection_id: str) -> Message:
    """「某某公司 2026-06-05 的检查」: how an inspection is named to an officer."""
    row = db.execute("SELECT e.name, i.started_at FROM inspections i LEFT JOIN enterprises e"
                     " ON e.id = i.enterprise_id WHERE i.id = ?", [inspection_id]).fetchone()
    if row is None:
        return Message("evidence.inspection_label", {"enterprise": "?", "date": "?"})
    return Message("evidence.inspection_label", {"enterprise": row[0] or "?", "date": (row[1] or "")[:10]})


def save_meta(db: sqlite_utils.Database, sha256: str, meta: dict[str, Any]) -> None:
    """Store a photo's metadata once per content (the first extraction is kept)."""
    values = [meta.get(c) for c in META_COLUMNS]
    drone = json.dumps(meta["drone"], ensure_ascii=False) if meta.get("drone") else None
    db.execute(
        f"INSERT OR IGNORE INTO photo_meta (sha256, {', '.join(META_COLUMNS)}, drone_json, meta_json, extracted_at)"
        f" VALUES (?, {', '.join('?' for _ in META_COLUMNS)}, ?, ?, ?)",
        [sha256, *values, drone, json.dumps(meta, ensure_ascii=False, sort_keys=True), utc_now()])


def save_checks(db: sqlite_utils.Database, evidence_id: str, result: CheckResult) -> None:
    db.execute(
        "INSERT INTO evidence_checks (evidence_id, flags_json, reasons_json, distance_m, time_diff_min, checked_at)"
        " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(evidence_id) DO UPDATE SET flags_json = excluded.flags_json,"
        " reasons_json = excluded.reasons_json, distance_m = excluded.distance_m,"
        " time_diff_min = excluded.time_diff_min, checked_at = excluded.checked_at"
        " WHERE evidence_checks.flags_json != excluded.flags_json"
        " OR evidence_checks.reasons_json != excluded.reasons_json"
        " OR evidence_checks.distance_m IS NOT excluded.distance_m"
        " OR evidence_checks.time_diff_min IS NOT excluded.time_diff_min",
        [evidence_id, json.dumps(result.flags), json.dumps(result.stored_reasons(), ensure_ascii=False,
                                                           sort_keys=True), result.distance_m,
         result.time_diff_min, utc_now()])


LIST_SQL = (
    "SELECT e.id, e.kind, e.sha256, e.original_name, b.size, e.imported_at, p.taken_at, p.taken_at_utc,"
    " p.taken_at_raw, p.lat, p.lon, p.alt, p.make, p.model, p.serial, p.orientation, p.drone_json,"
    " c.flags_json, c.reasons_json, c.distance_m, c.time_diff_min, p.width, p.height, p.media_type,"
    " p.gps_time_utc, p.clock_diff_s, p.time_source, p.offset_source, e.caption, e.derived_from, e.markup_json"
    " FROM evidence e JOIN blobs b ON b.sha256 = e.sha256"
    " LEFT JOIN photo_meta p ON p.sha256 = e.sha256 LEFT JOIN evidence_checks c ON c.evidence_id = e.id"
    " WHERE e.inspection_id = ? AND (? OR e.kind = 'photo')"
    " ORDER BY e.kind != 'photo', p.taken_at_utc IS NULL, p.taken_at_utc, e.original_name, e.rowid")


def evidence_rows(db: sqlite_utils.Database, inspection_id: str, all_kinds: bool) -> list[dict[str, Any]]:
    keys = ("id", "kind", "sha256", "original_name", "size", "imported_at", "taken_at", "taken_at_utc",
            "taken_at_raw", "lat", "lon", "alt", "make", "model", "serial", "orientation", "drone_json",
            "flags_json", "reasons_json", "distance_m", "time_diff_min", "width", "height", "media_type",
            "gps_time_utc", "clock_diff_s", "time_source", "offset_source", "caption", "derived_from", "markup_json")
    return [dict(zip(keys, row, strict=True)) for row in db.execute(LIST_SQL, [inspection_id, all_kinds])]


def inspection_status(db: sqlite_utils.Database, inspection_id: str) -> str:
    row = db.execute("SELECT status FROM inspections WHERE id = ?", [inspection_id]).fetchone()
    if row is None:
        raise NotFound("inspection.not_found", id=inspection_id)
    return row[0]
