"""Exceedance against an outlet's limits, the way the bureau's decisions compute it.

For each series whose pollutant has a limit at the outlet (a PM limit covers PM10 and particulates; NOx
covers NO2 and NO, expressed as NO2): values are converted to the limit's unit (ppm -> mg/m³ at the
standard state), corrected to the reference O2 with the O2 measured in the same file at the same time,
then counted against the limit. Hourly means of the converted values give the hourly 超标倍数 and the
Shanxi 首违不罚 screen (hourly multiple < 0.1 and ≤ 4 exceeding hours in a natural day). These are on-site
screening readings, not a certified monitoring result (监测机构 report or CEMS hourly data).
"""

from __future__ import annotations

import math
from collections import defaultdict
from datetime import datetime
from typing import Any

import sqlite_utils

from eco_field.messages import Message, Term, language
from eco_field.readings import exceedance, pollutants, storage
from eco_field.readings.timeparse import zone_of
from eco_field.readings.units import conversion_factor, exceed_multiple, o2_correct
from eco_field.records import Limit, Outlet

SCREENING_NOTE = "现场快速检测（筛查）读数，非监测机构出具的监测结果，不能单独作为超标处罚依据"
WAIVER_MULTIPLE = 0.1
DIMENSIONLESS = exceedance.DIMENSIONLESS
AMBIENT_O2 = 19.0
WAIVER_HOURS_PER_DAY = 4


def describe(limit: Limit) -> str:
    """'50 mg/m³', '≥5 mg/L' (a minimum), '6–9' (a range): how a limit reads on screen and paper."""
    unit = f" {limit.unit}" if limit.unit else ""
    if limit.kind == "min":
        return f"≥{limit.limit:g}{unit}"
    if limit.kind == "range" and limit.low is not None and limit.high is not None:
        return f"{limit.low:g}–{limit.high:g}{unit}"
    return f"{limit.limit:g}{unit}"


def limit_code(limit: Limit) -> str:
    """The canonical code of a limit's pollutant: 'do', '溶解氧', 'pH', 'ph' all name the same series."""
    return pollutants.canonical(limit.pollutant) or limit.pollutant.strip()


def limit_for(outlet: Outlet, pollutant: str) -> Limit | None:
    """The outlet's limit that applies to a series of this code (case and aliases do not matter)."""
    by_code = {limit_code(lim).upper(): lim for lim in outlet.limits}
    for code in pollutants.limit_pollutants(pollutant):
        found = by_code.get(code.upper())
        if found is not None:
            return found
    return None


def evaluate_source(db: sqlite_utils.Database, source_id: str, outlet: Outlet, warnings: list) -> None:
    series = storage.series_rows(db, "source_id = ?", [source_id])
    present = {row["pollutant"] for row in series}
    used = {id(limit_for(outlet, p)) for p in present}
    for lim in outlet.limits:
        if id(lim) not in used:  # said, never silently ignored: the file may lack the parameter or name it oddly
            warnings.append(Message("readings.limits.no_series", {"outlet": outlet.code, "pollutant": lim.pollutant}))
    if limit_for(outlet, "NOx") and "NOx" not in present and present & {"NO", "NO2"}:
        warnings.append(Message("readings.limits.nox_not_summed"))
    exceeding: set[str] = set()
    results: dict[int, dict[str, Any]] = {}
    for row in series:
        limit = limit_for(outlet, row["pollutant"])
        if limit is None or row["pollutant"] == "O2":
            continue
        result = _evaluate(db, row, limit, _o2_series(series, row), warnings, outlet)
        results[row["id"]] = result
        if result["evaluation"].get("hourly_exceeding"):
            exceeding.add(row["pollutant"])
    for series_id, result in results.items():
        waiver = result["evaluation"].get("first_violation_waiver")
        if waiver and waiver.get("could_apply") and len(exceeding) > 1:
            waiver.update(could_apply=False, reason="more than one pollutant exceeds: " + ", ".join(sorted(exceeding)),
                          pollutants_exceeding=sorted(exceeding))  # what the officer's language is rendered from
        storage.save_evaluation(db, series_id, result)


def _o2_series(series: list[dict[str, Any]], row: dict[str, Any]) -> dict[str, Any] | None:
    candidates = [s for s in series if s["pollutant"] == "O2" and s["unit"] in ("%VOL", "%") and s["n"]]
    same = [s for s in candidates if s["serial"] == row["serial"] and s["statistic"] == row["statistic"]]
    return (same or candidates or [None])[0]


def _evaluate(db: sqlite_utils.Database, row: dict[str, Any], limit: Limit, o2: dict[str, Any] | None,
              warnings: list[str], outlet: Outlet) -> dict[str, Any]:
    label = f"{row['pollutant']} ({row['sensor'] or row['unit']})"
    as_gas = "NO2" if row["pollutant"] in ("NO", "NOx") else row["pollutant"]
    limit_unit = "" if limit.unit.strip().lower() in DIMENSIONLESS else limit.unit
    factor = conversion_factor(as_gas, row["unit"], limit_unit) if limit_unit or row["unit"] else 1.0
    evaluation: dict[str, Any] = {"outlet": outlet.code, "standard": limit.standard, "note": SCREENING_NOTE,
                                  "factor": factor, "o2_series_id": None, "kind": limit.kind, "low": limit.low,
                                  "high": limit.high}
    result = {"limit_value": limit.limit, "limit_unit": limit.unit, "o2_ref": limit.o2_ref, "evaluation": evaluation}
    if factor is None:
        warnings.append(Message("readings.limits.unit_mismatch", {"series": label, "unit": row["unit"] or "—",
                                                                  "limit_unit": limit.unit}))
        return result
    o2_values: dict[float, float] | None = None
    if limit.o2_ref is not None:
        if o2 is None:
            warnings.append(Message("readings.limits.no_o2", {"series": label, "o2_ref": limit.o2_ref}))
        else:
            o2_values = storage.values_by_time(db, o2)
            evaluation["o2_series_id"] = o2["id"]
    evaluation["o2_corrected"] = o2_values is not None
    tally = _tally(db, row, factor, o2_values, limit, warnings, label)
    result.update(tally.counts())
    evaluation.update(tally.hourly(row["time_zone"]))
    if limit.kind != "max":
        evaluation["worst"] = tally.worst_value()
    return result


class _Tally:
    """Converted values counted as they stream past: no list of a million readings in memory.

    Which side exceeds depends on the limit's kind: above a maximum, below a minimum, outside a range. The
    超标倍数 (value − limit) / limit is defined for a maximum only. Hourly means of sound levels are energy
    means (dB are not averaged as numbers)."""

    def __init__(self, limit: Limit, sound: bool = False) -> None:
        self.limit = limit
        self.sound = sound
        self.n = self.exceed = 0
        self.top: float | None = None
        self.bottom: float | None = None
        self.buckets: dict[int, list[float]] = defaultdict(lambda: [0.0, 0, float("inf"), float("-inf")])

    def exceeds(self, value: float) -> bool:
        lim = self.limit
        return exceedance.exceeds(lim.kind, lim.limit, lim.low, lim.high, value)

    def add(self, t: float | None, value: float, limit: float | None = None) -> None:
        self.n += 1
        self.exceed += self.exceeds(value)
        if self.top is None or value > self.top:
            self.top = value
        if self.bottom is None or value < self.bottom:
            self.bottom = value
        if t is not None:
            bucket = self.buckets[int(t // 3600)]
            bucket[0] += 10.0 ** (value / 10.0) if self.sound else value
            bucket[1] += 1
            bucket[2] = min(bucket[2], t)
            bucket[3] = max(bucket[3], t)

    def worst_value(self) -> float | None:
        """The reading furthest on the wrong side: the lowest for a minimum, the furthest out for a range."""
        lim = self.limit
        if self.top is None:
            return None
        return round(exceedance.worst(lim.kind, lim.limit, lim.low, lim.high, self.bottom, self.top), 4)

    def counts(self) -> dict[str, Any]:
        if self.top is None:
            return {"exceed_count": 0, "max_converted": None, "max_exceed_multiple": None}
        multiple = round(exceed_multiple(self.top, self.limit.limit), 4) if self.limit.kind == "max" else None
        return {"exceed_count": self.exceed, "max_converted": round(self.top, 4), "max_exceed_multiple": multiple}

    def hourly(self, zone_name: str) -> dict[str, Any]:
        zone = zone_of(zone_name or "Asia/Shanghai")
        hourly = []
        for hour in sorted(self.buckets):
            total, n, first, last = self.buckets[hour]
            mean = 10.0 * math.log10(total / n) if self.sound else total / n
            start = datetime.fromtimestamp(hour * 3600, zone)
            # minutes between the first and last reading of the hour: a mean of a few minutes of screening
            # is not a CEMS hourly mean
            multiple = round(exceed_multiple(mean, self.limit.limit), 4) if self.limit.kind == "max" else None
            hourly.append({"hour": start.isoformat(timespec="minutes"), "n": n, "mean": round(mean, 4),
                           "exceed_multiple": multiple, "exceeds": self.exceeds(mean),
                           "minutes_covered": round((last - first) / 60, 1)})
        exceeding = [h for h in hourly if h["exceeds"]]
        waiver = _waiver(exceeding) if self.limit.kind == "max" and not self.sound else None
        return {"hourly": hourly, "hourly_exceeding": len(exceeding), "first_violation_waiver": waiver}


def _tally(db, row, factor, o2_values, limit: Limit, warnings, label) -> _Tally:
    tally, missing = _Tally(limit, sound=row["pollutant"] in pollutants.NOISE), 0
    for _line, t, value, *_rest in storage.samples(db, row, usable_only=True):
        c = value * factor
        if o2_values is not None:
            measured = o2_values.get(t)
            c = None if measured is None else o2_correct(c, measured, limit.o2_ref)
            if c is None:
                missing += 1
                continue
        tally.add(t, c, limit.limit)
    ambient = sum(1 for v in (o2_values or {}).values() if v > AMBIENT_O2)
    note = Message("readings.limits.o2_ambient", {"n": ambient, "o2": AMBIENT_O2})
    if ambient and note not in warnings:
        warnings.append(note)
    if missing:
        warnings.append(Message("readings.limits.o2_missing_at_time", {"series": label, "n": missing}))
    return tally


def waiver_text(waiver: dict[str, Any]) -> Message:
    """The 首违不罚 screen of a series in the interface language (its stored "reason" is the API's English)."""
    if waiver.get("could_apply") is None:
        return Message("readings.waiver.none")
    if waiver.get("pollutants_exceeding"):
        names = [pollutants.label(p) for p in waiver["pollutants_exceeding"]]
        return Message("readings.waiver.several", {"pollutants": ("、" if language() == "zh_CN" else ", ").join(names)})
    return Message("readings.waiver.screen", {
        "verdict": Term("readings.waiver.may_apply" if waiver["could_apply"] else "readings.waiver.not_apply"),
        "worst": waiver.get("max_hourly_exceed_multiple"), "hours": waiver.get("max_exceeding_hours_per_day"),
        "multiple": WAIVER_MULTIPLE, "max_hours": WAIVER_HOURS_PER_DAY})


def _waiver(exceeding: list[dict[str, Any]]) -> dict[str, Any]:
    """Shanxi 首违不罚 (air exceedance): hourly multiple < 0.1 and ≤ 4 h of exceedance in any natural day."""
    if not exceeding:
        return {"could_apply": None, "reason": "no hourly mean above the limit"}
    per_day: dict[str, int] = defaultdict(int)
    for h in exceeding:
        per_day[h["hour"][:10]] += 1
    worst = max(h["exceed_multiple"] for h in exceeding)
    busiest = max(per_day.values())
    could = worst < WAIVER_MULTIPLE and busiest <= WAIVER_HOURS_PER_DAY
    reason = (f"max hourly 超标倍数 {worst} ({'<' if worst < WAIVER_MULTIPLE else '≥'} 0.1), "
              f"at most {busiest} exceeding hours in a day ({'≤' if busiest <= WAIVER_HOURS_PER_DAY else '>'} 4)")
    return {"could_apply": could, "reason": reason, "max_hourly_exceed_multiple": worst,
            "max_exceeding_hours_per_day": busiest,
            "also_required": "非有毒有害污染物、仅一项因子超标、初次违法且责令后及时改正（由执法人员认定）"}
