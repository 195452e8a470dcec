"""Documents, their versions and signatures, and voided numbers, as devices push them (documents/*)."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from eco_field.bureau.schemas.common import (
    Code,
    Day,
    Id,
    JsonObject,
    Name,
    NumberId,
    Serial,
    Sha256,
    Size,
    Strict,
    Text,
    Timestamp,
    Year,
)

Pages = Annotated[int, Field(ge=1, le=10_000)]
Version = Annotated[int, Field(ge=1, le=10_000)]
Role = Annotated[str, Field(min_length=1, max_length=32, pattern=r"^[a-z_]+$")]


class DocumentIssue(Strict):
    """A numbered document as issued: its number, the record it was rendered from and its PDF."""

    id: Id
    number: NumberId
    kind: Code
    inspection_id: Id | None = None
    case_id: Id | None = None
    record_sha256: Sha256
    pdf_sha256: Sha256
    pdf_size: Size
    pages: Pages
    evidence_id: Id | None = None
    status: Literal["issued"]
    issued_at: Timestamp
    version: Version = 1
    facts: JsonObject = {}


class DocumentSign(Strict):
    """A signed version of the document: its new PDF."""

    version: Version
    pdf_sha256: Sha256
    pdf_size: Size
    signed: bool = True


class DocumentSupersede(Strict):
    superseded_by: Id
    superseded_by_number: NumberId


class DocumentVoid(Strict):
    status: Literal["void"]
    void_reason: Text


class DocumentVersion(Strict):
    """One version of a document's PDF, kept so a verifier can be shown any version issued."""

    document_id: Id
    version: Version
    pdf_sha256: Sha256
    pdf_size: Size
    pages: Pages
    previous_sha256: Sha256 | None = None
    signatures: Annotated[list[JsonObject], Field(max_length=100)] = []
    created_at: Timestamp
    number: NumberId
    kind: Code
    inspection_id: Id | None = None
    case_id: Id | None = None


class DocumentSignature(Strict):
    """A signature placed on a document version; sha256 is the image."""

    document_id: Id
    version: Version
    role: Role
    name: Name
    signed_on: Day | Timestamp
    sha256: Sha256
    evidence_id: Id | None = None
    created_at: Timestamp
    number: NumberId
    inspection_id: Id | None = None
    case_id: Id | None = None


class Signature(Strict):
    """A signature drawn on the signature pad (ui/signature_pad.py), kept as evidence of the inspection."""

    evidence_id: Id
    sha256: Sha256
    role: Role
    name: Name
    document_id: Id
    document_number: NumberId
    pdf_sha256: Sha256
    record_sha256: Sha256


class NumberVoid(Strict):
    """A document number voided (issued or not): never to be used again."""

    kind: Code
    year: Year
    serial: Serial
    number: NumberId
    reason: Text
