"""The enterprise archive (一企一档): enterprises with their outlets and limits."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING, Any

from eco_field.clock import utc_now
from eco_field.errors import BadInput, NotFound
from eco_field.records import Enterprise, Limit, Outlet
from eco_field.store.changes import record
from eco_field.store.database import write_transaction

if TYPE_CHECKING:
    import sqlite_utils  # annotations only: the store's readers also take a plain sqlite3 connection

COLUMNS = ("id", "name", "credit_code", "county", "industry", "address", "legal_rep", "lat", "lon", "radius_m",
           "permit_no", "revision")


def _row_to_enterprise(db: sqlite_utils.Database, row: tuple[Any, ...]) -> Enterprise:
    data = dict(zip(COLUMNS, row, strict=True))
    ent = Enterprise(**data)
    ent.outlets = _outlets(db, ent.id)
    return ent


def _outlets(db: sqlite_utils.Database, enterprise_id: str) -> list[Outlet]:
    outlets = []
    for outlet_id, code, kind, name in db.execute(
        "SELECT id, code, kind, name FROM outlets WHERE enterprise_id = ? ORDER BY code", [enterprise_id]
    ).fetchall():
        limits = [Limit(p, v, u, o2, s, k, lo, hi) for p, v, u, o2, s, k, lo, hi in db.execute(
            "SELECT pollutant, limit_value, unit, o2_ref, standard, kind, low, high FROM outlet_limits"
            " WHERE outlet_id = ? ORDER BY id", [outlet_id])]
        outlets.append(Outlet(code=code, kind=kind, name=name, limits=limits))
    return outlets


def list_enterprises(db: sqlite_utils.Database, county: str | None = None, search: str | None = None,
                     limit: int | None = None, offset: int = 0) -> list[Enterprise]:
    where, params = _filters(county, search)
    sql = f"SELECT {', '.join(COLUMNS)} FROM enterprises {where} ORDER BY county, name"
    if limit is not None:
        sql += " LIMIT ? OFFSET ?"
        params += [limit, offset]
    return [_row_to_enterprise(db, row) for row in db.execute(sql, params).fetchall()]


def count_enterprises(db: sqlite_utils.Database, county: str | None = None, search: str | None = None) -> int:
    where, params = _filters(county, search)
    return db.execute(f"SELECT count(*) FROM enterprises {where}", params).fetchone()[0]


def _filters(county: str | None, search: str | None) -> tuple[str, list[Any]]:
    clauses, params = [], []
    if county:
        clauses.append("county = ?")
        params.append(county)
    if search:
        clauses.append("(name LIKE ? OR credit_code LIKE ? OR industry LIKE ? OR county LIKE ?)")
        params += [f"%{search}%"] * 4
    return ("WHERE " + " AND ".join(clauses)) if clauses else "", params


def get(db: sqlite_utils.Database, enterprise_id: str) -> Enterprise:
    row = db.execute(f"SELECT {', '.join(COLUMNS)} FROM enterprises WHERE id = ? OR credit_code = ?",
                     [enterprise_id, enterprise_id]).fetchone()
    if row is None:
        raise NotFound("enterprise.not_found", id=enterprise_id)
    return _row_to_enterprise(db, row)


def upsert(db: sqlite_utils.Database, ent: Enterprise, *, sync: bool = True) -> tuple[Enterprise, bool]:
    """Insert or update by credit code; returns (stored enterprise, created)."""
    ent.validate()
    with write_transaction(db):
        existing = db.execute("SELECT id, revision FROM enterprises WHERE credit_code = ?",
                              [ent.credit_code]).fetchone()
        created = existing is None
        if created:
            ent.id = ent.id or str(uuid.uuid4())
            _check_id_free(db, ent.id)
        else:
            ent.id = existing[0]
            ent.revision = max(ent.revision, existing[1] + 1) if sync else ent.revision
        values = [getattr(ent, c) for c in COLUMNS] + [utc_now()]
        db.execute(
            f"INSERT INTO enterprises ({', '.join(COLUMNS)}, updated_at) VALUES ({', '.join('?' * (len(COLUMNS) + 1))})"
            " ON CONFLICT(id) DO UPDATE SET " + ", ".join(f"{c} = excluded.{c}" for c in COLUMNS[1:])
            + ", updated_at = excluded.updated_at",
            values,
        )
        _replace_outlets(db, ent)
        record(db, "enterprise", ent.id, "create" if created else "update", ent.to_dict(), sync=sync,
               revision=ent.revision)
    return ent, created


def _check_id_free(db: sqlite_utils.Database, enterprise_id: str) -> None:
    if db.execute("SELECT 1 FROM enterprises WHERE id = ?", [enterprise_id]).fetchone():
        raise BadInput("enterprise.id_taken", id=enterprise_id)


def _replace_outlets(db: sqlite_utils.Database, ent: Enterprise) -> None:
    db.execute("DELETE FROM outlets WHERE enterprise_id = ?", [ent.id])
    for outlet in ent.outlets:
        cursor = db.execute("INSERT INTO outlets (enterprise_id, code, kind, name) VALUES (?, ?, ?, ?)",
                            [ent.id, outlet.code, outlet.kind, outlet.name])
        for lim in outlet.limits:
            db.execute(
                "INSERT INTO outlet_limits (outlet_id, pollutant, limit_value, unit, o2_ref, standard, kind, low, high)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [cursor.lastrowid, lim.pollutant, lim.limit, lim.unit, lim.o2_ref, lim.standard, lim.kind, lim.low,
                 lim.high],
            )


def import_many(db: sqlite_utils.Database, items: list[dict[str, Any]], *, source: str = "import",
                sync: bool = True) -> dict[str, int]:
    """Upsert a list in the shape `enterprises list --json` prints; all or nothing."""
    parsed = []
    for index, item in enumerate(items):
        try:
            ent = Enterprise.from_dict(item)
        except BadInput as exc:  # a limit with a bad kind or range names the pollutant
            raise BadInput("enterprise.import_item", source=source, n=index + 1, detail=exc) from exc
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise BadInput("enterprise.import_not_enterprise", source=source, n=index + 1, detail=exc) from exc
        try:
            ent.validate()
        except BadInput as exc:
            raise BadInput("enterprise.import_item", source=source, n=index + 1, detail=exc) from exc
        parsed.append(ent)
    created = updated = 0
    with write_transaction(db):
        for ent in parsed:
            _, was_created = upsert(db, ent, sync=sync)
            created += was_created
            updated += not was_created
    return {"created": created, "updated": updated}
