"""A document is never served before it was issued, and a decision never predates its notice: documents carry
their date of issue (`documents render --date` for a file recorded after the fact), the procedure judges the
case as of that date, and the demo's PDFs read back in order."""

from __future__ import annotations

import re
from datetime import date

from eco_field.documents import service
from eco_field.law import cases
from eco_field.workspace import Workspace
from tests import pdftools
from tests.documents.case_walk import approve, file_and_investigate, opened, prepare
from tests.law.procedure_helpers import ago

CN_DATE = r"(\d{4})年(\d{1,2})月(\d{1,2})日"


def cn(iso: str) -> str:
    day = date.fromisoformat(iso)
    return f"{day.year}年{day.month}月{day.day}日"


def as_date(match: tuple[str, str, str]) -> date:
    return date(*(int(x) for x in match))


def read(path) -> str:
    return re.sub(r"\s+", "", pdftools.text(path))


def sealed_date(text: str) -> date:
    """The 落款日期: the date under the bureau's seal."""
    found = re.search("（印章）" + CN_DATE, text)
    assert found, "no date under the seal"
    return as_date(found.groups())


def test_service_before_issue_and_decision_before_the_period_are_refused(workspace, tmp_path, cli):
    prepare(workspace)
    case_id = opened(workspace, tmp_path)
    cases.assess(workspace.db, case_id, {}, amount=100000)
    file_and_investigate(workspace, case_id, tmp_path)  # investigated ago(50)

    # the notice: not in the future, not before the investigation ended
    future = cli("documents", "render", "penalty-notice", "--case", case_id, "--date", ago(-1))
    assert future.returncode == 2 and "晚于今天" in future.stderr
    early = cli("documents", "render", "penalty-notice", "--case", case_id, "--date", ago(52))
    assert early.returncode == 2 and "早于" in early.stderr
    notice = cli("documents", "render", "penalty-notice", "--case", case_id, "--date", ago(40),
                 "-o", str(tmp_path / "notice.pdf"), "--json")
    assert notice.returncode == 0, notice.stderr
    assert notice.json()["issued_date"] == ago(40)
    assert sealed_date(read(tmp_path / "notice.pdf")) == date.fromisoformat(ago(40))

    # served before it was issued: refused, naming the document and its date of issue
    served = cli("cases", "event", case_id, "notified", "--date", ago(45))
    assert served.returncode == 2
    for words in ("告知书", notice.json()["number"], ago(40), "签发"):
        assert words in served.stderr, words
    assert cli("cases", "event", case_id, "notified", "--date", ago(40)).returncode == 0

    # the decision: not while the party's period runs, whatever date is asked for
    approve(workspace, case_id, "decision", ago(22))
    inside = cli("documents", "render", "penalty-decision", "--case", case_id, "--date", ago(38))
    assert inside.returncode == 2 and "陈述申辩期" in inside.stderr
    decision = cli("documents", "render", "penalty-decision", "--case", case_id, "--date", ago(22),
                   "-o", str(tmp_path / "decision.pdf"), "--json")
    assert decision.returncode == 0, decision.stderr
    # a decision that takes effect, or is served, before its 决定书 was issued: refused
    assert cli("cases", "event", case_id, "decided", "--date", ago(23)).returncode == 2
    assert cli("cases", "event", case_id, "decided", "--date", ago(22)).returncode == 0
    assert cli("cases", "event", case_id, "served", "--date", ago(21)).returncode == 0

    text = read(tmp_path / "decision.pdf")
    assert sealed_date(text) == date.fromisoformat(ago(22))
    assert f"我局于{cn(ago(40))}以《行政处罚事先" in text
    assert f"该告知书已于{cn(ago(40))}送达" in text


def test_the_demo_documents_are_dated_in_order(cli, data_dir):
    out = cli("cases", "demo", "--json")
    assert out.returncode == 0, out.stderr
    with Workspace.open(data_dir) as ws:
        docs = {(d["case_id"], d["kind"]): service.latest_pdf_path(ws, d) for d in service.list_documents(ws.db)}
    checked = 0
    for (case_id, kind), path in docs.items():
        if kind not in ("penalty-decision", "daily-penalty-decision"):
            continue
        notice_kind = "penalty-notice" if kind == "penalty-decision" else "daily-penalty-notice"
        decision = read(path)
        notice_issued = sealed_date(read(docs[(case_id, notice_kind)]))
        said = re.search(f"我局于{CN_DATE}以《[^》]*告知书》.*?该告知书已于{CN_DATE}送达", decision)
        assert said, f"{kind} names no notice and its service"
        issued, served = as_date(said.groups()[:3]), as_date(said.groups()[3:])
        # 告知书's date (as printed on it and as the decision cites it) ≤ its service ≤ the decision's date
        assert issued == notice_issued
        assert notice_issued <= served <= sealed_date(decision), (kind, notice_issued, served, sealed_date(decision))
        assert "于今日" not in decision
        checked += 1
    assert checked == 3  # two penalty decisions and the 按日 decision
