"""Cases: open a case from catalog-picked findings, see deadlines, record events, run the penalty calculator."""

from __future__ import annotations

from eco_field import demo
from eco_field.law import cases
from eco_field.store import inspections


def inspection_with_finding(window, ctx):
    task = demo.demo_tasks()[0]
    insp = inspections.create(ctx.db, task.enterprise_id, task.officers, started_at="2026-03-02T09:00")
    inspections.update(ctx.db, insp.id, findings=[{"item_id": "GEN-07", "facts": "雨水口发现生产废水外排", "basis": ""}])
    window.inspections.open_inspection(inspections.get(ctx.db, insp.id))
    editor = window.inspections.editor
    editor.tabs.setCurrentWidget(editor.findings)
    return insp, editor


def test_catalog_picker_filters_and_sets_the_finding(window, ctx, qtbot):
    _, editor = inspection_with_finding(window, ctx)
    editor.findings.table.setCurrentCell(0, 2)
    picker = editor.findings.pick_catalog()
    qtbot.addWidget(picker)
    picker.search.setText("AIR-01")
    assert picker.chosen() == "AIR-01"
    visible = [picker.list.item(r) for r in range(picker.list.count()) if not picker.list.item(r).isHidden()]
    assert len(visible) == 1
    picker.accept()
    finding = editor.findings.value()[0]
    assert finding["catalog_id"] == "AIR-01" and "大气污染防治法" in finding["basis"]
    assert editor.dirty


def test_open_case_then_deadlines_events_and_calculator(window, ctx, dialogs):
    insp, editor = inspection_with_finding(window, ctx)
    editor.findings.set_catalog(0, "AIR-01")
    editor.findings.case_button.click()
    assert dialogs.shown[-1][0] == "inform" and cases.list_cases(ctx.db) == []  # unsaved: refused
    editor.save()
    editor.findings.case_button.click()
    [case] = cases.list_cases(ctx.db)
    assert case.inspection_id == insp.id and case.violations[0].catalog_id == "AIR-01"
    screen = window.cases
    window.show_section("cases")
    assert screen.list.model.rowCount() == 1
    screen.list.table.selectRow(0)
    detail = screen.detail
    assert detail.case.id == case.id
    labels = [detail.deadlines.item(r, 0).text() for r in range(detail.deadlines.rowCount())]
    assert "立案期限" in labels
    # discovered 2026-03-02: the 15-day filing period is long over, shown as overdue
    row = labels.index("立案期限")
    assert "超期" in detail.deadlines.item(row, 2).text()
    # 立案 needs its approval, and the filing period is over: the procedure refuses and says why
    detail.event_kind.setCurrentIndex(detail.event_kind.findData("filed"))
    detail.add_event.click()
    assert dialogs.shown[-1][0] == "error" and "立案审批尚未完成" in dialogs.shown[-1][2]
    assert cases.get(ctx.db, case.id).status == "open"
    assert any("立案审批尚未完成" in detail.next_steps.item(r).text() for r in range(detail.next_steps.count()))
    # the penalty calculator: factors change the amount; saving stores the assessment on the case
    dialog = screen.open_calculator(detail.case)
    base = dialog.result.amount
    assert dialog.result.min <= base <= dialog.result.max
    impact = dialog.factor_boxes["impact"]
    impact.setCurrentIndex(impact.findData("major"))
    assert dialog.result.amount > base and "环境影响程度" in dialog.rationale.toPlainText()
    dialog.save()
    stored = cases.get(ctx.db, case.id).assessment
    assert stored.amount == dialog.result.amount
    assert f"{stored.amount:,}" in detail.amount.text()
    dialog.close()


def test_enterprise_archive_lists_its_cases(window, ctx):
    insp, editor = inspection_with_finding(window, ctx)
    cases.new_case(ctx.db, insp.id, [cases.CaseViolation("AIR-01", "无证排污")], "无证排污")
    ctx.hub.announce("case")
    window.show_section("enterprises")
    page = window.enterprises.list
    row = next(r for r in range(page.model.rowCount()) if page.model.record(r).id == insp.enterprise_id)
    page.table.selectRow(row)
    detail = window.enterprises.detail
    assert detail.cases.rowCount() == 1 and detail.cases.item(0, 1).text() == "AIR-01"
    assert detail.past.rowCount() == 1
