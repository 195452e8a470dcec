"""What case documents say about an inspection's readings (record format 2 on): each exceedance in a
decision's words — above a maximum, below a minimum (溶解氧), outside a range (pH) — from the one place that
evaluates a reading against its limit (eco_field.readings.exceedance).

- under each exceedance violation (超过…排放标准…), the exceedances of its medium as facts found on site;
- in the evidence, one 电子数据 item per instrument with its exceedances, cited as a lead (线索): portable
  screening readings cannot alone prove an exceedance (a qualified body's monitoring report does).
"""

from __future__ import annotations

import sqlite3
from typing import Any

from eco_field.documents.kinds.common import Source, cn_date
from eco_field.errors import NotFound
from eco_field.readings import exceedance

# which readings belong to a violation: its catalog description names the medium (a permit's 许可排放浓度
# names none and takes all)
MEDIA = (("大气", "air"), ("水污染物", "water"), ("噪声", "noise"))


def inspection_series(src: Source, inspection_id: str) -> list[dict[str, Any]]:
    """The readings service's summaries of the inspection's series ([] when the readings area is absent); when
    a document is verified, only the files imported by its issue (one imported later changes nothing issued)."""
    try:
        from eco_field.readings.service import list_series
    except ImportError:
        return []
    try:
        series = list_series(src.db, inspection_id)
    except (NotFound, sqlite3.OperationalError):
        return []
    if src.upto_seq is not None:  # imported after the issue by the audit order (exact, even in the same second)
        later = {r[0] for r in src.db.execute(
            "SELECT entity_id FROM audit_log WHERE entity = 'reading_source' AND action = 'import' AND seq > ?",
            [src.upto_seq])}
    elif src.as_of:
        later = {r[0] for r in src.db.execute(
            "SELECT id FROM reading_sources WHERE inspection_id = ? AND imported_at > ?", [inspection_id, src.as_of])}
    else:
        return series
    return [s for s in series if s["source_id"] not in later]


def _outlets(src: Source, enterprise_id: str) -> dict[str, dict[str, str]]:
    from eco_field.store import enterprises

    try:
        ent = enterprises.get(src.db, enterprise_id)
    except NotFound:
        return {}
    return {o.code: {"kind": o.kind, "name": o.name} for o in ent.outlets}


def exceedances(src: Source, inspection: dict[str, Any]) -> list[dict[str, Any]]:
    """Every series of the inspection on the wrong side of its limit, as record dicts (wording included),
    with the outlet's name and medium."""
    from eco_field.readings.pollutants import NOISE

    outlets = _outlets(src, inspection["enterprise_id"])
    out = []
    for series in inspection_series(src, inspection["id"]):
        found = exceedance.of_series(series)
        if found is None:
            continue
        outlet = outlets.get(found.outlet, {})
        medium = "noise" if found.pollutant in NOISE else outlet.get("kind", "")
        out.append({**found.as_record(), "outlet_name": outlet.get("name", ""), "medium": medium})
    return out


def for_violation(entry: dict[str, Any], found: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The exceedances an exceedance violation rests on; none for any other violation."""
    from eco_field.law.procedure_state import is_exceedance_entry

    description = entry.get("description", "")
    if not is_exceedance_entry(description):
        return []
    media = {medium for word, medium in MEDIA if word in description}
    return [f for f in found if not media or f["medium"] in media]


def add_to_violations(src: Source, rec: dict[str, Any]) -> None:
    """violation["measured"]: the exceedances printed under it (format 2 records)."""
    insp = rec.get("inspection")
    found = exceedances(src, insp) if insp else []
    for violation in rec["violations"]:
        violation["measured"] = for_violation(violation["entry"], found)


def measured_sentence(measured: list[dict[str, Any]]) -> str:
    """经现场快速检测，废水总排口（DW001）溶解氧最低值2 mg/L，低于标准下限5 mg/L；pH值…，超出6～9的范围。"""
    if not measured:
        return ""
    parts, said = [], set()
    for item in measured:
        place = ""
        if item.get("outlet") and item["outlet"] not in said:
            said.add(item["outlet"])
            name = item.get("outlet_name") or "排放口"
            place = f"{name}（{item['outlet']}）"
        parts.append(place + item["wording"])
    return "经现场快速检测，" + "；".join(parts) + "。"


def readings_evidence(series: list[dict[str, Any]], tz: str) -> list[str]:
    """One 电子数据 item per instrument: its parameters, date, and each exceedance in words."""
    by_device: dict[str, list[dict[str, Any]]] = {}
    for item in series:
        inst = item.get("instrument") or {}
        device = " ".join(x for x in (inst.get("make"), inst.get("model"), inst.get("serial")) if x)
        by_device.setdefault(device or "便携式监测仪器", []).append(item)
    out = []
    for device, items in by_device.items():
        names = "、".join(dict.fromkeys(exceedance.chinese_name(i["pollutant"]) for i in items))
        text = f"{device}现场监测数据（{names}），{cn_date(items[0].get('t_start'), tz)}采集"
        for found in filter(None, (exceedance.of_series(i) for i in items)):
            text += "，" + found.wording
        out.append(text + "，为便携式仪器现场筛查数据，作为发现违法行为的线索")
    return out
