"""Property: for every catalog entry and any factor combination the fine stays inside the statutory range
(unless 减轻 with a stated ground, which stays below the minimum and above zero)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eco_field.law.catalog import load_catalog
from eco_field.law.discretion import suggest
from eco_field.law.exemptions import load_exemptions
from eco_field.law.factors import load_config

CATALOG = load_catalog()
CONFIG = load_config()
EXEMPTIONS = load_exemptions()
ENTRY_IDS = sorted(CATALOG)

factor_choices = st.fixed_dictionaries({}, optional={
    f.name: st.sampled_from([lv.code for lv in f.levels]) for f in CONFIG.factors})
treatments = st.sampled_from(["normal", "lighter", "heavier"])


def _kwargs(entry, investment, cost, occurrences):
    basis = entry.fine.basis
    return {"investment": investment if basis == "investment" else None,
            "disposal_cost": cost if basis == "disposal_cost" else None,
            "occurrences": occurrences if basis == "per_occurrence" else 1}


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(ENTRY_IDS), factor_choices, treatments,
       st.integers(min_value=100, max_value=10**10), st.integers(min_value=0, max_value=10**9),
       st.integers(min_value=1, max_value=30))
def test_fine_is_always_inside_the_statutory_range(entry_id, factors, treatment, investment, cost, occurrences):
    entry = CATALOG[entry_id]
    result = suggest(entry, {**factors, "treatment": treatment}, config=CONFIG, exemptions=EXEMPTIONS,
                     **_kwargs(entry, investment, cost, occurrences))
    assert result.min <= result.amount <= result.max
    assert result.legal_ground is None
    for share in result.shares:
        assert f"{share['label']}：{share['level_label']}" in result.rationale
    assert f"建议罚款：人民币{result.amount}元" in result.rationale


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(ENTRY_IDS), factor_choices, st.sampled_from([g.code for g in CONFIG.grounds]))
def test_reduced_fine_goes_below_the_minimum_only_with_its_ground(entry_id, factors, ground):
    entry = CATALOG[entry_id]
    result = suggest(entry, {**factors, "treatment": "reduced", "ground": ground}, config=CONFIG,
                     exemptions=EXEMPTIONS, **_kwargs(entry, 5_000_000, 80_000, 2))
    assert 0 <= result.amount <= max(result.min, 1) or (result.min == 0 and result.amount <= result.max)
    assert "第三十二条" in result.legal_ground


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(ENTRY_IDS), factor_choices, factor_choices)
def test_more_aggravation_never_lowers_the_fine(entry_id, first, second):
    entry = CATALOG[entry_id]
    kwargs = _kwargs(entry, 3_000_000, 150_000, 1)
    share = {f.name: {lv.code: lv.share for lv in f.levels} for f in CONFIG.factors}
    total_1 = sum(share[k][v] for k, v in first.items())
    total_2 = sum(share[k][v] for k, v in second.items())
    a = suggest(entry, first, config=CONFIG, exemptions=EXEMPTIONS, **kwargs).amount
    b = suggest(entry, second, config=CONFIG, exemptions=EXEMPTIONS, **kwargs).amount
    if total_1 <= total_2:
        assert a <= b
