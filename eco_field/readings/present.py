"""The JSON shapes of readings: the import result, a series, a series' samples with converted values."""

from __future__ import annotations

import json
from typing import Any

import sqlite_utils

from eco_field.messages import Message, Term
from eco_field.readings import pollutants, storage
from eco_field.readings.limits import SCREENING_NOTE
from eco_field.readings.timeparse import iso
from eco_field.readings.units import o2_correct


def _round(value: float | None, digits: int = 6) -> float | None:
    return None if value is None else round(value, digits)


def series_json(row: dict[str, Any]) -> dict[str, Any]:
    meta = json.loads(row["meta_json"] or "{}")
    evaluation = json.loads(row["evaluation_json"] or "{}")
    return {
        "id": row["id"], "pollutant": row["pollutant"], "statistic": row["statistic"], "unit": row["unit"],
        "n": row["n"], "flagged": row["flagged"], "t_start": row["t_start"], "t_end": row["t_end"],
        "min": _round(row["min"]), "max": _round(row["max"]), "mean": _round(row["mean"]),
        "limit": row["limit_value"], "limit_unit": row["limit_unit"], "o2_ref": row["o2_ref"],
        "exceed_count": row["exceed_count"], "max_converted": row["max_converted"],
        "max_exceed_multiple": row["max_exceed_multiple"],
        "uuid": row["uuid"], "sensor": row["sensor"],
        "instrument": {"make": row["make"], "model": row["model"], "serial": row["serial"]},
        "source_lines": meta.get("lines"), "time_zone": row["time_zone"], "source_id": row["source_id"],
        "inspection_id": row["inspection_id"], "meta": {k: v for k, v in meta.items() if k != "lines"},
        "evaluation": evaluation, "name": pollutants.label(row["pollutant"]),
    }


def result_json(db: sqlite_utils.Database, source_id: str, warnings: list[str], again: bool) -> dict[str, Any]:
    """The `readings import --json` shape for one stored source."""
    fmt, sha, name, evidence_id, options = db.execute(
        "SELECT format, sha256, original_name, evidence_id, options_json FROM reading_sources WHERE id = ?",
        [source_id]).fetchone()
    series = storage.series_rows(db, "source_id = ?", [source_id])
    assumptions = json.loads(options)
    basis = assumptions.get("time_basis") or {}
    return {"format": fmt, "series": [series_json(s) for s in series], "warnings": [str(w) for w in warnings],
            "source": {"id": source_id, "sha256": sha, "name": name, "evidence_id": evidence_id,
                       "assumptions": assumptions},
            "time_basis": str(time_basis_message(basis)) if basis else "",
            "already_imported": again, "screening_note": SCREENING_NOTE}


def time_basis_message(basis: dict[str, Any]) -> Message:
    """'时间依据：…' — what decided the instants of an import (said with every import)."""
    return Message("readings.time.basis", {"basis": Term("readings.time.basis." + basis.get("basis", "configured")),
                                           "zone": basis.get("zone", ""), "detail": basis.get("detail") or "—"})


def source_warnings(db: sqlite_utils.Database, source_id: str) -> list[str]:
    """The warnings kept with an imported file, in the current language (skipped rows name their line)."""
    row = db.execute("SELECT warnings_json FROM reading_sources WHERE id = ?", [source_id]).fetchone()
    return [str(storage.message_of(w)) for w in json.loads(row[0])] if row else []


def with_samples(db: sqlite_utils.Database, row: dict[str, Any]) -> list[dict[str, Any]]:
    """Every sample of the series; `converted` is in the limit's unit (O2-corrected) when a limit applies."""
    evaluation = json.loads(row["evaluation_json"] or "{}")
    factor = evaluation.get("factor")
    o2_id = evaluation.get("o2_series_id")
    o2 = storage.values_by_time(db, storage.series_row(db, o2_id)) if o2_id else None
    out = []
    for line, t, value, ok, flag, seg, label, lat, lon, alt in storage.samples(db, row):
        item = {"line": line, "t": iso(t, row["time_zone"]), "value": value, "ok": bool(ok), "flag": flag}
        if seg is not None:
            item["period"] = seg
        if label is not None:
            item["label"] = label
        if lat is not None or lon is not None:
            item.update(lat=lat, lon=lon, alt=alt)
        if factor is not None and ok and value is not None:
            converted = value * factor
            if o2 is not None:
                measured = o2.get(t)
                converted = None if measured is None else o2_correct(converted, measured, row["o2_ref"])
            item["converted"] = _round(converted)
        out.append(item)
    return out
