"""双随机 draws as the bureau keeps them: the inputs frozen (seed, snapshot of both lists, plan), the result,
the tasks it created for the officers' laptops (which reach them by sync), and the 一公开 export.

A draw is never overwritten: each is numbered within its year; `verify` computes it again from what was kept.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from datetime import date, timedelta
from fractions import Fraction
from typing import Any

from eco_field.bureau import admin
from eco_field.bureau.office import directory, draw_core
from eco_field.bureau.office.db import OfficeDB
from eco_field.canonical import canonical_json, sha256_of
from eco_field.clock import utc_now
from eco_field.errors import BadInput, NotFound

NAMESPACE = uuid.UUID("0b4f8a52-3c0e-4f5e-9d0e-2d7a18a0b218")  # task ids: uuid5(draw id + enterprise id)
DEFAULT_DUE_DAYS = 30


def parse_categories(pairs: list[str]) -> dict[str, str]:
    """["重点=0.25", "一般=5%"] -> {"重点": "1/4", "一般": "1/20"} (exact fractions as text)."""
    result: dict[str, str] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            raise BadInput("dispatch.bad_category_option", value=pair)
        result[name.strip()] = str(directory.parse_ratio(value, name.strip()))
    return result


def snapshot(office: OfficeDB, storage: Any) -> dict[str, Any]:
    """Both lists as they stand, sorted by their stable ids, with the pair drawn last time for each enterprise."""
    enterprises = directory.enterprise_list(office, storage)
    officers = [{k: o[k] for k in ("cert_no", "name", "units", "active", "conflicts")}
                for o in directory.officer_list(office, storage)]
    previous: dict[str, str] = {}
    for eid, pair, _ in office.rows("SELECT enterprise_id, pair_key, made_at FROM office_draw_items"
                                    " ORDER BY made_at, draw_id, position"):
        previous[eid] = pair  # the latest wins
    return {"enterprises": enterprises, "officers": officers,
            "previous_pairs": {k: previous[k] for k in sorted(previous)}}


def make_draw(office: OfficeDB, storage: Any, year: int, ratios: dict[str, str] | None, seed: str,
              county: str | None = None, made_by: str = "cli", due: str | None = None) -> dict[str, Any]:
    """Draw, keep the draw and create its tasks. ratios None or empty: every category at its configured ratio."""
    if not 2000 <= year <= 2100:
        raise BadInput("dispatch.bad_year", year=year)
    if not seed.strip():
        raise BadInput("dispatch.no_seed")
    configured = {c["name"]: c["ratio"] for c in directory.categories(office)}
    if not configured:
        raise BadInput("dispatch.no_categories")
    plan_ratios = {}
    for name, value in (ratios or configured).items():
        if name not in configured:
            raise BadInput("dispatch.unknown_category", name=name, known="、".join(configured))
        plan_ratios[name] = str(Fraction(value))
    due_date = _due(due)
    snap = snapshot(office, storage)
    if county and county not in {e["county"] for e in snap["enterprises"]}:
        raise BadInput("dispatch.unknown_county", county=county)
    plan = {"year": year, "county": county or None, "ratios": plan_ratios}
    result = draw_core.draw(seed, snap, plan)
    if not result["items"]:
        raise BadInput("dispatch.empty_draw")
    draw_id, made_at = str(uuid.uuid4()), utc_now()
    number = (office.one("SELECT max(number) FROM office_draws WHERE year = ?", (year,))[0] or 0) + 1
    snap_sha = sha256_of(snap)
    note = f"双随机抽查 {year}年第{number}批；抽查编号 {draw_id}；名录快照 SHA-256 {snap_sha}"
    with storage.transaction():  # the tasks first: the office rows name them (two connections, never nested)
        for item in result["items"]:
            item["task_id"] = str(uuid.uuid5(NAMESPACE, f"{draw_id}|{item['id']}"))
            admin.assign_task(storage, item["id"], item["officers"], "random", due_date,
                              f"{item['name']} 双随机抽查（{year}年第{number}批）", task_id=item["task_id"], note=note)
    with office.transaction():
        office.run("INSERT INTO office_draws (id, number, year, county, seed, seed_sha256, params_json, snapshot_json,"
                   " snapshot_sha256, result_json, algorithm, due_date, made_by, made_at)"
                   " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                   (draw_id, number, year, county or "", seed, hashlib.sha256(seed.encode()).hexdigest(),
                    canonical_json(plan), canonical_json(snap), snap_sha, canonical_json(result),
                    draw_core.ALGORITHM, due_date, made_by, made_at))
        for position, item in enumerate(result["items"]):
            office.run("INSERT INTO office_draw_items (draw_id, position, enterprise_id, category, county, pair_key,"
                       " task_id, made_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                       (draw_id, position, item["id"], item["category"], item["county"],
                        draw_core.pair_key(item["officers"]), item["task_id"], made_at))
    return get_draw(office, draw_id)


def _due(due: str | None) -> str:
    if not due:
        return (date.today() + timedelta(days=DEFAULT_DUE_DAYS)).isoformat()
    try:
        return date.fromisoformat(due).isoformat()
    except ValueError as exc:
        raise BadInput("dispatch.bad_date", field="--due", value=due) from exc


COLUMNS = ("id", "number", "year", "county", "seed", "seed_sha256", "params_json", "snapshot_json",
           "snapshot_sha256", "result_json", "algorithm", "due_date", "made_by", "made_at")


def _row(row: tuple, full: bool = True) -> dict[str, Any]:
    d = dict(zip(COLUMNS, row, strict=True))
    plan, result = json.loads(d.pop("params_json")), json.loads(d.pop("result_json"))
    snap = json.loads(d.pop("snapshot_json"))
    out = {**d, "county": d["county"] or None, "ratios": plan["ratios"], "counts": result["counts"],
           "items": result["items"], "drawn": len(result["items"])}
    out["ratios_text"] = {k: directory.ratio_text(Fraction(v)) for k, v in plan["ratios"].items()}
    if full:
        out["snapshot"] = snap
    return out


def get_draw(office: OfficeDB, draw_id: str, full: bool = False) -> dict[str, Any]:
    row = office.one(f"SELECT {', '.join(COLUMNS)} FROM office_draws WHERE id = ?", (draw_id,))
    if row is None:
        raise NotFound("dispatch.no_draw", id=draw_id)
    return _row(row, full)


def list_draws(office: OfficeDB, year: int | None = None) -> list[dict[str, Any]]:
    sql = f"SELECT {', '.join(COLUMNS)} FROM office_draws"
    rows = office.rows(sql + (" WHERE year = ?" if year else "") + " ORDER BY made_at DESC, number DESC",
                       (year,) if year else ())
    return [_row(r, full=False) for r in rows]


def verify(office: OfficeDB, draw_id: str) -> dict[str, Any]:
    """The draw computed again from its kept seed, snapshot and plan: same enterprises and teams?"""
    row = office.one("SELECT seed, params_json, snapshot_json, snapshot_sha256, result_json FROM office_draws"
                     " WHERE id = ?", (draw_id,))
    if row is None:
        raise NotFound("dispatch.no_draw", id=draw_id)
    seed, plan, snap, snap_sha, kept = row[0], json.loads(row[1]), json.loads(row[2]), row[3], json.loads(row[4])
    again = draw_core.draw(seed, snap, plan)
    strip = [{k: v for k, v in item.items() if k != "task_id"} for item in kept["items"]]
    return {"id": draw_id, "snapshot_matches": sha256_of(snap) == snap_sha,
            "same_result": again["items"] == strip and again["counts"] == kept["counts"]}


def export(office: OfficeDB, draw_id: str, results: dict[str, dict[str, Any]] | None = None) -> dict[str, Any]:
    """一公开: the plan, the ratios with their sources, how many were drawn from how many, the seed (revealed)
    and the hashes to check it by, each enterprise drawn with its team, and (given) each check's result."""
    d = get_draw(office, draw_id)
    sources = {c["name"]: c["source"] for c in directory.categories(office)}
    rows = []
    for item in d["items"]:
        outcome = (results or {}).get(item["task_id"], {})
        rows.append({"enterprise": item["name"], "credit_code": item["credit_code"], "county": item["county"],
                     "category": item["category"], "officers": item["officer_names"],
                     "status": outcome.get("status_label", "待检查"), "checked_on": outcome.get("checked_on"),
                     "problems_found": outcome.get("problems_found")})
    return {"title": f"{d['year']}年度“双随机、一公开”抽查第{d['number']}批", "year": d["year"],
            "number": d["number"], "county": d["county"], "made_at": d["made_at"], "ratios": d["ratios_text"],
            "ratio_sources": {k: sources.get(k, "") for k in d["ratios"]}, "counts": d["counts"],
            "seed": d["seed"], "seed_sha256": d["seed_sha256"], "snapshot_sha256": d["snapshot_sha256"],
            "algorithm": d["algorithm"], "items": rows}
