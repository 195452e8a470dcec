"""The office console's own tables (staff, sessions, login attempts, office audit, and what later office pages
add), on the database the bureau uses: the same SQLite file or PostgreSQL database, with a schema version
table of its own (`office_schema_version`), so the bureau's storage (storage.py and its backends) is never
touched.

SQL is written once with `?` placeholders in portable SQL (TEXT, INTEGER, BIGINT); on PostgreSQL the
placeholders become `%s`. Table definitions differ per backend, so each migration is a pair of files in
schema/: `office_NNNN_name.sqlite.sql` and `office_NNNN_name.pg.sql`, applied in number order, each in the
transaction that records its version.
"""

from __future__ import annotations

import re
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from eco_field.clock import utc_now

SCHEMA_DIR = Path(__file__).with_name("schema")
_MIGRATION = re.compile(r"office_(\d{4})_([a-z0-9_]+)\.(sqlite|pg)\.sql$")
PG_POOL_SIZE = 4  # console pages are few and short; the sync API keeps its own pool of 8
PG_LOCK_KEY = 7_300_218  # pg_advisory_xact_lock key: one process migrates the office tables at a time


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    sql: str


def migrations(backend: str) -> list[Migration]:
    """The office migrations for 'sqlite' or 'pg', in order; a number with only one backend's file is an error."""
    found: dict[int, dict[str, Path]] = {}
    for path in SCHEMA_DIR.glob("office_*.sql"):
        match = _MIGRATION.match(path.name)
        if match:
            found.setdefault(int(match[1]), {})[match[3]] = path
    result = []
    for version in sorted(found):
        pair = found[version]
        if set(pair) != {"sqlite", "pg"}:
            raise RuntimeError(f"office migration {version:04d} needs both a .sqlite.sql and a .pg.sql file")
        path = pair[backend]
        result.append(Migration(version, _MIGRATION.match(path.name)[2], path.read_text(encoding="utf-8")))
    return result


def _statements(sql: str) -> list[str]:
    """The statements of a migration file: `--` comments dropped (they may hold a `;`), split at `;`."""
    bare = re.sub(r"--[^\n]*", "", sql)
    return [s.strip() for s in bare.split(";") if s.strip()]


class OfficeDB:
    """One of two backends; use open_office_db(). Methods: transaction(), rows(sql, params), one(sql, params),
    run(sql, params) -> rows affected."""

    backend = ""

    def transaction(self):  # pragma: no cover - interface
        raise NotImplementedError

    def rows(self, sql: str, params: tuple | list = ()) -> list[tuple]:  # pragma: no cover
        raise NotImplementedError

    def run(self, sql: str, params: tuple | list = ()) -> int:  # pragma: no cover
        raise NotImplementedError

    def one(self, sql: str, params: tuple | list = ()) -> tuple | None:
        found = self.rows(sql, params)
        return found[0] if found else None

    def close(self) -> None:  # pragma: no cover
        raise NotImplementedError

    def schema_version(self) -> int:
        row = self.one("SELECT MAX(version) FROM office_schema_version")
        return int(row[0] or 0) if row else 0


class SqliteOfficeDB(OfficeDB):
    """A connection of its own to the bureau's SQLite file (WAL lets it sit beside the bureau's)."""

    backend = "sqlite"

    def __init__(self, path: Path) -> None:
        self._lock = threading.RLock()
        self._local = threading.local()
        self._conn = sqlite3.connect(str(path), timeout=10, isolation_level=None, check_same_thread=False)
        self._conn.execute("PRAGMA busy_timeout = 10000")
        self._conn.execute("PRAGMA journal_mode = WAL")
        self._conn.execute("PRAGMA synchronous = FULL")
        self._migrate()

    def _migrate(self) -> None:
        with self.transaction():
            self._conn.execute("CREATE TABLE IF NOT EXISTS office_schema_version (version INTEGER PRIMARY KEY,"
                               " name TEXT NOT NULL, applied_at TEXT NOT NULL)")
            done = {r[0] for r in self._conn.execute("SELECT version FROM office_schema_version")}
            for m in migrations("sqlite"):
                if m.version not in done:
                    for statement in _statements(m.sql):
                        self._conn.execute(statement)
                    self._conn.execute("INSERT INTO office_schema_version VALUES (?, ?, ?)",
                                       (m.version, m.name, utc_now()))

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """BEGIN IMMEDIATE: the only writer until commit; a nested call joins the outer transaction."""
        with self._lock:
            if getattr(self._local, "depth", 0):
                self._local.depth += 1
                try:
                    yield
                finally:
                    self._local.depth -= 1
                return
            self._conn.execute("BEGIN IMMEDIATE")
            self._local.depth = 1
            try:
                yield
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            else:
                self._conn.execute("COMMIT")
            finally:
                self._local.depth = 0

    def rows(self, sql: str, params: tuple | list = ()) -> list[tuple]:
        with self._lock:
            return self._conn.execute(sql, tuple(params)).fetchall()

    def run(self, sql: str, params: tuple | list = ()) -> int:
        with self._lock:
            return self._conn.execute(sql, tuple(params)).rowcount

    def close(self) -> None:
        with self._lock:
            self._conn.close()


def pg_sql(sql: str) -> str:
    """`?` placeholders as psycopg's `%s` (a literal % doubled)."""
    return sql.replace("%", "%%").replace("?", "%s")


class PostgresOfficeDB(OfficeDB):
    """A small pool of connections of its own to the bureau's PostgreSQL database."""

    backend = "pg"

    def __init__(self, url: str, pool_size: int = PG_POOL_SIZE) -> None:
        self.url = url
        self._lock = threading.Lock()
        self._idle: list[Any] = []
        self._slots = threading.BoundedSemaphore(pool_size)
        self._local = threading.local()
        self._migrate()

    def _connect(self):
        import psycopg

        return psycopg.connect(self.url, autocommit=True, connect_timeout=10, application_name="eco-field-office")

    @contextmanager
    def _connection(self) -> Iterator[Any]:
        held = getattr(self._local, "conn", None)
        if held is not None:
            yield held
            return
        self._slots.acquire()
        try:
            with self._lock:
                conn = self._idle.pop() if self._idle else None
            if conn is None or conn.closed or conn.broken:
                conn = self._connect()
            try:
                yield conn
            finally:
                if conn.closed or conn.broken:
                    conn.close()
                else:
                    with self._lock:
                        self._idle.append(conn)
        finally:
            self._slots.release()

    def _migrate(self) -> None:
        with self.transaction():
            self.run("SELECT pg_advisory_xact_lock(?)", (PG_LOCK_KEY,))
            self.run("CREATE TABLE IF NOT EXISTS office_schema_version (version INTEGER PRIMARY KEY,"
                     " name TEXT NOT NULL, applied_at TEXT NOT NULL)")
            done = {r[0] for r in self.rows("SELECT version FROM office_schema_version")}
            for m in migrations("pg"):
                if m.version not in done:
                    conn = self._local.conn
                    for statement in _statements(m.sql):
                        conn.execute(statement)
                    self.run("INSERT INTO office_schema_version VALUES (?, ?, ?)", (m.version, m.name, utc_now()))

    @contextmanager
    def transaction(self) -> Iterator[None]:
        if getattr(self._local, "conn", None) is not None:
            yield
            return
        with self._connection() as conn:
            self._local.conn = conn
            try:
                with conn.transaction():
                    yield
            finally:
                self._local.conn = None

    def _execute(self, sql: str, params: tuple | list):
        with self._connection() as conn:
            cursor = conn.execute(pg_sql(sql), tuple(params))
            return cursor, (cursor.fetchall() if cursor.description else [])

    def rows(self, sql: str, params: tuple | list = ()) -> list[tuple]:
        return self._execute(sql, params)[1]

    def run(self, sql: str, params: tuple | list = ()) -> int:
        return self._execute(sql, params)[0].rowcount

    def close(self) -> None:
        with self._lock:
            conns, self._idle = self._idle, []
        for conn in conns:
            conn.close()


def open_office_db(storage: Any) -> OfficeDB:
    """The office tables beside the bureau's storage (a SqliteStorage or a PostgresStorage)."""
    url = getattr(storage, "url", None)
    if url:
        return PostgresOfficeDB(url)
    return SqliteOfficeDB(Path(storage.path))
