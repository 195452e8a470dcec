"""The year's enforcement figures, from what the devices synced (office/projection.py) and the complaints
taken at the bureau (office/complaints.py). Each figure is defined once, in DEFINITIONS (also docs/OFFICE.md);
a record counts in the month and county of its own date and its enterprise's county.
"""

from __future__ import annotations

import copy
import threading
from typing import Any

from eco_field.bureau.office import projection
from eco_field.bureau.office.db import OfficeDB
from eco_field.records import COUNTIES

KEYS = ("spot_checks", "problems_found", "cases_filed", "fines_yuan", "rectification_orders",
        "immediate_rectifications", "seizures", "production_limits", "detention_transfers", "criminal_transfers",
        "complaints_received", "complaints_due", "complaints_closed_on_time")
FINE_KINDS = ("penalty-decision", "daily-penalty-decision")
SPOT_KEYS = ("cases_filed", "fines_yuan", "rectification_orders", "immediate_rectifications")
LABELS = {"spot_checks": "双随机检查（家次）", "problems_found": "发现问题（家次）", "cases_filed": "立案（件）",
          "fines_yuan": "罚款（元）", "rectification_orders": "责令改正（份）", "immediate_rectifications": "立行立改（家次）",
          "seizures": "查封扣押（件）", "production_limits": "限产停产（件）", "detention_transfers": "移送行政拘留（件）",
          "criminal_transfers": "移送涉嫌犯罪（件）", "complaints_received": "信访举报受理登记（件）",
          "complaints_due": "应办结（件）", "complaints_closed_on_time": "按期办结（件）"}
DEFINITIONS = {
    "spot_checks": "封存的检查记录中，关联任务类型为“双随机”的检查家次；同一检查的更正版本（amends）只计一次；"
                   "按检查开始日期计月。",
    "problems_found": "上述双随机检查中记录了至少一条问题（findings）的家次。",
    "cases_filed": "案件记录中有“立案”步骤（filed）且立案日期在本年的案件数，按立案日期计月。",
    "fines_yuan": "现行有效（已签发、未作废、未被替换）的行政处罚决定书和按日连续处罚决定书所载罚款金额之和"
                  "（元，作出决定的金额，非实缴），按文书签发日期计月。",
    "rectification_orders": "现行有效的责令改正违法行为决定书份数，按签发日期计月。",
    "immediate_rectifications": "封存的检查记录中至少一条问题标记为当场改正（rectified_on_site）的检查家次。",
    "seizures": "有“实施查封、扣押”步骤（seized）的案件数，按其最早日期计月（按案件计，不按文书）。",
    "production_limits": "有“责令限制生产”或“责令停产整治”步骤的案件数，按其最早日期计月。",
    "detention_transfers": "有“移送公安机关行政拘留”步骤的案件数，按移送日期计月。",
    "criminal_transfers": "有“涉嫌犯罪移送司法机关”步骤的案件数，按移送日期计月。",
    "complaints_received": "在本局登记的信访举报件数，按收到日期计月。",
    "complaints_due": "已受理、办结期限（受理之日起60日，经批准延长的按延长后）在本年的件数，按期限计月。",
    "complaints_closed_on_time": "上述应办结件中，办结日期不晚于办结期限的件数。",
}

# Each query returns (county, month, values...) rows for days in [?, ?); {county_*} adds a county filter.
# Inspections carry their county and 双随机 flag (projection.py), so the 100,000 of a year are one table's scan.
QUERIES = {
    # each chain once, by its original (an amendment always amends a sealed inspection)
    "inspections": (
        "SELECT i.county, substr(i.day, 1, 7), sum(i.spot), sum(CASE WHEN i.spot = 1 AND i.findings > 0 THEN 1"
        " ELSE 0 END), sum(CASE WHEN i.immediate > 0 THEN 1 ELSE 0 END),"
        " sum(CASE WHEN i.immediate > 0 AND i.spot = 1 THEN 1 ELSE 0 END)"
        " FROM office_fig_inspections i WHERE i.sealed = 1 AND i.amendment = 0 AND i.day >= ? AND i.day < ?"
        "{county_i} GROUP BY i.county, substr(i.day, 1, 7)"),
    # chains whose original had no finding (or none fixed on the spot) but a sealed amendment has one
    "amendments": (
        "SELECT r.county, substr(r.day, 1, 7), r.spot, count(DISTINCT CASE WHEN r.findings = 0 AND a.findings > 0"
        " THEN r.id END), count(DISTINCT CASE WHEN r.immediate = 0 AND a.immediate > 0 THEN r.id END)"
        " FROM office_fig_inspections a JOIN office_fig_inspections r ON r.id = a.chain"
        " WHERE a.amendment = 1 AND a.sealed = 1 AND r.sealed = 1 AND r.day >= ? AND r.day < ?{county_r}"
        " GROUP BY r.county, substr(r.day, 1, 7), r.spot"),
    # bureau-wide and, through the inspection they trace to, 双随机 only: one pass for both
    "events": (
        "SELECT e.county, substr(c.day, 1, 7), c.event, count(*), sum(c.spot)"
        " FROM office_fig_case_events c JOIN office_fig_enterprises e ON e.id = c.enterprise_id WHERE c.day >= ? AND c.day < ?{county} GROUP BY e.county, substr(c.day, 1, 7), c.event"),
    "documents": (
        "SELECT e.county, substr(d.day, 1, 7), d.kind, count(*), sum(d.amount_fen), sum(d.spot),"
        " sum(d.spot * d.amount_fen) FROM office_fig_documents d JOIN office_fig_enterprises e ON e.id = d.enterprise_id"
        " WHERE d.current = 1 AND d.kind IN ('penalty-decision', 'daily-penalty-decision', 'rectification-order')"
        " AND d.day >= ? AND d.day < ?{county} GROUP BY e.county, substr(d.day, 1, 7), d.kind"),
}


_CACHE: dict[tuple, dict[str, Any]] = {}  # (office, year, county, feed cursor, complaints stamp) -> figures
_CACHE_LOCK = threading.Lock()
EVENT_KEYS = {"filed": "cases_filed", "seizure": "seizures", "production": "production_limits",
              "detention": "detention_transfers", "criminal": "criminal_transfers"}


def _blank(keys: tuple[str, ...]) -> dict[str, int]:
    return dict.fromkeys(keys, 0)


class _Tally:
    def __init__(self, year: int, county: str | None, keys: tuple[str, ...]) -> None:
        self.keys = keys
        self.total = _blank(keys)
        counties = [county] if county else list(COUNTIES)
        self.by_county = {c: _blank(keys) for c in counties}
        self.by_month = {f"{year}-{m:02d}": _blank(keys) for m in range(1, 13)}

    def add(self, county: str, month: str, key: str, value: int) -> None:
        if key not in self.keys or not value:
            return
        self.total[key] += value
        self.by_county.setdefault(county or "（未知区县）", _blank(self.keys))[key] += value
        if month in self.by_month:
            self.by_month[month][key] += value


def _collect(office: OfficeDB, tally: _Tally, spot: _Tally, year: int, county: str | None) -> None:
    """Every figure group into tally (bureau-wide) and spot (only what traces to a 双随机 inspection)."""
    span = (f"{year}-01-01", f"{year + 1}-01-01")
    where = {"county": " AND e.county = ?" if county else "", "county_i": " AND i.county = ?" if county else "",
             "county_r": " AND r.county = ?" if county else ""}
    params = (*span, county) if county else span
    for c, month, checks, problems, immediate, spot_immediate in office.rows(QUERIES["inspections"].format(**where),
                                                                             params):
        for target in (tally, spot):
            target.add(c, month, "spot_checks", int(checks or 0))
            target.add(c, month, "problems_found", int(problems or 0))
        tally.add(c, month, "immediate_rectifications", int(immediate or 0))
        spot.add(c, month, "immediate_rectifications", int(spot_immediate or 0))
    for c, month, is_spot, problems, immediate in office.rows(QUERIES["amendments"].format(**where), params):
        tally.add(c, month, "immediate_rectifications", immediate)
        if is_spot:
            for target in (tally, spot):
                target.add(c, month, "problems_found", problems)
            spot.add(c, month, "immediate_rectifications", immediate)
    for c, month, event, n, n_spot in office.rows(QUERIES["events"].format(**where), params):
        tally.add(c, month, EVENT_KEYS[event], n)
        spot.add(c, month, EVENT_KEYS[event], int(n_spot or 0))
    for c, month, kind, n, fen, n_spot, fen_spot in office.rows(QUERIES["documents"].format(**where), params):
        if kind in FINE_KINDS:  # in fen until the end (exact sums)
            tally.add(c, month, "fines_yuan", int(fen or 0))
            spot.add(c, month, "fines_yuan", int(fen_spot or 0))
        else:
            tally.add(c, month, "rectification_orders", n)
            spot.add(c, month, "rectification_orders", int(n_spot or 0))


def _complaints(office: OfficeDB, tally: _Tally, year: int, county: str | None) -> None:
    span = (f"{year}-01-01", f"{year + 1}-01-01")
    where, extra = (" AND county = ?", (county,)) if county else ("", ())
    for c, month, n in office.rows("SELECT county, substr(received_on, 1, 7), count(*) FROM office_complaints"
                                   f" WHERE received_on >= ? AND received_on < ?{where}"
                                   " GROUP BY county, substr(received_on, 1, 7)", (*span, *extra)):
        tally.add(c, month, "complaints_received", n)
    for c, month, due, on_time in office.rows(
            "SELECT county, substr(close_due, 1, 7), count(*), sum(CASE WHEN closed_on IS NOT NULL AND closed_on <="
            f" close_due THEN 1 ELSE 0 END) FROM office_complaints WHERE close_due >= ? AND close_due < ?{where}"
            " GROUP BY county, substr(close_due, 1, 7)", (*span, *extra)):
        tally.add(c, month, "complaints_due", due)
        tally.add(c, month, "complaints_closed_on_time", int(on_time or 0))


def _yuan(values: dict[str, int]) -> dict[str, Any]:
    if "fines_yuan" in values:
        values["fines_yuan"] = round(values["fines_yuan"] / 100, 2)
    return values


def figures(office: OfficeDB, year: int, county: str | None = None) -> dict[str, Any]:
    """{year, county, <each key>: total, by_county: {county: {key: n}}, by_month: {"YYYY-MM": {key: n}},
    of_spot_checks: {cases_filed, fines_yuan, rectification_orders, immediate_rectifications}, labels,
    definitions}. Amounts are summed in fen and given in yuan (2 decimals)."""
    projection.catch_up(office)
    stamp = (id(office), year, county, *office.one("SELECT seq FROM office_feed_cursor WHERE name = ?",
                                                    (projection.CURSOR,)),
             *office.one("SELECT count(*), max(updated_at), sum(extension_days), count(accepted_on), count(closed_on)"
                         " FROM office_complaints"))
    with _CACHE_LOCK:
        if stamp in _CACHE:  # nothing synced and no complaint changed since: the same figures
            return copy.deepcopy(_CACHE[stamp])
    result = _compute(office, year, county)
    with _CACHE_LOCK:
        if len(_CACHE) > 32:
            _CACHE.clear()
        _CACHE[stamp] = copy.deepcopy(result)
    return result


def _compute(office: OfficeDB, year: int, county: str | None) -> dict[str, Any]:
    tally = _Tally(year, county, KEYS)
    spot = _Tally(year, county, ("spot_checks", "problems_found", *SPOT_KEYS))
    _collect(office, tally, spot, year, county)
    _complaints(office, tally, year, county)
    return {"year": year, "county": county, **_yuan(tally.total),
            "by_county": {c: _yuan(v) for c, v in tally.by_county.items()},
            "by_month": {m: _yuan(v) for m, v in tally.by_month.items()},
            "of_spot_checks": _yuan({k: spot.total[k] for k in SPOT_KEYS}), "labels": LABELS,
            "definitions": DEFINITIONS}
