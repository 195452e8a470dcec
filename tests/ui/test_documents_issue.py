"""The documents panel as an officer uses it: a preview is a numberless 草稿; 生成文书 takes one number and the
view follows it; clicking again asks before voiding the one in force; a decision asks for the bureau's
details on a settings page the first time they are missing."""

from __future__ import annotations

from datetime import date

import pytest
from pypdf import PdfReader

from eco_field import demo
from eco_field.documents import issuer, numbering
from eco_field.law import cases
from eco_field.store import inspections, settings
from tests.ui.test_documents import editor_documents
from ui.documents_panel import DocumentsPanel


def numbers_taken(ctx) -> int:
    return ctx.db.execute("SELECT count(*) FROM document_numbers").fetchone()[0]


def test_preview_takes_no_number_and_make_document_follows_the_new_number(window, ctx, dialogs):
    _insp, panel = editor_documents(window, ctx)
    panel.kind.setCurrentIndex(panel.kind.findData("inspection-record"))
    panel.preview_button.click()
    assert numbers_taken(ctx) == 0 and panel.list.count() == 0
    assert panel.showing_draft and panel.pdf.pageCount() >= 1
    assert "草" in PdfReader(panel.showing_draft).pages[0].extract_text()
    assert not panel.print_button.isEnabled() and not panel.sign_button.isEnabled()  # a draft is not printed
    panel.render_button.click()
    first = panel.current()
    assert numbers_taken(ctx) == 1 and first is not None and panel.showing_draft is None
    # 生成文书 again: asked first; declined, nothing happens
    dialogs.answers.append(False)
    panel.render_button.click()
    assert dialogs.shown[-1][0] == "ask" and first["number"] in dialogs.shown[-1][2]
    assert numbers_taken(ctx) == 1
    # accepted: the first is voided, the view shows the new number, not the old one
    dialogs.answers.append(True)
    panel.render_button.click()
    second = panel.current()
    assert numbers_taken(ctx) == 2 and second["number"] != first["number"] and second["current"]
    assert second["number"] in PdfReader(second["path"]).pages[0].extract_text().replace("\n", "")
    texts = [panel.list.item(i).text() for i in range(panel.list.count())]
    assert any(first["number"] in t and "作废" in t for t in texts)
    assert "作废" in panel.message.text() or first["number"] in panel.message.text()


@pytest.fixture
def case_panel(qtbot, ctx):
    task = demo.demo_tasks()[0]
    insp = inspections.create(ctx.db, task.enterprise_id, task.officers)
    case = cases.new_case(ctx.db, insp.id, ["AIR-02"], "颗粒物超标")
    numbering.add_block(ctx.db, "rectification-order", date.today().year, 1, 10)
    panel = DocumentsPanel(ctx, "case")
    qtbot.addWidget(panel)
    panel.set_source(case_id=case.id)
    panel.show()
    return panel


def test_a_decision_asks_for_the_bureau_details_first(ctx, case_panel):
    for key, _ in issuer.ALL:  # a laptop whose bureau details were never entered
        if key not in ("bureau_name", "doc_prefix"):
            settings.put(ctx.db, key, "")
    ctx.db.conn.commit()
    panel = case_panel
    panel.kind.setCurrentIndex(panel.kind.findData("rectification-order"))
    panel.render_button.click()
    page = panel.settings_dialog
    assert page is not None and page.isVisible() and numbers_taken(ctx) == 0
    assert "机关地址" in page.intro.text() and "行政复议机关" in page.intro.text()
    page.fields["doc_bureau_address"].setText("吕梁市离石区滨河北东路1号")
    page.fields["doc_contact"].setText("王丽 0358-8220000")
    page.fields["doc_review_body"].setText("吕梁市人民政府")
    page.fields["doc_court"].setText("离石区人民法院")
    page.save()
    assert settings.get(ctx.db, "doc_court") == "离石区人民法院"
    assert numbers_taken(ctx) == 1 and panel.current()["kind"] == "rectification-order"
    text = "".join(page.extract_text() for page in PdfReader(panel.current()["path"]).pages)
    assert "离石区人民法院" in text.replace("\n", "")


def test_the_sign_dialog_offers_the_names_printed_on_the_document(window, ctx):
    _insp, panel = editor_documents(window, ctx)
    panel.kind.setCurrentIndex(panel.kind.findData("inspection-record"))
    panel.render_button.click()
    dialog = panel.sign_current()
    dialog.role.setCurrentIndex(dialog.role.findData("officer"))
    officers = dialog.names["officer"]
    assert len(officers) == 2 and all(name in dialog.name.placeholderText() for name in officers)
    dialog.role.setCurrentIndex(dialog.role.findData("witness"))
    assert dialog.name.placeholderText() == ""
    dialog.close()
