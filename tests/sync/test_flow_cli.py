"""The whole flow through the real console script: bureau init, enrolment, sync, read-outs."""

from __future__ import annotations

import json
from pathlib import Path

from tests.sync.conftest import BureauServer, run_cli


def test_enroll_sync_and_read_outs_from_the_command_line(tmp_path: Path, bureau: BureauServer) -> None:
    laptop = str(tmp_path / "laptop")
    assert run_cli("--data-dir", laptop, "init", "--demo").returncode == 0
    code = bureau.admin_json("enroll-code", "--officer", "14110100001")
    assert set(code) >= {"code"}
    enrolled = run_cli("enroll", bureau.url, code["code"], "--data-dir", laptop, "--json")
    assert enrolled.returncode == 0, enrolled.stderr
    assert "token" not in json.loads(enrolled.stdout)

    ent = json.loads(run_cli("enterprises", "list", "--county", "离石区", "--json", "--data-dir", laptop).stdout)[0]
    made = run_cli("inspections", "new", "--enterprise", ent["id"], "--officer", "14110100001",
                   "--officer", "14110100002", "--data-dir", laptop, "--json")
    assert made.returncode == 0, made.stderr
    inspection_id = json.loads(made.stdout)["id"]

    status = json.loads(run_cli("sync", "status", "--json", "--data-dir", laptop).stdout)
    assert status["enrolled"] and status["pending"] >= 1 and status["last_success"] is None

    synced = run_cli("--data-dir", laptop, "sync", "--json")
    assert synced.returncode == 0, synced.stderr
    result = json.loads(synced.stdout)
    for key in ("pushed", "duplicates", "conflicts", "blobs_sent", "bytes_sent", "pulled"):
        assert key in result
    assert result["pushed"] >= 1 and result["conflicts"] == 0

    status = json.loads(run_cli("sync", "status", "--json", "--data-dir", laptop).stdout)
    assert status["pending"] == 0 and status["last_success"]

    inspections = bureau.admin_json("inspections")
    assert [(i["id"], i["status"], i["complete"]) for i in inspections] == [(inspection_id, "draft", True)]
    assert inspections[0]["enterprise_id"] == ent["id"] and inspections[0]["officers"] == ["14110100001",
                                                                                         "14110100002"]
    devices = bureau.admin_json("devices")
    assert len(devices) == 1 and devices[0]["officer"] == "14110100001" and devices[0]["revoked"] is False
    assert {"id", "officer", "enrolled", "last_seen", "revoked"} <= set(devices[0])

    again = json.loads(run_cli("sync", "--json", "--data-dir", laptop).stdout)
    assert again["pushed"] == 0 and again["pulled"] == 0


def test_data_dir_before_and_after_the_command(tmp_path: Path) -> None:
    folder = tmp_path / "b"
    assert run_cli("--data-dir", str(folder), "bureau", "init").returncode == 0
    added = run_cli("bureau", "officers", "add", "--name", "测试员", "--cert-no", "14119900001", "--unit", "兴县",
                    "--data-dir", str(folder), "--json")
    assert added.returncode == 0, added.stderr
    before = run_cli("--data-dir", str(folder), "bureau", "officers", "--json")
    after = run_cli("bureau", "officers", "--json", "--data-dir", str(folder))
    assert before.returncode == 0 and after.returncode == 0, before.stderr + after.stderr
    before, after = json.loads(before.stdout), json.loads(after.stdout)
    assert before == after == [{"cert_no": "14119900001", "name": "测试员", "units": ["兴县"]}]
    assert (folder / "bureau.db").exists()


def test_enterprises_import_takes_what_enterprises_list_prints(tmp_path: Path) -> None:
    laptop, folder = str(tmp_path / "laptop"), str(tmp_path / "b")
    run_cli("--data-dir", laptop, "init", "--demo")
    listing = tmp_path / "enterprises.json"
    listing.write_text(run_cli("--data-dir", laptop, "enterprises", "list", "--json").stdout, encoding="utf-8")
    run_cli("--data-dir", folder, "bureau", "init")
    first = run_cli("--data-dir", folder, "bureau", "enterprises", "import", str(listing), "--json")
    assert first.returncode == 0, first.stderr
    assert json.loads(first.stdout) == {"created": 44, "updated": 0, "unchanged": 0}
    second = json.loads(run_cli("--data-dir", folder, "bureau", "enterprises", "import", str(listing),
                                "--json").stdout)
    assert second == {"created": 0, "updated": 0, "unchanged": 44}
    broken = tmp_path / "broken.json"
    broken.write_text('[{"name": "x", "credit_code": "123", "county": "兴县"}]', encoding="utf-8")
    refused = run_cli("--data-dir", folder, "bureau", "enterprises", "import", str(broken))
    assert refused.returncode == 2 and "broken.json" in refused.stderr and "第 1 项" in refused.stderr


def test_enroll_code_is_one_time_and_only_a_hash_of_the_token_is_kept(tmp_path: Path,
                                                                      bureau: BureauServer) -> None:
    laptop = str(tmp_path / "laptop")
    run_cli("--data-dir", laptop, "init")
    code = bureau.code("14110100001")
    assert run_cli("--data-dir", laptop, "enroll", bureau.url, code).returncode == 0
    reused = run_cli("--data-dir", str(tmp_path / "other"), "init")
    assert reused.returncode == 0
    second = run_cli("--data-dir", str(tmp_path / "other"), "enroll", bureau.url, code)
    assert second.returncode != 0 and "403" in second.stderr
    expired = bureau.admin_json("enroll-code", "--officer", "14110100002", "--hours", "0")["code"]
    late = run_cli("--data-dir", str(tmp_path / "other"), "enroll", bureau.url, expired)
    assert late.returncode != 0 and "已过期" in late.stderr  # the bureau's refusal in the officer's language
    token = json.loads(run_cli("--data-dir", laptop, "sync", "status", "--json").stdout)
    assert token["enrolled"]
    import sqlite3

    with sqlite3.connect(Path(laptop) / "eco_field.db") as conn:
        secret = conn.execute("SELECT value FROM sync_state WHERE key = 'token'").fetchone()[0]
    server_files = b"".join(p.read_bytes() for p in bureau.data_dir.iterdir() if p.is_file())
    assert secret.encode() not in server_files
    held = bureau.database_bytes()  # SQLite's file or PostgreSQL's rows
    assert len(held) > 0 and secret.encode() not in held
