"""Amounts in Chinese capitals (大写金额) as printed on penalty decisions."""

from decimal import Decimal

import pytest

from eco_field.documents.amounts import capitals, figures
from eco_field.errors import BadInput

TABLE = [
    (0, "人民币零元整"),
    (1, "人民币壹元整"),
    (10, "人民币壹拾元整"),
    (15, "人民币壹拾伍元整"),
    (101, "人民币壹佰零壹元整"),
    (1010, "人民币壹仟零壹拾元整"),
    (1001, "人民币壹仟零壹元整"),
    (5000, "人民币伍仟元整"),
    (10000, "人民币壹万元整"),
    (10050.5, "人民币壹万零伍拾元伍角"),
    (20000, "人民币贰万元整"),
    (100000, "人民币壹拾万元整"),
    (100001, "人民币壹拾万零壹元整"),
    (105000, "人民币壹拾万伍仟元整"),
    (199000, "人民币壹拾玖万玖仟元整"),
    (1000000, "人民币壹佰万元整"),
    (1400000, "人民币壹佰肆拾万元整"),
    (10010000, "人民币壹仟零壹万元整"),
    (100000000, "人民币壹亿元整"),
    (100001000, "人民币壹亿零壹仟元整"),
    (1000000001, "人民币壹拾亿零壹元整"),
    (0.05, "人民币伍分"),
    (0.5, "人民币伍角"),
    (1.05, "人民币壹元零伍分"),
    (30000.09, "人民币叁万元零玖分"),
    (12345.67, "人民币壹万贰仟叁佰肆拾伍元陆角柒分"),
    ("6007.10", "人民币陆仟零柒元壹角"),
]


@pytest.mark.parametrize(("amount", "expected"), TABLE)
def test_capitals(amount, expected):
    assert capitals(amount) == expected


def test_rounds_to_the_fen_half_up():
    assert capitals(Decimal("1.005")) == "人民币壹元零壹分"


def test_figures_have_grouping_and_two_decimals():
    assert figures(1400000) == "1,400,000.00"


@pytest.mark.parametrize("bad", [-1, "abc", float("nan"), 10 ** 17])
def test_refuses_what_is_not_an_amount(bad):
    with pytest.raises(BadInput):
        capitals(bad)
