"""The case screen's monitoring-report form with its results table, as an officer fills it: a bad cell is refused in
Chinese naming the row and the field (nothing attached); the rows typed are saved with the report, the 超标倍数
computed, and the form lists the report with how many results exceed."""

from __future__ import annotations

from eco_field.law import cases, procedure
from tests.law.procedure_helpers import ago, recent_case
from tests.ui.test_case_paths import CaseWalker, _qdate, _report_pdf


def test_the_report_form_saves_its_results(window, ctx, dialogs, tmp_path):
    made = recent_case(ctx.ws, tmp_path, ("AIR-02",), days_ago=60, facts="颗粒物排放浓度超过排放标准")
    cases.record_event(ctx.db, made["id"], "monitoring_report", ago(58), "",
                       {"number": "OLD-1", "body": "旧监测站"})  # attached before results were recorded
    w = CaseWalker(window, ctx, dialogs, made["id"])
    report = w.forms.report_form
    w.forms.open_for("monitoring_report")
    assert w.forms.currentWidget() is report
    assert "未录入监测结果" in report.attached.text()  # the officer sees the old report cannot state the values
    dialogs.answers.append([_report_pdf(tmp_path)])
    report.browse.click()
    report.number.setText("LLJC-2026-0611")
    report.body.setText("吕梁市生态环境监测中心")
    report.day.setDate(_qdate(57))
    report.add_result.click()
    report.results.add_row({"place": "DA001", "pollutant": "颗粒物", "value": "27.4", "unit": "mg/m3", "limit": "20",
                            "standard": "GB 4915-2013", "sampled": ago(58)})
    report.add_result.click()
    report.results.add_row({"place": "DA001", "pollutant": "二氧化硫", "value": "一百二", "unit": "mg/m3",
                            "limit": "100", "standard": "GB 4915-2013"})
    assert report.results.rowCount() == 4  # two blank rows, left out when saved

    text = w.refused(report.button.click, "第2项监测结果", "监测值", "一百二")
    report.results.item(3, 2).setText("80")
    before = w.errors()
    report.button.click()
    w.done(before)

    [_, saved] = procedure.facts(ctx.db, made["id"])["monitoring_reports"]
    assert saved["number"] == "LLJC-2026-0611"
    pm, so2 = saved["results"]
    assert (pm["place"], pm["name"], pm["value"], pm["unit"], pm["limit"]) == ("DA001", "颗粒物", 27.4, "mg/m³", 20)
    assert pm["standard"] == "《水泥工业大气污染物排放标准》（GB 4915-2013）" and pm["sampled"] == ago(58)
    assert pm["exceeds"] and pm["multiple"] == 0.37 and not so2["exceeds"] and so2["multiple"] is None
    assert "监测结果2项，其中超过限值1项" in report.attached.text(), report.attached.text()
    assert report.results.rowCount() == 0 and report.file.text() == ""  # ready for the next report
    assert "第2项" in text
