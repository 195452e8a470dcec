"""The bureau's OpenAPI document: every request body, header and answer declared.

Bodies are read by the routes themselves (jsonbody.read_json: limits before parsing), so FastAPI does not
see them; they are declared here (openapi_extra) and their models' schemas added to the components.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi
from pydantic import BaseModel
from pydantic.json_schema import models_json_schema

from eco_field.bureau.schemas import bodies
from eco_field.bureau.uploads import MAX_BLOB_BYTES, MAX_CHUNK_BYTES

REF = "#/components/schemas/{model}"
_BODIES: list[type[BaseModel]] = []
ANSWERS: dict[int, tuple[type[BaseModel], str]] = {
    400: (bodies.Refusal, "malformed: not JSON, too deep, NaN, a lone surrogate or NUL, a bad header or name"),
    401: (bodies.Refusal, "no device token, or an unknown one"),
    403: (bodies.ForbiddenRefusal, "the device is revoked, or (a push) entries name records this device may"
                                   " not write or the bureau does not hold; nothing was stored"),
    404: (bodies.Refusal, "no such record or blob for this device (another unit's answers the same)"),
    409: (bodies.ChainRefusal, "the audit entries do not continue the device's chain; nothing was stored"),
    413: (bodies.Refusal, "the body is over the limit"),
    422: (bodies.InvalidRefusal, "the body or a parameter matches no declared schema; nothing was stored"),
    423: (bodies.UploadRefusal, "another PATCH of this upload is in progress: retry shortly"),
}


def _int_header(description: str, maximum: int) -> dict[str, Any]:
    return {"description": description, "schema": {"type": "string", "pattern": "^[0-9]+$",
                                                   "maxLength": len(str(maximum))}}


UPLOAD_HEADERS = {
    "Upload-Offset": _int_header("bytes of the blob the bureau holds for this device", MAX_BLOB_BYTES),
    "Upload-Length": _int_header("the blob's size", MAX_BLOB_BYTES),
    "Upload-Complete": {"description": "1 when the blob is stored", "schema": {"type": "string", "enum": ["0", "1"]}},
}
PATCH_HEADERS = {k: v for k, v in UPLOAD_HEADERS.items() if k != "Upload-Length"}


def responses(*codes: int, upload: bool = False) -> dict[int | str, dict[str, Any]]:
    """The refusals a route answers with, each with its model."""
    found: dict[int | str, dict[str, Any]] = {}
    for code in codes:
        model, description = ANSWERS[code]
        if upload and code != 401:
            model = bodies.UploadRefusal  # an upload's refusals carry its offset
        elif code == 403:
            model = bodies.Refusal | bodies.ForbiddenRefusal  # type: ignore[assignment]
        found[code] = {"model": model, "description": description}
    return found


def body(model: type[BaseModel]) -> dict[str, Any]:
    """openapi_extra declaring a JSON request body of this model."""
    _BODIES.append(model)
    return {"requestBody": {"required": True, "content": {"application/json": {
        "schema": {"$ref": REF.format(model=model.__name__)}}}}}


def upload_body() -> dict[str, Any]:
    """A PATCH's bytes and its headers (tus-like)."""
    return {
        "parameters": [
            {"name": "Upload-Offset", "in": "header", "required": True,
             **_int_header("where these bytes start: the committed offset", MAX_BLOB_BYTES)},
            {"name": "Upload-Length", "in": "header", "required": False,
             **_int_header("the blob's size (needed on the first PATCH)", MAX_BLOB_BYTES)},
        ],
        "requestBody": {"required": False, "content": {"application/offset+octet-stream": {
            "schema": {"type": "string", "format": "binary", "maxLength": MAX_CHUNK_BYTES}}}},
    }


def install(app: FastAPI) -> None:
    """app.openapi() with the declared bodies' schemas among the components."""

    def build() -> dict[str, Any]:
        if app.openapi_schema:
            return app.openapi_schema
        document = get_openapi(title=app.title, version=app.version, description=app.description,
                               routes=app.routes)
        _, defs = models_json_schema([(m, "validation") for m in dict.fromkeys(_BODIES)], ref_template=REF)
        document.setdefault("components", {}).setdefault("schemas", {}).update(_plain(defs.get("$defs", {})))
        app.openapi_schema = document
        return document

    app.openapi = build


def _plain(schema: Any) -> Any:
    """The schema without `discriminator` hints: the nested ones pydantic writes (entity, then op) map to
    inline unions, which OpenAPI tools do not all read; oneOf with each entry's const entity and op says
    the same."""
    if isinstance(schema, dict):
        return {k: _plain(v) for k, v in schema.items() if k != "discriminator"}
    if isinstance(schema, list):
        return [_plain(v) for v in schema]
    return schema
