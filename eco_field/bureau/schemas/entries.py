"""The entries of a push (POST /push): one declared model per (entity, op), the payload's schema by op.

Only the kinds of records devices own are here: inspections, evidence, readings, cases, documents (their
versions, signatures and voided numbers) and signatures. The bureau's own records (catalog, number blocks,
officers, enterprises, tasks, settings) have no entry model, so a device's push of one is refused (422).
"""

from __future__ import annotations

from typing import Annotated, Any, Literal, Union

from pydantic import Field, TypeAdapter, create_model, model_validator

from eco_field.bureau.schemas.case import CaseSnapshot
from eco_field.bureau.schemas.common import Id, NumberId, Revision, Strict, payload_id_matches
from eco_field.bureau.schemas.document import (
    DocumentIssue,
    DocumentSign,
    DocumentSignature,
    DocumentSupersede,
    DocumentVersion,
    DocumentVoid,
    NumberVoid,
    Signature,
)
from eco_field.bureau.schemas.evidence import (
    EvidenceDelete,
    EvidenceImport,
    EvidenceUpdate,
    ReadingEvaluate,
    ReadingImport,
)
from eco_field.bureau.schemas.inspection import InspectionAmend, InspectionSeal, InspectionSnapshot

MAX_BATCH = 1000

# entity -> (versioned, id type, {ops: payload model}); a versioned record's entries carry its revision
# (never null), the others none. "reenter" (a device's own version sent again after a conflict) takes any
# payload of the entity.
ENTITIES: dict[str, tuple[bool, Any, dict[tuple[str, ...], Any]]] = {
    "inspection": (True, Id, {("create", "update"): InspectionSnapshot, ("seal",): InspectionSeal,
                              ("amend",): InspectionAmend}),
    "case": (True, Id, {("create", "assess", "event", "status", "status_correction"):
                        CaseSnapshot}),
    "evidence": (False, Id, {("import", "restore"): EvidenceImport, ("update",): EvidenceUpdate,
                             ("delete",): EvidenceDelete}),
    "reading_source": (False, Id, {("import",): ReadingImport, ("evaluate",): ReadingEvaluate}),
    "document": (False, Id, {("issue",): DocumentIssue, ("sign",): DocumentSign,
                             ("supersede",): DocumentSupersede, ("void",): DocumentVoid}),
    "document_version": (False, Id, {("add",): DocumentVersion}),
    "document_signature": (False, Id, {("sign",): DocumentSignature}),
    "signature": (False, Id, {("sign",): Signature}),
    "document_number": (False, NumberId, {("void",): NumberVoid}),
}
DEVICE_KINDS = frozenset(ENTITIES)
VERSIONED = frozenset(entity for entity, (versioned, _, _) in ENTITIES.items() if versioned)


class EntryBase(Strict):
    entry_id: Id

    @model_validator(mode="after")
    def _own_id(self) -> Any:
        return payload_id_matches(self)


def _title(*parts: str) -> str:
    return "".join(p.replace("_", " ").title().replace(" ", "") for p in parts)


def _entry_model(entity: str, versioned: bool, id_type: Any, ops: tuple[str, ...], payload: Any) -> Any:
    revision = (Revision, ...) if versioned else (None, None)
    return create_model(
        f"{_title(entity)}{_title(ops[0])}Entry", __base__=EntryBase,
        entity=(Literal[entity], ...), op=(Literal[ops], ...), entity_id=(id_type, ...),
        revision=revision, payload=(payload, ...))


def _entity_union(entity: str) -> Any:
    versioned, id_type, by_ops = ENTITIES[entity]
    models = [_entry_model(entity, versioned, id_type, ops, payload) for ops, payload in by_ops.items()]
    any_payload = Union[tuple(by_ops.values())] if len(by_ops) > 1 else next(iter(by_ops.values()))  # noqa: UP007
    models.append(_entry_model(entity, versioned, id_type, ("reenter",), any_payload))
    return Annotated[Union[tuple(models)], Field(discriminator="op")]  # noqa: UP007


PushEntry = Annotated[Union[tuple(_entity_union(e) for e in ENTITIES)], Field(discriminator="entity")]  # noqa: UP007


class PushBody(Strict):
    """A batch of outbox entries, applied in order in one transaction."""

    entries: Annotated[list[PushEntry], Field(max_length=MAX_BATCH)]


PUSH_BODY = TypeAdapter(PushBody)
