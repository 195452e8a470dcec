"""The import service on a real workspace: storage, evidence, re-import, limits and exceedance, bad input."""

import json
from pathlib import Path

import pytest

from eco_field.errors import BadInput, NotFound
from eco_field.readings import service
from tests.conftest import FIXTURES_REASON, needs_fixtures
from tests.readings.conftest import REAL, SYNTHETIC

REQUIRED = {"id", "pollutant", "statistic", "unit", "n", "flagged", "t_start", "t_end", "min", "max", "mean", "limit",
            "limit_unit", "o2_ref", "exceed_count", "max_converted", "max_exceed_multiple"}

# Coking plant outlet DA001 (demo): PM 15, SO2 30, NOx 150 mg/m³ at 8 % reference O2.
STACK = """时间,二氧化硫(mg/m3),氮氧化物(ppm),氧气(%),颗粒物(mg/m3)
2026-06-05 10:00:00,20,50,12,10
2026-06-05 10:30:00,30,60,10,12
2026-06-05 11:00:00,25,OVR,21,14
2026-06-05 11:30:00,22,40,9,13
"""


def write(tmp_path: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def counts(db) -> tuple:
    return tuple(db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                 for t in ("reading_sources", "reading_series", "reading_samples", "evidence", "blobs"))


def series(result, pollutant):
    return next(s for s in result["series"] if s["pollutant"] == pollutant)


@needs_fixtures
def test_import_stores_series_samples_and_the_source_as_evidence(workspace, inspection):
    path = REAL / "goflux__HealthyPhoton_HT8850.txt"
    result = service.import_file(workspace, inspection.id, path)
    assert result["format"] == "healthyphoton_ht8850"
    assert all(REQUIRED <= set(s) for s in result["series"])
    n2o = series(result, "N2O")
    assert (n2o["n"], n2o["flagged"], n2o["unit"]) == (181, 0, "ppb")
    assert n2o["t_start"] == "2025-10-31T07:12:00+08:00" and n2o["t_end"] == "2025-10-31T07:15:00+08:00"
    assert n2o["min"] == pytest.approx(1145.796) and n2o["limit"] is None
    db = workspace.db
    kind, name, sha = db.execute("SELECT kind, original_name, sha256 FROM evidence").fetchone()
    assert (kind, name) == ("reading_source", path.name)
    assert workspace.blobs.find(sha).read_bytes() == path.read_bytes()
    assert result["source"]["sha256"] == sha
    assert db.execute("SELECT count(*) FROM reading_samples").fetchone()[0] == 4 * 181
    audit = db.execute("SELECT data_json FROM audit_log WHERE entity = 'reading_source'").fetchone()
    assert json.loads(audit[0])["format"] == "healthyphoton_ht8850"
    listed = service.list_series(db, inspection.id)
    assert [s["id"] for s in listed] == [s["id"] for s in result["series"]]
    shown = service.get_series(db, n2o["id"], samples=True)
    assert len(shown["samples"]) == 181 and shown["samples"][0]["value"] == pytest.approx(1146.52)
    assert shown["samples"][0]["line"] == 2


def test_reimport_of_the_same_file_is_a_no_op(workspace, inspection):
    path = SYNTHETIC / "generic_wide_gbk_synthetic.csv"
    first = service.import_file(workspace, inspection.id, path)
    before = counts(workspace.db)
    again = service.import_file(workspace, inspection.id, path)
    assert counts(workspace.db) == before
    assert again["already_imported"] and not first["already_imported"]
    assert [s["id"] for s in again["series"]] == [s["id"] for s in first["series"]]
    assert any("已导入" in w for w in again["warnings"])


def test_exceedance_against_the_outlet_hand_computed(workspace, inspection, tmp_path):
    result = service.import_file(workspace, inspection.id, write(tmp_path, "stack.csv", STACK), outlet="DA001")
    so2 = series(result, "SO2")
    # corrected to 8 % O2: 20×13/9 = 28.889, 30×13/11 = 35.4545, (O2 21 %: not correctable), 22×13/12 = 23.833
    assert (so2["limit"], so2["limit_unit"], so2["o2_ref"]) == (30, "mg/m³", 8)
    assert so2["exceed_count"] == 1
    assert so2["max_converted"] == pytest.approx(35.4545, abs=1e-4)
    assert so2["max_exceed_multiple"] == pytest.approx(0.1818, abs=1e-4)
    hourly = so2["evaluation"]["hourly"]
    assert [h["n"] for h in hourly] == [2, 1]
    assert hourly[0]["mean"] == pytest.approx((20 * 13 / 9 + 30 * 13 / 11) / 2, abs=1e-4)
    assert hourly[0]["exceed_multiple"] == pytest.approx(0.0724, abs=1e-4) and hourly[0]["exceeds"]
    assert hourly[0]["hour"] == "2026-06-05T10:00+08:00" and hourly[0]["minutes_covered"] == 30.0
    waiver = so2["evaluation"]["first_violation_waiver"]
    assert waiver["could_apply"] is True  # one exceeding hour, multiple < 0.1, only SO2 exceeds
    nox = series(result, "NOx")
    # NOx ppm as NO2: 50 × 46.01/22.4 × 13/9 = 148.35 < 150; OVR is flagged, not a number
    assert (nox["n"], nox["flagged"], nox["exceed_count"]) == (3, 1, 0)
    assert nox["max_converted"] == pytest.approx(50 * 46.01 / 22.4 * 13 / 9, abs=1e-3)
    pm = series(result, "PM")
    assert pm["limit"] == 15 and pm["exceed_count"] == 0
    assert series(result, "O2")["limit"] is None
    assert any("没有低于 21% 的 O2 读数" in w for w in result["warnings"])
    samples = service.get_series(workspace.db, so2["id"], samples=True)["samples"]
    assert [s.get("converted") for s in samples] == [pytest.approx(28.8889, abs=1e-4),
                                                     pytest.approx(35.4545, abs=1e-4), None,
                                                     pytest.approx(23.8333, abs=1e-4)]
    assert "筛查" in result["screening_note"]


def test_pm_limit_covers_pm10_and_ppm_sensors(workspace, inspection, tmp_path):
    text = "time,PM10 (mg/m3),PM2.5 (mg/m3),SO2 (ppm)\n2026-06-05 10:00:00,20,20,20\n"
    result = service.import_file(workspace, inspection.id, write(tmp_path, "a.csv", text), outlet="DA002")
    assert series(result, "PM10")["limit"] == 50
    assert series(result, "PM2.5")["limit"] is None
    so2 = series(result, "SO2")  # DA002: SO2 100 mg/m³, no reference O2; 20 ppm × 64.06/22.4 = 57.196
    assert so2["max_converted"] == pytest.approx(57.1964, abs=1e-4) and so2["exceed_count"] == 0


def test_unknown_outlet_names_the_ones_there(workspace, inspection, tmp_path):
    with pytest.raises(BadInput, match="DA001"):
        service.import_file(workspace, inspection.id, write(tmp_path, "s.csv", STACK), outlet="DW009")


def test_unknown_inspection(workspace, tmp_path):
    with pytest.raises(NotFound):
        service.import_file(workspace, "no-such-inspection", write(tmp_path, "s.csv", STACK))


@pytest.mark.parametrize("name, content, message", [
    ("empty.csv", b"", "empty"),
    ("blank.csv", b"\r\n\r\n  \n", "empty"),
    ("image.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8, "binary"),
    ("header.csv", "时间,二氧化硫(mg/m3)\n".encode(), "没有读数"),
    ("markers.csv", "时间,二氧化硫(mg/m3)\n2026-06-05 10:00:00,OVR\n2026-06-05 10:01:00,---\n".encode(),
     "没有数值"),
    ("prose.txt", b"Inspection notes\nThe stack was smoking\n", "无法识别"),
    ("cut.csv", "时间,二氧化硫(mg/m3),氧气(%)\n2026-06-05 10:00:00,20,10\n2026-06-05 10:01:00,21\n"
                "2026-06-05 10:02:00,22,10\n".encode(), "第 3 行"),
    ("old.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "Excel .xls"),
    ("bad.xlsx", b"PK\x03\x04 not really a zip", "XLSX"),
])
def test_bad_input_names_the_file_and_stores_nothing(workspace, inspection, tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    before = counts(workspace.db)
    with pytest.raises(BadInput) as info:
        service.import_file(workspace, inspection.id, path)
    assert message.lower() in str(info.value).lower()
    assert name in str(info.value)
    assert counts(workspace.db) == before
    assert not list((workspace.data_dir / "evidence").glob("??/*"))


def test_mixed_encodings_name_the_line(workspace, inspection, tmp_path):
    rows = "".join(f"2026-06-05 10:{i // 60 % 60:02d}:{i % 60:02d},{i % 50}.5,二氧化硫\n" for i in range(3000))
    data = "时间,浓度(mg/m3),备注\n".encode() + rows.encode() + "2026-06-05 11:00:00,5.5,氮氧化物\n".encode("gbk")
    path = tmp_path / "mixed.csv"
    path.write_bytes(data)
    with pytest.raises(BadInput, match=r"mixed.csv：第 3002 行"):
        service.import_file(workspace, inspection.id, path, mapping={"time": "时间", "SO2": "浓度(mg/m3)"})
    assert counts(workspace.db)[0] == 0


def test_a_malformed_trailing_line_is_dropped_with_a_warning(workspace, inspection, tmp_path):
    text = "时间,二氧化硫(mg/m3)\n2026-06-05 10:00:00,20\n2026-06-05 10:01:00,21\nexport interrupted"
    result = service.import_file(workspace, inspection.id, write(tmp_path, "t.csv", text))
    assert series(result, "SO2")["n"] == 2
    assert any("第 4 行" in w and "丢弃" in w for w in result["warnings"])


def test_mapping_profiles(workspace):
    db = workspace.db
    service.save_profile(db, "深国安 PC", {"time": "记录时刻", "SO2": "通道1|ppm"})
    assert service.load_profile(db, "深国安 PC") == {"time": "记录时刻", "SO2": "通道1|ppm"}
    with pytest.raises(BadInput, match="深国安 PC"):
        service.load_profile(db, "missing")


def test_sniff_returns_none_for_unreadable_files(tmp_path):
    empty = tmp_path / "e.csv"
    empty.write_bytes(b"")
    assert service.sniff(empty) is None
    assert service.sniff(SYNTHETIC / "tva2020_logged_synthetic.txt") == "thermo_tva2020"


def test_small_file_mixing_utf8_and_gbk(workspace, inspection, tmp_path):
    path = tmp_path / "pasted.csv"
    path.write_bytes("时间,二氧化硫(mg/m3),备注\n2026-06-05 10:00:00,20,正常运行\n".encode()
                     + "2026-06-05 10:01:00,21,停炉检修\n".encode("gbk"))
    with pytest.raises(BadInput, match=r"pasted.csv：第 3 行：.*mixes encodings"):
        service.import_file(workspace, inspection.id, path)


def test_sealed_inspection_takes_no_readings(workspace, inspection):
    from eco_field.errors import SealedRecord

    workspace.db.execute("UPDATE inspections SET status = 'sealed' WHERE id = ?", [inspection.id])
    workspace.db.conn.commit()
    with pytest.raises(SealedRecord):
        service.import_file(workspace, inspection.id, SYNTHETIC / "generic_long_utf8_synthetic.csv")


def test_long_form_bulk_path_stores_markers_and_negatives(workspace, inspection, tmp_path):
    text = ("timestamp,serial,pollutant,value,unit\n"
            "2026-06-05 10:00:00,MX6-1,SO2,12.5,ppm\n2026-06-05 10:00:00,MX6-1,CO,OVR,ppm\n"
            "2026-06-05 10:00:01,MX6-1,SO2,-0.3,ppm\n2026-06-05 10:00:01,MX6-1,CO,-999,ppm\n"
            "2026-06-05 10:00:02,MX6-1,SO2,,ppm\n2026-06-05 10:00:02,MX6-1,CO,4.25,ppm\n")
    result = service.import_file(workspace, inspection.id, write(tmp_path, "long.csv", text))
    so2, co = series(result, "SO2"), series(result, "CO")
    assert (so2["n"], so2["flagged"], so2["min"], so2["max"]) == (2, 1, -0.3, 12.5)
    assert (co["n"], co["flagged"], co["mean"]) == (1, 2, 4.25)
    assert so2["t_start"] == "2026-06-05T10:00:00+08:00" and so2["t_end"] == "2026-06-05T10:00:02+08:00"
    assert so2["instrument"]["serial"] == "MX6-1"
    rows = [(s["line"], s["value"], s["ok"], s["flag"]) for s in service.get_series(workspace.db, co["id"],
                                                                                      samples=True)["samples"]]
    assert rows == [(3, None, False, "OVR"), (5, None, False, "-999"), (7, 4.25, True, None)]
    rows = [(s["value"], s["ok"], s["flag"]) for s in service.get_series(workspace.db, so2["id"], samples=True)["samples"]]
    assert rows == [(12.5, True, None), (-0.3, True, "negative"), (None, False, "empty")]


@needs_fixtures
def test_progress_reports_samples_stored(workspace, inspection):
    seen: list[int] = []
    service.import_file(workspace, inspection.id, REAL / "goflux__HealthyPhoton_HT8850.txt", progress=seen.append)
    assert seen[-1] == 4 * 181


@pytest.mark.parametrize("fmt, path", [
    ("isc_datalog", SYNTHETIC / "generic_long_utf8_synthetic.csv"),
    pytest.param("thermo_tva2020", REAL / "goflux__HealthyPhoton_HT8850.txt",
                 marks=pytest.mark.skipif(not REAL.is_dir(), reason=FIXTURES_REASON)),
    ("gasmet_calcmet", SYNTHETIC / "isc_datalog_enUS_synthetic.csv"),
    pytest.param("healthyphoton_ht8850", REAL / "goflux__Gasmet_GT5000_Calcmet.TXT",
                 marks=pytest.mark.skipif(not REAL.is_dir(), reason=FIXTURES_REASON)),
])
def test_a_forced_format_that_does_not_fit_is_bad_input(workspace, inspection, fmt, path):
    with pytest.raises(BadInput) as info:
        service.import_file(workspace, inspection.id, path, fmt=fmt)
    assert path.name in str(info.value)
    assert counts(workspace.db)[0] == 0


def test_long_form_mapping_with_european_dates_and_decimal_commas(workspace, inspection, tmp_path):
    text = ("Zeit;Gas;Messwert;Einheit\n05.06.2026 10:00:00;H2S;1,5;ppm\n05.06.2026 10:00:00;CO;12;ppm\n"
            "05.06.2026 10:00:10;H2S;OVR;ppm\n")
    mapping = {"time": "Zeit", "pollutant": "Gas", "value": "Messwert", "unit": "Einheit"}
    result = service.import_file(workspace, inspection.id, write(tmp_path, "de.csv", text), mapping=mapping)
    h2s = series(result, "H2S")
    assert (h2s["n"], h2s["flagged"], h2s["max"], h2s["unit"]) == (1, 1, 1.5, "ppm")
    assert h2s["t_start"] == "2026-06-05T10:00:00+08:00"
    assert result["source"]["assumptions"]["mapping"] == mapping
