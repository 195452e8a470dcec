"""The fine calculator: the §5.2 formula, statutory bases, circumstances, the 免罚 pre-check, the rationale."""

from __future__ import annotations

import pytest

from eco_field.errors import BadInput
from eco_field.law.catalog import load_catalog
from eco_field.law.discretion import Assessment, suggest

CATALOG = load_catalog()


def test_worked_example_of_the_domain_file():
    # Air Law art. 99, 100k–1M: Y = 10 %, factors 6 % + 5 % → (0.10 + 0.11 × 0.90) × 1,000,000 = 199,000
    result = suggest(CATALOG["AIR-02"], {"impact": "medium", "duration": "3to6m"})
    assert (result.amount, result.min, result.max) == (199000, 100000, 1000000)
    assert result.law == "《中华人民共和国大气污染防治法》" and result.article == "第九十九条第二项"
    assert "[10% + 11% × (1 − 10%)] × 1000000元 = 199000元" in result.formula
    assert result.legal_ground is None and result.decision == "fine"


def test_rationale_lists_every_factor_with_its_share_in_chinese():
    result = suggest(CATALOG["AIR-02"], {"impact": "large", "repeat": "2", "complaint": "yes"})
    for text in ("环境影响程度：较大，裁量百分值18%", "两年内违法次数（含本次）：2次，裁量百分值5%",
                 "一年内经核实的信访投诉：有，裁量百分值15%", "裁量百分值合计：Σ = 38%", "建议罚款：人民币442000元"):
        assert text in result.rationale
    assert result.amount == 442000


def test_factor_names_and_levels_accept_the_chinese_labels():
    by_code = suggest(CATALOG["AIR-02"], {"impact": "major", "repeat": "4+"})
    by_label = suggest(CATALOG["AIR-02"], {"环境影响程度": "重大", "repeat": "6"})
    assert by_label.amount == by_code.amount == round((0.1 + 0.59 * 0.9) * 1000000)


def test_no_factors_gives_the_statutory_minimum():
    assert suggest(CATALOG["WAT-01"], {}).amount == 100000


def test_shares_beyond_one_hundred_percent_stop_at_the_maximum():
    factors = {"impact": "major", "duration": "gt12m", "repeat": "4+", "complaint": "yes", "fault": "intentional"}
    result = suggest(CATALOG["AIR-11"], factors)
    assert result.amount == 200000 and result.share_total == 100.0
    assert "按0%—100%计" in result.rationale


def test_rounding_is_half_up_to_the_yuan():
    # 1 %–5 % of 1,234,567 = 12,345.67–61,728.35; Y = 0.2; Σ = 6 % → 12345.67 + 0.06 × 49382.68 = 15308.6308
    result = suggest(CATALOG["EIA-01"], {"impact": "medium"}, investment=1234567)
    assert (result.min, result.max) == (12346, 61728)
    assert result.amount == 15309


def test_disposal_cost_below_the_floor_counts_as_the_floor():
    low = suggest(CATALOG["SW-01"], {}, disposal_cost=30000)
    assert (low.min, low.max) == (100000, 300000) and low.inputs["counted_cost"] == 100000
    high = suggest(CATALOG["HW-03"], {}, disposal_cost=500000)
    assert (high.min, high.max) == (1500000, 2500000)


def test_bases_that_need_an_input_say_which_option_to_give():
    with pytest.raises(BadInput, match="--investment"):
        suggest(CATALOG["EIA-01"], {})
    with pytest.raises(BadInput, match="--disposal-cost"):
        suggest(CATALOG["HW-04"], {})


def test_per_occurrence_fines_multiply_the_range():
    result = suggest(CATALOG["PER-06"], {}, occurrences=3)
    assert (result.min, result.max, result.amount) == (15000, 60000, 15000)
    assert "违法次数：3次" in result.rationale


def test_a_range_without_minimum_starts_from_the_bureau_share():
    result = suggest(CATALOG["EIA-02"], {})
    assert (result.min, result.max, result.amount) == (0, 50000, 5000)
    assert "法律未规定最低罚款额" in result.rationale


def test_alternative_range_for_an_uncorrected_violation():
    result = suggest(CATALOG["EIA-04"], {"tier": "uncorrected"})
    assert (result.min, result.max) == (1000000, 2000000)
    assert "逾期不改正的" in result.rationale


def test_lighter_and_heavier_stay_inside_the_range():
    factors = {"impact": "large", "duration": "6to12m"}
    normal = suggest(CATALOG["AIR-02"], factors).amount
    lighter = suggest(CATALOG["AIR-02"], {**factors, "treatment": "从轻", "ground": "harm_removed"})
    heavier = suggest(CATALOG["AIR-02"], {**factors, "treatment": "heavier"})
    assert 100000 <= lighter.amount < normal < heavier.amount <= 1000000
    assert lighter.legal_ground is None and "从轻处罚" in lighter.rationale


def test_reduced_penalty_needs_a_ground_of_article_32():
    with pytest.raises(BadInput, match="第三十二条"):
        suggest(CATALOG["AIR-02"], {"treatment": "reduced"})
    result = suggest(CATALOG["AIR-02"], {"treatment": "reduced", "ground": "confessed"})
    assert result.amount == 50000 < result.min
    assert "第三十二条第三项" in result.legal_ground


def test_unknown_factor_or_level_is_bad_input_naming_the_choices():
    with pytest.raises(BadInput, match="impact"):
        suggest(CATALOG["AIR-02"], {"smell": "strong"})
    with pytest.raises(BadInput, match="small"):
        suggest(CATALOG["AIR-02"], {"impact": "enormous"})


SMALL_AIR_EXCEEDANCE = {"first": "yes", "toxic": "no", "exceed_pollutants": "1", "exceed_multiple": "0.05",
                        "exceed_hours": "3", "corrected": "yes"}


def test_first_violation_within_the_shanxi_thresholds_is_not_punished():
    result = suggest(CATALOG["AIR-02"], SMALL_AIR_EXCEEDANCE)
    assert result.amount == 0 and result.decision == "no_penalty"
    assert "第三十三条第一款" in result.legal_ground and result.exemption["kind"] == "first"
    assert "免罚不免责" in result.rationale


@pytest.mark.parametrize(("fact", "value", "shown"), [
    ("exceed_multiple", "0.1", "0.1"), ("exceed_hours", "5", "5"), ("toxic", "yes", "是"), ("first", "no", "否"),
    ("exceed_pollutants", "2", "2")])
def test_one_threshold_missed_means_a_fine_and_says_which(fact, value, shown):
    result = suggest(CATALOG["AIR-02"], {**SMALL_AIR_EXCEEDANCE, fact: value})
    assert result.amount >= result.min and result.decision == "fine"
    assert f"（实际：{shown}）" in result.rationale


def test_minor_hazardous_waste_sign_violation_is_not_punished():
    facts = {"tonnage": "0.8", "harm": "none", "corrected_days": "4"}
    assert suggest(CATALOG["HW-01"], facts).decision == "no_penalty"
    assert suggest(CATALOG["HW-01"], {**facts, "tonnage": "1.5"}).amount == 100000


def test_proven_absence_of_fault_is_not_punished():
    result = suggest(CATALOG["WAT-03"], {"no_fault": "yes"})
    assert result.amount == 0 and "第三十三条第二款" in result.legal_ground


def test_unknown_thresholds_are_listed_for_the_officer():
    result = suggest(CATALOG["AIR-10"], {"impact": "small"})
    assert "尚需查明" in result.rationale and "堆场面积" in result.rationale


def test_assessment_round_trips_through_a_dict():
    result = suggest(CATALOG["AIR-02"], {"impact": "medium"})
    assert Assessment.from_dict(result.to_dict()) == result


def test_a_bureau_table_replaces_the_shipped_one(tmp_path):
    (tmp_path / "discretion.json").write_text(
        '{"factors": [{"name": "impact", "label": "影响", "levels": [{"code": "big", "share": 50}]}]}',
        encoding="utf-8")
    result = suggest(CATALOG["AIR-02"], {"impact": "big"}, data_dir=tmp_path)
    assert result.amount == 550000
    with pytest.raises(BadInput):
        suggest(CATALOG["AIR-02"], {"duration": "gt12m"}, data_dir=tmp_path)


@pytest.mark.parametrize(("name", "value", "level"), [
    ("environmental_impact", "severe", "major"), ("环境影响", "严重", "large"), ("impact", "HIGH", "large"),
    ("duration", "7", "6to12m"), ("duration", "12", "gt12m"), ("months", "2.5", "lt3m"),
    ("repeat", "4", "4+"), ("repeat", "9", "4+"), ("complaints", "0", "none"), ("complaint", "3", "yes"),
    ("cooperation", "good", "active"),
])
def test_aliases_and_numbers_select_the_level(name, value, level):
    result = suggest(CATALOG["AIR-02"], {name: value})
    assert result.shares[0]["level"] == level


def test_a_number_outside_every_range_is_refused():
    with pytest.raises(BadInput, match="没有档次"):
        suggest(CATALOG["AIR-02"], {"repeat": "0"})


def test_factor_names_never_shadow_circumstances_or_pre_check_facts():
    from eco_field.law.discretion import SPECIAL
    from eco_field.law.exemptions import load_exemptions
    from eco_field.law.factors import load_config

    reserved = set(SPECIAL) | set(load_exemptions().facts)
    for factor in load_config().factors:
        assert not factor.names() & reserved, factor.name


def test_level_names_are_unambiguous_within_each_factor():
    from eco_field.law.factors import load_config

    for factor in load_config().factors:
        names = [n for lv in factor.levels for n in lv.names()]
        assert len(names) == len(set(names)), factor.name


def test_one_factor_given_twice_under_two_names_is_refused():
    with pytest.raises(BadInput, match="给了两次"):
        suggest(CATALOG["AIR-02"], {"impact": "large", "环境影响": "重大"})


@pytest.mark.parametrize("value", [float("nan"), float("inf")])
def test_non_finite_inputs_are_refused(value):
    with pytest.raises(BadInput, match="有限"):
        suggest(CATALOG["EIA-01"], {}, investment=value)
