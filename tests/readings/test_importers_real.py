"""Each importer against the real instrument files in ../shared/fixtures/readings."""

import pytest

from eco_field.readings import service
from tests.conftest import needs_fixtures
from tests.readings.conftest import REAL, by_series, parse

pytestmark = needs_fixtures  # the instrument files of the third-party corpus

DX4015 = REAL / "goflux__Gasmet_DX4015_Calcmet.TXT"
GT5000 = REAL / "goflux__Gasmet_GT5000_Calcmet.TXT"
HT8850 = REAL / "goflux__HealthyPhoton_HT8850.txt"
DJI_LOG = REAL / "dronevideomeasure__DJI_TXTlogToCSV_P4P_head120.csv"


@pytest.mark.parametrize("path, name", [
    (DX4015, "gasmet_calcmet"), (GT5000, "gasmet_calcmet"), (HT8850, "healthyphoton_ht8850"),
])
def test_sniff_recognises_the_real_files(path, name):
    assert service.sniff(path) == name


def test_calcmet_dx4015_crcrlf_latin1_and_row_status():
    name, ctx, samples = parse(DX4015)
    metas = list(ctx.series.values())
    # 11 components mapped by position; \r\r\n gives no phantom rows: 43 data rows each
    assert [m.pollutant for m in metas][:6] == ["H2O", "CO2", "CH4", "N2O", "NH3", "CO"]
    assert len(metas) == 11
    series = by_series(ctx, samples)
    assert {len(v) for v in series.values()} == {43}
    units = {m.sensor: m.unit for m in metas}
    assert units["Water vapor H2O"] == "%VOL"
    assert units["Interferometer temperature"] == "°C"  # 0xB0 read as latin-1 degree sign
    assert units["Detector temperature"] == "°C"  # the odd '-°C'
    assert units["IFG Center"] == ""
    co2 = next(v for sid, v in series.items() if ctx.series[sid].pollutant == "CO2")
    assert co2[0][3] == pytest.approx(406.08)
    assert co2[0][1] == 2  # physical line 2 even with \r\r\n line ends
    warned_rows = {s[1] for s in co2 if s[5] == "Warning"}
    assert len(warned_rows) == 27  # Status=Warning: kept usable, flagged per sample
    assert all(s[4] == 1 for s in co2)
    assert metas[0].serial == "23729" and metas[0].make == "Gasmet"
    assert metas[0].meta["compensation"] == "wet"


def test_calcmet_gt5000_lf_and_unit_c():
    name, ctx, samples = parse(GT5000)
    metas = list(ctx.series.values())
    assert len(metas) == 9
    assert {m.unit for m in metas if m.pollutant == "TEMP"} == {"°C"}
    assert {len(v) for v in by_series(ctx, samples).values()} == {15}
    assert metas[0].serial == "57297"


def test_ht8850_units_from_column_names():
    name, ctx, samples = parse(HT8850)
    units = {m.pollutant: m.unit for m in ctx.series.values()}
    assert units == {"H2O": "ppm", "CO2": "ppm", "CH4": "ppm", "N2O": "ppb"}
    series = by_series(ctx, samples)
    assert {len(v) for v in series.values()} == {181}
    n2o = next(v for sid, v in series.items() if ctx.series[sid].pollutant == "N2O")
    assert n2o[0][3] == pytest.approx(1146.52)
    assert n2o[1][2] - n2o[0][2] == pytest.approx(1.0)  # 1 Hz, tenths of a second parsed


def test_a_drone_flight_log_is_not_an_instrument_reading(workspace, inspection):
    from eco_field.readings.model import UnreadableHeader

    with pytest.raises(UnreadableHeader) as info:
        service.import_file(workspace, inspection.id, DJI_LOG)
    assert "OSD.latitude" in info.value.columns
    assert "dronevideomeasure__DJI_TXTlogToCSV_P4P_head120.csv" in str(info.value)
    assert "--map" in str(info.value)
