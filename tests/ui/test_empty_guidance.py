"""An empty list or table says what it will hold and how to fill it, in Chinese, and steps aside once filled."""

from __future__ import annotations

from eco_field import demo
from eco_field.store import inspections
from ui.placeholder import Placeholder


def guidance(view) -> Placeholder:
    (found,) = view.viewport().findChildren(Placeholder)
    return found


def test_an_enterprise_never_inspected_says_how_to_start(window, ctx, qtbot):
    window.show()
    window.show_section("enterprises")
    ent = demo.demo_enterprises()[0]
    window.enterprises.show_enterprise(ent)
    past = window.enterprises.detail.past
    hint = guidance(past)
    assert past.rowCount() == 0 and hint.isVisibleTo(past) and "新建检查" in hint.text()
    assert guidance(window.enterprises.detail.cases).text() == "本企业没有案件。"
    # once inspected, the archive lists it and the guidance is gone
    inspections.create(ctx.db, ent.id, ["14110100001", "14110100002"])
    window.enterprises.show_enterprise(ent)
    assert past.rowCount() == 1 and not hint.isVisibleTo(past)


def test_the_sync_screen_says_there_is_no_conflict(window, qtbot):
    window.show()
    window.show_section("sync")
    sync = window.screen("sync")
    assert sync.conflicts.rowCount() == 0
    assert guidance(sync.conflicts).isVisibleTo(sync.conflicts) and "没有冲突" in guidance(sync.conflicts).text()
    assert "对比" in sync.compare.placeholderText()


def test_a_new_inspection_s_documents_tab_says_how_to_make_one(window, ctx, qtbot):
    window.show()
    task = demo.demo_tasks()[3]
    window.start_from_task(task)
    panel = window.inspections.editor.documents
    panel.show()
    assert panel.list.count() == 0
    hint = guidance(panel.list)
    assert hint.isVisibleTo(panel.list) and "预览草稿" in hint.text() and "生成文书" in hint.text()
