"""The command line as an officer runs it: real console script, real files, real subprocesses."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import sqlite3
import subprocess
import time

import pytest

from tests.conftest import eco_field_command
from tests.evidence.conftest import make_photo


@pytest.fixture
def insp(cli):
    assert cli("init", "--demo").returncode == 0
    ent = cli("enterprises", "list", "--json").json()[0]["id"]
    certs = [o["cert_no"] for o in cli("officers", "list", "--json").json()[:2]]
    out = cli("inspections", "new", "--enterprise", ent, "--officer", certs[0], "--officer", certs[1],
              "--start", "2026-06-05T09:00", "--json")
    assert out.returncode == 0, out.stderr
    return out.json()["id"]


def test_import_list_thumbnail_verify(cli, insp, tmp_path, data_dir):
    card = tmp_path / "card"
    make_photo(card / "现场 1.jpg", taken="2026:06:05 09:20:00")
    (card / "readme.txt").write_text("x")
    out = cli("evidence", "import", insp, str(card), "--json")
    assert out.returncode == 0, out.stderr
    report = out.json()
    assert set(report) == {"imported", "duplicates", "errors"}
    assert report["imported"][0]["original_name"] == "现场 1.jpg"
    assert report["errors"][0]["path"].endswith("readme.txt") and report["errors"][0]["error"]
    listed = cli("evidence", "list", insp, "--json").json()
    keys = {"sha256", "original_name", "size", "taken_at", "taken_at_raw", "lat", "lon", "alt", "make", "model",
            "orientation", "drone", "flags", "distance_m"}
    assert keys <= set(listed[0])
    assert listed[0]["taken_at"] == "2026-06-05T09:20:00+08:00" and listed[0]["taken_at_raw"] == "2026:06:05 09:20:00"
    thumb = tmp_path / "t.jpg"
    out = cli("evidence", "thumbnail", listed[0]["sha256"], "--size", "1600", "-o", str(thumb))
    assert out.returncode == 0 and thumb.read_bytes()[:3] == b"\xff\xd8\xff"
    assert cli("evidence", "verify", insp).returncode == 0
    stored = next(p for p in (data_dir / "evidence").rglob(f"{listed[0]['sha256']}.*"))
    stored.write_bytes(stored.read_bytes() + b"x")
    out = cli("evidence", "verify", "--json")
    assert out.returncode == 1 and out.json()["altered"][0]["sha256"] == listed[0]["sha256"]


def test_exit_2_when_nothing_could_be_imported(cli, insp, tmp_path):
    (tmp_path / "a.txt").write_text("no photo")
    out = cli("evidence", "import", insp, str(tmp_path / "a.txt"), "--json")
    assert out.returncode == 2 and out.json()["imported"] == []
    assert "a.txt" in out.stderr and "未导入任何文件" in out.stderr  # exit 2 says why on stderr


def test_seal_verify_and_amend_from_the_command_line(cli, insp, tmp_path, data_dir):
    assert cli("evidence", "import", insp, str(make_photo(tmp_path / "a.jpg"))).returncode == 0
    out = cli("inspections", "seal", insp, "--json")
    assert out.returncode == 0 and len(out.json()["seal_hash"]) == 64
    assert cli("inspections", "verify", insp).returncode == 0
    refused = cli("evidence", "import", insp, str(make_photo(tmp_path / "b.jpg", seed=2)))
    assert refused.returncode == 2 and "已封存" in refused.stderr and insp not in refused.stderr
    conn = sqlite3.connect(data_dir / "eco_field.db")
    conn.execute("DROP TRIGGER inspections_sealed_readonly")
    conn.execute("UPDATE inspections SET place = '别处' WHERE id = ?", [insp])
    conn.commit()
    conn.close()
    out = cli("inspections", "verify", insp, "--json")
    assert out.returncode == 1 and "record field 'place' changed" in out.json()["problems"]
    amended = cli("inspections", "amend", insp, "--json")
    assert amended.returncode == 0 and amended.json()["amends_id"] == insp


def test_kill_mid_import_then_rerun_completes(cli, insp, tmp_path, data_dir):
    card = tmp_path / "card"
    for i in range(40):
        make_photo(card / f"DSC{i:04d}.JPG", size=(1600, 1200), seed=i)
    command = [*eco_field_command(), "--data-dir", str(data_dir), "evidence", "import", insp, str(card), "--json"]
    env = {k: v for k, v in os.environ.items() if k != "ECO_FIELD_HOME"}
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env,
                            start_new_session=True)
    try:
        _wait_for_rows(data_dir, insp, proc)
    finally:
        os.killpg(proc.pid, signal.SIGKILL)  # the importer and its pool workers, mid-batch
        proc.wait()
    _assert_every_row_has_its_file(data_dir)
    done_before = _rows(data_dir, insp)
    assert 0 < done_before < 40, "the kill should land mid-batch"

    out = cli("evidence", "import", insp, str(card), "--json")
    assert out.returncode == 0, out.stderr
    report = out.json()
    assert len(report["imported"]) + len(report["duplicates"]) == 40 and report["errors"] == []
    assert len(report["duplicates"]) == done_before
    assert _rows(data_dir, insp) == 40
    _assert_every_row_has_its_file(data_dir)
    assert cli("evidence", "verify", insp).returncode == 0
    assert cli("audit", "verify").returncode == 0
    assert not any((data_dir / "evidence" / ".tmp").iterdir())
    assert not [p for p in (data_dir / "cache").rglob("*") if p.is_file() and p.suffix != ".jpg"]


def _rows(data_dir, insp) -> int:
    conn = sqlite3.connect(data_dir / "eco_field.db", timeout=10)
    try:
        return conn.execute("SELECT count(*) FROM evidence WHERE inspection_id = ?", [insp]).fetchone()[0]
    finally:
        conn.close()


def _wait_for_rows(data_dir, insp, proc, at_least: int = 3) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        if _rows(data_dir, insp) >= at_least:
            return
        time.sleep(0.02)  # polling for a condition, not waiting out a guess
    pytest.fail("the import finished or stalled before it could be interrupted")


def _assert_every_row_has_its_file(data_dir) -> None:
    conn = sqlite3.connect(data_dir / "eco_field.db", timeout=10)
    shas = [r[0] for r in conn.execute("SELECT DISTINCT sha256 FROM evidence")]
    conn.close()
    for sha in shas:
        files = list((data_dir / "evidence" / sha[:2]).glob(f"{sha}.*"))
        assert len(files) == 1 and hashlib.sha256(files[0].read_bytes()).hexdigest() == sha
    for path in (data_dir / "evidence").rglob("*"):
        if path.is_file() and ".tmp" not in path.parts:  # no half-written file under its final name
            assert hashlib.sha256(path.read_bytes()).hexdigest() == path.name.split(".")[0]


def test_json_output_is_only_json(cli, insp, tmp_path):
    out = cli("evidence", "list", insp, "--json")
    assert json.loads(out.stdout) == []


def test_redraw_thumbnails_from_the_command_line(cli, insp, tmp_path):
    from tests.evidence.conftest import photo_with_preview

    photo = photo_with_preview(tmp_path / "DJI_0002.JPG")
    assert cli("evidence", "import", insp, str(photo)).returncode == 0
    out = cli("evidence", "redraw-thumbnails", insp, "--json")
    assert out.returncode == 0, out.stderr
    assert out.json() == {"redrawn": 1, "refused": [], "cancelled": False}
    again = cli("evidence", "redraw-thumbnails")
    assert again.returncode == 0 and again.stdout.startswith("已从照片本身重新生成 0 张缩略图")
