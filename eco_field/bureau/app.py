"""The bureau's HTTP API (FastAPI; the OpenAPI description is at /openapi.json, the docs at /docs).

Every route but /health and /enroll needs `Authorization: Bearer <device token>`. Bodies are read with a
limit, and an oversized one is refused from its Content-Length before any of it is read.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, TypeVar

import anyio
from fastapi import Depends, FastAPI, Query, Request
from fastapi.responses import JSONResponse, Response
from starlette.requests import ClientDisconnect

from eco_field.bureau import audit_chain, auth, push
from eco_field.bureau.storage import DB_URL_ENV, BureauStorage, Device, open_storage
from eco_field.bureau.uploads import SHA256_RE, BlobArea, PartFile, UploadRefused, UploadState, check_sha

MAX_JSON_BYTES = 16 * 1024 ** 2
MAX_BATCH = 1000
PULL_ENTITIES = ("enterprise", "officer", "task", "number_block", "case", "catalog")
EVERYONE = "*"  # unit of records every device sees (the catalog)
T = TypeVar("T")
DATA_ENV, PLAIN_PUT_ENV = "ECO_BUREAU_DATA", "ECO_BUREAU_PLAIN_PUT"  # for the processes of --workers N


class BodyTooLarge(Exception):
    pass


def create_app(data_dir: Path, *, plain_put: bool = False, db_url: str | None = None) -> FastAPI:
    """The bureau application over one data folder (and db_url's PostgreSQL database when given);
    plain_put adds PUT /plain/{name} for benchmarks."""
    storage = open_storage(Path(data_dir), db_url)
    app = FastAPI(title="EcoField bureau", version="1", description="Sync API for EcoField field devices")
    app.state.storage = storage
    app.state.blobs = BlobArea(Path(data_dir), storage)
    app.state.device_guesses = auth.DeviceGuesses()
    _error_handlers(app)
    _routes(app)
    _upload_routes(app)
    if plain_put:
        _plain_put_route(app, Path(data_dir) / "plain")
    return app


def app_from_env() -> FastAPI:
    """Each server process's app under `bureau serve --workers N` (uvicorn's factory): the data folder and
    database from env_for_workers()."""
    return create_app(Path(os.environ[DATA_ENV]), plain_put=bool(os.environ.get(PLAIN_PUT_ENV)),
                      db_url=os.environ.get(DB_URL_ENV) or None)


def env_for_workers(data_dir: Path, db_url: str | None, *, plain_put: bool = False) -> dict[str, str]:
    """The environment app_from_env() reads in every server process."""
    return {DATA_ENV: str(data_dir), DB_URL_ENV: db_url or "", PLAIN_PUT_ENV: "1" if plain_put else ""}


def _error_handlers(app: FastAPI) -> None:
    @app.exception_handler(auth.AuthRefused)
    async def refused(_request: Request, exc: auth.AuthRefused) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=exc.status)

    @app.exception_handler(UploadRefused)
    async def upload_refused(_request: Request, exc: UploadRefused) -> JSONResponse:
        headers = {"Upload-Offset": str(exc.offset)} if exc.offset is not None else {}
        return JSONResponse({"detail": str(exc), "offset": exc.offset}, status_code=exc.status, headers=headers)

    @app.exception_handler(push.Forbidden)
    async def forbidden(_request: Request, exc: push.Forbidden) -> JSONResponse:
        return JSONResponse({"detail": str(exc), "forbidden": exc.entry_ids}, status_code=403)

    @app.exception_handler(push.MalformedEntry)
    async def malformed(_request: Request, exc: push.MalformedEntry) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=400)

    @app.exception_handler(audit_chain.ChainRefused)
    async def chain_refused(_request: Request, exc: audit_chain.ChainRefused) -> JSONResponse:
        return JSONResponse({"detail": str(exc), "last_seq": exc.last_seq}, status_code=409)

    @app.exception_handler(audit_chain.MalformedAudit)
    async def malformed_audit(_request: Request, exc: audit_chain.MalformedAudit) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=400)

    @app.exception_handler(BodyTooLarge)
    async def too_large(_request: Request, exc: BodyTooLarge) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=413)


def _storage(request: Request) -> BureauStorage:
    return request.app.state.storage


def current_device(request: Request) -> Device:
    return auth.authenticate(_storage(request), request.headers.get("authorization"))


DeviceDep = Annotated[Device, Depends(current_device)]


async def read_json(request: Request, limit: int = MAX_JSON_BYTES) -> Any:
    """The request's JSON body, refusing more than limit bytes (by header first, then by count)."""
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > limit:
        raise BodyTooLarge(f"body of {declared} bytes is over the limit of {limit}")
    body = bytearray()
    async for piece in request.stream():
        body += piece
        if len(body) > limit:
            raise BodyTooLarge(f"body is over the limit of {limit} bytes")
    try:
        return json.loads(body)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise push.MalformedEntry(f"body is not JSON: {exc}") from exc


def _routes(app: FastAPI) -> None:
    @app.get("/health")
    async def health() -> dict[str, Any]:
        return {"ok": True, "service": "eco-field-bureau"}

    @app.post("/enroll", status_code=201)
    async def enroll(request: Request) -> dict[str, Any]:
        body = await read_json(request, 4096)
        if not isinstance(body, dict) or not isinstance(body.get("code"), str):
            raise push.MalformedEntry("send {\"code\": \"...\", \"device_name\": \"...\"}")
        return await anyio.to_thread.run_sync(auth.enroll, _storage(request), body["code"],
                                              str(body.get("device_name") or ""))

    @app.get("/me")
    async def me(device: DeviceDep) -> dict[str, Any]:
        return {"device_id": device.id, "officer": device.officer_cert, "units": device.units}

    @app.post("/push")
    async def push_entries(request: Request) -> dict[str, Any]:
        storage, authorization = _storage(request), request.headers.get("authorization")
        guesses: auth.DeviceGuesses = request.app.state.device_guesses

        def parse(body: Any) -> list[dict[str, Any]]:
            entries = body.get("entries") if isinstance(body, dict) else None
            if not isinstance(entries, list):
                raise push.MalformedEntry("send {\"entries\": [...]}")
            if len(entries) > MAX_BATCH:
                raise BodyTooLarge(f"at most {MAX_BATCH} entries per batch")
            for entry in entries:
                push.validate(entry)
            return entries

        entries = await _checked_body(request, parse)
        # the token is checked again in the batch's transaction (with its first read on PostgreSQL): a
        # device revoked since is refused and nothing of the batch is kept
        _device, results = await anyio.to_thread.run_sync(
            auth.authenticate_then_work, storage, authorization,
            lambda device: push.apply_batch(storage, device, entries), guesses)
        return {"results": results}

    @app.post("/audit")
    async def push_audit(request: Request, device: DeviceDep) -> dict[str, Any]:
        """The device's audit-log entries after the last it was told were stored (see audit_chain.py)."""
        body = await read_json(request)
        entries = body.get("entries") if isinstance(body, dict) else None
        return await anyio.to_thread.run_sync(audit_chain.receive, _storage(request), device, entries)

    @app.get("/changes")
    async def changes(request: Request, since: int = Query(0, ge=0),
                      limit: int = Query(200, ge=1, le=1000)) -> dict[str, Any]:
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

    @app.get("/records/{entity}/{entity_id}")
    async def get_record(entity: str, entity_id: str, request: Request,
                         device: DeviceDep) -> dict[str, Any]:
        record = await anyio.to_thread.run_sync(_storage(request).record, entity, entity_id)
        if record is None:
            return JSONResponse({"detail": f"no {entity} {entity_id}"}, status_code=404)
        if record.unit not in (*device.units, EVERYONE) and record.target_device != device.id:
            raise auth.AuthRefused(403, f"{entity} {entity_id} belongs to another unit")
        return {"entity": entity, "id": entity_id, "revision": record.revision, "deleted": record.deleted,
                "payload": record.payload}

    @app.post("/blobs/missing")
    async def missing_blobs(request: Request) -> dict[str, Any]:
        storage, authorization = _storage(request), request.headers.get("authorization")
        guesses: auth.DeviceGuesses = request.app.state.device_guesses

        def parse(body: Any) -> list[str]:
            hashes = body.get("hashes") if isinstance(body, dict) else None
            if not isinstance(hashes, list) or len(hashes) > 10000:
                raise push.MalformedEntry("send {\"hashes\": [...]} (at most 10000)")
            return list(dict.fromkeys(check_sha(str(h)) for h in hashes))

        wanted = await _checked_body(request, parse)
        blobs: BlobArea = request.app.state.blobs
        # the token is checked again with the read (one statement on PostgreSQL): a device revoked since
        # is refused here, and nothing read for it is sent
        _device, states = await anyio.to_thread.run_sync(auth.authenticate_and_read, storage, authorization,
                                                         lambda: blobs.resume_offsets(wanted), guesses)
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
    except (BodyTooLarge, push.MalformedEntry, UploadRefused):
        await anyio.to_thread.run_sync(current_device, request)
        raise


def _upload_routes(app: FastAPI) -> None:
    @app.head("/uploads/{sha256}")
    async def upload_offset(sha256: str, request: Request) -> Response:
        _device, state = await anyio.to_thread.run_sync(_device_and_state, request, sha256)
        if state is None:
            return Response(status_code=404, headers={"Upload-Offset": "0"})
        return Response(status_code=200, headers={"Upload-Offset": str(state.offset),
                                                  "Upload-Length": str(state.length),
                                                  "Upload-Complete": "1" if state.complete else "0",
                                                  "Cache-Control": "no-store"})

    @app.patch("/uploads/{sha256}", status_code=204)
    async def upload_chunk(sha256: str, request: Request) -> Response:
        blobs: BlobArea = request.app.state.blobs

        def start() -> tuple[Device, UploadState, PartFile | None]:
            """The device, then the PATCH's checks and its part file opened and held: one worker-thread
            hop, off the event loop (a PostgreSQL round trip on the loop would stall every request); the
            token check and the blob's state share one round trip."""
            device, state = _device_and_state(request, sha256)
            return device, *blobs.begin(device, check_sha(sha256),
                                        _int_header(request, "upload-offset", required=True),
                                        _int_header(request, "upload-length"),
                                        _int_header(request, "content-length"), state)

        device, state, part = await anyio.to_thread.run_sync(start)
        if part is not None:
            state = await blobs.receive(device, sha256, state, part, request.stream(), ClientDisconnect)
        return Response(status_code=204, headers={"Upload-Offset": str(state.offset),
                                                  "Upload-Complete": "1" if state.complete else "0"})


def _device_and_state(request: Request, sha256: str) -> tuple[Device, UploadState | None]:
    """The request's device and the blob's state (None: no upload yet), in one round trip on PostgreSQL.
    A name that is no SHA-256 is refused after the token check (401/403 first, as for any request)."""
    blobs: BlobArea = request.app.state.blobs
    read = (lambda: blobs.state(sha256)) if SHA256_RE.match(sha256) else None
    device, state = auth.authenticate_and_read(_storage(request), request.headers.get("authorization"), read)
    check_sha(sha256)
    return device, state


def _int_header(request: Request, name: str, *, required: bool = False) -> int | None:
    value = request.headers.get(name)
    if value is None:
        if required:
            raise UploadRefused(400, f"header {name} is required")
        return None
    if not value.isdigit():
        raise UploadRefused(400, f"header {name} must be a non-negative integer")
    return int(value)


def _plain_put_route(app: FastAPI, folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)

    @app.put("/plain/{name}", status_code=204, include_in_schema=False)
    async def plain_put(name: str, request: Request, device: DeviceDep) -> Response:
        if not name.replace("-", "").replace(".", "").isalnum():
            raise UploadRefused(400, "plain name must be alphanumeric")
        with open(folder / name, "wb") as out:
            async for piece in request.stream():
                out.write(piece)
            out.flush()
            os.fsync(out.fileno())
        return Response(status_code=204)
