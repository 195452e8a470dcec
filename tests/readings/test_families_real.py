"""Every file of ../shared/fixtures/readings-real, auto-detected and checked against the file by hand.

For each: the importer that recognises it, the parameters and units, a few rows read off the file (line,
instant, value), and statistics — where the instrument wrote its own (KorEXO's MEAN VALUE row, DustTrak's
Mass Average/Minimum/Maximum and Number of Samples), against those.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from eco_field.readings import service
from eco_field.readings.timeparse import iso
from tests.conftest import fixture_file, fixture_files
from tests.readings.conftest import by_series, parse

FOLDER = "readings-real"
EXPECTED = {
    "goflux__Aeris_MIRA_uCH4.txt": "aeris_mira",
    "goflux__GasmetPD_multiplexer.txt": "gasmet_multiplexer",
    "goflux__LGR_UGGA.txt": "lgr_analyser",
    "goflux__LICOR_LI7810.data": "licor_trace_gas",
    "goflux__PPSystems_EGM5.TXT": "ppsystems_egm5",
    "goflux__Picarro_G2508.dat": "picarro",
    "noisesurvey__NTi_XL2_Report.txt": "nti_xl2",
    "noisesurvey__NoiseSentry.csv": "noise_sentry",
    "noisesurvey__Svantek_L259_summary.csv": "svantek",
    "twdbsonde__Eureka_JARD.xls": "eureka_manta",
    "twdbsonde__Eureka_Manta_MCF1.csv": "eureka_manta",
    "twdbsonde__Hydrolab_SAN.txt": "hydrolab",
    "twdbsonde__YSI_EcoWatch_0108BAYT.csv": "ysi_ecowatch",
    "watershedmetabolism__HOBO_U26_DO.csv": "onset_hobo",
    "watershedmetabolism__YSI_EXO_KorEXO_chalgrove.csv": "ysi_exo",
    "woaq__TSI_DustTrak_8530.csv": "tsi_dusttrak",
}


def real(name: str):
    return fixture_file(FOLDER, name)


def utc(*parts: int, ms: int = 0) -> float:
    return datetime(*parts, tzinfo=UTC).timestamp() + ms / 1000


def series_of(ctx, samples, sensor: str) -> list:
    """The samples of the series read from the column headed `sensor`."""
    sid = next(sid for sid, meta in ctx.series.items() if meta.sensor == sensor)
    return by_series(ctx, samples)[sid]


def meta_of(ctx, sensor: str):
    return next(meta for meta in ctx.series.values() if meta.sensor == sensor)


def row(samples: list, line: int) -> tuple:
    return next(s for s in samples if s[1] == line)


@pytest.mark.parametrize("path", [p for p in fixture_files(FOLDER) if p.name != "README.md"], ids=lambda p: p.name)
def test_every_real_file_is_recognised_by_its_own_importer(path):
    assert path.name in EXPECTED, f"a new real file {path.name}: add it here with its importer"
    assert service.sniff(path) == EXPECTED[path.name]


def test_every_real_file_imports_on_its_own_with_its_time_basis_said(workspace, inspection):
    for name, fmt in EXPECTED.items():
        result = service.import_file(workspace, inspection.id, real(name))
        assert result["format"] == fmt, name
        assert result["series"] and all(s["n"] > 0 for s in result["series"]), name
        assert result["time_basis"].startswith("时间依据："), name
        assert result["source"]["assumptions"]["time_basis"]["basis"], name


def test_licor_timezone_header_and_epoch_seconds_decide_the_instant():
    name, ctx, samples = parse(real("goflux__LICOR_LI7810.data"))
    assert ctx.time_basis == {"basis": "epoch_column", "zone": "Europe/Copenhagen", "detail": "SECONDS+NANOSECONDS"}
    co2 = series_of(ctx, samples, "CO2")
    # line 8: DATA 1670229510 836930990 … 2022-12-05 09:38:30 … H2O 6233.8008 CO2 459.38455 CH4 2067.6235
    assert row(co2, 8)[2] == pytest.approx(1670229510.836931)
    assert iso(row(co2, 8)[2], ctx.display_zone).startswith("2022-12-05T09:38:30.836+01:00")
    assert row(co2, 8)[3] == 459.38455
    assert row(series_of(ctx, samples, "CH4"), 8)[3] == 2067.6235 and meta_of(ctx, "CH4").unit == "ppb"
    assert len(co2) == 330 and meta_of(ctx, "CO2").serial == "TG10-01449" and meta_of(ctx, "CO2").model == "LI-7810"


def test_lgr_day_first_milliseconds_and_the_signature_block_is_not_data():
    name, ctx, samples = parse(real("goflux__LGR_UGGA.txt"))
    ch4 = series_of(ctx, samples, "[CH4]_ppm")
    # line 3: Time 28/09/2022 12:10:44.998, [CH4]_ppm 2.00232e+0 — local time in the configured zone (+08:00)
    assert row(ch4, 3)[2] == pytest.approx(utc(2022, 9, 28, 4, 10, 44, ms=998))
    assert row(ch4, 3)[3] == pytest.approx(2.00232)
    assert row(series_of(ctx, samples, "[CO2]d_ppm"), 3)[3] == pytest.approx(428.459)
    assert meta_of(ctx, "[CO2]d_ppm").meta["basis"] == "dry" and meta_of(ctx, "[CH4]_ppm").serial == "3K430000008886"
    assert len(ch4) == 1786  # lines 3..1788; the PGP block from line 1790 is not rows
    assert ctx.options["signature_line"] == 1790
    assert not any("跳过" in str(w) for w in ctx.warnings)


def test_lgr_with_tz_option(workspace, inspection):
    result = service.import_file(workspace, inspection.id, real("goflux__LGR_UGGA.txt"), time_zone="Europe/Copenhagen")
    ch4 = next(s for s in result["series"] if s["sensor"] == "[CH4]_ppm")
    assert ch4["t_start"] == "2022-09-28T12:10:44.998+02:00"
    assert result["source"]["assumptions"]["time_basis"]["basis"] == "tz_option"
    assert "--tz" in result["time_basis"]


def test_aeris_month_first_by_the_instrument_when_the_values_cannot_say():
    name, ctx, samples = parse(real("goflux__Aeris_MIRA_uCH4.txt"))
    ch4 = series_of(ctx, samples, "CH4 (ppm)")
    # line 2: 03/07/2024 11:05:00.477 … CH4 (ppm) 2.07284, C2H6 (ppb) 7.75724; every row is the same day
    assert row(ch4, 2)[2] == pytest.approx(utc(2024, 3, 7, 3, 5, 0, ms=477))
    assert row(ch4, 2)[3] == 2.07284
    assert meta_of(ctx, "C2H6 (ppb)").unit == "ppb" and row(series_of(ctx, samples, "C2H6 (ppb)"), 2)[3] == 7.75724
    assert ctx.options["time_order_decided_by"] == "order"
    assert any("日/月顺序" in str(w) for w in ctx.warnings) is False  # the instrument's order, said in options


def test_gasmet_multiplexer_utc_column_and_chamber():
    name, ctx, samples = parse(real("goflux__GasmetPD_multiplexer.txt"))
    assert ctx.time_basis["basis"] == "utc_column"
    co2 = series_of(ctx, samples, "CO2_ppm")
    assert row(co2, 2)[2] == utc(2022, 7, 15, 13, 11, 34) and row(co2, 2)[3] == pytest.approx(2529.45624029001)
    assert row(co2, 2)[6] == 5  # chamber 5
    assert meta_of(ctx, "H2O_pct").unit == "%VOL"


def test_picarro_space_aligned_epoch_time_and_clock_offset():
    name, ctx, samples = parse(real("goflux__Picarro_G2508.dat"))
    assert ctx.time_basis == {"basis": "epoch_column", "zone": "UTC+01:00", "detail": "EPOCH_TIME"}
    n2o = series_of(ctx, samples, "N2O")
    # line 2: 2023-01-08 09:16:50.161 … EPOCH_TIME 1673165810.161 … N2O 3.1762370398E-01
    assert row(n2o, 2)[2] == pytest.approx(1673165810.161) and row(n2o, 2)[3] == pytest.approx(0.31762370398)
    assert meta_of(ctx, "NH3").unit == "ppb" and len(n2o) == 308


def test_egm5_day_first_two_digit_years_and_event_lines():
    name, ctx, samples = parse(real("goflux__PPSystems_EGM5.TXT"))
    co2 = series_of(ctx, samples, "CO2")
    # line 3: R5,11/10/23,09:23:59,1,584,415,953.1 — 11 October 2023 (the EGM-5 writes dd/mm/yy)
    assert row(co2, 3)[2] == pytest.approx(utc(2023, 10, 11, 1, 23, 59)) and row(co2, 3)[3] == 415
    assert row(co2, 6)[3] == 421 and row(co2, 6)[6] == 6  # M5 … plot 6
    assert {m.sensor for m in ctx.series.values()} == {"CO2", "Pressure", "Tsoil", "Tair"}  # O2/H2O all 0
    assert not any("跳过" in str(w) for w in ctx.warnings)  # Zero/Start/End are the analyser's events


def test_ysi_exo_utf16_against_the_files_own_means_and_ph_mv_is_not_ph():
    name, ctx, samples = parse(real("watershedmetabolism__YSI_EXO_KorEXO_chalgrove.csv"))
    assert [m.sensor for m in ctx.series.values() if m.pollutant == "PH"] == ["pH"]
    assert "pH mV" not in {m.sensor for m in ctx.series.values()}
    do = series_of(ctx, samples, "ODO mg/L")
    # line 11: 3/28/2019,13:15:00,0.0,,0.0,0.0,118.4,118.4,10.71,…,6.42,28.4,20.279
    assert row(do, 11)[2] == pytest.approx(utc(2019, 3, 28, 5, 15)) and row(do, 11)[3] == 10.71
    assert row(series_of(ctx, samples, "pH"), 11)[3] == 6.42
    assert meta_of(ctx, "ODO mg/L").meta["sensor_serial"] == "19A106369"
    # the export's own MEAN VALUE row: Cond 92.3, ODO % sat 117.5, ODO mg/L 12.24, SpCond 118.5, Temp 13.492
    for sensor, mean, digits in (("Cond µS/cm", 92.3, 1), ("ODO % sat", 117.5, 1), ("ODO mg/L", 12.24, 2),
                                 ("SpCond µS/cm", 118.5, 1), ("Temp °C", 13.492, 3)):
        values = [s[3] for s in series_of(ctx, samples, sensor)]
        assert round(sum(values) / len(values), digits) == mean, sensor


def test_ysi_ecowatch_units_row_gives_the_order():
    name, ctx, samples = parse(real("twdbsonde__YSI_EcoWatch_0108BAYT.csv"))
    odo = series_of(ctx, samples, "ODO%")
    assert meta_of(ctx, "ODO%").pollutant == "DO_SAT" and meta_of(ctx, "SpCond").unit == "mS/cm"
    assert row(odo, 3)[2] == pytest.approx(utc(2008, 1, 29, 1, 0)) and row(odo, 3)[3] == 103.2


def test_hydrolab_date_blocks_and_repeated_page_headers():
    name, ctx, samples = parse(real("twdbsonde__Hydrolab_SAN.txt"))
    do = series_of(ctx, samples, "DO")
    units = {m.unit: m.pollutant for m in ctx.series.values() if m.sensor == "DO"}
    assert units == {"%sat": "DO_SAT", "mg/L": "DO"}
    mg = [s for s in samples if ctx.series[s[0]].pollutant == "DO"]
    # Date (MMDDYY) : 051407, line 27: 090000 24.90 0.031 0.0 107.4 8.90 -0.13 15.2&
    assert row(mg, 27)[2] == pytest.approx(utc(2007, 5, 14, 1, 0)) and row(mg, 27)[3] == 8.9
    assert len(do) == 846
    assert not any("跳过" in str(w) for w in ctx.warnings)


@pytest.mark.parametrize("name, line, hour, first", [("twdbsonde__Eureka_Manta_MCF1.csv", 3, 10, 7.47),
                                                     ("twdbsonde__Eureka_JARD.xls", 13, 12, 7.19)])
def test_eureka_csv_and_legacy_xls(name, line, hour, first):
    _, ctx, samples = parse(real(name))
    do = series_of(ctx, samples, "DO")
    assert meta_of(ctx, "DO").unit == "mg/L" and meta_of(ctx, "SC").pollutant == "SPCOND"
    assert meta_of(ctx, "SC").unit == "µS/cm" and meta_of(ctx, "Temp.").unit == "°C"
    assert row(do, line)[2] == pytest.approx(utc(2007, 2, 22, hour - 8, 0)) and row(do, line)[3] == first


def test_eureka_xls_serial_from_its_preamble():
    _, ctx, _ = parse(real("twdbsonde__Eureka_JARD.xls"))
    assert meta_of(ctx, "DO").serial == "17837"


def test_hobo_header_offset_twelve_hour_clock_and_year_first():
    name, ctx, samples = parse(real("watershedmetabolism__HOBO_U26_DO.csv"))
    assert ctx.time_basis["basis"] == "file_header" and ctx.display_zone == "UTC-05:00"
    do = series_of(ctx, samples, "DO conc")
    # line 3: 1,20-03-06 11:40:00 AM,8.36,24.02 with "Date Time, GMT-05:00"; line 7: 12:00:00 PM is noon
    assert row(do, 3)[2] == utc(2020, 3, 6, 16, 40) and row(do, 3)[3] == 8.36
    assert row(do, 7)[2] == utc(2020, 3, 6, 17, 0)
    assert meta_of(ctx, "DO conc").serial == "20781165" and len(do) == 4337


def test_dusttrak_elapsed_seconds_from_the_preamble_start_and_its_own_statistics():
    name, ctx, samples = parse(real("woaq__TSI_DustTrak_8530.csv"))
    assert ctx.time_basis["basis"] == "elapsed_plus_start"
    mass = series_of(ctx, samples, "Mass [mg/m3]")
    # Test Start 07/17/2014 12:40:35 PM; line 21: 1,0.008 → one second later
    assert row(mass, 21)[2] == pytest.approx(utc(2014, 7, 17, 4, 40, 36)) and row(mass, 21)[3] == 0.008
    values = [s[3] for s in mass]
    # the preamble: Number of Samples 3197, Mass Average 0.006, Minimum 0.000, Maximum 0.052 [mg/m3]
    assert len(values) == 3197 and round(sum(values) / len(values), 3) == 0.006
    assert min(values) == 0.0 and max(values) == 0.052
    assert meta_of(ctx, "Mass [mg/m3]").serial == "8530100707"


def test_xl2_report_zone_and_a_weighted_levels():
    name, ctx, samples = parse(real("noisesurvey__NTi_XL2_Report.txt"))
    assert ctx.display_zone == "UTC+01:00"
    laeq = series_of(ctx, samples, "LAeq")
    # line 25: 2025-06-03 13:10:00 … LASmax 69.7 … LAeq 60.1 (Time Zone: UTC+01:00)
    assert laeq[0][1] == 25 and laeq[0][2] == utc(2025, 6, 3, 12, 10) and laeq[0][3] == 60.1
    assert meta_of(ctx, "LAeq").unit == "dB(A)" and meta_of(ctx, "LASmax").pollutant == "LAmax"
    assert meta_of(ctx, "LAeq").serial == "A2A-15892-E0"


def test_noise_sentry_energy_average_and_day_night(workspace, inspection):
    path = real("noisesurvey__NoiseSentry.csv")
    result = service.import_file(workspace, inspection.id, path)
    laeq = next(s for s in result["series"] if s["pollutant"] == "LAeq")
    values = []
    for text in path.read_text().splitlines()[1:]:
        values.append(float(text.split(",")[1]))
    import math

    energy = 10 * math.log10(sum(10 ** (v / 10) for v in values) / len(values))
    assert laeq["n"] == len(values) == 1504
    assert laeq["mean"] == pytest.approx(energy, abs=0.01)
    assert laeq["mean"] > sum(values) / len(values) + 3  # not the arithmetic mean of the dB values
    noise = laeq["meta"]["noise"]
    assert noise["averaging"] == "energy" and noise["day"]["n"] + noise["night"]["n"] == 1504
    assert noise["day"]["hours"] == "06:00-22:00"
    assert laeq["t_start"] == "2025-05-29T15:30:00+08:00"


def test_svantek_three_row_header():
    name, ctx, samples = parse(real("noisesurvey__Svantek_L259_summary.csv"))
    laeq = series_of(ctx, samples, "LAeq(SR) [dB]")
    # line 6: 2025-05-07 12:30:00 … LCpeak 129.39 … LAFmax 100.47 … LAeq 74.47 … histogram L10 59.9 L50 41.8 L90 20.8
    assert row(laeq, 6)[3] == 74.47 and row(series_of(ctx, samples, "LCpeak(SR) [dB]"), 6)[3] == 129.39
    assert row(series_of(ctx, samples, "LAeq Histogram (SR) [dB] L10"), 6)[3] == 59.9
    assert row(series_of(ctx, samples, "LAeq Histogram (SR) [dB] L50"), 6)[3] == 41.8
    assert row(series_of(ctx, samples, "LAeq Histogram (SR) [dB] L90"), 6)[3] == 20.8
    assert len(laeq) == 554
