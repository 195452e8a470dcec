"""Families without a public sample, from files these tests write (SYNTHETIC, built from the documented
layouts), and what a user relies on when a file is torn, truncated or written in an undecidable date order."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from eco_field.errors import BadInput
from eco_field.readings import service
from eco_field.readings.model import UnreadableHeader
from eco_field.readings.timeparse import AmbiguousDates
from tests.readings.conftest import parse


def utc(*parts: int) -> float:
    return datetime(*parts, tzinfo=UTC).timestamp()


def write(tmp_path, name: str, text: str, encoding: str = "utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def test_licor_li7820_n2o(tmp_path):
    # SYNTHETIC: the LI-7820 writes the LI-7810 layout with N2O (ppb) instead of CO2/CH4
    text = ("Model:\tLI-7820\nSN:\tTG20-01001\nSoftware Version:\t2.3.3\nTimestamp:\t2024-06-01 10:00:00\n"
            "Timezone:\tAsia/Shanghai\n"
            "DATAH\tSECONDS\tNANOSECONDS\tNDX\tDIAG\tREMARK\tDATE\tTIME\tH2O\tN2O\tCAVITY_P\tCAVITY_T\tCHK\n"
            "DATAU\tsecs\tnsecs\tindex\tdiag\t\tdate\ttime\tppm\tppb\tkPa\t°C\tCHK\n"
            "DATA\t1717207200\t500000000\t1\t0\t\"\"\t2024-06-01\t10:00:00\t9000.5\t334.2\t39.7\t55.0\t10\n"
            "DATA\t1717207201\t500000000\t2\t0\t\"\"\t2024-06-01\t10:00:01\t9000.7\t335.0\t39.7\t55.0\t11\n")
    name, ctx, samples = parse(write(tmp_path, "TG20.data", text))
    assert name == "licor_trace_gas"
    n2o = [s for s in samples if ctx.series[s[0]].pollutant == "N2O"]
    assert [s[3] for s in n2o] == [334.2, 335.0] and ctx.series[n2o[0][0]].unit == "ppb"
    assert n2o[0][2] == 1717207200.5 and ctx.display_zone == "Asia/Shanghai"


def test_lgr_n2oi2(tmp_path):
    # SYNTHETIC: the N2O/CO analyser, same layout as the UGGA
    text = ("SN:11-1111 BD:Jan 01 2020 VC:0 MD5:0\n"
            "SysTime,                      Time,      [N2O]_ppm,   [N2O]_ppm_sd,      [CO]_ppm,   [CO]_ppm_sd,"
            "      [H2O]_ppm,   [H2O]_ppm_sd,     [N2O]d_ppm,   [N2O]d_ppm_sd,      GasP_torr,   GasP_torr_sd\n"
            "13/05/2023 09:00:00.100, 13/05/2023 09:00:00.000, 3.30e-1, 0, 1.2e-1, 0, 1.0e+4, 0, 3.33e-1, 0, 8.5e+1, 0\n"
            "13/05/2023 09:00:01.100, 13/05/2023 09:00:01.000, 3.31e-1, 0, 1.3e-1, 0, 1.0e+4, 0, 3.34e-1, 0, 8.5e+1, 0\n")
    name, ctx, samples = parse(write(tmp_path, "n2o.txt", text))
    assert name == "lgr_analyser" and {m.model for m in ctx.series.values()} == {"N2Oi2"}
    co = [s for s in samples if ctx.series[s[0]].pollutant == "CO"]
    assert [s[3] for s in co] == [0.12, 0.13] and co[0][2] == utc(2023, 5, 13, 1, 0, 0)


def test_dusttrak_drx_size_fractions(tmp_path):
    # SYNTHETIC: the DRX writes one column per size fraction; day 13 in the start date decides the order
    text = ("Instrument Name,DustTrak DRX\nModel Number,8533\nSerial Number,8533123456\n"
            "Test Start Time,08:00:00 AM\nTest Start Date,13/06/2024\nTest Interval [M:S],0:10\n\n"
            "Elapsed Time [s],PM1 [mg/m3],PM2.5 [mg/m3],RESP [mg/m3],PM10 [mg/m3],TOTAL [mg/m3],Alarms,Errors\n"
            "10,0.011,0.020,0.031,0.045,0.060,,\n20,0.012,0.021,0.032,0.046,0.061,,\n")
    name, ctx, samples = parse(write(tmp_path, "drx.csv", text))
    assert name == "tsi_dusttrak"
    assert [m.pollutant for m in ctx.series.values()] == ["PM1", "PM2.5", "PM4", "PM10", "TSP"]
    pm25 = [s for s in samples if ctx.series[s[0]].pollutant == "PM2.5"]
    assert pm25[0][2] == utc(2024, 6, 13, 0, 0, 10) and pm25[1][3] == 0.021
    assert not any("粒径" in str(w) for w in ctx.warnings)  # the DRX states each fraction


def test_ysi_6600_ecowatch_with_date_and_time_columns(tmp_path):
    # SYNTHETIC: EcoWatch with separate Date and Time columns, day first as its units row says
    text = ("Date,Time,Temp,SpCond,DO,DO%,pH,pH,Turbid+,Chl\n"
            "d/m/y,hh:mm:ss,C,mS/cm,mg/L,%,,mV,NTU,ug/L\n"
            "05/06/2024,10:00:00,22.1,0.512,6.8,80.1,7.20,-20.1,3.1,2.5\n"
            "05/06/2024,10:15:00,22.3,0.515,4.9,58.0,7.25,-21.0,3.3,2.6\n")
    name, ctx, samples = parse(write(tmp_path, "6600.csv", text))
    assert name == "ysi_ecowatch"
    codes = {m.sensor + "|" + m.unit: m.pollutant for m in ctx.series.values()}
    assert codes == {"Temp|°C": "TEMP", "SpCond|mS/cm": "SPCOND", "DO|mg/L": "DO", "DO%|%sat": "DO_SAT",
                     "pH|": "PH", "Turbid+|NTU": "TURB", "Chl|µg/L": "CHLA"}  # pH in mV is not a second pH
    do = [s for s in samples if ctx.series[s[0]].pollutant == "DO"]
    assert do[1][3] == 4.9 and do[0][2] == utc(2024, 6, 5, 2, 0)


def test_nti_xl2_log_file(tmp_path):
    # SYNTHETIC: the _Log.txt of the same app: a "# Broadband LOG Results" section with one row per interval
    text = ("XL2 Sound Level Meter Broadband Logging:\t\tx_Log.txt\n------\n\n# Hardware Configuration\n"
            "\tDevice Info:    \tXL2, SNo. A2A-00001-E0, FW4.21\n\tTime Zone:      \tUTC+08:00\n\n"
            "# Broadband LOG Results\n\tStart       \t          \n"
            "\tDate        \tTime      \tLAeq    \tLAFmax  \tLAFmin  \n"
            "\t[YYYY-MM-DD]\t[hh:mm:ss]\t[dB]    \t[dB]    \t[dB]    \n"
            "\t2024-06-05  \t21:55:00  \t60.0    \t70.0    \t50.0    \n"
            "\t2024-06-05  \t22:00:00  \t50.0    \t60.0    \t40.0    \n\n#CheckSum\n\tX\n")
    name, ctx, samples = parse(write(tmp_path, "x_Log.txt", text))
    assert name == "nti_xl2"
    laeq = [s for s in samples if ctx.series[s[0]].pollutant == "LAeq"]
    assert [s[3] for s in laeq] == [60.0, 50.0] and laeq[0][2] == utc(2024, 6, 5, 13, 55)


def test_noise_energy_mean_and_night_period(workspace, inspection, tmp_path):
    # SYNTHETIC Noise Sentry rows: 60 and 80 dB average to 77.0 dB, not 70; 22:00 is night
    text = ("Time (Date hh:mm:ss.ms),LEQ dB-A ,Lmax dB-A ,L10 dB-A ,L90 dB-A ,\n"
            "2024/06/05 21:50:00.000,60.0 ,70.0 ,62.0 ,50.0 ,\n"
            "2024/06/05 22:00:00.000,80.0 ,90.0 ,82.0 ,70.0 ,\n")
    result = service.import_file(workspace, inspection.id, write(tmp_path, "ns.csv", text))
    laeq = next(s for s in result["series"] if s["pollutant"] == "LAeq")
    assert laeq["mean"] == pytest.approx(77.03, abs=0.01)
    assert laeq["meta"]["noise"]["day"] == {"leq": 60.0, "n": 1, "hours": "06:00-22:00"}
    assert laeq["meta"]["noise"]["night"] == {"leq": 80.0, "n": 1, "hours": "22:00-06:00"}


# -- torn rows, truncated files, numbers that do not read, dates ------------------------------------------

def rows(n: int, start: int = 0) -> str:
    return "".join(f"2026-06-05 10:{(i // 60):02d}:{i % 60:02d},{20 + i % 7},{10}\n" for i in range(start, start + n))


def test_a_torn_row_mid_file_is_skipped_with_a_warning_naming_its_line(workspace, inspection, tmp_path):
    text = "时间,二氧化硫(mg/m3),氧气(%)\n" + rows(30) + "2026-06-05 10:30:00,2\n" + rows(30, 31)
    result = service.import_file(workspace, inspection.id, write(tmp_path, "torn.csv", text))
    so2 = next(s for s in result["series"] if s["pollutant"] == "SO2")
    assert so2["n"] == 60
    assert any(w.startswith("第 32 行") and "跳过" in w for w in result["warnings"])
    assert result["source"]["assumptions"]["skipped_lines"] == [32]
    listed = service.get_series(workspace.db, so2["id"])
    assert listed["source_id"] == result["source"]["id"]


def test_more_than_five_percent_bad_rows_refuse_the_file(workspace, inspection, tmp_path):
    torn = "".join(f"2026-06-05 11:00:{i:02d},9\n" + rows(5, 100 + 5 * i) for i in range(6))
    text = "时间,二氧化硫(mg/m3),氧气(%)\n" + rows(20) + torn
    with pytest.raises(BadInput) as info:
        service.import_file(workspace, inspection.id, write(tmp_path, "bad.csv", text))
    assert "超过 5%" in str(info.value) and "第 22 行" in str(info.value)


def test_an_unreadable_number_is_a_warning_with_its_row(workspace, inspection, tmp_path):
    text = "时间,二氧化硫(mg/m3),氧气(%)\n2026-06-05 10:00:00,20,10\n2026-06-05 10:01:00,2O.5,10\n"
    result = service.import_file(workspace, inspection.id, write(tmp_path, "num.csv", text))
    assert any(w.startswith("第 3 行") and "“2O.5”" in w and "二氧化硫(mg/m3)" in w for w in result["warnings"])
    so2 = next(s for s in result["series"] if s["pollutant"] == "SO2")
    assert so2["n"] == 1 and so2["flagged"] == 1


def test_a_bad_date_is_quoted_whole(workspace, inspection, tmp_path):
    text = ("时间,二氧化硫(mg/m3)\n" + "".join(f"2026-06-05 10:00:{i:02d},20\n" for i in range(40))
            + "2026-06-05 1O:00:40 下午,20\n" + "".join(f"2026-06-05 10:01:{i:02d},20\n" for i in range(20)))
    result = service.import_file(workspace, inspection.id, write(tmp_path, "date.csv", text))
    assert any("“2026-06-05 1O:00:40 下午”" in w and "第 42 行" in w for w in result["warnings"])


def test_a_truncated_utf16_file_is_called_truncated(workspace, inspection, tmp_path):
    text = "sep=,\nKorEXO MEASUREMENT DATA FILE EXPORT\n\nDate (MM/DD/YYYY),Time (HH:mm:ss),Time (Fract. Sec)," \
           "Site Name,ODO mg/L,Temp °C\n" + "".join(f"6/13/2024,10:{i:02d}:00,0.0,,8.{i % 10},20.0\n"
                                                   for i in range(40))
    data = "\ufeff".encode("utf-16-le") + text.encode("utf-16-le")
    path = tmp_path / "exo.csv"
    path.write_bytes(data[:-3])  # cut mid-character: an odd number of bytes
    result = service.import_file(workspace, inspection.id, path)
    assert result["format"] == "ysi_exo"
    assert any("被截断" in w for w in result["warnings"])
    do = next(s for s in result["series"] if s["pollutant"] == "DO")
    assert do["n"] == 39  # the cut last row is dropped, said as such


def test_undecidable_day_month_order_is_refused_naming_the_column_and_time_format_settles_it(
        workspace, inspection, tmp_path, cli):
    text = "采样时间,二氧化硫(mg/m3)\n05/06/2026 10:00:00,20\n05/06/2026 10:00:10,21\n"
    path = write(tmp_path, "dm.csv", text)
    with pytest.raises(AmbiguousDates) as info:
        service.import_file(workspace, inspection.id, path)
    assert "“采样时间”" in str(info.value)
    refused = cli("readings", "import", inspection.id, str(path))
    assert refused.returncode == 2 and "采样时间" in refused.stderr and "--time-format" in refused.stderr
    done = cli("readings", "import", inspection.id, str(path), "--time-format", "%d/%m/%Y %H:%M:%S", "--tz",
               "UTC", "--json")
    assert done.returncode == 0, done.stderr
    so2 = done.json()["series"][0]
    assert so2["t_start"] == "2026-06-05T10:00:00+00:00"
    assert done.json()["source"]["assumptions"]["time_basis"]["basis"] == "tz_option"


def test_values_decide_the_order_when_a_day_is_above_twelve(tmp_path):
    text = "时间,二氧化硫(mg/m3)\n" + "".join(f"{d:02d}/06/2026 10:00:00,20\n" for d in range(10, 16))
    name, ctx, samples = parse(write(tmp_path, "d.csv", text))
    assert samples[0][2] == utc(2026, 6, 10, 2, 0) and samples[-1][2] == utc(2026, 6, 15, 2, 0)


def test_hourly_rows_decide_between_orders_by_the_shorter_span(tmp_path):
    # 01/02 … 12/02 hourly? no: these are daily rows 1–12 February read day first (12 days), not 12 months
    text = "时间,二氧化硫(mg/m3)\n" + "".join(f"{d:02d}/02/2026 10:00:00,20\n" for d in range(1, 13))
    name, ctx, samples = parse(write(tmp_path, "span.csv", text))
    assert samples[0][2] == utc(2026, 2, 1, 2, 0) and samples[-1][2] == utc(2026, 2, 12, 2, 0)


def test_map_time_is_not_glued_to_a_detected_date_column(tmp_path):
    text = "日期,时刻,读数时间,二氧化硫(mg/m3)\n2026-06-01,09:00:00,2026-06-05 10:00:00,20\n" \
           "2026-06-01,09:00:10,2026-06-05 10:00:10,21\n"
    name, ctx, samples = parse(write(tmp_path, "m.csv", text), mapping={"time": "读数时间", "SO2": "二氧化硫(mg/m3)"})
    assert samples[0][2] == utc(2026, 6, 5, 2, 0)


def test_an_unreadable_header_names_the_header_line_and_its_columns(tmp_path):
    text = "导出自 某某 PC 软件\n\n记录时刻,通道1,通道2\n2026-06-05 10:00:00,1,2\n"
    with pytest.raises(UnreadableHeader) as info:
        parse(write(tmp_path, "h.csv", text))
    assert "第 3 行" in str(info.value) and "'通道1'" in str(info.value) and info.value.line == 3


def test_an_unknown_zone_is_refused(workspace, inspection, tmp_path):
    with pytest.raises(BadInput, match="Mars/Olympus"):
        service.import_file(workspace, inspection.id, write(tmp_path, "z.csv", "时间,二氧化硫(mg/m3)\n"),
                            time_zone="Mars/Olympus")


@pytest.mark.parametrize("stamp, basis", [("2026-06-05T02:00:00Z", "utc_column"),
                                          ("2026-06-05T10:00:00+08:00", "offset_in_values"),
                                          ("1780624800", "epoch_column")])
def test_absolute_times_in_a_generic_table_decide_the_instant_whatever_the_zone(workspace, inspection, tmp_path,
                                                                                stamp, basis):
    path = write(tmp_path, f"{basis}.csv", f"时间,二氧化硫(mg/m3)\n{stamp},20\n")
    result = service.import_file(workspace, inspection.id, path, time_zone="Europe/London")
    assert result["source"]["assumptions"]["time_basis"]["basis"] == basis
    samples = service.get_series(workspace.db, result["series"][0]["id"], samples=True)["samples"]
    assert datetime.fromisoformat(samples[0]["t"]).timestamp() == utc(2026, 6, 5, 2, 0)


def test_an_unreadable_number_in_an_instrument_family_file_is_warned_with_its_row(workspace, inspection, tmp_path):
    # SYNTHETIC Eureka Manta rows, one DO cell written over by hand
    text = ("Date,Time,Temp.,SC,DO,pH,\n,,°C,uS/cm,mg/l,  ,\n"
            + "".join(f"02/22/2007,{h:02d}:00:00,18.1,7720,7.4,7.6,\n" for h in range(10))
            + "02/22/2007,10:00:00,18.1,7720,7,4,7.6,\n".replace("7,4,7.6", "7#4,7.6"))
    result = service.import_file(workspace, inspection.id, write(tmp_path, "manta.csv", text, "latin-1"))
    assert any(w.startswith("第 13 行") and "“7#4”" in w and "“DO”" in w for w in result["warnings"])
    do = next(s for s in result["series"] if s["pollutant"] == "DO")
    assert do["n"] == 10 and do["flagged"] == 1
