"""What a 法制审核 reviewer reads in the demo cases' documents, read back from the issued PDFs: the 立案日期 is
the day of the `filed` event, hearing times in Chinese, the 不予处罚 citation and grounds in a decision's words,
sentences ended before the next, and approval forms carrying the approvals recorded before their issue."""

from __future__ import annotations

import pytest

from eco_field import demo
from eco_field.demo_cases import seed_cases
from eco_field.documents.kinds.common import cn_date
from eco_field.law import cases
from eco_field.workspace import Workspace
from tests.documents.conftest import pdf_text


@pytest.fixture(scope="module")
def demo_docs(tmp_path_factory):
    """{kind: [(number, text)]} and {case_id: case} of the three demo cases (seeded once for the module)."""
    root = tmp_path_factory.mktemp("demo-docs")
    with Workspace.open(root / "data", create=True) as ws:
        demo.seed(ws)
        made = seed_cases(ws, root / "files")
        docs: dict[str, list[tuple[str, str, str]]] = {}
        for number, kind, case_id, sha in ws.db.execute(
                "SELECT number, kind, case_id, pdf_sha256 FROM documents ORDER BY rowid"):
            pdf = ws.data_dir / "evidence" / sha[:2] / f"{sha}.pdf"
            docs.setdefault(kind, []).append((case_id, number, pdf_text(pdf)))
        found = {cid: cases.get(ws.db, cid) for cid in made["cases"]}
    return docs, found


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


def test_no_penalty_decision_cites_the_law_once_and_states_facts_found(demo_docs):
    docs, _ = demo_docs
    (_, number, text), = docs["no-penalty-decision"]
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


def test_internal_approval_prints_the_approvals_recorded_before_it(demo_docs):
    docs, _ = demo_docs
    (_, number, text), = docs["internal-approval"]
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
