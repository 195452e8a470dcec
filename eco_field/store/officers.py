"""Officers (执法人员) with their enforcement certificate numbers (执法证号)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from eco_field.clock import utc_now
from eco_field.errors import BadInput, NotFound
from eco_field.records import Officer
from eco_field.store.changes import record
from eco_field.store.database import write_transaction

if TYPE_CHECKING:
    import sqlite_utils  # annotations only: the store's readers also take a plain sqlite3 connection


def list_officers(db: sqlite_utils.Database) -> list[Officer]:
    return [Officer(*row) for row in db.execute("SELECT cert_no, name, unit FROM officers ORDER BY unit, cert_no")]


def get(db: sqlite_utils.Database, cert_no: str) -> Officer:
    row = db.execute("SELECT cert_no, name, unit FROM officers WHERE cert_no = ?", [cert_no]).fetchone()
    if row is None:
        raise NotFound("officer.not_found", cert_no=cert_no)
    return Officer(*row)


def upsert(db: sqlite_utils.Database, officer: Officer, *, sync: bool = True) -> Officer:
    if not officer.cert_no.strip() or not officer.name.strip():
        raise BadInput("officer.incomplete")
    with write_transaction(db):
        db.execute(
            "INSERT INTO officers (cert_no, name, unit, updated_at) VALUES (?, ?, ?, ?)"
            " ON CONFLICT(cert_no) DO UPDATE SET name = excluded.name, unit = excluded.unit,"
            " updated_at = excluded.updated_at, revision = revision + 1",
            [officer.cert_no, officer.name, officer.unit, utc_now()],
        )
        record(db, "officer", officer.cert_no, "upsert", officer.to_dict(), sync=sync)
    return officer
