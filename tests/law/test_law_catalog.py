"""The catalog data: every §4 entry present, well formed, and the bureau's copy taking precedence."""

from __future__ import annotations

import json
import shutil

import pytest

from eco_field.errors import BadInput, NotFound
from eco_field.law.catalog import DEFAULT_CATALOG, get_entry, load_catalog

SECTION_4_IDS = (
    [f"AIR-{i:02d}" for i in range(1, 12)] + [f"WAT-{i:02d}" for i in range(1, 7)] + ["SW-01", "SW-02", "SW-03"]
    + [f"HW-{i:02d}" for i in range(1, 9)] + [f"EIA-{i:02d}" for i in range(1, 5)]
    + [f"PER-{i:02d}" for i in range(1, 9)] + ["NOI-01", "EMR-01"]
)


def test_every_entry_of_the_domain_table_is_in_the_catalog():
    catalog = load_catalog()
    assert set(SECTION_4_IDS) <= set(catalog)
    assert len(catalog) >= 43


def test_entries_are_complete_and_ranges_are_sane():
    for entry in load_catalog().values():
        assert entry.law.startswith("《") and entry.article.startswith("第"), entry.id
        assert entry.description and entry.article_text, entry.id
        assert entry.measures and entry.measures[0]["measure"] == "责令改正", entry.id
        assert 0 <= entry.fine.min < entry.fine.max, entry.id
        for other in entry.overlaps:
            assert other in load_catalog(), (entry.id, other)


@pytest.mark.parametrize(("catalog_id", "basis", "low", "high", "words"), [
    ("AIR-02", "amount", 100000, 1000000, "十万元以上一百万元以下"),
    ("SW-01", "disposal_cost", 1, 3, "所需处置费用不足十万元的，按十万元计算"),
    ("HW-03", "disposal_cost", 3, 5, "所需处置费用不足二十万元的，按二十万元计算"),
    ("EIA-01", "investment", 1, 5, "总投资额百分之一以上百分之五以下"),
    ("PER-06", "per_occurrence", 5000, 20000, "处每次5千元以上2万元以下"),
    ("EIA-02", "amount", 0, 50000, "处五万元以下的罚款"),
    ("NOI-01", "amount", 20000, 200000, "二万元以上二十万元以下"),
])
def test_fine_structure_matches_the_quoted_article(catalog_id, basis, low, high, words):
    entry = load_catalog()[catalog_id]
    assert (entry.fine.basis, entry.fine.min, entry.fine.max) == (basis, low, high)
    assert words in entry.article_text


def test_overlapping_permit_and_air_law_entries_are_flagged_both_ways():
    catalog = load_catalog()
    assert "PER-02" in catalog["AIR-02"].overlaps and "AIR-02" in catalog["PER-02"].overlaps
    assert "第二十九条" in catalog["AIR-02"].overlap_notes


def test_alternative_ranges_are_selectable():
    entry = load_catalog()["EIA-04"]
    assert entry.fine_for("uncorrected").min == 1000000
    assert entry.fine_for("person").applies_to == "person"
    with pytest.raises(BadInput, match="的罚款幅度"):
        entry.fine_for("serious")


def test_lookup_is_case_insensitive_and_unknown_ids_are_reported():
    catalog = load_catalog()
    assert get_entry(catalog, "air-02").id == "AIR-02"
    with pytest.raises(NotFound, match="AIR-99"):
        get_entry(catalog, "AIR-99")


def test_a_catalog_pulled_from_the_bureau_takes_precedence(tmp_path):
    doc = json.loads(DEFAULT_CATALOG.read_text(encoding="utf-8"))
    doc["entries"] = [e for e in doc["entries"] if e["id"] == "AIR-02"]
    doc["entries"][0]["fine"]["max"] = 900000
    (tmp_path / "catalog.json").write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    catalog = load_catalog(tmp_path)
    assert list(catalog) == ["AIR-02"] and catalog["AIR-02"].fine.max == 900000


def test_a_broken_catalog_names_the_file_and_line(tmp_path):
    shutil.copy(DEFAULT_CATALOG, tmp_path / "catalog.json")
    (tmp_path / "catalog.json").write_text('{"entries": [\n{"id": "X-1",,}]}', encoding="utf-8")
    with pytest.raises(BadInput, match=r"catalog.json 第 2 行"):
        load_catalog(tmp_path)


def test_an_entry_with_an_inverted_range_is_refused(tmp_path):
    bad = {"entries": [{"id": "X-1", "law": "《某法》", "article": "第一条", "description": "d",
                        "fine": {"basis": "amount", "min": 5, "max": 1}}]}
    (tmp_path / "catalog.json").write_text(json.dumps(bad), encoding="utf-8")
    with pytest.raises(BadInput, match="第 1 条（X-1）的罚款幅度 5.0–1.0 无效"):
        load_catalog(tmp_path)


def test_overlaps_are_mutual():
    catalog = load_catalog()
    for entry in catalog.values():
        for other in entry.overlaps:
            assert entry.id in catalog[other].overlaps, (entry.id, other)


@pytest.mark.parametrize(("catalog_id", "article", "words"), [
    ("AIR-02", "第十八条", "应当符合大气污染物排放标准"),
    ("WAT-03", "第三十九条", "私设暗管"),
    ("HW-01", "第七十七条", "危险废物识别标志"),
    ("EIA-01", "第二十五条", "不得开工建设"),
])
def test_the_breached_obligation_is_quoted_for_decisions(catalog_id, article, words):
    entry = load_catalog()[catalog_id]
    assert entry.violated_article.endswith(article) and words in entry.violated_text
