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


@pytest.mark.parametrize("step", range(1, len(migration_files()) + 1))
def test_database_at_each_step_migrates_forward_keeping_rows(tmp_path, step):
    files = migration_files()
    path = tmp_path / "eco_field.db"
    db = sqlite_utils.Database(path)
    apply_migrations(db, path, files[:step])
    ws = Workspace(tmp_path, db)
    demo.seed(ws)
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
    with pytest.raises(DatabaseUnavailable, match="newer EcoField"):
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
