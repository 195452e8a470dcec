"""What the command line prints (not only its errors) reads in the interface language (issue 17.1, the sweep):
`readings show` — the statistic, the table's columns, the hourly means, the 首违不罚 screen and flagged samples.
An instrument's own markers (OVR, ---, -999) stay as the instrument wrote them."""

from __future__ import annotations

import re

import pytest

from tests.i18n.test_cli_language import CJK, EN, assert_chinese
from tests.readings.conftest import OFFICERS, SYNTHETIC, coking_enterprise_id


@pytest.fixture
def coking_inspection(cli) -> str:
    assert cli("init", "--demo").returncode == 0
    made = cli("inspections", "new", "--enterprise", coking_enterprise_id(), "--officer", OFFICERS[0],
               "--officer", OFFICERS[1], "--json")
    assert made.returncode == 0, made.stderr
    return made.json()["id"]


def imported_series(cli, inspection_id: str) -> list[dict]:
    done = cli("readings", "import", inspection_id, str(SYNTHETIC / "generic_wide_gbk_synthetic.csv"),
               "--outlet", "DA001", "--json")
    assert done.returncode == 0, done.stderr
    return done.json()["series"]


def test_readings_show_speaks_chinese_and_english(cli, coking_inspection) -> None:
    series = {s["pollutant"]: s["id"] for s in imported_series(cli, coking_inspection)}
    so2 = cli("readings", "show", str(series["SO2"]), "--samples")
    assert so2.returncode == 0, so2.stderr
    out = so2.stdout
    assert "瞬时值" in out and "最小值" in out and "小时均值" in out and "已标记 OVR" in out
    assert "首违不罚初筛：不适用——小时均值最大超标倍数 0.1142（须小于 0.1）" in out, out
    for english in ("instantaneous", "FLAGGED", "sensor", "mean=", "screen", "None", "exceeding hours"):
        assert english not in out, english
    assert_chinese(out)
    nox = cli("readings", "show", str(series["NOx"]))
    assert "超标的污染物不止一项：氮氧化物、颗粒物、二氧化硫" in nox.stdout, nox.stdout

    en = cli("readings", "show", str(series["SO2"]), "--samples", env=EN)
    assert "does not apply — max hourly exceedance multiple 0.1142" in en.stdout and "FLAGGED OVR" in en.stdout
    assert "instantaneous" in en.stdout and not CJK.search(en.stdout.replace("首违不罚", "").replace("二氧化硫", ""))


def test_empty_lists_say_so_in_chinese(cli, coking_inspection) -> None:
    none = cli("readings", "list", coking_inspection)
    assert none.returncode == 0 and none.stdout.strip() == "没有读数"
    profiles = cli("readings", "profiles")
    assert profiles.returncode == 0 and profiles.stdout.strip() == "没有列映射方案"


def test_the_formats_list_names_each_format_in_chinese(cli) -> None:
    listed = cli("readings", "formats")
    assert listed.returncode == 0, listed.stderr
    lines = listed.stdout.splitlines()
    assert lines[0].split() == ["格式名", "说明"]
    assert any(line.startswith("gasmet_calcmet") and "傅里叶红外分析仪" in line for line in lines)  # the --format key
    assert "tab-separated" not in listed.stdout and "Chinese or English headers" not in listed.stdout
    en = cli("readings", "formats", env=EN)
    assert en.stdout.splitlines()[0].split() == ["name", "description"] and "tab-separated" in en.stdout


def test_init_with_demo_data_counts_what_it_added_in_words(cli, tmp_path) -> None:
    done = cli("init", "--demo")
    assert done.returncode == 0, done.stderr
    assert re.search(r"已加入演示数据：执法人员 \d+ 名、企业 \d+ 家、任务 \d+ 项", done.stdout), done.stdout
    assert "{" not in done.stdout and "officers" not in done.stdout
    bureau = cli("bureau", "init", "--data-dir", str(tmp_path / "bureau"), "--demo", env=EN)
    assert bureau.returncode == 0, bureau.stderr
    assert re.search(r"demo data: \d+ officers, \d+ enterprises, \d+ tasks, the random-inspection lists "
                     r"\(\d+ categories", bureau.stdout) and "{" not in bureau.stdout, bureau.stdout
