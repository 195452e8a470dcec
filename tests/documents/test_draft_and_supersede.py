"""Draft, then issue: a draft takes no number and stores nothing; issuing a kind again for the same record
voids the earlier number with its reason, both stay on record, and `documents list` says which is current."""

from __future__ import annotations

import pytest
from pypdf import PdfReader

from eco_field.documents import service
from eco_field.errors import BadInput
from tests.documents.conftest import issued_count


def _stored(ws) -> tuple[int, int, int]:
    db = ws.db
    return (issued_count(ws), db.execute("SELECT count(*) FROM documents").fetchone()[0],
            db.execute("SELECT count(*) FROM blobs").fetchone()[0])


def test_a_draft_takes_no_number_and_stores_nothing(workspace, inspection, tmp_path, cli):
    before = _stored(workspace)
    result = cli("documents", "render", "inspection-record", "--inspection", inspection.id, "--draft",
                 "-o", str(tmp_path / "draft.pdf"), "--json")
    assert result.returncode == 0, result.stderr
    assert result.json()["number"] is None and result.json()["draft"] is True
    assert _stored(workspace) == before
    reader = PdfReader(tmp_path / "draft.pdf")
    assert len(reader.pages) >= 1
    for page in reader.pages:  # 草稿 on every page, and no number anywhere
        text = page.extract_text()
        assert "草" in text and "稿" in text and "未编号" in text
        assert "环检〔" not in text


def test_a_draft_does_not_verify(workspace, inspection, tmp_path, cli):
    service.render_draft(workspace, "inspection-record", inspection_id=inspection.id, out_path=tmp_path / "d.pdf")
    result = cli("documents", "verify", str(tmp_path / "d.pdf"), "--json")
    assert result.returncode == 1 and result.json()["issued_file_match"] is False
    assert "草稿" in result.json()["problem"]


def test_issuing_twice_voids_the_first_and_list_shows_the_current(workspace, inspection, tmp_path, cli):
    first = cli("documents", "render", "inspection-record", "--inspection", inspection.id,
                "-o", str(tmp_path / "1.pdf"), "--json").json()
    second = cli("documents", "render", "inspection-record", "--inspection", inspection.id, "--reason", "现场负责人姓名有误",
                 "-o", str(tmp_path / "2.pdf"), "--json")
    assert second.returncode == 0, second.stderr
    second = second.json()
    assert second["number"] != first["number"] and second["superseded"] == [first["number"]]
    listed = {d["number"]: d for d in cli("documents", "list", "--json").json()}
    assert listed[first["number"]]["current"] is False and listed[first["number"]]["status"] == "void"
    assert listed[first["number"]]["void_reason"] == "现场负责人姓名有误"
    assert listed[first["number"]]["superseded_by"] == second["id"]
    assert listed[second["number"]]["current"] is True and listed[second["number"]]["status"] == "issued"
    for key in ("number", "kind", "case", "sha256", "pdf_sha256", "status"):  # the existing keys stay
        assert key in listed[second["number"]]
    numbers = {n["number"]: n for n in cli("numbers", "list", "--json").json()["numbers"]}
    assert numbers[first["number"]]["status"] == "void" and numbers[first["number"]]["reason"] == "现场负责人姓名有误"
    # the voided document still verifies as the file that was issued, and says it is void
    old = cli("documents", "verify", str(tmp_path / "1.pdf"), "--json")
    assert old.returncode == 1 and old.json()["issued_file_match"] is True and old.json()["current"] is False
    assert "作废" in old.stdout


def test_without_a_reason_the_void_names_its_successor(workspace, inspection):
    first = service.issue(workspace, "interview-record", inspection_id=inspection.id)
    second = service.issue(workspace, "interview-record", inspection_id=inspection.id)
    doc = service.get_document(workspace.db, first["number"])
    assert doc["status"] == "void" and second["number"] in doc["void_reason"]


def test_other_kinds_and_records_are_not_superseded(workspace, inspection):
    record = service.issue(workspace, "inspection-record", inspection_id=inspection.id)
    service.issue(workspace, "interview-record", inspection_id=inspection.id)
    assert service.get_document(workspace.db, record["number"])["current"] is True


def test_an_issue_that_fails_voids_nothing(workspace, inspection, tmp_path):
    first = service.issue(workspace, "inspection-record", inspection_id=inspection.id)
    count = issued_count(workspace)
    with pytest.raises(BadInput):  # the copy cannot be written (a folder is in the way): all rolls back
        service.issue(workspace, "inspection-record", inspection_id=inspection.id, out_path=tmp_path)
    assert service.get_document(workspace.db, first["number"])["current"] is True
    assert issued_count(workspace) == count
