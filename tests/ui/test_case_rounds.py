"""The 办案程序 tab shows each 按日连续处罚 round as the procedure counts it (the same numbers as `eco-field cases
next`): the round, its 复查, the days and the amount, and whether its decision is made; read-only. Its heading
「现在可以办理」 stays in view however far the list of closed steps is scrolled."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView

from eco_field.documents import service
from eco_field.law import case_steps, cases, procedure
from tests.law.procedure_helpers import ago, allow_roles, recent_case


def _decided_and_ordered(ctx, tmp_path) -> str:
    """A fine of 100,000 decided and served 47 days ago, the order to correct issued and served the same day."""
    allow_roles(ctx.ws)
    db = ctx.db
    cid = recent_case(ctx.ws, tmp_path, ("AIR-02",), days_ago=60)["id"]
    case_steps.approve(db, cid, "filing", "李建国", "局负责人", ago(59))
    cases.record_event(db, cid, "filed", ago(59))
    cases.assess(db, cid, {"impact": "small"}, amount=100000, reason="首次超标")
    report = tmp_path / "report.pdf"
    report.write_bytes(b"%PDF-1.4 monitoring report scan\n%%EOF\n")
    case_steps.attach_monitoring_report(ctx.ws, cid, "JC-07", "山西省生态环境监测中心", ago(57), report)
    cases.record_event(db, cid, "investigated", ago(55))
    service.render(ctx.ws, "penalty-notice", case_id=cid, issued_on=ago(50))
    cases.record_event(db, cid, "notified", ago(50))
    cases.record_event(db, cid, "waived", ago(49), "当事人书面放弃陈述申辩")
    case_steps.approve(db, cid, "decision", "李建国", "局负责人", ago(48))
    service.render(ctx.ws, "penalty-decision", case_id=cid, issued_on=ago(48))
    cases.record_event(db, cid, "decided", ago(48))
    cases.record_event(db, cid, "served", ago(47))
    service.render(ctx.ws, "rectification-order", case_id=cid, issued_on=ago(47))
    cases.record_event(db, cid, "order_served", ago(47))
    return cid


def _round(ctx, cid: str, recheck: int, decide: int | None) -> None:
    cases.record_event(ctx.db, cid, "recheck_violation", ago(recheck), "暗查：仍超标排放", {"evidence": "复查笔录"})
    service.render(ctx.ws, "daily-penalty-notice", case_id=cid, issued_on=ago(recheck))
    cases.record_event(ctx.db, cid, "daily_notified", ago(recheck))
    if decide is not None:
        cases.record_event(ctx.db, cid, "waived", ago(decide + 1))
        case_steps.approve(ctx.db, cid, "legal_review", "王法制", "法制审核人员", ago(decide))  # over 1,000,000 元
        case_steps.approve(ctx.db, cid, "collective", "李建国", "局负责人", ago(decide))
        case_steps.approve(ctx.db, cid, "decision", "李建国", "局负责人", ago(decide))
        service.render(ctx.ws, "daily-penalty-decision", case_id=cid, issued_on=ago(decide))
        cases.record_event(ctx.db, cid, "daily_decided", ago(decide))


def test_the_daily_penalty_rounds_are_shown_read_only_as_the_procedure_counts_them(window, ctx, tmp_path, qtbot):
    cid = _decided_and_ordered(ctx, tmp_path)
    ctx.hub.announce("case")
    window.show_section("cases")
    screen = window.cases
    screen.list.table.selectRow(0)
    detail = screen.detail
    assert detail.case.id == cid
    screen.side.setCurrentWidget(detail.procedure_page)
    rounds = detail.daily_rounds
    assert not rounds.isVisibleTo(detail.procedure_page)  # no 复查 has found the violation continuing yet

    # round 1 decided (19 days: from the day after the order's service to its 复查), round 2 not decided yet
    _round(ctx, cid, recheck=28, decide=12)
    _round(ctx, cid, recheck=6, decide=None)
    ctx.hub.announce("case")
    assert rounds.isVisibleTo(detail.procedure_page)
    assert rounds.title() == "按日连续处罚"
    headers = [rounds.table.horizontalHeaderItem(c).text() for c in range(rounds.table.columnCount())]
    assert headers == ["轮次", "复查日期", "计罚期间", "计罚日数", "罚款金额（元）", "决定日期"]
    assert rounds.rows() == [
        ["第1轮", ago(28), f"{ago(46)} — {ago(28)}", "19日", "1,900,000.00", ago(12)],
        ["第2轮", ago(6), f"{ago(27)} — {ago(6)}", "22日", "2,200,000.00", "尚未决定"]]
    # the same figures as the command line's `cases next` (one place counts them)
    counted = procedure.next_steps(ctx.db, cid)["daily_rounds"]
    assert [(r["round"], r["days"], r["amount"]) for r in counted] == [(1, 19, 1900000), (2, 22, 2200000)]
    assert rounds.table.editTriggers() == QAbstractItemView.EditTrigger.NoEditTriggers

    # the heading of the open steps is a label above the list: scrolled to the last closed step, still in view
    steps = detail.next_steps
    window.resize(1280, 800)
    steps.scrollToBottom()
    assert steps.verticalScrollBar().value() > 0  # the list did scroll
    assert steps.heading.text().startswith("现在可以办理") and steps.heading.isVisibleTo(detail.procedure_page)
    assert steps.heading.geometry().bottom() <= steps.geometry().top()
    assert not any(steps.item(r).text().startswith("现在可以办理") for r in range(steps.count()))
    window.grab().save(str(tmp_path / "case_rounds.png"))  # to look at it as an officer would
