"""Each refusal of the procedure through the command line: exit 2 and a Chinese message naming what is
missing. The case is brought to the step in-process (the same services), the refused step is tried with the
real `eco-field` script."""

from __future__ import annotations

import pytest

from eco_field.documents import service
from eco_field.law import case_steps, cases
from eco_field.store import settings
from eco_field.store.database import write_transaction
from tests.law.procedure_helpers import ago, allow_roles, ok, recent_case, refused


def _filed(workspace, tmp_path, violations=("AIR-10",), days_ago=60, amount=None, factors=None):
    allow_roles(workspace)
    made = recent_case(workspace, tmp_path, violations, days_ago=days_ago)
    cid = made["id"]
    case_steps.approve(workspace.db, cid, "filing", "李建国", "局负责人", ago(days_ago - 1))
    cases.record_event(workspace.db, cid, "filed", ago(days_ago - 1))
    if amount is not None:
        cases.assess(workspace.db, cid, factors or {"impact": "medium"}, amount=amount, reason="裁量")
    return cid


def _notified(workspace, tmp_path, amount, days_ago=60, notice_ago=50, violations=("AIR-10",)):
    cid = _filed(workspace, tmp_path, violations, days_ago, amount)
    cases.record_event(workspace.db, cid, "investigated", ago(notice_ago + 2))
    service.render(workspace, "penalty-notice", case_id=cid, issued_on=ago(notice_ago))
    cases.record_event(workspace.db, cid, "notified", ago(notice_ago))
    return cid


def _served(workspace, tmp_path, amount, served_ago):
    cid = _notified(workspace, tmp_path, amount, days_ago=served_ago + 12, notice_ago=served_ago + 8)
    cases.record_event(workspace.db, cid, "waived", ago(served_ago + 7))
    case_steps.approve(workspace.db, cid, "decision", "李建国", "局负责人", ago(served_ago + 6))
    service.render(workspace, "penalty-decision", case_id=cid, issued_on=ago(served_ago + 6))
    cases.record_event(workspace.db, cid, "decided", ago(served_ago + 6))
    cases.record_event(workspace.db, cid, "served", ago(served_ago))
    return cid


def test_filing_period_and_its_one_extension(cli, workspace, tmp_path):
    allow_roles(workspace)
    cid = recent_case(workspace, tmp_path, days_ago=40)["id"]
    ok(cli("cases", "approve", cid, "filing", "--by", "李建国", "--role", "局负责人", "--date", ago(39)))
    refused(cli("cases", "event", cid, "filed", "--date", ago(41)), "早于发现日期")
    refused(cli("cases", "event", cid, "filed", "--date", ago(20)), "立案期限已于", "届满")
    refused(cli("cases", "event", cid, "filing_extended", "--date", ago(28)), "--note")
    refused(cli("cases", "event", cid, "filing_extended", "--date", ago(20), "--note", "李建国批准"), "不能再延长")
    ok(cli("cases", "event", cid, "filing_extended", "--date", ago(28), "--note", "案情复杂，李建国批准延长"))
    ok(cli("cases", "event", cid, "filed", "--date", ago(20)))
    refused(cli("cases", "event", cid, "not_filed", "--date", ago(19), "--note", "x"), "不能不予立案")


def test_no_notice_for_a_violation_without_evidence(cli, workspace, tmp_path):
    cid = _filed(workspace, tmp_path, amount=50000)
    workspace.db.execute("UPDATE case_violations SET evidence_json = '[]' WHERE case_id = ?", [cid])
    ok(cli("cases", "event", cid, "investigated", "--date", ago(50)))
    refused(cli("documents", "render", "penalty-notice", "--case", cid), "违法行为 AIR-10 尚无证据")


def test_hearing_only_where_the_law_gives_it_and_in_time(cli, workspace, tmp_path):
    small = _notified(workspace, tmp_path, 50000)
    refused(cli("cases", "event", small, "hearing_requested", "--date", ago(49)), "本案不适用听证")
    large = _notified(workspace, tmp_path / "b", 95000, days_ago=40, notice_ago=20)
    with write_transaction(workspace.db):
        settings.put(workspace.db, "doc_hearing_threshold", "90000")
    refused(cli("cases", "event", large, "hearing_requested", "--date", ago(5)), "听证申请期限已于")
    refused(cli("cases", "event", large, "hearing_held", "--date", ago(5)), "未申请听证")


def test_a_legal_review_that_did_not_pass_and_a_collective_discussion_required(cli, workspace, tmp_path):
    cid = _notified(workspace, tmp_path, 80000)
    with write_transaction(workspace.db):
        settings.put(workspace.db, "procedure_legal_review_min_fine", "50000")
        settings.put(workspace.db, "procedure_collective_min_fine", "60000")
    ok(cli("cases", "event", cid, "waived", "--date", ago(49)))
    ok(cli("cases", "approve", cid, "decision", "--by", "李建国", "--role", "局负责人", "--date", ago(40)))
    refused(cli("cases", "event", cid, "decided", "--date", ago(40)), "法制审核尚未完成")
    ok(cli("cases", "approve", cid, "legal_review", "--by", "王法", "--role", "法制审核人员",
           "--opinion", "不同意：证据不足", "--date", ago(45)))
    refused(cli("cases", "event", cid, "decided", "--date", ago(40)), "法制审核未通过")
    refused(cli("cases", "approve", cid, "collective", "--by", "李建国", "--role", "局负责人", "--date", ago(44)),
            "法制审核未通过")
    ok(cli("cases", "approve", cid, "legal_review", "--by", "王法", "--role", "法制审核人员", "--opinion", "同意",
           "--date", ago(43)))
    refused(cli("cases", "event", cid, "decided", "--date", ago(40)), "集体讨论尚未完成")
    refused(cli("cases", "approve", cid, "collective", "--by", "王法", "--role", "法制审核人员", "--date", ago(42)),
            "集体讨论的审批角色")


def test_execution_reminder_and_court_application_windows(cli, workspace, tmp_path):
    cid = _served(workspace, tmp_path, 50000, served_ago=20)
    refused(cli("cases", "event", cid, "payment_reminder", "--date", ago(10)), "缴款期限至")
    refused(cli("cases", "event", cid, "court_application", "--date", ago(1)), "催告书尚未送达")
    # serving a 催告书 needs the 催告书
    refused(cli("cases", "event", cid, "payment_reminder", "--date", ago(3)), "第1次催告书尚未制作")
    service.render(workspace, "payment-reminder", case_id=cid, issued_on=ago(3))
    ok(cli("cases", "event", cid, "payment_reminder", "--date", ago(3)))
    refused(cli("cases", "event", cid, "court_application", "--date", ago(1)), "满10个工作日")
    refused(cli("cases", "event", cid, "closed", "--date", ago(0), "--note", "结案"), "罚款尚未缴纳")


def test_court_application_only_after_the_review_and_suit_periods(cli, workspace, tmp_path):
    cid = _served(workspace, tmp_path, 50000, served_ago=70)
    service.render(workspace, "payment-reminder", case_id=cid, issued_on=ago(50))
    ok(cli("cases", "event", cid, "payment_reminder", "--date", ago(50)))
    refused(cli("cases", "event", cid, "court_application", "--date", ago(20)), "复议、诉讼期限届满后")



def test_a_second_reminder_is_a_reminder_of_its_own_and_the_court_waits_for_its_ten_days(cli, workspace, tmp_path):
    """强制法第五十四条: the court only after the party's ten (working, 第六十九条) days from the 催告 ran out. A second
    催告 does not void the first (its own round) and gives the party ten days again: the court waits for them."""
    from datetime import date, timedelta

    from eco_field.errors import BadInput
    from eco_field.law.workdays import load_calendar

    # served about eight months ago: the court window (months 6–9 after service, 第五十三条) is open today
    cid = _served(workspace, tmp_path, 50000, served_ago=240)
    first = service.render(workspace, "payment-reminder", case_id=cid, issued_on=ago(60))
    cases.record_event(workspace.db, cid, "payment_reminder", ago(60))
    # the second needs its own 催告书, not dated before the first was served
    refused(cli("cases", "event", cid, "payment_reminder", "--date", ago(30)), "第2次催告书尚未制作")
    with pytest.raises(BadInput, match="早于"):
        service.render(workspace, "payment-reminder", case_id=cid, issued_on=ago(61))
    second = service.render(workspace, "payment-reminder", case_id=cid, issued_on=ago(30))
    assert second["superseded"] == [] and second["number"] != first["number"]
    cases.record_event(workspace.db, cid, "payment_reminder", ago(30))
    ok(cli("documents", "verify", first["pdf"]))
    # the tenth working day after the second 催告 still belongs to the party, though the first's ten days ran out
    tenth = load_calendar(workspace.data_dir).add_working_days(date.fromisoformat(ago(30)), 10)
    assert tenth < date.fromisoformat(ago(0))
    refused(cli("cases", "event", cid, "court_application", "--date", tenth.isoformat()),
            f"催告书（{ago(30)} 送达）", (tenth + timedelta(days=1)).isoformat())
    cases.record_event(workspace.db, cid, "court_application", (tenth + timedelta(days=1)).isoformat())
    # applied to the court: no more 催告
    with pytest.raises(BadInput, match="申请强制执行"):
        service.render(workspace, "payment-reminder", case_id=cid, issued_on=ago(0))


def test_transfers(cli, workspace, tmp_path):
    cid = _notified(workspace, tmp_path, 50000)
    refused(cli("cases", "event", cid, "detention_transfer", "--date", ago(45), "--note", "x"), "行政处罚决定尚未作出")
    refused(cli("cases", "event", cid, "criminal_transfer", "--date", ago(45)), "--note")
    ok(cli("cases", "event", cid, "criminal_transfer", "--date", ago(45), "--note", "涉嫌污染环境罪，经局长批准"))
    refused(cli("cases", "event", cid, "decided", "--date", ago(40)), "不能作出行政处罚决定", "已移送司法机关")
    shown = cli("cases", "show", cid, "--json").json()
    assert shown["status"] == "transferred"


def test_suspension_pauses_the_case(cli, workspace, tmp_path):
    cid = _filed(workspace, tmp_path)
    refused(cli("cases", "event", cid, "suspended", "--date", ago(50)), "--note")
    ok(cli("cases", "event", cid, "suspended", "--date", ago(50), "--note", "等待鉴定结论，李建国批准"))
    refused(cli("cases", "event", cid, "investigated", "--date", ago(45)), "案件已中止")
    refused(cli("cases", "event", cid, "resumed", "--date", ago(51)), "早于案件中止日期")
    ok(cli("cases", "event", cid, "resumed", "--date", ago(30)))
    ok(cli("cases", "event", cid, "investigated", "--date", ago(29)))


def test_measures_the_catalog_does_not_give(cli, workspace, tmp_path):
    cid = _notified(workspace, tmp_path, 50000)
    refused(cli("cases", "event", cid, "production_halted", "--date", ago(40), "--note", "x"), "未规定责令停产整治")
    refused(cli("documents", "render", "production-limit-order", "--case", cid), "未规定责令限制生产")
    refused(cli("cases", "event", cid, "seizure_extended", "--date", ago(40), "--note", "x"), "没有正在执行的查封")


def test_steps_with_details_only_through_their_own_commands(cli, workspace, tmp_path):
    cid = _filed(workspace, tmp_path)
    refused(cli("cases", "event", cid, "approved", "--date", ago(50)), "cases approve")
    refused(cli("cases", "event", cid, "statement", "--date", ago(50)), "cases statement")
    refused(cli("cases", "approve", cid, "lunch", "--by", "李建国", "--role", "局负责人", "--date", ago(50)), "lunch")


def test_refusals_in_english_when_the_interface_is_english(cli, workspace, tmp_path):
    cid = recent_case(workspace, tmp_path)["id"]
    out = cli("cases", "next", cid, "--json", env={"ECO_FIELD_LANG": "en"})
    reasons = {e["event"]: e["reason"] for e in out.json()["events"]}
    assert reasons["investigated"] == "the case has not been filed (立案) yet"
    refused(cli("cases", "event", cid, "filed", "--date", ago(5), env={"ECO_FIELD_LANG": "en"}),
            "filing (立案) is refused: filing approval is not done yet")


def test_a_recheck_dated_ahead_is_never_counted(workspace, tmp_path):
    cid = _filed(workspace, tmp_path, days_ago=20)
    service.render(workspace, "rectification-order", case_id=cid, issued_on=ago(15))
    cases.record_event(workspace.db, cid, "order_served", ago(15))
    cases.record_event(workspace.db, cid, "recheck_violation", ago(10), "", {"evidence": "复查笔录"})
    cases.assess(workspace.db, cid, {}, amount=20000, reason="裁量")
    with write_transaction(workspace.db):  # as older data held it, before the procedure refused such a date
        workspace.db.execute("INSERT INTO case_events (case_id, event, date, note, recorded_at) VALUES (?, ?, ?, ?, ?)",
                             [cid, "recheck_violation", ago(-18), "", "2026-01-01T00:00:00+00:00"])
    daily = cases.get(workspace.db, cid).daily_penalty
    assert (daily["days"], daily["to"]) == (5, ago(10))
