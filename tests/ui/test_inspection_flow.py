"""Inspection flows driven through the real widgets: new from a task or an enterprise, checklist, findings."""

from __future__ import annotations

from PySide6.QtCore import Qt

from eco_field import demo
from eco_field.evidence.seal import seal
from eco_field.store import inspections, tasks


def start_from_first_task(window, qtbot):
    window.show_section("tasks")
    table = window.tasks.list.table
    table.selectRow(0)
    qtbot.mouseClick(window.tasks.start_button, Qt.MouseButton.LeftButton)
    return window.tasks.list.model.record(0), window.inspections.editor


def test_new_inspection_from_task_saves_checklist_and_findings(window, ctx, qtbot):
    task, editor = start_from_first_task(window, qtbot)
    assert window.current_section() == "inspections"
    assert window.inspections.stack.currentWidget() is editor
    assert editor.form.officers.checked() == task.officers  # the task's two officers are preselected
    editor.tabs.setCurrentWidget(editor.checklist)
    editor.checklist.set_answer("GEN-01", "compliant")
    editor.checklist.set_answer("GEN-07", "non_compliant", "雨水口有黑色废水外排")
    editor.form.party_name.setText("王某")
    editor.form.party_present.setChecked(True)
    assert editor.dirty
    qtbot.mouseClick(editor.findings.from_checklist, Qt.MouseButton.LeftButton)
    assert [f["item_id"] for f in editor.findings.value()] == ["GEN-07"]
    qtbot.keyClick(editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not editor.dirty
    stored = inspections.get(ctx.db, editor.inspection.id)
    assert stored.task_id == task.id and [o.cert_no for o in stored.officers] == task.officers
    assert stored.checklist["items"]["GEN-07"] == {"answer": "non_compliant", "note": "雨水口有黑色废水外排"}
    assert stored.findings[0]["facts"] == "雨水口有黑色废水外排" and stored.party.present
    assert tasks.get(ctx.db, task.id).status == "in_progress"
    # the list learned about it from the change hub
    editor.request_back()
    assert window.inspections.list.model.rowCount() == 1
    assert window.tasks.list.model.record(0).status == "in_progress"


def test_one_officer_is_refused_with_a_message(window, ctx, dialogs, qtbot):
    _, editor = start_from_first_task(window, qtbot)
    editor.form.officers.set_checked(editor.form.officers.checked()[:1])
    assert "至少两名" in editor.form.officers.hint.text() or "两名" in editor.form.officers.hint.text()
    editor.save()
    assert dialogs.shown[-1][0] == "error" and "两名" in dialogs.shown[-1][2]
    assert inspections.count_inspections(ctx.db) == 0
    assert editor.dirty or editor.inspection is None


def test_new_inspection_from_enterprise_and_reopen(window, ctx, qtbot):
    window.show_section("enterprises")
    window.enterprises.list.table.selectRow(0)
    ent = window.enterprises.detail.enterprise
    qtbot.mouseClick(window.enterprises.detail.new_button, Qt.MouseButton.LeftButton)
    editor = window.inspections.editor
    assert editor.form.enterprise.text() == ent.name
    assert editor.checklist.industry == (ent.industry or "general")
    certs = [o.cert_no for o in demo.demo_officers()[2:4]]
    editor.form.officers.set_checked(certs)
    editor.save()
    saved_id = editor.inspection.id
    editor.request_back()
    window.show_section("enterprises")
    assert window.enterprises.detail.past.rowCount() == 1  # the archive lists it as a past inspection
    window.enterprises.detail.past.selectRow(0)
    window.enterprises.detail._open_past(window.enterprises.detail.past.model().index(0, 0))
    assert editor.inspection.id == saved_id and editor.form.officers.checked() == certs


def test_leaving_with_unsaved_changes_asks(window, dialogs, qtbot):
    _, editor = start_from_first_task(window, qtbot)
    editor.form.place.setText("改过的地点")
    editor.form.place.textEdited.emit("改过的地点")
    dialogs.answers.append(False)
    qtbot.keyClick(editor, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.inspections.stack.currentWidget() is editor
    assert dialogs.shown[-1][0] == "ask"
    dialogs.answers.append(True)
    editor.request_back()
    assert window.inspections.stack.currentWidget() is window.inspections.list


def test_sealed_inspection_is_read_only(window, ctx):
    task = demo.demo_tasks()[0]
    insp = inspections.create(ctx.db, task.enterprise_id, task.officers)
    seal(ctx.ws, insp.id)
    window.inspections.open_inspection(inspections.get(ctx.db, insp.id))
    editor = window.inspections.editor
    assert not editor.save_button.isEnabled()
    assert not editor.form.place.isEnabled()
    assert not editor.findings.add_button.isEnabled()
    assert "封存" in editor.state.text()


def test_seal_shows_what_is_sealed_then_locks_and_amends(window, ctx, dialogs, qtbot):
    task, editor = start_from_first_task(window, qtbot)
    editor.checklist.set_answer("GEN-01", "compliant")
    editor.save()
    insp_id = editor.inspection.id
    dialogs.answers.append(False)  # the officer reads the summary and declines
    editor.seal_button.click()
    kind, _title, text = dialogs.shown[-1]
    assert kind == "ask" and task.enterprise_name in text and "符合 1" in text and "只读" in text
    assert inspections.get(ctx.db, insp_id).status == "draft"
    dialogs.answers.append(True)
    editor.seal_button.click()
    assert inspections.get(ctx.db, insp_id).sealed
    assert editor.inspection.sealed and not editor.save_button.isEnabled() and editor.amend_button.isVisibleTo(editor)
    editor.amend_button.click()
    amended = editor.inspection
    assert amended.id != insp_id and amended.amends_id == insp_id and not amended.sealed
    assert "补正" in editor.state.text() and editor.save_button.isEnabled()
