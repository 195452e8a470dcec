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
    facts = {"exceed_pollutants": str(len({s["pollutant"] for s in exceeding}))}
    # 超标倍数 (and the hours counted with it) are for a maximum: a DO below its minimum or a pH out of its
    # range gives no multiple, and never a "0" that would pass the 首违不罚 screen (< 0.1) unearned
    waivers = [s["evaluation"].get("first_violation_waiver") or {} for s in exceeding if _kind(s) == "max"]
    waivers = [w for w in waivers if w.get("max_hourly_exceed_multiple") is not None]
    if waivers:
        facts["exceed_multiple"] = _max(w.get("max_hourly_exceed_multiple") for w in waivers)
        facts["exceed_hours"] = _max(w.get("max_exceeding_hours_per_day") for w in waivers)
    return facts


def multiple_not_applicable(db: sqlite_utils.Database, inspection_id: str) -> list[str]:
    """Notes for the fine's working: the parameters that exceed a minimum or a range, for which 超标倍数 is
    not defined (the benchmark's multiple-based rules then rest on the officer's finding)."""
    try:
        from eco_field.readings import exceedance, service
    except ImportError:
        return []
    try:
        series = service.list_series(db, inspection_id)
    except (NotFound, sqlite3.OperationalError):
        return []
    other = [s for s in series if (s.get("evaluation") or {}).get("hourly_exceeding") and _kind(s) != "max"]
    if not other:
        return []
    names = "、".join(dict.fromkeys(f"{exceedance.chinese_name(s['pollutant'])}（{KIND_WORDS[_kind(s)]}）"
                                    for s in other))
    return [f"{names}超出标准，{exceedance.MULTIPLE_NOT_APPLICABLE}"]


KIND_WORDS = {"min": "标准下限", "range": "标准范围"}


def _kind(series: dict[str, Any]) -> str:
    return (series.get("evaluation") or {}).get("kind") or "max"


def _max(values: Any) -> str:
    present = [float(v) for v in values if v is not None]
    return f"{max(present):g}" if present else "0"
