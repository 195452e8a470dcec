"""The 行政处罚决定书's reply to the party's statement is read against what the discretion actually applied: after
the replies it states the circumstances the fine was set on, by their names and levels (never ids or the
working), so a reason such as 「已考虑其改正情节」 cannot stand unchecked beside factors that lack it. A decision
issued before this (record format 4) still verifies."""

from __future__ import annotations

from eco_field.documents import service
from eco_field.documents.kinds import common
from eco_field.law import case_steps, cases
from tests.documents.case_walk import approve, assert_clean, file_and_investigate, issue, opened, read_text
from tests.law.procedure_helpers import ago

REPLY = "本案裁量中认定的情节为："


def test_the_reply_to_a_rejected_statement_is_followed_by_the_circumstances_applied(ready, tmp_path, monkeypatch):
    ws = ready
    case_id = opened(ws, tmp_path, factors={"impact": "medium", "cooperation": "normal"})
    file_and_investigate(ws, case_id, tmp_path)
    issue(ws, "penalty-notice", case_id, tmp_path)
    cases.record_event(ws.db, case_id, "notified", ago(40))
    case_steps.add_statement(ws.db, case_id, ago(38), "我单位已整改完毕，请求从轻处罚", False,
                             "已考虑其改正情节")
    approve(ws, case_id, "decision", ago(30))

    old = tmp_path / "old.pdf"
    with monkeypatch.context() as m:  # issued by the code of record format 4: the reply alone, as then
        m.setattr(common, "RECORD_FORMAT", 4)
        service.render(ws, "penalty-decision", case_id=case_id, issued_on=ago(30), out_path=old)
    assert REPLY not in read_text(old)
    assert service.verify_pdf(ws, old)["matches"]

    new = tmp_path / "new.pdf"
    service.render(ws, "penalty-decision", case_id=case_id, issued_on=ago(30), out_path=new, reason="补充裁量情节")
    text = read_text(new)
    reply = "经复核，已考虑其改正情节，我局对该意见不予采纳。"
    applied = (f"{REPLY}环境影响程度为“一般”、配合调查及整改态度为“配合调查”"
               "（处罚的依据和裁量详见本决定书第三部分）。")
    assert reply + applied in text, text  # right after the reply: the reader sees the correction was not applied
    assert "积极配合调查并立即整改" not in text and "依法从轻处罚" not in text
    assert_clean("penalty-decision", text)
    assert service.verify_pdf(ws, new)["matches"]


def test_no_statement_no_circumstances_sentence(ready, tmp_path):
    ws = ready
    case_id = opened(ws, tmp_path, factors={"impact": "medium"})
    file_and_investigate(ws, case_id, tmp_path)
    issue(ws, "penalty-notice", case_id, tmp_path)
    cases.record_event(ws.db, case_id, "notified", ago(40))
    approve(ws, case_id, "decision", ago(30))
    _, text = issue(ws, "penalty-decision", case_id, tmp_path)
    assert "未提出陈述、申辩意见" in text and REPLY not in text
