"""A monitoring report's results (监测结果): what the qualified body measured, kept as data in the case's
`monitoring_report` event so the 案件调查报告, the 告知书 and the 决定书 can state the fact it proves — the outlet or
monitoring point (排放口/监测点位), the pollutant, the measured value with its unit, the limit and the standard it
comes from (名称及编号), and optionally the sampling date.

The command line takes one result as 6 fields separated by ; (or ；), a 7th optional:

    排放口或监测点位;污染物;监测值;单位;限值;排放标准[;采样日期]
    DA001;二氧化硫;120;mg/m3;100;GB 13223-2011;2026-10-08

The limit is written as the report's table writes it: 100 (a maximum), ≥5 or >=5 (a minimum, e.g. 溶解氧),
6～9 or 6-9 (a range, e.g. pH). Units are those the readings know (readings.units); pH and other
dimensionless values take 「无量纲」. Whether a value is on the wrong side of its limit, and the 超标倍数, come from
the readings' one definition (readings.exceedance.exceeds; readings.units.exceed_multiple: (measured − limit) /
limit); they are never typed.
"""

from __future__ import annotations

import math
import re
import unicodedata
from datetime import date
from typing import Any

from eco_field.clock import now_local
from eco_field.errors import BadInput
from eco_field.messages import Term
from eco_field.readings import exceedance
from eco_field.readings.units import exceed_multiple, looks_like_unit, normalize_unit

FIELDS = ("place", "pollutant", "value", "unit", "limit", "standard", "sampled")
REQUIRED = FIELDS[:6]
SEPARATORS = re.compile(r"[;；]")
DIMENSIONLESS_UNIT = "无量纲"
# results one report may carry: a report's table runs to tens of rows; far more is not a report (and a pushed
# event of 10,000 made every reader of the case loop over them)
MAX_RESULTS = 500
AIR_UNITS, WATER_UNITS, SOUND_UNITS = ("mg/m³", "µg/m³", "g/m³", "ppm", "ppb"), ("mg/L", "µg/L"), ("dB(A)", "dB", "dB(C)")

_NUMBER = r"(\d+(?:\.\d+)?)"
_MIN = re.compile(rf"^(?:≥|>=|不低于|不小于){_NUMBER}$")
_MAX = re.compile(rf"^(?:≤|<=|不高于|不大于)?{_NUMBER}$")
_RANGE = re.compile(rf"^{_NUMBER}(?:~|-|—|–|至|到){_NUMBER}$")
# a standard's number: GB 13223-2011, GB/T 16157-1996, HJ 2.2-2018, DB14/1929-2019, GB 14554-93
_CODE = re.compile(r"(GB(?:\s*/\s*T)?|HJ|DB\s*\d{2}(?:\s*/\s*T)?\s*/?)\s*(\d+(?:\.\d+)?)\s*[-—–]\s*(\d{2,4})",
                   re.IGNORECASE)
_OUTLET_CODE = re.compile(r"^D[AW]\d+$", re.IGNORECASE)

# Titles of standards an officer in Shanxi cites most, so a result typed with the number alone still names the
# standard in full as decisions do (《…》（GB …）). Titles as published by the MEE/SAC; a standard not listed
# is printed as typed (name and number), or by its number alone when only the number was given.
STANDARD_NAMES = {
    "GB 13223-2011": "火电厂大气污染物排放标准",
    "GB 16171-2012": "炼焦化学工业污染物排放标准",
    "GB 4915-2013": "水泥工业大气污染物排放标准",
    "GB 13271-2014": "锅炉大气污染物排放标准",
    "GB 28662-2012": "钢铁烧结、球团工业大气污染物排放标准",
    "GB 16297-1996": "大气污染物综合排放标准",
    "GB 8978-1996": "污水综合排放标准",
    "GB 18918-2002": "城镇污水处理厂污染物排放标准",
    "GB 3838-2002": "地表水环境质量标准",
    "GB 18484-2020": "危险废物焚烧污染控制标准",
    "GB 20952-2020": "加油站大气污染物排放标准",
    "GB 12348-2008": "工业企业厂界环境噪声排放标准",
    "GB 20426-2006": "煤炭工业污染物排放标准",
}


def parse(spec: str, position: int) -> dict[str, str]:
    """One `--result` as typed: its fields by name (strings, not yet checked)."""
    parts = [p.strip() for p in SEPARATORS.split(spec or "")]
    if len(parts) not in (6, 7):
        raise BadInput("monitoring.result_count", position=position, result=spec, count=len(parts))
    return dict(zip(FIELDS, parts, strict=False))


def spec_of(raw: dict[str, Any]) -> str:
    """The result as one line (how an error names a result typed in the GUI's table)."""
    return ";".join(str(raw.get(k) or "").strip() for k in FIELDS).rstrip(";")


def check(raw: dict[str, Any], position: int, report_day: date | None = None,
          outlets: dict[str, tuple[str, str]] | None = None) -> dict[str, Any]:
    """The result as stored: every field checked (a bad one: BadInput naming the result and the field, in the
    interface language), the unit in the house spelling, the limit split by kind, the pollutant, place and
    standard as documents print them. outlets: {code: (name, medium)} of the party's outlets."""
    spec = spec_of(raw)

    def bad(code: str, field: str, **params: Any) -> BadInput:
        return BadInput(code, position=position, result=spec, field=Term(f"monitoring.field.{field}"), **params)

    values = {k: str(raw.get(k) or "").strip() for k in FIELDS}
    for key in ("value", "unit", "limit", "sampled"):  # full-width digits and signs as typed with a Chinese IME
        values[key] = unicodedata.normalize("NFKC", values[key]).strip()
    for key in REQUIRED:
        if not values[key]:
            raise bad("monitoring.result_missing", key)
    value = _number(values["value"])
    if value is None or value < 0:
        raise bad("monitoring.result_value", "value", value=values["value"])
    unit = _unit(values["unit"])
    if unit is None:
        raise bad("monitoring.result_unit", "unit", unit=values["unit"])
    limit = _limit(values["limit"])
    if limit is None:
        raise bad("monitoring.result_limit", "limit", limit=values["limit"])
    sampled = values["sampled"] or None
    if sampled is not None:
        try:
            day = date.fromisoformat(sampled)
        except ValueError:
            raise bad("monitoring.result_date", "sampled", value=sampled) from None
        latest = min(report_day or now_local().date(), now_local().date())
        if day > latest:
            raise bad("monitoring.result_date_late", "sampled", value=sampled, latest=latest.isoformat())
    place = values["place"]
    outlet = (outlets or {}).get(place.upper())
    kind, bound, low, high = limit
    return {"place": place.upper() if outlet else place, "outlet_name": outlet[0] if outlet else "",
            "medium": outlet[1] if outlet else _medium(unit), "pollutant": values["pollutant"],
            "name": pollutant_name(values["pollutant"]), "value": value, "unit": unit, "kind": kind,
            "limit": bound, "low": low, "high": high, "standard": standard_text(values["standard"]),
            "sampled": sampled}


def check_all(raws: list[dict[str, Any]], report_day: date | None = None,
              outlets: dict[str, tuple[str, str]] | None = None) -> list[dict[str, Any]]:
    if len(raws) > MAX_RESULTS:
        raise BadInput("monitoring.too_many_results", count=len(raws), most=MAX_RESULTS)
    return [check(raw, i, report_day, outlets) for i, raw in enumerate(raws, start=1)]


def _number(text: str) -> float | None:
    try:
        value = float(text)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def _unit(text: str) -> str | None:
    """The house spelling of a unit the readings know ('mg/m3' -> 'mg/m³'); 「无量纲」 for pH; None if unknown."""
    if text.lower() in ("无量纲", "dimensionless", "ph", "-"):
        return DIMENSIONLESS_UNIT
    return normalize_unit(text) if looks_like_unit(text) else None


def _limit(text: str) -> tuple[str, float, float | None, float | None] | None:
    """(kind, limit, low, high) as records.Limit holds them: a range's limit is its upper bound."""
    compact = re.sub(r"\s+", "", text).replace("～", "~")
    if m := _RANGE.match(compact):
        low, high = float(m.group(1)), float(m.group(2))
        return ("range", high, low, high) if low < high else None
    for kind, pattern in (("min", _MIN), ("max", _MAX)):
        if m := pattern.match(compact):
            value = float(m.group(1))
            return (kind, value, None, None) if value > 0 else None
    return None


def _medium(unit: str) -> str:
    """Which violations a result can prove when its place is not one of the party's outlets: by its unit."""
    if unit in AIR_UNITS:
        return "air"
    if unit in WATER_UNITS or unit == DIMENSIONLESS_UNIT:
        return "water"
    return "noise" if unit in SOUND_UNITS else ""


def pollutant_name(typed: str) -> str:
    """The pollutant as documents name it: a Chinese name as typed (烟尘 stays 烟尘); a code in Chinese
    (SO2 -> 二氧化硫) as the readings' documents print it."""
    if re.search(r"[\u4e00-\u9fff]", typed):
        return typed
    from eco_field.readings import pollutants

    code = pollutants.canonical(typed)
    return exceedance.chinese_name(code) if code else typed


def standard_text(typed: str) -> str:
    """《火电厂大气污染物排放标准》（GB 13223-2011） from the name and number in any order and brackets, or from the
    number alone for a standard in STANDARD_NAMES (a table named after it, 表6, follows); a text without a
    standard's number (a permit) as typed."""
    found = _CODE.search(typed)
    if not found:
        return typed
    prefix = re.sub(r"\s+", "", found.group(1)).upper()
    code = prefix + ("" if prefix.endswith("/") else " ") + f"{found.group(2)}-{found.group(3)}"
    rest = (typed[:found.start()] + " " + typed[found.end():]).strip()
    table = re.search(r"表\s*\d+", rest)  # GB 16171-2012 表6, as the outlets' limits name their table
    if table:
        rest = rest[:table.start()] + rest[table.end():]
    name = re.sub(r"[《》〈〉<>（）()\[\]【】\s,，、:：;；]", "", rest) or STANDARD_NAMES.get(code, "")
    return (f"《{name}》（{code}）" if name else code) + (re.sub(r"\s+", "", table.group(0)) if table else "")


def exceeds(result: dict[str, Any]) -> bool:
    """Is the measured value on the wrong side of its limit (above a maximum, below a minimum, outside a range)."""
    return exceedance.exceeds(result["kind"], result["limit"], result["low"], result["high"], result["value"])


def multiple(result: dict[str, Any]) -> float | None:
    """超标倍数 of a maximum exceeded (not of a sound level, a minimum or a range), to four decimals."""
    if result["kind"] != "max" or result["unit"] in SOUND_UNITS or not exceeds(result):
        return None
    return round(exceed_multiple(result["value"], result["limit"]), 4)


def place_text(result: dict[str, Any]) -> str:
    """焦炉烟囱（DA001） for one of the party's outlets; DA001排放口 for an outlet's code alone; W1监测点位 for a
    point's code; a point named in words (厂界东侧) as typed."""
    place = result["place"]
    if result.get("outlet_name"):
        return f"{result['outlet_name']}（{place}）"
    if _OUTLET_CODE.match(place):
        return f"{place}排放口"
    return place if re.search(r"[\u4e00-\u9fff]", place) else f"{place}监测点位"


def wording(result: dict[str, Any]) -> str:
    """The result in a decision's words after the place (readings.exceedance.report_wording)."""
    return exceedance.report_wording(result["name"], result["value"], result["unit"], result["kind"],
                                     result["limit"], result["low"], result["high"], result["standard"])


def read(data: dict[str, Any] | None) -> list[dict[str, Any]]:
    """The results a stored event carries, each sound (a device's push is not trusted: an item with a missing or
    ill-typed field is left out rather than printed); [] for a report attached without results."""
    items = (data or {}).get("results")
    if not isinstance(items, list):
        return []
    return [item for item in items if sound(item)]


def sound(item: Any) -> bool:
    """Whether a stored result is as check() makes it (read() keeps only these; the bureau refuses others)."""
    if not isinstance(item, dict):
        return False
    texts = ("place", "outlet_name", "medium", "pollutant", "name", "unit", "standard")
    if not all(isinstance(item.get(k), str) for k in texts) or not item["place"] or not item["name"]:
        return False
    numbers = [item.get("value"), item.get("limit")]
    if item.get("kind") == "range":
        numbers += [item.get("low"), item.get("high")]
    elif item.get("kind") not in ("max", "min"):
        return False
    if not all(isinstance(n, int | float) and not isinstance(n, bool) and math.isfinite(n) for n in numbers):
        return False
    if item["kind"] == "range" and not item["low"] < item["high"]:
        return False
    # as check() stores it: a value not below 0, a limit above 0, a unit in the house spelling
    return item["value"] >= 0 and item["limit"] > 0 and _unit(item["unit"]) == item["unit"] \
        and (item.get("sampled") is None or isinstance(item.get("sampled"), str))


def reports_prove_exceedance(reports: list[dict[str, Any] | None]) -> bool:
    """Do the case's monitoring reports (their event data) support an exceedance: one was attached without
    results (before results were recorded: taken at its word), or one result is on the wrong side of its limit."""
    return any(not read(data) for data in reports) or any(exceeds(r) for data in reports for r in read(data))
