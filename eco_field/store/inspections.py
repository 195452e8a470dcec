"""Inspections: who inspected which enterprise when, the party present, checklist answers and findings."""

from __future__ import annotations

import json
import uuid
from typing import Any

import sqlite_utils

from eco_field import findings
from eco_field.clock import now_local, parse_local_time, utc_now
from eco_field.errors import BadInput, NotFound, SealedRecord
from eco_field.records import Inspection, Party
from eco_field.store import enterprises, officers, settings
from eco_field.store import tasks as task_store
from eco_field.store.changes import record
from eco_field.store.database import write_transaction

COLUMNS = ("id", "task_id", "enterprise_id", "started_at", "ended_at", "place", "party_name", "party_title",
           "party_phone", "party_present", "checklist_json", "findings_json", "status", "amends_id", "seal_hash",
           "sealed_at", "revision", "created_at", "updated_at")
SELECT = (f"SELECT {', '.join('i.' + c for c in COLUMNS)}, e.name FROM inspections i"
          " JOIN enterprises e ON e.id = i.enterprise_id")


def _inspection(db: sqlite_utils.Database, row: tuple) -> Inspection:
    d = dict(zip((*COLUMNS, "enterprise_name"), row, strict=True))
    officer_rows = db.execute(
        "SELECT o.cert_no, o.name, o.unit FROM inspection_officers io JOIN officers o ON o.cert_no = io.officer_cert"
        " WHERE io.inspection_id = ? ORDER BY io.position", [d["id"]]).fetchall()
    from eco_field.records import Officer

    return Inspection(
        id=d["id"], enterprise_id=d["enterprise_id"], officers=[Officer(*r) for r in officer_rows],
        started_at=d["started_at"], ended_at=d["ended_at"], place=d["place"], task_id=d["task_id"],
        party=Party(d["party_name"], d["party_title"], d["party_phone"], bool(d["party_present"])),
        checklist=json.loads(d["checklist_json"]), findings=json.loads(d["findings_json"]), status=d["status"],
        amends_id=d["amends_id"], seal_hash=d["seal_hash"], sealed_at=d["sealed_at"], revision=d["revision"],
        enterprise_name=d["enterprise_name"], created_at=d["created_at"], updated_at=d["updated_at"],
    )


def get(db: sqlite_utils.Database, inspection_id: str) -> Inspection:
    row = db.execute(SELECT + " WHERE i.id = ?", [inspection_id]).fetchone()
    if row is None:
        raise NotFound("inspection.not_found", id=inspection_id)
    return _inspection(db, row)


def list_inspections(db: sqlite_utils.Database, search: str | None = None, limit: int | None = None,
                     offset: int = 0) -> list[Inspection]:
    where, params = _search(search)
    sql = SELECT + where + " ORDER BY i.started_at DESC, i.id"
    if limit is not None:
        sql += " LIMIT ? OFFSET ?"
        params += [limit, offset]
    return [_inspection(db, row) for row in db.execute(sql, params).fetchall()]


def count_inspections(db: sqlite_utils.Database, search: str | None = None) -> int:
    where, params = _search(search)
    return db.execute("SELECT count(*) FROM inspections i" + where, params).fetchone()[0]


def _search(search: str | None) -> tuple[str, list[Any]]:
    """Filter on enterprise name, place or id. Three characters or more use the trigram index
    (0007_inspection_search); shorter text has no trigram, so it filters by enterprise and place."""
    text = (search or "").strip()
    if not text:
        return "", []
    if len(text) >= 3:
        phrase = '"' + text.replace('"', '""') + '"'
        return " WHERE i.rowid IN (SELECT rowid FROM inspection_search WHERE inspection_search MATCH ?)", [phrase]
    like = f"%{text}%"
    return (" WHERE (i.enterprise_id IN (SELECT id FROM enterprises WHERE name LIKE ?) OR i.place LIKE ?)",
            [like, like])


def _validated_officers(db: sqlite_utils.Database, certs: list[str]) -> list[str]:
    distinct = list(dict.fromkeys(c.strip() for c in certs if c.strip()))
    if len(distinct) < 2:
        raise BadInput("inspection.two_officers")
    for cert in distinct:
        officers.get(db, cert)
    return distinct


def create(db: sqlite_utils.Database, enterprise_id: str, officer_certs: list[str], *, task_id: str | None = None,
           started_at: str | None = None, place: str = "", party: Party | None = None) -> Inspection:
    """Open a new draft inspection. Start time defaults to now in the configured zone."""
    ent = enterprises.get(db, enterprise_id)
    certs = _validated_officers(db, officer_certs)
    if task_id:
        task = task_store.get(db, task_id)
        if task.enterprise_id and task.enterprise_id != ent.id:
            raise BadInput("inspection.task_other_enterprise", task=task.title or task_id,
                           task_enterprise=task.enterprise_name or task.enterprise_id, enterprise=ent.name)
    tz = settings.get(db, "time_zone")
    start = parse_local_time(started_at, tz) if started_at else now_local(tz)
    inspection_id, now = str(uuid.uuid4()), utc_now()
    party = party or Party()
    with write_transaction(db):
        db.execute(
            "INSERT INTO inspections (id, task_id, enterprise_id, started_at, place, party_name, party_title,"
            " party_phone, party_present, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [inspection_id, task_id, ent.id, start.isoformat(), place or ent.address, party.name, party.title,
             party.phone, int(party.present), now, now],
        )
        _set_officers(db, inspection_id, certs)
        if task_id:
            db.execute("UPDATE tasks SET status = 'in_progress', updated_at = ? WHERE id = ? AND status = 'open'",
                       [now, task_id])
        created = get(db, inspection_id)
        record(db, "inspection", inspection_id, "create", snapshot(created), revision=1)
    return created


def _set_officers(db: sqlite_utils.Database, inspection_id: str, certs: list[str]) -> None:
    db.execute("DELETE FROM inspection_officers WHERE inspection_id = ?", [inspection_id])
    for position, cert in enumerate(certs):
        db.execute("INSERT INTO inspection_officers (inspection_id, officer_cert, position) VALUES (?, ?, ?)",
                   [inspection_id, cert, position])


EDITABLE = {"ended_at", "place", "party", "checklist", "findings", "officers", "started_at"}


def update(db: sqlite_utils.Database, inspection_id: str, **changes: Any) -> Inspection:
    """Change a draft inspection's fields (see EDITABLE); a sealed one raises SealedRecord."""
    unknown = set(changes) - EDITABLE
    if unknown:
        raise BadInput("inspection.not_editable", fields=", ".join(sorted(unknown)))
    with write_transaction(db):
        current = get(db, inspection_id)
        if current.sealed:
            raise SealedRecord("inspection.sealed", id=inspection_id)
        tz = settings.get(db, "time_zone")
        values = _column_values(changes, tz)
        if "officers" in changes:
            _set_officers(db, inspection_id, _validated_officers(db, changes["officers"]))
        sets = ", ".join(f"{col} = ?" for col in values)
        db.execute(f"UPDATE inspections SET {sets + ', ' if sets else ''}revision = revision + 1, updated_at = ?"
                   " WHERE id = ?", [*values.values(), utc_now(), inspection_id])
        updated = get(db, inspection_id)
        record(db, "inspection", inspection_id, "update", snapshot(updated), revision=updated.revision)
    return updated


def _column_values(changes: dict[str, Any], tz: str) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for key in ("started_at", "ended_at"):
        if key in changes:
            values[key] = parse_local_time(changes[key], tz).isoformat() if changes[key] else None
    if "place" in changes:
        values["place"] = changes["place"]
    if "party" in changes:
        party: Party = changes["party"]
        values.update(party_name=party.name, party_title=party.title, party_phone=party.phone,
                      party_present=int(party.present))
    if "checklist" in changes:
        values["checklist_json"] = json.dumps(changes["checklist"], ensure_ascii=False)
    if "findings" in changes:
        values["findings_json"] = json.dumps(findings.normalised(changes["findings"]), ensure_ascii=False)
    return values


def snapshot(insp: Inspection) -> dict[str, Any]:
    """The inspection as the bureau and the audit chain see it."""
    data = insp.to_dict()
    data["officers"] = [o.cert_no for o in insp.officers]
    data.pop("enterprise_name", None)
    data.pop("status_label", None)
    return data


def replace_from_bureau(db: sqlite_utils.Database, payload: dict[str, Any]) -> Inspection:
    """Take the bureau's version of a draft inspection (a sync conflict settled in its favour).

    Written with the bureau's revision and not queued for the bureau again (it has this version)."""
    with write_transaction(db):
        current = get(db, payload["id"])
        if current.sealed:
            raise SealedRecord("inspection.sealed_here", id=current.id)
        party = payload.get("party") or {}
        changes = {"place": payload.get("place", current.place), "checklist": payload.get("checklist", {}),
                   "findings": payload.get("findings", []), "started_at": payload.get("started_at"),
                   "ended_at": payload.get("ended_at"),
                   "party": Party(party.get("name", ""), party.get("title", ""), party.get("phone", ""),
                                  bool(party.get("present")))}
        values = _column_values(changes, settings.get(db, "time_zone"))
        if payload.get("officers"):
            _set_officers(db, current.id, _validated_officers(db, list(payload["officers"])))
        sets = ", ".join(f"{col} = ?" for col in values)
        db.execute(f"UPDATE inspections SET {sets}, revision = ?, updated_at = ? WHERE id = ?",
                   [*values.values(), int(payload.get("revision") or current.revision), utc_now(), current.id])
        replaced = get(db, current.id)
        record(db, "inspection", current.id, "accept_bureau", snapshot(replaced), sync=False,
               revision=replaced.revision)
    return replaced


def put_synced(db: sqlite_utils.Database, inspection_id: str, p: dict[str, Any]) -> None:
    """The inspection as its device pushed it, written as a draft with its officers (who must be in the officers
    table already) into a throwaway workspace (bureau/office/synced_records.py): neither audited nor queued."""
    party = p.get("party") or {}
    now = utc_now()
    db.execute("INSERT INTO inspections (id, task_id, enterprise_id, started_at, ended_at, place, party_name,"
               " party_title, party_phone, party_present, checklist_json, findings_json, status, seal_hash,"
               " sealed_at, revision, created_at, updated_at) VALUES (?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
               " ?, ?, ?)",
               [inspection_id, p["enterprise_id"], p["started_at"], p.get("ended_at"), p.get("place") or "",
                party.get("name", ""), party.get("title", ""), party.get("phone", ""), int(bool(party.get("present"))),
                json.dumps(p.get("checklist") or {}, ensure_ascii=False),
                json.dumps(p.get("findings") or [], ensure_ascii=False), "draft", None, None,
                int(p.get("revision") or 1), p.get("created_at") or now, p.get("updated_at") or now])
    _set_officers(db, inspection_id, [str(cert) for cert in p.get("officers") or []])


def seal_synced(db: sqlite_utils.Database, inspection_id: str, seal_hash: str, sealed_at: str | None) -> None:
    """Seal a synced inspection with the seal its device gave it (last: a sealed inspection takes no new rows)."""
    db.execute("UPDATE inspections SET status = 'sealed', seal_hash = ?, sealed_at = ? WHERE id = ?",
               [seal_hash, sealed_at, inspection_id])
