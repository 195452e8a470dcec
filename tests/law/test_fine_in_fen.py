"""Fines entered in yuan with up to two decimals: kept exactly in fen; more decimals refused clearly."""

from __future__ import annotations

from datetime import date

import pytest

from eco_field import money
from eco_field.errors import BadInput
from eco_field.law import cases
from eco_field.law.deadlines import daily_penalty
from eco_field.store import enterprises, inspections


@pytest.fixture
def case_id(workspace):
    ent = next(e for e in enterprises.list_enterprises(workspace.db) if e.industry == "coking")
    insp = inspections.create(workspace.db, ent.id, ["14110000001", "14110000002"], started_at="2026-06-05T09:30")
    # two provisions fined separately: a range up to 2,000,000 yuan
    return cases.new_case(workspace.db, insp.id, ["AIR-02", "AIR-01"], "颗粒物超标").id


def test_cases_assess_takes_fen(workspace, case_id, cli):
    result = cli("cases", "assess", case_id, "--amount", "1000000.05", "--json")
    assert result.returncode == 0, result.stderr
    assessment = result.json()["assessment"]
    assert assessment["amount_fen"] == 100000005 and assessment["amount"] == 1000000.05
    stored = cases.get(workspace.db, case_id).assessment
    assert stored.amount_fen == 100000005 and money.fen_of(stored.to_dict()) == 100000005
    assert "1,000,000.05" in stored.rationale


@pytest.mark.parametrize("typed", ["1000000.055", "1e-3", "abc", "-5"])
def test_more_than_two_decimals_or_no_amount_is_refused(workspace, case_id, cli, typed):
    result = cli("cases", "assess", case_id, f"--amount={typed}")
    assert result.returncode == 2 and typed in result.stderr and "金额" in result.stderr
    assert cases.get(workspace.db, case_id).assessment is None


@pytest.mark.parametrize(("typed", "fen"), [("154000", 15400000), ("154,000.5", 15400050), ("¥0.01", 1),
                                            ("1000000.05元", 100000005), ("1.10", 110)])
def test_parse_yuan(typed, fen):
    assert money.parse_yuan(typed) == fen


def test_daily_penalty_keeps_the_fen():
    daily = daily_penalty("100000.05", date(2026, 6, 1), [(date(2026, 6, 11), True)])
    assert daily["amount_fen"] == 10000005 * 10 and daily["amount"] == 1000000.5
    with pytest.raises(BadInput):
        daily_penalty("100000.005", date(2026, 6, 1), [(date(2026, 6, 11), True)])
