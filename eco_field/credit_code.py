"""Unified social credit code (统一社会信用代码), GB 32100-2015: 18 characters, the last a check character."""

from __future__ import annotations

from eco_field.messages import Message

ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"  # 31 characters: no I, O, Z, S, V
WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


def check_character(first17: str) -> str:
    total = sum(ALPHABET.index(ch) * w for ch, w in zip(first17, WEIGHTS, strict=True))
    return ALPHABET[(31 - total % 31) % 31]


def problem(code: str) -> Message | None:
    """What is wrong with a credit code, as a message in the interface language (str() it); None if valid."""
    if len(code) != 18:
        return Message("credit_code.length", {"n": len(code)})
    bad = [ch for ch in code if ch not in ALPHABET]
    if bad:
        return Message("credit_code.character", {"char": bad[0]})
    if not code[2:8].isdigit():
        return Message("credit_code.division")
    expected = check_character(code[:17])
    if code[17] != expected:
        return Message("credit_code.check", {"found": code[17], "expected": expected})
    return None


def is_valid(code: str) -> bool:
    return problem(code) is None


def complete(first17: str) -> str:
    """The full code for 17 characters (used to make demo codes)."""
    return first17 + check_character(first17)
