"""A monitoring report's results as the officer types them (`cases report --result`, the GUI's table): every field
checked, a bad one refused in Chinese naming the result and the field; the 超标倍数 computed by the readings' one
definition; a report whose every result is within its limit does not prove the exceedance, and the notice is
refused; a report attached before results were recorded still opens the notice, with a warning."""

from __future__ import annotations

import pytest

from eco_field.errors import BadInput
from eco_field.law import case_steps, cases, monitoring_results, procedure
from eco_field.readings.units import exceed_multiple
from tests.law.procedure_helpers import ago, allow_roles, recent_case

GOOD = "DA001;二氧化硫;120;mg/m3;100;GB 13223-2011"


def checked(spec: str) -> dict:
    return monitoring_results.check(monitoring_results.parse(spec, 1), 1)


def test_a_result_as_a_decision_states_it():
    result = checked(GOOD + ";2026-10-08")
    assert result["unit"] == "mg/m³" and result["kind"] == "max" and result["sampled"] == "2026-10-08"
    assert monitoring_results.multiple(result) == pytest.approx(exceed_multiple(120, 100)) == pytest.approx(0.2)
    words = monitoring_results.place_text(result) + monitoring_results.wording(result)
    assert words == ("DA001排放口二氧化硫排放浓度为120mg/m³，超过《火电厂大气污染物排放标准》（GB 13223-2011）"
                     "规定的100mg/m³限值0.20倍")


@pytest.mark.parametrize("spec, words", [
    ("总排口;pH;11;无量纲;6～9;GB 8978-1996", "总排口pH值为11（无量纲），超出《污水综合排放标准》（GB 8978-1996）规定的6～9范围"),
    ("W1;溶解氧;2;mg/L;>=5;地表水环境质量标准 GB 3838-2002",
     "W1监测点位溶解氧浓度为2mg/L，低于《地表水环境质量标准》（GB 3838-2002）规定的5mg/L下限"),
    ("厂界东侧;LAeq;65.3;dB(A);60;GB 12348-2008",
     "厂界东侧等效连续A声级为65.3dB(A)，超过《工业企业厂界环境噪声排放标准》（GB 12348-2008）规定的60dB(A)限值5.3dB(A)"),
    ("DA002；烟尘；35；mg/Nm3；30；排污许可证（证书编号91141100MA0000000X001P）",
     "DA002排放口烟尘排放浓度为35mg/m³，超过排污许可证（证书编号91141100MA0000000X001P）规定的30mg/m³限值0.17倍"),
])
def test_each_kind_of_limit_in_words(spec, words):
    result = checked(spec)
    assert monitoring_results.exceeds(result)
    assert monitoring_results.place_text(result) + monitoring_results.wording(result) == words


@pytest.mark.parametrize("spec", ["DA001;二氧化硫;100;mg/m3;100;GB 13223-2011", "W1;溶解氧;5;mg/L;≥5;GB 3838-2002",
                                  "W1;pH;6;无量纲;6-9;GB 8978-1996"])
def test_on_the_limit_is_no_exceedance_and_has_no_multiple(spec):
    result = checked(spec)
    assert not monitoring_results.exceeds(result) and monitoring_results.multiple(result) is None


@pytest.mark.parametrize("spec, words", [
    ("DA001;二氧化硫;120;mg/m3;100", ["第1项监测结果", "应有6项", "现为5项"]),
    ("DA001;二氧化硫;一百二;mg/m3;100;GB 13223-2011", ["监测值", "一百二", "不是数字"]),
    ("DA001;二氧化硫;-3;mg/m3;100;GB 13223-2011", ["监测值", "-3"]),
    ("DA001;二氧化硫;nan;mg/m3;100;GB 13223-2011", ["监测值", "nan"]),
    ("DA001;二氧化硫;120;毫克每方;100;GB 13223-2011", ["单位", "毫克每方", "无法识别"]),
    ("DA001;二氧化硫;120;mg/m3;0;GB 13223-2011", ["限值", "大于0"]),
    ("DA001;二氧化硫;120;mg/m3;9-6;GB 13223-2011", ["限值", "9-6"]),
    ("DA001;二氧化硫;120;mg/m3;百;GB 13223-2011", ["限值", "百"]),
    ("DA001;二氧化硫;120;mg/m3;100;", ["缺少排放标准"]),
    (";二氧化硫;120;mg/m3;100;GB 13223-2011", ["缺少排放口或监测点位"]),
    (GOOD + ";2026-13-01", ["采样日期", "2026-13-01", "YYYY-MM-DD"]),
    (GOOD + ";2999-01-01", ["采样日期", "晚于"]),
])
def test_a_bad_field_is_named_in_chinese(spec, words):
    with pytest.raises(BadInput) as refused:
        checked(spec)
    assert refused.value.exit_code == 2
    for word in words:
        assert word in str(refused.value), str(refused.value)


def test_a_sampling_date_after_the_report_is_refused():
    raw = monitoring_results.parse(GOOD + ";2026-10-09", 3)
    with pytest.raises(BadInput, match="第3项监测结果.*采样日期 2026-10-09 晚于报告日期"):
        monitoring_results.check(raw, 3, report_day=monitoring_results.date(2026, 10, 8))


def test_results_pushed_with_junk_are_left_out_not_printed():
    good = checked(GOOD)
    junk = [{**good, "value": "120"}, {**good, "kind": "avg"}, {**good, "limit": 0}, {**good, "name": None},
            {**good, "kind": "range", "low": 9, "high": 6}, "DA001", None]
    assert monitoring_results.read({"results": [*junk, good]}) == [good]
    assert monitoring_results.read({"results": "DA001;SO2;120"}) == [] == monitoring_results.read(None)


def _filed_exceedance(ws, tmp_path) -> str:
    allow_roles(ws)
    cid = recent_case(ws, tmp_path, ("AIR-02",), days_ago=30, facts="颗粒物排放浓度超过排放标准")["id"]
    case_steps.approve(ws.db, cid, "filing", "李建国", "局负责人", ago(29))
    cases.record_event(ws.db, cid, "filed", ago(29))
    cases.assess(ws.db, cid, {"impact": "small"}, amount=120000, reason="裁量")
    return cid


def _attach(ws, tmp_path, cid: str, number: str, results: list[str]) -> None:
    (tmp_path / f"{number}.pdf").write_bytes(b"%PDF-1.4 scan\n%%EOF\n")
    case_steps.attach_monitoring_report(ws, cid, number, "吕梁市生态环境监测中心", ago(27), tmp_path / f"{number}.pdf",
                                        [monitoring_results.parse(s, i) for i, s in enumerate(results, 1)])


def test_a_report_within_its_limits_does_not_open_the_notice(workspace, tmp_path):
    cid = _filed_exceedance(workspace, tmp_path)
    _attach(workspace, tmp_path, cid, "JC-1", ["DA001;颗粒物;12;mg/m3;20;GB 4915-2013"])
    cases.record_event(workspace.db, cid, "investigated", ago(25))
    with pytest.raises(BadInput, match="均未超过限值"):
        cases.record_event(workspace.db, cid, "notified", ago(20))
    documents = {d["kind"]: d["reason"] for d in procedure.next_steps(workspace.db, cid)["documents"]}
    assert "均未超过限值" in documents["penalty-notice"]
    # a second report that finds the exceedance opens it
    _attach(workspace, tmp_path, cid, "JC-2", ["DA001;颗粒物;27.4;mg/m3;20;GB 4915-2013"])
    documents = {d["kind"]: d["reason"] for d in procedure.next_steps(workspace.db, cid)["documents"]}
    assert "均未超过限值" not in documents["penalty-notice"]
    assert procedure.next_steps(workspace.db, cid)["warnings"] == []


def test_a_report_without_results_still_opens_the_notice_with_a_warning(workspace, tmp_path):
    cid = _filed_exceedance(workspace, tmp_path)
    _attach(workspace, tmp_path, cid, "JC-OLD", [])
    assert "results" not in cases.get(workspace.db, cid).events[-1]["data"]  # stored as reports always were
    cases.record_event(workspace.db, cid, "investigated", ago(25))
    steps = procedure.next_steps(workspace.db, cid)
    assert "监测报告" not in {d["kind"]: d["reason"] for d in steps["documents"]}["penalty-notice"]
    [warning] = steps["warnings"]
    assert "JC-OLD" in warning and "未录入监测结果" in warning


def test_a_bad_result_attaches_nothing(workspace, tmp_path):
    cid = _filed_exceedance(workspace, tmp_path)
    with pytest.raises(BadInput, match="第2项监测结果"):
        _attach(workspace, tmp_path, cid, "JC-3", ["DA001;颗粒物;27.4;mg/m3;20;GB 4915-2013",
                                                   "DA001;二氧化硫;12;mg/m3;20;"])
    assert procedure.facts(workspace.db, cid)["monitoring_reports"] == []
    assert workspace.db.execute("SELECT COUNT(*) FROM evidence WHERE kind = 'monitoring_report'").fetchone()[0] == 0


@pytest.mark.parametrize("typed, printed", [
    ("GB 13223-2011", "《火电厂大气污染物排放标准》（GB 13223-2011）"),  # the number alone: the title from the table
    ("火电厂大气污染物排放标准（GB13223—2011）", "《火电厂大气污染物排放标准》（GB 13223-2011）"),
    ("GB 16171-2012 表6", "《炼焦化学工业污染物排放标准》（GB 16171-2012）表6"),  # as the outlets' limits name it
    ("DB14/T 9999-2020 某地方标准", "《某地方标准》（DB14/T 9999-2020）"),
    ("GB 99999-2030", "GB 99999-2030"),  # an unknown number is printed as it is, never given an invented title
])
def test_the_standard_is_named_as_decisions_name_it(typed, printed):
    assert monitoring_results.standard_text(typed) == printed
