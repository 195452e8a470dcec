"""The bureau's HTTP API (FastAPI; the OpenAPI description is at /openapi.json, the docs at /docs).

Every route but /health and /enroll needs `Authorization: Bearer <device token>`. Bodies are read with a
limit (an oversized one is refused from its Content-Length before any of it is read), parsed without trust
(jsonbody.py) and checked against the declared models (schemas/) before anything is read from the
database for them; the OpenAPI document declares every body, header and answer.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Annotated, Any, TypeVar

import anyio
from fastapi import FastAPI, Query, Request, Security
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.security import HTTPBearer
from pydantic import ValidationError
from starlette.requests import ClientDisconnect

from eco_field.bureau import admin, audit_chain, auth, case_procedure, openapi, push
from eco_field.bureau.invalid_body import InvalidBody
from eco_field.bureau.jsonbody import MAX_JSON_BYTES, BadBody, BodyTooLarge, read_json
from eco_field.bureau.schemas import bodies
from eco_field.bureau.schemas.common import MAX_REVISION
from eco_field.bureau.schemas.entries import PushBody
from eco_field.bureau.storage import DB_URL_ENV, BureauStorage, Device, open_storage
from eco_field.bureau.uploads import (
    MAX_BLOB_BYTES,
    SHA256_RE,
    BlobArea,
    PartFile,
    UploadRefused,
    UploadState,
    check_sha,
    upload_state,
)

PULL_ENTITIES = ("enterprise", "officer", "task", "number_block", "case", "catalog", "case_approval")
EVERYONE = "*"  # unit of records every device sees (the catalog)
SWEEP_EVERY_S = 3600.0
T = TypeVar("T")
DATA_ENV, PLAIN_PUT_ENV = "ECO_BUREAU_DATA", "ECO_BUREAU_PLAIN_PUT"  # for the processes of --workers N
bearer = HTTPBearer(auto_error=False, description="the device token from POST /enroll")
Token = Security(bearer)
__all__ = ["MAX_JSON_BYTES", "BodyTooLarge", "create_app", "read_json"]


def create_app(data_dir: Path, *, plain_put: bool = False, db_url: str | None = None) -> FastAPI:
    """The bureau application over one data folder (and db_url's PostgreSQL database when given);
    plain_put adds PUT /plain/{name} for benchmarks."""
    storage = open_storage(Path(data_dir), db_url)
    blobs = BlobArea(Path(data_dir), storage)
    app = FastAPI(title="EcoField bureau", version="1", description="Sync API for EcoField field devices",
                  lifespan=_sweeper(storage, blobs))
    app.state.storage = storage
    app.state.blobs = blobs
    app.state.device_guesses = auth.DeviceGuesses()
    _error_handlers(app)
    _routes(app)
    _upload_routes(app)
    if plain_put:
        _plain_put_route(app, Path(data_dir) / "plain")
    from eco_field.bureau.office import mount as mount_console  # the office console at /console/ (issue 18)

    mount_console(app, storage, Path(data_dir))
    openapi.install(app)
    return app


def _sweeper(storage: BureauStorage, blobs: BlobArea) -> Callable[[FastAPI], Any]:
    """Upload sessions past their expiry are removed at start and every hour (each server process sweeps;
    removing a session twice is harmless)."""

    @contextlib.asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        async def sweep_forever() -> None:
            while True:
                with contextlib.suppress(Exception):  # a database hiccup: the next round tries again
                    await anyio.to_thread.run_sync(
                        lambda: blobs.sweep_expired(admin.upload_expiry_days(storage)))
                await anyio.sleep(SWEEP_EVERY_S)

        async with anyio.create_task_group() as group:
            group.start_soon(sweep_forever)
            yield
            group.cancel_scope.cancel()

    return lifespan


def app_from_env() -> FastAPI:
    """Each server process's app under `bureau serve --workers N` (uvicorn's factory): the data folder and
    database from env_for_workers()."""
    return create_app(Path(os.environ[DATA_ENV]), plain_put=bool(os.environ.get(PLAIN_PUT_ENV)),
                      db_url=os.environ.get(DB_URL_ENV) or None)


def env_for_workers(data_dir: Path, db_url: str | None, *, plain_put: bool = False) -> dict[str, str]:
    """The environment app_from_env() reads in every server process."""
    return {DATA_ENV: str(data_dir), DB_URL_ENV: db_url or "", PLAIN_PUT_ENV: "1" if plain_put else ""}


def _error_handlers(app: FastAPI) -> None:
    def answer(status: int, body: dict[str, Any], headers: dict[str, str] | None = None) -> JSONResponse:
        return JSONResponse(body, status_code=status, headers=headers)

    handlers: dict[type[Exception], Callable[[Any], JSONResponse]] = {
        auth.AuthRefused: lambda e: answer(e.status, {"detail": str(e), "code": e.code, "params": e.params}),
        UploadRefused: lambda e: answer(e.status, e.body(offset=e.offset),
                                        {"Upload-Offset": str(e.offset)} if e.offset is not None else None),
        push.Forbidden: lambda e: answer(403, e.body(forbidden=e.entry_ids)),
        push.Invalid: lambda e: answer(422, e.answer()),
        case_procedure.EventsRefused: lambda e: answer(422, e.answer()),
        BadBody: lambda e: answer(400, e.body()),
        audit_chain.ChainRefused: lambda e: answer(409, e.body(last_seq=e.last_seq)),
        audit_chain.MalformedAudit: lambda e: answer(400, e.body()),
        BodyTooLarge: lambda e: answer(413, e.body()),
        RequestValidationError: lambda e: answer(422, InvalidBody(e.errors()).answer()),
        ValidationError: lambda e: answer(422, InvalidBody(e.errors(include_url=False, include_input=False)).answer()),
    }
    for kind, make in handlers.items():
        app.add_exception_handler(kind, lambda _request, exc, make=make: make(exc))


def _storage(request: Request) -> BureauStorage:
    return request.app.state.storage


def current_device(request: Request) -> Device:
    return auth.authenticate(_storage(request), request.headers.get("authorization"))


R = openapi.responses


def _routes(app: FastAPI) -> None:
    @app.get("/health", response_model=bodies.Health)
    async def health() -> dict[str, Any]:
        return {"ok": True, "service": "eco-field-bureau"}

    @app.post("/enroll", status_code=201, response_model=bodies.Enrolled, responses=R(400, 403, 413, 422),
              openapi_extra=openapi.body(bodies.EnrollBody))
    async def enroll(request: Request) -> dict[str, Any]:
        body = bodies.EnrollBody.model_validate(await read_json(request, 4096), strict=True)
        return await anyio.to_thread.run_sync(auth.enroll, _storage(request), body.code, body.device_name)

    @app.get("/me", response_model=bodies.Me, responses=R(401, 403))
    async def me(request: Request, _token: Annotated[Any, Token]) -> dict[str, Any]:
        device = await anyio.to_thread.run_sync(current_device, request)
        return {"device_id": device.id, "officer": device.officer_cert, "units": device.units}

    @app.post("/push", response_model=bodies.PushResults, responses=R(400, 401, 403, 413, 422),
              openapi_extra=openapi.body(PushBody))
    async def push_entries(request: Request, _token: Annotated[Any, Token]) -> dict[str, Any]:
        storage, authorization = _storage(request), request.headers.get("authorization")
        entries = await _checked_body(request, push.validate_body)
        # the token is checked again in the batch's transaction (with its first read on PostgreSQL): a
        # device revoked since is refused and nothing of the batch is kept
        _device, results = await anyio.to_thread.run_sync(
            auth.authenticate_then_work, storage, authorization,
            lambda device: push.apply_batch(storage, device, entries, validated=True),
            request.app.state.device_guesses)
        return {"results": results}

    @app.post("/audit", response_model=bodies.AuditStored, responses=R(400, 401, 403, 409, 413, 422),
              openapi_extra=openapi.body(bodies.AuditBody))
    async def push_audit(request: Request, _token: Annotated[Any, Token]) -> dict[str, Any]:
        """The device's audit-log entries after the last it was told were stored (see audit_chain.py)."""
        device = await anyio.to_thread.run_sync(current_device, request)
        body = await read_json(request)
        entries = body.get("entries") if isinstance(body, dict) else None
        return await anyio.to_thread.run_sync(audit_chain.receive, _storage(request), device, entries)

    @app.get("/changes", response_model=bodies.Changes, responses=R(401, 403, 422))
    async def changes(request: Request, _token: Annotated[Any, Token],
                      since: Annotated[int, Query(ge=0, le=MAX_REVISION)] = 0,
                      limit: Annotated[int, Query(ge=1, le=1000)] = 200) -> dict[str, Any]:
        storage = _storage(request)

        def page(device: Device) -> tuple[int, list[Any]]:
            return storage.changes(since, [*device.units, EVERYONE], device.id, PULL_ENTITIES, limit + 1)

        # the token check and the page in one worker-thread hop (storage waits stay off the event loop),
        # and on PostgreSQL in one round trip once the token's device is known (see authenticate_then_read)
        _device, (top, rows) = await anyio.to_thread.run_sync(
            auth.authenticate_then_read, storage, request.headers.get("authorization"), page,
            request.app.state.device_guesses)
        more = len(rows) > limit
        rows = rows[:limit]
        last = rows[-1].seq if more else max(top, since)
        return {"changes": [{"seq": r.seq, "entity": r.entity, "id": r.entity_id, "revision": r.revision,
                             "deleted": r.deleted, "payload": r.payload} for r in rows],
                "last_seq": last, "more": more}

    @app.get("/records/{entity}/{entity_id}", response_model=bodies.RecordOut, responses=R(401, 403, 404))
    async def get_record(entity: str, entity_id: str, request: Request,
                         _token: Annotated[Any, Token]) -> Any:
        device = await anyio.to_thread.run_sync(current_device, request)
        record = await anyio.to_thread.run_sync(_storage(request).record, entity, entity_id)
        # another unit's record answers exactly as one the bureau does not hold
        if record is None or (record.unit not in (*device.units, EVERYONE) and record.target_device != device.id):
            return JSONResponse({"detail": "no such record"}, status_code=404)
        return {"entity": entity, "id": entity_id, "revision": record.revision, "deleted": record.deleted,
                "payload": record.payload}

    @app.post("/blobs/missing", response_model=bodies.Missing, responses=R(400, 401, 403, 413, 422),
              openapi_extra=openapi.body(bodies.MissingBody))
    async def missing_blobs(request: Request, _token: Annotated[Any, Token]) -> dict[str, Any]:
        """Which of these blobs this device should send, and where to resume. A blob no record of this
        device names is always "missing" (with its own session's offset): a device learns nothing of others'."""
        storage, authorization = _storage(request), request.headers.get("authorization")

        def parse(body: Any) -> list[str]:
            return list(dict.fromkeys(bodies.MissingBody.model_validate(body, strict=True).hashes))

        wanted = await _checked_body(request, parse)
        blobs: BlobArea = request.app.state.blobs
        _device, states = await anyio.to_thread.run_sync(
            auth.authenticate_then_read, storage, authorization,
            lambda device: blobs.resume_offsets(device, wanted), request.app.state.device_guesses)
        missing, partial = [], {}
        for sha, (complete, offset) in states.items():
            if not complete:
                missing.append(sha)
                if offset:
                    partial[sha] = offset
        return {"missing": missing, "partial": partial}


async def _checked_body(request: Request, parse: Callable[[Any], T]) -> T:
    """The request's JSON body, parsed. A token not seen lately is checked before its body is read; a body
    that cannot be parsed is answered with the token's refusal first, when the token is refused. A token
    seen lately is checked again with the request's first read (auth.authenticate_and_read / _then_work)."""
    storage, authorization = _storage(request), request.headers.get("authorization")
    guesses: auth.DeviceGuesses = request.app.state.device_guesses
    if not guesses.knows(authorization):
        await anyio.to_thread.run_sync(auth.authenticate_and_read, storage, authorization, None, guesses)
    try:
        return parse(await read_json(request))
    except (BodyTooLarge, BadBody, push.Invalid, ValidationError, UploadRefused):
        await anyio.to_thread.run_sync(current_device, request)
        raise


def _upload_routes(app: FastAPI) -> None:
    @app.head("/uploads/{sha256}", responses={**R(400, 401, 403, 404, upload=True),
                                              200: {"description": "this device's upload, or the stored blob",
                                                    "headers": openapi.UPLOAD_HEADERS}})
    async def upload_offset(sha256: str, request: Request, _token: Annotated[Any, Token]) -> Response:
        _device, blob = await anyio.to_thread.run_sync(_device_and_blob, request, sha256)
        state = upload_state(blob) if blob is not None else None
        if state is None:
            return Response(status_code=404, headers={"Upload-Offset": "0"})
        return Response(status_code=200, headers={"Upload-Offset": str(state.offset),
                                                  "Upload-Length": str(state.length),
                                                  "Upload-Complete": "1" if state.complete else "0",
                                                  "Cache-Control": "no-store"})

    @app.patch("/uploads/{sha256}", status_code=204,
               responses={**R(400, 401, 403, 404, 409, 413, 422, 423, upload=True),
                          204: {"description": "the bytes were kept", "headers": openapi.PATCH_HEADERS}},
               openapi_extra=openapi.upload_body())
    async def upload_chunk(sha256: str, request: Request, _token: Annotated[Any, Token]) -> Response:
        blobs: BlobArea = request.app.state.blobs

        def start() -> tuple[Device, UploadState, PartFile | None]:
            """The device, then the PATCH's checks and its part file opened and held: one worker-thread
            hop, off the event loop (a PostgreSQL round trip on the loop would stall every request); the
            token check and the blob's state share one round trip."""
            device, blob = _device_and_blob(request, sha256)
            return device, *blobs.begin(device, check_sha(sha256),
                                        _int_header(request, "upload-offset", required=True),
                                        _int_header(request, "upload-length"),
                                        _int_header(request, "content-length"), blob)

        device, state, part = await anyio.to_thread.run_sync(start)
        if part is not None:
            state = await blobs.receive(device, sha256, state, part, request.stream(), ClientDisconnect)
        return Response(status_code=204, headers={"Upload-Offset": str(state.offset),
                                                  "Upload-Complete": "1" if state.complete else "0"})


def _device_and_blob(request: Request, sha256: str) -> tuple[Device, Any]:
    """The request's device and this device's view of the blob, in one round trip on PostgreSQL once the
    token's device is known. A name that is no SHA-256 is refused after the token check (401/403 first)."""
    blobs: BlobArea = request.app.state.blobs
    valid = SHA256_RE.match(sha256) is not None
    device, blob = auth.authenticate_then_read(
        _storage(request), request.headers.get("authorization"),
        lambda device: blobs.storage.blob_states(device.id, [sha256])[sha256] if valid else None,
        request.app.state.device_guesses)
    check_sha(sha256)
    return device, blob


def _int_header(request: Request, name: str, *, required: bool = False) -> int | None:
    value = request.headers.get(name)
    if value is None:
        if required:
            raise UploadRefused(400, "bureau.refused.header_required", name=name)
        return None
    if not (value.isascii() and value.isdigit()) or len(value) > 19 or int(value) > 2 * MAX_BLOB_BYTES:
        raise UploadRefused(400, "bureau.refused.header_integer", name=name, max=2 * MAX_BLOB_BYTES)
    return int(value)


def _plain_put_route(app: FastAPI, folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)

    @app.put("/plain/{name}", status_code=204, include_in_schema=False)
    async def plain_put(name: str, request: Request) -> Response:
        await anyio.to_thread.run_sync(current_device, request)
        if not name.replace("-", "").replace(".", "").isalnum():
            raise UploadRefused(400, "bureau.refused.plain_name")
        with open(folder / name, "wb") as out:
            async for piece in request.stream():
                out.write(piece)
            out.flush()
            os.fsync(out.fileno())
        return Response(status_code=204)

