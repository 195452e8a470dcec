"""Cases from the bureau: status only, or a whole newer snapshot; never queued to be pushed back."""

from __future__ import annotations

import pytest

from eco_field.errors import BadInput, NotFound
from eco_field.law import cases
from eco_field.law.case_sync import apply_remote


def _pending(db):
    return db.execute("SELECT count(*) FROM outbox WHERE entity = 'case'").fetchone()[0]


def test_status_from_the_bureau(workspace, inspection):
    case = cases.new_case(workspace.db, inspection.id, ["AIR-02"], "超标")
    before = _pending(workspace.db)
    assert apply_remote(workspace.db, {"id": case.id, "status": "closed"}).status == "closed"
    assert _pending(workspace.db) == before


def test_a_newer_snapshot_replaces_the_case_and_an_older_one_is_ignored(workspace, inspection):
    case = cases.new_case(workspace.db, inspection.id, ["AIR-02"], "超标")
    case = cases.assess(workspace.db, case.id, {"impact": "medium"})
    snap = cases.snapshot(case)
    newer = {**snap, "revision": snap["revision"] + 5, "facts": "局里补充的事实", "status": "decided",
             "events": snap["events"] + [{"event": "decided", "date": "2026-07-01"}]}
    got = apply_remote(workspace.db, newer)
    assert (got.facts, got.status, got.revision) == ("局里补充的事实", "decided", snap["revision"] + 5)
    assert got.assessment.amount == case.assessment.amount
    assert apply_remote(workspace.db, {**snap, "facts": "旧的"}).facts == "局里补充的事实"


def test_a_case_made_elsewhere_arrives_whole(workspace, inspection):
    made = cases.new_case(workspace.db, inspection.id, ["HW-01"], "危废标志")
    snap = cases.snapshot(made)
    workspace.db.execute("DELETE FROM cases WHERE id = ?", [made.id])
    workspace.db.conn.commit()
    got = apply_remote(workspace.db, snap)
    assert got.violations[0].catalog_id == "HW-01" and got.events[0]["event"] == "discovered"


def test_incomplete_or_orphan_payloads_are_refused(workspace, inspection):
    with pytest.raises(BadInput):
        apply_remote(workspace.db, {"id": "x"})
    with pytest.raises(NotFound, match="不在本机"):
        apply_remote(workspace.db, {"id": "x", "status": "closed"})
    made = cases.new_case(workspace.db, inspection.id, ["HW-01"], "危废标志")
    orphan = {**cases.snapshot(made), "id": "other", "inspection_id": "gone"}
    with pytest.raises(NotFound, match="检查 gone 不在本机"):
        apply_remote(workspace.db, orphan)
