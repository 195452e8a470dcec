"""The law commands through the real console script: JSON contracts and exit codes."""

from __future__ import annotations

import pytest


@pytest.fixture
def inspection_id(inspection):
    """Made in-process in the same data folder the CLI uses (conftest: demo workspace + inspection)."""
    return inspection.id


def test_catalog_list_and_show(cli):
    listed = cli("catalog", "list", "--json")
    assert listed.returncode == 0 and len(listed.json()) >= 43
    shown = cli("catalog", "show", "hw-03", "--json").json()
    assert shown["id"] == "HW-03" and shown["fine"]["basis"] == "disposal_cost"
    assert "擅自倾倒、堆放危险废物" in shown["article_text"]
    assert "第一百一十二条" in cli("catalog", "show", "HW-03").stdout
    missing = cli("catalog", "show", "XX-1")
    assert missing.returncode == 2 and "XX-1" in missing.stderr


def test_penalty_suggest_json_contract(cli):
    out = cli("penalty", "suggest", "AIR-02", "--factor", "impact=medium", "--factor", "duration=3to6m", "--json")
    assert out.returncode == 0, out.stderr
    data = out.json()
    assert {"amount", "min", "max", "formula", "rationale", "law", "article"} <= set(data)
    assert (data["amount"], data["min"], data["max"]) == (199000, 100000, 1000000)
    assert data["article"] == "第九十九条第二项"


def test_penalty_suggest_with_investment_and_disposal_cost(cli):
    eia = cli("penalty", "suggest", "EIA-01", "--investment", "8000000", "--json").json()
    assert (eia["min"], eia["max"], eia["amount"]) == (80000, 400000, 80000)
    waste = cli("penalty", "suggest", "SW-01", "--disposal-cost", "250000", "--factor", "impact=major", "--json")
    assert waste.json()["max"] == 750000


@pytest.mark.parametrize("args", [
    ("penalty", "suggest", "EIA-01"),
    ("penalty", "suggest", "AIR-02", "--factor", "impact"),
    ("penalty", "suggest", "AIR-02", "--factor", "impact=gigantic"),
    ("penalty", "suggest", "AIR-02", "--factor", "treatment=reduced"),
])
def test_penalty_bad_input_exits_2_with_a_reason(cli, args):
    out = cli(*args)
    assert out.returncode == 2 and out.stderr.startswith("eco-field: ") and out.stdout == ""


def test_penalty_daily(cli):
    out = cli("penalty", "daily", "--original", "100000", "--served", "2026-03-01", "--recheck", "2026-03-11",
              "--recheck", "2026-03-20:corrected", "--json").json()
    assert (out["days"], out["amount"]) == (10, 1000000)


def test_case_lifecycle_on_the_command_line(cli, inspection_id):
    made = cli("cases", "new", "--inspection", inspection_id, "--violation", "AIR-02", "--violation", "HW-01",
               "--facts", "焦炉烟囱颗粒物超标；危废间无识别标志", "--json")
    assert made.returncode == 0, made.stderr
    case_id = made.json()["id"]
    assessed = cli("cases", "assess", case_id, "--factor", "impact=medium", "--json").json()
    assert assessed["assessment"]["amount"] == 154000 + 154000
    assert cli("cases", "event", case_id, "立案", "--date", "2026-06-03").returncode == 2  # no 立案审批 yet
    assert cli("settings", "set", "approval_roles_on_device", "局负责人").returncode == 0
    assert cli("cases", "approve", case_id, "filing", "--by", "李建国", "--role", "局负责人",
               "--date", "2026-06-03").returncode == 0
    assert cli("cases", "event", case_id, "立案", "--date", "2026-06-03").returncode == 0
    listed = cli("cases", "list", "--json").json()
    assert listed[0]["id"] == case_id and listed[0]["status"] == "filed"
    assert {d["code"] for d in listed[0]["deadlines"]} == {"filing", "decision"}
    assert all({"due", "status", "overdue", "near"} <= set(d) for d in listed[0]["deadlines"])
    shown = cli("cases", "show", case_id)
    assert "作出处理决定期限" in shown.stdout and "合计建议罚款" in shown.stdout
    assert cli("cases", "show", "nope").returncode == 2


def test_cases_new_refuses_unknown_violations(cli, inspection_id):
    out = cli("cases", "new", "--inspection", inspection_id, "--violation", "AIR-77", "--facts", "x")
    assert out.returncode == 2 and "AIR-77" in out.stderr
    assert cli("cases", "list", "--json").json() == []


def test_cases_assess_refuses_a_fine_outside_the_range_without_legal_ground(cli, inspection_id):
    case_id = cli("cases", "new", "--inspection", inspection_id, "--violation", "WAT-01", "--facts", "无证排污",
                  "--json").json()["id"]
    out = cli("cases", "assess", case_id, "--amount", "50000")
    assert out.returncode == 2 and "法定幅度" in out.stderr
    assert cli("cases", "show", case_id, "--json").json()["assessment"] is None
    ok = cli("cases", "assess", case_id, "--amount", "50000", "--legal-ground", "《中华人民共和国行政处罚法》第三十二条第一项",
             "--json")
    assert ok.returncode == 0 and ok.json()["assessment"]["amount"] == 50000


def test_cases_new_refuses_evidence_from_elsewhere(cli, inspection_id):
    out = cli("cases", "new", "--inspection", inspection_id, "--violation", "AIR-02", "--facts", "x",
              "--evidence", "not-an-evidence-id")
    assert out.returncode == 2 and "not-an-evidence-id" in out.stderr
