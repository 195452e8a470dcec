"""Case files: exported from a real case, verified without the database, hostile archives refused."""

import json
import zipfile

import pytest

from eco_field.documents import service as documents
from eco_field.law import cases
from eco_field.store.inspections import create
from tests.documents.case_walk import approve, file_and_investigate, issue, opened, prepare
from tests.law.procedure_helpers import ago


@pytest.fixture
def case_zip(workspace, cli, tmp_path):
    """A real case walked through the procedure (filed, investigated, notice served, decision approved) so
    its 行政处罚决定书 may issue, with the bureau's details a decision states (case_walk.prepare)."""
    prepare(workspace)
    case_id = opened(workspace, tmp_path, factors={"impact": "medium"})
    (tmp_path / "walk").mkdir()
    file_and_investigate(workspace, case_id, tmp_path / "walk")
    issue(workspace, "penalty-notice", case_id, tmp_path / "walk")
    cases.record_event(workspace.db, case_id, "notified", ago(40))
    approve(workspace, case_id, "decision", ago(30))
    doc, _ = issue(workspace, "penalty-decision", case_id, tmp_path / "walk")
    out = tmp_path / "case.zip"
    result = cli("cases", "export", case_id, "-o", str(out), "--json")
    assert result.returncode == 0, result.stderr
    return out, doc


def test_export_holds_documents_originals_and_audit(case_zip, cli):
    out, doc = case_zip
    with zipfile.ZipFile(out) as archive:
        manifest = json.loads(archive.read("manifest.json"))
        names = set(archive.namelist())
    roles = {f["role"] for f in manifest["files"]}
    assert roles == {"document", "photo"}
    pdf = next(f for f in manifest["files"] if f["role"] == "document" and f["number"] == doc["number"])
    assert pdf["sha256"] == doc["sha256"] and pdf["number"] == doc["number"] and pdf["path"] in names
    assert manifest["audit"] and all("hash" in e for e in manifest["audit"])
    result = cli("verify-export", str(out), "--json")
    assert result.returncode == 0 and result.json()["ok"], result.stdout


def _rewrite(src, dst, change):
    with zipfile.ZipFile(src) as a, zipfile.ZipFile(dst, "w") as b:
        for info in a.infolist():
            data = change(info.filename, a.read(info))
            if data is not None:
                b.writestr(info, data)


def test_altered_or_missing_file_fails(case_zip, cli, tmp_path):
    out, _ = case_zip
    altered = tmp_path / "altered.zip"
    _rewrite(out, altered, lambda name, data: data[:-10] + b"0123456789" if name.startswith("evidence/") else data)
    result = cli("verify-export", str(altered), "--json")
    assert result.returncode == 1 and any("校验值不符" in p for p in result.json()["problems"])
    missing = tmp_path / "missing.zip"
    _rewrite(out, missing, lambda name, data: None if name.startswith("documents/") else data)
    result = cli("verify-export", str(missing), "--json")
    assert result.returncode == 1 and any("压缩包中没有" in p for p in result.json()["problems"])


def test_forged_audit_entry_fails(case_zip, cli, tmp_path):
    out, _ = case_zip

    def forge(name, data):
        if name != "manifest.json":
            return data
        manifest = json.loads(data)
        manifest["audit"][0]["actor"] = "someone else"
        return json.dumps(manifest).encode()

    forged = tmp_path / "forged.zip"
    _rewrite(out, forged, forge)
    result = cli("verify-export", str(forged), "--json")
    assert result.returncode == 1 and any("已被改动" in p for p in result.json()["problems"])


@pytest.mark.parametrize("name", ["../../etc/evil", "/abs/evil", "documents/../../evil", "C:/evil"])
def test_path_traversal_is_refused(case_zip, cli, tmp_path, name):
    out, _ = case_zip
    hostile = tmp_path / "hostile.zip"
    _rewrite(out, hostile, lambda n, data: data)
    with zipfile.ZipFile(hostile, "a") as archive:
        archive.writestr(name, b"x")
    result = cli("verify-export", str(hostile), "--extract", str(tmp_path / "out"))
    assert result.returncode == 2 and "已拒绝" in result.stderr
    assert not (tmp_path / "out").exists()


def test_zip_bomb_is_refused(cli, tmp_path):
    bomb = tmp_path / "bomb.zip"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("manifest.json", json.dumps({"format": "eco-field-case/1", "files": []}))
        archive.writestr("evidence/photos/zeros.jpg", b"\0" * (64 * 1024 * 1024))
    result = cli("verify-export", str(bomb))
    assert result.returncode == 2 and "压缩炸弹" in result.stderr


def test_extract_after_clean_check(case_zip, cli, tmp_path):
    out, _ = case_zip
    target = tmp_path / "extracted"
    assert cli("verify-export", str(out), "--extract", str(target)).returncode == 0
    assert (target / "manifest.json").exists() and list((target / "documents").glob("*.pdf"))


def test_export_holds_the_inspection_documents_the_case_cites(workspace, cli, tmp_path):
    insp = create(workspace.db, "91141102MA0D00000X", ["14110100001", "14110100002"], started_at="2026-06-05T09:30")
    other = create(workspace.db, "91141102MA0D00000X", ["14110100001", "14110100002"], started_at="2026-06-06T09:30")
    record = documents.render(workspace, "inspection-record", inspection_id=insp.id)
    documents.render(workspace, "inspection-record", inspection_id=other.id)
    case = cases.new_case(workspace.db, insp.id, ["AIR-02"], "焦炉烟囱颗粒物浓度超标")
    out = tmp_path / "case.zip"
    assert cli("cases", "export", case.id, "-o", str(out)).returncode == 0
    with zipfile.ZipFile(out) as archive:
        manifest = json.loads(archive.read("manifest.json"))
    assert [f["number"] for f in manifest["files"] if f["role"] == "document"] == [record["number"]]
    assert cli("verify-export", str(out)).returncode == 0


def test_export_to_a_folder_or_an_unwritable_place_is_bad_input(workspace, cli, tmp_path):
    insp = create(workspace.db, "91141102MA0D00000X", ["14110100001", "14110100002"], started_at="2026-06-05T09:30")
    case = cases.new_case(workspace.db, insp.id, ["AIR-02"], "焦炉烟囱颗粒物浓度超标")
    (tmp_path / "a-file").write_text("x")
    for target in (tmp_path, tmp_path / "a-file" / "case.zip"):
        result = cli("cases", "export", case.id, "-o", str(target))
        assert result.returncode == 2 and str(target) in result.stderr, result.stderr
