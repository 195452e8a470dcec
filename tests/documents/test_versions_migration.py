"""Migration 0009 on a laptop that issued documents before versions were kept: each becomes version 1 of
itself, verifies byte for byte afterwards, and versions can never be changed or removed."""

from __future__ import annotations

import sqlite3

import pytest
import sqlite_utils

from eco_field.store.migrations import apply_migrations, migration_files


def test_existing_documents_become_version_1(tmp_path):
    path = tmp_path / "old.db"
    db = sqlite_utils.Database(path)
    files = migration_files()
    before = [f for f in files if f.name < "0009"]
    apply_migrations(db, path, before)
    db.execute("INSERT INTO document_numbers (kind, year, serial, number, status, at) VALUES"
               " ('inspection-record', 2026, 1, '吕环检〔2026〕1号', 'issued', '2026-06-05T02:00:00+00:00')")
    db.execute("INSERT INTO documents (id, number, kind, record_sha256, pdf_sha256, pdf_size, pages, status,"
               " issued_at) VALUES ('d1', '吕环检〔2026〕1号', 'inspection-record', ?, ?, 1234, 2, 'issued',"
               " '2026-06-05T02:00:00+00:00')", ["a" * 64, "b" * 64])
    db.conn.commit()
    apply_migrations(db, path, files)
    row = db.execute("SELECT document_id, version, pdf_sha256, pdf_size, pages, previous_sha256 FROM"
                     " document_versions").fetchall()
    assert row == [("d1", 1, "b" * 64, 1234, 2, None)]
    assert db.execute("SELECT version, void_reason, superseded_by FROM documents").fetchall() == [(1, "", None)]
    with pytest.raises(sqlite3.DatabaseError, match="never changed"):
        db.execute("UPDATE document_versions SET pdf_sha256 = ?", ["c" * 64])
    with pytest.raises(sqlite3.DatabaseError, match="never deleted"):
        db.execute("DELETE FROM document_versions")
