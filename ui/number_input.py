"""What the officer types into the number-block dialog, checked before the core is called.

The core (eco_field.documents.numbering) checks the same things and more, with English messages for the
CLI; here each problem gets a message in the interface language that names the field to fix.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from eco_field.documents.numbering import Block


class InputProblem(ValueError):
    """Something typed cannot be used; str() is the message for the officer."""


@dataclass(frozen=True)
class BlockRequest:
    kind: str
    year: int
    start: int
    end: int


@dataclass(frozen=True)
class VoidRequest:
    kind: str
    year: int
    serial: int
    reason: str


def _whole(text: str, problem: str) -> int:
    """A positive whole number; full-width digits (１２) count, as a Chinese input method types them."""
    try:
        value = int(text.strip())
    except ValueError:
        raise InputProblem(problem) from None
    if value < 1:
        raise InputProblem(problem)
    return value


def parse_year(text: str, example: int) -> int:
    problem = QCoreApplication.translate("NumberInput", "The year must be a four-digit number, e.g. {year}.")
    year = _whole(text, problem.format(year=example))
    if not 1900 <= year <= 9999:
        raise InputProblem(problem.format(year=example))
    return year


def parse_block(kind: str | None, year: str, start: str, end: str, existing: Sequence[Block],
                this_year: int) -> BlockRequest:
    """The block to add, or InputProblem naming the first field to fix (overlaps included)."""
    if not kind:
        raise InputProblem(QCoreApplication.translate("NumberInput", "Choose the document kind."))
    year_value = parse_year(year, this_year)
    first = _whole(start, QCoreApplication.translate(
        "NumberInput", "The first serial must be a whole number of at least 1."))
    last = _whole(end, QCoreApplication.translate(
        "NumberInput", "The last serial must be a whole number of at least 1."))
    if last < first:
        raise InputProblem(QCoreApplication.translate(
            "NumberInput", "The last serial ({end}) is smaller than the first ({start}).").format(end=last, start=first))
    for block in existing:
        same = (block.start, block.end) == (first, last)
        if block.kind == kind and block.year == year_value and not same and block.start <= last and block.end >= first:
            raise InputProblem(QCoreApplication.translate(
                "NumberInput", "Serials {start}–{end} overlap the block {a}–{b} of the same kind and year: "
                "a number could be issued twice.").format(start=first, end=last, a=block.start, b=block.end))
    return BlockRequest(kind, year_value, first, last)


def parse_void(kind: str | None, year: str, serial: str, reason: str, this_year: int, blocks: Sequence[Block],
               numbers: Sequence[dict]) -> VoidRequest:
    """The number to void, or InputProblem naming the field to fix; numbers are numbering.list_numbers rows."""
    if not kind:
        raise InputProblem(QCoreApplication.translate("NumberInput", "Choose the document kind."))
    year_value = parse_year(year, this_year)
    if not serial.strip():
        raise InputProblem(QCoreApplication.translate("NumberInput", "Enter the serial to void."))
    value = _whole(serial, QCoreApplication.translate("NumberInput", "The serial must be a whole number of at least 1."))
    used = next((n for n in numbers if (n["kind"], n["year"], n["serial"]) == (kind, year_value, value)), None)
    if used is not None and used["status"] == "void":
        raise InputProblem(QCoreApplication.translate("NumberInput", "{number} is already void.")
                           .format(number=used["number"]))
    if used is None and not any(b.kind == kind and b.year == year_value and b.start <= value <= b.end
                                for b in blocks):
        raise InputProblem(QCoreApplication.translate(
            "NumberInput", "Serial {serial} of {year} is in no block of this kind on this device.")
            .format(serial=value, year=year_value))
    if not reason.strip():
        raise InputProblem(QCoreApplication.translate("NumberInput", "Give the reason for voiding the number."))
    return VoidRequest(kind, year_value, value, reason.strip())
