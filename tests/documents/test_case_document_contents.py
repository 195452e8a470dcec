"""The 告知书 and 决定书 read like real decisions, issued at their steps of a real case walk and read back with
pypdfium2: facts, evidence, the violated and the penalty provision with their texts, the benchmark by name and
the factors applied, the amount, the statements and whether adopted, the notice's number and date — and never
the calculator's working, internal catalog ids or pre-check notes. （听证） only where the hearing right applies."""

from __future__ import annotations

from eco_field.law import case_steps, cases
from tests.documents.case_walk import (
    approve,
    assert_all_verify,
    assert_clean,
    file_and_investigate,
    issue,
    opened,
)
from tests.law.procedure_helpers import ago


def test_a_fine_with_a_hearing_reads_like_a_real_decision(ready, tmp_path):
    ws = ready
    case_id = opened(ws, tmp_path, factors={"impact": "major", "duration": "gt12m"})
    texts = file_and_investigate(ws, case_id, tmp_path)
    notice, texts["penalty-notice"] = issue(ws, "penalty-notice", case_id, tmp_path)
    cases.record_event(ws.db, case_id, "notified", ago(40))
    amount = cases.get(ws.db, case_id).assessment.amount
    assert amount >= 200000
    text = texts["penalty-notice"]
    for must in ("行政处罚事先（听证）告知书", "《中华人民共和国大气污染防治法》第十八条", "第九十九条第二项",
                 "十万元以上一百万元以下", "《生态环境行政处罚自由裁量基准》", "环境影响程度为“重大”",
                 "要求举行听证", "五日内", "龙凤南路"):
        assert must in text, must
    assert "龙凤南路" in text

    cases.record_event(ws.db, case_id, "hearing_requested", ago(38),
                       "时间：2026年11月20日9时；地点：吕梁市生态环境局第一会议室；主持人：周法制；记录人：吴书记")
    _, texts["hearing-notice"] = issue(ws, "hearing-notice", case_id, tmp_path)
    cases.record_event(ws.db, case_id, "hearing_notified", ago(37))
    cases.record_event(ws.db, case_id, "hearing_held", ago(25),
                       "时间：2026年11月20日9时；地点：吕梁市生态环境局第一会议室；主持人：周法制；记录人：吴书记")
    case_steps.add_statement(ws.db, case_id, ago(25), "超标系除尘布袋突发破损所致，已于次日更换", False,
                             "监测报告显示超标持续三日，并非突发，且布袋破损不免除达标排放义务", at_hearing=True)
    _, texts["hearing-record"] = issue(ws, "hearing-record", case_id, tmp_path)
    approve(ws, case_id, "legal_review", ago(24))
    approve(ws, case_id, "collective", ago(23))
    _, texts["internal-approval"] = issue(ws, "internal-approval", case_id, tmp_path)
    approve(ws, case_id, "decision", ago(22))
    decision, texts["penalty-decision"] = issue(ws, "penalty-decision", case_id, tmp_path)
    cases.record_event(ws.db, case_id, "decided", ago(22))
    cases.record_event(ws.db, case_id, "served", ago(21))
    _, texts["payment-reminder"] = issue(ws, "payment-reminder", case_id, tmp_path, ago(2))
    cases.record_event(ws.db, case_id, "paid", ago(1))
    _, texts["closing-approval"] = issue(ws, "closing-approval", case_id, tmp_path)

    for must in ("听证通知书", "吕梁市生态环境局第一会议室", "周法制", "一至二人代理", "申请回避", "视为放弃听证权利"):
        assert must in texts["hearing-notice"], must
    for must in ("听证笔录", "周法制", "吴书记", "除尘布袋突发破损"):
        assert must in texts["hearing-record"], must
    for must in ("案件处理内部审批表", "除尘布袋突发破损", "不予采纳", "赵法制", "法制审核意见", "集体讨论意见"):
        assert must in texts["internal-approval"], must
    decided = texts["penalty-decision"]
    for must in ("行政处罚决定书", notice["number"], "行政处罚事先（听证）告知书", "依法举行了听证",
                 "《中华人民共和国大气污染防治法》第十八条", "向大气排放污染物的，应当符合大气污染物排放标准",
                 "第九十九条第二项", "《生态环境行政处罚自由裁量基准》", "违法行为持续时间为“12个月以上”",
                 "除尘布袋突发破损", "不予采纳", "并非突发", "中国工商银行吕梁分行", "0508000109024900123",
                 "吕梁市人民政府", "离石区人民法院", "六十日内", "六个月内", "龙凤南路", "王明0358-8223456"):
        assert must in decided, must
    assert "＿" not in decided and "年月日以《" not in decided  # never blanks where the notice belongs
    for must in ("催告书", decision["number"], "百分之三", "十日内", "陈述和申辩", "0508000109024900123"):
        assert must in texts["payment-reminder"], must
    for must in ("结案审批表", decision["number"], "已履行完毕"):
        assert must in texts["closing-approval"], must
    for kind, text in texts.items():
        assert_clean(kind, text)
    assert_all_verify(ws, tmp_path)


def test_below_the_hearing_threshold_the_notice_has_no_hearing_and_the_decision_says_no_statement(ready, tmp_path):
    ws = ready
    case_id = opened(ws, tmp_path, factors={"impact": "medium", "duration": "3to6m"})
    file_and_investigate(ws, case_id, tmp_path)
    notice, text = issue(ws, "penalty-notice", case_id, tmp_path)
    assert cases.get(ws.db, case_id).assessment.amount < 200000
    assert "行政处罚事先告知书" in text and "（听证）" not in text and "听证" not in text
    assert_clean("penalty-notice", text)
    cases.record_event(ws.db, case_id, "notified", ago(40))
    approve(ws, case_id, "decision", ago(30))
    _, decided = issue(ws, "penalty-decision", case_id, tmp_path)
    assert notice["number"] in decided and "《行政处罚事先告知书》" in decided
    assert "未提出陈述、申辩意见" in decided and "听证" not in decided
    assert_clean("penalty-decision", decided)


def _notice_with_the_old_photo(ws, tmp_path, event: str, text: str) -> str:
    """The 告知书 of a case with a monitoring report and a flagged old photo the officer excluded or explained."""
    from tests.law.procedure_helpers import recent_case

    made = recent_case(ws, tmp_path, ("AIR-02",), days_ago=60, flagged=True, facts="颗粒物排放浓度超标")
    case_id = made["id"]
    cases.assess(ws.db, case_id, {"impact": "medium"})
    approve(ws, case_id, "filing", ago(55))
    cases.record_event(ws.db, case_id, "filed", ago(55))
    cases.record_event(ws.db, case_id, "monitoring_report", ago(52), "", {"number": "LLJC-2026-118",
                                                                         "body": "吕梁市生态环境监测中心"})
    cases.record_event(ws.db, case_id, event, ago(51), "", {"evidence_id": made["photos"]["old"], "text": text})
    cases.record_event(ws.db, case_id, "investigated", ago(50))
    return issue(ws, "penalty-notice", case_id, tmp_path)[1]


def test_the_evidence_is_the_monitoring_report_and_the_photos_the_officer_stands_by(ready, tmp_path):
    text = _notice_with_the_old_photo(ready, tmp_path, "evidence_excluded", "拍摄时间和地点与本次检查不符")
    assert "吕梁市生态环境监测中心出具的监测报告（编号：LLJC-2026-118）" in text
    assert "现场照片1张" in text and "现场照片2张" not in text  # the excluded photo is not counted


def test_an_explained_photo_carries_its_explanation(ready, tmp_path):
    text = _notice_with_the_old_photo(ready, tmp_path, "evidence_explained", "该照片系当事人提供的2019年设备安装照片")
    assert "现场照片2张" in text and "执法人员说明：该照片系当事人提供的2019年设备安装照片" in text


def test_the_calculator_check_finds_ids_and_working_between_chinese_characters():
    from tests.documents.case_walk import FORBIDDEN

    for leaked in ("违法行为AIR-02超标", "合计建议罚款：人民币", "免罚预检：尚需查明", "SX-FW-AIR-1"):
        assert FORBIDDEN.search(leaked), leaked
    assert not FORBIDDEN.search("颗粒物PM2.5浓度HJ-2017")
