"""Earlier cases of the same enterprise raise the repeat count and rule out 首违不罚."""

from __future__ import annotations

from eco_field.law import cases
from eco_field.store import inspections

SMALL_EXCEEDANCE = {"toxic": "no", "exceed_pollutants": "1", "exceed_multiple": "0.05", "exceed_hours": "2",
                    "corrected": "yes"}


def _inspection_on(workspace, inspection, day: str):
    certs = [o.cert_no for o in inspection.officers]
    return inspections.create(workspace.db, inspection.enterprise_id, certs, started_at=f"{day}T10:00")


def test_an_earlier_case_counts_as_a_violation_within_two_years(workspace, inspection):
    earlier = _inspection_on(workspace, inspection, "2025-03-01")
    cases.new_case(workspace.db, earlier.id, ["WAT-01"], "无证排污")
    case = cases.new_case(workspace.db, inspection.id, ["AIR-02"], "超标")
    result = cases.assess(workspace.db, case.id, {"impact": "medium"}).assessment
    assert result.factors["repeat"] == "2" and result.amount == round((0.1 + 0.11 * 0.9) * 1000000)
    assert "两年内另有1起违法案件" in result.rationale


def test_same_violation_within_twelve_months_is_not_a_first_violation(workspace, inspection):
    earlier = _inspection_on(workspace, inspection, "2025-12-01")
    cases.new_case(workspace.db, earlier.id, ["AIR-02"], "超标")
    case = cases.new_case(workspace.db, inspection.id, ["AIR-02"], "再次超标")
    result = cases.assess(workspace.db, case.id, SMALL_EXCEEDANCE).assessment
    assert result.decision == "fine" and "不属于初次违法" in result.rationale


def test_old_or_other_cases_do_not_count(workspace, inspection):
    old = _inspection_on(workspace, inspection, "2023-01-10")
    cases.new_case(workspace.db, old.id, ["AIR-02"], "很早以前")
    sibling = cases.new_case(workspace.db, inspection.id, ["HW-01"], "同一次检查发现的另一问题")
    case = cases.new_case(workspace.db, inspection.id, ["AIR-02"], "超标")
    result = cases.assess(workspace.db, case.id, {**SMALL_EXCEEDANCE, "first": "yes"}).assessment
    assert result.decision == "no_penalty" and "repeat" not in result.factors
    assert sibling.id != case.id


def test_the_officer_s_own_count_wins(workspace, inspection):
    earlier = _inspection_on(workspace, inspection, "2025-03-01")
    cases.new_case(workspace.db, earlier.id, ["WAT-01"], "无证排污")
    case = cases.new_case(workspace.db, inspection.id, ["AIR-02"], "超标")
    assert cases.assess(workspace.db, case.id, {"repeat": "3"}).assessment.factors["repeat"] == "3"
