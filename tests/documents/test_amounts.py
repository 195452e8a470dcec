"""Amounts in Chinese capitals (大写金额) as printed on penalty decisions."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

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


DIGIT = {c: i for i, c in enumerate("零壹贰叁肆伍陆柒捌玖")}
SMALL = {"拾": 10, "佰": 100, "仟": 1000}


def read_integer(text: str) -> int:
    """An independent reader of 壹亿零贰万叁仟零伍 style numerals, to check capitals() round-trips."""
    total, section, digit = 0, 0, 0
    for char in text:
        if char in DIGIT:
            digit = DIGIT[char]
        elif char in SMALL:
            section += digit * SMALL[char]
            digit = 0
        elif char == "万":
            total += (section + digit) * 10_000
            section = digit = 0
        elif char == "亿":
            total = (total + section + digit) * 100_000_000
            section = digit = 0
        else:
            raise AssertionError(f"unexpected {char!r} in {text!r}")
    return total + section + digit


def read_capitals(text: str) -> Decimal:
    assert text.startswith("人民币")
    body = text[3:]
    whole = body.endswith("整")
    body = body.removesuffix("整")
    yuan_text, _, cents_text = body.partition("元")
    if not _:  # no 元: below one yuan
        yuan_text, cents_text = "", body
    jiao = DIGIT[cents_text[cents_text.index("角") - 1]] if "角" in cents_text else 0
    fen = DIGIT[cents_text[cents_text.index("分") - 1]] if "分" in cents_text else 0
    assert whole == (jiao == 0 and fen == 0)
    return Decimal(read_integer(yuan_text.replace("零", "")) if yuan_text else 0) + Decimal(jiao) / 10 + Decimal(fen) / 100


@given(st.integers(min_value=0, max_value=10 ** 12 - 1), st.integers(min_value=0, max_value=99))
def test_capitals_read_back_to_the_amount(yuan, cents):
    amount = Decimal(yuan) + Decimal(cents) / 100
    text = capitals(amount)
    assert read_capitals(text) == amount
    assert "零零" not in text and not text.removeprefix("人民币").startswith("零") or amount < 1
