"""Amounts of money in figures and in Chinese capitals (大写金额), as written on penalty decisions.

人民币壹拾万元整, 人民币壹万零伍拾元伍角, 人民币零元整. Follows the banking rules: a run of zeros inside the
number is written once as 零; a zero 角 before a non-zero 分 is written 零; whole yuan end with 整.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from eco_field.errors import BadInput

DIGITS = "零壹贰叁肆伍陆柒捌玖"
SMALL_UNITS = ("", "拾", "佰", "仟")
BIG_UNITS = ("", "万", "亿", "万亿")
MAX_AMOUNT = Decimal("9999999999999999.99")


def to_decimal(amount: int | float | str | Decimal) -> Decimal:
    try:
        value = Decimal(str(amount))
        if not value.is_finite():
            raise InvalidOperation
        value = value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    except (InvalidOperation, ValueError) as exc:
        raise BadInput("documents.not_amount", amount=amount) from exc
    if value < 0 or value > MAX_AMOUNT:
        raise BadInput("documents.amount_range", amount=amount)
    return value


def _four_digits(group: int) -> str:
    """A group of up to four digits (0 < group < 10000) with inner zeros collapsed to one 零."""
    text, zero_pending = "", False
    for position in range(3, -1, -1):
        digit = group // 10 ** position % 10
        if digit == 0:
            zero_pending = bool(text)
            continue
        if zero_pending:
            text += "零"
            zero_pending = False
        text += DIGITS[digit] + SMALL_UNITS[position]
    return text


def _integer_part(yuan: int) -> str:
    if yuan == 0:
        return ""
    groups = []
    while yuan:
        groups.append(yuan % 10000)
        yuan //= 10000
    text, zero_pending = "", False
    for index in range(len(groups) - 1, -1, -1):
        group = groups[index]
        if group == 0:
            zero_pending = bool(text)
            continue
        if text and (zero_pending or group < 1000):
            text += "零"
        text += _four_digits(group) + BIG_UNITS[index]
        zero_pending = False
    return text


def capitals(amount: int | float | str | Decimal) -> str:
    """人民币… in Chinese capitals, e.g. 100000 -> 人民币壹拾万元整."""
    value = to_decimal(amount)
    cents = int(value * 100)
    yuan, jiao, fen = cents // 100, cents // 10 % 10, cents % 10
    text = _integer_part(yuan)
    if text:
        text += "元"
    if jiao == 0 and fen == 0:
        return "人民币" + (text or "零元") + "整"
    if jiao:
        text += DIGITS[jiao] + "角"
    elif text:
        text += "零"
    if fen:
        text += DIGITS[fen] + "分"
    return "人民币" + text


def figures(amount: int | float | str | Decimal) -> str:
    """¥100,000.00 style figures used beside the capitals."""
    value = to_decimal(amount)
    return f"{value:,.2f}"
