"""Issue 13 in the window: the linked measures walked through the case screen's event form, whose fields are
those the core describes for each event (case_steps.event_fields): 查封 (measure, ground of 办法第四条,
approver) → extension → release → 按日连续处罚, and 限制生产 (measure, months) with its own 告知 and order.
Refusals come back in Chinese naming the form's field, never a command-line option; each document is made
at its step from the documents tab and read back."""

from __future__ import annotations

import re
from pathlib import Path

from eco_field.law import case_steps, cases, procedure
from tests import pdftools
from tests.law.procedure_helpers import ago, allow_roles, recent_case
from tests.ui.test_case_paths import CaseWalker, _qdate


def _read(doc: dict) -> str:
    return re.sub(r"\s+", "", pdftools.text(Path(doc["path"])))


def _event(w: CaseWalker, code: str, days_ago: int, check: bool = True, **values: str) -> None:
    """Choose the event, fill the fields it shows (by the core's keys), record it."""
    w.screen.side.setCurrentWidget(w.detail.procedure_page)
    w.forms.setCurrentIndex(0)
    w.forms.event_kind.setCurrentIndex(w.forms.event_kind.findData(code))
    details = w.forms.details
    assert details.code == code
    details.clear()  # what a refused try left typed
    shown = {key for key, widget in details.widgets.items() if widget.isVisibleTo(w.forms)}
    assert set(values) <= shown, (code, shown)
    for key, value in values.items():
        widget = details.widgets[key]
        if key in ("measure", "ground_item", "ground", "scope"):
            index = widget.findData(value)
            assert index >= 0, (key, value)
            widget.setCurrentIndex(index)
        elif key == "months":
            widget.setValue(int(value))
        else:
            widget.setText(value)
    w.forms.event_date.setDate(_qdate(days_ago))
    before = w.errors()
    w.forms.add_event.click()
    if check:
        w.done(before)


def _prepared(ctx, tmp_path, violations: tuple[str, ...], days_ago: int) -> str:
    """Filed (approval first), assessed, the monitoring report attached: the steps the other tests walk."""
    allow_roles(ctx.ws)
    cid = recent_case(ctx.ws, tmp_path, violations, days_ago=days_ago,
                      facts="焦炉烟囱颗粒物排放浓度超过《炼焦化学工业污染物排放标准》特别排放限值")["id"]
    case_steps.approve(ctx.db, cid, "filing", "李建国", "局负责人", ago(days_ago - 1))
    cases.record_event(ctx.db, cid, "filed", ago(days_ago - 1))
    report = tmp_path / "report.pdf"
    report.write_bytes(b"%PDF-1.4 monitoring report scan\n%%EOF\n")
    case_steps.attach_monitoring_report(ctx.ws, cid, "LLJC-2026-201", "吕梁市生态环境监测中心", ago(days_ago - 2),
                                        report)
    return cid


def test_seizure_then_daily_penalty_walked_through_the_window(window, ctx, dialogs, tmp_path):
    cid = _prepared(ctx, tmp_path, ("AIR-02",), 60)
    w = CaseWalker(window, ctx, dialogs, cid)
    # the exceedance article grants no seizure: refused until the officer names the item of 办法第四条
    said = w.refused(lambda: _event(w, "seized", 58, False, measure="查封", approved_by="李建国",
                                    note="颗粒物排放浓度超标4倍"), "第四条")
    assert "--" not in said
    _event(w, "seized", 58, measure="查封", ground_item="6", approved_by="李建国",
           note="颗粒物排放浓度超标4倍，周边村庄受影响")
    seizure = w.document("seizure-decision", 58)
    # the extension needs the 负责人's approval: the form's field is named, not --approved-by
    said = w.refused(lambda: _event(w, "seizure_extended", 30, False, note="检测报告尚未出具"), "“批准的负责人”")
    assert "--" not in said
    _event(w, "seizure_extended", 30, note="检测报告尚未出具，需待检测结论", approved_by="李建国")
    extension = w.document("seizure-extension", 30)

    cases.assess(ctx.db, cid, {"impact": "small"}, amount=100000, reason="首次超标")
    _event(w, "investigated", 55)
    w.document("penalty-notice", 50)
    _event(w, "notified", 50)
    _event(w, "waived", 49, note="当事人书面放弃陈述申辩")
    w.approve("decision", 48)
    w.document("penalty-decision", 48)
    _event(w, "decided", 48)
    _event(w, "served", 47)
    # the order is served only once its 责令改正违法行为决定书 is made (the next steps offer it)
    w.refused(lambda: _event(w, "order_served", 47, False), "责令改正违法行为决定书尚未制作")
    w.document("rectification-order", 47)
    _event(w, "order_served", 47)
    # the 查封 still stops the discharge: a 复查 now proves no refusal (按日办法第二十条)
    w.refused(lambda: _event(w, "recheck_violation", 28, False, note="暗查：仍超标排放", evidence="复查笔录"),
              "第二十条")
    # the release needs its reason, which the 解除决定书 prints
    w.refused(lambda: _event(w, "seizure_lifted", 46, False), "解除")
    # and its ground, an item of 行政强制法第二十八条第一款 picked by the form (named by the form's field)
    said = w.refused(lambda: _event(w, "seizure_lifted", 46, False, note="已作出处罚决定，不再需要查封"),
                     "“解除依据”", "第二十八条第一款")
    assert "--" not in said
    _event(w, "seizure_lifted", 46, ground="decided", note="已作出处罚决定，不再需要查封")
    release = w.document("seizure-release", 46)
    # the 复查's evidence is a field of its own, named on screen when left out
    said = w.refused(lambda: _event(w, "recheck_violation", 28, False, note="暗查：仍超标排放"), "“复查证据”")
    assert "--" not in said
    _event(w, "recheck_violation", 28, note="暗查：仍超标排放", evidence="复查现场检查笔录、现场照片2张",
           officers="张三、李四")
    w.document("daily-penalty-notice", 15)
    _event(w, "daily_notified", 15)
    _event(w, "waived", 13, scope="statement_and_hearing")
    w.approve("legal_review", 12, by="王法制", role="法制审核人员")  # 1,800,000 元: 法制审核 and 集体讨论
    w.approve("collective", 12)
    w.approve("decision", 12)
    daily = w.document("daily-penalty-decision", 12)
    _event(w, "daily_decided", 12)
    assert procedure.facts(ctx.db, cid)["daily"]["days"] == 18  # the release day was still the 查封's

    for must in ("查封决定书", "第四条第一款第六项", "决定对你单位造成污染物排放的设施、设备实施查封"):
        assert must in _read(seizure), must
    assert "查封（扣押）" not in _read(seizure)
    assert "检测报告尚未出具，需待检测结论" in _read(extension)
    assert "已作出处罚决定，不再需要查封" in _read(release)
    assert "按日连续处罚决定书" in _read(daily) and "共计18日" in _read(daily), _read(daily)[:1500]
    assert "以上事实有以下证据为凭：复查现场检查笔录、现场照片2张。" in _read(daily)
    shown = [t for kind, _title, t in dialogs.shown if kind == "error"]
    assert not [t for t in shown if "--" in t or "AIR-" in t]


def test_a_production_limit_walked_through_the_window(window, ctx, dialogs, tmp_path):
    cid = _prepared(ctx, tmp_path, ("AIR-02",), 50)
    cases.assess(ctx.db, cid, {"impact": "medium"}, amount=100000, reason="超标时段较长")
    cases.record_event(ctx.db, cid, "investigated", ago(40))
    w = CaseWalker(window, ctx, dialogs, cid)
    # 限制生产 shows its months, 停产整治 the item of 第六条 instead
    w.forms.event_kind.setCurrentIndex(w.forms.event_kind.findData("production_proposed"))
    details = w.forms.details
    details.measure.setCurrentIndex(details.measure.findData("停产整治"))
    assert details.ground_item.isVisibleTo(w.forms) and not details.months.isVisibleTo(w.forms)
    details.measure.setCurrentIndex(details.measure.findData("限制生产"))
    assert details.months.isVisibleTo(w.forms) and not details.ground_item.isVisibleTo(w.forms)
    # the period is at most 3 months (限产办法第十五条): refused in Chinese
    w.refused(lambda: _event(w, "production_proposed", 39, False, measure="限制生产", months="4",
                             note="颗粒物持续超标"), "不超过3个月", "第十五条")
    w.refused(lambda: _event(w, "production_proposed", 39, False, measure="限制生产", note="颗粒物持续超标"),
              "“期限（月）”")
    _event(w, "production_proposed", 39, measure="限制生产", months="2", note="焦炉烟囱颗粒物排放浓度持续超过排放标准")
    w.refused(lambda: _event(w, "production_notified", 37, False), "告知书尚未制作")
    notice = w.document("production-notice", 38)
    _event(w, "production_notified", 37, note="直接送达")
    _event(w, "waived", 36, note="当事人书面放弃陈述、申辩和听证")
    w.approve("decision", 35, opinion="同意限制生产两个月")
    order = w.document("production-limit-order", 35)
    _event(w, "production_limited", 34, note="直接送达")
    assert w.status() != "filed"
    for must in ("责令限制生产事先（听证）告知书", "焦炉烟囱颗粒物排放浓度持续超过排放标准", "限制生产的期限为两个月"):
        assert must in _read(notice), must
    for must in ("责令限制生产决定书", "限制生产的期限为两个月，自本决定书送达之日起计算"):
        assert must in _read(order), must
    # extended once with the 负责人's approval
    w.refused(lambda: _event(w, "production_limit_extended", 2, False, months="1", note="除尘设施改造未完成"),
              "“批准的负责人”")
    _event(w, "production_limit_extended", 2, months="1", note="除尘设施改造未完成", approved_by="李建国")
    assert procedure.facts(ctx.db, cid)["production"]["months"] == 2


def test_preservation_and_a_transfer_take_their_fields(window, ctx, dialogs, tmp_path):
    cid = _prepared(ctx, tmp_path, ("AIR-03",), 20)
    w = CaseWalker(window, ctx, dialogs, cid)
    w.refused(lambda: _event(w, "preserved", 10, False, note="在线监测数据存储卡"), "“批准的负责人”")
    _event(w, "preserved", 10, note="在线监测数据存储卡", approved_by="李建国")
    w.forms.event_kind.setCurrentIndex(w.forms.event_kind.findData("criminal_transfer"))
    label = w.forms.details.form.labelForField(w.forms.details.note).text()
    assert label == "移送的事实和理由"
    assert [e for e in cases.get(ctx.db, cid).events if e["event"] == "preserved"]


def test_the_calculator_saves_a_decided_amount_to_the_fen(window, ctx, dialogs, tmp_path):
    """`cases assess --amount` in the window: yuan with 角/分, checked by the same service (range, ground)."""
    cid = _prepared(ctx, tmp_path, ("AIR-02",), 20)
    w = CaseWalker(window, ctx, dialogs, cid)
    dialog = w.screen.open_calculator(w.detail.case)
    dialog.decided.setText("50000.05")  # below the statutory range (10万) without a legal ground
    assert dialog.amount.text() == "无法计算" and "未写明减轻/不予处罚的法定依据" in dialog.formula.text()
    dialog.save()
    assert w.errors() == 1 and "法定幅度" in w.last_error() and "AIR-" not in w.last_error()
    dialog.decided.setText("1000000.05")  # above it: no ground allows that
    assert "超出法定幅度" in dialog.formula.text() and "上限" in dialog.formula.text()
    assert cases.get(ctx.db, cid).assessment is None
    dialog.decided.setText("十万")
    assert "「十万」不是金额" in dialog.formula.text() and dialog.result is None
    dialog.decided.setText("500000.05")
    dialog.decided_reason.setText("经集体讨论，考虑其整改态度")
    assert "决定罚款：500,000.05 元" in dialog.amount.text()
    dialog.save()
    a = cases.get(ctx.db, cid).assessment
    assert a.amount_fen == 50000005 and a.suggested_amount not in (None, a.amount)
    assert "500,000.05" in w.detail.amount.text()


def test_violations_show_by_their_chinese_name_the_id_in_a_tooltip(window, ctx, dialogs, tmp_path):
    from PySide6.QtCore import Qt

    cid = _prepared(ctx, tmp_path, ("AIR-02",), 20)
    w = CaseWalker(window, ctx, dialogs, cid)
    model, row = w.screen.list.model, w.screen.list.table.currentIndex().row()
    cell = model.index(row, 2)
    assert model.record(row).id == cid
    assert model.data(cell) == "超过大气污染物排放标准或者超过重…"
    assert "AIR-02" in model.data(cell, Qt.ItemDataRole.ToolTipRole)
    item = w.detail.violations.item(0, 0)
    assert "AIR-" not in item.text() and item.text().startswith("超过大气污染物排放标准")
    assert "AIR-02" in item.toolTip()
    # a procedure reason naming a violation (「违法行为 AIR-02 尚无证据」) reaches the window by its name
    from ui.case_steps import screen_text

    shown = screen_text("不能告知：违法行为 AIR-02 尚无证据")
    assert "AIR-" not in shown and "“超过大气污染物排放标准或者超过重…”" in shown
