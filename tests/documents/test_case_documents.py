"""Documents made from a case, issued at their steps of the real procedure (tests/documents/case_walk.py):
the decision's mandatory parts, fonts and page numbers, the seizure inventory, the service receipt, and bad
input refused without consuming a number."""

from __future__ import annotations

import json

import pytest
from pypdf import PdfReader

from eco_field.documents import service
from eco_field.errors import BadInput
from eco_field.law import cases
from eco_field.store import inspections
from tests.documents.case_walk import approve, file_and_investigate, issue, opened
from tests.documents.conftest import assert_fonts_embedded, issued_count
from tests.law.procedure_helpers import ago


def to_decision(ws, case_id: str, folder) -> dict:
    """Filed, investigated, notice issued and served, period run, decision approved: the decision may issue."""
    file_and_investigate(ws, case_id, folder)
    notice, _ = issue(ws, "penalty-notice", case_id, folder)
    cases.record_event(ws.db, case_id, "notified", ago(40))
    approve(ws, case_id, "decision", ago(30))
    return notice


def test_penalty_decision_states_everything_a_decision_must(ready, tmp_path):
    case_id = opened(ready, tmp_path, factors={"impact": "medium", "duration": "3to6m"})
    notice = to_decision(ready, case_id, tmp_path)
    result, text = issue(ready, "penalty-decision", case_id, tmp_path)
    assert cases.get(ready.db, case_id).assessment.amount == 199000
    for must in ("行政处罚决定书", result["number"], "吕环罚〔", "统一社会信用代码", "法定代表人", "地址",
                 "违法事实和证据", "焦炉烟囱颗粒物排放浓度超过", "以上事实，有以下证据为凭", "书证", "视听资料",
                 "《中华人民共和国大气污染防治法》第九十九条", "十万元以上一百万元以下的罚款", "199,000.00",
                 "人民币壹拾玖万玖仟元整", "十五日内", "百分之三", "六十日内", "六个月内", "行政复议", "行政诉讼",
                 notice["number"]):
        assert must in text, f"{must!r} missing"
    assert_fonts_embedded(tmp_path / "penalty-decision.pdf")
    assert result["case_id"] == case_id


def test_a_decision_before_its_notice_is_refused_without_a_number(ready, tmp_path):
    case_id = opened(ready, tmp_path, factors={"impact": "medium"})
    file_and_investigate(ready, case_id, tmp_path)
    before = issued_count(ready)
    with pytest.raises(BadInput, match="告知"):
        service.render(ready, "penalty-decision", case_id=case_id)
    assert issued_count(ready) == before


def test_seizure_decision_with_its_inventory(ready, tmp_path):
    case_id = opened(ready, tmp_path, violations=("AIR-03",), days_ago=20, factors={"impact": "medium"})
    inspection_id = cases.get(ready.db, case_id).inspection_id
    inspections.update(ready.db, inspection_id, checklist={"seizure_items": [
        {"name": "焦炉烟气旁路阀", "spec": "DN800", "quantity": 1, "unit": "台", "place": "1号焦炉"}]})
    approve(ready, case_id, "filing", ago(12))
    cases.record_event(ready.db, case_id, "filed", ago(12))
    cases.record_event(ready.db, case_id, "seized", ago(10), "查封旁路阀", {"measure": "查封", "approved_by": "李局长"})
    _, text = issue(ready, "seizure-decision", case_id, tmp_path)
    day = cases.get(ready.db, case_id).events[-1]["date"]
    assert day == ago(10)
    for must in ("查封决定书", "查封清单", "焦炉烟气旁路阀", "DN800", "1号焦炉", "30日", "不得擅自启封", "第二十五条",
                 "第四条第一款第四项"):
        assert must in text, must


def test_daily_penalty_decision_needs_its_recheck_and_notice(ready, tmp_path):
    case_id = opened(ready, tmp_path, factors={"impact": "medium"})
    to_decision(ready, case_id, tmp_path)
    issue(ready, "penalty-decision", case_id, tmp_path)
    cases.record_event(ready.db, case_id, "decided", ago(30))
    issue(ready, "rectification-order", case_id, tmp_path, ago(29))
    cases.record_event(ready.db, case_id, "order_served", ago(29))
    before = issued_count(ready)
    for kind in ("daily-penalty-notice", "daily-penalty-decision"):
        with pytest.raises(BadInput, match="复查"):
            service.render(ready, kind, case_id=case_id)
    assert issued_count(ready) == before
    with pytest.raises(BadInput, match="晚于今天"):  # a re-check dated in the future is refused
        cases.record_event(ready.db, case_id, "recheck_violation", ago(-3))


def test_service_receipt_lists_the_documents_served(ready, tmp_path):
    case_id = opened(ready, tmp_path, factors={"impact": "medium"})
    notice = to_decision(ready, case_id, tmp_path)
    decision, _ = issue(ready, "penalty-decision", case_id, tmp_path)
    receipt, text = issue(ready, "service-receipt", case_id, tmp_path)
    for must in ("送达回证", notice["number"], decision["number"], "受送达人", "送达人", "见证人", "留置送达",
                 "行政处罚事先告知书"):
        assert must in text, must
    # internal forms are not served on the party; the notice carries its real title (no hearing right here)
    assert "立案审批表" not in text and "案件调查报告" not in text and "（听证）" not in text


def test_missing_party_details_are_refused_without_consuming_a_number(ready, tmp_path):
    case_id = opened(ready, tmp_path, factors={"impact": "medium"})
    to_decision(ready, case_id, tmp_path)
    ready.db.execute("UPDATE enterprises SET legal_rep = '' WHERE id = ?", [cases.get(ready.db, case_id).enterprise_id])
    before = issued_count(ready)
    with pytest.raises(BadInput, match="法定代表人 为空"):
        service.render(ready, "penalty-decision", case_id=case_id)
    assert issued_count(ready) == before


def test_a_fine_outside_the_range_without_a_legal_ground_is_refused(ready, tmp_path):
    case_id = opened(ready, tmp_path, factors={"impact": "medium"})
    to_decision(ready, case_id, tmp_path)
    stored = json.loads(ready.db.execute("SELECT assessment_json FROM cases WHERE id = ?", [case_id]).fetchone()[0])
    stored.update(amount=50000, legal_ground=None)
    ready.db.execute("UPDATE cases SET assessment_json = ? WHERE id = ?", [json.dumps(stored), case_id])
    before = issued_count(ready)
    with pytest.raises(BadInput, match="法定幅度"):
        service.render(ready, "penalty-decision", case_id=case_id)
    assert issued_count(ready) == before


def test_every_case_document_embeds_its_fonts_and_numbers_every_page(ready, tmp_path):
    case_id = opened(ready, tmp_path, factors={"impact": "major", "duration": "gt12m"})
    to_decision(ready, case_id, tmp_path)
    issue(ready, "internal-approval", case_id, tmp_path)
    issue(ready, "penalty-decision", case_id, tmp_path)
    for path in sorted(tmp_path.glob("*.pdf")):
        assert_fonts_embedded(path)
        pages = PdfReader(path).pages
        number = service.verify_pdf(ready, path)["number"]
        for index, page in enumerate(pages, start=1):
            text = "".join(page.extract_text().split())
            assert f"第{index}页共{len(pages)}页" in text and number in text, (path.name, index)


def test_several_violations_list_each_fine_and_the_total_in_capitals(ready, tmp_path):
    from eco_field.documents.amounts import capitals, figures

    case_id = opened(ready, tmp_path, violations=("AIR-02", "PER-06"))
    assessed = cases.assess(ready.db, case_id, {"impact": "large"}, occurrences=2)
    to_decision(ready, case_id, tmp_path)
    _, text = issue(ready, "penalty-decision", case_id, tmp_path)
    assert len(assessed.assessment.parts) == 2
    for part in assessed.assessment.parts:
        assert figures(part.amount) in text
    assert capitals(assessed.assessment.amount) in text
    assert "《排污许可管理条例》第三十七条" in text and "分别裁量，合并处罚" in text and "上述行为2" in text


def test_a_violation_names_the_evidence_linked_to_it(ready, tmp_path):
    case_id = opened(ready, tmp_path, factors={"impact": "medium"})
    to_decision(ready, case_id, tmp_path)
    _, text = issue(ready, "penalty-decision", case_id, tmp_path)
    assert "（证据：现场照片1张）" in text


def test_a_case_without_assessment_has_no_notice(ready, tmp_path):
    case_id = opened(ready, tmp_path)
    file_and_investigate(ready, case_id, tmp_path)
    before = issued_count(ready)
    with pytest.raises(BadInput, match="cases assess"):
        service.render(ready, "penalty-notice", case_id=case_id)
    assert issued_count(ready) == before


def test_documents_of_a_sealed_inspection_are_issued_without_new_evidence_rows(ready, tmp_path):
    from eco_field.evidence.seal import seal

    case_id = opened(ready, tmp_path, factors={"impact": "medium"})
    to_decision(ready, case_id, tmp_path)
    seal(ready, cases.get(ready.db, case_id).inspection_id)
    result, _ = issue(ready, "penalty-decision", case_id, tmp_path)
    assert result["evidence_id"] is None and ready.blobs.verify(result["sha256"]) == "ok"
    assert service.verify_pdf(ready, tmp_path / "penalty-decision.pdf")["matches"]
