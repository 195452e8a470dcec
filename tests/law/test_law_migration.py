"""0004_cases applies on a database made by the steps before it, keeping what was there."""

from __future__ import annotations

import sqlite3

import sqlite_utils

from eco_field.store.migrations import apply_migrations, migration_files


def test_cases_migration_on_a_database_of_the_previous_steps(tmp_path):
    path = tmp_path / "old.db"
    before = [f for f in migration_files() if f.stem < "0004"]
    db = sqlite_utils.Database(sqlite3.connect(path))
    apply_migrations(db, path, before)
    db.execute("INSERT INTO settings (key, value) VALUES ('bureau_name', '测试局')")
    db.conn.commit()
    applied = apply_migrations(db, path)
    assert "0004_cases" in applied
    assert {"cases", "case_violations", "case_events"} <= set(db.table_names())
    assert db.execute("SELECT value FROM settings WHERE key = 'bureau_name'").fetchone()[0] == "测试局"
    assert list((tmp_path / "backups").glob("old-before-*.db"))
