"""The records documents are made from, gathered as plain JSON-able dicts.

What a document prints comes only from its record, and the record's canonical SHA-256 goes into the QR code,
so `documents verify` can gather the record again later and tell whether the document still matches.
"""

from __future__ import annotations

from typing import Any

import sqlite_utils

from eco_field import checklists
from eco_field.errors import BadInput, NotFound
from eco_field.messages import Term
from eco_field.store import enterprises, inspections


def party(db: sqlite_utils.Database, enterprise_id: str, *, strict: bool) -> dict[str, str]:
    """当事人 details; strict (decisions) requires every detail a decision must state."""
    ent = enterprises.get(db, enterprise_id)
    data = {"name": ent.name, "credit_code": ent.credit_code, "address": ent.address, "legal_rep": ent.legal_rep,
            "county": ent.county, "industry": ent.industry, "permit_no": ent.permit_no}
    if strict:
        missing = [Term(f"documents.party_{key}") for key in ("name", "credit_code", "address", "legal_rep")
                   if not data[key].strip()]
        if missing:
            raise BadInput("documents.party_incomplete", party=ent.name or ent.id, missing=missing,
                           credit_code=ent.credit_code)
    return data


def inspection(db: sqlite_utils.Database, inspection_id: str) -> dict[str, Any]:
    """The inspection as printed: times, place, officers, party present, checklist answers, findings.

    Only what a document prints: sealing the inspection later, or a revision that changes nothing printed,
    leaves an issued document matching its record."""
    insp = inspections.get(db, inspection_id)
    if not insp.officers:
        raise BadInput("documents.no_officers", inspection=inspection_id)
    industry = enterprises.get(db, insp.enterprise_id).industry
    answers = checklists.answers_of(insp.checklist)
    items = []
    for item in checklists.items_for(industry):
        answer = answers.get(item.id)
        if answer and answer.get("answer", "unchecked") != "unchecked":
            items.append({"id": item.id, "section": item.section, "text": item.text,
                          "answer": checklists.ANSWERS.get(answer["answer"], answer["answer"]),
                          "note": answer.get("note", "")})
    return {
        "id": insp.id, "started_at": insp.started_at, "ended_at": insp.ended_at, "place": insp.place,
        "officers": [{"name": o.name, "cert_no": o.cert_no, "unit": o.unit} for o in insp.officers],
        "party_present": {"name": insp.party.name, "title": insp.party.title, "phone": insp.party.phone,
                          "present": insp.party.present},
        "checklist": items, "findings": [_finding(f) for f in insp.findings],
        "interview": list(insp.checklist.get("interview", [])) if isinstance(insp.checklist, dict) else [],
        "enterprise_id": insp.enterprise_id,
    }


def _finding(value: Any) -> dict[str, Any]:
    if isinstance(value, dict):
        return value
    return {"text": str(value)}


def finding_text(finding: dict[str, Any]) -> str:
    for key in ("text", "description", "facts", "note", "title"):
        if finding.get(key):
            return str(finding[key])
    return "；".join(f"{k}：{v}" for k, v in finding.items() if v not in (None, "", [], {}))


def evidence(db: sqlite_utils.Database, inspection_id: str) -> list[dict[str, Any]]:
    """Evidence of an inspection with its metadata (the evidence service when present)."""
    try:
        from eco_field.evidence.service import list_evidence
    except ImportError:
        rows = db.execute("SELECT id, sha256, kind, original_name, imported_at FROM evidence"
                          " WHERE inspection_id = ? ORDER BY imported_at, id", [inspection_id]).fetchall()
        return [dict(zip(("id", "sha256", "kind", "original_name", "imported_at"), r, strict=True)) for r in rows]
    return [dict(item) for item in list_evidence(db, inspection_id)]


def photos(db: sqlite_utils.Database, inspection_id: str) -> list[dict[str, Any]]:
    keys = ("id", "sha256", "original_name", "taken_at", "lat", "lon", "alt", "make", "model", "flags",
            "distance_m", "photographer", "caption", "marked")
    return [{k: _plain(e.get(k)) for k in keys} for e in evidence(db, inspection_id) if e.get("kind") == "photo"]


def _plain(value: Any) -> Any:
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, float):
        return round(value, 7)
    return value


ISSUED_DAY = "COALESCE(json_extract(facts_json, '$.issued_date'), issued_at)"


def issued_documents(db: sqlite_utils.Database, *, inspection_id: str | None = None, case_id: str | None = None,
                     before: int | None = None) -> list[dict[str, Any]]:
    """Documents issued for the inspection or case (stored before the row `before`, when given)."""
    column, value = ("case_id", case_id) if case_id else ("inspection_id", inspection_id)
    # issued_at here is the document's date of issue (落款日期; a document recorded after the fact carries its
    # own, kept in its facts as issued_date), not the moment it was stored
    sql = (f"SELECT number, kind, {ISSUED_DAY}, status FROM documents WHERE {column} = ? AND status = 'issued'")
    params: list[Any] = [value]
    if before:
        sql += " AND rowid < ?"
        params.append(before)
    rows = db.execute(sql + " ORDER BY rowid", params).fetchall()
    return [dict(zip(("number", "kind", "issued_at", "status"), r, strict=True)) for r in rows]


def case(db: sqlite_utils.Database, case_id: str) -> dict[str, Any]:
    """The case from eco_field.law.cases as a plain dict (violations with their catalog entries)."""
    try:
        from eco_field.law import cases
    except ImportError as exc:
        raise BadInput("documents.no_law_module") from exc
    found = cases.get(db, case_id)
    if found is None:
        raise NotFound("law.no_case", id=case_id)
    return _as_dict(found)


def _as_dict(value: Any) -> Any:
    if hasattr(value, "to_dict"):
        return _as_dict(value.to_dict())
    if hasattr(value, "__dataclass_fields__"):
        return {k: _as_dict(getattr(value, k)) for k in value.__dataclass_fields__}
    if isinstance(value, dict):
        return {str(k): _as_dict(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_as_dict(v) for v in value]
    return value


def catalog_entries(data_dir: Any, ids: list[str]) -> dict[str, dict[str, Any]]:
    from eco_field.law.catalog import load_catalog

    catalog = load_catalog(data_dir)
    missing = [i for i in ids if i not in catalog]
    if missing:
        raise BadInput("documents.unknown_catalog_ids", ids=", ".join(missing))
    return {i: _as_dict(catalog[i]) for i in ids}
