"""Limit kinds at an outlet: a maximum (default), a minimum (DO ≥ 5 mg/L) and a range (pH 6–9), as an
enterprise JSON gives them to `enterprises import`; limits match series by code regardless of case and
aliases, and a limit that matches no series is said."""

from __future__ import annotations

import json

import pytest

from eco_field.errors import BadInput
from eco_field.readings import service
from eco_field.store import enterprises, inspections
from tests.readings.conftest import OFFICERS, coking_enterprise_id

WATER_LIMITS = [
    {"pollutant": "DO", "kind": "min", "limit": 5, "unit": "mg/L"},
    {"pollutant": "pH", "kind": "range", "low": 6, "high": 9},
    {"pollutant": "cod", "limit": 50, "unit": "mg/L", "standard": "GB 8978-1996"},  # no kind: a maximum
    {"pollutant": "氨氮", "limit": 8, "unit": "mg/L"},  # the file has no NH3-N column
]
# 5 rows: DO 6.0, 4.8, 5.0, 3.9, 7.1 (two below 5); pH 7.0, 5.5, 9.0, 9.4, 6.0 (two outside 6–9);
# COD 40, 55, 50, 60, 10 (two above 50)
WATER_CSV = ("时间,溶解氧(mg/L),pH,化学需氧量(mg/L)\n"
             "2026-06-05 10:00:00,6.0,7.0,40\n2026-06-05 10:05:00,4.8,5.5,55\n2026-06-05 10:10:00,5.0,9.0,50\n"
             "2026-06-05 10:15:00,3.9,9.4,60\n2026-06-05 10:20:00,7.1,6.0,10\n")


def enterprise_with_water_outlet(db, limits=WATER_LIMITS) -> dict:
    ent = enterprises.get(db, coking_enterprise_id()).to_dict()
    ent["outlets"] = [*ent["outlets"], {"code": "DW001", "kind": "water", "name": "废水总排口", "limits": limits}]
    return ent


@pytest.fixture
def water_inspection(workspace, cli, tmp_path):
    path = tmp_path / "enterprise.json"
    path.write_text(json.dumps([enterprise_with_water_outlet(workspace.db)], ensure_ascii=False), encoding="utf-8")
    result = cli("enterprises", "import", str(path), "--json")
    assert result.returncode == 0, result.stderr
    return inspections.create(workspace.db, coking_enterprise_id(), OFFICERS)


def by_code(result: dict) -> dict:
    return {s["pollutant"]: s for s in result["series"]}


def test_enterprise_import_keeps_the_limit_kinds(workspace, water_inspection):
    outlet = enterprises.get(workspace.db, coking_enterprise_id()).outlet("DW001")
    kinds = {lim.pollutant: (lim.kind, lim.limit, lim.low, lim.high) for lim in outlet.limits}
    assert kinds == {"DO": ("min", 5.0, None, None), "pH": ("range", 9.0, 6.0, 9.0), "cod": ("max", 50.0, None, None),
                     "氨氮": ("max", 8.0, None, None)}


def test_min_range_and_max_count_the_right_side(workspace, water_inspection, tmp_path):
    path = tmp_path / "water.csv"
    path.write_text(WATER_CSV, encoding="utf-8")
    result = service.import_file(workspace, water_inspection.id, path, outlet="DW001")
    series = by_code(result)
    assert series["DO"]["exceed_count"] == 2  # 4.8 and 3.9 are below 5; 5.0 is not
    assert series["DO"]["evaluation"]["kind"] == "min" and series["DO"]["evaluation"]["worst"] == 3.9
    assert series["DO"]["max_exceed_multiple"] is None  # 超标倍数 is for a maximum
    assert series["PH"]["exceed_count"] == 2  # 5.5 and 9.4; 6.0 and 9.0 are inside
    assert series["PH"]["evaluation"]["worst"] == 5.5  # 0.5 below beats 0.4 above
    assert series["COD"]["exceed_count"] == 2 and series["COD"]["max_exceed_multiple"] == 0.2  # (60-50)/50
    assert any("DW001" in w and "氨氮" in w and "没有对应的读数序列" in w for w in result["warnings"])


def test_the_cli_shows_the_limit_kinds(workspace, water_inspection, tmp_path, cli):
    path = tmp_path / "water.csv"
    path.write_text(WATER_CSV, encoding="utf-8")
    result = cli("readings", "import", water_inspection.id, str(path), "--outlet", "DW001")
    assert result.returncode == 0, result.stderr
    assert "≥5 mg/L" in result.stdout and "6–9" in result.stdout
    assert "时间依据" in result.stdout


@pytest.mark.parametrize("limit, message", [
    ({"pollutant": "DO", "kind": "lower", "limit": 5, "unit": "mg/L"}, "lower"),
    ({"pollutant": "pH", "kind": "range", "low": 9, "high": 6}, "low < high"),
    ({"pollutant": "pH", "kind": "range", "low": 6}, "low"),
    ({"pollutant": "COD", "unit": "mg/L"}, "limit"),
])
def test_a_bad_limit_is_refused_naming_it(workspace, limit, message):
    with pytest.raises(BadInput) as info:
        enterprises.import_many(workspace.db, [enterprise_with_water_outlet(workspace.db, [limit])])
    assert message in str(info.value) and limit["pollutant"] in str(info.value)
