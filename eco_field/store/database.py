"""Opening the local database: WAL, foreign keys, busy timeout, schema up to date, clear errors."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from eco_field.errors import DatabaseUnavailable
from eco_field.messages import os_reason
from eco_field.store.migrations import apply_migrations, up_to_date

if TYPE_CHECKING:
    import sqlite_utils

BUSY_TIMEOUT_MS = int(os.environ.get("ECO_FIELD_BUSY_TIMEOUT_MS", "5000"))


def connect(path: Path, *, create: bool) -> sqlite_utils.Database:
    """Open (or create) the database file at path and migrate it. Raises DatabaseUnavailable."""
    return as_database(open_connection(path, create=create))


def as_database(conn: sqlite3.Connection) -> sqlite_utils.Database:
    """sqlite-utils over an open connection. No sqlite-utils plugins: EcoField uses none, a plugin installed for
    something else must not change the evidence database's connection, and the entry-point scan costs ~15 ms."""
    import sqlite_utils  # here, not at module level: an up-to-date database opens without it (the window's start)

    return sqlite_utils.Database(conn, execute_plugins=False)


def open_connection(path: Path, *, create: bool) -> sqlite3.Connection:
    """The plain connection, configured and migrated (the window's first screen reads through it)."""
    if not create and not path.exists():
        raise DatabaseUnavailable("db.missing", path=path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:  # a file in the way, no permission, a read-only disk: the user can fix the path
        if path.parent.is_file():
            raise DatabaseUnavailable("db.folder_is_file", path=path.parent) from exc
        raise DatabaseUnavailable("db.folder_unusable", path=path.parent, detail=os_reason(exc)) from exc
    try:
        conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False)
        _configure(conn)
        if not up_to_date(conn):
            apply_migrations(as_database(conn), path)
    except sqlite3.DatabaseError as exc:
        raise _explain(exc, path) from exc
    return conn


def _configure(conn: sqlite3.Connection) -> None:
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
    if mode.lower() != "wal":
        raise sqlite3.OperationalError("could not switch the database to WAL mode")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA recursive_triggers = ON")  # as sqlite-utils sets it, before it is even imported
    conn.execute("PRAGMA synchronous = NORMAL")


def _explain(exc: sqlite3.DatabaseError, path: Path) -> DatabaseUnavailable:
    text = str(exc)
    if "locked" in text or "busy" in text:
        return DatabaseUnavailable("db.locked", path=path)
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return DatabaseUnavailable("db.damaged", path=path, detail=text)
    return DatabaseUnavailable("db.cannot_open", path=path, detail=text)


@contextmanager
def write_transaction(db: sqlite_utils.Database) -> Iterator[sqlite_utils.Database]:
    """One atomic write: BEGIN IMMEDIATE (so writers queue instead of deadlocking), commit or roll back.

    Nested use becomes a savepoint, so a service may call another service inside its transaction.
    """
    if db.conn.in_transaction:
        with db.atomic():
            yield db
        return
    try:
        db.conn.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as exc:
        raise DatabaseUnavailable("db.busy", detail=str(exc)) from exc
    try:
        yield db
    except BaseException:
        if db.conn.in_transaction:
            db.conn.execute("ROLLBACK")
        raise
    else:
        db.conn.execute("COMMIT")
