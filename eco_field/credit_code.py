"""Unified social credit code (统一社会信用代码), GB 32100-2015: 18 characters, the last a check character."""

from __future__ import annotations

ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"  # 31 characters: no I, O, Z, S, V
WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


def check_character(first17: str) -> str:
    total = sum(ALPHABET.index(ch) * w for ch, w in zip(first17, WEIGHTS, strict=True))
    return ALPHABET[(31 - total % 31) % 31]


def problem(code: str) -> str | None:
    """Why code is not a valid credit code, or None when it is."""
    if len(code) != 18:
        return f"must be 18 characters, got {len(code)}"
    bad = [ch for ch in code if ch not in ALPHABET]
    if bad:
        return f"character {bad[0]!r} is not allowed (GB 32100 uses 0-9 and A-Y without I, O, S, V, Z)"
    if not code[2:8].isdigit():
        return "characters 3-8 must be the administrative division code (digits)"
    expected = check_character(code[:17])
    if code[17] != expected:
        return f"check character is {code[17]!r} but should be {expected!r}"
    return None


def is_valid(code: str) -> bool:
    return problem(code) is None


def complete(first17: str) -> str:
    """The full code for 17 characters (used to make demo codes)."""
    return first17 + check_character(first17)
