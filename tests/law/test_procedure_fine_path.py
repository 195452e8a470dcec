"""A fine with a hearing, walked through the command line the way a 法制审核 officer reads the file: every
step refuses until what it needs is on record, and says what is missing."""

from __future__ import annotations

import json

from tests.law.procedure_helpers import (
    ago,
    allow_roles,
    bureau_details,
    next_of,
    ok,
    pdf_text,
    recent_case,
    refused,
)


def test_fine_with_a_hearing_from_filing_to_closing(cli, workspace, tmp_path):
    case = recent_case(workspace, tmp_path, ("AIR-02",), days_ago=40, flagged=True,
                       facts="焦炉烟囱颗粒物排放浓度超过排放标准")
    cid = case["id"]
    bureau_details(workspace)
    events, documents = next_of(cli, cid)
    assert events["filed"].startswith("立案审批尚未完成") and documents["penalty-decision"] == "案件尚未立案"
    refused(cli("documents", "render", "penalty-decision", "--case", cid), "案件尚未立案")

    # approvals on the laptop only where the settings allow that role here
    refused(cli("cases", "approve", cid, "filing", "--by", "李建国", "--role", "局负责人", "--date", ago(39)),
            "approval_roles_on_device")
    allow_roles(workspace)
    refused(cli("cases", "approve", cid, "filing", "--by", "李建国", "--role", "门卫", "--date", ago(39)), "门卫")
    ok(cli("cases", "approve", cid, "filing", "--by", "李建国", "--role", "局负责人", "--opinion", "同意立案",
           "--date", ago(39)))
    ok(cli("cases", "event", cid, "立案", "--date", ago(39)))
    ok(cli("cases", "assess", cid, "--amount", "250000", "--reason", "超标时段较长", "--factor", "impact=medium"))
    refused(cli("cases", "event", cid, "notified", "--date", ago(33)), "调查尚未终结")
    ok(cli("cases", "event", cid, "investigated", "--date", ago(33)))

    # evidence gates: the flagged photo and the missing monitoring report keep the notice back
    _, documents = next_of(cli, cid)
    assert "old.jpg" in documents["penalty-notice"]
    ok(cli("cases", "photo", cid, case["photos"]["old"], "--exclude", "相机时间未校准，不作为证据", "--date", ago(33)))
    _, documents = next_of(cli, cid)
    assert "监测报告" in documents["penalty-notice"] and "线索" in documents["penalty-notice"]
    report = tmp_path / "report.pdf"
    report.write_bytes(b"%PDF-1.4 monitoring report scan\n%%EOF\n")
    ok(cli("cases", "report", cid, "--number", "LLJC-2026-118", "--body", "吕梁市生态环境监测中心", "--date", ago(36),
           "--file", str(report)))
    refused(cli("cases", "event", cid, "notified", "--date", ago(30)), "行政处罚事先告知书尚未制作")
    ok(cli("documents", "render", "penalty-notice", "--case", cid, "--date", ago(30)))
    ok(cli("cases", "event", cid, "notified", "--date", ago(30)))
    refused(cli("documents", "render", "penalty-notice", "--case", cid), "已告知")

    # the party's period runs: no decision before it ends
    refused(cli("cases", "event", cid, "decided", "--date", ago(29)), "陈述申辩期至", "届满")
    refused(cli("documents", "render", "penalty-decision", "--case", cid), "负责人审批")
    # the request records when, where and who hears; no investigator presides (法 art 64); the notice says so
    request = ("cases", "event", cid, "hearing_requested", "--date", ago(28), "--time", f"{ago(15)} 9时",
               "--place", "本局三楼听证室", "--recorder", "孙记录")
    refused(cli(*request, "--presiding", case["officers"][1]), "本案调查人员")
    ok(cli(*request, "--presiding", "钱主持", "--hearing-officer", "周听证", "--hearing-officer", "吴听证"))
    refused(cli("cases", "event", cid, "hearing_notified", "--date", ago(27)), "听证通知书尚未制作")
    hearing_notice = tmp_path / "hearing-notice.pdf"
    ok(cli("documents", "render", "hearing-notice", "--case", cid, "--date", ago(27), "-o", str(hearing_notice)))
    notice_text = pdf_text(hearing_notice)
    assert "本局三楼听证室" in notice_text and "钱主持" in notice_text and "周听证、吴听证" in notice_text, notice_text
    ok(cli("cases", "event", cid, "hearing_notified", "--date", ago(27)))
    refused(cli("cases", "event", cid, "hearing_held", "--date", ago(26)), "7个工作日")
    # 法 art 64: no investigator presides; one or two agents; then who heard and who spoke, as the record states it
    held = ("cases", "event", cid, "hearing_held", "--date", ago(15), "--recorder", "孙记录")
    refused(cli(*held, "--presiding", case["officers"][0]),
            f"听证主持人{case['officers'][0]}是本案调查人员", "非本案调查人员主持", "第六十四条第四项")
    refused(cli(*held, "--presiding", "钱主持", "--agent", "甲（经理）", "--agent", "乙（律师）", "--agent", "丙"),
            "委托了3名代理人", "一至二人")
    out = cli(*held, "--presiding", "钱主持", "--hearing-officer", "周听证", "--hearing-officer", "吴听证",
              "--agent", "刘代理（公司环保部经理）", "--withdrawal", "否", "--final-statement", "请求从轻处罚", "--json")
    ok(out)
    data = next(e for e in json.loads(out.stdout)["events"] if e["event"] == "hearing_held")["data"]
    assert data == {"presider": "钱主持", "hearing_officers": ["周听证", "吴听证"], "recorder": "孙记录",
                    "representatives": [{"name": "刘代理", "role": "公司环保部经理"}], "withdrawal": "no",
                    "final_statement": "请求从轻处罚"}
    ok(cli("cases", "statement", cid, "--date", ago(15), "--text", "颗粒物超标系除尘布袋破损所致，已更换", "--hearing"))
    refused(cli("cases", "event", cid, "decided", "--date", ago(8)), "尚未复核")
    refused(cli("cases", "statement", cid, "--date", ago(14), "--text", "颗粒物超标系除尘布袋破损所致，已更换",
                "--adopted", "no"), "理由")
    ok(cli("cases", "statement", cid, "--date", ago(14), "--text", "颗粒物超标系除尘布袋破损所致，已更换",
           "--adopted", "no", "--reason", "事后整改不影响违法事实的认定"))

    # a hearing makes the 法制审核 required; an investigator cannot review his own case
    refused(cli("cases", "event", cid, "decided", "--date", ago(8)), "法制审核尚未完成")
    refused(cli("cases", "approve", cid, "legal_review", "--by", case["officers"][0], "--role", "法制审核人员",
                "--date", ago(12)), "不得是本案调查人员")
    ok(cli("cases", "approve", cid, "legal_review", "--by", "王法", "--role", "法制审核人员", "--opinion", "同意",
           "--date", ago(12)))
    refused(cli("cases", "event", cid, "decided", "--date", ago(8)), "负责人审批")
    # 法 art 45: the hearing cannot make the fine heavier than the notice stated, unless notified again
    ok(cli("cases", "assess", cid, "--amount", "300000", "--reason", "听证后认为情节严重", "--factor", "impact=medium"))
    refused(cli("documents", "render", "penalty-decision", "--case", cid, "--draft"), "高于告知书", "250,000.00",
            "第四十五条")
    ok(cli("cases", "assess", cid, "--amount", "250000", "--reason", "超标时段较长", "--factor", "impact=medium"))
    ok(cli("cases", "approve", cid, "decision", "--by", "李建国", "--role", "局负责人", "--opinion", "同意处罚",
           "--date", ago(10)))
    refused(cli("cases", "event", cid, "decided", "--date", ago(8)), "行政处罚决定书尚未制作")
    ok(cli("documents", "render", "penalty-decision", "--case", cid, "--date", ago(8)))
    ok(cli("cases", "event", cid, "decided", "--date", ago(8)))
    # the decided fine is fixed: computing it again is refused, naming the decision
    refused(cli("cases", "assess", cid, "--amount", "200000", "--reason", "重新计算", "--factor", "impact=medium"),
            "处罚决定已经作出", "罚")
    refused(cli("cases", "event", cid, "paid", "--date", ago(7)), "已决定")
    ok(cli("cases", "event", cid, "served", "--date", ago(7)))
    refused(cli("cases", "event", cid, "paid", "--date", ago(-1)), "晚于今天")
    ok(cli("cases", "event", cid, "paid", "--date", ago(2)))
    refused(cli("cases", "event", cid, "closed", "--date", ago(1), "--note", "罚款已缴清"), "结案审批尚未完成")
    ok(cli("cases", "approve", cid, "closing", "--by", "李建国", "--role", "局负责人", "--opinion", "同意结案",
           "--date", ago(1)))
    ok(cli("cases", "event", cid, "closed", "--date", ago(1), "--note", "罚款已缴清，处罚决定已履行完毕"))
    refused(cli("cases", "statement", cid, "--date", ago(0), "--text", "补充意见"), "已结案")

    shown = cli("cases", "show", cid, "--json").json()
    assert shown["status"] == "closed"
    assert [(a["step"], a["by"]) for a in shown["approvals"]] == [
        ("filing", "李建国"), ("legal_review", "王法"), ("decision", "李建国"), ("closing", "李建国")]
    assert shown["statements"][0]["adopted"] is False and shown["statements"][0]["kind"] == "hearing"


def test_status_is_no_longer_set_by_hand(cli, workspace, tmp_path):
    cid = recent_case(workspace, tmp_path)["id"]
    refused(cli("cases", "status", cid, "closed"), "--reason")
    ok(cli("cases", "status", cid, "已销案", "--reason", "录入错误：本案系重复登记"))
    entry = workspace.db.execute("SELECT action, data_json FROM audit_log WHERE entity_id = ? ORDER BY seq DESC"
                                 " LIMIT 1", [cid]).fetchone()
    assert entry[0] == "status_correction" and "重复登记" in entry[1]
    # a corrected status opens no step: the procedure reads the record
    events, _ = next_of(cli, cid)
    assert events["investigated"] == "案件尚未立案"
