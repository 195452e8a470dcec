"""Unit spellings, ppm -> mg/m³, O2 correction and 超标倍数 against hand-computed values."""

import pytest

from eco_field.readings import pollutants
from eco_field.readings.units import (
    conversion_factor,
    exceed_multiple,
    for_pollutant,
    normalize_unit,
    o2_correct,
    split_name_unit,
)


@pytest.mark.parametrize("text, unit", [
    ("ppm", "ppm"), ("PPM", "ppm"), ("ppb", "ppb"), ("Mg/m3", "mg/m³"), ("mg/m³", "mg/m³"), ("mg/Nm3", "mg/m³"),
    ("ug/m3", "µg/m³"), ("μg/m3", "µg/m³"), ("µg/m³", "µg/m³"), ("vol-%", "%VOL"), ("VOL", "%VOL"),
    ("%vol", "%VOL"), ("LEL", "%LEL"), ("%LEL", "%LEL"), ("℃", "°C"), ("°C", "°C"), ("-°C", "°C"), ("C", "°C"),
    ("mbar", "mbar"), ("%CH4", "%VOL"),
])
def test_unit_spellings(text, unit):
    assert normalize_unit(text) == unit


def test_bare_percent_depends_on_the_pollutant():
    assert for_pollutant("O2", "%") == "%VOL"
    assert for_pollutant("LEL", "%") == "%LEL"
    assert for_pollutant("RH", "%") == "%RH"


def test_ppm_to_mg_m3_at_standard_state():
    # C = M / 22.4 × ppm: SO2 64.06 g/mol -> 2.8598; 10 ppm -> 28.598 mg/m³
    assert conversion_factor("SO2", "ppm", "mg/m³") * 10 == pytest.approx(28.5982, abs=1e-4)
    assert conversion_factor("CO", "ppm", "mg/m³") == pytest.approx(28.01 / 22.4)
    assert conversion_factor("H2S", "ppb", "mg/m³") == pytest.approx(34.08 / 22.4 / 1000)
    assert conversion_factor("SO2", "µg/m³", "mg/m³") == pytest.approx(0.001)
    assert conversion_factor("SO2", "%LEL", "mg/m³") is None
    assert conversion_factor("VOC", "ppm", "mg/m³") is None  # no molar mass for a PID/FID sum


def test_nox_is_expressed_as_no2():
    # 100 ppm NOx as NO2: 46.01 / 22.4 × 100 = 205.40 mg/m³
    assert conversion_factor("NOx", "ppm", "mg/m³") * 100 == pytest.approx(205.4018, abs=1e-4)


def test_reference_oxygen_correction():
    # 100 mg/m³ at 12 % O2 to 8 % reference: 100 × (21 − 8) / (21 − 12) = 144.444
    assert o2_correct(100.0, 12.0, 8.0) == pytest.approx(144.4444, abs=1e-4)
    assert o2_correct(50.0, 3.5, 3.5) == pytest.approx(50.0)
    assert o2_correct(50.0, 21.0, 8.0) is None


def test_exceed_multiple_as_in_the_luliang_decision():
    # 吕环不罚〔2025〕6007号: 20.5304 against 15 mg/m³ -> 0.3687
    assert round(exceed_multiple(20.5304, 15), 4) == 0.3687


@pytest.mark.parametrize("header, name, unit", [
    ("SO2(mg/m3)", "SO2", "mg/m³"), ("二氧化硫浓度（mg/m³）", "二氧化硫浓度", "mg/m³"), ("H2S_ppm", "H2S", "ppm"),
    ("CO2concentration_ppm", "CO2concentration", "ppm"), ("VOCs ppm", "VOCs", "ppm"), ("温度 ℃", "温度", "°C"),
    ("SO2 [ppm]", "SO2", "ppm"), ("Reading Time", "Reading Time", ""),
])
def test_units_in_column_names(header, name, unit):
    assert split_name_unit(header) == (name, unit)


@pytest.mark.parametrize("name, code", [
    ("硫化氢", "H2S"), ("一氧化碳", "CO"), ("可燃气", "LEL"), ("二氧化硫", "SO2"), ("氮氧化物", "NOx"), ("氧气", "O2"),
    ("颗粒物", "PM"), ("PM10", "PM10"), ("PM2.5", "PM2.5"), ("PM1.0", "PM1"), ("OXY", "O2"), ("VOCs", "VOC"),
    ("Carbon monoxide CO", "CO"), ("Water vapor H2O", "H2O"), ("Hydrogen Sulfide (H2S)", "H2S"), ("so2", "SO2"),
    ("SO₂", "SO2"), ("二氧化硫浓度", "SO2"), ("O3+NO2", "O3"), ("温度", "TEMP"), ("湿度", "RH"), ("氨氮", "NH3-N"),
])
def test_pollutant_names(name, code):
    assert pollutants.match(name) == code


def test_limits_that_apply_to_a_series():
    assert "PM" in pollutants.limit_pollutants("PM10")
    assert "PM" in pollutants.limit_pollutants("PM")
    assert "PM" not in pollutants.limit_pollutants("PM2.5")
    assert pollutants.limit_pollutants("NOx") == ("NOx",)


@pytest.mark.parametrize("cell, decimal_comma, expected", [
    ("12.5", False, (12.5, None)), (" 0.17", False, (0.17, None)), ("+87.243", False, (87.243, None)),
    ("1234,57", True, (1234.57, None)), ("1.234,5", True, (1234.5, None)), ("12.5", True, (12.5, None)),
    ("1,234.5", False, (1234.5, None)), ("１２.５", False, (12.5, None)), ("12.5ppm", False, (12.5, None)),
    ("-0.40", False, (-0.4, "negative")), ("OVR", False, (None, "OVR")), ("OVER", False, (None, "OVER")),
    ("---", False, (None, "---")), ("------", False, (None, "------")), ("N/A", False, (None, "N/A")),
    ("-999", False, (None, "-999")), ("-9999.0", False, (None, "-9999.0")), ("NaN", False, (None, "NAN")),
    ("", False, (None, "empty")), (">5000", False, (None, "OVR")), ("<0.01", False, (None, "<LOD:0.01")),
    (3.5, False, (3.5, None)), (None, False, (None, "empty")),
])
def test_cell_values_and_markers(cell, decimal_comma, expected):
    from eco_field.readings.values import parse_value

    assert parse_value(cell, decimal_comma) == expected


@pytest.mark.parametrize("word, expected", [
    ("OK", (1, None)), ("正常", (1, None)), ("", (1, None)), ("Warning", (1, "Warning")), ("HIGH_ALRM", (1, "HIGH_ALRM")),
    ("高报", (1, "高报")), ("OVERFLOW", (0, "OVERFLOW")), ("DET_OFF", (0, "DET_OFF")), ("DET_FAIL", (0, "DET_FAIL")),
    ("超量程", (0, "超量程")), ("故障", (0, "故障")), ("LOW_FLOW", (0, "LOW_FLOW")),
])
def test_status_words(word, expected):
    from eco_field.readings.status import status_flag

    assert status_flag(word) == expected


def test_water_noise_and_dust_parameters_have_codes_and_names():
    from eco_field.readings import pollutants

    assert [pollutants.match(n) for n in ("溶解氧", "ODO mg/L", "Cond µS/cm", "Turbidity FNU", "Chlorophyll RFU",
                                          "ORP mV", "pH", "氨氮", "COD", "Temp °C")] == \
        ["DO", "DO", "COND", "TURB", "CHLA", "ORP", "PH", "NH3-N", "COD", "TEMP"]
    assert pollutants.match("pH mV") is None  # the electrode's millivolts, not a second pH
    assert [pollutants.match(n) for n in ("LEQ", "LAeq", "Lmax", "L10", "L50", "L90", "PM2.5", "PM10", "TSP")] == \
        ["LAeq", "LAeq", "LAmax", "L10", "L50", "L90", "PM2.5", "PM10", "TSP"]
    assert pollutants.label("DO") == "溶解氧" and pollutants.label("LAeq") == "等效连续 A 声级"
    assert pollutants.limit_pollutants("TSP") == ("TSP", "PM")
