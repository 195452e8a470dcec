"""Inspections as devices push them (store/inspections.snapshot, evidence/seal.seal and amend)."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from eco_field.bureau.schemas.common import (
    Code,
    Count,
    Id,
    JsonList,
    JsonObject,
    Name,
    OfficerCert,
    Revision,
    Sha256,
    Strict,
    Timestamp,
)


class Party(Strict):
    """当事人现场负责人."""

    name: Name = ""
    title: Name = ""
    phone: Annotated[str, Field(max_length=64)] = ""
    present: bool = False


class InspectionSnapshot(Strict):
    """The whole draft inspection (create, update). A device never sends a sealed one: sealing is its own op."""

    id: Id
    enterprise_id: Id
    officers: Annotated[list[OfficerCert], Field(min_length=1, max_length=20)]
    started_at: Timestamp
    ended_at: Timestamp | None = None
    place: Name = ""
    task_id: Id | None = None
    party: Party = Party()
    checklist: JsonObject = {}
    findings: JsonList = []
    status: Literal["draft"] = "draft"
    amends_id: Id | None = None
    seal_hash: None = None
    sealed_at: None = None
    revision: Revision
    created_at: Timestamp | None = None
    updated_at: Timestamp | None = None


class InspectionSeal(Strict):
    """The seal of an inspection: its hash over the record and every evidence file (evidence/seal.py)."""

    seal_hash: Sha256
    sealed_at: Timestamp
    evidence: Count
    format: Code


class InspectionAmend(InspectionSnapshot):
    """A new draft amending a sealed inspection (`inspections amend`): its record and its evidence copied."""

    amends_id: Id
    evidence: Annotated[list[Sha256], Field(max_length=10_000)] = []
