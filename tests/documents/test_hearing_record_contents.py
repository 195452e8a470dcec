"""The 听证笔录 states what the record proves, as a 法制审核 officer reads it: the investigators' case (the facts,
evidence and provisions as the 告知书 states them, the fine it proposed with its number and date), who heard
the case and who spoke for the party, the 回避 answer and the final statement — read back from the issued PDF.
Where nothing was recorded it keeps a line for the pen, never a blank where the record holds the answer; a
record issued before (format 4) still verifies byte for byte; no investigator may hear the case."""

from __future__ import annotations

import pytest

from eco_field.documents import amounts, service
from eco_field.documents.kinds import common
from eco_field.documents.kinds.common import cn_date
from eco_field.errors import BadInput
from eco_field.law import case_steps, cases
from tests.documents.case_walk import assert_all_verify, assert_clean, file_and_investigate, issue, opened
from tests.law.procedure_helpers import ago

PLACE = "时间：2026年11月20日9时；地点：吕梁市生态环境局第一会议室；主持人：周法制；记录人：吴书记"


def _noticed_and_heard_on(ws, tmp_path) -> tuple[str, dict]:
    """A case fined 200,000 元 or more, its （听证）告知书 served, a hearing asked for and its notice served."""
    case_id = opened(ws, tmp_path, factors={"impact": "major", "duration": "gt12m"})
    file_and_investigate(ws, case_id, tmp_path)
    notice, _ = issue(ws, "penalty-notice", case_id, tmp_path)
    cases.record_event(ws.db, case_id, "notified", ago(40))
    cases.record_event(ws.db, case_id, "hearing_requested", ago(38), PLACE)
    issue(ws, "hearing-notice", case_id, tmp_path)
    cases.record_event(ws.db, case_id, "hearing_notified", ago(37))
    return case_id, notice


def _held(ws, case_id: str, **values) -> None:
    """The hearing recorded as the command line and the event form record it (case_steps.event_data)."""
    note, data = case_steps.event_data("hearing_held", {"note": PLACE, **values})
    cases.record_event(ws.db, case_id, "hearing_held", ago(25), note, data)


def _issued_on(ws, document: dict) -> str:
    """The date printed on an issued document (落款日期), as its facts keep it."""
    row = ws.db.execute("SELECT json_extract(facts_json, '$.issued_on') FROM documents WHERE number = ?",
                        [document["number"]]).fetchone()
    return row[0]


def _investigators(ws, case_id: str) -> list[str]:
    from eco_field.store import inspections

    return [o.name for o in inspections.get(ws.db, cases.get(ws.db, case_id).inspection_id).officers]


def test_the_record_states_the_case_the_people_and_the_answers(ready, tmp_path):
    ws = ready
    case_id, notice = _noticed_and_heard_on(ws, tmp_path)
    investigator = _investigators(ws, case_id)[1]
    # 法 art 64(4): the bureau designates non-investigators to hear the case; a 回避 asked for is decided
    with pytest.raises(BadInput) as refused:
        _held(ws, case_id, hearing_officers=f"郑听证、{investigator}")
    assert f"听证员{investigator}是本案调查人员" in str(refused.value)
    with pytest.raises(BadInput) as refused:
        _held(ws, case_id, withdrawal="是")
    assert "回避申请及对申请的决定" in str(refused.value)
    _held(ws, case_id, hearing_officers="郑听证、冯听证", representatives="刘代理（公司环保部经理）；陈律师（山西某律师事务所律师）",
          withdrawal="yes", withdrawal_decision="当事人以记录人吴书记曾参与本案现场检查为由申请其回避，经局负责人审查，吴书记未参与本案调查，决定不予回避",
          investigators_statement="当事人在线监测数据显示超标持续三日以上", final_statement="布袋破损系突发，已整改，请求从轻处罚")
    case_steps.add_statement(ws.db, case_id, ago(25), "超标系除尘布袋突发破损所致，已于次日更换", at_hearing=True)
    _, text = issue(ws, "hearing-record", case_id, tmp_path)

    amount = cases.get(ws.db, case_id).assessment.amount
    for must in (
            # the investigators' case, as the notice states it, and the fine it proposed (number, date)
            "案件调查人员" + "、".join(_investigators(ws, case_id)) + "陈述", "焦炉烟囱颗粒物排放浓度超过",
            "以上事实，有以下证据为凭", "《中华人民共和国大气污染防治法》第十八条", "第九十九条第二项",
            "《生态环境行政处罚自由裁量基准》", f"我局于{_issued_on(ws, notice)}以《行政处罚事先（听证）告知书》"
            f"（{notice['number']}）告知当事人拟作出如下行政处罚：罚款人民币{amounts.figures(amount)}元",
            f"该告知书已于{cn_date(ago(40))}送达当事人", "案件调查人员补充陈述：当事人在线监测数据显示超标持续三日以上",
            # who heard and who spoke; the 回避 question answered; what the party said, finally too
            "周法制", "郑听证、冯听证", "吴书记", "刘代理（公司环保部经理）、陈律师（山西某律师事务所律师）",
            "问：当事人是否申请听证主持人、听证员、记录人回避？答：申请回避。", "决定不予回避",
            "当事人陈述、申辩：超标系除尘布袋突发破损所致", "当事人最后陈述：布袋破损系突发，已整改，请求从轻处罚",
            "委托代理人刘代理", "委托代理人陈律师", "听证员郑听证", "听证员冯听证"):
        assert must in text, must
    assert "＿" not in text  # nothing left blank that the record answers
    assert_clean("hearing-record", text)
    assert_all_verify(ws, tmp_path)


def test_a_record_issued_before_verifies_and_unrecorded_parts_keep_lines_for_the_pen(ready, tmp_path, monkeypatch):
    ws = ready
    case_id, notice = _noticed_and_heard_on(ws, tmp_path)
    _held(ws, case_id)  # time, place, presider and recorder only (the note), as before
    old = tmp_path / "old-record.pdf"
    with monkeypatch.context() as m:  # issued by the code of record format 4: the form as it was
        m.setattr(common, "RECORD_FORMAT", 4)
        service.render(ws, "hearing-record", case_id=case_id, out_path=old, issued_on=ago(25))
    result = service.verify_pdf(ws, old)
    assert result["matches"], result["problem"]

    _, text = issue(ws, "hearing-record", case_id, tmp_path, ago(25))
    assert notice["number"] in text and "以上事实，有以下证据为凭" in text  # the record's case is stated now
    assert "答：＿＿＿" in text and "当事人最后陈述" not in text  # the answer is written on the paper by hand
    assert service.verify_pdf(ws, old)["record_match"]  # the re-issue does not make the old one a forgery

    # the fine assessed again after the notice: the record would state what the notice never proposed
    cases.assess(ws.db, case_id, {"impact": "major", "duration": "gt12m"}, amount=900000, reason="重新计算")
    with pytest.raises(BadInput) as refused:
        service.render(ws, "hearing-record", case_id=case_id, out_path=tmp_path / "x.pdf", issued_on=ago(25))
    assert notice["number"] in str(refused.value) and "900,000" in str(refused.value)
