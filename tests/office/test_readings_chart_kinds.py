"""The console's readings bars mark a series out of bounds as the laptop evaluated it: a DO below its minimum
and a pH outside its range are marked (with the decision's words), a DO whose highest reading merely lies above
5 mg/L is not; the series come as the laptop syncs them (the readings service's summaries of a real import)."""

from __future__ import annotations

from eco_field.bureau.office.charts import readings_chart
from eco_field.readings import service
from eco_field.records import Enterprise, Limit, Outlet
from eco_field.store import enterprises, inspections
from tests.readings.conftest import OFFICERS, coking_enterprise_id


def test_minimum_and_range_are_marked_by_their_own_side(workspace, tmp_path):
    ent = enterprises.get(workspace.db, coking_enterprise_id())
    ent.outlets.append(Outlet("DW009", "water", [Limit("DO", 5, "mg/L", kind="min"),
                                                 Limit("pH", 9, "", kind="range", low=6, high=9),
                                                 Limit("COD", 50, "mg/L")], "废水总排口"))
    enterprises.upsert(workspace.db, Enterprise.from_dict(ent.to_dict()))
    insp = inspections.create(workspace.db, ent.id, OFFICERS)
    csv = tmp_path / "sonde.csv"
    csv.write_text("时间,溶解氧(mg/L),pH,化学需氧量(mg/L)\n2026-06-05 10:00:00,6.2,7.0,40\n"
                   "2026-06-05 10:05:00,2.0,11.0,45\n", encoding="utf-8")
    series = service.import_file(workspace, insp.id, csv, outlet="DW009")["series"]
    charts = {s["pollutant"]: readings_chart(s) for s in series}
    assert charts["DO"]["over"] and charts["DO"]["words"] == "溶解氧最低值2mg/L，低于标准下限5mg/L"
    assert charts["PH"]["over"] and "超出6～9的范围" in charts["PH"]["words"]
    assert not charts["COD"]["over"] and charts["COD"]["words"] == ""
    assert [charts[c]["limit_text"] for c in ("DO", "PH", "COD")] == ["≥5mg/L", "6～9（无量纲）", "50mg/L"]
    # the highest DO (6.2) lies above the 5 mg/L minimum: that is no exceedance
    assert charts["DO"]["max"] > charts["DO"]["limit"]
