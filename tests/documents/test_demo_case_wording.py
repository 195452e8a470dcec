"""What a 法制审核 reviewer reads in the demo cases' documents, read back from the issued PDFs: the 立案日期 is
the day of the `filed` event, hearing times in Chinese, the 不予处罚 citation and grounds in a decision's words,
sentences ended before the next, and approval forms carrying the approvals recorded before their issue."""

from __future__ import annotations

import re

import pytest

from eco_field import demo
from eco_field.demo_cases import seed_cases
from eco_field.documents.kinds.common import cn_date
from eco_field.law import cases
from eco_field.workspace import Workspace
from tests.documents.conftest import pdf_text


@pytest.fixture(scope="module")
def demo_seeded(tmp_path_factory):
    """The three demo cases seeded once for the module: docs {kind: [(case_id, number, text)]} (an inspection's
    笔录 under its case), found {case_id: case}, issued {number: date of issue}, order [case ids as made]."""
    root = tmp_path_factory.mktemp("demo-docs")
    with Workspace.open(root / "data", create=True) as ws:
        demo.seed(ws)
        made = seed_cases(ws, root / "files")
        found = {cid: cases.get(ws.db, cid) for cid in made["cases"]}
        of_inspection = {case.inspection_id: cid for cid, case in found.items()}
        docs: dict[str, list[tuple[str, str, str]]] = {}
        issued: dict[str, str] = {}
        for number, kind, case_id, inspection_id, sha, day in ws.db.execute(
                "SELECT number, kind, case_id, inspection_id, pdf_sha256, json_extract(facts_json, '$.issued_date')"
                " FROM documents ORDER BY rowid"):
            pdf = ws.data_dir / "evidence" / sha[:2] / f"{sha}.pdf"
            docs.setdefault(kind, []).append((case_id or of_inspection.get(inspection_id), number, pdf_text(pdf)))
            issued[number] = day
    return {"docs": docs, "found": found, "issued": issued, "order": made["cases"]}


@pytest.fixture(scope="module")
def demo_docs(demo_seeded):
    """{kind: [(case_id, number, text)]} and {case_id: case} of the three demo cases."""
    return demo_seeded["docs"], demo_seeded["found"]


def _event_day(case, code: str) -> str:
    return next(e["date"] for e in case.events if e["event"] == code)


@pytest.mark.parametrize("kind", ["investigation-report", "closing-approval"])
def test_filing_date_is_the_filed_event_not_the_discovery(demo_docs, kind):
    docs, found = demo_docs
    assert docs[kind]
    for case_id, number, text in docs[kind]:
        case = found[case_id]
        filed, discovered = _event_day(case, "filed"), _event_day(case, "discovered")
        assert filed != discovered  # the demo files the case the day after it was found: the two must differ
        assert f"立案日期{cn_date(filed)}" in text, (number, text[:300])
        assert f"立案日期{cn_date(discovered)}" not in text


@pytest.mark.parametrize("kind", ["hearing-notice", "hearing-record"])
def test_hearing_time_prints_in_chinese_not_iso(demo_docs, kind):
    docs, found = demo_docs
    (case_id, number, text), = docs[kind]
    held = _event_day(found[case_id], "hearing_held")  # the demo's hearing: that day at 9时
    assert f"听证时间{cn_date(held)}9时" in text, (number, text[:400])
    assert held not in text  # no ISO day anywhere on the page


def test_hearing_time_words_as_typed_by_officers():
    from eco_field.documents.kinds.hearing_parts import time_text

    assert time_text("2026-07-10 09:30") == "2026年7月10日9时30分"
    assert time_text("2026-07-10T09:00") == "2026年7月10日9时"
    assert time_text("2026年7月10日上午9时") == "2026年7月10日上午9时"  # already in words: as recorded


def _flowing(text: str) -> str:
    """The text without the page furniture between pages (footer: page, number, record hash; running header), so
    a sentence broken across pages reads whole."""
    return re.sub(r"第\d+页共\d+页[^…]*?记录SHA-256[0-9a-f]+…(吕梁市生态环境局[^〔]*〔\d+〕\d+号)?", "", text)


def test_no_penalty_decision_cites_the_law_once_and_states_facts_found(demo_docs):
    docs, _ = demo_docs
    (_, number, text), = docs["no-penalty-decision"]
    text = _flowing(text)
    assert "依据《中华人民共和国行政处罚法》第二十八条第一款、第三十三条第三款的规定，责令" in text, number
    assert text.count("《中华人民共和国行政处罚法》第三十三条第三款") == 0
    # the demo's ground: a 150 m² yard covered within 5 days, below the list's 200 m² and 7 days
    assert "具体为：初次违法（距上次发现同类违法行为超过12个月）；堆场面积小于200平方米；于7日内改正。" in text
    assert "（m²）" not in text and "改正所用天数不超过" not in text


def test_met_conditions_worded_as_facts_found():
    from eco_field.law.exemptions import found_text, load_exemptions

    listed = load_exemptions()
    assert found_text(listed, "危险废物年产生或者贮存量（吨）不超过1") == "危险废物年产生或者贮存量未超过1吨"
    assert found_text(listed, "不涉及有毒有害污染物") == "不涉及有毒有害污染物"


def test_case_facts_end_their_sentence_before_the_next(demo_docs):
    docs, found = demo_docs
    for case_id, number, text in docs["filing-approval"]:
        facts = "".join(found[case_id].facts.split()).rstrip("。")  # pdf_text drops blanks
        assert f"{facts}。涉嫌违法行为：" in text, (number, text[:600])
    (_, number, text), = docs["no-penalty-decision"]
    assert "检查后5日内已全部覆盖（演示案件）。1." in text, number


def test_sentence_ends_typed_facts_once():
    from eco_field.documents.kinds.common import sentence

    assert sentence("堆场未覆盖（演示案件）") == "堆场未覆盖（演示案件）。"
    assert sentence("堆场未覆盖。") == "堆场未覆盖。"
    assert sentence("堆场未覆盖，") == "堆场未覆盖。"
    assert sentence("") == ""


def test_internal_approval_prints_the_approvals_recorded_before_it(demo_seeded):
    fine_case = demo_seeded["order"][0]
    (_, number, text), = [d for d in demo_seeded["docs"]["internal-approval"] if d[0] == fine_case]
    assert "法制审核意见事实清楚，证据确凿，程序合法，同意。" in text, number
    assert "负责人审批意见同意按拟处罚意见作出决定。签名：李局长（演示）" in text, text[-500:]


def test_reports_issued_in_format_2_keep_their_opened_day_and_verify(tmp_path, monkeypatch):
    """Documents issued before the 立案日期 came from the `filed` event print the day opened and still verify."""
    from eco_field.documents import service
    from eco_field.documents.kinds import common

    with Workspace.open(tmp_path / "data", create=True) as ws:
        demo.seed(ws)
        with monkeypatch.context() as m:
            m.setattr(common, "RECORD_FORMAT", 2)
            made = seed_cases(ws, tmp_path / "files")
        case = cases.get(ws.db, made["cases"][0])
        for kind in ("investigation-report", "closing-approval"):
            sha, = ws.db.execute("SELECT pdf_sha256 FROM documents WHERE kind = ? AND case_id = ?",
                                 [kind, case.id]).fetchone()
            pdf = ws.data_dir / "evidence" / sha[:2] / f"{sha}.pdf"
            assert f"立案日期{cn_date(_event_day(case, 'discovered'))}" in pdf_text(pdf)
            result = service.verify_pdf(ws, pdf)
            assert result["matches"], (kind, result["problem"])


def test_daily_penalty_documents_cite_the_order_the_demo_issued(demo_docs):
    """按日连续处罚办法第八条: the order to correct is a document of its own, cited by its number."""
    docs, _ = demo_docs
    (_, order, text), = docs["rectification-order"]
    assert "责令你单位自收到本决定书之日起立即改正上述违法行为" in text, order
    assert "上述行为1" not in text and "你单位的上述行为（" in text  # one violation: not numbered
    for kind in ("daily-penalty-notice", "daily-penalty-decision"):
        (_, number, text), = docs[kind]
        assert f"送达了《责令改正违法行为决定书》（{order}），责令你单位立即改正违法行为。" in text, (number, text[:900])


def test_seizure_decision_states_what_was_found_and_lists_what_is_sealed(demo_docs):
    docs, found = demo_docs
    (case_id, number, text), = docs["seizure-decision"]
    decision, inventory = text.split("查封清单当事人")  # the decision, then its 清单
    seen = cn_date(_event_day(found[case_id], "discovered"))
    assert f"经查，你单位于{seen}在" in decision and "通过旁路烟道直接排放未经处理的废气" in decision, number
    assert "经查，对" not in decision  # the object is no finding: it is listed in the 清单
    for cell in ("旁路烟道挡板阀门", "DN1200电动蝶阀", "旁路阀门电动执行器控制箱", "废气治理设施配电室"):
        assert cell in inventory, (cell, inventory[:500])
    (_, release, text), = docs["seizure-release"]
    assert "旁路烟道挡板阀门" in text, release  # released item by item, as sealed


def test_closing_forms_print_each_approver_of_the_chain(demo_docs):
    docs, found = demo_docs
    assert len(docs["closing-approval"]) == 2  # the fine and the 首违不罚 case
    for case_id, number, text in docs["closing-approval"]:
        case = found[case_id]
        assert "审批人：周科长（演示）（承办机构负责人）" in text and "审批人：李局长（演示）（局负责人）" in text, number
        assert "（承办人）日期：" in text and "建议结案。" in text
        assert text.count("签名：") == 3  # a line each for the hand signature
        approvals = [a for a in case.to_dict()["approvals"] if a["step"] == "closing"]
        assert [a["role"] for a in approvals] == ["承办人", "承办机构负责人", "局负责人"]
        assert approvals[-1]["date"] <= _event_day(case, "closed")


# -- the 法制审核 read of the demo files (review 7): cases 1 (fine with a hearing) and 2 (首违不罚) --
def _of(seeded, kind: str, case_no: int) -> list[tuple[str, str]]:
    cid = seeded["order"][case_no]
    return [(number, text) for case_id, number, text in seeded["docs"].get(kind, []) if case_id == cid]


@pytest.mark.parametrize("kind", ["filing-approval", "investigation-report", "internal-approval",
                                  "closing-approval", "inspection-record"])
def test_the_first_violation_case_has_every_form_of_its_steps(demo_seeded, kind):
    assert len(_of(demo_seeded, kind, 1)) == 1, kind


def test_filing_is_approved_up_the_chain(demo_seeded):
    for case_no in (0, 1):
        (number, text), = _of(demo_seeded, "filing-approval", case_no)
        assert "（承办人）日期：" in text and "建议立案调查。" in text, number
        assert "情况属实，建议立案调查。签名：周科长（演示）（承办机构负责人）" in text, number
        assert "同意立案。签名：李局长（演示）（局负责人）" in text, number
        assert "签名：日期：年月日" not in text  # no blank opinion row


def test_the_inspections_the_decisions_cite_record_what_was_found(demo_seeded):
    for case_no, found, person in ((0, "部分滤袋破损", "刘代理（演示）环保部经理"),
                                   (1, "面积约150平方米", "王某（演示）安全环保科科长")):
        (number, record), = _of(demo_seeded, "inspection-record", case_no)
        assert found in record and f"现场负责人{person}" in record, number
        assert "未记录检查事项" not in record and "厂区（演示）" not in record
        assert "不符合" in record  # the checklist answers are printed
        for kind in ("penalty-decision", "no-penalty-decision", "investigation-report"):
            for _, text in _of(demo_seeded, kind, case_no):
                # cited by its number, never as an unnamed 「现场检查记录」
                assert f"现场检查（勘察）笔录（{number}）" in text and "现场检查记录，证明" not in text, kind


def test_a_rejected_statement_is_answered_with_a_true_reason(demo_seeded):
    (number, text), = _of(demo_seeded, "penalty-decision", 0)
    assert "改正情节" not in text, number  # no correction factor was applied to the fine
    assert "不属于依法从轻或者减轻处罚的情形，我局对该意见不予采纳" in text
    assert "本案裁量中认定的情节为：环境影响程度为“一般”" in text


def test_the_hearing_notice_names_who_hears_and_the_record_is_made_on_the_day(demo_seeded):
    case = demo_seeded["found"][demo_seeded["order"][0]]
    requested = next(e for e in case.events if e["event"] == "hearing_requested")
    assert requested["data"]["presider"] == "钱主持（演示）" and requested["data"]["hearing_officers"] == ["周听证（演示）"]
    (_, notice), = _of(demo_seeded, "hearing-notice", 0)
    assert "听证主持人钱主持（演示）听证员周听证（演示）记录人孙记录（演示）" in notice
    (number, _), = _of(demo_seeded, "hearing-record", 0)
    assert demo_seeded["issued"][number] == _event_day(case, "hearing_held")


def test_each_ground_of_the_first_violation_rests_on_a_record(demo_seeded):
    (interview_no, interview), = _of(demo_seeded, "interview-record", 1)
    (inspection_no, inspection), = _of(demo_seeded, "inspection-record", 1)
    assert "是否因物料堆场未覆盖等扬尘问题受到过生态环境部门的处罚？答：没有，这是第一次。" in interview  # first violation
    assert "面积约150平方米" in inspection  # area < 200 m², measured on site
    (number, decision), = _of(demo_seeded, "no-penalty-decision", 1)
    decision = _flowing(decision)
    assert "复查时拍摄，证明当事人已对煤炭堆场全部覆盖" in decision, number  # corrected within 7 days
    assert (f"上述情形有现场检查（勘察）笔录（{inspection_no}）、调查询问笔录（{interview_no}）、现场照片2张等证据证明。"
            in decision), decision[decision.find("二、"):][:400]


def test_daily_penalty_decision_counts_only_the_days_after_the_seizure_and_cites_the_recheck(demo_docs):
    """The demo's 按日连续处罚决定书 as the 法制审核 review reads it: the days our 查封 held are left out (按日办法
    第二十条), the 复查 states its evidence and who made it, the waiver says exactly what was given up."""
    docs, found = demo_docs
    (case_id, number, text), = docs["daily-penalty-decision"]
    flat = text.replace("\n", "")
    case = found[case_id]
    seized, released = _event_day(case, "seized"), _event_day(case, "seizure_lifted")
    assert f"其中{cn_date(seized)}至{cn_date(released)}为我局对你单位实施查封期间" in flat, (number, flat)
    assert "共计7日" in flat and "1,050,000.00元" in flat
    assert "以上事实有以下证据为凭：复查现场检查笔录（演示）、现场照片3张" in flat
    assert "书面表示放弃陈述、申辩和听证的权利。" in flat
    (_, penalty, text), = [d for d in docs["penalty-decision"] if d[0] == case_id]
    assert "书面表示放弃陈述、申辩的权利。" in text.replace("\n", "") and "听证" not in text.split("书面表示")[1][:20]
