"""The 首违不罚 path and a 查封 followed by 按日连续处罚, walked through the command line with their refusals."""

from __future__ import annotations

from eco_field.law import procedure
from tests.law.procedure_helpers import (
    ago,
    allow_roles,
    file_case,
    fine_decided_and_served,
    next_of,
    ok,
    pdf_text,
    recent_case,
    refused,
)


def cn(iso: str) -> str:
    from eco_field.documents.kinds.common import cn_date

    return cn_date(iso)


def test_first_violation_not_punished(cli, workspace, tmp_path):
    allow_roles(workspace)
    cid = recent_case(workspace, tmp_path, ("AIR-10",), days_ago=20)["id"]
    file_case(cli, cid, 19)
    ok(cli("cases", "assess", cid, "--factor", "first=yes", "--factor", "area_m2=150", "--factor", "corrected_days=5"))
    refused(cli("cases", "event", cid, "no_penalty", "--date", ago(12)), "调查尚未终结")
    ok(cli("cases", "event", cid, "investigated", "--date", ago(12)))
    # no 告知书 for a case assessed as not punished; the decision needs the 负责人's approval first
    refused(cli("cases", "event", cid, "notified", "--date", ago(11)), "应作出不予行政处罚决定")
    refused(cli("documents", "render", "no-penalty-decision", "--case", cid), "负责人审批")
    ok(cli("cases", "approve", cid, "decision", "--by", "李建国", "--role", "局负责人", "--opinion", "同意不予处罚",
           "--date", ago(10)))
    refused(cli("cases", "event", cid, "no_penalty", "--date", ago(9)), "不予行政处罚决定书尚未制作")
    ok(cli("documents", "render", "no-penalty-decision", "--case", cid, "--date", ago(9)))
    ok(cli("cases", "event", cid, "no_penalty", "--date", ago(9)))
    refused(cli("cases", "event", cid, "paid", "--date", ago(5)), "不予处罚")
    refused(cli("cases", "event", cid, "closed", "--date", ago(5), "--note", "结案"), "送达")
    ok(cli("cases", "event", cid, "served", "--date", ago(8)))
    # nothing coercive follows a decision not to penalise
    events, _ = next_of(cli, cid)
    assert "不予行政处罚决定" in events["seized"] and "不予行政处罚决定" in events["production_proposed"], events
    ok(cli("cases", "approve", cid, "closing", "--by", "李建国", "--role", "局负责人", "--date", ago(5)))
    ok(cli("cases", "event", cid, "closed", "--date", ago(5), "--note", "不予处罚决定已送达，当事人已改正"))


def test_a_fined_case_cannot_take_the_no_penalty_path(cli, workspace, tmp_path):
    allow_roles(workspace)
    cid = recent_case(workspace, tmp_path, ("AIR-10",), days_ago=20)["id"]
    file_case(cli, cid, 19)
    ok(cli("cases", "assess", cid, "--factor", "first=no"))
    ok(cli("cases", "event", cid, "investigated", "--date", ago(12)))
    events, documents = next_of(cli, cid)
    assert events["no_penalty"].startswith("不予处罚的理由尚未查明")
    assert documents["no-penalty-decision"].startswith("不予处罚的理由尚未查明")


def test_seizure_then_daily_penalty(cli, workspace, tmp_path):
    allow_roles(workspace)
    case = recent_case(workspace, tmp_path, ("AIR-02",), days_ago=60)
    cid = case["id"]
    file_case(cli, cid, 59)
    # no order is served before its 责令改正违法行为决定书 is issued: `cases next` says why and offers the document
    events, documents = next_of(cli, cid)
    assert events["order_served"] == "责令改正违法行为决定书尚未制作", events["order_served"]
    assert documents["rectification-order"] == ""
    refused(cli("cases", "event", cid, "order_served", "--date", ago(58)),
            "不能送达责令改正违法行为决定书：责令改正违法行为决定书尚未制作")
    # the exceedance article grants no seizure: only a stated ground of 办法第四条 with its item
    refused(cli("cases", "event", cid, "seized", "--date", ago(58), "--measure", "查封", "--approved-by", "李建国"),
            "第四条")
    refused(cli("documents", "render", "seizure-decision", "--case", cid), "须先登记查封")
    ok(cli("cases", "event", cid, "seized", "--date", ago(58), "--measure", "查封", "--ground-item", "6",
           "--approved-by", "李建国", "--note", "颗粒物排放浓度超标4倍，周边村庄受影响"))
    refused(cli("cases", "event", cid, "seized", "--date", ago(57), "--measure", "扣押", "--ground-item", "6",
                "--approved-by", "李建国", "--note", "再次"), "尚未解除")
    refused(cli("cases", "event", cid, "seizure_extended", "--date", ago(20), "--note", "检测未完成",
                "--approved-by", "李建国"), "届满")
    ok(cli("cases", "event", cid, "seizure_extended", "--date", ago(30), "--note", "检测未完成",
           "--approved-by", "李建国"))
    refused(cli("cases", "event", cid, "seizure_extended", "--date", ago(29), "--note", "再延",
                "--approved-by", "李建国"), "只能延长一次")

    fine_decided_and_served(cli, cid, tmp_path)
    refused(cli("cases", "event", cid, "recheck_violation", "--date", ago(-3)), "晚于今天")
    refused(cli("cases", "event", cid, "recheck_violation", "--date", ago(10)), "30日内")
    # the seizure still holds: a 复查 while it stops the discharge proves no refusal (按日办法第二十条), named
    refused(cli("cases", "event", cid, "recheck_violation", "--date", ago(28), "--note", "暗查：仍超标排放",
                "--evidence", "复查笔录"), "第二十条", "查封", ago(58))
    refused(cli("documents", "render", "seizure-release", "--case", cid, "--date", ago(46)), "解除查封、扣押尚未登记")
    ok(cli("cases", "event", cid, "seizure_lifted", "--date", ago(46), "--ground", "3", "--note",
           "已作出处罚决定，不再需要查封"))
    ok(cli("documents", "render", "seizure-release", "--case", cid, "--date", ago(46)))
    # the 复查 states its evidence (按日办法第十六条: the decision prints it)
    refused(cli("cases", "event", cid, "recheck_violation", "--date", ago(28), "--note", "暗查：仍超标排放"),
            "--evidence")
    ok(cli("cases", "event", cid, "recheck_violation", "--date", ago(28), "--note", "暗查：仍超标排放",
           "--evidence", "复查现场检查笔录（吕环查〔2026〕88号）、现场照片2张", "--officer", "张三", "--officer", "李四"))
    refused(cli("cases", "event", cid, "daily_notified", "--date", ago(15)), "按日连续处罚事先告知书尚未制作")
    ok(cli("documents", "render", "daily-penalty-notice", "--case", cid, "--date", ago(15)))
    ok(cli("cases", "event", cid, "daily_notified", "--date", ago(15)))
    refused(cli("cases", "event", cid, "daily_decided", "--date", ago(14)), "陈述申辩期至")
    # 1,800,000 元 for this round: 法制审核 and 集体讨论 by the bureau's thresholds, then the 负责人
    refused(cli("documents", "render", "daily-penalty-decision", "--case", cid), "法制审核尚未完成")
    ok(cli("cases", "event", cid, "waived", "--date", ago(13)))
    ok(cli("cases", "approve", cid, "legal_review", "--by", "王法制", "--role", "法制审核人员", "--date", ago(12)))
    refused(cli("documents", "render", "daily-penalty-decision", "--case", cid, "--date", ago(12)), "集体讨论尚未完成")
    ok(cli("cases", "approve", cid, "collective", "--by", "李建国", "--role", "局负责人", "--date", ago(12)))
    refused(cli("documents", "render", "daily-penalty-decision", "--case", cid, "--date", ago(12)), "负责人审批")
    ok(cli("cases", "approve", cid, "decision", "--by", "李建国", "--role", "局负责人", "--date", ago(12)))
    ok(cli("documents", "render", "daily-penalty-decision", "--case", cid, "--date", ago(12), "-o",
           str(tmp_path / "daily.pdf")))
    # the decision states the party's written waiver (the 按日 notice carried a hearing right), never that the
    # party let the period pass without a word
    said = pdf_text(str(tmp_path / "daily.pdf"))
    assert "书面表示放弃陈述、申辩和听证的权利" in said and "未提出陈述、申辩意见" not in said, said
    # the days of the 查封 up to its release are left out of the count, and the 复查's evidence is printed
    flat = said.replace("\n", "")
    assert f"其中{cn(ago(46))}为我局对你单位实施查封期间" in flat and "共计18日" in flat, flat
    assert "以上事实有以下证据为凭：复查现场检查笔录（吕环查〔2026〕88号）、现场照片2张。" in flat
    assert "执法人员张三、李四对你单位进行复查" in flat
    ok(cli("cases", "event", cid, "daily_decided", "--date", ago(12)))
    refused(cli("cases", "statement", cid, "--date", ago(11), "--text", "补充申辩"), "已作出决定")
    daily = procedure.facts(workspace.db, cid)["daily"]
    assert (daily["days"], daily["amount"]) == (18, 18 * 100000)  # up to the re-check, less the 查封's day
