"""Cases: opened on an inspection, assessed, moved through the procedure; every write audited and queued."""

from __future__ import annotations

import json
from datetime import date

import pytest

from eco_field.errors import BadInput, NotFound
from eco_field.law import cases
from eco_field.store import audit


def _outbox(db, case_id):
    return [r[0] for r in db.execute("SELECT op FROM outbox WHERE entity = 'case' AND entity_id = ? ORDER BY seq",
                                     [case_id]).fetchall()]


def test_new_case_links_the_inspection_and_records_discovery(workspace, inspection):
    case = cases.new_case(workspace.db, inspection.id, ["air-02", cases.CaseViolation("PER-05", "排放口未规范")],
                          "焦炉烟囱颗粒物小时均值超标")
    assert case.enterprise_id == inspection.enterprise_id and case.status == "open"
    assert [v.catalog_id for v in case.violations] == ["AIR-02", "PER-05"]
    assert case.events[0]["event"] == "discovered" and case.events[0]["date"] == "2026-06-01"
    assert case.deadlines[0]["code"] == "filing" and case.deadlines[0]["due"] == "2026-06-16"
    assert _outbox(workspace.db, case.id) == ["create"]
    assert audit.verify(workspace.db).ok
    assert cases.get(workspace.db, case.id).to_dict()["violations"][1]["facts"] == "排放口未规范"



def test_a_case_recorded_after_the_fact_keeps_the_day_it_was_opened(workspace, inspection):
    late = cases.new_case(workspace.db, inspection.id, ["AIR-02"], "事实", opened_at="2026-06-02T10:00:00+08:00")
    assert late.opened_at == "2026-06-02T10:00:00+08:00"
    assert late.deadlines[0]["code"] == "filing" and late.deadlines[0]["due"] == "2026-06-16"


def test_bad_input_is_refused_before_anything_is_written(workspace, inspection):
    with pytest.raises(NotFound):
        cases.new_case(workspace.db, inspection.id, ["AIR-99"], "事实")
    with pytest.raises(BadInput, match="至少需要一项违法行为"):
        cases.new_case(workspace.db, inspection.id, [], "事实")
    with pytest.raises(BadInput, match="违法事实"):
        cases.new_case(workspace.db, inspection.id, ["AIR-02"], "  ")
    with pytest.raises(BadInput, match="不属于检查"):
        cases.new_case(workspace.db, inspection.id, [cases.CaseViolation("AIR-02", "", ["no-such-id"])], "事实")
    # a case recorded after the fact is opened between its inspection's day and today, never outside
    with pytest.raises(BadInput, match="2026-06-01"):
        cases.new_case(workspace.db, inspection.id, ["AIR-02"], "事实", opened_at="2026-05-31T10:00:00+08:00")
    with pytest.raises(BadInput, match="今天"):
        cases.new_case(workspace.db, inspection.id, ["AIR-02"], "事实", opened_at="2200-01-01T10:00:00+08:00")
    with pytest.raises(BadInput, match="不是有效的时间"):
        cases.new_case(workspace.db, inspection.id, ["AIR-02"], "事实", opened_at="昨天")
    with pytest.raises(NotFound):
        cases.new_case(workspace.db, "no-such-inspection", ["AIR-02"], "事实")
    assert workspace.db.execute("SELECT count(*) FROM cases").fetchone()[0] == 0


def test_assess_stores_the_fine_and_rationale_on_the_case(workspace, inspection):
    case = cases.new_case(workspace.db, inspection.id, ["AIR-02"], "超标排放")
    assessed = cases.assess(workspace.db, case.id, {"impact": "medium", "duration": "3to6m"})
    assert assessed.assessment.amount == 199000 and "环境影响程度" in assessed.assessment.rationale
    again = cases.get(workspace.db, case.id)
    assert again.assessment == assessed.assessment and again.revision == 2
    assert _outbox(workspace.db, case.id) == ["create", "assess"]


def test_overlapping_provisions_for_one_act_are_fined_once_at_the_higher_amount(workspace, inspection):
    case = cases.new_case(workspace.db, inspection.id, ["AIR-02", "PER-02", "HW-01"], "同一超标排放行为及危废标志")
    result = cases.assess(workspace.db, case.id, {"impact": "medium"}).assessment
    air, permit, waste = result.parts
    assert permit.amount > air.amount       # the permit regulation's 200k floor is higher
    assert result.amount == permit.amount + waste.amount
    assert "第二十九条" in result.rationale and "合计建议罚款" in result.rationale


def test_events_drive_status_and_deadlines(workspace, tmp_path):
    from eco_field.documents import service
    from eco_field.law import case_steps
    from tests.law.procedure_helpers import TODAY, ago, allow_roles, recent_case

    allow_roles(workspace)
    case_id = recent_case(workspace, tmp_path, ("AIR-10",), days_ago=30)["id"]
    db = workspace.db
    case_steps.approve(db, case_id, "filing", "李建国", "局负责人", ago(29), "同意立案")
    assert cases.record_event(db, case_id, "立案", ago(29)).status == "filed"
    cases.assess(db, case_id, {"impact": "small"})
    cases.record_event(db, case_id, "investigated", ago(25))
    service.render(workspace, "penalty-notice", case_id=case_id, issued_on=ago(20))
    cases.record_event(db, case_id, "notified", ago(20))
    cases.record_event(db, case_id, "waived", ago(19), "当事人书面放弃陈述申辩")
    case_steps.approve(db, case_id, "decision", "李建国", "局负责人", ago(19), "同意")
    service.render(workspace, "penalty-decision", case_id=case_id, issued_on=ago(19))
    cases.record_event(db, case_id, "decided", ago(19))
    done = cases.record_event(db, case_id, "served", ago(18))
    assert done.status == "served"
    deadlines = {d["code"]: d for d in cases.get(db, case_id, today=TODAY).deadlines}
    assert deadlines["filing"]["status"] == "met" and deadlines["decision"]["status"] == "met"
    assert deadlines["payment"]["status"] == "lapsed"
    # a late 立案 cannot be recorded on a served case
    with pytest.raises(BadInput, match="不能立案"):
        cases.record_event(db, case_id, "filed", ago(17))


def test_set_status_from_the_bureau_is_not_queued_again(workspace, inspection):
    case = cases.new_case(workspace.db, inspection.id, ["AIR-02"], "超标排放")
    assert cases.set_status(workspace.db, case.id, "closed", sync=False).status == "closed"
    assert _outbox(workspace.db, case.id) == ["create"]
    # audited as taken from the bureau, so the bureau's case export never counts it as this device's change
    last = workspace.db.execute("SELECT action FROM audit_log WHERE entity_id = ? ORDER BY seq DESC LIMIT 1",
                                [case.id]).fetchone()[0]
    assert last == "pull_status"
    from eco_field.bureau.case_export import RECEIVED_ACTIONS

    assert last in RECEIVED_ACTIONS
    assert cases.set_status(workspace.db, case.id, "已销案", reason="重复登记").status == "withdrawn"
    with pytest.raises(BadInput, match="没有案件状态"):
        cases.set_status(workspace.db, case.id, "archived")
    with pytest.raises(BadInput, match="没有案件事项"):
        cases.record_event(workspace.db, case.id, "lunch", "2026-06-02")


def test_list_cases_newest_first_with_deadlines(workspace, inspection):
    first = cases.new_case(workspace.db, inspection.id, ["AIR-02"], "一")
    second = cases.new_case(workspace.db, inspection.id, ["WAT-01"], "二")
    listed = cases.list_cases(workspace.db, today=date(2026, 6, 20))
    assert {c.id for c in listed} == {first.id, second.id}
    assert all(c.deadlines[0]["status"] == "overdue" and c.to_dict()["overdue"] for c in listed)


def test_snapshot_in_the_outbox_is_plain_json(workspace, inspection):
    case = cases.new_case(workspace.db, inspection.id, ["AIR-02"], "超标排放")
    cases.assess(workspace.db, case.id, {"impact": "small"})
    payload = json.loads(workspace.db.execute(
        "SELECT payload_json FROM outbox WHERE entity = 'case' ORDER BY seq DESC LIMIT 1").fetchone()[0])
    assert payload["id"] == case.id and payload["assessment"]["amount"] == 100000
    assert "deadlines" not in payload


def test_decided_amount_inside_the_range_is_stored_with_the_suggestion(workspace, inspection):
    case = cases.new_case(workspace.db, inspection.id, ["AIR-02"], "超标排放")
    result = cases.assess(workspace.db, case.id, {"impact": "medium"}, amount=180000, reason="集体讨论决定").assessment
    assert (result.amount, result.suggested_amount) == (180000, 154000)
    assert "决定罚款：人民币180,000.00元（计算建议154000元）。理由：集体讨论决定。" in result.rationale


def test_decided_amount_outside_the_range_needs_a_legal_ground(workspace, inspection):
    case = cases.new_case(workspace.db, inspection.id, ["AIR-02"], "超标排放")
    with pytest.raises(BadInput, match="法定幅度"):
        cases.assess(workspace.db, case.id, {}, amount=80000)
    with pytest.raises(BadInput, match="法定幅度"):
        cases.assess(workspace.db, case.id, {}, amount=1200000)
    assert cases.get(workspace.db, case.id).assessment is None
    ground = "《中华人民共和国行政处罚法》第三十二条第一项"
    with pytest.raises(BadInput, match="超出法定幅度.*上限"):  # 减轻 goes below the minimum, never above the maximum
        cases.assess(workspace.db, case.id, {}, amount=1200000, legal_ground=ground)
    assert cases.get(workspace.db, case.id).assessment is None
    result = cases.assess(workspace.db, case.id, {}, amount=80000, legal_ground=ground).assessment
    assert result.amount == 80000 and result.legal_ground == ground


def test_evidence_of_the_inspection_is_linked_to_the_violation(workspace, inspection, tmp_path):
    from eco_field.store import blobs
    from eco_field.store.database import write_transaction
    from eco_field.store.evidence_rows import link_evidence

    photo = tmp_path / "p.jpg"
    photo.write_bytes(b"\xff\xd8 not really a photo")
    ref = workspace.blobs.put_file(photo)
    with write_transaction(workspace.db):
        blobs.register(workspace.db, ref)
        evidence_id, _created = link_evidence(workspace.db, inspection.id, ref, "photo", "p.jpg")
    case = cases.new_case(workspace.db, inspection.id, [cases.CaseViolation("AIR-02", "烟囱", [evidence_id])], "超标")
    assert case.violations[0].evidence_ids == [evidence_id]


def test_daily_penalty_follows_the_order_and_rechecks(workspace, inspection):
    from eco_field.documents import service
    from tests.law.procedure_helpers import bureau_details

    db = workspace.db
    case = cases.new_case(db, inspection.id, ["AIR-02"], "超标排放，责令改正后拒不改正")
    cases.assess(db, case.id, {})
    assert cases.get(db, case.id).daily_penalty is None
    bureau_details(workspace)
    service.render(workspace, "rectification-order", case_id=case.id, issued_on="2026-06-10")
    cases.record_event(db, case.id, "order_served", "2026-06-10")
    proof = {"evidence": "复查现场检查笔录"}
    cases.record_event(db, case.id, "recheck_violation", "2026-06-20", "", proof)
    cases.record_event(db, case.id, "recheck_violation", "2026-07-01", "", proof)
    daily = cases.record_event(db, case.id, "recheck_corrected", "2026-07-08").daily_penalty
    assert (daily["days"], daily["amount"]) == (21, 100000 * 21)
    assert {d["code"] for d in cases.get(db, case.id).deadlines} >= {"recheck"}


def test_preview_matches_what_assess_stores_and_stores_nothing(workspace, inspection):
    case = cases.new_case(workspace.db, inspection.id, ["AIR-02", "SW-02"], "超标；无台账")
    preview = cases.preview_assessment(workspace.db, case.id, {"impact": "large"})
    assert cases.get(workspace.db, case.id).assessment is None
    assert cases.assess(workspace.db, case.id, {"impact": "large"}).assessment == preview
