"""Each importer against synthetic files written from the documented layouts (tests/readings/synthetic)."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from eco_field.readings import formats, service
from eco_field.readings.model import ImportContext, UnreadableHeader
from eco_field.readings.textio import open_source
from eco_field.readings.timeparse import AmbiguousDates
from tests.readings.conftest import SYNTHETIC, by_series, parse

SHANGHAI = ZoneInfo("Asia/Shanghai")


def epoch(*parts) -> float:
    return datetime(*parts, tzinfo=SHANGHAI).timestamp()


def series_of(ctx, samples, pollutant, statistic="instantaneous"):
    return next(v for sid, v in by_series(ctx, samples).items()
                if ctx.series[sid].pollutant == pollutant and ctx.series[sid].statistic == statistic)


def test_isc_en_us_three_columns_per_sensor_and_trailing_notes():
    name, ctx, samples = parse(SYNTHETIC / "isc_datalog_enUS_synthetic.csv")
    assert name == "isc_datalog"
    kinds = {(m.pollutant, m.statistic) for m in ctx.series.values()}
    assert {("CO", "instantaneous"), ("CO", "twa"), ("CO", "stel"), ("O2", "instantaneous"), ("LEL", "instantaneous"),
            ("TEMP", "instantaneous")} <= kinds
    assert ("O2", "twa") not in kinds  # N/A columns make no series
    co = series_of(ctx, samples, "CO")
    assert [s[3] for s in co] == [0.0, 12.5, 40.0, 3.0, 2.0]
    assert co[0][2] == epoch(2023, 6, 15, 13, 45, 30)  # 1:45:30 PM, station local time
    assert [s[6] for s in co] == [1, 1, 1, 2, 2]  # period numbers
    assert co[3][7] == "PUMP HOUSE"  # site
    units = {m.pollutant: m.unit for m in ctx.series.values()}
    assert units["O2"] == "%VOL" and units["LEL"] == "%LEL" and units["H2S"] == "ppm"
    assert sum("文件末尾的残缺行已丢弃" in str(w) for w in ctx.warnings) == 2


def test_isc_de_de_semicolon_decimal_comma_german_labels():
    name, ctx, samples = parse(SYNTHETIC / "isc_datalog_deDE_synthetic.csv")
    assert name == "isc_datalog"
    co = series_of(ctx, samples, "CO")
    assert [s[3] for s in co] == [0.0, 35.5, 1234.57]
    assert co[0][2] == epoch(2023, 6, 15, 13, 45, 30)
    o2 = series_of(ctx, samples, "O2")
    assert [s[3] for s in o2] == [20.9, 19.8, 18.75]


def test_tva2020_status_words_and_end():
    name, ctx, samples = parse(SYNTHETIC / "tva2020_logged_synthetic.txt")
    assert name == "thermo_tva2020"
    fid = next(v for sid, v in by_series(ctx, samples).items() if ctx.series[sid].sensor == "FID")
    pid = next(v for sid, v in by_series(ctx, samples).items() if ctx.series[sid].sensor == "PID")
    assert [(s[3], s[4]) for s in fid] == [(12.4, 1), (10000.0, 0), (512.0, 1), (-0.4, 1)]
    assert fid[1][5] == "OVERFLOW"
    assert "HIGH_ALRM" in fid[2][5] and "LEAKER" in fid[2][5]
    assert fid[3][5] == "negative"  # kept and flagged, not clipped
    assert fid[0][7] == "V-1023-A"  # the tag
    assert (pid[0][3], pid[0][4], pid[0][5]) == (None, 0, "DET_OFF")  # ------ with the detector off
    assert fid[0][2] == epoch(2014, 6, 5, 13, 2, 11)
    assert ctx.series[next(iter(ctx.series))].unit == "ppm"


def test_sniffer4d_positions_and_ppm_in_ug_trap():
    name, ctx, samples = parse(SYNTHETIC / "sniffer4d_mapper_synthetic.csv")
    assert name == "sniffer4d_mapper"
    units = {m.pollutant: m.unit for m in ctx.series.values()}
    assert units["SO2"] == "ppm" and units["NO2"] == "ppm"  # magnitudes of ppm under µg/m³ headers
    assert units["PM10"] == "µg/m³" and units["CO"] == "mg/m³"
    assert any(str(w) == "“SO2 μg/m3”列的数值都小于 2.0，是 ppm 的量级，不是 µg/m³（Sniffer4D 导出的已知问题：µg/m³ 表头下写的是 ppm），"
               "已按 ppm 导入" for w in ctx.warnings)
    so2 = series_of(ctx, samples, "SO2")
    first = so2[0]
    assert (first[8], first[9], first[10]) == (37.5011, 111.1023, 50.2)  # lat, lon (lon came first), alt
    assert ctx.series[first[0]].serial == "S4D-0001"


def test_generic_wide_gbk_chinese_dates_and_markers():
    name, ctx, samples = parse(SYNTHETIC / "generic_wide_gbk_synthetic.csv")
    assert name == "generic_table"
    so2 = series_of(ctx, samples, "SO2")
    assert [s[3] for s in so2] == [25.1, None, None, None, 31.0]
    assert [s[4] for s in so2] == [1, 0, 0, 0, 1]
    assert [s[5] for s in so2[1:4]] == ["OVR", "---", "-999"]
    assert so2[0][2] == epoch(2026, 6, 5, 10, 15, 30)
    units = {m.pollutant: m.unit for m in ctx.series.values()}
    assert units == {"SO2": "mg/m³", "NOx": "mg/m³", "O2": "%VOL", "PM": "mg/m³"}


def test_generic_long_form_with_status_column():
    name, ctx, samples = parse(SYNTHETIC / "generic_long_utf8_synthetic.csv")
    h2s = series_of(ctx, samples, "H2S")
    assert [(s[3], s[4], s[5]) for s in h2s] == [(3.2, 1, None), (None, 0, "OVER;超量程")]
    co = series_of(ctx, samples, "CO")
    assert co[1][4] == 1 and co[1][5] == "高报"  # an alarm keeps the value
    assert {m.pollutant: m.unit for m in ctx.series.values()} == {"H2S": "ppm", "CO": "ppm", "LEL": "%LEL",
                                                                  "O2": "%VOL"}
    assert h2s[0][2] == epoch(2026, 6, 5, 10, 15)


def test_generic_header_needing_a_mapping():
    path = SYNTHETIC / "generic_needs_mapping_synthetic.csv"
    with pytest.raises(UnreadableHeader) as info:
        parse(path)
    assert info.value.columns == ["记录时刻", "通道1", "通道2"]
    assert "--map time=" in str(info.value) and "generic_needs_mapping_synthetic.csv" in str(info.value)
    name, ctx, samples = parse(path, "generic_table", {"time": "记录时刻", "SO2": "通道1|ppm", "O2": "通道2|%"})
    assert {m.pollutant: m.unit for m in ctx.series.values()} == {"SO2": "ppm", "O2": "%VOL"}
    assert [s[3] for s in samples] == [1.5, 20.9, 2.5, 20.7]  # ';' file with decimal commas


def test_a_mapping_to_a_missing_column_names_the_file_line_and_columns():
    path = SYNTHETIC / "generic_needs_mapping_synthetic.csv"
    with pytest.raises(UnreadableHeader) as info:
        parse(path, "generic_table", {"time": "采样时间", "SO2": "通道1|ppm"})
    message = str(info.value)
    assert message.startswith(f"{path}：第 1 行") and "time=采样时间" in message and "记录时刻" in message


def test_generic_xlsx(tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["导出时间：2026-06-05"])
    sheet.append(["序号", "监测时间", "二氧化硫(mg/m3)", "氧含量(%)"])
    sheet.append([1, datetime(2026, 6, 5, 10, 0), 20.5, 9.0])
    sheet.append([2, "2026-06-05 10:01:00", "OVR", 9.5])
    sheet.append([3, datetime(2026, 6, 5, 10, 2), 35, 10])
    path = tmp_path / "export.xlsx"
    book.save(path)
    name, ctx, samples = parse(path)
    assert name == "generic_table"
    so2 = series_of(ctx, samples, "SO2")
    assert [(s[1], s[3], s[4]) for s in so2] == [(3, 20.5, 1), (4, None, 0), (5, 35.0, 1)]
    assert so2[1][2] == epoch(2026, 6, 5, 10, 1)



def test_xlsx_date_cells_are_not_called_ambiguous(tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["时间", "SO2 (mg/m³)"])
    for minute in range(3):
        sheet.append([datetime(2026, 11, 28, 9, minute), 90 + minute])
    path = tmp_path / "detector.xlsx"
    book.save(path)
    name, ctx, samples = parse(path)
    assert [s[2] for s in series_of(ctx, samples, "SO2")][0] == epoch(2026, 11, 28, 9, 0)
    assert not any("日/月顺序" in str(w) for w in ctx.warnings)


@pytest.mark.parametrize("encoding, bom", [("utf-8", b""), ("utf-8", b"\xef\xbb\xbf"), ("gb18030", b""),
                                           ("utf-16", b"")])
def test_generic_encodings(tmp_path, encoding, bom):
    text = "时间\t硫化氢(ppm)\t一氧化碳(ppm)\n2026-06-05 10:00:00\t1.5\t12\n2026-06-05 10:00:10\t2.5\t14\n"
    path = tmp_path / "detector.txt"
    path.write_bytes(bom + text.encode(encoding))
    name, ctx, samples = parse(path)
    assert {m.pollutant for m in ctx.series.values()} == {"H2S", "CO"}
    assert [s[3] for s in samples] == [1.5, 12.0, 2.5, 14.0]


def test_latin1_generic_and_lone_cr_refuses_undecidable_dates_until_told(tmp_path):
    """1/2/2026 in every row: January 2nd or February 1st? Refused naming the column; --time-format settles it."""
    path = tmp_path / "old.csv"
    path.write_bytes("Time,Temp (\xb0C),CO (ppm)\r1/2/2026 10:00:00 AM,21.5,3\r1/2/2026 10:00:05 AM,21.6,4\r"
                     .encode("latin-1"))
    with pytest.raises(AmbiguousDates) as info:
        parse(path)
    assert "“Time”" in str(info.value) and "--time-format" in str(info.value)
    source = open_source(path)
    ctx = ImportContext(str(path), time_format="%m/%d/%Y %I:%M:%S %p")
    samples = list(formats.run(formats.detect(source), source, ctx))
    assert {m.pollutant: m.unit for m in ctx.series.values()} == {"TEMP": "°C", "CO": "ppm"}
    assert [s[1] for s in samples] == [2, 2, 3, 3]
    assert samples[0][2] == epoch(2026, 1, 2, 10, 0)


def test_service_formats_lists_every_importer():
    names = [f["name"] for f in service.formats()]
    assert names[:5] == ["isc_datalog", "thermo_tva2020", "gasmet_calcmet", "healthyphoton_ht8850", "sniffer4d_mapper"]
    assert names[-1] == "generic_table"  # tried last: every instrument family recognises its own layout first


def test_generic_preamble_instrument_and_units_row(tmp_path):
    path = tmp_path / "pgm.csv"
    path.write_text("仪器型号：PGM-6208,出厂编号：M01-123456\n时间,硫化氢H2S,CO浓度,O2,EX\n,ppm,ppm,%,%LEL\n"
                    "2026-06-05 10:00:00,1.5,12,20.9,0\n2026-06-05 10:00:10,OVR,14,20.8,1\n", encoding="gb18030")
    name, ctx, samples = parse(path)
    metas = list(ctx.series.values())
    assert [(m.pollutant, m.unit) for m in metas] == [("H2S", "ppm"), ("CO", "ppm"), ("O2", "%VOL"), ("LEL", "%LEL")]
    assert (metas[0].model, metas[0].serial) == ("PGM-6208", "M01-123456")
    assert [s[1] for s in samples][:4] == [4, 4, 4, 4]  # data starts on line 4
    assert samples[4][3:6] == (None, 0, "OVR")


def test_generic_long_form_unit_inside_the_pollutant_name(tmp_path):
    path = tmp_path / "long.csv"
    path.write_text("time,gas,reading\n2026-06-05 10:00:00,CO(ppm),12\n2026-06-05 10:00:00,O2(%),20.9\n",
                    encoding="utf-8")
    name, ctx, samples = parse(path)
    assert [(m.pollutant, m.unit) for m in ctx.series.values()] == [("CO", "ppm"), ("O2", "%VOL")]


def test_generic_file_with_two_sessions(tmp_path):
    path = tmp_path / "two_sessions.csv"
    block = "时间,硫化氢(ppm),一氧化碳(ppm)\n2026-06-05 10:0{0}:00,1.{0},1{0}\n2026-06-05 10:0{0}:30,2.{0},2{0}\n"
    path.write_text("仪器编号：A-1\n" + block.format(1) + "\n仪器编号：A-1\n会话：2\n" + block.format(5), encoding="utf-8")
    name, ctx, samples = parse(path)
    h2s = series_of(ctx, samples, "H2S")
    assert [s[3] for s in h2s] == [1.1, 2.1, 1.5, 2.5]
    assert [s[1] for s in h2s] == [3, 4, 9, 10]
    assert any("表头再次出现" in str(w) and "第 8 行" in str(w) for w in ctx.warnings)


def test_row_cut_short_in_the_middle_of_a_tiny_file_is_refused(tmp_path):
    """One torn row of three is more than 5 %: the file is refused, naming the line and the rule."""
    from eco_field.errors import BadInput

    text = "时间,硫化氢(ppm),一氧化碳(ppm)\n2026-06-05 10:00:00,1,2\n2026-06-05 10:00:10,1\n2026-06-05 10:00:20,1,2\n"
    path = tmp_path / "cut.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(BadInput, match=r"cut.csv：3 行中有 1 行无法读取（超过 5%）.*第 3 行"):
        parse(path)
