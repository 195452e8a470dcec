"""Aeris MIRA N2O/CO: no public sample, so this test writes one (SYNTHETIC) in the layout the MIRA analysers
share — `Time Stamp,Inlet Number,P (mbars),…,Tgas(degC),<gas> (ppm)…,Latitude,Longitude`, month-first local
times with milliseconds, `No Data` where there is no GPS fix or no reading — and checks that `readings import`
recognises it on its own and stores what the file says: parameters, units, values, instants, statistics."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from eco_field.readings import service
from tests.readings.conftest import parse

HEADER = ("Time Stamp,Inlet Number,P (mbars),T0 (degC),T1 (degC),T2 (degC),T5 (degC),Tgas(degC),N2O (ppm),"
          "CO (ppm),H2O (ppm),Battery Charge (V),Power Input (mV),Current (mA),SOC (%),TEC Sink Temp (degC),"
          "Wall Code,Latitude,Longitude\n")
# (time stamp, P, Tgas, N2O, CO, H2O, latitude, longitude); 15 April: the day above 12 says month first
ROWS = [
    ("04/15/2025 09:30:00.412", "140.011", "42.4897", "0.334512", "0.152300", "9875.76", "No Data", "No Data"),
    ("04/15/2025 09:30:01.405", "140.002", "42.4906", "0.334871", "0.149800", "9881.32", "31.2304", "121.4737"),
    ("04/15/2025 09:30:02.398", "139.986", "42.4903", "0.335020", "No Data", "9913.29", "31.2305", "121.4738"),
    ("04/15/2025 09:30:03.391", "139.990", "42.4901", "0.334700", "0.160500", "9901.05", "31.2305", "121.4739"),
]


def mira_file(tmp_path, rows=ROWS, torn_tail: str = ""):
    lines = [f"{t},1,{p},42.4897,40.9984,15.2256,54.2501,{tgas},{n2o},{co},{h2o},12480,15104,1629,83,32.1659,0,"
             f"{lat},{lon}\n" for t, p, tgas, n2o, co, h2o, lat, lon in rows]
    path = tmp_path / "MIRA_N2O_CO_20250415.txt"
    path.write_text(HEADER + "".join(lines) + torn_tail, encoding="utf-8")
    return path


def utc(*parts: int, ms: int = 0) -> float:
    return datetime(*parts, tzinfo=UTC).timestamp() + ms / 1000


def test_a_mira_n2o_co_export_is_recognised_on_its_own(tmp_path):
    assert service.sniff(mira_file(tmp_path)) == "aeris_mira"


def test_parameters_units_values_instants_and_statistics_as_the_file_says(workspace, inspection, tmp_path):
    result = service.import_file(workspace, inspection.id, mira_file(tmp_path))
    assert result["format"] == "aeris_mira"
    series = {s["pollutant"]: s for s in result["series"]}
    assert {code: series[code]["unit"] for code in ("N2O", "CO", "H2O", "PRESSURE", "TEMP")} == {
        "N2O": "ppm", "CO": "ppm", "H2O": "ppm", "PRESSURE": "mbar", "TEMP": "°C"}
    assert {(s["instrument"]["make"], s["instrument"]["model"]) for s in result["series"]} == {("Aeris", "MIRA")}
    # naive local times in the configured zone (Asia/Shanghai): 09:30:00.412 there is 01:30:00.412 UTC
    assert result["source"]["assumptions"]["time_basis"]["basis"] == "configured"
    co = service.get_series(workspace.db, series["CO"]["id"], samples=True)
    assert co["t_start"] == "2025-04-15T09:30:00.412+08:00" and co["t_end"] == "2025-04-15T09:30:03.391+08:00"
    assert [(s["line"], s["value"], s["ok"]) for s in co["samples"]] == [
        (2, 0.1523, True), (3, 0.1498, True), (4, None, False), (5, 0.1605, True)]
    assert co["samples"][2]["flag"] == "NODATA"  # the instrument had no reading: flagged, not a number
    assert not any("第 4 行" in w for w in result["warnings"])  # a marker, not an unreadable number
    n2o = service.get_series(workspace.db, series["N2O"]["id"], samples=True)
    assert [s["value"] for s in n2o["samples"]] == [0.334512, 0.334871, 0.33502, 0.3347]
    # statistics over the usable values only (the "No Data" CO row is counted as flagged)
    assert (co["n"], co["flagged"], co["min"], co["max"]) == (3, 1, 0.1498, 0.1605)
    assert co["mean"] == pytest.approx((0.1523 + 0.1498 + 0.1605) / 3)
    assert (n2o["n"], n2o["min"], n2o["max"]) == (4, 0.334512, 0.33502)


def test_the_instant_is_read_in_the_zone_given_with_tz(workspace, inspection, tmp_path):
    result = service.import_file(workspace, inspection.id, mira_file(tmp_path), time_zone="UTC")
    n2o = next(s for s in result["series"] if s["pollutant"] == "N2O")
    assert n2o["t_start"] == "2025-04-15T09:30:00.412+00:00"
    assert result["source"]["assumptions"]["time_basis"]["basis"] == "tz_option"


def test_instants_are_exact_to_the_millisecond(tmp_path):
    name, ctx, samples = parse(mira_file(tmp_path))  # the sample tuples themselves, without a database
    n2o = [s for s in samples if ctx.series[s[0]].pollutant == "N2O"]
    assert name == "aeris_mira" and ctx.options["time_order_decided_by"] == "values"
    assert [s[2] for s in n2o][:2] == [pytest.approx(utc(2025, 4, 15, 1, 30, 0, ms=412)),
                                       pytest.approx(utc(2025, 4, 15, 1, 30, 1, ms=405))]


def test_an_export_cut_off_mid_row_keeps_the_whole_rows_and_says_so(workspace, inspection, tmp_path):
    path = mira_file(tmp_path, torn_tail="04/15/2025 09:30:04.384,1,139.9")
    result = service.import_file(workspace, inspection.id, path)
    n2o = next(s for s in result["series"] if s["pollutant"] == "N2O")
    assert n2o["n"] == 4
    assert any("第 6 行" in w for w in result["warnings"]), result["warnings"]
