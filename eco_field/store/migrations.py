"""Schema migrations: the numbered SQL files in db/, applied in order, each in one transaction.

Built on sqlite-utils' Migrations (each step and its record commit together). Before any step
runs on an existing database the file is copied aside, and a database that has steps this
program does not know (made by a newer EcoField) is refused rather than guessed at.
up_to_date() answers the common case (nothing to do) with one plain query, so opening a database
does not import sqlite-utils (about a fifth of the window's start-up) unless a step must run.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from eco_field.errors import DatabaseUnavailable
from eco_field.paths import MIGRATIONS_DIR

if TYPE_CHECKING:
    import sqlite_utils
    from sqlite_utils.migrations import Migrations

MIGRATION_SET = "eco_field"
MIGRATIONS_TABLE = "_sqlite_migrations"  # sqlite-utils' Migrations keeps its records here


def migration_files(directory: Path = MIGRATIONS_DIR) -> list[Path]:
    return sorted(p for p in directory.glob("[0-9][0-9][0-9][0-9]_*.sql"))


def split_statements(script: str) -> list[str]:
    """Split an SQL script into statements (trigger bodies keep their inner semicolons)."""
    statements, buffer = [], ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            if buffer.strip():
                statements.append(buffer.strip())
            buffer = ""
    if buffer.strip() and not buffer.strip().startswith("--"):
        statements.append(buffer.strip())
    return statements


def up_to_date(conn: sqlite3.Connection, files: list[Path] | None = None) -> bool:
    """True when exactly the known steps are recorded as applied: nothing to run, nothing unknown."""
    try:
        rows = conn.execute(f"SELECT name FROM {MIGRATIONS_TABLE} WHERE migration_set = ?",
                            [MIGRATION_SET]).fetchall()
    except sqlite3.OperationalError:  # no such table: a new database
        return False
    known = {path.stem for path in (files if files is not None else migration_files())}
    return {row[0] for row in rows} == known


def build_migrations(files: list[Path] | None = None) -> Migrations:
    from sqlite_utils.migrations import Migrations

    migrations = Migrations(MIGRATION_SET)
    for path in files if files is not None else migration_files():
        statements = split_statements(path.read_text(encoding="utf-8"))

        def step(db: sqlite_utils.Database, _statements: list[str] = statements) -> None:
            for statement in _statements:
                db.conn.execute(statement)

        migrations(name=path.stem)(step)
    return migrations


def apply_migrations(db: sqlite_utils.Database, db_path: Path | None, files: list[Path] | None = None) -> list[str]:
    """Bring the schema up to date; returns the names applied. Copies the file first if it had data."""
    migrations = build_migrations(files)
    known = {m.name for m in migrations._migrations}
    applied = [m.name for m in migrations.applied(db)]
    unknown = [name for name in applied if name not in known]
    if unknown:
        raise DatabaseUnavailable("db.newer", path=db_path or "", steps=", ".join(unknown))
    pending = [m.name for m in migrations.pending(db)]
    if not pending:
        return []
    if applied and db_path is not None:
        backup_before_migrating(db, db_path, pending[0])
    migrations.apply(db)
    return pending


def backup_before_migrating(db: sqlite_utils.Database, db_path: Path, next_step: str) -> Path:
    """A consistent copy of the database (SQLite backup API) in backups/ beside it."""
    backup_dir = db_path.parent / "backups"
    backup_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = backup_dir / f"{db_path.stem}-before-{next_step}-{stamp}.db"
    with sqlite3.connect(target) as copy:
        db.conn.backup(copy)
    copy.close()
    return target
