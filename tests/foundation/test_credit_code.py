"""GB 32100 unified social credit codes: check character computed and verified."""

import pytest

from eco_field import credit_code

# Published codes of real organisations (check characters as printed on their licences).
REAL_CODES = ["91350100M000100Y43", "91110000100010433L", "91440300708461136T"]


@pytest.mark.parametrize("code", REAL_CODES)
def test_real_codes_validate(code):
    assert credit_code.is_valid(code)


def test_changed_character_is_caught():
    code = REAL_CODES[0]
    broken = code[:5] + ("1" if code[5] != "1" else "2") + code[6:]
    assert "校验码" in str(credit_code.problem(broken))


@pytest.mark.parametrize("code,why", [("123", "18 位"), ("91350100M000100I43", "不能含字符 I"),
                                      ("91ABCDEFM000100Y43", "行政区划代码")])
def test_malformed_codes_say_why(code, why):
    assert why in str(credit_code.problem(code))


def test_complete_makes_valid_codes():
    assert credit_code.is_valid(credit_code.complete("91141102MA0D0000X"))
