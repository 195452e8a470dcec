"""The 免罚 pre-check takes its thresholds from the inspection's imported readings."""

from __future__ import annotations

from datetime import datetime, timedelta

from eco_field.law import cases
from eco_field.law.readings_facts import facts_from_readings
from eco_field.readings import service as readings
from eco_field.store import enterprises, inspections, officers

FIRST_TIME = {"first": "yes", "toxic": "no", "corrected": "yes"}


def _coking_inspection(workspace, tmp_path, exceeding_value: float, exceeding_hours: int):
    db = workspace.db
    coking = next(e for e in enterprises.list_enterprises(db) if e.industry == "coking")
    certs = [o.cert_no for o in officers.list_officers(db)[:2]]
    insp = inspections.create(db, coking.id, certs, started_at="2026-06-01T09:00")
    lines = ["时间,SO2(mg/m3),O2(%)"]
    start = datetime(2026, 6, 1, 9, 0)
    for i in range(6 * 12):  # six hours of 5-minute readings; the SO2 limit at DA001 is 30 mg/m³ at 8 % O2
        value = exceeding_value if 1 <= i // 12 <= exceeding_hours else 20.0
        lines.append(f"{(start + timedelta(minutes=5 * i)).isoformat(sep=' ')},{value},8.0")
    path = tmp_path / "so2.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    readings.import_file(workspace, insp.id, path, outlet="DA001")
    return insp


def test_small_short_exceedance_from_readings_meets_the_first_violation_item(workspace, tmp_path):
    insp = _coking_inspection(workspace, tmp_path, 32.0, 3)
    assert facts_from_readings(workspace.db, insp.id) == {
        "exceed_pollutants": "1", "exceed_multiple": "0.0667", "exceed_hours": "3"}
    case = cases.new_case(workspace.db, insp.id, ["AIR-02"], "焦炉烟囱二氧化硫小时均值超标")
    result = cases.assess(workspace.db, case.id, FIRST_TIME).assessment
    assert result.decision == "no_penalty" and result.amount == 0
    assert result.rationale.startswith("现场监测数据（筛查性质")


def test_large_exceedance_from_readings_is_fined_and_says_why(workspace, tmp_path):
    insp = _coking_inspection(workspace, tmp_path, 45.0, 5)
    case = cases.new_case(workspace.db, insp.id, ["AIR-02"], "超标")
    result = cases.assess(workspace.db, case.id, FIRST_TIME).assessment
    assert result.decision == "fine" and result.amount == 100000
    assert "（实际：0.5）" in result.rationale and "（实际：5）" in result.rationale


def test_officer_facts_override_the_readings(workspace, tmp_path):
    insp = _coking_inspection(workspace, tmp_path, 45.0, 5)
    case = cases.new_case(workspace.db, insp.id, ["AIR-02"], "超标")
    override = {**FIRST_TIME, "exceed_multiple": "0.05", "exceed_hours": "2"}
    assert cases.assess(workspace.db, case.id, override).assessment.decision == "no_penalty"


def test_no_readings_means_no_measured_facts(workspace, inspection):
    assert facts_from_readings(workspace.db, inspection.id) == {}
