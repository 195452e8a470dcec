"""The case screen shows what the procedure allows next and why the rest is closed; its forms record an
approval, an event and the party's statement through the same services as the command line."""

from __future__ import annotations

from PySide6.QtCore import QDate

from eco_field.law import cases
from tests.law.procedure_helpers import TODAY, allow_roles, recent_case


def _texts(detail) -> list[str]:
    return [detail.next_steps.item(r).text() for r in range(detail.next_steps.count())]


def _day(days_ago: int) -> QDate:
    day = TODAY.toordinal() - days_ago
    from datetime import date

    d = date.fromordinal(day)
    return QDate(d.year, d.month, d.day)


def test_next_steps_and_the_forms(window, ctx, dialogs, tmp_path):
    made = recent_case(ctx.ws, tmp_path, ("AIR-10",), days_ago=10)
    ctx.hub.announce("case")
    window.show_section("cases")
    screen = window.cases
    screen.list.table.selectRow(0)
    detail = screen.detail
    assert detail.case.id == made["id"]
    texts = _texts(detail)
    # open steps first under their heading, in Chinese; closed ones below theirs, greyed, each saying why
    closed_at = next(i for i, t in enumerate(texts) if t.startswith("暂不能办理及原因"))
    assert detail.next_steps.heading.text().startswith("现在可以办理") and "● 不予立案" in texts[:closed_at]
    assert "立案：立案审批尚未完成（须由局负责人或负责人审批）" in texts[closed_at:]
    assert any(t.startswith("《行政处罚决定书》：案件尚未立案") for t in texts[closed_at:])
    assert not any(t.startswith(("●", "✓")) for t in texts[closed_at:])  # nothing closed looks open
    assert detail.next_steps.state("filed") == (False, "立案审批尚未完成（须由局负责人或负责人审批）")

    # the laptop may not approve until the settings allow the role here: the refusal is shown
    forms = detail.forms
    forms.setCurrentIndex(1)
    forms.approver.setText("李建国")
    forms.role.setCurrentText("局负责人")
    forms.opinion.setText("同意立案")
    forms.approval_date.setDate(_day(9))
    forms.approve_button.click()
    assert dialogs.shown[-1][0] == "error" and "approval_roles_on_device" in dialogs.shown[-1][2]
    allow_roles(ctx.ws)
    forms.approve_button.click()
    assert "● 立案" in _texts(detail) and detail.next_steps.state("filed") == (True, "")
    forms.event_kind.setCurrentIndex(forms.event_kind.findData("filed"))
    forms.event_date.setDate(_day(9))
    forms.add_event.click()
    assert cases.get(ctx.db, made["id"]).status == "filed"
    assert detail.title.text().endswith("已立案")

    # a statement before the notice is refused, naming what is missing
    forms.setCurrentIndex(2)
    forms.statement_text.setText("已整改")
    forms.statement_button.click()
    assert dialogs.shown[-1][0] == "error" and "告知书尚未送达" in dialogs.shown[-1][2]


def test_a_monitoring_report_without_results_is_warned_on_the_case_screen(window, ctx, tmp_path):
    """An exceedance's report attached without its results still counts, but the screen says the notice and
    the decision can then cite it by number only (the same warning as `cases next`)."""
    from eco_field.law import case_steps

    made = recent_case(ctx.ws, tmp_path, ("AIR-02",), days_ago=10)
    report = tmp_path / "report.pdf"
    report.write_bytes(b"%PDF-1.4 monitoring report scan\n%%EOF\n")
    case_steps.attach_monitoring_report(ctx.ws, made["id"], "LLJC-2026-301", "吕梁市生态环境监测中心",
                                        TODAY.isoformat(), report)
    ctx.hub.announce("case")
    window.show_section("cases")
    window.cases.list.table.selectRow(0)
    warnings = [t for t in _texts(window.cases.detail) if t.startswith("！")]
    assert len(warnings) == 1 and "LLJC-2026-301 未录入监测结果" in warnings[0], _texts(window.cases.detail)
