"""A body, query or header the declared models refuse (422), said so a device can show it in its officer's
language: which entry and field, and what is wrong with it.

The answer keeps its English "detail", "invalid" (the entry ids) and "errors" ({loc, msg}) for the API,
and adds "code" and "params" as every refusal does (refusals.py): params.problems lists the first few
problems, each a message code (bureau.invalid.<what>) whose "where" is itself a code naming the entry
(by its number in the batch and its kind, never its id) and field. sync.transport renders them.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from eco_field.bureau.refusals import Refusal, plain
from eco_field.messages import Message, Term

SHOWN = 3  # problems a device is told of by code (all are listed, in English, under "errors")
KEPT = 50  # problems listed under "errors"

# pydantic's error types, by what an officer is told (bureau.invalid.<key>); any other: "rejected"
KINDS = {
    "missing": "missing", "extra_forbidden": "unknown_field",
    "literal_error": "not_allowed", "enum": "not_allowed",
    "union_tag_invalid": "kind", "union_tag_not_found": "kind",
    "too_long": "length", "too_short": "length", "string_too_long": "length", "string_too_short": "length",
    "greater_than": "range", "greater_than_equal": "range", "less_than": "range", "less_than_equal": "range",
    "string_pattern_mismatch": "format", "uuid_parsing": "format", "uuid_type": "format",
    "json_invalid": "format",
    # schemas/common.py's own (PydanticCustomError types); their context fills the message
    "not_datetime": "date", "not_date": "date", "year_range": "year", "hidden_characters": "hidden",
    "not_nfc": "not_nfc", "event_data": "event_data",
}
CONTEXT = ("year", "first", "last", "chars", "event", "field")  # context values a message names (plain numbers and U+ codes)
DATE_PREFIXES = ("date_", "datetime_", "time_", "timezone_")
ENTITIES = ("inspection", "case", "evidence", "reading_source", "document", "document_version",
            "document_signature", "signature", "document_number")


class InvalidBody(Refusal):
    """The 422 answer for pydantic errors; entries: the /push batch as sent (to name an entry's kind)."""

    def __init__(self, errors: Sequence[Any], entries: Any = None, entry_ids: Sequence[str] = ()) -> None:
        listed = [{"loc": ".".join(str(p) for p in e.get("loc", ())), "msg": str(e.get("msg", ""))}
                  for e in errors]
        problems = [problem(e, entries) for e in errors[:SHOWN]]
        super().__init__("bureau.refused.invalid", count=len(errors), problems=problems)
        self.english = "; ".join(f"{e['loc']}: {e['msg']}" for e in listed[:5]) or "invalid request"
        self.errors, self.entry_ids = listed[:KEPT], list(entry_ids)
        self.by_entry = _by_entry(errors, entries)

    def __str__(self) -> str:
        return self.english  # the API's detail, as before codes were added

    def answer(self) -> dict[str, Any]:
        extra = {"entry_problems": self.by_entry} if self.by_entry else {}
        return {**self.body(invalid=self.entry_ids, errors=self.errors, **extra), "detail": self.english}


def problem(error: Any, entries: Any = None) -> Message:
    """One pydantic error as a message: what is wrong (bureau.invalid.*) and where (bureau.where.*)."""
    kind = str(error.get("type", ""))
    what = KINDS.get(kind) or ("type" if kind.endswith("_type") or kind.endswith("_parsing") else None)
    if kind.startswith(DATE_PREFIXES) and kind not in KINDS:
        what = "date"
    context = error.get("ctx") if isinstance(error.get("ctx"), dict) else {}
    params = {k: str(context[k])[:60] for k in CONTEXT if k in context}
    return Message(f"bureau.invalid.{what or 'rejected'}", {"where": where(list(error.get("loc", ())), entries),
                                                              **params})


def _by_entry(errors: Sequence[Any], entries: Any) -> dict[str, list[Any]]:
    """Each refused entry's own problems, by entry id, its fields named within the entry: the device keeps
    them with the entry it could not send (a conflict) long after the batch's numbering means anything."""
    found: dict[str, list[Any]] = {}
    for error in errors:
        loc = list(error.get("loc", ()))
        if len(loc) < 2 or loc[0] != "entries" or not isinstance(loc[1], int) or not isinstance(entries, list) \
                or not 0 <= loc[1] < len(entries) or not isinstance(entries[loc[1]], dict):
            continue
        entry_id = entries[loc[1]].get("entry_id")
        if isinstance(entry_id, str) and len(found.setdefault(entry_id, [])) < SHOWN:
            rest = _within_entry(loc[2:], entries, loc[1])
            what = problem({**error, "loc": ["body", *rest]})
            found[entry_id].append(plain(what))
    return found


def where(loc: list[Any], entries: Any = None) -> Message:
    """The entry (its number in the batch, 1 first, and its kind) and the field a location names."""
    if len(loc) >= 2 and loc[0] == "entries" and isinstance(loc[1], int):
        index, rest = loc[1], loc[2:]
        entity = _entity_of(entries, index)
        rest = _within_entry(rest, entries, index)
        kind = Term(f"bureau.entity.{entity}") if entity in ENTITIES else Term("bureau.entity.unknown")
        if not rest:
            return Message("bureau.where.entry", {"entry": index + 1, "kind": kind})
        return Message("bureau.where.entry_field", {"entry": index + 1, "kind": kind, "field": _dotted(rest)})
    if loc and loc[0] in ("body", "query", "header", "path"):
        loc = loc[1:]
    return Message("bureau.where.field", {"field": _dotted(loc)}) if loc else Term("bureau.where.body")


def _within_entry(rest: list[Any], entries: Any, index: int) -> list[Any]:
    """A location inside an entry without the discriminated union's tags (entity, then op)."""
    if rest and rest[0] == _entity_of(entries, index):
        return rest[2:] if len(rest) > 1 and _is_op(entries, index, rest[1]) else rest[1:]
    return rest


def _entity_of(entries: Any, index: int) -> str | None:
    if isinstance(entries, list) and 0 <= index < len(entries) and isinstance(entries[index], dict):
        entity = entries[index].get("entity")
        return entity if isinstance(entity, str) else None
    return None


def _is_op(entries: Any, index: int, tag: str) -> bool:
    return isinstance(entries, list) and isinstance(entries[index], dict) and entries[index].get("op") == tag


def _dotted(parts: Sequence[Any]) -> str:
    """payload.officers.0 → payload.officers[1]: a list item by its number, 1 first, as an officer counts."""
    out = ""
    for part in parts:
        out += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out
