"""The checklist data files and their core loader (no Qt)."""

from __future__ import annotations

import json

import pytest

from eco_field import checklists
from eco_field.errors import BadInput
from eco_field.industries import INDUSTRIES


@pytest.mark.parametrize("industry", sorted(INDUSTRIES))
def test_every_industry_has_a_checklist_with_unique_ids(industry):
    items = checklists.items_for(industry)
    ids = [item.id for item in items]
    assert len(ids) == len(set(ids))
    assert ids[0] == "PROC-01" and "GEN-01" in ids
    assert all(item.text and item.section for item in items)
    # research notes stay in the source document, not in what the officer reads
    assert not [i.id for i in items if "inferred" in i.text + i.basis or "[P" in i.text + i.basis]
    if industry != "general":
        prefix = json.loads((checklists.CHECKLIST_DIR / f"{industry}.json").read_text())["prefix"]
        assert sum(i.startswith(prefix + "-") for i in ids) >= 10


def test_unknown_industry_falls_back_to_general():
    assert [i.id for i in checklists.items_for("")] == [i.id for i in checklists.items_for("general")]


def test_answers_summary_and_non_compliant():
    value = checklists.answer({}, "coking", "COK-03", "non_compliant", "旁路开启")
    value = checklists.answer(value, "coking", "GEN-01", "compliant")
    counts = checklists.summary(value, "coking")
    assert counts["non_compliant"] == 1 and counts["compliant"] == 1
    assert counts["unchecked"] == len(checklists.items_for("coking")) - 2
    [(item, note)] = checklists.non_compliant(value, "coking")
    assert item.id == "COK-03" and note == "旁路开启" and "大气法" in item.basis


def test_bad_answer_is_refused():
    with pytest.raises(BadInput, match="未知的检查表答案 maybe"):
        checklists.answer({}, "coking", "COK-03", "maybe")
