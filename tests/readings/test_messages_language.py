"""What the older importers and the readings store say when something is wrong or assumed: in Chinese by
default (the interface language), in English when the user chose it, naming the file, the line and what was
seen — never a hard-coded English sentence."""

from __future__ import annotations

import pytest

from eco_field import messages
from eco_field.errors import BadInput, NotFound
from eco_field.readings import service
from eco_field.readings.model import UnreadableHeader
from eco_field.readings.timeparse import AmbiguousDates
from tests.readings.conftest import SYNTHETIC, parse


@pytest.fixture
def english():
    messages.set_language("en")
    yield
    messages.set_language("zh_CN")


def calcmet_with_a_torn_header(tmp_path):
    # SYNTHETIC: a Calcmet results header missing the Compensation column of its one component
    path = tmp_path / "results.TXT"
    path.write_bytes(b"Line\tDate\tTime\tSpectrumFile\tLibraryFile\tSO2\tUnit\t Residual\t Status\n"
                     b"1\t2026-06-05\t10:15:30\ts1.SPE\tlib.LIB\t12.5\tppm\t0.1\tOK\n")
    return path


def test_a_calcmet_header_of_the_wrong_width_is_refused_in_chinese_naming_file_line_and_count(
        workspace, inspection, tmp_path):
    path = calcmet_with_a_torn_header(tmp_path)
    with pytest.raises(BadInput) as info:
        service.import_file(workspace, inspection.id, path)
    assert str(info.value) == (f"{path}：第 1 行：Calcmet 结果表的表头应为 5 个固定列、每个组分 4 列，最后是 Status 列；"
                               "实际有 9 列")


def test_the_same_refusal_reads_in_english_when_english_is_chosen(workspace, inspection, tmp_path, english):
    path = calcmet_with_a_torn_header(tmp_path)
    with pytest.raises(BadInput) as info:
        service.import_file(workspace, inspection.id, path)
    assert str(info.value) == (f"{path}: line 1: a Calcmet header has 5 fixed columns, 4 per component and "
                               "Status; found 9")


def test_a_file_forced_through_the_wrong_family_names_the_header_it_looked_for_and_what_it_saw(
        workspace, inspection, tmp_path):
    path = tmp_path / "plain.csv"
    path.write_text("采样时间,二氧化硫(mg/m3)\n2026-06-05 10:15:30,12\n", encoding="utf-8")
    with pytest.raises(BadInput) as info:
        service.import_file(workspace, inspection.id, path, fmt="healthyphoton_ht8850")
    text = str(info.value)
    assert text.startswith(f"{path}：第 1 行：没有找到预期的表头（应为：time, CO2concentration_ppm")
    assert text.endswith("看到的列：采样时间,二氧化硫(mg/m3)")  # a tab-separated family sees one column
    with pytest.raises(BadInput) as info:
        service.import_file(workspace, inspection.id, path, fmt="isc_datalog")
    assert "不是 Industrial Scientific 扩展坞日志的表头" in str(info.value)
    assert str(info.value).endswith("看到的是：采样时间,二氧化硫(mg/m3)")
    with pytest.raises(BadInput) as info:
        service.import_file(workspace, inspection.id, path, fmt="gasmet_calcmet")
    assert "没有找到预期的表头（应为：Line, Date, Time" in str(info.value)


def test_sniffer4d_unit_and_oxidant_notes_follow_the_interface_language(english):
    _name, ctx, _samples = parse(SYNTHETIC / "sniffer4d_mapper_synthetic.csv")
    notes = [w.as_json() for w in ctx.warnings]  # kept as codes, so the GUI renders them in its language
    assert {n["code"] for n in notes} == {"readings.sniffer4d.ppm_magnitude", "readings.sniffer4d.oxidants"}
    assert "column 'O3+NO2 μg/m3' measures oxidants (O3 + NO2), stored as O3" in [str(w) for w in ctx.warnings]
    messages.set_language("zh_CN")
    assert "“O3+NO2 μg/m3”列测的是氧化剂总量（O3 + NO2），按 O3 保存" in [str(w) for w in ctx.warnings]


def test_unknown_series_and_profile_are_said_in_chinese(workspace):
    with pytest.raises(NotFound) as info:
        service.get_series(workspace.db, 987654)
    assert str(info.value) == "没有监测数据序列「987654」。"
    with pytest.raises(BadInput) as info:
        service.load_profile(workspace.db, "烟气")
    assert str(info.value) == "没有列映射方案「烟气」（已有：尚未保存任何方案）。"


def test_an_undecidable_day_month_order_names_the_orders_in_the_interface_language(tmp_path, english):
    path = tmp_path / "dm.csv"
    path.write_text("采样时间,二氧化硫(mg/m3)\n05/06/2026 10:00:00,20\n05/06/2026 10:00:10,21\n", encoding="utf-8")
    with pytest.raises(AmbiguousDates) as info:
        parse(path)
    said = str(info.value)
    assert "day/month/year / month/day/year" in said and "日/月/年" not in said, said


def test_a_wide_unreadable_header_lists_its_first_columns_and_counts_the_rest(tmp_path, english):
    path = tmp_path / "wide.csv"
    path.write_text(",".join(f"通道{i}" for i in range(35)) + "\n" + ",".join("1" for _ in range(35)) + "\n",
                    encoding="utf-8")
    with pytest.raises(UnreadableHeader) as info:
        parse(path)
    assert "'通道29' … and 5 more" in str(info.value) and "'通道30'" not in str(info.value)
    messages.set_language("zh_CN")
    assert "'通道29' … 另有 5 列" in str(info.value)
