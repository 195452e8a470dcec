"""Cases as devices push them (law/cases.snapshot)."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

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


class CaseSnapshot(Strict):
    """The whole case; the derived parts (deadlines, documents, labels) stay on the device."""

    id: Id
    inspection_id: Id
    enterprise_id: Id
    facts: Text
    violations: Annotated[list[CaseViolation], Field(min_length=1, max_length=100)]
    assessment: JsonObject | None = None
    status: Code
    opened_at: Timestamp
    events: Annotated[list[CaseEvent], Field(max_length=1000)] = []
    revision: Revision
    correction_reason: Text | None = None
