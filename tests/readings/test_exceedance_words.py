"""Each exceedance in the words a decision uses, from the one evaluation of a reading against its limit: a
maximum by its 超标倍数 (折算 only where the value was converted or O2-corrected), a sound level by dB(A),
a minimum as 低于标准下限, a range as 超出…的范围 with pH 无量纲; a series within its limit gives none."""

from __future__ import annotations

import pytest

from eco_field.readings import exceedance, service
from tests.readings.conftest import OFFICERS, coking_enterprise_id


def test_an_o2_corrected_maximum_is_worded_with_its_multiple(workspace, tmp_path):
    from eco_field.store import inspections

    insp = inspections.create(workspace.db, coking_enterprise_id(), OFFICERS)
    lines = ["时间,二氧化硫(mg/m3),氧气(%)"] + [f"2026-06-05 10:{i:02d}:00,{v},8.0" for i, v in enumerate((20, 39, 25))]
    (tmp_path / "stack.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = service.import_file(workspace, insp.id, tmp_path / "stack.csv", outlet="DA001")  # SO2 ≤ 30 at 8 % O2
    so2 = next(s for s in result["series"] if s["pollutant"] == "SO2")
    found = exceedance.of_series(so2)
    assert found.kind == "max" and found.multiple == pytest.approx(0.3)
    assert found.wording == "二氧化硫折算最大值39mg/m³，超过排放标准限值（30mg/m³）0.30倍"
    assert found.outlet == "DA001" and found.standard == "GB 16171-2012 表6"


def series(pollutant: str, unit: str, kind: str, limit: float, worst: float, low=None, high=None) -> dict:
    """A series summary as the readings service gives it (list_series / get_series)."""
    return {"pollutant": pollutant, "limit": limit, "limit_unit": unit, "max_converted": worst,
            "max_exceed_multiple": None, "evaluation": {"kind": kind, "low": low, "high": high, "worst": worst,
                                                        "factor": 1.0, "o2_corrected": False}}


@pytest.mark.parametrize("summary, words", [
    (series("DO", "mg/L", "min", 5, 2), "溶解氧最低值2mg/L，低于标准下限5mg/L"),
    (series("PH", "", "range", 9, 11, 6, 9), "pH值最高值11（无量纲），超出6～9的范围"),
    (series("PH", "无量纲", "range", 9, 4.5, 6, 9), "pH值最低值4.5（无量纲），超出6～9的范围"),
    (series("COD", "mg/L", "max", 50, 60), "化学需氧量最大值60mg/L，超过排放标准限值（50mg/L）0.20倍"),
    (series("LAeq", "dB(A)", "max", 60, 65.3), "等效连续A声级最大值65.3dB(A)，超过排放标准限值（60dB(A)）5.3dB(A)"),
])
def test_each_kind_in_a_decisions_words(summary, words):
    assert exceedance.of_series(summary).wording == words


@pytest.mark.parametrize("summary", [
    series("DO", "mg/L", "min", 5, 5.0),          # at the minimum is not below it
    series("PH", "", "range", 9, 9.0, 6, 9),       # the bounds are inside the range
    series("COD", "mg/L", "max", 50, 50),
])
def test_on_the_limit_is_no_exceedance(summary):
    assert exceedance.of_series(summary) is None


def test_limits_read_as_on_paper():
    assert exceedance.limit_text("min", 5, None, None, "mg/L") == "≥5mg/L"
    assert exceedance.limit_text("range", 9, 6, 9, "") == "6～9（无量纲）"
    assert exceedance.limit_text("max", 50, None, None, "mg/m³") == "50mg/m³"


def test_the_words_are_chinese_whatever_the_interface_language():
    from eco_field import messages

    before = messages.language()
    messages.set_language("en")
    try:
        assert messages.text("readings.pollutant.do") != "溶解氧"  # the screen speaks English …
        assert exceedance.of_series(series("DO", "mg/L", "min", 5, 2)).wording.startswith("溶解氧最低值")  # … paper not
    finally:
        messages.set_language(before)
