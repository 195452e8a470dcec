"""Cases as devices push them (law/cases.snapshot)."""

from __future__ import annotations

from typing import Annotated

from pydantic import AfterValidator, Field, model_validator

from eco_field.bureau.schemas import case_event_data
from eco_field.bureau.schemas.common import Code, Day, Id, JsonObject, Name, Revision, Strict, Text, Timestamp


class CaseViolation(Strict):
    catalog_id: Code
    facts: Text = ""
    evidence_ids: Annotated[list[Id], Field(max_length=10_000)] = []


class CaseEvent(Strict):
    event: Code
    label: Name = ""
    date: Day
    note: Text = ""
    data: JsonObject | None = None

    @model_validator(mode="after")
    def _data_as_recorded(self) -> CaseEvent:
        case_event_data.check(self.event, self.data)
        return self


ASSESSMENT_FIELDS = (("catalog_id", str), ("amount", (int, float)), ("min", (int, float)), ("max", (int, float)),
                     ("formula", str), ("rationale", str), ("law", str), ("article", str))


def _assessment(value: dict | None, depth: int = 0) -> dict | None:
    """The fine as law.discretion.Assessment reads it back: its required fields, of their types, in each part
    too (a junk object broke the console's approvals queue for every reviewer: Assessment.from_dict failed)."""
    if value is None:
        return None
    if not isinstance(value, dict) or depth > 3:
        raise ValueError("assessment must be an object")
    for key, kinds in ASSESSMENT_FIELDS:
        if not isinstance(value.get(key), kinds) or isinstance(value.get(key), bool):
            raise ValueError(f"assessment needs {key} of type {getattr(kinds, '__name__', 'number')}")
    parts = value.get("parts") or []
    if not isinstance(parts, list):
        raise ValueError("assessment parts must be a list")
    for part in parts:
        _assessment(part, depth + 1)
    return value


class CaseSnapshot(Strict):
    """The whole case; the derived parts (deadlines, documents, labels) stay on the device."""

    id: Id
    inspection_id: Id
    enterprise_id: Id
    facts: Text
    violations: Annotated[list[CaseViolation], Field(min_length=1, max_length=100)]
    assessment: Annotated[JsonObject | None, AfterValidator(_assessment)] = None
    status: Code
    opened_at: Timestamp
    events: Annotated[list[CaseEvent], Field(max_length=1000)] = []
    revision: Revision
    correction_reason: Text | None = None
