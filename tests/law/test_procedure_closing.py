"""结案审批 (step `closing`): 结案 needs the 负责人's passed approval, given on or after the day the case became
ready to close and not after the 结案 date; the chain's approvals (承办人, 承办机构负责人) do not complete it; the
结案审批表 prints each approver's name, role, opinion and date; a case closed before the step existed stays
closed."""

from __future__ import annotations

import json

import pytest

from eco_field.documents import service
from eco_field.documents.kinds import closing_approval
from eco_field.documents.kinds.common import Source
from eco_field.errors import BadInput
from eco_field.law import case_steps, cases, procedure
from tests.law.procedure_helpers import ago, allow_roles, pdf_text, recent_case


def served_not_punished(workspace, tmp_path) -> str:
    """A 首违不罚 case whose 不予行政处罚决定书 was served 8 days ago: ready to close from that day."""
    allow_roles(workspace)
    db = workspace.db
    cid = recent_case(workspace, tmp_path, ("AIR-10",), days_ago=20)["id"]
    case_steps.approve(db, cid, "filing", "李建国", "局负责人", ago(19))
    cases.record_event(db, cid, "filed", ago(19))
    cases.assess(db, cid, {"first": "yes", "area_m2": "150", "corrected_days": "5"})
    cases.record_event(db, cid, "investigated", ago(12))
    case_steps.approve(db, cid, "decision", "李建国", "局负责人", ago(10), "同意不予处罚")
    service.render(workspace, "no-penalty-decision", case_id=cid, issued_on=ago(9))
    cases.record_event(db, cid, "no_penalty", ago(9))
    cases.record_event(db, cid, "served", ago(8))
    return cid


def refused(call, *words: str) -> str:
    with pytest.raises(BadInput) as caught:
        call()
    for word in words:
        assert word in str(caught.value), str(caught.value)
    return str(caught.value)


def test_closing_needs_the_heads_approval_in_its_window(workspace, tmp_path):
    db, cid = workspace.db, served_not_punished(workspace, tmp_path)
    close = lambda day: cases.record_event(db, cid, "closed", day, "不予处罚决定已送达，当事人已改正")  # noqa: E731
    refused(lambda: close(ago(5)), "不能结案", "结案审批尚未完成", "局负责人")
    # not before the case was ready to close (the decision's service), and only once it is ready
    refused(lambda: case_steps.approve(db, cid, "closing", "李建国", "局负责人", ago(9)), "早于", "送达决定书")
    # the chain's opinions are recorded but do not complete the step
    case_steps.approve(db, cid, "closing", "王小明", "承办人", ago(7), "建议结案")
    case_steps.approve(db, cid, "closing", "周科长", "承办机构负责人", ago(6), "同意结案")
    refused(lambda: close(ago(5)), "结案审批尚未完成")
    refused(lambda: case_steps.approve(db, cid, "closing", "李建国", "科员", ago(5)), "局负责人")
    # a 负责人 who does not agree: named, and the case stays open
    case_steps.approve(db, cid, "closing", "李建国", "局负责人", ago(5), "不同意，罚没物品处理情况未说明")
    refused(lambda: close(ago(5)), "结案审批未通过", "李建国", "不同意")
    case_steps.approve(db, cid, "closing", "李建国", "局负责人", ago(4), "同意结案。")
    # 结案 is not dated before the approval it rests on, and states its ground
    refused(lambda: close(ago(5)), "结案审批")
    refused(lambda: cases.record_event(db, cid, "closed", ago(4), ""), "结案理由")
    assert close(ago(4)).status == "closed"
    assert refused(lambda: case_steps.approve(db, cid, "closing", "李建国", "局负责人", ago(3)), "已结案")


def test_the_closing_form_prints_each_approver_with_a_line_to_sign(workspace, tmp_path):
    db, cid = workspace.db, served_not_punished(workspace, tmp_path)
    case_steps.approve(db, cid, "closing", "王小明", "承办人", ago(7), "不予处罚决定已送达，建议结案。")
    case_steps.approve(db, cid, "closing", "李建国", "局负责人", ago(6), "同意结案。")
    pdf = tmp_path / "closing.pdf"
    service.render(workspace, "closing-approval", case_id=cid, out_path=pdf, issued_on=ago(6))
    text = pdf_text(pdf)
    assert "建议结案。" in text and "审批人：王小明（承办人）" in text
    assert "同意结案。" in text and "审批人：李建国（局负责人）" in text
    assert text.count("签名：") == 3  # one line to sign per row; the 承办机构负责人's row left to fill in
    assert f"日期：{_cn(ago(7))}" in text and f"日期：{_cn(ago(6))}" in text
    # the record names them (format 5); a format-4 record gathers as it was issued (one approval, any role)
    src = Source(workspace, case_id=cid)
    rows = closing_approval.gather(src)["approvals"]
    assert [r and (r["by"], r["role"]) for r in rows] == [("王小明", "承办人"), None, ("李建国", "局负责人")]
    old = closing_approval.gather(Source(workspace, case_id=cid, format=4))
    assert "approvals" not in old and old["approval"]["by"] == "李建国"
    assert service.verify_pdf(workspace, pdf)["matches"]


def test_a_case_closed_before_the_step_existed_stays_closed(workspace, tmp_path):
    db, cid = workspace.db, served_not_punished(workspace, tmp_path)
    # as a laptop without the step recorded it: 结案 with no 结案审批
    db.execute("INSERT INTO case_events (case_id, event, date, note, recorded_at, data_json) VALUES (?, 'closed', ?,"
               " '经李建国批准结案', '2026-01-01T00:00:00Z', ?)", [cid, ago(5), json.dumps({})])
    db.conn.commit()
    assert procedure.status_of(db, cid) == "closed"
    steps = {e["event"]: e for e in procedure.next_steps(db, cid)["events"]}
    assert not steps["approve_closing"]["allowed"] and "已结案" in steps["approve_closing"]["reason"]
    assert not any(e["allowed"] for e in steps.values())


def _cn(iso: str) -> str:
    y, m, d = (int(x) for x in iso.split("-"))
    return f"{y}年{m}月{d}日"
