"""A penalty decision walked to its step with a fine in 角/分: the forged copy carrying its genuine keywords
(the issue's 954,000.00 for 154,000.05) is refused, and the answer states the amount on record."""

from __future__ import annotations

import io

from pypdf import PdfReader
from reportlab.pdfgen.canvas import Canvas

from eco_field.law import cases
from tests.documents.case_walk import approve, file_and_investigate, issue, opened, prepare
from tests.law.procedure_helpers import ago


def test_the_facts_of_a_decision_name_its_exact_fine(workspace, tmp_path, cli):
    prepare(workspace)
    case_id = opened(workspace, tmp_path)
    cases.assess(workspace.db, case_id, {}, amount="154000.05", reason="综合考虑当事人整改情况")
    file_and_investigate(workspace, case_id, tmp_path)
    issue(workspace, "penalty-notice", case_id, tmp_path)
    cases.record_event(workspace.db, case_id, "notified", ago(40))
    approve(workspace, case_id, "legal_review", ago(24))
    approve(workspace, case_id, "decision", ago(22))
    decision, text = issue(workspace, "penalty-decision", case_id, tmp_path)
    assert "154,000.05" in text
    keywords = PdfReader(tmp_path / "penalty-decision.pdf").metadata["/Keywords"]
    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    canvas.drawString(100, 700, "954,000.00")
    canvas.setKeywords(keywords)
    canvas.showPage()
    canvas.save()
    (tmp_path / "forged.pdf").write_bytes(buffer.getvalue())
    result = cli("documents", "verify", str(tmp_path / "forged.pdf"))
    assert result.returncode == 1
    for fact in ("不是签发的文件", decision["number"], "行政处罚决定书", "人民币154,000.05元", "未签名", "现行有效"):
        assert fact in result.stdout, fact
    facts = cli("documents", "verify", str(tmp_path / "forged.pdf"), "--json").json()["facts"]
    assert facts["amount_fen"] == 15400005 and facts["party"]
    assert cli("documents", "verify", str(tmp_path / "penalty-decision.pdf")).returncode == 0
