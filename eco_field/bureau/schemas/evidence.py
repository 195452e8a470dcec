"""Evidence files of an inspection as devices push them (store/evidence_rows, evidence/handling)."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from eco_field.bureau.schemas.common import Code, Id, Name, Sha256, Size, Strict, Text, Timestamp

Kind = Annotated[str, Field(min_length=1, max_length=32, pattern=r"^[a-z_]+$")]  # photo, document, signature, ...


class EvidenceImport(Strict):
    """A file linked to an inspection (import; restore puts a removed one back, with its caption)."""

    inspection_id: Id
    sha256: Sha256
    size: Size | None = None
    kind: Kind
    original_name: Name
    caption: Text = ""
    derived_from: Id | None = None


class SeenName(Strict):
    name: Name
    path: Annotated[str, Field(max_length=4096)] = ""
    seen_at: Timestamp | None = None


class EvidenceUpdate(Strict):
    """What may change of an evidence file: the name it is shown by, the names it was seen under, its caption."""

    original_name: Name | None = None
    names: Annotated[list[SeenName], Field(max_length=1000)] | None = None
    caption: Text | None = None


class EvidenceDelete(Strict):
    """A file taken out of a draft inspection, with the officer's reason."""

    inspection_id: Id
    sha256: Sha256
    kind: Kind
    original_name: Name
    reason: Text = ""


class ReadingImport(Strict):
    """An instrument export imported into an inspection (readings/service.py): the source and its series."""

    inspection_id: Id
    sha256: Sha256
    original_name: Name
    format: Code
    outlet: Code | None = None
    options: dict[str, object] = {}
    series: Annotated[list[dict[str, object]], Field(max_length=10_000)] = []


class ReadingEvaluate(Strict):
    """The source evaluated against an outlet's limits."""

    outlet: Code
