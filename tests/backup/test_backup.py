"""Backups: a consistent copy that restores into a working data folder with every original intact."""

import zipfile

from eco_field.store import audit
from eco_field.store.evidence_rows import link_evidence
from eco_field.store.inspections import create
from eco_field.workspace import Workspace


def _workspace_with_evidence(workspace, tmp_path):
    insp = create(workspace.db, "91141102MA0D00000X", ["14110100001", "14110100002"])
    photo = tmp_path / "现场 照片.jpg"
    photo.write_bytes(b"\xff\xd8 pretend jpeg " * 1000)
    ref = workspace.blobs.put_file(photo)
    link_evidence(workspace.db, insp.id, ref, "photo", photo.name)
    return insp, ref


def test_backup_and_restore_round_trip(workspace, cli, tmp_path):
    insp, ref = _workspace_with_evidence(workspace, tmp_path)
    out = tmp_path / "backup.zip"
    assert cli("backup", "-o", str(out)).returncode == 0
    target = tmp_path / "restored"
    result = cli("--data-dir", str(target), "restore", str(out), "--json")
    assert result.returncode == 0, result.stderr
    with Workspace.open(target) as restored:
        assert restored.blobs.verify(ref.sha256) == "ok"
        assert audit.verify(restored.db).ok
        assert restored.db.execute("SELECT count(*) FROM inspections WHERE id = ?", [insp.id]).fetchone()[0] == 1


def test_restore_refuses_existing_database_and_damaged_backup(workspace, cli, tmp_path, data_dir):
    _workspace_with_evidence(workspace, tmp_path)
    out = tmp_path / "backup.zip"
    assert cli("backup", "-o", str(out)).returncode == 0
    refused = cli("restore", str(out))
    assert refused.returncode == 2 and "已有数据库" in refused.stderr

    damaged = tmp_path / "damaged.zip"
    with zipfile.ZipFile(out) as src, zipfile.ZipFile(damaged, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename.startswith("evidence/"):
                data = data[:-1] + b"!"
            dst.writestr(item, data)
    target = tmp_path / "restored"
    result = cli("--data-dir", str(target), "restore", str(damaged))
    assert result.returncode == 2 and "不符" in result.stderr
    assert not (target / "eco_field.db").exists()


def test_backup_to_a_folder_or_an_unwritable_place_is_bad_input(workspace, cli, tmp_path):
    (tmp_path / "a-file").write_text("x")
    for target in (tmp_path, tmp_path / "a-file" / "b.zip"):
        result = cli("backup", "-o", str(target))
        assert result.returncode == 2 and str(target) in result.stderr, result.stderr
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]


def test_restore_into_a_file_is_bad_input(workspace, cli, tmp_path):
    out = tmp_path / "backup.zip"
    assert cli("backup", "-o", str(out)).returncode == 0
    (tmp_path / "a-file").write_text("x")
    result = cli("--data-dir", str(tmp_path / "a-file"), "restore", str(out))
    assert result.returncode == 2 and "a-file" in result.stderr, result.stderr
    assert (tmp_path / "a-file").read_text() == "x"
