"""Documents made from a case: penalty decision and notice, rectification order, seizure, daily penalty,
service receipt. Read back with pypdf; bad input refused without consuming a number."""

from __future__ import annotations

import json

import pytest

from eco_field.documents import service
from eco_field.errors import BadInput
from tests.documents.conftest import assert_fonts_embedded, issued_count, pdf_text

cases = pytest.importorskip("eco_field.law.cases")

FACTS = "你单位焦炉烟囱颗粒物排放浓度超过《炼焦化学工业污染物排放标准》表6特别排放限值。"


@pytest.fixture
def case(workspace, inspection):
    opened = cases.new_case(workspace.db, inspection.id, ["AIR-02"], FACTS)
    return cases.assess(workspace.db, opened.id, {"impact": "medium", "duration": "3to6m"})


def render(ws, kind, case, tmp_path):
    path = tmp_path / f"{kind}.pdf"
    return service.render(ws, kind, case_id=case.id, out_path=path), path


def test_penalty_decision_states_everything_a_decision_must(workspace, inspection, case, tmp_path):
    service.render(workspace, "inspection-record", inspection_id=inspection.id)
    service.render(workspace, "photo-evidence", inspection_id=inspection.id)
    notice, _ = render(workspace, "penalty-notice", case, tmp_path)
    result, path = render(workspace, "penalty-decision", case, tmp_path)
    text = pdf_text(path)
    assert case.assessment.amount == 199000
    for must in ("行政处罚决定书", result["number"], "吕环罚〔", "统一社会信用代码", "法定代表人", "地址",
                 "违法事实和证据", "焦炉烟囱颗粒物排放浓度超过", "以上事实，有以下证据为凭",
                 "书证", "视听资料", "勘验笔录、现场笔录", "《中华人民共和国大气污染防治法》第九十九条",
                 "十万元以上一百万元以下的罚款",  # the article quoted
                 "自由裁量", "199,000.00", "人民币壹拾玖万玖仟元整", "十五日内", "百分之三",
                 "六十日内", "六个月内", "行政复议", "行政诉讼", notice["number"]):
        assert must in text, f"{must!r} missing"
    assert_fonts_embedded(path)
    assert result["case_id"] == case.id and result["inspection_id"] == case.inspection_id


def test_penalty_notice_gives_the_rights_and_the_hearing_right_for_large_fines(workspace, case, tmp_path):
    _, path = render(workspace, "penalty-notice", case, tmp_path)
    text = pdf_text(path)
    for must in ("行政处罚事先告知书", "陈述", "申辩", "五日内", "人民币壹拾玖万玖仟元整"):
        assert must in text
    # 199,000 is below the 200,000 较大数额 threshold: neither the hearing right nor （听证） in the title
    assert "要求举行听证" not in text and "（听证）" not in text
    large = cases.assess(workspace.db, case.id, {"impact": "major", "duration": "gt12m"})
    assert large.assessment.amount >= 200000
    _, path = render(workspace, "penalty-notice", case, tmp_path)
    assert "要求举行听证" in pdf_text(path) and "行政处罚事先（听证）告知书" in pdf_text(path)


def test_rectification_order(workspace, case, tmp_path):
    result, path = render(workspace, "rectification-order", case, tmp_path)
    text = pdf_text(path)
    for must in ("责令改正违法行为决定书", "吕环责改〔", "第二十八条", "立即改正", "暗查", "按日连续处罚",
                 "六十日内", "六个月内", "附：相关法律条文"):
        assert must in text, must


def test_seizure_decision_with_its_inventory(workspace, inspection, case, tmp_path):
    from eco_field.store import inspections

    inspections.update(workspace.db, inspection.id, checklist={"seizure_items": [
        {"name": "焦炉烟气旁路阀", "spec": "DN800", "quantity": 1, "unit": "台", "place": "1号焦炉"}]})
    cases.record_event(workspace.db, case.id, "seized", "2026-06-07")
    _, path = render(workspace, "seizure-decision", case, tmp_path)
    text = pdf_text(path)
    for must in ("查封（扣押）决定书", "查封、扣押清单", "焦炉烟气旁路阀", "DN800", "1号焦炉", "30日",
                 "2026年6月7日起至2026年7月6日止", "不得擅自启封", "第二十五条"):
        assert must in text, must


def test_daily_penalty_is_original_fine_times_days(workspace, case, tmp_path):
    render(workspace, "penalty-notice", case, tmp_path)
    decision, _ = render(workspace, "penalty-decision", case, tmp_path)
    cases.record_event(workspace.db, case.id, "order_served", "2026-06-10")
    cases.record_event(workspace.db, case.id, "recheck_violation", "2026-06-24", "暗查")
    _, path = render(workspace, "daily-penalty-decision", case, tmp_path)
    text = pdf_text(path)
    for must in ("按日连续处罚决定书", decision["number"], "2026年6月11日起至2026年6月24日止", "共计14日",
                 "2,786,000.00", "人民币贰佰柒拾捌万陆仟元整", "第五十九条"):
        assert must in text, must


def test_daily_penalty_needs_the_order_and_a_recheck(workspace, case):
    before = issued_count(workspace)
    with pytest.raises(BadInput, match="order_served"):
        service.render(workspace, "daily-penalty-decision", case_id=case.id)
    assert issued_count(workspace) == before


def test_service_receipt_lists_the_documents_served(workspace, case, tmp_path):
    order, _ = render(workspace, "rectification-order", case, tmp_path)
    render(workspace, "penalty-notice", case, tmp_path)
    decision, _ = render(workspace, "penalty-decision", case, tmp_path)
    receipt, path = render(workspace, "service-receipt", case, tmp_path)
    assert receipt["inspection_id"] == case.inspection_id and receipt["evidence_id"]
    text = pdf_text(path)
    for must in ("送达回证", order["number"], decision["number"], "受送达人", "送达人", "见证人", "留置送达"):
        assert must in text, must


def test_missing_party_details_are_refused_without_consuming_a_number(workspace, case):
    workspace.db.execute("UPDATE enterprises SET legal_rep = '' WHERE id = ?", [case.enterprise_id])
    before = issued_count(workspace)
    with pytest.raises(BadInput, match="Missing party details.*legal_rep"):
        service.render(workspace, "penalty-decision", case_id=case.id)
    assert issued_count(workspace) == before


def test_a_fine_outside_the_range_without_a_legal_ground_is_refused(workspace, case):
    stored = json.loads(workspace.db.execute("SELECT assessment_json FROM cases WHERE id = ?",
                                             [case.id]).fetchone()[0])
    stored.update(amount=50000, legal_ground=None)
    workspace.db.execute("UPDATE cases SET assessment_json = ? WHERE id = ?", [json.dumps(stored), case.id])
    before = issued_count(workspace)
    with pytest.raises(BadInput, match="outside the statutory range"):
        service.render(workspace, "penalty-decision", case_id=case.id)
    assert issued_count(workspace) == before
    stored.update(legal_ground="《中华人民共和国行政处罚法》第三十二条")
    workspace.db.execute("UPDATE cases SET assessment_json = ? WHERE id = ?", [json.dumps(stored), case.id])
    service.render(workspace, "penalty-notice", case_id=case.id)
    result = service.render(workspace, "penalty-decision", case_id=case.id)
    assert result["number"].endswith("〕1号")


def test_a_case_without_assessment_is_refused(workspace, inspection):
    opened = cases.new_case(workspace.db, inspection.id, ["AIR-02"], FACTS)
    with pytest.raises(BadInput, match="cases assess"):
        service.render(workspace, "penalty-decision", case_id=opened.id)


ALL_KINDS = ("inspection-record", "interview-record", "photo-evidence", "rectification-order", "penalty-notice",
             "penalty-decision", "seizure-decision", "daily-penalty-decision", "service-receipt")


def test_every_kind_embeds_its_fonts_and_numbers_every_page(workspace, inspection, case, tmp_path):
    from pypdf import PdfReader

    cases.record_event(workspace.db, case.id, "order_served", "2026-06-10")
    cases.record_event(workspace.db, case.id, "recheck_violation", "2026-06-12")
    for kind in ALL_KINDS:
        source = {"inspection_id": inspection.id} if kind in ALL_KINDS[:3] else {"case_id": case.id}
        result = service.render(workspace, kind, out_path=tmp_path / f"{kind}.pdf", **source)
        assert_fonts_embedded(tmp_path / f"{kind}.pdf")
        pages = PdfReader(tmp_path / f"{kind}.pdf").pages
        for index, page in enumerate(pages, start=1):
            text = "".join(page.extract_text().split())
            assert f"第{index}页共{len(pages)}页" in text and result["number"] in text, (kind, index)
        assert "吕梁市生态环境局" in pdf_text(tmp_path / f"{kind}.pdf")
    for kind in ALL_KINDS:  # documents issued later leave the earlier ones matching their records
        assert service.verify_pdf(workspace, tmp_path / f"{kind}.pdf")["matches"], kind


def test_documents_of_a_sealed_inspection_are_issued_without_new_evidence_rows(workspace, inspection, case,
                                                                              tmp_path):
    from eco_field.evidence.seal import seal

    seal(workspace, inspection.id)
    render(workspace, "penalty-notice", case, tmp_path)
    result, path = render(workspace, "penalty-decision", case, tmp_path)
    assert result["inspection_id"] == inspection.id and result["evidence_id"] is None
    assert workspace.blobs.verify(result["sha256"]) == "ok"
    assert service.verify_pdf(workspace, path)["matches"]


def test_several_violations_list_each_fine_and_the_total_in_capitals(workspace, inspection, tmp_path):
    from eco_field.documents.amounts import capitals, figures

    opened = cases.new_case(workspace.db, inspection.id, ["AIR-02", "PER-06"], FACTS)
    assessed = cases.assess(workspace.db, opened.id, {"impact": "large"}, occurrences=2)
    render(workspace, "penalty-notice", assessed, tmp_path)
    _, path = render(workspace, "penalty-decision", assessed, tmp_path)
    text = pdf_text(path)
    assert len(assessed.assessment.parts) == 2
    for part in assessed.assessment.parts:
        assert figures(part.amount) in text
    assert capitals(assessed.assessment.amount) in text
    assert "《排污许可管理条例》第三十七条" in text and "法定罚款幅度为。" not in text


def test_a_violation_names_the_evidence_linked_to_it(workspace, inspection, tmp_path):
    photos = [row[0] for row in workspace.db.execute(
        "SELECT id FROM evidence WHERE inspection_id = ? AND kind = 'photo'", [inspection.id])]
    violation = cases.CaseViolation("AIR-02", "焦炉烟囱冒黑烟", photos[:2])
    opened = cases.new_case(workspace.db, inspection.id, [violation], FACTS)
    assessed = cases.assess(workspace.db, opened.id, {})
    render(workspace, "penalty-notice", assessed, tmp_path)
    _, path = render(workspace, "penalty-decision", assessed, tmp_path)
    assert "焦炉烟囱冒黑烟（证据：现场照片2张）" in pdf_text(path)
