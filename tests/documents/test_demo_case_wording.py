"""What a 法制审核 reviewer reads in the demo cases' documents, read back from the issued PDFs: the 立案日期 is
the day of the `filed` event, hearing times in Chinese, the 不予处罚 citation and grounds in a decision's words,
sentences ended before the next, and approval forms carrying the approvals recorded before their issue."""

from __future__ import annotations

from pathlib import Path

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
