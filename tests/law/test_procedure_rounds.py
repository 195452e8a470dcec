"""Kinds that legally repeat (law/rounds.py): two rounds of 按日连续处罚, each with its own 复查, notice and
decision, counting its own days; a second 查封/扣押 after the first was lifted. A new round's document does not
void the previous round's: every one still verifies; re-issuing within a round still supersedes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from eco_field.errors import BadInput
from tests.law.procedure_helpers import (
    ago,
    allow_roles,
    file_case,
    fine_decided_and_served,
    next_of,
    ok,
    pdf_text,
    recent_case,
    refused,
)


def _issue(cli, kind: str, cid: str, day: str, target: Path) -> dict:
    out = cli("documents", "render", kind, "--case", cid, "--date", day, "-o", str(target), "--json")
    ok(out)
    return out.json()


def _decided_and_ordered(cli, workspace, tmp_path) -> str:
    allow_roles(workspace)
    cid = recent_case(workspace, tmp_path, ("AIR-02",), days_ago=60)["id"]
    file_case(cli, cid, 59)
    fine_decided_and_served(cli, cid, tmp_path)
    return cid


def _round(cli, cid: str, recheck: int, decide: int, tmp_path: Path, n: int) -> tuple[dict, dict]:
    ok(cli("cases", "event", cid, "recheck_violation", "--date", ago(recheck), "--note", f"第{n}次暗查：仍超标排放",
           "--evidence", f"第{n}次复查现场检查笔录"))
    notice = _issue(cli, "daily-penalty-notice", cid, ago(recheck), tmp_path / f"notice{n}.pdf")
    ok(cli("cases", "event", cid, "daily_notified", "--date", ago(recheck)))
    ok(cli("cases", "event", cid, "waived", "--date", ago(decide + 1)))
    # each round is over 1,000,000 元: 法制审核 and 集体讨论 of its own, after its notice
    for step, by, role in (("legal_review", "王法制", "法制审核人员"), ("collective", "李建国", "局负责人"),
                           ("decision", "李建国", "局负责人")):
        ok(cli("cases", "approve", cid, step, "--by", by, "--role", role, "--date", ago(decide)))
    decision = _issue(cli, "daily-penalty-decision", cid, ago(decide), tmp_path / f"decision{n}.pdf")
    ok(cli("cases", "event", cid, "daily_decided", "--date", ago(decide)))
    return notice, decision


def test_two_daily_penalty_rounds_each_count_their_own_days_and_all_verify(cli, workspace, tmp_path):
    cid = _decided_and_ordered(cli, workspace, tmp_path)
    first = _round(cli, cid, 28, 12, tmp_path, 1)
    # the next round needs its own 复查, after the first round's decision
    events, documents = next_of(cli, cid)
    assert "再次复查" in events["daily_notified"], events["daily_notified"]
    refused(cli("cases", "event", cid, "recheck_violation", "--date", ago(13)), "前一轮按日连续处罚决定")
    second = _round(cli, cid, 6, 3, tmp_path, 2)
    for doc in (*first, *second):
        assert doc["superseded"] == [], doc
        ok(cli("documents", "verify", doc["pdf"]))
    # round 1: from the day after the order's service to its 复查 (47 - 28 = 19 days); round 2: from the day after
    # that 复查 to its own (28 - 6 = 22 days); together the whole period once
    one, two = pdf_text(first[1]["pdf"]), pdf_text(second[1]["pdf"])
    assert "共计19日" in one and "1,900,000.00元" in one, one
    assert "共计22日" in two and "2,200,000.00元" in two and "累计执行" in two and first[1]["number"] in two, two
    assert "共计22日" in pdf_text(second[0]["pdf"])
    rounds = _facts_rounds(workspace, cid)
    assert [(r["round"], r["days"], r["amount"]) for r in rounds] == [(1, 19, 1900000), (2, 22, 2200000)]
    # `cases next` reports each round, and the round the next document would be of
    steps = cli("cases", "next", cid, "--json")
    ok(steps)
    data = steps.json()
    assert [(r["round"], r["days"], r["decided"]) for r in data["daily_rounds"]] == [(1, 19, ago(12)),
                                                                                     (2, 22, ago(3))]
    assert {d["kind"]: d.get("round") for d in data["documents"]}["daily-penalty-notice"] == 3
    shown = cli("cases", "next", cid)
    ok(shown)
    assert "按日连续处罚第1轮" in shown.stdout and "按日连续处罚第2轮" in shown.stdout and "22日" in shown.stdout
    # the Chinese text names steps by their labels: no event code in prose (document kinds stay: they are typed)
    assert not re.search(r"[（(][a-z_]+[)）]|recheck_violation|production_proposed", shown.stdout), shown.stdout


def _facts_rounds(workspace, cid: str) -> list[dict]:
    from eco_field.law import procedure

    return procedure.facts(workspace.db, cid)["daily"]["rounds"]


def test_reissuing_within_a_round_supersedes_only_that_round(cli, workspace, tmp_path):
    cid = _decided_and_ordered(cli, workspace, tmp_path)
    first = _round(cli, cid, 28, 12, tmp_path, 1)
    ok(cli("cases", "event", cid, "recheck_violation", "--date", ago(6), "--note", "第2次暗查：仍超标排放",
           "--evidence", "第2次复查现场检查笔录"))
    again = _issue(cli, "daily-penalty-notice", cid, ago(6), tmp_path / "n2.pdf")
    fixed = _issue(cli, "daily-penalty-notice", cid, ago(6), tmp_path / "n2b.pdf")
    assert again["superseded"] == [] and fixed["superseded"] == [again["number"]]
    ok(cli("documents", "verify", first[0]["pdf"]))
    ok(cli("documents", "verify", fixed["pdf"]))
    assert cli("documents", "verify", again["pdf"]).returncode == 1


def test_a_second_seizure_does_not_void_the_first(cli, workspace, tmp_path):
    allow_roles(workspace)
    cid = recent_case(workspace, tmp_path, ("AIR-02",), days_ago=60)["id"]
    file_case(cli, cid, 59)
    ok(cli("cases", "event", cid, "seized", "--date", ago(58), "--measure", "查封", "--ground-item", "6",
           "--approved-by", "李建国", "--note", "除尘设施停运，颗粒物超标排放"))
    sealed = _issue(cli, "seizure-decision", cid, ago(58), tmp_path / "seal.pdf")
    ok(cli("cases", "event", cid, "seizure_lifted", "--date", ago(40), "--ground", "corrected",
           "--note", "除尘设施已修复"))
    ok(cli("documents", "render", "seizure-release", "--case", cid, "--date", ago(40)))
    ok(cli("cases", "event", cid, "seized", "--date", ago(30), "--measure", "扣押", "--ground-item", "4",
           "--approved-by", "李建国", "--note", "偷排用水泵两台"))
    held = _issue(cli, "seizure-decision", cid, ago(30), tmp_path / "hold.pdf")
    assert held["superseded"] == []
    ok(cli("documents", "verify", sealed["pdf"]))
    ok(cli("documents", "verify", held["pdf"]))
    one, two = pdf_text(sealed["pdf"]), pdf_text(held["pdf"])
    assert "查封决定书" in one and "除尘设施停运" in one
    assert "扣押决定书" in two and "偷排用水泵两台" in two and "第四条第一款第四项" in two


def _refused_by_service(workspace, cid: str, day: str, *words: str) -> None:
    from eco_field.law import cases

    with pytest.raises(BadInput) as caught:
        cases.record_event(workspace.db, cid, "seized", day, "偷排用水泵两台",
                           {"measure": "扣押", "ground_item": "4", "approved_by": "李建国"})
    for word in words:
        assert word in str(caught.value), str(caught.value)


def test_a_second_seizure_while_the_first_is_in_force_is_refused_naming_its_decision(cli, workspace, tmp_path):
    from eco_field.documents import service
    from eco_field.law import case_steps, cases

    allow_roles(workspace)
    db = workspace.db
    cid = recent_case(workspace, tmp_path, ("AIR-02",), days_ago=60)["id"]
    case_steps.approve(db, cid, "filing", "李建国", "局负责人", ago(59))
    cases.record_event(db, cid, "filed", ago(59))
    cases.record_event(db, cid, "seized", ago(58), "除尘设施停运，颗粒物超标排放",
                       {"measure": "查封", "ground_item": "6", "approved_by": "李建国"})
    # recorded, its decision not made yet: the refusal names the measure and its date
    _refused_by_service(workspace, cid, ago(57), "查封", ago(58), "尚未解除", "查封、扣押延期")
    sealed = service.render(workspace, "seizure-decision", case_id=cid, issued_on=ago(58))
    # in force, extended or not, even past its period (only a release decision ends it): refused by the command
    # line with exit 2, naming the first decision's number and date
    second = ("cases", "event", cid, "seized", "--measure", "扣押", "--ground-item", "4", "--approved-by", "李建国",
              "--note", "偷排用水泵两台")
    refused(cli(*second, "--date", ago(50)), sealed["number"], ago(58), "尚未解除")
    cases.record_event(db, cid, "seizure_extended", ago(35), "检测报告尚未出具", {"approved_by": "李建国"})
    _refused_by_service(workspace, cid, ago(34), sealed["number"], "尚未解除")
    _refused_by_service(workspace, cid, ago(0), sealed["number"])
    events, _ = next_of(cli, cid)
    assert sealed["number"] in events["seized"], events["seized"]
    cases.record_event(db, cid, "seizure_lifted", ago(5), "检测完毕，不再需要查封", {"ground": "other"})
    # released: a new measure may follow, but not dated back into the first one's time
    _refused_by_service(workspace, cid, ago(6), "解除日期", ago(5))
    cases.record_event(db, cid, "seized", ago(4), "偷排用水泵两台",
                       {"measure": "扣押", "ground_item": "4", "approved_by": "李建国"})
    with pytest.raises(BadInput, match="早于"):
        service.render(workspace, "seizure-decision", case_id=cid, issued_on=ago(5))
    held = service.render(workspace, "seizure-decision", case_id=cid, issued_on=ago(4))
    assert held["superseded"] == [] and held["number"] != sealed["number"]
    _refused_by_service(workspace, cid, ago(3), held["number"], ago(4), "扣押")


def test_each_daily_round_is_served_and_paid_before_the_case_closes(cli, workspace, tmp_path):
    """A 按日连续处罚决定 is a penalty decision of its own: served after it was made, paid after it was served;
    the case does not close while a round is unserved or unpaid (its 2,000,000 元 would be lost from the file)."""
    from datetime import date

    from eco_field.law import cases, procedure
    from eco_field.law.procedure_decision import closing_ready
    from eco_field.law.procedure_state import load

    cid = _decided_and_ordered(cli, workspace, tmp_path)
    db = workspace.db
    _round(cli, cid, 28, 12, tmp_path, 1)

    def why(code: str, day: str) -> str | None:
        return procedure.reason_for(load(db, cid), code, date.fromisoformat(day), {"note": "x"})

    cases.record_event(db, cid, "paid", ago(20))  # the original fine
    assert "第1轮按日连续处罚决定书尚未送达" in closing_ready(load(db, cid))
    assert "没有已送达" in why("daily_paid", ago(11))
    assert "早于" in why("daily_served", ago(13))
    cases.record_event(db, cid, "daily_served", ago(11))
    assert "没有待送达" in why("daily_served", ago(10))
    assert "第1轮按日连续处罚罚款尚未缴纳" in closing_ready(load(db, cid))
    with pytest.raises(BadInput, match="早于"):
        cases.record_event(db, cid, "daily_paid", ago(12))
    cases.record_event(db, cid, "daily_paid", ago(5))
    assert closing_ready(load(db, cid)) is None
    rounds = _facts_rounds(workspace, cid)
    assert (rounds[0]["served"], rounds[0]["paid"]) == (ago(11), ago(5))
    # the 结案审批 may not be dated before the last payment made the case ready to close
    refused(cli("cases", "approve", cid, "closing", "--by", "李建国", "--role", "局负责人", "--date", ago(6)), "早于")
    ok(cli("cases", "approve", cid, "closing", "--by", "李建国", "--role", "局负责人", "--date", ago(4)))
    ok(cli("cases", "event", cid, "closed", "--date", ago(4), "--note", "罚款及按日连续处罚罚款均已缴清"))


def test_each_order_served_needs_its_own_order_issued_before_it(workspace, tmp_path):
    """按日办法第十四条: a 复查 that finds the violation continuing brings a new 责令改正; each service is of a
    document issued for it, never dated before its issue, and the first order stays in force (not voided)."""
    from eco_field.documents import service
    from eco_field.law import cases, procedure

    allow_roles(workspace)
    cid = recent_case(workspace, tmp_path, ("AIR-02",), days_ago=40)["id"]
    steps = procedure.next_steps(workspace.db, cid)
    assert {e["event"]: e["reason"] for e in steps["events"]}["order_served"] == "责令改正违法行为决定书尚未制作"
    assert {d["kind"]: d["allowed"] for d in steps["documents"]}["rectification-order"]
    with pytest.raises(BadInput, match="责令改正违法行为决定书尚未制作"):
        cases.record_event(workspace.db, cid, "order_served", ago(30))
    first = service.render(workspace, "rectification-order", case_id=cid, issued_on=ago(30))
    with pytest.raises(BadInput, match=f"早于责令改正违法行为决定书（{first['number']}）的签发日期"):
        cases.record_event(workspace.db, cid, "order_served", ago(31))
    cases.record_event(workspace.db, cid, "order_served", ago(30))

    # served: no second order until a 复查 finds the violation continuing, and none dated before that 复查
    steps = procedure.next_steps(workspace.db, cid)
    order = {d["kind"]: d for d in steps["documents"]}["rectification-order"]
    assert not order["allowed"] and "复查发现仍未改正的，可以再次责令改正" in order["reason"], order
    with pytest.raises(BadInput, match="复查发现仍在违法的，方可再次责令改正"):  # served once, not twice
        cases.record_event(workspace.db, cid, "order_served", ago(29))
    cases.record_event(workspace.db, cid, "recheck_violation", ago(20), "暗查：仍超标排放",
                       {"evidence": "复查现场检查笔录、现场照片2张"})
    with pytest.raises(BadInput, match=f"早于复查发现仍在违法日期 {ago(20)}"):
        service.render(workspace, "rectification-order", case_id=cid, issued_on=ago(21))
    served_event = {e["event"]: e for e in procedure.next_steps(workspace.db, cid)["events"]}["order_served"]
    assert served_event["round"] == 2 and "第2次" in served_event["reason"], served_event
    with pytest.raises(BadInput, match="第2次责令改正的责令改正违法行为决定书尚未制作"):
        cases.record_event(workspace.db, cid, "order_served", ago(20))
    second = service.render(workspace, "rectification-order", case_id=cid, issued_on=ago(19))
    assert second["superseded"] == []  # a new order, not a correction of the served one
    with pytest.raises(BadInput, match=f"早于责令改正违法行为决定书（{second['number']}）的签发日期"):
        cases.record_event(workspace.db, cid, "order_served", ago(20))
    cases.record_event(workspace.db, cid, "order_served", ago(19))
    current = [d["number"] for d in service.list_documents(workspace.db, case_id=cid)
               if d["kind"] == "rectification-order" and d["current"]]
    assert current == [first["number"], second["number"]]
