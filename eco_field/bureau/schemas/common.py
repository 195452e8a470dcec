"""Field types every pushed record's schema is built from: ids, texts, hashes, times, numbers in range.

The payloads are checked as sent (strict: no coercion, no unknown fields) and stored exactly as sent, so a
schema never changes what the bureau keeps; it only decides whether it keeps it. Texts are also checked
before any schema (app.read_json): no NUL, no lone surrogate, nesting and size bounded.
"""

from __future__ import annotations

import unicodedata
from datetime import date, datetime
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, JsonValue, StringConstraints
from pydantic_core import PydanticCustomError

MAX_REVISION = 2 ** 62          # a BIGINT on PostgreSQL with room to spare; no record gets near it
MAX_BYTES = 2 ** 40             # a blob or file size
MAX_ITEMS = 10_000              # elements of a list in a payload

# Years a record's time may name: a year 9999 (or 0001) time is valid ISO-8601 but overflows the bureau's
# date arithmetic (the photo window, the procedure's deadlines) and broke the case file page.
# The errors' types below (not_date, year_range, hidden_characters …) let invalid_body.py say each one in the
# officer's language.
FIRST_YEAR, LAST_YEAR = 1900, 2200


def _datetime(text: str) -> str:
    try:
        moment = datetime.fromisoformat(text)
    except ValueError as exc:
        raise PydanticCustomError("not_datetime", "not an ISO-8601 date and time") from exc
    _in_years(moment.year)
    return text


def _date(text: str) -> str:
    try:
        day = date.fromisoformat(text)
    except ValueError as exc:
        raise PydanticCustomError("not_date", "not an ISO-8601 date (YYYY-MM-DD)") from exc
    _in_years(day.year)
    return text


def _in_years(year: int) -> None:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise PydanticCustomError("year_range", "year {year} is outside {first}-{last}",
                                  {"year": year, "first": FIRST_YEAR, "last": LAST_YEAR})


# Characters that change how a text displays without being seen: zero-width marks, bidi overrides, controls,
# private use and unassigned code points. A document number or a device name holding one reads like another.
_HIDDEN = frozenset(("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"))


def _visible(text: str) -> str:
    hidden = [f"U+{ord(c):04X}" for c in text if unicodedata.category(c) in _HIDDEN]
    if hidden:
        raise PydanticCustomError("hidden_characters", "holds characters that do not display: {chars}",
                                  {"chars": ", ".join(hidden[:5])})
    if unicodedata.normalize("NFC", text) != text:
        raise PydanticCustomError("not_nfc", "is not in Unicode normal form NFC")
    return text


# A record id made by a device (UUIDs) or the bureau (UUIDs, uuid5 of the demo): letters, digits, . _ -
Id = Annotated[str, StringConstraints(min_length=1, max_length=64, pattern=r"^[0-9A-Za-z][0-9A-Za-z._-]*$")]
# The id of a document number record: the number as printed (吕环罚〔2026〕1号), no control characters
NumberId = Annotated[str, StringConstraints(min_length=1, max_length=64, pattern=r"^[^\x00-\x1f\x7f]+$"),
                    AfterValidator(_visible)]
VisibleName = Annotated[str, StringConstraints(max_length=100), AfterValidator(_visible)]  # a device's name
Sha256 = Annotated[str, StringConstraints(min_length=64, max_length=64, pattern=r"^[0-9a-f]{64}$")]
OfficerCert = Annotated[str, StringConstraints(min_length=1, max_length=32, pattern=r"^[0-9A-Za-z-]+$")]
Code = Annotated[str, StringConstraints(min_length=1, max_length=64, pattern=r"^[0-9A-Za-z_.:/-]+$")]
Name = Annotated[str, StringConstraints(max_length=500)]       # a file name, a person's name, a title
Text = Annotated[str, StringConstraints(max_length=20_000)]    # facts, notes, reasons: a page or two
LongText = Annotated[str, StringConstraints(max_length=200_000)]
Timestamp = Annotated[str, StringConstraints(min_length=10, max_length=40), AfterValidator(_datetime)]
Day = Annotated[str, StringConstraints(min_length=10, max_length=10), AfterValidator(_date)]
Revision = Annotated[int, Field(ge=1, le=MAX_REVISION)]
Size = Annotated[int, Field(ge=0, le=MAX_BYTES)]
Count = Annotated[int, Field(ge=0, le=1_000_000)]
Year = Annotated[int, Field(ge=1990, le=2200)]
Serial = Annotated[int, Field(ge=1, le=999_999_999)]
Json = JsonValue                                               # free-form detail, bounded by read_json
JsonObject = dict[Annotated[str, StringConstraints(max_length=200)], JsonValue]
JsonList = Annotated[list[JsonValue], Field(max_length=MAX_ITEMS)]


class Strict(BaseModel):
    """A payload or body: exactly the declared fields, each of its declared type (no coercion)."""

    model_config = ConfigDict(extra="forbid", strict=True)


def payload_id_matches(entry: Any) -> Any:
    """A payload that names its own id must name the entry's."""
    own = getattr(entry.payload, "id", None)
    if own is not None and own != entry.entity_id:
        raise ValueError(f"payload id {own!r} is not the entry's entity_id")
    return entry
