"""Amounts of money as officers type them: yuan with at most two decimals (元、角、分), kept exactly in fen.

A fine of 1000000.05 yuan is 100000005 fen; 1000000.055 is refused rather than rounded, since a decided
fine is a legal act and must be what the officer wrote.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from eco_field.errors import BadInput
from eco_field.messages import Message, Term

MAX_FEN = 10 ** 17  # far above any fine; guards against a typo of many digits


AMOUNT = Term("money.amount")


def parse_yuan(value: Any, field: str | Message = AMOUNT) -> int:
    """Fen from yuan written as 1000000.05, 1,000,000.05, ¥1000000.05 or 1000000.05元 (or an int/Decimal)."""
    if isinstance(value, bool):
        raise BadInput("money.not_amount", field=field, value=value)
    text = str(value).strip().replace(",", "").replace("，", "").lstrip("¥￥").removesuffix("元").strip()
    try:
        amount = Decimal(text)
    except InvalidOperation:
        raise BadInput("money.not_amount", field=field, value=value) from None
    if not amount.is_finite():
        raise BadInput("money.not_amount", field=field, value=value)
    if amount < 0:
        raise BadInput("money.negative", field=field, value=value)
    fen = amount * 100
    if fen != fen.to_integral_value():
        raise BadInput("money.too_precise", field=field, value=value)
    if fen >= MAX_FEN:
        raise BadInput("money.out_of_range", field=field, value=value)
    return int(fen)


def fen_to_yuan(fen: int) -> int | float:
    """Yuan for JSON and arithmetic with whole-yuan ranges: an int when whole, else a float of 2 decimals
    (every such float prints back as the same 2 decimals)."""
    return fen // 100 if fen % 100 == 0 else float(Decimal(fen) / 100)


def yuan_text(fen: int) -> str:
    """1,000,000.05"""
    return f"{Decimal(fen) / 100:,.2f}"


def fen_of(assessment: dict[str, Any]) -> int:
    """The exact fine of an assessment dict: amount_fen when stored, else its (whole-yuan) amount."""
    if assessment.get("amount_fen") is not None:
        return int(assessment["amount_fen"])
    return parse_yuan(assessment.get("amount") or 0)
