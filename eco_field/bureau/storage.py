"""The bureau's storage interface: what the server logic needs from a database, and nothing more.

SQLite (sqlite_store.py) is the default; a PostgreSQL backend implements the same Protocol in one module
of its own. All SQL lives in the backend module; the rules (push.py, auth.py, uploads.py, admin.py) only
call these methods, always inside `transaction()` when they write.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

DATABASE_NAME = "bureau.db"
DB_URL_ENV = "ECO_BUREAU_DB"  # the --db default: a postgresql:// URL


@dataclass
class Record:
    """The latest revision of one entity as the bureau holds it."""

    entity: str
    entity_id: str
    revision: int | None
    unit: str
    payload: dict[str, Any]
    deleted: bool = False
    origin_device: str | None = None   # who last wrote it (None: the bureau itself); pull skips echoes
    target_device: str | None = None   # only this device sees it (number blocks)
    inspection_id: str | None = None   # the inspection it belongs to, when it names a blob
    sha256: str | None = None          # the blob it names, if any
    seq: int = 0
    updated_at: str = ""


@dataclass
class Device:
    id: str
    officer_cert: str
    name: str
    enrolled_at: str
    last_seen: str | None
    revoked_at: str | None
    units: list[str] = field(default_factory=list)


@dataclass
class Upload:
    """One device's upload session of one blob (another device uploading the same blob has its own)."""

    sha256: str
    size: int
    committed: int
    device_id: str


@dataclass
class BlobState:
    """What one device may learn about a blob: whether its own records name it (only then whether the
    bureau holds it), and its own upload session."""

    named: bool = False
    stored: int | None = None          # the stored blob's size
    upload: Upload | None = None       # this device's session


class BureauStorage(Protocol):
    def transaction(self) -> AbstractContextManager[None]: ...
    def close(self) -> None: ...

    # officers and units
    def put_officer(self, cert_no: str, name: str, units: list[str]) -> None: ...
    def officers(self) -> list[dict[str, Any]]: ...
    def officer_units(self, cert_no: str) -> list[str]: ...

    # enrolment and devices
    def add_enroll_code(self, code_hash: str, officer_cert: str, expires_at: str) -> None: ...
    def take_enroll_code(self, code_hash: str, now: str, device_id: str) -> str | None: ...
    def add_device(self, device_id: str, officer_cert: str, name: str, token_hash: str, at: str) -> None: ...
    def device_by_token(self, token_hash: str) -> Device | None: ...
    # device_by_token and read()'s result, in one round trip where the backend can; read() only reads and
    # does not depend on the device (its result is dropped when the token is refused)
    def device_and_read(self, token_hash: str, read: Callable[[], Any]) -> tuple[Device | None, Any]: ...
    # in a transaction: the token check sent now, its answer (device_by_token's) given by the callable
    # (on PostgreSQL it travels with the transaction's next read)
    def device_check(self, token_hash: str) -> Callable[[], Device | None]: ...
    def device(self, device_id: str) -> Device | None: ...
    def devices(self) -> list[Device]: ...
    def touch_device(self, device_id: str, at: str) -> None: ...
    def revoke_device(self, device_id: str, at: str) -> bool: ...

    # records and the change feed
    def record(self, entity: str, entity_id: str) -> Record | None: ...
    def records_of(self, keys: list[tuple[str, str]]) -> dict[tuple[str, str], Record]: ...  # one query
    def put_record(self, record: Record) -> Record: ...
    def records(self, entity: str) -> list[Record]: ...
    def inspection_records(self, inspection_id: str) -> list[Record]: ...  # records naming a blob of it
    def changes(self, since: int, units: list[str], device_id: str, entities: tuple[str, ...],
                limit: int) -> tuple[int, list[Record]]: ...  # (last_seq, changes numbered up to it)
    def last_seq(self) -> int: ...

    # idempotent entries and conflicts
    def entries_and_records(self, device_id: str, entry_ids: list[str], keys: list[tuple[str, str]]
                            ) -> tuple[dict[str, tuple[str, dict[str, Any]]], dict[tuple[str, str], Record]]: ...
    # (a push batch's reads: the entries this device sent before by id -> (digest, result), and records_of)
    def put_entries(self, device_id: str, rows: list[tuple[str, str, str, str, dict[str, Any]]],
                    at: str) -> None: ...  # (entry_id, digest, entity, entity_id, result) each, one executemany
    def add_conflict(self, conflict: dict[str, Any]) -> None: ...
    def conflicts(self, entity_id: str | None = None) -> list[dict[str, Any]]: ...

    # the devices' audit chains (entries as dicts of store.audit's columns: seq, at, ..., prev_hash, hash)
    def audit_head(self, device_id: str) -> tuple[int, str | None]: ...  # (0, None) before the first
    def audit_hashes(self, device_id: str, first: int, last: int) -> dict[int, str]: ...
    def put_audit_entries(self, device_id: str, entries: list[dict[str, Any]], at: str) -> None: ...
    def audit_entries(self, entity_ids: list[str]) -> list[dict[str, Any]]: ...  # with device_id, by device, seq
    def audit_chain(self, device_id: str) -> list[dict[str, Any]]: ...
    # (device_id, entity_id) -> outbox entries applied: a device whose audit entries about a record are
    # fewer has not pushed its chain that far (every outbox entry has its audit entry on the device)
    def entry_counts(self, entity_ids: list[str]) -> dict[tuple[str, str], int]: ...

    # blobs and resumable uploads
    def blob_sizes(self, hashes: list[str]) -> dict[str, int]: ...
    # each blob's state for one device, in one round trip on PostgreSQL
    def blob_states(self, device_id: str, hashes: list[str]) -> dict[str, BlobState]: ...
    # the blob row (and the device's upload row dropped), only while the device is not revoked (False then;
    # device_id None: the bureau itself)
    def put_blob(self, sha256: str, size: int, device_id: str | None, at: str) -> bool: ...
    def blobs_of(self, inspection_id: str) -> list[tuple[str, bool]]: ...
    def uploads(self, hashes: list[str], device_id: str) -> dict[str, Upload]: ...  # the device's sessions
    def put_upload(self, upload: Upload, at: str) -> bool: ...  # False (nothing written) for a revoked device
    def drop_upload(self, sha256: str, device_id: str) -> None: ...
    # sessions not written to since before (or every session of device_id, when given)
    def stale_uploads(self, before: str, device_id: str | None = None) -> list[Upload]: ...

    # number blocks
    def last_number(self, kind: str, year: int) -> int: ...
    def add_number_block(self, block: dict[str, Any]) -> None: ...


def open_storage(data_dir: Path, db_url: str | None = None) -> BureauStorage:
    """The storage of one bureau data folder: SQLite in DATA/bureau.db, or the PostgreSQL database at
    db_url (postgresql://...; default: the ECO_BUREAU_DB environment variable). Blobs stay in DATA/blobs."""
    data_dir.mkdir(parents=True, exist_ok=True)
    url = db_url or os.environ.get(DB_URL_ENV) or None
    if url:
        from eco_field.bureau.postgres_store import open_postgres

        return open_postgres(url)
    from eco_field.bureau.sqlite_store import SqliteStorage

    return SqliteStorage(data_dir / DATABASE_NAME)


def iter_pages(items: list[Any], size: int) -> Iterator[list[Any]]:
    for start in range(0, len(items), size):
        yield items[start:start + size]
