"""Settings before issue: a decision is not issued while the bureau's details it must state are empty; the
CLI exits 2 naming them in Chinese, and a draft is never blocked."""

from __future__ import annotations

import pytest

from eco_field.documents import issuer
from eco_field.law import cases
from eco_field.store import settings
from eco_field.store.database import write_transaction


@pytest.fixture
def case_id(workspace, inspection):
    with write_transaction(workspace.db):  # a laptop whose bureau details were never filled in
        for key, _ in issuer.ALL:
            if key not in ("bureau_name", "doc_prefix"):
                settings.put(workspace.db, key, "")
    made = cases.new_case(workspace.db, inspection.id, ["AIR-02"], "颗粒物超标")
    return cases.assess(workspace.db, made.id, {}).id


@pytest.mark.parametrize("kind", ["penalty-decision", "rectification-order"])
def test_a_decision_without_the_bureau_details_exits_2_naming_them(workspace, case_id, cli, kind):
    before = workspace.db.execute("SELECT count(*) FROM document_numbers").fetchone()[0]
    result = cli("documents", "render", kind, "--case", case_id)
    assert result.returncode == 2
    for label in ("机关地址", "联系人及电话", "行政复议机关", "行政诉讼法院"):
        assert label in result.stderr, label
    assert ("罚款缴纳银行" in result.stderr) == (kind == "penalty-decision")
    assert workspace.db.execute("SELECT count(*) FROM document_numbers").fetchone()[0] == before


def test_an_emptied_bureau_name_is_named_too(workspace, case_id, cli):
    assert cli("settings", "set", "bureau_name", "").returncode == 0
    result = cli("documents", "render", "penalty-decision", "--case", case_id)
    assert result.returncode == 2 and "机关名称" in result.stderr


def test_a_draft_is_not_blocked_and_says_what_issuing_needs(workspace, case_id, cli, tmp_path):
    result = cli("documents", "render", "rectification-order", "--case", case_id, "--draft",
                 "-o", str(tmp_path / "d.pdf"), "--json")
    assert result.returncode == 0, result.stderr
    assert "机关地址" in result.json()["missing_settings"]


def test_once_filled_the_missing_list_is_empty(workspace, case_id):
    from tests.documents.conftest import fill_issuer_settings

    fill_issuer_settings(workspace)
    assert issuer.missing(workspace.db, "penalty-decision") == []
    assert issuer.missing(workspace.db, "inspection-record") == []  # not a decision: nothing required
