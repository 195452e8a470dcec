"""A 法制审核 review of a 查封 followed by 按日连续处罚, rule by rule: the days our own 查封 stopped the discharge are
not counted, nor is a 复查 made while it held (按日办法第二十条); the round's own total calls for 法制审核 and 集体讨论
(法 arts 57–58); the 复查 states its evidence; a written waiver says what it gives up, and a waiver of the
statement only keeps the hearing window open; the order to correct is served on time (第八条) or `cases next`
warns. A 按日 decision issued in record format 4 still verifies."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from eco_field.documents import service
from eco_field.documents.kinds import common
from eco_field.documents.kinds.common import cn_date
from eco_field.errors import BadInput
from eco_field.law import approvals, case_steps, cases, procedure
from eco_field.law import procedure_measures as m
from eco_field.law.deadlines import daily_counted_periods, daily_penalty
from eco_field.law.procedure_state import load
from eco_field.store import settings
from eco_field.store.database import write_transaction
from tests.law.procedure_helpers import TODAY, ago, allow_roles, ok, pdf_text, recent_case

PROOF = {"note": "暗查：仍超标排放", "evidence": "复查现场检查笔录（吕环查〔2026〕9号）、现场照片2张",
         "officers": ["张三", "李四"]}


def d(days_ago: int) -> date:
    return TODAY - timedelta(days=days_ago)


def ordered(ws, tmp_path: Path, amount: int, *, seized: bool = False) -> str:
    """Filed 59 days ago (查封 58 if asked), report 57, investigated 55, notice 50, waiver 49, decision 48, the
    decision and the order to correct served 47."""
    allow_roles(ws)
    db = ws.db
    cid = recent_case(ws, tmp_path, ("AIR-02",), days_ago=60)["id"]
    case_steps.approve(db, cid, "filing", "李建国", "局负责人", ago(59))
    cases.record_event(db, cid, "filed", ago(59))
    if seized:
        cases.record_event(db, cid, "seized", ago(58), "颗粒物排放浓度超标4倍，周边村庄受影响",
                           {"measure": "查封", "ground_item": "6", "approved_by": "李建国"})
        service.render(ws, "seizure-decision", case_id=cid, issued_on=ago(58))
    cases.assess(db, cid, {"impact": "small"}, amount=amount, reason="首次超标")
    report = tmp_path / "report.pdf"
    report.write_bytes(b"%PDF-1.4 monitoring report scan\n%%EOF\n")
    case_steps.attach_monitoring_report(ws, cid, "JC-07", "山西省生态环境监测中心", ago(57), report)
    cases.record_event(db, cid, "investigated", ago(55))
    service.render(ws, "penalty-notice", case_id=cid, issued_on=ago(50))
    cases.record_event(db, cid, "notified", ago(50))
    if amount < 200000:  # the notice offered no hearing: none can be waived
        with pytest.raises(BadInput, match="无从放弃听证"):
            cases.record_event(db, cid, "waived", ago(49), "", {"scope": "statement_and_hearing"})
    cases.record_event(db, cid, "waived", ago(49), "当事人书面放弃陈述申辩")
    case_steps.approve(db, cid, "decision", "李建国", "局负责人", ago(48))
    service.render(ws, "penalty-decision", case_id=cid, issued_on=ago(48))
    cases.record_event(db, cid, "decided", ago(48))
    cases.record_event(db, cid, "served", ago(47))
    service.render(ws, "rectification-order", case_id=cid, issued_on=ago(47))
    cases.record_event(db, cid, "order_served", ago(47))
    return cid


def lifted(ws, cid: str, day: int) -> None:
    cases.record_event(ws.db, cid, "seizure_lifted", ago(day), "已作出处罚决定，不再需要查封", {"ground": "decided"})


def notified(ws, cid: str, recheck: int, notice: int) -> None:
    cases.record_event(ws.db, cid, "recheck_violation", ago(recheck), PROOF["note"],
                       {k: v for k, v in PROOF.items() if k != "note"})
    service.render(ws, "daily-penalty-notice", case_id=cid, issued_on=ago(notice))
    cases.record_event(ws.db, cid, "daily_notified", ago(notice))


def why(ws, cid: str, code: str, day: int, data: dict | None = None) -> str | None:
    return procedure.reason_for(load(ws.db, cid), code, d(day), data)


def test_the_one_count_leaves_out_each_day_a_measure_stopped_the_discharge():
    served, check = date(2026, 9, 1), [(date(2026, 9, 30), True)]
    # a 查封 from the 10th to the 19th: the 1st–9th and the 20th–30th are counted (9 + 11 days)
    periods, last = daily_counted_periods(served, check, stopped=[(date(2026, 9, 10), date(2026, 9, 19))])
    assert periods == [(date(2026, 9, 2), date(2026, 9, 9)), (date(2026, 9, 20), date(2026, 9, 30))]
    counted = daily_penalty(1000, served, check, stopped=[(date(2026, 9, 10), date(2026, 9, 19))])
    assert (counted["days"], counted["amount"]) == (19, 19000)
    assert counted["excluded"] == [{"from": "2026-09-10", "to": "2026-09-19"}]
    # one still in force at the 复查 leaves nothing after its start; one before the order leaves all
    assert daily_penalty(1000, served, check, stopped=[(date(2026, 9, 25), None)])["days"] == 23
    assert daily_penalty(1000, served, check, stopped=[(date(2026, 8, 1), date(2026, 8, 31))])["days"] == 29
    assert daily_penalty(1000, served, check)["days"] == 29 and "excluded" not in daily_penalty(1000, served, check)


def test_a_recheck_while_our_seizure_holds_is_refused_and_its_days_are_not_counted(workspace, tmp_path):
    cid = ordered(workspace, tmp_path, 100000, seized=True)
    sealed = load(workspace.db, cid).documents_of("seizure-decision")[-1]["number"]
    said = why(workspace, cid, "recheck_violation", 40, dict(PROOF))
    assert said and "第二十条" in said and sealed in said and ago(58) in said, said
    lifted(workspace, cid, 46)
    assert why(workspace, cid, "recheck_violation", 46, dict(PROOF)) is not None  # the release day is the 查封's
    assert why(workspace, cid, "recheck_violation", 40, {"note": "暗查"}).endswith("等")  # its evidence first
    assert why(workspace, cid, "recheck_violation", 40, dict(PROOF)) is None
    notified(workspace, cid, 40, 40)
    daily = procedure.facts(workspace.db, cid)["daily"]
    # 46..40 after the order of the 47th, less the 46th (the 查封 held until its release that day)
    assert (daily["days"], daily["amount"]) == (6, 600000) and daily["excluded"] == [{"from": ago(46), "to": ago(46)}]


def test_a_round_over_the_threshold_needs_its_own_legal_review_and_collective_discussion(workspace, tmp_path):
    cid = ordered(workspace, tmp_path, 200000, seized=True)
    lifted(workspace, cid, 46)
    notified(workspace, cid, 40, 40)  # 6 days × 200,000 = 1,200,000 元
    cases.record_event(workspace.db, cid, "waived", ago(39), "当事人书面放弃陈述、申辩和听证")
    ready = lambda: m.daily_ready(load(workspace.db, cid), d(30))  # noqa: E731
    assert "法制审核尚未完成" in ready()
    # the bureau's queue asks the same (approvals.required_now): the round's steps, counted from its notice
    from eco_field.bureau.office.case_view import waiting_steps

    assert approvals.required_now(load(workspace.db, cid), "collective") == (True, d(40))
    assert waiting_steps(load(workspace.db, cid), d(30)) == ["legal_review", "decision"]
    # the reviewer is legal staff, never one of the case's investigators
    investigator = recent_officer(workspace, cid)
    with pytest.raises(BadInput, match="调查"):
        case_steps.approve(workspace.db, cid, "legal_review", investigator, "法制审核人员", ago(31))
    with pytest.raises(BadInput, match="法制审核"):  # 集体讨论 after the 法制审核
        case_steps.approve(workspace.db, cid, "collective", "李建国", "局负责人", ago(31))
    case_steps.approve(workspace.db, cid, "legal_review", "王法制", "法制审核人员", ago(31))
    assert "集体讨论尚未完成" in ready()
    case_steps.approve(workspace.db, cid, "collective", "李建国", "局负责人", ago(31))
    assert "负责人审批" in ready()
    case_steps.approve(workspace.db, cid, "decision", "李建国", "局负责人", ago(30))
    assert ready() is None
    # the bureau's threshold decides: raised above the round's total, no 法制审核 or 集体讨论 is asked
    with write_transaction(workspace.db):
        settings.put(workspace.db, "procedure_legal_review_min_fine", "2000000")
        settings.put(workspace.db, "procedure_collective_min_fine", "2000000")
    state = load(workspace.db, cid)
    assert not approvals.legal_review_required(state, 1200000, state.last("daily_notified"))
    assert not approvals.collective_required(state, 1200000)


def recent_officer(workspace, cid: str) -> str:
    return load(workspace.db, cid).investigators[0]


def test_a_waiver_of_the_statement_only_keeps_the_hearing_window_and_says_so(cli, workspace, tmp_path):
    cid = ordered(workspace, tmp_path, 100000)
    notified(workspace, cid, 40, 40)  # 7 days × 100,000 = 700,000 元: the 按日 notice offers a hearing
    ok(cli("cases", "event", cid, "waived", "--date", ago(39), "--scope", "statement", "--note", "当事人书面放弃陈述、申辩"))
    state = load(workspace.db, cid)
    due = state.hearing_due(state.last("daily_notified"))
    assert f"要求听证的期限至 {due} 届满" in m.daily_ready(state, due)
    assert why(workspace, cid, "hearing_requested", 38) is None  # the party may still ask for one
    assert why(workspace, cid, "waived", 38, {"scope": "statement_and_hearing"}) is None  # or waive it too
    assert why(workspace, cid, "waived", 38, {"scope": "statement"}) is not None  # not the same twice
    assert why(workspace, cid, "waived", 38, {"scope": "陈述申辩和听证、其他"}) is not None
    after = (due - TODAY).days * -1 - 1
    case_steps.approve(workspace.db, cid, "decision", "李建国", "局负责人", ago(after))
    out = service.render(workspace, "daily-penalty-decision", case_id=cid, issued_on=ago(after),
                         out_path=tmp_path / "daily.pdf")
    text = pdf_text(out["pdf"]).replace("\n", "")
    assert f"你单位于{cn_date(ago(39))}书面表示放弃陈述、申辩的权利。你单位在规定期限内未要求听证。" in text, text
    assert "放弃陈述、申辩和听证" not in text
    # the 复查 with its evidence and officers, under 「以上事实有以下证据为凭」
    assert "执法人员张三、李四对你单位进行复查" in text
    assert "以上事实有以下证据为凭：复查现场检查笔录（吕环查〔2026〕9号）、现场照片2张。" in text
    assert service.verify_pdf(workspace, out["pdf"])["matches"]


def test_the_order_to_correct_served_late_or_not_at_all_is_warned_of(workspace, tmp_path):
    cid = ordered(workspace, tmp_path, 100000)  # report 57 days ago, order served 47: later than 3 working days
    warned = procedure.next_steps(workspace.db, cid)["warnings"]
    assert any("按日连续处罚办法第八条" in w and ago(47) in w for w in warned), warned
    other = recent_case(workspace, tmp_path / "other", ("AIR-02",), days_ago=20)["id"]
    assert procedure.next_steps(workspace.db, other)["warnings"] == []  # no order made: nothing to serve
    service.render(workspace, "rectification-order", case_id=other, issued_on=ago(20))
    warned = procedure.next_steps(workspace.db, other)["warnings"]
    assert any("尚未送达" in w and ago(20) in w for w in warned), warned  # on site: the inspection's day
    cases.record_event(workspace.db, other, "order_served", ago(20))
    assert not [w for w in procedure.next_steps(workspace.db, other)["warnings"] if "第八条" in w]


def test_a_daily_decision_issued_in_format_4_still_verifies(workspace, tmp_path, monkeypatch):
    cid = ordered(workspace, tmp_path, 100000, seized=True)
    lifted(workspace, cid, 46)
    notified(workspace, cid, 40, 40)
    cases.record_event(workspace.db, cid, "waived", ago(39), "当事人书面放弃陈述、申辩和听证")
    case_steps.approve(workspace.db, cid, "decision", "李建国", "局负责人", ago(30))
    old = tmp_path / "old.pdf"
    with monkeypatch.context() as patched:  # issued by the code of record format 4: the 查封's day counted
        patched.setattr(common, "RECORD_FORMAT", 4)
        service.render(workspace, "daily-penalty-decision", case_id=cid, issued_on=ago(30), out_path=old)
    before = pdf_text(old).replace("\n", "")
    assert "共计7日" in before and "其中" not in before and "以上事实有复查证据为凭：暗查：仍超标排放" in before, before
    result = service.verify_pdf(workspace, old)
    assert result["matches"], result["problem"]
    fresh = service.render(workspace, "daily-penalty-decision", case_id=cid, issued_on=ago(30),
                           out_path=tmp_path / "new.pdf", reason="按新版重新签发")
    now = pdf_text(fresh["pdf"]).replace("\n", "")
    assert f"其中{cn_date(ago(46))}为我局对你单位实施查封期间" in now and "共计6日" in now, now
    assert service.verify_pdf(workspace, old)["record_match"]
