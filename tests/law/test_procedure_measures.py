"""The linked measures walked through the command line, each document rendered at its step and read back:
责令限制生产 / 责令停产整治 with their own 告知 and hearing (the measure and the 限产 period come from the record),
查封 extension and release (their event, reason and approval recorded first; the notice prints that reason),
and 先行登记保存 with its decision due in 7 working days (《行政处罚法》第五十六条、第八十五条)."""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

from eco_field.documents import service
from eco_field.law import case_steps, cases
from tests import pdftools
from tests.law.procedure_helpers import ago, allow_roles, next_of, ok, recent_case, refused


def _read(path: Path) -> str:
    return re.sub(r"\s+", "", pdftools.text(path))


def _cn(iso: str) -> str:
    d = date.fromisoformat(iso)
    return f"{d.year}年{d.month}月{d.day}日"


def _investigated(workspace, tmp_path, violations=("AIR-02",), days_ago=50, amount=100000) -> str:
    """Filed, assessed (a fine below the hearing threshold), the monitoring report attached, investigated."""
    allow_roles(workspace)
    cid = recent_case(workspace, tmp_path, violations, days_ago=days_ago,
                      facts="焦炉烟囱颗粒物排放浓度超过《炼焦化学工业污染物排放标准》特别排放限值")["id"]
    case_steps.approve(workspace.db, cid, "filing", "李建国", "局负责人", ago(days_ago - 1))
    cases.record_event(workspace.db, cid, "filed", ago(days_ago - 1))
    cases.assess(workspace.db, cid, {"impact": "medium"}, amount=amount, reason="超标时段较长")
    report = tmp_path / "report.pdf"
    report.write_bytes(b"%PDF-1.4 monitoring report scan\n%%EOF\n")
    case_steps.attach_monitoring_report(workspace, cid, "LLJC-2026-201", "吕梁市生态环境监测中心", ago(days_ago - 2),
                                        report)
    cases.record_event(workspace.db, cid, "investigated", ago(days_ago - 10))
    return cid


def test_production_limit_has_its_own_notice_hearing_and_the_recorded_period(cli, workspace, tmp_path):
    cid = _investigated(workspace, tmp_path)
    propose = ("cases", "event", cid, "production_proposed", "--date", ago(39))
    # the measure, its period (≤ 3 months, 限产办法第十五条) and the facts are recorded before anything is put to the party
    refused(cli(*propose, "--note", "颗粒物持续超标"), "--measure")
    refused(cli(*propose, "--measure", "限制生产", "--note", "颗粒物持续超标"), "--months")
    refused(cli(*propose, "--measure", "限制生产", "--months", "4", "--note", "颗粒物持续超标"), "不超过3个月", "第十五条")
    refused(cli(*propose, "--measure", "限制生产", "--months", "两", "--note", "颗粒物持续超标"), "不合法")
    refused(cli(*propose, "--measure", "限制生产", "--months", "2"), "--note")
    refused(cli("documents", "render", "production-notice", "--case", cid), "尚未登记拟责令限制生产或者停产整治")
    refused(cli("documents", "render", "production-limit-order", "--case", cid), "尚未登记拟责令限制生产")
    ok(cli(*propose, "--measure", "限制生产", "--months", "2", "--note", "焦炉烟囱颗粒物排放浓度持续超过排放标准"))
    refused(cli(*propose, "--measure", "停产整治", "--ground-item", "4", "--note", "x"), "尚未作出决定")

    # its own 告知: issued, then served; the order waits for the party's period and the hearing
    refused(cli("cases", "event", cid, "production_notified", "--date", ago(37)), "告知书尚未制作")
    refused(cli("documents", "render", "production-limit-order", "--case", cid), "告知书尚未送达")
    notice_pdf = tmp_path / "notice.pdf"
    ok(cli("documents", "render", "production-notice", "--case", cid, "--date", ago(38), "-o", str(notice_pdf)))
    ok(cli("cases", "event", cid, "production_notified", "--date", ago(37), "--note", "直接送达"))
    refused(cli("documents", "render", "production-notice", "--case", cid), "已送达")
    refused(cli("documents", "render", "production-limit-order", "--case", cid, "--date", ago(36)), "陈述申辩期至")
    # the fine alone gives no hearing (100,000 元), the production limit does (限产办法第十一条)
    ok(cli("cases", "event", cid, "hearing_requested", "--date", ago(35), "--note",
           f"时间：{ago(20)} 9时；地点：本局三楼听证室；主持人：钱主持；记录人：孙记录"))
    hearing_pdf = tmp_path / "hearing.pdf"
    ok(cli("documents", "render", "hearing-notice", "--case", cid, "--date", ago(34), "-o", str(hearing_pdf)))
    ok(cli("cases", "event", cid, "hearing_notified", "--date", ago(34)))
    refused(cli("documents", "render", "production-limit-order", "--case", cid, "--date", ago(27)), "听证")
    ok(cli("cases", "event", cid, "hearing_held", "--date", ago(20), "--note",
           f"时间：{ago(20)} 9时；地点：本局三楼听证室；主持人：钱主持；记录人：孙记录"))
    said = "限产两个月影响供暖合同履行，请求改为一个月"
    ok(cli("cases", "statement", cid, "--date", ago(20), "--text", said, "--hearing"))
    refused(cli("documents", "render", "production-limit-order", "--case", cid, "--date", ago(19)), "尚未复核")
    ok(cli("cases", "statement", cid, "--date", ago(19), "--text", said, "--hearing", "--adopted", "no",
           "--reason", "超标排放持续且整改需更换除尘设施"))
    refused(cli("documents", "render", "production-limit-order", "--case", cid, "--date", ago(19)), "负责人审批")
    ok(cli("cases", "approve", cid, "decision", "--by", "李建国", "--role", "局负责人", "--opinion", "同意限制生产两个月",
           "--date", ago(18)))
    refused(cli("cases", "event", cid, "production_limited", "--date", ago(17)), "责令限制生产决定书尚未制作")
    order_pdf = tmp_path / "order.pdf"
    ok(cli("documents", "render", "production-limit-order", "--case", cid, "--date", ago(18), "-o", str(order_pdf)))
    ok(cli("cases", "event", cid, "production_limited", "--date", ago(17), "--note", "直接送达"))
    events, documents = next_of(cli, cid)
    assert events["production_limited"] == "已作出责令限制生产决定" and documents["production-notice"]
    # 情况复杂的: extended once, by at most 3 months, with the 负责人's approval (限产办法第十五条)
    extend = ("cases", "event", cid, "production_limit_extended", "--date", ago(2))
    refused(cli(*extend, "--months", "4", "--note", "除尘设施改造未完成", "--approved-by", "李建国"), "不超过3个月")
    refused(cli(*extend, "--months", "1", "--note", "除尘设施改造未完成"), "--approved-by")
    ok(cli(*extend, "--months", "1", "--note", "除尘设施改造未完成", "--approved-by", "李建国"))
    refused(cli(*extend, "--months", "1", "--note", "再延", "--approved-by", "李建国"), "只能延长一次")
    from eco_field.law import procedure
    from eco_field.law.procedure_decision import _add_months
    production = procedure.facts(workspace.db, cid)["production"]
    assert production["months"] == 2 and production["limit_end"] == _add_months(date.fromisoformat(ago(17)), 3).isoformat()

    notice, order, hearing = _read(notice_pdf), _read(order_pdf), _read(hearing_pdf)
    for must in ("责令限制生产事先（听证）告知书", "拟责令你单位限制生产", "焦炉烟囱颗粒物排放浓度持续超过排放标准",
                 "限制生产的期限为两个月，自责令限制生产决定书送达之日起计算", "第十五条", "第十一条",
                 "五日内", "要求举行听证的权利", "《环境保护主管部门实施限制生产、停产整治办法》第五条"):
        assert must in notice, must
    assert "三个月" not in notice and "行政处罚事先" not in notice
    notice_number = cli("documents", "list", "--json").json()
    number = next(d["number"] for d in notice_number if d["kind"] == "production-notice")
    assert f"《责令限制生产事先（听证）告知书》（{number}）" in hearing
    for must in ("责令限制生产决定书", number, f"已于{_cn(ago(37))}送达", said, "不予采纳", "超标排放持续且整改需更换除尘设施",
                 f"于{_cn(ago(20))}依法举行了听证", "限制生产的期限为两个月，自本决定书送达之日起计算", "十五个工作日内"):
        assert must in order, must
    assert "三个月，自" not in order


def test_production_halt_refusals_and_a_waived_notice(cli, workspace, tmp_path):
    not_granted = _investigated(workspace, tmp_path / "a", ("AIR-10",))
    refused(cli("cases", "event", not_granted, "production_proposed", "--date", ago(39), "--measure", "停产整治",
                "--ground-item", "1", "--note", "x"), "未规定责令停产整治")
    cid = _investigated(workspace, tmp_path / "b", ("AIR-03",))
    propose = ("cases", "event", cid, "production_proposed", "--date", ago(39), "--measure", "停产整治")
    refused(cli(*propose, "--months", "3", "--ground-item", "1", "--note", "x"), "不写 --months")
    refused(cli(*propose, "--note", "x"), "第六条", "--ground-item")
    refused(cli(*propose, "--ground-item", "9", "--note", "x"), "--ground-item")
    ok(cli(*propose, "--ground-item", "1", "--note", "通过旁路烟道逃避监管排放颗粒物，超过排放标准"))
    notice_pdf = tmp_path / "halt-notice.pdf"
    ok(cli("documents", "render", "production-notice", "--case", cid, "--date", ago(38), "-o", str(notice_pdf)))
    ok(cli("cases", "event", cid, "production_notified", "--date", ago(37)))
    ok(cli("cases", "event", cid, "waived", "--date", ago(36), "--note", "当事人书面放弃陈述、申辩和听证"))
    refused(cli("documents", "render", "production-halt-order", "--case", cid, "--date", ago(36)), "负责人审批")
    ok(cli("cases", "approve", cid, "decision", "--by", "李建国", "--role", "局负责人", "--date", ago(36)))
    order_pdf = tmp_path / "halt-order.pdf"
    ok(cli("documents", "render", "production-halt-order", "--case", cid, "--date", ago(35), "-o", str(order_pdf)))
    refused(cli("cases", "event", cid, "production_halted", "--date", ago(36)), "早于")
    ok(cli("cases", "event", cid, "production_halted", "--date", ago(34)))
    notice, order = _read(notice_pdf), _read(order_pdf)
    for must in ("责令停产整治事先（听证）告知书", "拟责令你单位停产整治", "第六条第一项", "通过旁路烟道逃避监管排放颗粒物",
                 "至停产整治决定解除之日止", "第六十三条"):
        assert must in notice, must
    for must in ("责令停产整治决定书", "第六条第一项", "书面表示放弃陈述、申辩和听证的权利", "至停产整治决定解除之日止"):
        assert must in order, must
    assert "限制生产的期限" not in order and "延长期限不超过三个月" not in order


def test_seizure_extension_and_release_print_the_recorded_reason(cli, workspace, tmp_path):
    allow_roles(workspace)
    cid = recent_case(workspace, tmp_path, ("AIR-03",), days_ago=40)["id"]
    case_steps.approve(workspace.db, cid, "filing", "李建国", "局负责人", ago(39))
    cases.record_event(workspace.db, cid, "filed", ago(39))
    cases.record_event(workspace.db, cid, "seized", ago(35), "查封旁路烟道阀门", {"measure": "查封", "approved_by": "李建国"})
    service.render(workspace, "seizure-decision", case_id=cid, issued_on=ago(35))

    _, documents = next_of(cli, cid)
    assert documents["seizure-extension"].startswith("查封、扣押延期尚未登记")
    refused(cli("documents", "render", "seizure-extension", "--case", cid), "查封、扣押延期尚未登记")
    extend = ("cases", "event", cid, "seizure_extended", "--date", ago(10))
    refused(cli(*extend, "--approved-by", "李建国"), "延长查封、扣押的理由", "--note")
    refused(cli(*extend, "--note", "排放监测报告尚未出具"), "--approved-by")
    ok(cli(*extend, "--note", "排放监测报告尚未出具，需待检测结论", "--approved-by", "李建国"))
    refused(cli("documents", "render", "seizure-extension", "--case", cid, "--date", ago(11)), "早于")
    extension_pdf = tmp_path / "extension.pdf"
    ok(cli("documents", "render", "seizure-extension", "--case", cid, "--date", ago(10), "-o", str(extension_pdf)))

    refused(cli("documents", "render", "seizure-release", "--case", cid), "解除查封、扣押尚未登记")
    refused(cli("cases", "event", cid, "seizure_lifted", "--date", ago(3), "--note", "旁路烟道已拆除封堵"),
            "解除查封、扣押的依据", "第二十八条第一款", "--ground", "1 当事人没有违法行为", "corrected")
    refused(cli("cases", "event", cid, "seizure_lifted", "--date", ago(3), "--ground", "corrected"),
            "解除查封、扣押的事实")
    ok(cli("cases", "event", cid, "seizure_lifted", "--date", ago(3), "--ground", "corrected",
           "--note", "旁路烟道已拆除封堵，不再需要查封"))
    refused(cli("documents", "render", "seizure-extension", "--case", cid), "已经解除")
    release_pdf = tmp_path / "release.pdf"
    ok(cli("documents", "render", "seizure-release", "--case", cid, "--date", ago(3), "-o", str(release_pdf)))
    _, documents = next_of(cli, cid)
    assert documents["seizure-release"] == ""

    extension, release = _read(extension_pdf), _read(release_pdf)
    # 30 days from the day after sealing (law/seizure_period.py: the start day is not counted); the extension
    # adds 30 more
    new_end = (date.fromisoformat(ago(35)) + timedelta(days=60)).isoformat()
    for must in ("查封延期通知书", "因排放监测报告尚未出具，需待检测结论，经我局负责人批准", "延长30日", _cn(new_end)):
        assert must in extension, must
    assert "案情复杂" not in extension
    for must in ("解除查封决定书", "旁路烟道已拆除封堵，不再需要查封。经核查，你单位确已改正违反法律法规规定排放污染物行为，"
                 "属于“其他不再需要采取查封、扣押措施的情形”。",
                 "第二十八条第一款第五项", "第十九条第一项", f"自{_cn(ago(3))}起解除对上述设施、设备的查封"):
        assert must in release, must
    assert "情形已经消失" not in release


def test_preserved_evidence_is_decided_within_seven_working_days(cli, workspace, tmp_path):
    allow_roles(workspace)
    cid = recent_case(workspace, tmp_path, ("AIR-10",), days_ago=40)["id"]
    case_steps.approve(workspace.db, cid, "filing", "李建国", "局负责人", ago(39))
    cases.record_event(workspace.db, cid, "filed", ago(39))
    refused(cli("cases", "event", cid, "preserved", "--date", ago(5), "--note", "生产台账可能被销毁"), "--approved-by")
    ok(cli("cases", "event", cid, "preserved", "--date", ago(5), "--note", "生产台账可能被销毁：台账3册",
           "--approved-by", "李建国"))
    refused(cli("cases", "event", cid, "preserved", "--date", ago(4), "--note", "再次", "--approved-by", "李建国"),
            "尚未作出处理决定")
    refused(cli("cases", "event", cid, "investigated", "--date", ago(4)), "先行登记保存的证据尚未作出处理决定", "前作出")
    refused(cli("cases", "event", cid, "preservation_decided", "--date", ago(4)), "处理决定（--note）")
    ok(cli("cases", "event", cid, "preservation_decided", "--date", ago(4), "--note", "台账复印存档后退还当事人"))
    ok(cli("cases", "event", cid, "investigated", "--date", ago(3)))

    late = recent_case(workspace, tmp_path / "late", ("AIR-10",), days_ago=40)["id"]
    case_steps.approve(workspace.db, late, "filing", "李建国", "局负责人", ago(39))
    cases.record_event(workspace.db, late, "filed", ago(39))
    cases.record_event(workspace.db, late, "preserved", ago(30), "台账", {"approved_by": "李建国"})
    refused(cli("cases", "event", late, "preservation_decided", "--date", ago(5), "--note", "退还"), "届满", "第五十六条")
    deadlines = {d["code"]: d for d in cli("cases", "show", late, "--json").json()["deadlines"]}
    assert deadlines["preservation"]["status"] == "overdue", deadlines["preservation"]


def test_a_halt_is_lifted_only_by_the_filed_completion_after_the_plan(workspace, tmp_path):
    """限产办法第十六、十七条: the plan is filed first; the completion report filed lifts the order from that day."""
    from eco_field.law import procedure
    from eco_field.law.procedure_state import load as load_state

    cid = _investigated(workspace, tmp_path, ("AIR-03",))
    db = workspace.db
    cases.record_event(db, cid, "production_proposed", ago(39), "逃避监管排放颗粒物",
                       data={"measure": "停产整治", "ground_item": "1"})
    service.render(workspace, "production-notice", case_id=cid, issued_on=date.fromisoformat(ago(38)))
    cases.record_event(db, cid, "production_notified", ago(37))
    cases.record_event(db, cid, "waived", ago(36), "当事人书面放弃陈述、申辩和听证")
    case_steps.approve(db, cid, "decision", "李建国", "局负责人", ago(36))
    service.render(workspace, "production-halt-order", case_id=cid, issued_on=date.fromisoformat(ago(35)))
    cases.record_event(db, cid, "production_halted", ago(34))

    def why(code: str, day: str, note: str = "x") -> str | None:
        return procedure.reason_for(load_state(db, cid), code, date.fromisoformat(day), {"note": note})

    assert "尚未报备案整改方案" in why("production_lifted", ago(10))
    assert "早于" in why("production_plan_filed", ago(35))
    assert "整改方案" in why("production_plan_filed", ago(20), "")
    cases.record_event(db, cid, "production_plan_filed", ago(20), "收到整改方案：拆除旁路烟道，更换除尘布袋")
    assert "已经报备案" in why("production_plan_filed", ago(19))
    assert "监测报告" in why("production_lifted", ago(10), "")
    assert why("production_lifted", ago(21)) is not None  # not before the plan
    cases.record_event(db, cid, "production_lifted", ago(10), "整改完成，附监测报告 LLJC-2026-260")
    production = procedure.facts(db, cid)["production"]
    assert production["plan_filed"]["date"] == ago(20) and production["lifted"]["date"] == ago(10)
    assert "没有正在执行" in why("production_lifted", ago(5))
