"""A served document is never re-issued (a re-issue would void it, and the acts citing it would rest on a void
document): `documents render` refuses it naming the document and the day it was served, `cases next` says why.
Where the law has a next round (a new 责令改正 after a failed 复查, a new release after a new 查封) the new
document is a new round and voids nothing. And the 查封 period's last day is the same on the decision, the
extension notice, the deadlines of `cases show` and the procedure's guards."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest

from eco_field.documents.kinds.common import cn_date
from eco_field.errors import BadInput
from eco_field.law import cases, procedure, seizure_period
from eco_field.store import inspections
from tests.documents.case_walk import approve, issue, opened
from tests.law.procedure_helpers import ago


def _filed(ws, tmp_path, violations=("AIR-02",), days_ago=60) -> str:
    case_id = opened(ws, tmp_path, violations=violations, days_ago=days_ago, factors={"impact": "medium"})
    approve(ws, case_id, "filing", ago(days_ago - 1))
    cases.record_event(ws.db, case_id, "filed", ago(days_ago - 1))
    return case_id


def _status(ws, number: str) -> str:
    return ws.db.execute("SELECT status FROM documents WHERE number = ?", [number]).fetchone()[0]


def test_a_served_order_is_not_reissued_and_a_failed_recheck_opens_a_new_round(ready, tmp_path, cli):
    case_id = _filed(ready, tmp_path)
    first, _ = issue(ready, "rectification-order", case_id, tmp_path, ago(50))
    corrected, _ = issue(ready, "rectification-order", case_id, tmp_path, ago(50))  # before service: a correction
    assert corrected["superseded"] == [first["number"]] and _status(ready, first["number"]) != "issued"
    cases.record_event(ready.db, case_id, "order_served", ago(49), "直接送达")

    allowed, why = procedure.document_allowed(ready.db, case_id, "rectification-order")
    assert not allowed
    assert f"责令改正违法行为决定书（{corrected['number']}）已于 {ago(49)} 送达，不得重新签发" in why
    for extra in ((), ("--reason", "更正笔误")):  # a reason does not make a served order void
        out = cli("documents", "render", "rectification-order", "--case", case_id, *extra)
        assert out.returncode == 2, out.stdout
        assert corrected["number"] in out.stderr and ago(49) in out.stderr and "不得重新签发" in out.stderr
    assert _status(ready, corrected["number"]) == "issued"
    listed = json.loads(cli("cases", "next", case_id, "--json").stdout)
    row = next(d for d in listed["documents"] if d["kind"] == "rectification-order")
    assert row["allowed"] is False and corrected["number"] in row["reason"] and "按日连续处罚办法" in row["reason"]

    # 复查 finds the violation continuing: a new order is a new round, the served one stays in force
    cases.record_event(ready.db, case_id, "recheck_violation", ago(30), "暗查：仍超标排放",
                       {"evidence": "复查现场检查笔录、现场照片2张"})
    assert procedure.document_allowed(ready.db, case_id, "rectification-order", date.fromisoformat(ago(31)))[0] is False
    again, _ = issue(ready, "rectification-order", case_id, tmp_path, ago(30))
    assert again["superseded"] == [] and _status(ready, corrected["number"]) == "issued"
    cases.record_event(ready.db, case_id, "order_served", ago(29), "直接送达")
    allowed, why = procedure.document_allowed(ready.db, case_id, "rectification-order")
    assert not allowed and again["number"] in why and ago(29) in why


def _sealed(ws, tmp_path, seized_ago: int) -> str:
    case_id = _filed(ws, tmp_path, ("AIR-03",), seized_ago + 10)
    inspections.update(ws.db, cases.get(ws.db, case_id).inspection_id, checklist={"seizure_items": [
        {"name": "焦炉烟气旁路阀", "spec": "DN800", "quantity": 1, "unit": "台", "place": "1号焦炉"}]})
    cases.record_event(ws.db, case_id, "seized", ago(seized_ago), "开启旁路阀逃避监管排放",
                       {"measure": "查封", "approved_by": "李局长"})
    return case_id


def test_a_served_release_is_not_reissued_and_a_new_seizure_has_its_own(ready, tmp_path):
    case_id = _sealed(ready, tmp_path, 40)
    issue(ready, "seizure-decision", case_id, tmp_path, ago(40))
    cases.record_event(ready.db, case_id, "seizure_lifted", ago(30), "旁路阀已拆除封堵", {"ground": "corrected"})
    release, _ = issue(ready, "seizure-release", case_id, tmp_path, ago(30))
    cases.record_event(ready.db, case_id, "seizure_release_served", ago(29), "直接送达")
    with pytest.raises(BadInput) as refused:
        issue(ready, "seizure-release", case_id, tmp_path, ago(29))
    assert f"解除查封（扣押）决定书（{release['number']}）已于 {ago(29)} 送达，不得重新签发" in str(refused.value)

    cases.record_event(ready.db, case_id, "seized", ago(20), "再次开启旁路阀", {"measure": "查封", "approved_by": "李局长"})
    issue(ready, "seizure-decision", case_id, tmp_path, ago(20))
    cases.record_event(ready.db, case_id, "seizure_lifted", ago(10), "旁路阀已拆除", {"ground": "corrected"})
    second, _ = issue(ready, "seizure-release", case_id, tmp_path, ago(10))
    assert second["superseded"] == [] and _status(ready, release["number"]) == "issued"


def _deadline(ws, case_id: str) -> str:
    return next(d for d in cases.get(ws.db, case_id).deadlines if d["code"] == "seizure")["due"]


def test_the_seizure_end_agrees_on_the_decision_the_deadlines_and_the_guards(ready, tmp_path):
    case_id = _sealed(ready, tmp_path, 40)
    end = seizure_period.last_day(date.fromisoformat(ago(40)))
    assert end == date.fromisoformat(ago(40)) + timedelta(days=30)  # 30 days counted from the day after
    _, text = issue(ready, "seizure-decision", case_id, tmp_path, ago(40))
    assert f"自{cn_date(ago(40))}实施查封的次日起计算，至{cn_date(end.isoformat())}止" in text
    assert _deadline(ready, case_id) == end.isoformat()
    extend = {"approved_by": "李局长"}
    with pytest.raises(BadInput, match=f"已于 {end} 届满"):  # the day after the last day: too late
        cases.record_event(ready.db, case_id, "seizure_extended", (end + timedelta(days=1)).isoformat(), "检测未完", extend)
    with pytest.raises(BadInput, match=f"至 {end} 届满，尚未届满"):  # on the last day it has not expired
        cases.record_event(ready.db, case_id, "seizure_lifted", end.isoformat(), "期满", {"ground": "expired"})
    cases.record_event(ready.db, case_id, "seizure_lifted", (end + timedelta(days=1)).isoformat(), "期满",
                       {"ground": "expired"})


def test_an_extended_seizure_ends_on_the_same_day_everywhere(ready, tmp_path):
    case_id = _sealed(ready, tmp_path, 40)
    seized = date.fromisoformat(ago(40))
    first_end, new_end = seizure_period.last_day(seized), seizure_period.last_day(seized, 30)
    issue(ready, "seizure-decision", case_id, tmp_path, ago(40))
    cases.record_event(ready.db, case_id, "seizure_extended", first_end.isoformat(), "需检测设备运行数据",
                       {"approved_by": "李局长"})
    _, text = issue(ready, "seizure-extension", case_id, tmp_path, first_end.isoformat())
    assert f"期限至{cn_date(first_end.isoformat())}届满" in text and f"延长30日，至{cn_date(new_end.isoformat())}止" in text
    assert _deadline(ready, case_id) == new_end.isoformat()
    with pytest.raises(BadInput, match=f"至 {new_end} 届满，尚未届满"):
        cases.record_event(ready.db, case_id, "seizure_lifted", ago(0), "期满", {"ground": "expired"})
    with pytest.raises(ValueError):
        seizure_period.last_day(seized, 31)  # 行政强制法第二十五条: 延长期限不得超过三十日


def test_seizure_documents_issued_before_format_5_keep_their_dates_and_verify(ready, tmp_path, monkeypatch):
    """A 查封决定书 / 延期通知书 / 立案审批表 issued in format 4 printed the end one day earlier (the day of sealing
    counted) and the 负责人's row only: they still verify, byte for byte and record for record, after the case
    moved on."""
    from eco_field.documents import service
    from eco_field.documents.kinds import common

    with monkeypatch.context() as m:
        m.setattr(common, "RECORD_FORMAT", 4)
        case_id = opened(ready, tmp_path, violations=("AIR-03",), days_ago=50, factors={"impact": "medium"})
        approve(ready, case_id, "filing", ago(49))
        issue(ready, "filing-approval", case_id, tmp_path, ago(49))
        cases.record_event(ready.db, case_id, "filed", ago(49))
        cases.record_event(ready.db, case_id, "seized", ago(40), "开启旁路阀逃避监管排放",
                           {"measure": "查封", "approved_by": "李局长"})
        _, decision = issue(ready, "seizure-decision", case_id, tmp_path, ago(40))
        cases.record_event(ready.db, case_id, "seizure_extended", ago(15), "需检测设备运行数据", {"approved_by": "李局长"})
        _, extension = issue(ready, "seizure-extension", case_id, tmp_path, ago(15))
    seized = date.fromisoformat(ago(40))
    assert f"至{cn_date((seized + timedelta(days=29)).isoformat())}止" in decision
    assert f"至{cn_date((seized + timedelta(days=59)).isoformat())}止" in extension
    cases.record_event(ready.db, case_id, "seizure_lifted", ago(5), "旁路阀已拆除封堵", {"ground": "corrected"})
    for name in ("filing-approval", "seizure-decision", "seizure-extension"):
        result = service.verify_pdf(ready, tmp_path / f"{name}.pdf")
        assert result["matches"], (name, result.get("problem"))
