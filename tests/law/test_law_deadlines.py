"""Statutory deadlines (§2.1) and the day count of the daily continuous penalty (§2.2)."""

from __future__ import annotations

from datetime import date

import pytest

from eco_field.errors import BadInput
from eco_field.law.deadlines import compute, daily_penalty, daily_penalty_days
from eco_field.law.workdays import load_calendar

D = date.fromisoformat


def by_code(events, today, **kw):
    return {d["code"]: d for d in compute([(e, D(s)) for e, s in events], D(today), **kw)}


def test_filing_is_due_fifteen_days_after_discovery_and_extension_adds_fifteen():
    plain = by_code([("discovered", "2026-03-02")], "2026-03-05")["filing"]
    assert (plain["due"], plain["status"], plain["days_left"]) == ("2026-03-17", "open", 12)
    extended = by_code([("discovered", "2026-03-02"), ("filing_extended", "2026-03-16")], "2026-03-20")["filing"]
    assert (extended["due"], extended["status"], extended["extended_days"]) == ("2026-04-01", "open", 15)


def test_overdue_near_met_and_met_late():
    events = [("discovered", "2026-03-02")]
    assert by_code(events, "2026-03-18")["filing"]["status"] == "overdue"
    assert by_code(events, "2026-03-18")["filing"]["overdue"] is True
    assert by_code(events, "2026-03-15")["filing"]["near"] is True
    assert by_code(events + [("filed", "2026-03-10")], "2026-04-30")["filing"]["status"] == "met"
    assert by_code(events + [("filed", "2026-03-20")], "2026-04-30")["filing"]["status"] == "met_late"


def test_decision_limit_is_90_plus_30_plus_30_and_skips_suspension():
    events = [("discovered", "2026-01-05"), ("filed", "2026-01-10")]
    assert by_code(events, "2026-01-11")["decision"]["due"] == "2026-04-10"
    both = events + [("decision_extended", "2026-04-01"), ("decision_extended_collective", "2026-05-01")]
    assert by_code(both, "2026-05-02")["decision"]["due"] == "2026-06-09"
    paused = events + [("suspended", "2026-02-01"), ("resumed", "2026-02-11")]
    assert by_code(paused, "2026-02-12")["decision"]["due"] == "2026-04-20"


def test_near_threshold_is_ten_days_for_the_long_decision_limit():
    events = [("discovered", "2026-01-05"), ("filed", "2026-01-10")]
    assert by_code(events, "2026-03-31")["decision"]["status"] == "near"
    assert by_code(events, "2026-03-30")["decision"]["status"] == "open"


def test_service_and_hearing_request_count_working_days_across_the_national_day_holiday():
    # 2025: 10-01..10-08 off, Sunday 09-28 and Saturday 10-11 are working days (国办发明电〔2024〕12号)
    d = by_code([("discovered", "2025-09-01"), ("filed", "2025-09-02"), ("notified", "2025-09-26"),
                 ("decided", "2025-09-26")], "2025-09-27")
    assert d["service"]["due"] == "2025-10-13" and d["service"]["day_kind"] == "working"
    assert d["hearing_request"]["due"] == "2025-10-10" and d["hearing_request"]["owner"] == "party"


def test_party_periods_lapse_instead_of_going_overdue():
    d = by_code([("notified", "2026-11-02")], "2026-11-20")["hearing_request"]
    assert d["status"] == "lapsed" and d["overdue"] is False


def test_payment_runs_fifteen_days_from_service_and_rolls_past_a_holiday():
    # served 2025-09-16 → day 15 is 2025-10-01 (holiday) → first working day 2025-10-09
    d = by_code([("served", "2025-09-16")], "2025-09-20")["payment"]
    assert d["due"] == "2025-10-09"
    assert "payment" not in by_code([("served", "2025-09-16")], "2025-09-20", fine_due=False)


def test_seizure_lasts_thirty_days_plus_thirty_on_extension_and_ends_with_lifting():
    d = by_code([("seized", "2026-05-01")], "2026-05-02")["seizure"]
    assert d["due"] == "2026-05-31"
    d = by_code([("seized", "2026-05-01"), ("seizure_extended", "2026-05-25")], "2026-06-05")["seizure"]
    assert d["due"] == "2026-06-30" and d["status"] == "open"
    d = by_code([("seized", "2026-05-01"), ("seizure_lifted", "2026-05-20")], "2026-07-30")["seizure"]
    assert d["status"] == "met"


def test_only_deadlines_whose_start_event_happened_are_listed():
    assert set(by_code([("discovered", "2026-03-02")], "2026-03-03")) == {"filing"}


def test_working_day_calendar_uses_the_holiday_notice():
    cal = load_calendar()
    assert not cal.is_working_day(D("2025-10-03")) and cal.is_working_day(D("2025-10-11"))
    assert cal.add_working_days(D("2025-01-24"), 1) == D("2025-01-26")  # Sunday 调休 working day


def test_daily_penalty_days_from_the_day_after_service_to_the_last_violating_recheck():
    served = D("2026-03-01")
    assert daily_penalty_days(served, [(D("2026-03-11"), True)]) == (10, D("2026-03-11"))
    # cumulative across re-checks; a re-check that finds it corrected ends the count
    rechecks = [(D("2026-03-11"), True), (D("2026-03-25"), True), (D("2026-04-08"), False), (D("2026-05-01"), True)]
    assert daily_penalty_days(served, rechecks)[0] == 24
    result = daily_penalty(150000, served, rechecks)
    assert result["amount"] == 150000 * 24 and result["from"] == "2026-03-02" and result["to"] == "2026-03-25"


def test_daily_penalty_rejects_rechecks_before_service_and_missing_fines():
    with pytest.raises(BadInput):
        daily_penalty_days(D("2026-03-01"), [(D("2026-02-20"), True)])
    with pytest.raises(BadInput):
        daily_penalty(0, D("2026-03-01"), [])


def test_unpaid_fine_carries_three_percent_a_day_capped_at_the_fine():
    events = [("served", "2026-03-02")]
    assert "late_surcharge" not in by_code(events, "2026-03-10", fine_amount=100000)["payment"]
    # due 2026-03-17; ten days late → 30 % of the fine
    assert by_code(events, "2026-03-27", fine_amount=100000)["payment"]["late_surcharge"] == 30000
    assert by_code(events, "2026-12-31", fine_amount=100000)["payment"]["late_surcharge"] == 100000


def test_the_surcharge_is_kept_to_the_fen_half_up_and_never_above_the_fine():
    from eco_field.law.deadlines import late_surcharge, late_surcharge_fen

    due = D("2026-03-17")
    # 3 % of 1,050 元 is 31.50 元 a day: kept to the fen (the 催告书 prints the same), not cut to 31 元
    assert late_surcharge(1050, due, D("2026-03-18")) == 31.5
    assert late_surcharge(1050, due, D("2026-03-20")) == 94.5
    assert late_surcharge_fen(150, 1) == 5  # 4.5 分 rounds half up
    assert late_surcharge_fen(105005, 1) == 3150  # 1,050.05 元: 31.5015 元 → 31.50 元
    # 第七十二条: never above the fine, however late; nothing before the due day
    assert late_surcharge(1050, due, D("2026-12-31")) == 1050
    assert late_surcharge(1050.05, due, D("2026-12-31")) == 1050.05
    assert late_surcharge(1050, due, due) == 0 and late_surcharge(1050, due, D("2026-03-01")) == 0
