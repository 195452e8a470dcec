"""`eco-field readings ...` through the real console script."""

import pytest

from tests.conftest import needs_fixtures
from tests.readings.conftest import OFFICERS, REAL, SYNTHETIC, coking_enterprise_id

REQUIRED = ["id", "pollutant", "statistic", "unit", "n", "flagged", "t_start", "t_end", "min", "max", "mean", "limit",
            "limit_unit", "o2_ref", "exceed_count", "max_converted", "max_exceed_multiple"]


@pytest.fixture
def inspection_id(cli):
    assert cli("init", "--demo").returncode == 0
    made = cli("inspections", "new", "--enterprise", coking_enterprise_id(), "--officer", OFFICERS[0],
               "--officer", OFFICERS[1], "--json")
    assert made.returncode == 0, made.stderr
    return made.json()["id"]


def test_formats(cli):
    result = cli("readings", "formats", "--json")
    assert result.returncode == 0
    items = result.json()
    assert all(set(i) == {"name", "description"} for i in items)
    assert {"isc_datalog", "thermo_tva2020", "gasmet_calcmet", "healthyphoton_ht8850", "sniffer4d_mapper",
            "licor_trace_gas", "lgr_analyser", "aeris_mira", "picarro", "ppsystems_egm5", "ysi_exo", "ysi_ecowatch",
            "hydrolab", "eureka_manta", "onset_hobo", "tsi_dusttrak", "nti_xl2", "noise_sentry", "svantek",
            "generic_table"} <= {i["name"] for i in items}


def test_import_list_show(cli, inspection_id):
    result = cli("readings", "import", inspection_id, str(SYNTHETIC / "generic_wide_gbk_synthetic.csv"),
                 "--outlet", "DA001", "--json")
    assert result.returncode == 0, result.stderr
    data = result.json()
    assert data["format"] == "generic_table" and isinstance(data["warnings"], list)
    for item in data["series"]:
        assert list(item)[:len(REQUIRED)] == REQUIRED
    so2 = next(s for s in data["series"] if s["pollutant"] == "SO2")
    # 25.1×13/10.8 = 30.213, 31×13/11 = 36.636 against 30 mg/m³ at 8 % O2; OVR, ---, -999 are flagged
    assert (so2["n"], so2["flagged"], so2["exceed_count"]) == (2, 3, 2)
    assert so2["max_exceed_multiple"] == pytest.approx(0.2212, abs=1e-4)
    listed = cli("readings", "list", inspection_id, "--json")
    assert [s["id"] for s in listed.json()] == [s["id"] for s in data["series"]]
    shown = cli("readings", "show", str(so2["id"]), "--json", "--samples")
    assert shown.returncode == 0
    samples = shown.json()["samples"]
    assert [s["flag"] for s in samples] == [None, "OVR", "---", "-999", None]
    text = cli("readings", "show", str(so2["id"]))
    assert text.returncode == 0 and "二氧化硫" in text.stdout


@needs_fixtures
def test_import_text_output_and_reimport(cli, inspection_id):
    path = str(REAL / "goflux__Gasmet_DX4015_Calcmet.TXT")
    first = cli("readings", "import", inspection_id, path)
    assert first.returncode == 0 and "Gasmet" in first.stdout and "格式：" in first.stdout and "二氧化碳" in first.stdout
    again = cli("readings", "import", inspection_id, path, "--json")
    assert again.json()["already_imported"] is True


def test_bad_input_exit_2_names_the_file(cli, inspection_id, tmp_path):
    path = tmp_path / "empty.csv"
    path.write_bytes(b"")
    result = cli("readings", "import", inspection_id, str(path), "--json")
    assert result.returncode == 2 and result.stdout == ""
    assert "empty.csv" in result.stderr
    unknown = cli("readings", "import", inspection_id, str(SYNTHETIC / "generic_long_utf8_synthetic.csv"),
                  "--format", "nope")
    assert unknown.returncode == 2 and "generic_table" in unknown.stderr
    missing = cli("readings", "show", "999999")
    assert missing.returncode == 2


def test_mapping_saved_as_profile_and_reused(cli, inspection_id, tmp_path):
    path = SYNTHETIC / "generic_needs_mapping_synthetic.csv"
    refused = cli("readings", "import", inspection_id, str(path))
    assert refused.returncode == 2 and "'通道1'" in refused.stderr and "--map" in refused.stderr
    mapped = cli("readings", "import", inspection_id, str(path), "--map", "time=记录时刻", "--map", "SO2=通道1|ppm",
                 "--map", "O2=通道2|%", "--save-profile", "通道表", "--json")
    assert mapped.returncode == 0, mapped.stderr
    assert {s["pollutant"]: s["unit"] for s in mapped.json()["series"]} == {"SO2": "ppm", "O2": "%VOL"}
    other = tmp_path / "next_day.csv"
    other.write_text("记录时刻;通道1;通道2\n2026-06-06 09:00:00;3,5;20,1\n", encoding="utf-8")
    reused = cli("readings", "import", inspection_id, str(other), "--profile", "通道表", "--outlet", "DA001", "--json")
    assert reused.returncode == 0, reused.stderr
    so2 = next(s for s in reused.json()["series"] if s["pollutant"] == "SO2")
    # 3.5 ppm × 64.06/22.4 × (21−8)/(21−20.1) = 144.56 mg/m³ against 30
    assert so2["max_converted"] == pytest.approx(3.5 * 64.06 / 22.4 * 13 / 0.9, abs=1e-3)
    assert cli("readings", "profiles", "--json").json()[0]["name"] == "通道表"


def test_show_a_noise_series_says_its_energy_average_and_day_night(cli, inspection_id, tmp_path):
    export = tmp_path / "ns.csv"
    # SYNTHETIC Noise Sentry rows: 60 dB by day, 80 dB at night
    export.write_text("Time (Date hh:mm:ss.ms),LEQ dB-A ,Lmax dB-A ,L10 dB-A ,L90 dB-A ,\n"
                      "2024/06/05 21:50:00.000,60.0 ,70.0 ,62.0 ,50.0 ,\n"
                      "2024/06/05 22:00:00.000,80.0 ,90.0 ,82.0 ,70.0 ,\n", encoding="utf-8")
    imported = cli("readings", "import", inspection_id, str(export), "--json")
    assert imported.returncode == 0, imported.stderr
    laeq = next(s for s in imported.json()["series"] if s["pollutant"] == "LAeq")
    shown = cli("readings", "show", str(laeq["id"]))
    assert "能量平均" in shown.stdout and "77.03" in shown.stdout and "昼间（06:00–22:00）60 dB" in shown.stdout
