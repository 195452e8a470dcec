"""PostgreSQL migrations of the bureau's database (SQLite's schema stays in sqlite_store.py).

Files `pg_NNNN_name.sql` in this folder are applied once each, in number order, each in its own
transaction together with its row in schema_migrations. An advisory lock makes concurrent starters
(the server and an admin command at once) apply them one at a time.
"""

from __future__ import annotations

import re
from importlib import resources

from eco_field.clock import utc_now

MIGRATION_RE = re.compile(r"^pg_(\d{4})_(\w+)\.sql$")
LOCK_KEY = 0x45434F42  # "ECOB": the bureau's migration lock


def migrations() -> list[tuple[int, str, str]]:
    """(version, name, sql) of every migration file, in order."""
    found = []
    for item in resources.files(__package__).iterdir():
        match = MIGRATION_RE.match(item.name)
        if match:
            found.append((int(match.group(1)), match.group(2), item.read_text(encoding="utf-8")))
    return sorted(found)


def migrate(conn) -> list[int]:
    """Apply the migrations this database lacks (conn: a psycopg connection in autocommit mode)."""
    applied = []
    for version, name, sql in migrations():
        with conn.transaction():
            conn.execute("SELECT pg_advisory_xact_lock(%s)", [LOCK_KEY])
            conn.execute("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY,"
                         " name TEXT NOT NULL, applied_at TEXT NOT NULL)")
            if conn.execute("SELECT 1 FROM schema_migrations WHERE version = %s", [version]).fetchone():
                continue
            conn.execute(sql, prepare=False)  # several statements: never a prepared one
            conn.execute("INSERT INTO schema_migrations (version, name, applied_at) VALUES (%s, %s, %s)",
                         [version, name, utc_now()])
            applied.append(version)
    return applied
