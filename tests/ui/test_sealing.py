"""Issue 17 part 3: the seal confirmation fits a 1280×720 screen, says what is missing and asks once more;
the photos tab and the end-time field tell the truth after saving."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from eco_field import demo
from eco_field.store import inspections
from tests.evidence.conftest import make_photo
from ui.message_dialog import MessageDialog
from ui.seal_flow import seal_summary


def saved_inspection(window, ctx):
    task = demo.demo_tasks()[0]
    insp = inspections.create(ctx.db, task.enterprise_id, task.officers)
    window.open_inspection(insp)
    return insp, window.inspections.editor


def test_a_long_seal_summary_fits_720_pixels_with_its_buttons_in_view(qtbot, ctx, tmp_path):
    from eco_field.evidence.service import import_paths

    insp, _ = demo.demo_tasks()[0], None
    created = inspections.create(ctx.db, insp.enterprise_id, insp.officers)
    import_paths(ctx.ws, created.id, [make_photo(tmp_path / f"DSC_{i:04d}.jpg", seed=i) for i in range(40)], workers=1)
    dialog = MessageDialog(None, "封存本次检查", seal_summary(ctx, created.id), question=True)
    qtbot.addWidget(dialog)
    dialog.show()
    QApplication.processEvents()
    assert dialog.frameGeometry().height() <= 720 - 40  # a task bar's room left
    yes = dialog.buttons.button(QDialogButtonBox.StandardButton.Yes)
    assert yes.isVisible() and yes.mapTo(dialog, yes.rect().bottomLeft()).y() <= dialog.height()
    assert dialog.buttons.button(QDialogButtonBox.StandardButton.No).isDefault()  # Enter does not seal


def test_sealing_lists_what_is_missing_and_asks_once_more(window, ctx, dialogs):
    insp, editor = saved_inspection(window, ctx)
    dialogs.answers.extend([True, False])  # yes to the summary, then no when asked again
    editor.seal_button.click()
    asks = [shown for shown in dialogs.shown if shown[0] == "ask"]
    assert len(asks) == 2
    summary = asks[0][2]
    assert summary.startswith("尚缺：")
    assert "项未查" in summary and "未填写检查结束时间" in summary and "没有当事人签名" in summary
    assert "仍要封存吗" in asks[1][2]
    assert not inspections.get(ctx.db, insp.id).sealed
    dialogs.answers.extend([True, True])
    editor.seal_button.click()
    assert inspections.get(ctx.db, insp.id).sealed


def test_the_seal_summary_names_kinds_in_words_not_ids(window, ctx, dialogs, tmp_path):
    from eco_field.evidence.service import import_paths

    insp, editor = saved_inspection(window, ctx)
    import_paths(ctx.ws, insp.id, [make_photo(tmp_path / "DSC_0001.jpg")], workers=1)
    text = seal_summary(ctx, insp.id)
    assert "（照片，SHA-256" in text and "photo" not in text


def test_after_saving_a_new_inspection_the_photos_tab_no_longer_asks_to_save(window, qtbot):
    window.start_from_task(demo.demo_tasks()[1])
    editor = window.inspections.editor
    assert "保存" in editor.evidence.message.text()
    qtbot.keyClick(editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert editor.inspection is not None
    assert "请先保存" not in editor.evidence.message.text()
    assert editor.evidence.import_files.isEnabled()


def test_an_end_time_typed_before_ticking_finished_is_kept(window, ctx, qtbot):
    insp, editor = saved_inspection(window, ctx)
    form = editor.form
    assert not form.has_ended.isChecked() and form.ended.isEnabled()
    form.ended.setFocus()
    form.ended.type_text("2026-06-05 11:40")
    assert form.has_ended.isChecked()
    editor.save()
    assert inspections.get(ctx.db, insp.id).ended_at.startswith("2026-06-05T11:40")


def test_one_tab_leaves_a_date_field(window, ctx, qtbot):
    _, editor = saved_inspection(window, ctx)
    form = editor.form
    form.started.setFocus()
    form.started.setCurrentSectionIndex(0)
    qtbot.keyClick(form.started, Qt.Key.Key_Tab)
    assert not form.started.hasFocus()
