"""Facts for the 免罚清单 pre-check taken from an inspection's instrument readings (hourly means against
the outlet's limits): how many pollutants exceeded, the worst hourly 超标倍数, the most exceeding hours in
one natural day. Portable readings are screening data: the officer confirms before relying on them."""

from __future__ import annotations

import sqlite3
from typing import Any

import sqlite_utils

from eco_field.errors import NotFound

SCREENING = "现场监测数据（筛查性质，仅用于免罚预检，以监测机构报告为准）"
LABELS = {"exceed_pollutants": "超标污染物项数", "exceed_multiple": "最大小时均值超标倍数",
          "exceed_hours": "自然日内最多超标小时数"}


def facts_from_readings(db: sqlite_utils.Database, inspection_id: str) -> dict[str, str]:
    """{} when the inspection has no readings above a limit (or the readings area is not installed)."""
    try:
        from eco_field.readings import service
    except ImportError:
        return {}
    try:
        series = service.list_series(db, inspection_id)
    except (NotFound, sqlite3.OperationalError):
        return {}
    exceeding = [s for s in series if (s.get("evaluation") or {}).get("hourly_exceeding")]
    if not exceeding:
        return {}
    waivers = [s["evaluation"].get("first_violation_waiver") or {} for s in exceeding]
    return {
        "exceed_pollutants": str(len({s["pollutant"] for s in exceeding})),
        "exceed_multiple": _max(w.get("max_hourly_exceed_multiple") for w in waivers),
        "exceed_hours": _max(w.get("max_exceeding_hours_per_day") for w in waivers),
    }


def _max(values: Any) -> str:
    present = [float(v) for v in values if v is not None]
    return f"{max(present):g}" if present else "0"
