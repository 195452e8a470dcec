"""A fine the bureau set apart from the discretion benchmark's result, read as a 法制审核 officer reads the file: the
调查报告, the 告知书 and the 决定书 give the bureau's reason as the ground of the amount (never the benchmark's own
figure or its formula); the 告知书 states the 陈述、申辩 period the procedure waits; the 调查报告 speaks of 当事人;
the 内部审批表 marks 法制审核 and 集体讨论 不适用 where the case does not require them; the case's history names a
notice without the hearing right as such. A notice of record format 4 still verifies and reads as it did."""

from __future__ import annotations

import time

import pytest

from eco_field.clock import utc_now
from eco_field.documents import service
from eco_field.documents.kinds import common
from eco_field.documents.kinds.decision_parts import discretion_reason
from eco_field.errors import BadInput
from eco_field.law import cases
from eco_field.store import settings
from eco_field.store.database import write_transaction
from tests.documents.case_walk import (
    approve,
    assert_all_verify,
    assert_clean,
    issue,
    opened,
    prepare,
    read_text,
)
from tests.law.procedure_helpers import ago

REASON = "超标排放持续时间较长且周边有居民区"


def test_a_decided_amount_is_stated_with_its_reason_and_the_period_the_procedure_waits(workspace, tmp_path,
                                                                                     monkeypatch):
    prepare(workspace)
    with write_transaction(workspace.db):
        settings.put(workspace.db, "procedure_statement_days", "10")
    cid = opened(workspace, tmp_path, days_ago=60)
    suggested = cases.preview_assessment(workspace.db, cid, {"impact": "medium"}).amount
    assert suggested != 150000
    cases.assess(workspace.db, cid, {"impact": "medium"}, amount=150000, reason=REASON)
    folder = tmp_path / "issued"
    folder.mkdir()
    approve(workspace, cid, "filing", ago(55))
    cases.record_event(workspace.db, cid, "filed", ago(55))
    _, report = issue(workspace, "investigation-report", cid, folder, ago(52))
    cases.record_event(workspace.db, cid, "monitoring_report", ago(51), "监测报告",
                       {"number": "LLJC-2026-118", "body": "吕梁市生态环境监测中心"})
    cases.record_event(workspace.db, cid, "investigated", ago(50))
    # a notice issued by the code of record format 4 reads as then (five days, no reason) and verifies
    old = tmp_path / "old.pdf"
    with monkeypatch.context() as m:
        m.setattr(common, "RECORD_FORMAT", 4)
        service.render(workspace, "penalty-notice", case_id=cid, issued_on=ago(48), out_path=old)
    then = read_text(old)
    assert "之日起五日内向我局提出书面陈述" in then and "综合考虑" not in then
    assert service.verify_pdf(workspace, old)["matches"]
    issued = service.render(workspace, "penalty-notice", case_id=cid, issued_on=ago(48),
                            out_path=folder / "penalty-notice.pdf", reason="按新版重新签发")
    while utc_now() <= issued["issued_at"]:  # the next step is recorded in a later second (as case_walk.issue)
        time.sleep(0.05)
    notice = read_text(folder / "penalty-notice.pdf")
    cases.record_event(workspace.db, cid, "notified", ago(47))
    cases.record_event(workspace.db, cid, "waived", ago(46), "当事人书面放弃陈述申辩")
    _, internal = issue(workspace, "internal-approval", cid, folder, ago(45))
    approve(workspace, cid, "decision", ago(45))
    _, decision = issue(workspace, "penalty-decision", cid, folder, ago(45))

    for kind, text, how in (("investigation-report", report, "拟处罚款"), ("penalty-notice", notice, "拟处罚款"),
                            ("penalty-decision", decision, "依法确定罚款")):
        # (a page may break before the figure: the running header then stands between)
        assert f"环境影响程度为“一般”，综合考虑{REASON}，{how}" in text, (kind, text)
        assert f"{suggested:,}" not in text and "计算建议" not in text, kind  # never the benchmark's figure
        assert_clean(kind, text)
    # an internal report speaks of 当事人 (the facts typed by the officer are quoted as typed)
    assert "对当事人进行了现场检查，发现当事人实施了" in report and "发现你单位" not in report, report
    # the procedure waits 10 working days: the notice says so, and no hearing is offered for 150,000 元
    assert "可在收到本告知书之日起十个工作日内向我局提出书面陈述、申辩意见" in notice and "五日内" not in notice
    assert notice.startswith("吕梁市生态环境局行政处罚事先告知书")
    # 150,000 元 is below the bureau's 重大 thresholds: neither review applies, and the form says so
    assert "法制审核意见不适用" in internal and "集体讨论意见不适用" in internal, internal
    # the history names the notice actually served (no 「（听证）」)
    labels = [e["label"] for e in cases.get(workspace.db, cid).events]
    assert "送达行政处罚事先告知书" in labels and "送达行政处罚事先（听证）告知书" not in labels

    assert_all_verify(workspace, folder)


def test_a_decided_amount_without_a_reason_is_refused_and_an_older_reason_is_read_from_the_rationale(
        workspace, tmp_path):
    prepare(workspace)
    cid = opened(workspace, tmp_path, days_ago=60)
    approve(workspace, cid, "filing", ago(55))
    cases.record_event(workspace.db, cid, "filed", ago(55))
    cases.assess(workspace.db, cid, {"impact": "medium"}, amount=150000)
    with pytest.raises(BadInput, match="--reason"):
        service.render(workspace, "investigation-report", case_id=cid, out_path=tmp_path / "r.pdf", issued_on=ago(52))
    # an assessment stored before the reason had a field of its own keeps it in the rationale's 决定罚款 line
    older = cases.get(workspace.db, cid).assessment.to_dict()
    older.pop("decided_reason")
    older["rationale"] += "\n决定罚款：人民币150000元（计算建议154000元）。理由：情节较重。另有说明。"
    assert discretion_reason(common.Source(workspace, case_id=cid), older) == "情节较重。另有说明"


class _Words:
    """A page that keeps each paragraph's text (the wording alone, no typesetting)."""

    @staticmethod
    def p(text: str, style: str = "body") -> str:
        return text


def test_several_violations_decided_together_state_the_total_once_with_its_reason():
    part = {"amount": 60000, "range_text": "1万元以上10万元以下", "shares": [
        {"label": "环境影响程度", "level_label": "一般"}]}
    entry = {"description": "未采取有效覆盖措施", "citation": "《中华人民共和国大气污染防治法》第一百零八条第五项"}
    rec = {"assessment": {"amount": 150000, "parts": [part, {**part, "amount": 80000}]}, "benchmark": "《基准》",
           "violations": [{"entry": entry}, {"entry": entry}], "discretion_reason": REASON}
    from eco_field.documents.kinds.decision_parts import discretion_paragraphs

    said = discretion_paragraphs(_Words(), rec, verb="决定")
    assert said[-1] == f"综合考虑{REASON}，依法确定罚款人民币150,000.00元。", said
    assert not any("60,000" in s or "80,000" in s for s in said), said  # the parts' benchmark figures
