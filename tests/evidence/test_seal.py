"""Sealing: the hash covers the record and every evidence file; any later difference is caught."""

from __future__ import annotations

import sqlite3

import pytest

from eco_field.errors import SealedRecord
from eco_field.evidence import seal, service
from eco_field.evidence.worker import write_atomic
from eco_field.store import evidence_rows, inspections
from eco_field.store.blobs import BlobStore
from eco_field.store.database import write_transaction
from tests.evidence.conftest import make_photo


@pytest.fixture
def sealed(workspace, inspection, tmp_path):
    service.import_paths(workspace, inspection, [make_photo(tmp_path / "a.jpg"), make_photo(tmp_path / "b.jpg", seed=4)])
    source = tmp_path / "gas.csv"
    source.write_text("time,CO\n09:10,12\n", encoding="utf-8")
    with write_transaction(workspace.db):
        evidence_rows.link_evidence(workspace.db, inspection, BlobStore(workspace.blobs.root).put_file(source),
                                    "reading_source", "gas.csv")
    result = seal.seal(workspace, inspection)
    assert result["evidence"] == 3
    return inspection


def test_list_shows_photos_then_other_kinds(workspace, sealed):
    assert [i["kind"] for i in service.list_evidence(workspace.db, sealed)] == ["photo", "photo"]
    listed = service.list_evidence(workspace.db, sealed, all_kinds=True)
    assert [i["kind"] for i in listed] == ["photo", "photo", "reading_source"]
    assert listed[2]["original_name"] == "gas.csv" and listed[2]["flags"] == [] and listed[2]["taken_at"] is None


def test_seal_then_verify(workspace, sealed):
    report = seal.verify_seal(workspace, sealed)
    assert report["ok"] and report["problems"] == [] and report["recomputed"] == report["seal_hash"]
    assert inspections.get(workspace.db, sealed).sealed


def test_sealed_record_is_read_only(workspace, sealed):
    with pytest.raises(SealedRecord):
        inspections.update(workspace.db, sealed, findings=[{"text": "后改"}])
    with pytest.raises(sqlite3.IntegrityError):
        with write_transaction(workspace.db):
            workspace.db.execute("DELETE FROM evidence WHERE inspection_id = ?", [sealed])


def tamper(workspace, sql, params):
    """What someone editing the database file by hand would do: drop the guard, change the row."""
    conn = sqlite3.connect(workspace.db_path)
    for trigger in ("inspections_sealed_readonly", "evidence_sealed_update", "evidence_sealed_delete"):
        conn.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    conn.execute(sql, params)
    conn.commit()
    conn.close()


def test_changed_row_breaks_the_seal(workspace, sealed):
    tamper(workspace, "UPDATE inspections SET findings_json = '[{\"text\": \"x\"}]' WHERE id = ?", [sealed])
    report = seal.verify_seal(workspace, sealed)
    assert not report["ok"] and "record field 'findings' changed" in report["problems"]


def test_removed_evidence_row_breaks_the_seal(workspace, sealed):
    tamper(workspace, "DELETE FROM evidence WHERE inspection_id = ? AND original_name = 'gas.csv'", [sealed])
    report = seal.verify_seal(workspace, sealed)
    assert "evidence 'gas.csv' was removed" in report["problems"]


def test_altered_or_missing_file_breaks_the_seal(workspace, sealed):
    photo = service.list_evidence(workspace.db, sealed)[0]
    stored = workspace.blobs.find(photo["sha256"])
    write_atomic(stored, stored.read_bytes()[:-10] + b"0123456789", durable=False)
    assert not seal.verify_seal(workspace, sealed)["ok"]
    stored.unlink()
    report = seal.verify_seal(workspace, sealed)
    assert any("missing" in p for p in report["problems"])


def test_amendment_references_the_sealed_version(workspace, sealed):
    new_id = seal.amend(workspace, sealed)
    amended = inspections.get(workspace.db, new_id)
    assert amended.amends_id == sealed and not amended.sealed
    listed = service.list_evidence(workspace.db, new_id, all_kinds=True)
    assert len(listed) == 3 and all("duplicate" not in i["flags"] for i in listed)
    inspections.update(workspace.db, new_id, findings=[{"text": "补充"}])
    seal.seal(workspace, new_id)
    assert seal.verify_seal(workspace, new_id)["ok"] and seal.verify_seal(workspace, sealed)["ok"]


def test_document_issued_after_sealing_is_filed_outside_the_seal(workspace, sealed):
    ref = workspace.blobs.put_bytes(b"%PDF-1.7 decision", "pdf")
    with write_transaction(workspace.db):
        evidence_rows.link_evidence(workspace.db, sealed, ref, "document", "吕环罚〔2026〕1号.pdf")
    report = seal.verify_seal(workspace, sealed)
    assert report["ok"], report["problems"]
    assert [a["original_name"] for a in report["attached_after_seal"]] == ["吕环罚〔2026〕1号.pdf"]
    with pytest.raises(sqlite3.IntegrityError):  # but no more photos
        with write_transaction(workspace.db):
            evidence_rows.link_evidence(workspace.db, sealed, workspace.blobs.put_bytes(b"x", "jpg"), "photo", "x")
