"""The fine's facts from readings know the limit kinds: a DO below its minimum or a pH outside its range counts
as an exceeding pollutant, but gives no 超标倍数 — never a "0" that would pass the 首违不罚 screen (< 0.1)
unearned — and the working says why the multiple is not applied."""

from __future__ import annotations

import json

import pytest

from eco_field.law import cases
from eco_field.law.readings_facts import facts_from_readings
from eco_field.store import enterprises, inspections, officers

pytest.importorskip("eco_field.readings.service")

WATER_OUTLET = {"code": "DW001", "kind": "water", "name": "废水总排口", "limits": [
    {"pollutant": "DO", "kind": "min", "limit": 5, "unit": "mg/L"},
    {"pollutant": "pH", "kind": "range", "low": 6, "high": 9},
    {"pollutant": "COD", "limit": 50, "unit": "mg/L"}]}
# the Shanxi 首违不罚 water item's facts as an officer would give them: everything but the multiple
FIRST_TIME_WATER = {"first": "yes", "toxic": "no", "corrected": "yes", "corrected_days": "3"}


def water_inspection(workspace, cli, tmp_path, cod: float, ph: float = 10.0) -> str:
    ent = enterprises.list_enterprises(workspace.db)[0].to_dict()
    ent["outlets"] = [o for o in ent["outlets"] if o["code"] != "DW001"] + [WATER_OUTLET]
    (tmp_path / "ent.json").write_text(json.dumps([ent], ensure_ascii=False), encoding="utf-8")
    assert cli("enterprises", "import", str(tmp_path / "ent.json")).returncode == 0
    certs = [o.cert_no for o in officers.list_officers(workspace.db)[:2]]
    insp = inspections.create(workspace.db, ent["id"], certs, started_at="2026-06-01T09:00")
    lines = ["时间,溶解氧(mg/L),pH,化学需氧量(mg/L)"]
    for i in range(12):  # an hour of 5-minute readings: DO 3 mg/L throughout
        lines.append(f"2026-06-01 09:{5 * i:02d}:00,3.0,{ph},{cod}")
    (tmp_path / "sonde.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = cli("readings", "import", insp.id, str(tmp_path / "sonde.csv"), "--outlet", "DW001")
    assert out.returncode == 0, out.stderr
    return insp.id


def test_a_do_below_its_minimum_gives_no_multiple_and_so_no_first_violation_waiver(workspace, cli, tmp_path):
    insp = water_inspection(workspace, cli, tmp_path, cod=40, ph=7.5)
    assert facts_from_readings(workspace.db, insp) == {"exceed_pollutants": "1"}
    case = cases.new_case(workspace.db, insp, ["WAT-02"], "废水总排口溶解氧低于标准下限")
    result = cases.assess(workspace.db, case.id, FIRST_TIME_WATER).assessment
    # one pollutant and no multiple: the item's "multiple < 0.1" is not established (it was, when a "0" multiple
    # was taken for granted, and the case went unfined)
    assert result.decision == "fine" and result.amount > 0
    assert "溶解氧（标准下限）超出标准，超标倍数仅适用于最高允许限值" in result.rationale
    assert "最大小时均值超标倍数" not in result.rationale


def test_do_and_ph_both_count_as_exceeding_pollutants(workspace, cli, tmp_path):
    insp = water_inspection(workspace, cli, tmp_path, cod=40)
    assert facts_from_readings(workspace.db, insp) == {"exceed_pollutants": "2"}
    case = cases.new_case(workspace.db, insp, ["WAT-02"], "废水总排口溶解氧、pH值不符合标准")
    rationale = cases.assess(workspace.db, case.id, FIRST_TIME_WATER).assessment.rationale
    assert "溶解氧（标准下限）、pH值（标准范围）超出标准" in rationale and "超标污染物项数2" in rationale


def test_a_maximum_beside_them_still_gives_its_multiple(workspace, cli, tmp_path):
    insp = water_inspection(workspace, cli, tmp_path, cod=60)
    facts = facts_from_readings(workspace.db, insp)
    assert facts == {"exceed_pollutants": "3", "exceed_multiple": "0.2", "exceed_hours": "1"}
    case = cases.new_case(workspace.db, insp, ["WAT-02"], "超标")
    rationale = cases.assess(workspace.db, case.id, FIRST_TIME_WATER).assessment.rationale
    assert "最大小时均值超标倍数0.2" in rationale and "不计算超标倍数" in rationale
