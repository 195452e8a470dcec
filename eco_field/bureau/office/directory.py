"""The 双随机 lists (一单两库): the 检查对象名录库 (the bureau's enterprises, each with a category — 重点/一般/特殊
or another the bureau defines — and a "不参与双随机" flag) and the 执法人员名录库 (the bureau's officers, each
in the pool or not, with the enterprises they declared a conflict with: 回避).

Enterprises and officers are the bureau's own records (storage); only what the draw adds is kept here, in the
office tables. Each category's sampling ratio is configuration with its source, never hard-coded: the demo's
ratios below cite where a locality published one (../shared/domain/bureau-office.md §1.2).
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from fractions import Fraction
from typing import Any

from eco_field.bureau.office.db import OfficeDB
from eco_field.clock import utc_now
from eco_field.errors import BadInput, NotFound

# The demo bureau's categories: (name, ratio, period, source). Real bureaus set their own (`bureau categories set`).
DEMO_CATEGORIES = (
    ("重点", "0.25", "每季度", "参照福州马尾、枣庄峄城2024：重点排污单位每季度抽查比例不低于25%（演示值）"),
    ("一般", "0.05", "每季度", "参照枣庄峄城2024（不低于2%/季度）与广东2016，取5%（演示值）"),
    ("特殊", "1", "每季度", "参照福州马尾：特殊监管对象每季度100%抽查（演示值）"),
)
DEMO_INDUSTRY_CATEGORY = {"coking": "重点", "steel": "重点", "cement": "重点", "hazardous_waste": "重点",
                          "sewage_plant": "重点", "tailings_pond": "特殊"}  # other industries: 一般


def parse_ratio(text: str, where: str = "ratio") -> Fraction:
    """0.25, 25% or 1/4 as an exact fraction in [0, 1] (exact, so 25% of 4 is 1, never 1.0000001)."""
    raw = str(text).strip()
    try:
        if raw.endswith("%"):
            value = Fraction(Decimal(raw[:-1].strip())) / 100
        elif "/" in raw:
            value = Fraction(raw)
        else:
            value = Fraction(Decimal(raw))
    except (InvalidOperation, ValueError, ZeroDivisionError) as exc:
        raise BadInput("dispatch.bad_ratio", where=where, value=raw) from exc
    if not 0 <= value <= 1:
        raise BadInput("dispatch.ratio_range", where=where, value=raw)
    return value


def ratio_text(value: Fraction) -> str:
    return f"{float(value) * 100:g}%"


# -- categories --------------------------------------------------------------------------------------------
def categories(office: OfficeDB) -> list[dict[str, Any]]:
    rows = office.rows("SELECT name, ratio, period, source FROM office_categories ORDER BY position, name")
    return [{"name": n, "ratio": r, "ratio_text": ratio_text(parse_ratio(r)), "period": p, "source": s}
            for n, r, p, s in rows]


def set_category(office: OfficeDB, name: str, ratio: str, period: str = "", source: str = "") -> dict[str, Any]:
    name = name.strip()
    if not name:
        raise BadInput("dispatch.category_name")
    value = parse_ratio(ratio, name)
    with office.transaction():
        position = office.one("SELECT count(*) FROM office_categories")[0]
        if office.run("UPDATE office_categories SET ratio = ?, period = ?, source = ? WHERE name = ?",
                      (str(value), period, source, name)) == 0:
            office.run("INSERT INTO office_categories (name, ratio, period, source, position) VALUES (?, ?, ?, ?, ?)",
                       (name, str(value), period, source, position))
    return {"name": name, "ratio": str(value), "period": period, "source": source}


# -- the 检查对象名录库 -------------------------------------------------------------------------------------
def _enterprises(storage: Any) -> dict[str, dict[str, Any]]:
    return {r.entity_id: r.payload for r in storage.records("enterprise") if not r.deleted}


def set_enterprise_category(office: OfficeDB, storage: Any, enterprise_id: str, category: str,
                            excluded: bool = False, note: str = "") -> dict[str, Any]:
    """Put an enterprise in a category (excluded: 不参与双随机 — moved, stopped long-term, bankrupt; note says why)."""
    known = _enterprises(storage)
    found = known.get(enterprise_id) or next((p for p in known.values() if p.get("credit_code") == enterprise_id), None)
    if found is None:
        raise NotFound("dispatch.no_enterprise", id=enterprise_id)
    if category not in {c["name"] for c in categories(office)}:
        raise BadInput("dispatch.unknown_category", name=category)
    if excluded and not note.strip():
        raise BadInput("dispatch.exclusion_reason")
    with office.transaction():
        office.run("DELETE FROM office_enterprise_categories WHERE enterprise_id = ?", (found["id"],))
        office.run("INSERT INTO office_enterprise_categories (enterprise_id, category, excluded, note, updated_at)"
                   " VALUES (?, ?, ?, ?, ?)", (found["id"], category, int(excluded), note.strip(), utc_now()))
    return {"enterprise_id": found["id"], "name": found.get("name", ""), "category": category,
            "excluded": excluded, "note": note.strip()}


def enterprise_list(office: OfficeDB, storage: Any, county: str | None = None) -> list[dict[str, Any]]:
    """Every enterprise in the list (those given a category), sorted by credit code (the snapshot's order)."""
    known = _enterprises(storage)
    result = []
    for eid, category, excluded, note in office.rows(
            "SELECT enterprise_id, category, excluded, note FROM office_enterprise_categories"):
        payload = known.get(eid)
        if payload is None or (county and payload.get("county") != county):
            continue
        result.append({"id": eid, "credit_code": payload.get("credit_code", ""), "name": payload.get("name", ""),
                       "county": payload.get("county", ""), "category": category, "excluded": bool(excluded),
                       "note": note})
    return sorted(result, key=lambda e: (e["credit_code"], e["id"]))


def enterprise_rows(office: OfficeDB, storage: Any, *, county: str | None = None, category: str | None = None,
                    search: str = "") -> list[dict[str, Any]]:
    """Every enterprise of the bureau for the console's 名录库 page — those not yet given a category too
    (category None) — filtered, by county then credit code. category "" means: not yet in the list."""
    placed = {eid: (cat, bool(ex), note) for eid, cat, ex, note in office.rows(
        "SELECT enterprise_id, category, excluded, note FROM office_enterprise_categories")}
    words = search.strip()
    result = []
    for eid, p in _enterprises(storage).items():
        cat, excluded, note = placed.get(eid, (None, False, ""))
        if county and p.get("county") != county:
            continue
        if category is not None and (cat or "") != category:
            continue
        if words and words not in p.get("name", "") and words not in p.get("credit_code", ""):
            continue
        result.append({"id": eid, "credit_code": p.get("credit_code", ""), "name": p.get("name", ""),
                       "county": p.get("county", ""), "industry": p.get("industry", ""), "category": cat,
                       "excluded": excluded, "note": note})
    return sorted(result, key=lambda e: (e["county"], e["credit_code"], e["id"]))


# -- the 执法人员名录库 --------------------------------------------------------------------------------------
def set_officer_active(office: OfficeDB, storage: Any, cert_no: str, active: bool, note: str = "") -> dict[str, Any]:
    if cert_no not in {o["cert_no"] for o in storage.officers()}:
        raise NotFound("dispatch.no_officer", cert=cert_no)
    with office.transaction():
        office.run("DELETE FROM office_officer_pool WHERE cert_no = ?", (cert_no,))
        office.run("INSERT INTO office_officer_pool (cert_no, active, note, updated_at) VALUES (?, ?, ?, ?)",
                   (cert_no, int(active), note.strip(), utc_now()))
    return {"cert_no": cert_no, "active": active, "note": note.strip()}


def declare_conflict(office: OfficeDB, storage: Any, cert_no: str, enterprise_id: str, reason: str) -> dict[str, Any]:
    """An officer's declared 回避 for an enterprise (a party or close relative, a direct interest, another
    relationship that could affect fairness: 《生态环境行政处罚办法》(2023) art. 6 as summarised in the domain notes)."""
    if cert_no not in {o["cert_no"] for o in storage.officers()}:
        raise NotFound("dispatch.no_officer", cert=cert_no)
    if enterprise_id not in _enterprises(storage):
        raise NotFound("dispatch.no_enterprise", id=enterprise_id)
    if not reason.strip():
        raise BadInput("dispatch.conflict_reason")
    with office.transaction():
        office.run("DELETE FROM office_officer_conflicts WHERE cert_no = ? AND enterprise_id = ?", (cert_no, enterprise_id))
        office.run("INSERT INTO office_officer_conflicts (cert_no, enterprise_id, reason, declared_at) VALUES (?, ?, ?, ?)",
                   (cert_no, enterprise_id, reason.strip(), utc_now()))
    return {"cert_no": cert_no, "enterprise_id": enterprise_id, "reason": reason.strip()}


def withdraw_conflict(office: OfficeDB, cert_no: str, enterprise_id: str) -> bool:
    """Take back a declared 回避 (declared by mistake, or the relationship ended); False when none was declared."""
    with office.transaction():
        return office.run("DELETE FROM office_officer_conflicts WHERE cert_no = ? AND enterprise_id = ?",
                          (cert_no, enterprise_id)) > 0


def officer_list(office: OfficeDB, storage: Any) -> list[dict[str, Any]]:
    """Every bureau officer: in the pool unless taken out, with units and declared conflicts; by 执法证号."""
    pool = {c: (bool(a), n) for c, a, n in office.rows("SELECT cert_no, active, note FROM office_officer_pool")}
    conflicts: dict[str, list[dict[str, str]]] = {}
    for cert, eid, reason in office.rows("SELECT cert_no, enterprise_id, reason FROM office_officer_conflicts"
                                         " ORDER BY cert_no, enterprise_id"):
        conflicts.setdefault(cert, []).append({"enterprise_id": eid, "reason": reason})
    return [{"cert_no": o["cert_no"], "name": o["name"], "units": list(o["units"]),
             "active": pool.get(o["cert_no"], (True, ""))[0], "note": pool.get(o["cert_no"], (True, ""))[1],
             "conflicts": conflicts.get(o["cert_no"], [])}
            for o in sorted(storage.officers(), key=lambda o: o["cert_no"])]


def seed_demo(office: OfficeDB, storage: Any) -> dict[str, int]:
    """The demo bureau's categories (with sources) and every demo enterprise in one; idempotent."""
    from eco_field import demo

    if not categories(office):
        for name, ratio, period, source in DEMO_CATEGORIES:
            set_category(office, name, ratio, period, source)
    placed = {r[0] for r in office.rows("SELECT enterprise_id FROM office_enterprise_categories")}
    added = 0
    known = _enterprises(storage)
    with office.transaction():
        for ent in demo.demo_enterprises():
            if ent.id in known and ent.id not in placed:
                office.run("INSERT INTO office_enterprise_categories (enterprise_id, category, excluded, note,"
                           " updated_at) VALUES (?, ?, 0, '', ?)",
                           (ent.id, DEMO_INDUSTRY_CATEGORY.get(ent.industry, "一般"), utc_now()))
                added += 1
    return {"categories": len(categories(office)), "enterprises": added}
