"""Property tests: whatever the bytes, an importer either reads them or raises BadInput — nothing else."""

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eco_field.errors import BadInput
from eco_field.readings import formats
from eco_field.readings.model import ImportContext
from eco_field.readings.textio import open_source

CELLS = st.sampled_from(["2026-06-05 10:00:00", "6/15/2023 1:45:30 PM", "05 JUN 14 13:02:11", "OVR", "---", "N/A",
                         "-999", "12.5", "1,5", "", "SO2", "ppm", "µg/m³", "二氧化硫", "时间", "浓度", "单位", "气体名称",
                         "TWA (CO)", "STEL (CO)", "Carbon Monoxide (CO)", "Unit", " Residual", " Status", "OK",
                         "Warning", "DET_OFF", "------", "END", "VER=1.0", "#Created by: Sniffer4D", "经度", "纬度",
                         "time", "H2Oconcentration_ppm", "Line", "Date", "Time", "\x00", "\"", "nan", "inf", "1e999"])
LINES = st.lists(st.lists(CELLS, min_size=1, max_size=8).map(
    lambda cells: cells), min_size=0, max_size=12)
SEPARATORS = st.sampled_from([",", ";", "\t", " "])
ENDINGS = st.sampled_from(["\n", "\r\n", "\r", "\r\r\n"])
ENCODINGS = st.sampled_from(["utf-8", "utf-8-sig", "gb18030", "latin-1", "utf-16"])


def run_all(path: Path) -> None:
    """Every importer on the file: sniffed or forced, it must finish or raise BadInput."""
    try:
        source = open_source(path)
    except BadInput:
        return
    for importer in formats.IMPORTERS:
        importer.sniff(source)
        ctx = ImportContext(str(path))
        try:
            for _sample in formats.run(importer, source, ctx):
                pass
        except BadInput:
            pass


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(lines=LINES, sep=SEPARATORS, end=ENDINGS, encoding=ENCODINGS)
def test_structured_noise_never_crashes_an_importer(tmp_path_factory, lines, sep, end, encoding):
    text = end.join(sep.join(cells) for cells in lines)
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        data = text.encode("utf-8")
    path = tmp_path_factory.mktemp("p") / "input.csv"
    path.write_bytes(data)
    run_all(path)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=2000), suffix=st.sampled_from([".csv", ".txt", ".xlsx", ".TXT"]))
def test_random_bytes_never_crash_an_importer(tmp_path_factory, data, suffix):
    path = tmp_path_factory.mktemp("b") / f"input{suffix}"
    path.write_bytes(data)
    run_all(path)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cut=st.integers(min_value=0, max_value=4000), junk=st.binary(max_size=40))
def test_truncated_and_corrupted_real_files(tmp_path_factory, cut, junk):
    from tests.readings.conftest import REAL, SYNTHETIC

    for original in [*REAL.glob("goflux*"), *SYNTHETIC.glob("*_synthetic.*")]:
        data = original.read_bytes()
        path = tmp_path_factory.mktemp("t") / original.name
        path.write_bytes(data[:cut] + junk + data[cut + len(junk):])
        run_all(path)
