"""The document kinds added for issue 13, each issued at its step of a real case walk and read back with
pypdfium2: 不予行政处罚决定书 (首违不罚), 查封决定书 with its extension and release, 按日连续处罚 with its own
notice, 限产/停产 orders, referrals to the police (detention, crime), internal approval forms."""

from __future__ import annotations

import pytest

from eco_field.errors import BadInput
from eco_field.law import cases
from tests.documents.case_walk import (
    approve,
    assert_all_verify,
    assert_clean,
    file_and_investigate,
    issue,
    opened,
)
from tests.law.procedure_helpers import ago


def cn(iso: str) -> str:
    y, m, d = (int(x) for x in iso.split("-"))
    return f"{y}年{m}月{d}日"

FIRST_VIOLATION = {"first": "yes", "toxic": "no", "exceed_pollutants": "1", "exceed_multiple": "0.05",
                   "exceed_hours": "2", "corrected": "yes"}


def test_a_first_violation_ends_in_a_no_penalty_decision_with_its_grounds(ready, tmp_path):
    ws = ready
    case_id = opened(ws, tmp_path, factors=FIRST_VIOLATION)
    assert cases.get(ws.db, case_id).assessment.decision == "no_penalty"
    texts = file_and_investigate(ws, case_id, tmp_path)
    approve(ws, case_id, "decision", ago(40))
    _, text = issue(ws, "no-penalty-decision", case_id, tmp_path)
    for must in ("不予行政处罚决定书", "吕环不罚〔", "初次违法且危害后果轻微并及时改正", "首违不罚",
                 "《中华人民共和国行政处罚法》第三十三条第一款", "不予行政处罚", "立即改正", "进行教育",
                 "《中华人民共和国大气污染防治法》第十八条", "六十日内", "六个月内", "吕梁市人民政府"):
        assert must in text, must
    for kind, t in {**texts, "no-penalty-decision": text}.items():
        assert_clean(kind, t)
    with pytest.raises(BadInput, match="罚款|不予处罚"):  # a fined case has no 不予处罚 ground
        other = opened(ws, tmp_path / "b", factors={"impact": "medium"})
        file_and_investigate(ws, other, tmp_path / "b")
        issue(ws, "no-penalty-decision", other, tmp_path / "b")


def test_seizure_then_daily_penalty_and_the_measures_of_an_evasion_case(ready, tmp_path):
    ws = ready
    case_id = opened(ws, tmp_path, violations=("AIR-03",), factors={"impact": "medium", "duration": "3to6m"})
    texts = {}
    approve(ws, case_id, "filing", ago(55))
    cases.record_event(ws.db, case_id, "filed", ago(55))
    _, texts["investigation-report"] = issue(ws, "investigation-report", case_id, tmp_path)
    cases.record_event(ws.db, case_id, "investigated", ago(49))
    _, texts["criminal-transfer"] = issue(ws, "criminal-transfer", case_id, tmp_path)
    notice, texts["penalty-notice"] = issue(ws, "penalty-notice", case_id, tmp_path)
    cases.record_event(ws.db, case_id, "notified", ago(48))
    approve(ws, case_id, "decision", ago(40))
    decision, texts["penalty-decision"] = issue(ws, "penalty-decision", case_id, tmp_path)
    cases.record_event(ws.db, case_id, "decided", ago(40))
    cases.record_event(ws.db, case_id, "served", ago(39))
    _, texts["detention-transfer"] = issue(ws, "detention-transfer", case_id, tmp_path)
    order, texts["rectification-order"] = issue(ws, "rectification-order", case_id, tmp_path)
    cases.record_event(ws.db, case_id, "order_served", ago(38))
    cases.record_event(ws.db, case_id, "recheck_violation", ago(24), "暗查现场检查笔录及监测报告LLJC-2026-130",
                       {"evidence": "暗查现场检查笔录及监测报告LLJC-2026-130"})
    daily_notice, texts["daily-penalty-notice"] = issue(ws, "daily-penalty-notice", case_id, tmp_path)
    cases.record_event(ws.db, case_id, "daily_notified", ago(20))
    for step in ("legal_review", "collective", "decision"):  # the round's total is over 1,000,000 元
        approve(ws, case_id, step, ago(10))
    _, texts["daily-penalty-decision"] = issue(ws, "daily-penalty-decision", case_id, tmp_path)
    cases.record_event(ws.db, case_id, "seized", ago(5), "查封旁路烟道阀门", {"measure": "查封", "approved_by": "李局长"})
    _, texts["seizure-decision"] = issue(ws, "seizure-decision", case_id, tmp_path)
    cases.record_event(ws.db, case_id, "seizure_extended", ago(1), "需等待监测报告确认排放情况", {"approved_by": "李局长"})
    _, texts["seizure-extension"] = issue(ws, "seizure-extension", case_id, tmp_path)
    cases.record_event(ws.db, case_id, "seizure_lifted", ago(0), "旁路烟道已拆除，不再需要查封",
                       {"ground": "corrected"})
    _, texts["seizure-release"] = issue(ws, "seizure-release", case_id, tmp_path)
    # 限产 then 停产 (限产办法第六条第四项: still exceeding after a limit), each with its own notice
    for measure, kind, data, day in (("限制生产", "production-limit-order", {"months": "3"}, 9),
                                     ("停产整治", "production-halt-order", {"ground_item": "1"}, 4)):
        cases.record_event(ws.db, case_id, "production_proposed", ago(day), "逃避监管排放大气污染物",
                           {"measure": measure, **data})
        (tmp_path / kind).mkdir()
        _, texts[f"notice {kind}"] = issue(ws, "production-notice", case_id, tmp_path / kind, ago(day))
        cases.record_event(ws.db, case_id, "production_notified", ago(day))
        cases.record_event(ws.db, case_id, "waived", ago(day), "当事人书面放弃陈述、申辩和听证")
        approve(ws, case_id, "decision", ago(day))
        _, texts[kind] = issue(ws, kind, case_id, tmp_path, ago(day))
        cases.record_event(ws.db, case_id, "production_limited" if measure == "限制生产" else "production_halted",
                           ago(day))

    seal = texts["seizure-decision"]
    for must in ("查封决定书", "查封清单", "第四条第一款第四项", "逃避监管的方式违反法律法规规定排放污染物",
                 "《中华人民共和国环境保护法》第二十五条", "30日", "不得擅自启封"):
        assert must in seal, must
    assert "查封（扣押）" not in seal and "扣押决定书" not in seal
    for must in ("查封延期通知书", "第二十五条", "延长30日", "因需等待监测报告确认排放情况"):
        assert must in texts["seizure-extension"], must
    for must in ("解除查封决定书", f"自{cn(ago(0))}起解除对上述设施、设备的查封", "旁路烟道已拆除，不再需要查封",
                 "查封决定书", "解除查封的设施、设备清单"):
        assert must in texts["seizure-release"], must
    amount = cases.get(ws.db, case_id).assessment.amount
    days = 14  # from the day after the order was served (ago 38) to the 复查 (ago 24)
    from eco_field.documents.amounts import figures
    for kind in ("daily-penalty-notice", "daily-penalty-decision"):
        text = texts[kind]
        from eco_field.law.catalog import load_catalog
        for must in (load_catalog()["AIR-03"].violated_article, "第一百二十三条", "第五十九条",
                     "《环境保护主管部门实施按日连续处罚办法》第十七条", "《环境保护主管部门实施按日连续处罚办法》第十九条",
                     decision["number"], "暗查现场检查笔录及监测报告LLJC-2026-130", f"共计{days}日",
                     figures(amount * days)):
            assert must in text, (kind, must)
    assert daily_notice["number"] in texts["daily-penalty-decision"]
    assert "限制生产的期限为三个月" in texts["notice production-limit-order"]
    assert "责令停产整治事先（听证）告知书" in texts["notice production-halt-order"]
    for must in ("责令限制生产决定书", "《环境保护主管部门实施限制生产、停产整治办法》第五条", "限制生产的期限为三个月"):
        assert must in texts["production-limit-order"], must
    for must in ("责令停产整治决定书", "第六条第一项", "十五个工作日内"):
        assert must in texts["production-halt-order"], must
    for must in ("移送行政拘留案件移送书", "吕梁市公安局", "第六十三条第三项", decision["number"], "案件移送审批表",
                 "移送材料清单", "法制机构意见"):
        assert must in texts["detention-transfer"], must
    for must in ("涉嫌环境犯罪案件移送书", "污染环境罪", "法释〔2023〕7号", "吕梁市人民检察院", "移送材料清单"):
        assert must in texts["criminal-transfer"], must
    for kind, text in texts.items():
        assert_clean(kind, text)
    assert_all_verify(ws, tmp_path)


def test_a_seizure_for_a_violation_the_catalog_grants_no_power_needs_a_stated_ground(ready, tmp_path):
    ws = ready
    case_id = opened(ws, tmp_path, factors={"impact": "medium"})  # AIR-02: no seizure power in the catalog
    approve(ws, case_id, "filing", ago(55))
    cases.record_event(ws.db, case_id, "filed", ago(55))
    with pytest.raises(BadInput, match="第四条"):
        cases.record_event(ws.db, case_id, "seized", ago(50), "", {"measure": "扣押", "approved_by": "李局长"})
    cases.record_event(ws.db, case_id, "seized", ago(50), "倾倒含重金属污泥",
                       {"measure": "扣押", "approved_by": "李局长", "ground_item": "1"})
    _, text = issue(ws, "seizure-decision", case_id, tmp_path)
    assert "扣押决定书" in text and "第四条第一款第一项" in text and "含重金属污染物" in text and "查封（扣押）" not in text


def test_a_hearing_notice_names_time_place_and_presider_or_is_refused(ready, tmp_path):
    ws = ready
    case_id = opened(ws, tmp_path, factors={"impact": "major", "duration": "gt12m"})
    file_and_investigate(ws, case_id, tmp_path)
    issue(ws, "penalty-notice", case_id, tmp_path)
    cases.record_event(ws.db, case_id, "notified", ago(40))
    cases.record_event(ws.db, case_id, "hearing_requested", ago(38), "地点：第一会议室")
    with pytest.raises(BadInput, match="时间、主持人"):
        issue(ws, "hearing-notice", case_id, tmp_path)
