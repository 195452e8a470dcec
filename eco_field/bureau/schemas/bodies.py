"""The other request bodies and every answer of the bureau's API, declared for its OpenAPI document."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, Field, JsonValue, StringConstraints

from eco_field.bureau.schemas.common import Revision, Sha256, Strict, VisibleName

MAX_HASHES = 10_000
Hex64 = Annotated[str, StringConstraints(min_length=64, max_length=64, pattern=r"^[0-9a-f]{64}$")]


class EnrollBody(Strict):
    code: Annotated[str, StringConstraints(min_length=1, max_length=64)]
    device_name: VisibleName = ""


class MissingBody(Strict):
    hashes: Annotated[list[Sha256], Field(max_length=MAX_HASHES)]


class AuditEntry(Strict):
    """One entry of the device's hash-chained audit log, as the device wrote it (store/audit.py)."""

    seq: Annotated[int, Field(ge=1, le=2 ** 62)]
    at: str
    actor: str
    entity: str
    entity_id: str
    action: str
    data_json: str
    prev_hash: Hex64
    hash: Hex64


class AuditBody(Strict):
    entries: Annotated[list[AuditEntry], Field(max_length=1000)]


# -- answers ---------------------------------------------------------------------------------------
class Refusal(BaseModel):
    detail: str  # English, for the API's readers
    code: str | None = None  # a refusal the officer reads (auth, push, upload, chain): its message code, rendered by the
    params: dict[str, Any] = {}  # device in the interface language (resources/i18n/messages)


class InvalidRefusal(Refusal):
    """422: the body (or a parameter) matches no declared schema; nothing was stored. code/params: the first
    problems as message codes (bureau.invalid.*, each naming its entry and field: invalid_body.py)."""

    invalid: list[str] = []   # the entry ids of a push that matched no schema
    errors: list[dict[str, str]] = []
    entry_problems: dict[str, list[dict[str, Any]]] = {}  # a push: each refused entry's problems, by entry id


class ForbiddenRefusal(Refusal):
    """403 of a push: entries naming records this device may not write or the bureau does not hold."""

    forbidden: list[str]


class UploadRefusal(Refusal):
    offset: int | None = None


class ChainRefusal(Refusal):
    last_seq: int


class Health(BaseModel):
    ok: bool
    service: str


class EnrolledOfficer(BaseModel):
    cert_no: str
    name: str
    units: list[str]


class Enrolled(BaseModel):
    device_id: str
    token: str
    officer: EnrolledOfficer


class Me(BaseModel):
    device_id: str
    officer: str
    units: list[str]


class PushResult(BaseModel):
    entry_id: str
    status: Literal["applied", "duplicate", "conflict"]
    revision: int | None = None
    seq: int | None = None
    reason: str | None = None
    server: dict[str, Any] | None = None


class PushResults(BaseModel):
    results: list[PushResult]


class AuditStored(BaseModel):
    stored: int
    duplicates: int
    last_seq: int


class Change(BaseModel):
    seq: int
    entity: str
    id: str
    revision: int | None
    deleted: bool
    payload: JsonValue


class Changes(BaseModel):
    changes: list[Change]
    last_seq: int
    more: bool


class RecordOut(BaseModel):
    entity: str
    id: str
    revision: Revision | None
    deleted: bool
    payload: JsonValue


class Missing(BaseModel):
    missing: list[str]
    partial: dict[str, int]

