"""Migrations: each step applied in order, forward from every earlier step without losing rows."""

import shutil
import sqlite3

import pytest
import sqlite_utils

from eco_field import demo
from eco_field.errors import DatabaseUnavailable
from eco_field.store.migrations import apply_migrations, migration_files
from eco_field.workspace import Workspace


def _row_counts(path):
    with sqlite3.connect(path) as conn:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'"
                                             " AND name NOT LIKE 'sqlite_%' AND name != '_sqlite_migrations'")]
        return {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}


def _seed_as_at_that_step(db, tmp_path) -> None:
    """The demo's rows as a database at an earlier step holds them: today's demo is seeded into a fully
    migrated database, and each table of the older one gets those rows in the columns it already had
    (today's seeding code writes columns later steps added, e.g. outlet_limits.kind of 0010)."""
    full_dir = tmp_path / "full"
    full_dir.mkdir()
    full = sqlite_utils.Database(full_dir / "eco_field.db")
    apply_migrations(full, full_dir / "eco_field.db", migration_files())
    demo.seed(Workspace(full_dir, full))
    full.conn.close()
    db.conn.execute("PRAGMA foreign_keys = OFF")  # tables are copied one by one, parents not always first
    db.conn.execute("ATTACH DATABASE ? AS full", [str(full_dir / "eco_field.db")])
    for table in db.table_names():
        if table == "_sqlite_migrations" or table.startswith("sqlite_"):
            continue
        have = {r[1] for r in db.conn.execute(f'PRAGMA full.table_info("{table}")')}
        cols = [r[1] for r in db.conn.execute(f'PRAGMA main.table_info("{table}")') if r[1] in have]
        if cols:
            listed = ", ".join(f'"{c}"' for c in cols)
            db.conn.execute(f'INSERT OR IGNORE INTO main."{table}" ({listed}) SELECT {listed} FROM full."{table}"')
    db.conn.commit()
    db.conn.execute("DETACH DATABASE full")
    db.conn.execute("PRAGMA foreign_keys = ON")


@pytest.mark.parametrize("step", range(1, len(migration_files()) + 1))
def test_database_at_each_step_migrates_forward_keeping_rows(tmp_path, step):
    files = migration_files()
    path = tmp_path / "eco_field.db"
    db = sqlite_utils.Database(path)
    apply_migrations(db, path, files[:step])
    _seed_as_at_that_step(db, tmp_path)
    assert any(_row_counts(path).values()), "no demo rows to carry forward"
    before = _row_counts(path)
    applied = apply_migrations(db, path, files)
    after = _row_counts(path)
    db.conn.close()
    assert applied == [f.stem for f in files[step:]]
    for table, count in before.items():
        assert after[table] == count, table
    if applied:
        assert list((tmp_path / "backups").glob("eco_field-before-*.db")), "database not copied before migrating"


def test_newer_database_is_refused(tmp_path):
    ws = Workspace.open(tmp_path, create=True)
    ws.db.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES"
                  " ('eco_field', '9999_from_the_future', '2030-01-01')")
    ws.db.conn.commit()
    ws.close()
    with pytest.raises(DatabaseUnavailable, match="由更新版本的 EcoField 写入.*9999_from_the_future"):
        Workspace.open(tmp_path)


def test_failed_step_leaves_no_trace(tmp_path):
    bad_dir = tmp_path / "steps"
    bad_dir.mkdir()
    for f in migration_files()[:1]:
        shutil.copy(f, bad_dir / f.name)
    (bad_dir / "0900_broken.sql").write_text("CREATE TABLE half_done (x);\nINSERT INTO no_such_table VALUES (1);\n")
    path = tmp_path / "eco_field.db"
    db = sqlite_utils.Database(path)
    with pytest.raises(sqlite3.OperationalError):
        apply_migrations(db, path, sorted(bad_dir.glob("*.sql")))
    assert "half_done" not in db.table_names()
    assert [r[0] for r in db.execute("SELECT name FROM _sqlite_migrations")] == [migration_files()[0].stem]
