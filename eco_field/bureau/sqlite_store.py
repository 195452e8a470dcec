"""The bureau's SQLite backend: every SQL statement the server runs, in one module.

One connection guarded by a lock (the server's handlers run on one event loop); WAL, foreign keys on,
BEGIN IMMEDIATE for writes. The change feed's sequence is a counter row bumped inside each write, so
commits reach readers in sequence order (one writer at a time).

SCHEMA is version 1 (created in place, as before migrations existed); MIGRATIONS bring a database from
its `PRAGMA user_version` to the newest, each in the transaction that sets the new version.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from eco_field.bureau.storage import BlobState, Device, Record, Upload
from eco_field.canonical import canonical_json

SCHEMA = """
CREATE TABLE IF NOT EXISTS officers (
    cert_no TEXT PRIMARY KEY, name TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS officer_units (
    officer_cert TEXT NOT NULL REFERENCES officers(cert_no), unit TEXT NOT NULL,
    PRIMARY KEY (officer_cert, unit));
CREATE TABLE IF NOT EXISTS enroll_codes (
    code_hash TEXT PRIMARY KEY, officer_cert TEXT NOT NULL REFERENCES officers(cert_no),
    expires_at TEXT NOT NULL, used_at TEXT, device_id TEXT);
CREATE TABLE IF NOT EXISTS devices (
    id TEXT PRIMARY KEY, officer_cert TEXT NOT NULL REFERENCES officers(cert_no), name TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE, enrolled_at TEXT NOT NULL, last_seen TEXT, revoked_at TEXT);
CREATE TABLE IF NOT EXISTS records (
    entity TEXT NOT NULL, entity_id TEXT NOT NULL, revision INTEGER, unit TEXT NOT NULL,
    payload_json TEXT NOT NULL, deleted INTEGER NOT NULL DEFAULT 0, origin_device TEXT, target_device TEXT,
    inspection_id TEXT, sha256 TEXT, seq INTEGER NOT NULL, updated_at TEXT NOT NULL,
    PRIMARY KEY (entity, entity_id));
CREATE INDEX IF NOT EXISTS records_seq ON records(seq);
CREATE INDEX IF NOT EXISTS records_inspection ON records(inspection_id);
CREATE TABLE IF NOT EXISTS feed_counter (id INTEGER PRIMARY KEY CHECK (id = 1), value INTEGER NOT NULL);
INSERT OR IGNORE INTO feed_counter (id, value) VALUES (1, 0);
CREATE TABLE IF NOT EXISTS entries (
    device_id TEXT NOT NULL, entry_id TEXT NOT NULL, digest TEXT NOT NULL, entity TEXT NOT NULL,
    entity_id TEXT NOT NULL, result_json TEXT NOT NULL, received_at TEXT NOT NULL,
    PRIMARY KEY (device_id, entry_id));
CREATE TABLE IF NOT EXISTS conflicts (
    id INTEGER PRIMARY KEY, device_id TEXT NOT NULL, entry_id TEXT NOT NULL, entity TEXT NOT NULL,
    entity_id TEXT NOT NULL, reason TEXT NOT NULL, client_revision INTEGER, server_revision INTEGER,
    client_payload_json TEXT NOT NULL, server_payload_json TEXT, at TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS conflicts_entity ON conflicts(entity_id);
CREATE TABLE IF NOT EXISTS blobs (
    sha256 TEXT PRIMARY KEY, size INTEGER NOT NULL, device_id TEXT, stored_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS uploads (
    sha256 TEXT PRIMARY KEY, size INTEGER NOT NULL, committed INTEGER NOT NULL, device_id TEXT NOT NULL,
    updated_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS number_blocks (
    id TEXT PRIMARY KEY, device_id TEXT NOT NULL, kind TEXT NOT NULL, year INTEGER NOT NULL,
    start INTEGER NOT NULL, end INTEGER NOT NULL, reserved_at TEXT NOT NULL);
"""

MIGRATIONS: tuple[tuple[int, str], ...] = (
    # 2: the devices' audit chains, pushed after their outboxes (POST /audit), for case files from the bureau
    (2, """
CREATE TABLE audit_entries (
    device_id TEXT NOT NULL, seq INTEGER NOT NULL, at TEXT NOT NULL, actor TEXT NOT NULL, entity TEXT NOT NULL,
    entity_id TEXT NOT NULL, action TEXT NOT NULL, data_json TEXT NOT NULL, prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL, received_at TEXT NOT NULL, PRIMARY KEY (device_id, seq));
CREATE INDEX audit_entries_entity ON audit_entries(entity_id);
"""),
    # 3: an upload session is its device's own (one per device and blob); a device learns only about blobs
    # its own records name (records by SHA-256, entries by device and record); records a device wrote of the
    # bureau's own kinds, or payloads that are no JSON object, are moved aside (they broke pulls and admin
    # commands before schemas were checked). Sessions of the old layout cannot resume: devices start again.
    (3, """
DROP TABLE uploads;
CREATE TABLE uploads (
    sha256 TEXT NOT NULL, device_id TEXT NOT NULL, size INTEGER NOT NULL, committed INTEGER NOT NULL,
    updated_at TEXT NOT NULL, PRIMARY KEY (sha256, device_id));
CREATE INDEX uploads_device ON uploads(device_id);
CREATE INDEX uploads_updated ON uploads(updated_at);
CREATE INDEX records_sha256 ON records(sha256);
CREATE INDEX entries_device_record ON entries(device_id, entity, entity_id);
CREATE TABLE quarantined_records (
    entity TEXT NOT NULL, entity_id TEXT NOT NULL, revision INTEGER, unit TEXT NOT NULL,
    payload_json TEXT NOT NULL, deleted INTEGER NOT NULL, origin_device TEXT, target_device TEXT,
    inspection_id TEXT, sha256 TEXT, seq INTEGER NOT NULL, updated_at TEXT NOT NULL, moved_at TEXT NOT NULL);
INSERT INTO quarantined_records SELECT entity, entity_id, revision, unit, payload_json, deleted, origin_device,
    target_device, inspection_id, sha256, seq, updated_at, strftime('%Y-%m-%dT%H:%M:%S+00:00', 'now') FROM records
    WHERE substr(payload_json, 1, 1) <> '{' OR (origin_device IS NOT NULL
    AND entity IN ('catalog', 'number_block', 'officer', 'enterprise', 'task', 'setting'));
DELETE FROM records WHERE substr(payload_json, 1, 1) <> '{' OR (origin_device IS NOT NULL
    AND entity IN ('catalog', 'number_block', 'officer', 'enterprise', 'task', 'setting'))
"""),
)
AUDIT_COLUMNS = ("seq", "at", "actor", "entity", "entity_id", "action", "data_json", "prev_hash", "hash")
RECORD_COLUMNS = ("entity", "entity_id", "revision", "unit", "payload_json", "deleted", "origin_device",
                  "target_device", "inspection_id", "sha256", "seq", "updated_at")
DEVICE_COLUMNS = "id, officer_cert, name, enrolled_at, last_seen, revoked_at"


class SqliteStorage:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.RLock()
        self._conn = sqlite3.connect(str(path), timeout=10, isolation_level=None, check_same_thread=False)
        self._conn.execute("PRAGMA busy_timeout = 10000")
        self._conn.execute("PRAGMA journal_mode = WAL")
        self._conn.execute("PRAGMA foreign_keys = ON")
        self._conn.execute("PRAGMA synchronous = FULL")
        with self.transaction():
            for statement in SCHEMA.split(";"):
                if statement.strip():
                    self._conn.execute(statement)
            self._migrate()

    def _migrate(self) -> None:
        version = self._conn.execute("PRAGMA user_version").fetchone()[0]
        for number, sql in MIGRATIONS:
            if number > version:
                for statement in sql.split(";"):
                    if statement.strip():
                        self._conn.execute(statement)
                self._conn.execute(f"PRAGMA user_version = {number}")

    @contextmanager
    def transaction(self) -> Iterator[None]:
        with self._lock:
            if self._conn.in_transaction:
                yield
                return
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("COMMIT")

    def _q(self, sql: str, params: list[Any] | tuple[Any, ...] = ()) -> sqlite3.Cursor:
        with self._lock:
            return self._conn.execute(sql, params)

    def close(self) -> None:
        self._conn.close()

    # officers and units
    def put_officer(self, cert_no: str, name: str, units: list[str]) -> None:
        self._q("INSERT INTO officers (cert_no, name) VALUES (?, ?)"
                " ON CONFLICT(cert_no) DO UPDATE SET name = excluded.name", [cert_no, name])
        self._q("DELETE FROM officer_units WHERE officer_cert = ?", [cert_no])
        for unit in dict.fromkeys(units):
            self._q("INSERT INTO officer_units (officer_cert, unit) VALUES (?, ?)", [cert_no, unit])

    def officers(self) -> list[dict[str, Any]]:
        rows = self._q("SELECT cert_no, name FROM officers ORDER BY cert_no").fetchall()
        return [{"cert_no": c, "name": n, "units": self.officer_units(c)} for c, n in rows]

    def officer_units(self, cert_no: str) -> list[str]:
        return [r[0] for r in self._q("SELECT unit FROM officer_units WHERE officer_cert = ? ORDER BY rowid",
                                      [cert_no])]

    # enrolment and devices
    def add_enroll_code(self, code_hash: str, officer_cert: str, expires_at: str) -> None:
        self._q("INSERT INTO enroll_codes (code_hash, officer_cert, expires_at) VALUES (?, ?, ?)",
                [code_hash, officer_cert, expires_at])

    def take_enroll_code(self, code_hash: str, now: str, device_id: str) -> str | None:
        """Marks the code used and returns its officer, or None if unknown, used or expired."""
        row = self._q("SELECT officer_cert FROM enroll_codes WHERE code_hash = ? AND used_at IS NULL"
                      " AND expires_at > ?", [code_hash, now]).fetchone()
        if row is None:
            return None
        self._q("UPDATE enroll_codes SET used_at = ?, device_id = ? WHERE code_hash = ?", [now, device_id, code_hash])
        return row[0]

    def add_device(self, device_id: str, officer_cert: str, name: str, token_hash: str, at: str) -> None:
        self._q("INSERT INTO devices (id, officer_cert, name, token_hash, enrolled_at, last_seen)"
                " VALUES (?, ?, ?, ?, ?, ?)", [device_id, officer_cert, name, token_hash, at, at])

    def _device(self, row: tuple | None) -> Device | None:
        if row is None:
            return None
        device = Device(*row)
        device.units = self.officer_units(device.officer_cert)
        return device

    def device_by_token(self, token_hash: str) -> Device | None:
        return self._device(self._q(f"SELECT {DEVICE_COLUMNS} FROM devices WHERE token_hash = ?",
                                    [token_hash]).fetchone())

    def device_and_read(self, token_hash: str, read: Callable[[], Any]) -> tuple[Device | None, Any]:
        """device_by_token, then read() for a device that may make requests (see PostgresStorage)."""
        device = self.device_by_token(token_hash)
        return device, read() if device is not None and not device.revoked_at else None

    def device_check(self, token_hash: str) -> Callable[[], Device | None]:
        device = self.device_by_token(token_hash)
        return lambda: device

    def device(self, device_id: str) -> Device | None:
        return self._device(self._q(f"SELECT {DEVICE_COLUMNS} FROM devices WHERE id = ?", [device_id]).fetchone())

    def devices(self) -> list[Device]:
        rows = self._q(f"SELECT {DEVICE_COLUMNS} FROM devices ORDER BY enrolled_at, id").fetchall()
        return [self._device(r) for r in rows]

    def touch_device(self, device_id: str, at: str) -> None:
        self._q("UPDATE devices SET last_seen = ? WHERE id = ?", [at, device_id])

    def revoke_device(self, device_id: str, at: str) -> bool:
        cursor = self._q("UPDATE devices SET revoked_at = coalesce(revoked_at, ?) WHERE id = ?", [at, device_id])
        return cursor.rowcount > 0

    # records and the change feed
    @staticmethod
    def _record(row: tuple) -> Record:
        d = dict(zip(RECORD_COLUMNS, row, strict=True))
        payload = json.loads(d.pop("payload_json"))
        return Record(payload=payload, deleted=bool(d.pop("deleted")), **d)

    def record(self, entity: str, entity_id: str) -> Record | None:
        row = self._q(f"SELECT {', '.join(RECORD_COLUMNS)} FROM records WHERE entity = ? AND entity_id = ?",
                      [entity, entity_id]).fetchone()
        return self._record(row) if row else None

    def records_of(self, keys: list[tuple[str, str]]) -> dict[tuple[str, str], Record]:
        found: dict[tuple[str, str], Record] = {}
        unique = list(dict.fromkeys(keys))
        for start in range(0, len(unique), 400):
            part = unique[start:start + 400]
            rows = self._q(f"SELECT {', '.join(RECORD_COLUMNS)} FROM records WHERE (entity, entity_id) IN"
                           f" (VALUES {', '.join(['(?, ?)'] * len(part))})", [v for key in part for v in key])
            for row in rows.fetchall():
                record = self._record(row)
                found[record.entity, record.entity_id] = record
        return found

    def inspection_records(self, inspection_id: str) -> list[Record]:
        rows = self._q(f"SELECT {', '.join(RECORD_COLUMNS)} FROM records WHERE inspection_id = ? ORDER BY seq",
                       [inspection_id]).fetchall()
        return [self._record(r) for r in rows]

    def put_record(self, record: Record) -> Record:
        """Insert or replace the entity's record with the next feed sequence number."""
        seq = self._q("UPDATE feed_counter SET value = value + 1 WHERE id = 1 RETURNING value").fetchone()[0]
        record.seq = seq
        values = [record.entity, record.entity_id, record.revision, record.unit, canonical_json(record.payload),
                  int(record.deleted), record.origin_device, record.target_device, record.inspection_id,
                  record.sha256, seq, record.updated_at]
        self._q(f"INSERT OR REPLACE INTO records ({', '.join(RECORD_COLUMNS)})"
                f" VALUES ({', '.join('?' * len(RECORD_COLUMNS))})", values)
        return record

    def records(self, entity: str) -> list[Record]:
        rows = self._q(f"SELECT {', '.join(RECORD_COLUMNS)} FROM records WHERE entity = ? ORDER BY seq",
                       [entity]).fetchall()
        return [self._record(r) for r in rows]

    def changes(self, since: int, units: list[str], device_id: str, entities: tuple[str, ...],
                limit: int) -> tuple[int, list[Record]]:
        """(last_seq, the changes after since up to it): the counter is read first, so the cursor never
        passes a change not yet looked at."""
        sql = (f"SELECT {', '.join(RECORD_COLUMNS)} FROM records WHERE seq > ? AND seq <= ?"
               f" AND entity IN ({', '.join('?' * len(entities))})"
               " AND (origin_device IS NULL OR origin_device != ?)"
               f" AND ((target_device IS NULL AND unit IN ({', '.join('?' * len(units)) or 'NULL'}))"
               " OR target_device = ?) ORDER BY seq LIMIT ?")
        with self._lock:
            top = self.last_seq()
            rows = self._q(sql, [since, top, *entities, device_id, *units, device_id, limit]).fetchall()
        return top, [self._record(r) for r in rows]

    def last_seq(self) -> int:
        return self._q("SELECT value FROM feed_counter WHERE id = 1").fetchone()[0]

    # idempotent entries and conflicts
    def entries_and_records(self, device_id: str, entry_ids: list[str], keys: list[tuple[str, str]]
                            ) -> tuple[dict[str, tuple[str, dict[str, Any]]], dict[tuple[str, str], Record]]:
        seen: dict[str, tuple[str, dict[str, Any]]] = {}
        unique = list(dict.fromkeys(entry_ids))
        for start in range(0, len(unique), 500):
            part = unique[start:start + 500]
            rows = self._q("SELECT entry_id, digest, result_json FROM entries WHERE device_id = ?"
                           f" AND entry_id IN ({', '.join('?' * len(part))})", [device_id, *part])
            seen.update((entry_id, (digest, json.loads(result))) for entry_id, digest, result in rows.fetchall())
        return seen, self.records_of(keys)

    def put_entries(self, device_id: str, rows: list[tuple[str, str, str, str, dict[str, Any]]], at: str) -> None:
        with self._lock:
            self._conn.executemany(
                "INSERT INTO entries (device_id, entry_id, digest, entity, entity_id, result_json, received_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                [(device_id, entry_id, digest, entity, entity_id, canonical_json(result), at)
                 for entry_id, digest, entity, entity_id, result in rows])

    def add_conflict(self, conflict: dict[str, Any]) -> None:
        self._q("INSERT INTO conflicts (device_id, entry_id, entity, entity_id, reason, client_revision,"
                " server_revision, client_payload_json, server_payload_json, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [conflict["device_id"], conflict["entry_id"], conflict["entity"], conflict["entity_id"],
                 conflict["reason"], conflict.get("client_revision"), conflict.get("server_revision"),
                 canonical_json(conflict.get("client_payload")),
                 None if conflict.get("server_payload") is None else canonical_json(conflict["server_payload"]),
                 conflict["at"]])

    def conflicts(self, entity_id: str | None = None) -> list[dict[str, Any]]:
        sql = ("SELECT id, device_id, entry_id, entity, entity_id, reason, client_revision, server_revision,"
               " client_payload_json, server_payload_json, at FROM conflicts")
        rows = self._q(sql + (" WHERE entity_id = ? ORDER BY id" if entity_id else " ORDER BY id"),
                       [entity_id] if entity_id else []).fetchall()
        keys = ("id", "device_id", "entry_id", "entity", "entity_id", "reason", "client_revision",
                "server_revision", "client_payload", "server_payload", "at")
        result = []
        for row in rows:
            item = dict(zip(keys, row, strict=True))
            item["client_payload"] = json.loads(item["client_payload"])
            item["server_payload"] = json.loads(item["server_payload"]) if item["server_payload"] else None
            result.append(item)
        return result

    # the devices' audit chains
    def audit_head(self, device_id: str) -> tuple[int, str | None]:
        row = self._q("SELECT seq, hash FROM audit_entries WHERE device_id = ? ORDER BY seq DESC LIMIT 1",
                      [device_id]).fetchone()
        return (row[0], row[1]) if row else (0, None)

    def audit_hashes(self, device_id: str, first: int, last: int) -> dict[int, str]:
        return dict(self._q("SELECT seq, hash FROM audit_entries WHERE device_id = ? AND seq BETWEEN ? AND ?",
                            [device_id, first, last]).fetchall())

    def put_audit_entries(self, device_id: str, entries: list[dict[str, Any]], at: str) -> None:
        with self._lock:
            self._conn.executemany(
                f"INSERT INTO audit_entries (device_id, {', '.join(AUDIT_COLUMNS)}, received_at)"
                f" VALUES ({', '.join('?' * (len(AUDIT_COLUMNS) + 2))})",
                [(device_id, *(e[k] for k in AUDIT_COLUMNS), at) for e in entries])

    def audit_entries(self, entity_ids: list[str]) -> list[dict[str, Any]]:
        found = []
        unique = sorted(set(entity_ids))
        for start in range(0, len(unique), 500):
            part = unique[start:start + 500]
            rows = self._q(f"SELECT device_id, {', '.join(AUDIT_COLUMNS)} FROM audit_entries"
                           f" WHERE entity_id IN ({', '.join('?' * len(part))})", part)
            found += [dict(zip(("device_id", *AUDIT_COLUMNS), row, strict=True)) for row in rows.fetchall()]
        return sorted(found, key=lambda e: (e["device_id"], e["seq"]))

    def audit_chain(self, device_id: str) -> list[dict[str, Any]]:
        rows = self._q(f"SELECT {', '.join(AUDIT_COLUMNS)} FROM audit_entries WHERE device_id = ? ORDER BY seq",
                       [device_id]).fetchall()
        return [dict(zip(AUDIT_COLUMNS, row, strict=True)) for row in rows]

    def entry_counts(self, entity_ids: list[str]) -> dict[tuple[str, str], int]:
        """(device_id, entity_id) -> how many outbox entries of that device about that record were applied."""
        found: dict[tuple[str, str], int] = {}
        unique = sorted(set(entity_ids))
        for start in range(0, len(unique), 500):
            part = unique[start:start + 500]
            rows = self._q("SELECT device_id, entity_id, count(*) FROM entries"
                           f" WHERE entity_id IN ({', '.join('?' * len(part))}) GROUP BY device_id, entity_id", part)
            found.update(((device_id, entity_id), n) for device_id, entity_id, n in rows.fetchall())
        return found

    # blobs and resumable uploads
    def blob_sizes(self, hashes: list[str]) -> dict[str, int]:
        found: dict[str, int] = {}
        for start in range(0, len(hashes), 500):
            part = hashes[start:start + 500]
            rows = self._q(f"SELECT sha256, size FROM blobs WHERE sha256 IN ({', '.join('?' * len(part))})", part)
            found.update(dict(rows.fetchall()))
        return found

    def blob_states(self, device_id: str, hashes: list[str]) -> dict[str, BlobState]:
        states = {sha: BlobState() for sha in dict.fromkeys(hashes)}
        unique = list(states)
        with self._lock:
            for start in range(0, len(unique), 400):
                part = unique[start:start + 400]
                marks = ", ".join("?" * len(part))
                for (sha,) in self._q(f"SELECT DISTINCT r.sha256 FROM records r WHERE r.sha256 IN ({marks}) AND EXISTS"
                                      " (SELECT 1 FROM entries e WHERE e.device_id = ? AND e.entity = r.entity"
                                      " AND e.entity_id = r.entity_id)", [*part, device_id]).fetchall():
                    states[sha].named = True
                for sha, size in self._q(f"SELECT sha256, size FROM blobs WHERE sha256 IN ({marks})", part).fetchall():
                    states[sha].stored = size
                for row in self._q("SELECT sha256, size, committed, device_id FROM uploads WHERE device_id = ?"
                                   f" AND sha256 IN ({marks})", [device_id, *part]).fetchall():
                    states[row[0]].upload = Upload(*row)
        return states

    def put_blob(self, sha256: str, size: int, device_id: str | None, at: str) -> bool:
        with self.transaction():
            if device_id is not None and not self._live(device_id):
                return False
            self._q("INSERT OR IGNORE INTO blobs (sha256, size, device_id, stored_at) VALUES (?, ?, ?, ?)",
                    [sha256, size, device_id, at])
            self._q("DELETE FROM uploads WHERE sha256 = ? AND device_id = ?", [sha256, device_id])
        return True

    def _live(self, device_id: str) -> bool:
        return self._q("SELECT 1 FROM devices WHERE id = ? AND revoked_at IS NULL", [device_id]).fetchone() is not None

    def blobs_of(self, inspection_id: str) -> list[tuple[str, bool]]:
        rows = self._q("SELECT r.sha256, b.sha256 IS NOT NULL FROM records r LEFT JOIN blobs b ON b.sha256 = r.sha256"
                       " WHERE r.inspection_id = ? AND r.sha256 IS NOT NULL AND r.deleted = 0 ORDER BY r.seq",
                       [inspection_id]).fetchall()
        return [(sha, bool(present)) for sha, present in rows]

    def uploads(self, hashes: list[str], device_id: str) -> dict[str, Upload]:
        return {sha: state.upload for sha, state in self.blob_states(device_id, hashes).items() if state.upload}

    def put_upload(self, upload: Upload, at: str) -> bool:
        with self.transaction():
            if not self._live(upload.device_id):
                return False
            self._q("INSERT INTO uploads (sha256, device_id, size, committed, updated_at) VALUES (?, ?, ?, ?, ?)"
                    " ON CONFLICT(sha256, device_id) DO UPDATE SET size = excluded.size,"
                    " committed = excluded.committed, updated_at = excluded.updated_at",
                    [upload.sha256, upload.device_id, upload.size, upload.committed, at])
        return True

    def drop_upload(self, sha256: str, device_id: str) -> None:
        self._q("DELETE FROM uploads WHERE sha256 = ? AND device_id = ?", [sha256, device_id])

    def stale_uploads(self, before: str, device_id: str | None = None) -> list[Upload]:
        sql = "SELECT sha256, size, committed, device_id FROM uploads WHERE "
        rows = (self._q(sql + "device_id = ?", [device_id]) if device_id is not None
                else self._q(sql + "updated_at < ?", [before])).fetchall()
        return [Upload(*row) for row in rows]

    # number blocks
    def last_number(self, kind: str, year: int) -> int:
        return self._q("SELECT coalesce(max(end), 0) FROM number_blocks WHERE kind = ? AND year = ?",
                       [kind, year]).fetchone()[0]

    def add_number_block(self, block: dict[str, Any]) -> None:
        self._q("INSERT INTO number_blocks (id, device_id, kind, year, start, end, reserved_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                [block["id"], block["device_id"], block["kind"], block["year"], block["start"], block["end"],
                 block["reserved_at"]])
