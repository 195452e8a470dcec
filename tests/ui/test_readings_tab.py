"""Readings tab: import with format detection, statistics table, chart with limit line and exceedances,
and the mapping dialog for a header the generic importer cannot read."""

from __future__ import annotations

from eco_field import demo
from eco_field.readings import service
from eco_field.store import inspections
from tests.conftest import FIXTURES, needs_fixtures


def open_readings(window, ctx, task_index=0):
    task = demo.demo_tasks()[task_index]
    insp = inspections.create(ctx.db, task.enterprise_id, task.officers, started_at="2026-06-05T08:00")
    window.open_inspection(insp)
    editor = window.inspections.editor
    editor.tabs.setCurrentWidget(editor.readings)
    return insp, editor.readings


@needs_fixtures
def test_detected_format_fills_table_and_chart(window, ctx, dialogs):
    insp, tab = open_readings(window, ctx)
    dialogs.answers.append([FIXTURES / "readings" / "goflux__Gasmet_DX4015_Calcmet.TXT"])
    tab.outlet.setCurrentIndex(0)  # no limit check
    tab.import_button.click()
    assert "calcmet" in tab.message.text().lower()
    series = service.list_series(ctx.db, insp.id)
    assert tab.table.rowCount() == len(series) > 1
    assert tab.table.item(0, 0).text() == series[0]["pollutant"]
    assert tab.chart.points and tab.chart.chart().series()


def test_exceedances_against_the_outlet_limit_are_highlighted(window, ctx, tmp_path):
    sewage = next(i for i, t in enumerate(demo.demo_tasks()) if "污水" in t.title)
    insp, tab = open_readings(window, ctx, sewage)
    assert tab.outlet.currentData() == "DW001"
    export = tmp_path / "cod.csv"
    export.write_text("采样时间,COD(mg/L)\n2026-06-05 09:00,40\n2026-06-05 09:10,62\n2026-06-05 09:20,48\n"
                      "2026-06-05 09:30,75\n", encoding="utf-8")
    tab.import_file(export)
    [series] = service.list_series(ctx.db, insp.id)
    assert series["limit"] == 50 and series["exceed_count"] == 2
    assert len(tab.chart.exceedances) == 2 and [y for _x, y in tab.chart.exceedances] == [62, 75]
    names = [s.name() for s in tab.chart.chart().series()]
    assert any("50" in n for n in names) and any("2" in n for n in names[2:])
    assert tab.table.item(0, 8).text() == "2"


def test_unreadable_header_opens_the_mapping_dialog(window, ctx, tmp_path):
    insp, tab = open_readings(window, ctx)
    export = tmp_path / "odd.csv"
    export.write_text("记录,甲,乙\n1,2026-06-05 09:00,12.5\n2,2026-06-05 09:01,13.0\n3,2026-06-05 09:02,14.1\n",
                      encoding="utf-8")
    tab.outlet.setCurrentIndex(0)
    tab.import_file(export)
    dialog = tab.mapping_dialog
    assert [dialog.roles["time"].itemText(i) for i in range(dialog.roles["time"].count())][1:] == ["记录", "甲", "乙"]
    dialog.roles["time"].setCurrentIndex(dialog.roles["time"].findData("甲"))
    code, column = dialog.wide[0]
    code.setText("SO2")
    column.setCurrentIndex(column.findData("乙"))
    dialog.profile.setText("甲乙表")
    dialog.accept()
    [series] = service.list_series(ctx.db, insp.id)
    assert series["pollutant"] == "SO2" and series["n"] == 3
    assert service.load_profile(ctx.db, "甲乙表")["time"] == "甲"


def test_a_skipped_row_is_shown_with_the_source_and_its_time_basis(window, ctx, tmp_path):
    insp, tab = open_readings(window, ctx)
    rows = "".join(f"2026-06-05 09:{m:02d}:00,{20 + m % 5}\n" for m in range(40))
    export = tmp_path / "torn.csv"
    export.write_text("采样时间,二氧化硫(mg/m3)\n" + rows + "2026-06-05 09:4\n" + rows.replace("09:", "10:"),
                      encoding="utf-8")
    tab.outlet.setCurrentIndex(0)
    tab.import_file(export)
    tab.table.setCurrentCell(-1, 0)
    tab.table.setCurrentCell(0, 0)
    notes = [tab.notes.item(i).text() for i in range(tab.notes.count())]
    assert notes[0].startswith("时间依据：") and "Asia/Shanghai" in notes[0]
    assert any(n.startswith("第 42 行") and "跳过" in n for n in notes)
    assert "torn.csv" in tab.notes_title.text()


def test_undecidable_dates_ask_for_the_time_format(window, ctx, dialogs, tmp_path):
    insp, tab = open_readings(window, ctx)
    export = tmp_path / "dm.csv"
    export.write_text("采样时间,二氧化硫(mg/m3)\n05/06/2026 10:00:00,20\n05/06/2026 10:00:10,21\n", encoding="utf-8")
    tab.outlet.setCurrentIndex(0)
    dialogs.answers.append("%d/%m/%Y %H:%M:%S")
    tab.import_file(export)
    kind, _title, text = dialogs.shown[-1]
    assert kind == "get_text" and "“采样时间”" in text
    [series] = service.list_series(ctx.db, insp.id)
    assert series["t_start"] == "2026-06-05T10:00:00+08:00"


def test_the_chart_marks_readings_below_a_minimum_and_outside_a_range(qtbot):
    from ui.readings_chart import ReadingsChart, limit_lines

    samples = [{"t": f"2026-06-05T10:0{i}:00+08:00", "value": v, "converted": v, "ok": True}
               for i, v in enumerate([6.0, 4.8, 5.0, 3.9])]
    do = {"pollutant": "DO", "unit": "mg/L", "limit": 5.0, "limit_unit": "mg/L", "evaluation": {"kind": "min"}}
    chart = ReadingsChart()
    qtbot.addWidget(chart)
    chart.show_series(do, samples)
    assert [y for _x, y in chart.exceedances] == [4.8, 3.9]
    assert limit_lines(do) == ("≥5", [5.0])
    ph = {"pollutant": "PH", "unit": "", "limit": 9.0, "limit_unit": "",
          "evaluation": {"kind": "range", "low": 6.0, "high": 9.0}}
    chart.show_series(ph, [dict(s, value=v, converted=v) for s, v in zip(samples, [7.0, 5.5, 9.0, 9.4], strict=True)])
    assert [y for _x, y in chart.exceedances] == [5.5, 9.4]
    assert limit_lines(ph) == ("6–9", [6.0, 9.0])
    assert sum(1 for s in chart.chart().series() if "6–9" in s.name()) == 2
