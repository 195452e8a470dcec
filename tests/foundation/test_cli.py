"""The foundation's command line, run as the real console script against a temporary data folder."""

import json
import os
import sqlite3
import subprocess

import pytest

from tests.conftest import eco_field_command

LIXI_COKING = "91141102MA0D00000X"  # first demo enterprise


@pytest.fixture
def demo_cli(cli):
    assert cli("init", "--demo").returncode == 0
    return cli


def test_init_demo_is_idempotent(demo_cli):
    again = demo_cli("init", "--demo", "--json").json()
    assert again["demo"] == {"officers": 0, "enterprises": 0, "tasks": 0}
    ents = demo_cli("enterprises", "list", "--json").json()
    assert len(ents) >= 40
    assert len({e["county"] for e in ents}) == 13


def test_enterprises_list_shape(demo_cli):
    ents = demo_cli("enterprises", "list", "--county", "离石区", "--json").json()
    assert ents and all(e["county"] == "离石区" for e in ents)
    coking = next(e for e in ents if e["credit_code"] == LIXI_COKING)
    for key in ("id", "name", "credit_code", "county", "industry", "lat", "lon", "radius_m", "permit_no", "outlets"):
        assert key in coking
    chimney = next(o for o in coking["outlets"] if o["code"] == "DA001")
    assert chimney["kind"] == "air"
    limits = {lim["pollutant"]: lim for lim in chimney["limits"]}
    assert limits["NOx"]["limit"] == 150 and limits["NOx"]["o2_ref"] == 8 and limits["PM"]["unit"] == "mg/m³"


def test_add_rejects_bad_credit_code(demo_cli):
    result = demo_cli("enterprises", "add", "--name", "坏代码公司", "--credit-code", "91141102MA0D000001",
                      "--county", "离石区")
    assert result.returncode == 2 and "校验码" in result.stderr  # the interface language (zh_CN)


def test_add_then_list(demo_cli):
    result = demo_cli("enterprises", "add", "--name", "测试新增公司", "--credit-code", "91350100M000100Y43",
                      "--county", "孝义市", "--industry", "焦化", "--lat", "37.1", "--lon", "111.7", "--json")
    assert result.returncode == 0, result.stderr
    assert result.json()["industry"] == "coking"
    names = [e["name"] for e in demo_cli("enterprises", "list", "--json").json()]
    assert "测试新增公司" in names


def test_add_of_a_known_credit_code_keeps_what_it_does_not_give(demo_cli):
    before = demo_cli("enterprises", "show", LIXI_COKING, "--json").json()
    result = demo_cli("enterprises", "add", "--name", before["name"], "--credit-code", LIXI_COKING.lower(),
                      "--county", before["county"], "--legal-rep", "新法定代表人", "--json")
    assert result.returncode == 0, result.stderr
    after = result.json()
    assert after["id"] == before["id"] and after["legal_rep"] == "新法定代表人"
    for key in ("lat", "lon", "radius_m", "address", "industry", "permit_no", "outlets"):
        assert after[key] == before[key], key


def test_import_round_trip_and_all_or_nothing(demo_cli, tmp_path):
    exported = demo_cli("enterprises", "list", "--json").json()
    exported[0]["name"] = "改名后的企业（演示）"
    bad = json.loads(json.dumps(exported))
    bad[3]["credit_code"] = "91141102MA0D000001"
    (tmp_path / "bad.json").write_text(json.dumps(bad, ensure_ascii=False), encoding="utf-8")
    result = demo_cli("enterprises", "import", str(tmp_path / "bad.json"))
    assert result.returncode == 2 and "第 4 项" in result.stderr
    assert "改名后的企业（演示）" not in demo_cli("enterprises", "list").stdout

    (tmp_path / "good.json").write_text(json.dumps(exported, ensure_ascii=False), encoding="utf-8")
    result = demo_cli("enterprises", "import", str(tmp_path / "good.json"), "--json")
    assert result.returncode == 0 and result.json() == {"created": 0, "updated": len(exported)}
    assert "改名后的企业（演示）" in demo_cli("enterprises", "list").stdout


@pytest.mark.parametrize("content", ["not json at all", '{"name": "x"}', "[1, 2]"])
def test_import_rejects_wrong_files(demo_cli, tmp_path, content):
    path = tmp_path / "in.json"
    path.write_text(content, encoding="utf-8")
    result = demo_cli("enterprises", "import", str(path))
    assert result.returncode == 2 and str(path) in result.stderr


def test_inspection_needs_two_known_officers(demo_cli):
    certs = [o["cert_no"] for o in demo_cli("officers", "list", "--json").json() if o["unit"] == "离石区"]
    one = demo_cli("inspections", "new", "--enterprise", LIXI_COKING, "--officer", certs[0])
    assert one.returncode == 2 and "两名" in one.stderr
    same = demo_cli("inspections", "new", "--enterprise", LIXI_COKING, "--officer", certs[0], "--officer", certs[0])
    assert same.returncode == 2
    unknown = demo_cli("inspections", "new", "--enterprise", LIXI_COKING, "--officer", certs[0], "--officer", "000")
    assert unknown.returncode == 2 and "000" in unknown.stderr
    assert demo_cli("inspections", "list", "--json").json() == []


def test_inspection_new_list_show(demo_cli):
    certs = [o["cert_no"] for o in demo_cli("officers", "list", "--json").json() if o["unit"] == "离石区"]
    task = next(t for t in demo_cli("tasks", "list", "--json").json() if t["enterprise_name"].startswith("离石"))
    made = demo_cli("inspections", "new", "--enterprise", LIXI_COKING, "--officer", certs[0], "--officer", certs[1],
                    "--task", task["id"], "--start", "2026-06-05T09:30", "--json")
    assert made.returncode == 0, made.stderr
    inspection = made.json()
    assert inspection["started_at"] == "2026-06-05T09:30:00+08:00"  # local time in Asia/Shanghai
    assert [o["cert_no"] for o in inspection["officers"]] == certs[:2]
    assert inspection["status"] == "draft"
    listed = demo_cli("inspections", "list", "--json").json()
    assert [i["id"] for i in listed] == [inspection["id"]]
    shown = demo_cli("inspections", "show", inspection["id"], "--json").json()
    assert shown["task_id"] == task["id"]
    tasks = {t["id"]: t for t in demo_cli("tasks", "list", "--json").json()}
    assert tasks[task["id"]]["status"] == "in_progress"
    assert demo_cli("audit", "verify").returncode == 0


def test_json_output_is_only_json(demo_cli):
    for args in (("officers", "list"), ("tasks", "list"), ("inspections", "list"), ("enterprises", "list")):
        result = demo_cli(*args, "--json")
        assert result.returncode == 0
        json.loads(result.stdout)


def test_data_dir_after_the_command(demo_cli, data_dir):
    proc = subprocess.run([*eco_field_command(), "officers", "list", "--json", "--data-dir", str(data_dir)],
                          capture_output=True, text=True)
    assert proc.returncode == 0 and len(json.loads(proc.stdout)) > 10


def test_eco_field_home(tmp_path):
    env = {**os.environ, "ECO_FIELD_HOME": str(tmp_path / "home")}
    proc = subprocess.run([*eco_field_command(), "init"], capture_output=True, text=True, env=env)
    assert proc.returncode == 0
    assert (tmp_path / "home" / "eco_field.db").exists()


def test_missing_database(cli):
    result = cli("officers", "list")
    assert result.returncode == 2 and "eco-field init" in result.stderr


def test_corrupt_database(cli, data_dir):
    data_dir.mkdir(parents=True)
    (data_dir / "eco_field.db").write_bytes(b"this is not a database" * 100)
    result = cli("officers", "list")
    assert result.returncode == 2 and "已损坏" in result.stderr


def test_locked_database(demo_cli, data_dir):
    locker = sqlite3.connect(data_dir / "eco_field.db")
    locker.execute("BEGIN EXCLUSIVE")
    try:
        result = demo_cli("officers", "add", "--name", "锁", "--cert-no", "1", "--unit", "离石区",
                          env={"ECO_FIELD_BUSY_TIMEOUT_MS": "200"})
    finally:
        locker.rollback()
        locker.close()
    assert result.returncode == 2 and "locked" in result.stderr


def test_new_inspection_refuses_a_task_of_another_enterprise(demo_cli):
    task = demo_cli("tasks", "list", "--json").json()[0]
    other = next(e for e in demo_cli("enterprises", "list", "--json").json() if e["id"] != task["enterprise_id"])
    result = demo_cli("inspections", "new", "--enterprise", other["id"], "--officer", task["officers"][0],
                      "--officer", task["officers"][1], "--task", task["id"], "--json")
    assert result.returncode == 2 and task["title"] in result.stderr and result.stdout == ""
    assert demo_cli("inspections", "list", "--json").json() == []
    ok = demo_cli("inspections", "new", "--enterprise", task["enterprise_id"], "--officer", task["officers"][0],
                  "--officer", task["officers"][1], "--task", task["id"], "--json")
    assert ok.returncode == 0 and ok.json()["task_id"] == task["id"]


def test_settings_set_refuses_a_value_that_would_break_later_commands(demo_cli):
    bad_zone = demo_cli("settings", "set", "time_zone", "Mars/Olympus")
    assert bad_zone.returncode == 2 and "Mars/Olympus" in bad_zone.stderr
    bad_number = demo_cli("settings", "set", "photo_time_tolerance_min", "half an hour")
    assert bad_number.returncode == 2 and "photo_time_tolerance_min" in bad_number.stderr
    shown = demo_cli("settings", "show", "--json").json()
    assert shown["time_zone"] == "Asia/Shanghai" and shown["photo_time_tolerance_min"] == "30"
    assert demo_cli("settings", "set", "time_zone", "Europe/Berlin").returncode == 0
    assert demo_cli("settings", "show", "--json").json()["time_zone"] == "Europe/Berlin"


def test_a_data_folder_that_is_a_file_is_bad_input(tmp_path):
    (tmp_path / "not-a-folder").write_text("x")
    env = {k: v for k, v in os.environ.items() if k != "ECO_FIELD_HOME"}
    proc = subprocess.run([*eco_field_command(), "--data-dir", str(tmp_path / "not-a-folder"), "init"],
                          capture_output=True, text=True, env=env)
    assert proc.returncode == 2 and "not-a-folder" in proc.stderr and "不是文件夹" in proc.stderr
