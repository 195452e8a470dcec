"""Issue 17 part 5: Ctrl+P prints the current document (preview), Ctrl+F searches every list, Esc asks before
discarding drawn or chosen work, file dialogs open on a camera card or Pictures with Chinese filter names."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QAbstractSpinBox, QApplication

from eco_field import demo
from eco_field.documents import numbering
from eco_field.store import inspections
from tests import pdftools
from ui import file_places


def documents_of_an_inspection(window, ctx):
    numbering.add_block(ctx.db, "inspection-record", date.today().year, 1, 50)
    task = demo.demo_tasks()[0]
    insp = inspections.create(ctx.db, task.enterprise_id, task.officers)
    window.open_inspection(insp)
    editor = window.inspections.editor
    editor.tabs.setCurrentWidget(editor.documents)
    panel = editor.documents
    panel.kind.setCurrentIndex(panel.kind.findData("inspection-record"))
    panel.render_button.click()
    return panel


def test_ctrl_p_shows_the_print_preview_of_the_current_document(window, ctx, dialogs, tmp_path, qtbot):
    panel = documents_of_an_inspection(window, ctx)
    assert panel.current() is not None
    printed = tmp_path / "preview.pdf"
    dialogs.answers.append(printed)
    qtbot.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert dialogs.shown[-1][0] == "print_preview"
    assert pdftools.page_count(printed) == panel.pdf.pageCount() >= 1
    image = pdftools.page_image(printed, 0, dpi=40)
    assert image.convert("L").getextrema()[0] < 100  # something is printed on the page


def test_ctrl_p_without_a_document_says_what_to_do(window, dialogs, qtbot):
    window.show_section("tasks")
    qtbot.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert not [s for s in dialogs.shown if s[0] == "print_preview"]
    assert "没有可打印的文书" in window.statusBar().currentMessage()


def test_ctrl_f_searches_the_tasks(window, qtbot):
    window.show_section("tasks")
    page = window.tasks.list
    total = page.model.rowCount()
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert page.search.isVisible() and "Ctrl+F" in page.search.placeholderText()
    page.search.setText("焦化")
    page.refresh()
    found = [page.model.record(i) for i in range(page.model.rowCount())]
    assert 0 < len(found) < total and all("焦化" in f"{t.title}{t.enterprise_name}" for t in found)


def test_every_list_has_a_search_box(window):
    for section in ("tasks", "inspections", "enterprises", "cases"):
        window.show_section(section)
        QApplication.processEvents()
        page = window.screen(section).list
        assert page.search.isVisible(), section


def test_esc_asks_before_throwing_away_chosen_factors(window, ctx, dialogs, qtbot):
    from eco_field.law import cases

    insp = inspections.create(ctx.db, demo.demo_tasks()[0].enterprise_id, demo.demo_tasks()[0].officers)
    case = cases.new_case(ctx.db, insp.id, ["AIR-02"], "焦炉烟囱颗粒物超标")
    dialog = window.cases.open_calculator(case)
    qtbot.addWidget(dialog)
    box = next(iter(dialog.factor_boxes.values()))
    box.setCurrentIndex(1)
    dialogs.answers.append(False)  # keep working
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialogs.shown[-1][0] == "ask" and "裁量因素" in dialogs.shown[-1][1]
    assert dialog.isVisible()
    dialogs.answers.append(True)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_esc_asks_before_throwing_away_a_drawn_signature(window, ctx, dialogs, qtbot):
    panel = documents_of_an_inspection(window, ctx)
    dialog = panel.sign_current()
    qtbot.addWidget(dialog)
    asked = len(dialogs.shown)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # nothing drawn: closes without a question
    assert len(dialogs.shown) == asked and not dialog.isVisible()
    dialog = panel.sign_current()
    qtbot.addWidget(dialog)
    dialog.pad.stroke([QPointF(20 + i * 5, 50 + i) for i in range(20)], [0.5] * 20)
    dialogs.answers.append(False)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialogs.shown[-1][0] == "ask" and "签名" in dialogs.shown[-1][1] and dialog.isVisible()


def test_file_dialogs_open_on_a_camera_card_else_pictures(tmp_path):
    media = tmp_path / "media" / "officer"
    assert file_places.start_folder([media]) != media  # nothing mounted: Pictures (or home)
    (media / "NIKON D5600" / "DCIM" / "100NIKON").mkdir(parents=True)
    (media / "USB").mkdir()
    assert file_places.start_folder([media]) == media / "NIKON D5600" / "DCIM"
    assert file_places.camera_cards([tmp_path / "absent", media]) == [media / "NIKON D5600" / "DCIM"]


def test_filter_names_are_chinese():
    text = file_places.translated_filters("Photos (*.jpg *.heic);;All files (*)")
    assert text == "照片 (*.jpg *.heic);;所有文件 (*)"


def test_tab_order_follows_the_inspection_form(window, ctx):
    insp = inspections.create(ctx.db, demo.demo_tasks()[0].enterprise_id, demo.demo_tasks()[0].officers)
    window.open_inspection(insp)
    form = window.inspections.editor.form
    expected = [form.ended, form.has_ended, form.place, form.party_name, form.party_title, form.party_phone,
                form.party_present]
    chain, widget = [], form.started
    while len(chain) < len(expected):
        widget = widget.nextInFocusChain()
        inner = isinstance(widget.parentWidget(), QAbstractSpinBox)  # a date field's own line edit
        if widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.isEnabled() and widget.isVisible() and not inner:
            chain.append(widget)
    assert chain == expected
