"""The bureau's PostgreSQL backend (psycopg 3): every SQL statement the server runs on PostgreSQL.

Same semantics as sqlite_store.py, with real concurrency:
- one connection per thread (the event loop's, and each upload worker's), autocommit outside
  `transaction()`; a nested `transaction()` joins the outer one, as on SQLite;
- a transaction that reads records or entries to decide what to write (push, admin) first locks the
  feed counter row, as SQLite's BEGIN IMMEDIATE makes it the only writer; every record write bumps that
  row, so commits reach readers in sequence order and a reader never sees seq N+1 before N;
- blob and upload rows are single-row upserts and need no such lock;
- a transaction runs in pipeline mode: writes whose results nobody reads go out with the next read or
  the COMMIT, so a push batch costs a round trip per read, not per statement;
- a connection the server dropped (PostgreSQL restarted) is replaced: a statement outside a transaction
  (a read) is retried once on a new connection, a transaction starts on a live one; a failure inside a
  transaction rolls it back and reaches the caller (the request fails, the client sends it again).
"""

from __future__ import annotations

import json
import select
import threading
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from typing import Any

import psycopg

from eco_field.bureau.schema import migrate
from eco_field.bureau.storage import Device, Record, Upload
from eco_field.canonical import canonical_json
from eco_field.errors import BadInput, DatabaseUnavailable

RECORD_COLUMNS = ("entity", "entity_id", "revision", "unit", "payload_json", "deleted", "origin_device",
                  "target_device", "inspection_id", "sha256", "seq", "updated_at")
RECORD_SELECT = f"SELECT {', '.join(RECORD_COLUMNS)} FROM records"
DEVICE_SELECT = ("SELECT d.id, d.officer_cert, d.name, d.enrolled_at, d.last_seen, d.revoked_at,"
                 " array(SELECT u.unit FROM officer_units u WHERE u.officer_cert = d.officer_cert"
                 " ORDER BY u.position) FROM devices d")
CONFLICT_KEYS = ("id", "device_id", "entry_id", "entity", "entity_id", "reason", "client_revision",
                 "server_revision", "client_payload", "server_payload", "at")
AUDIT_COLUMNS = ("seq", "at", "actor", "entity", "entity_id", "action", "data_json", "prev_hash", "hash")
CONNECT_TIMEOUT_S = 10
PIPELINE = psycopg.Pipeline.is_supported()  # libpq >= 14 (psycopg[binary] bundles one); else one by one


def _upsert_record(seq: str) -> str:
    """INSERT OR REPLACE of one record, its seq given by the SQL expression seq."""
    values = ", ".join(["%s"] * 10 + [seq, "%s"])
    updates = ", ".join(f"{c} = excluded.{c}" for c in RECORD_COLUMNS[2:])
    return (f"INSERT INTO records ({', '.join(RECORD_COLUMNS)}) VALUES ({values})"
            f" ON CONFLICT (entity, entity_id) DO UPDATE SET {updates}")


def is_postgres_url(url: str | None) -> bool:
    return bool(url) and url.split(":", 1)[0] in ("postgresql", "postgres")


class PostgresStorage:
    def __init__(self, url: str) -> None:
        self.url = url
        self._local = threading.local()
        self._lock = threading.Lock()
        self._open: list[tuple[threading.Thread, psycopg.Connection]] = []
        migrate(self._conn())

    # connections
    def _new_conn(self) -> psycopg.Connection:
        conn = psycopg.connect(self.url, autocommit=True, connect_timeout=CONNECT_TIMEOUT_S,
                               application_name="eco-field-bureau", prepare_threshold=0)  # few, hot statements
        with self._lock:
            # connections of threads that have ended (idle upload workers) are closed here
            alive = []
            for thread, other in self._open:
                if thread.is_alive():
                    alive.append((thread, other))
                else:
                    other.close()
            self._open = [*alive, (threading.current_thread(), conn)]
        return conn

    def _conn(self) -> psycopg.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None or conn.closed or conn.broken:
            if conn is not None:
                self._discard(conn)
            conn = self._local.conn = self._new_conn()
        return conn

    def _discard(self, conn: psycopg.Connection) -> None:
        conn.close()
        with self._lock:
            self._open = [(t, c) for t, c in self._open if c is not conn]
        if getattr(self._local, "conn", None) is conn:
            self._local.conn = None

    def _in_transaction(self) -> bool:
        return getattr(self._local, "depth", 0) > 0

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One transaction on this thread's connection, in pipeline mode: statements whose results are
        not read (writes) travel with the next read or the COMMIT, so a transaction costs few round trips."""
        if self._in_transaction():
            yield
            return
        conn = self._live_conn()
        self._local.depth, self._local.feed_locked, self._local.rows = 1, False, {}
        try:
            with conn.pipeline() if PIPELINE else nullcontext(), conn.transaction():
                yield
        finally:
            self._local.depth, self._local.feed_locked, self._local.rows = 0, False, {}
            if conn.broken or conn.closed:
                self._discard(conn)

    def _live_conn(self) -> psycopg.Connection:
        """This thread's connection, replaced first if the server has closed it (restart, crash): an idle
        connection has nothing to read unless the server said goodbye."""
        conn = self._conn()
        poller = select.poll()  # not select(): a busy server's descriptors go past FD_SETSIZE
        poller.register(conn.fileno(), select.POLLIN)
        if poller.poll(0):
            try:
                conn.execute("SELECT 1")
            except psycopg.OperationalError:
                self._discard(conn)
                conn = self._conn()
        return conn

    def _q(self, sql: str, params: list[Any] | tuple[Any, ...] = ()) -> psycopg.Cursor:
        self._local.next_upload = None
        conn = self._conn()
        if self._in_transaction():
            return conn.execute(sql, params)
        try:
            return conn.execute(sql, params)
        except psycopg.OperationalError:
            if not (conn.broken or conn.closed):
                raise
            self._discard(conn)  # outside a transaction only reads run here: safe to send again
            return self._conn().execute(sql, params)

    def _lock_feed(self) -> None:
        """Inside a transaction, become the only record writer until commit (SQLite's BEGIN IMMEDIATE).
        The lock travels with the next read (pipeline); its answer, the counter's value, is read when the
        first record is written, so record writes need not wait for the counter."""
        if self._in_transaction() and not self._local.feed_locked:
            self._local.feed_cursor = self._q("SELECT value FROM feed_counter WHERE id = 1 FOR UPDATE")
            self._local.feed_value = None
            self._local.feed_locked = True

    def _next_seq(self) -> int:
        self._lock_feed()
        if self._local.feed_value is None:
            self._local.feed_value = self._local.feed_cursor.fetchone()[0]
        self._local.feed_value += 1
        return self._local.feed_value

    def close(self) -> None:
        with self._lock:
            conns, self._open = self._open, []
        for _, conn in conns:
            conn.close()
        self._local.conn = None

    # officers and units
    def put_officer(self, cert_no: str, name: str, units: list[str]) -> None:
        self._lock_feed()
        self._q("INSERT INTO officers (cert_no, name) VALUES (%s, %s)"
                " ON CONFLICT (cert_no) DO UPDATE SET name = excluded.name", [cert_no, name])
        self._q("DELETE FROM officer_units WHERE officer_cert = %s", [cert_no])
        for position, unit in enumerate(dict.fromkeys(units)):
            self._q("INSERT INTO officer_units (officer_cert, unit, position) VALUES (%s, %s, %s)",
                    [cert_no, unit, position])

    def officers(self) -> list[dict[str, Any]]:
        rows = self._q("SELECT o.cert_no, o.name, array(SELECT u.unit FROM officer_units u"
                       " WHERE u.officer_cert = o.cert_no ORDER BY u.position)"
                       ' FROM officers o ORDER BY o.cert_no COLLATE "C"').fetchall()
        return [{"cert_no": c, "name": n, "units": list(units)} for c, n, units in rows]

    def officer_units(self, cert_no: str) -> list[str]:
        return [r[0] for r in self._q("SELECT unit FROM officer_units WHERE officer_cert = %s ORDER BY position",
                                      [cert_no])]

    # enrolment and devices
    def add_enroll_code(self, code_hash: str, officer_cert: str, expires_at: str) -> None:
        self._q("INSERT INTO enroll_codes (code_hash, officer_cert, expires_at) VALUES (%s, %s, %s)",
                [code_hash, officer_cert, expires_at])

    def take_enroll_code(self, code_hash: str, now: str, device_id: str) -> str | None:
        """Marks the code used and returns its officer, or None if unknown, used or expired (one statement:
        two devices racing for one code cannot both win)."""
        row = self._q('UPDATE enroll_codes SET used_at = %s, device_id = %s WHERE code_hash = %s'
                      ' AND used_at IS NULL AND expires_at COLLATE "C" > %s RETURNING officer_cert',
                      [now, device_id, code_hash, now]).fetchone()
        return row[0] if row else None

    def add_device(self, device_id: str, officer_cert: str, name: str, token_hash: str, at: str) -> None:
        self._q("INSERT INTO devices (id, officer_cert, name, token_hash, enrolled_at, last_seen)"
                " VALUES (%s, %s, %s, %s, %s, %s)", [device_id, officer_cert, name, token_hash, at, at])

    @staticmethod
    def _device(row: tuple | None) -> Device | None:
        if row is None:
            return None
        *fields, units = row
        return Device(*fields, units=list(units))

    def device_by_token(self, token_hash: str) -> Device | None:
        return self._device(self._q(f"{DEVICE_SELECT} WHERE d.token_hash = %s", [token_hash]).fetchone())

    def device(self, device_id: str) -> Device | None:
        return self._device(self._q(f"{DEVICE_SELECT} WHERE d.id = %s", [device_id]).fetchone())

    def devices(self) -> list[Device]:
        rows = self._q(f'{DEVICE_SELECT} ORDER BY d.enrolled_at COLLATE "C", d.id COLLATE "C"').fetchall()
        return [self._device(r) for r in rows]

    def touch_device(self, device_id: str, at: str) -> None:
        self._q("UPDATE devices SET last_seen = %s WHERE id = %s", [at, device_id])

    def revoke_device(self, device_id: str, at: str) -> bool:
        row = self._q("UPDATE devices SET revoked_at = coalesce(revoked_at, %s) WHERE id = %s RETURNING id",
                      [at, device_id]).fetchone()
        return row is not None

    # records and the change feed
    @staticmethod
    def _record(row: tuple) -> Record:
        d = dict(zip(RECORD_COLUMNS, row, strict=True))
        payload = json.loads(d.pop("payload_json"))
        return Record(payload=payload, deleted=bool(d.pop("deleted")), **d)

    def record(self, entity: str, entity_id: str) -> Record | None:
        """The record; in a transaction (the only record writer, see _lock_feed) each is read once, and a
        record written in it is not read back (the evidence of an inspection pushed in the same batch)."""
        if not self._in_transaction():
            row = self._q(f"{RECORD_SELECT} WHERE entity = %s AND entity_id = %s", [entity, entity_id]).fetchone()
            return self._record(row) if row else None
        self._lock_feed()
        rows = self._local.rows
        if (entity, entity_id) not in rows:
            rows[entity, entity_id] = self._q(f"{RECORD_SELECT} WHERE entity = %s AND entity_id = %s",
                                              [entity, entity_id]).fetchone()
        row = rows[entity, entity_id]
        return self._record(row) if row else None  # a new object each time: callers may change theirs

    def records_of(self, keys: list[tuple[str, str]]) -> dict[tuple[str, str], Record]:
        """Many records in one statement (a push batch's records and their parents)."""
        unique = list(dict.fromkeys(keys))
        if not unique:
            return {}
        self._lock_feed()
        rows = self._q(f"{RECORD_SELECT} WHERE (entity, entity_id) IN"
                       " (SELECT * FROM unnest(%s::text[], %s::text[]))",
                       [[k[0] for k in unique], [k[1] for k in unique]]).fetchall()
        found = {}
        for row in rows:
            record = self._record(row)
            found[record.entity, record.entity_id] = record
        return found

    def inspection_records(self, inspection_id: str) -> list[Record]:
        rows = self._q(f"{RECORD_SELECT} WHERE inspection_id = %s ORDER BY seq", [inspection_id]).fetchall()
        return [self._record(r) for r in rows]

    def put_record(self, record: Record) -> Record:
        """Insert or replace the entity's record with the next feed sequence number.

        In a transaction the counter row is locked first, so the next number is known here and the write
        goes out without waiting for an answer (pipeline); outside one, a single statement does both."""
        values = [record.entity, record.entity_id, record.revision, record.unit, canonical_json(record.payload),
                  bool(record.deleted), record.origin_device, record.target_device, record.inspection_id,
                  record.sha256]
        if self._in_transaction():
            record.seq = self._next_seq()
            self._q(f"WITH bumped AS (UPDATE feed_counter SET value = %s WHERE id = 1) {_upsert_record('%s')}",
                    [record.seq, *values, record.seq, record.updated_at])
            self._local.rows[record.entity, record.entity_id] = (*values, record.seq, record.updated_at)
            return record
        record.seq = self._q("WITH bumped AS (UPDATE feed_counter SET value = value + 1 WHERE id = 1 RETURNING value)"
                             f" {_upsert_record('(SELECT value FROM bumped)')} RETURNING seq",
                             [*values, record.updated_at]).fetchone()[0]
        return record

    def records(self, entity: str) -> list[Record]:
        rows = self._q(f"{RECORD_SELECT} WHERE entity = %s ORDER BY seq", [entity]).fetchall()
        return [self._record(r) for r in rows]

    def changes(self, since: int, units: list[str], device_id: str, entities: tuple[str, ...],
                limit: int) -> list[Record]:
        rows = self._q(f"{RECORD_SELECT} WHERE seq > %s AND entity = ANY(%s)"
                       " AND (origin_device IS NULL OR origin_device <> %s)"
                       " AND ((target_device IS NULL AND unit = ANY(%s)) OR target_device = %s)"
                       " ORDER BY seq LIMIT %s",
                       [since, list(entities), device_id, list(units), device_id, limit]).fetchall()
        return [self._record(r) for r in rows]

    def last_seq(self) -> int:
        return self._q("SELECT value FROM feed_counter WHERE id = 1").fetchone()[0]

    # idempotent entries and conflicts
    def entries_of(self, device_id: str, entry_ids: list[str]) -> dict[str, tuple[str, dict[str, Any]]]:
        """A batch's entries already received, in one statement (after the feed lock, see _lock_feed)."""
        self._lock_feed()
        rows = self._q("SELECT entry_id, digest, result_json FROM entries WHERE device_id = %s"
                       " AND entry_id = ANY(%s)", [device_id, list(dict.fromkeys(entry_ids))]).fetchall()
        return {entry_id: (digest, json.loads(result)) for entry_id, digest, result in rows}

    def put_entries(self, device_id: str, rows: list[tuple[str, str, str, str, dict[str, Any]]], at: str) -> None:
        """All of a batch's new entries in one executemany (in a transaction it travels with the COMMIT)."""
        if not rows:
            return
        self._local.next_upload = None
        self._conn().cursor().executemany(
            "INSERT INTO entries (device_id, entry_id, digest, entity, entity_id, result_json, received_at)"
            " VALUES (%s, %s, %s, %s, %s, %s, %s)",
            [(device_id, entry_id, digest, entity, entity_id, canonical_json(result), at)
             for entry_id, digest, entity, entity_id, result in rows])

    def add_conflict(self, conflict: dict[str, Any]) -> None:
        self._q("INSERT INTO conflicts (device_id, entry_id, entity, entity_id, reason, client_revision,"
                " server_revision, client_payload_json, server_payload_json, at)"
                " VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s)",
                [conflict["device_id"], conflict["entry_id"], conflict["entity"], conflict["entity_id"],
                 conflict["reason"], conflict.get("client_revision"), conflict.get("server_revision"),
                 canonical_json(conflict.get("client_payload")),
                 None if conflict.get("server_payload") is None else canonical_json(conflict["server_payload"]),
                 conflict["at"]])

    def conflicts(self, entity_id: str | None = None) -> list[dict[str, Any]]:
        sql = ("SELECT id, device_id, entry_id, entity, entity_id, reason, client_revision, server_revision,"
               " client_payload_json, server_payload_json, at FROM conflicts")
        rows = self._q(sql + (" WHERE entity_id = %s ORDER BY id" if entity_id else " ORDER BY id"),
                       [entity_id] if entity_id else []).fetchall()
        result = []
        for row in rows:
            item = dict(zip(CONFLICT_KEYS, row, strict=True))
            item["client_payload"] = json.loads(item["client_payload"])
            item["server_payload"] = json.loads(item["server_payload"]) if item["server_payload"] else None
            result.append(item)
        return result

    # the devices' audit chains
    def audit_head(self, device_id: str) -> tuple[int, str | None]:
        """The device's last stored entry; in a transaction its device row is locked first, so two pushes
        of one device's chain are taken one after the other."""
        if self._in_transaction():
            self._q("SELECT 1 FROM devices WHERE id = %s FOR UPDATE", [device_id])
        row = self._q("SELECT seq, hash FROM audit_entries WHERE device_id = %s ORDER BY seq DESC LIMIT 1",
                      [device_id]).fetchone()
        return (row[0], row[1]) if row else (0, None)

    def audit_hashes(self, device_id: str, first: int, last: int) -> dict[int, str]:
        return dict(self._q("SELECT seq, hash FROM audit_entries WHERE device_id = %s AND seq BETWEEN %s AND %s",
                            [device_id, first, last]).fetchall())

    def put_audit_entries(self, device_id: str, entries: list[dict[str, Any]], at: str) -> None:
        if not entries:
            return
        self._local.next_upload = None
        self._conn().cursor().executemany(
            f"INSERT INTO audit_entries (device_id, {', '.join(AUDIT_COLUMNS)}, received_at)"
            f" VALUES ({', '.join(['%s'] * (len(AUDIT_COLUMNS) + 2))})",
            [(device_id, *(e[k] for k in AUDIT_COLUMNS), at) for e in entries])

    def audit_entries(self, entity_ids: list[str]) -> list[dict[str, Any]]:
        rows = self._q(f"SELECT device_id, {', '.join(AUDIT_COLUMNS)} FROM audit_entries"
                       ' WHERE entity_id = ANY(%s) ORDER BY device_id COLLATE "C", seq',
                       [sorted(set(entity_ids))]).fetchall()
        return [dict(zip(("device_id", *AUDIT_COLUMNS), row, strict=True)) for row in rows]

    def audit_chain(self, device_id: str) -> list[dict[str, Any]]:
        rows = self._q(f"SELECT {', '.join(AUDIT_COLUMNS)} FROM audit_entries WHERE device_id = %s ORDER BY seq",
                       [device_id]).fetchall()
        return [dict(zip(AUDIT_COLUMNS, row, strict=True)) for row in rows]

    # blobs and resumable uploads
    def blob_sizes(self, hashes: list[str]) -> dict[str, int]:
        if not hashes:
            return {}
        if len(hashes) == 1:
            return self._blob_and_upload(hashes[0])
        rows = self._q("SELECT sha256, size FROM blobs WHERE sha256 = ANY(%s)", [list(hashes)]).fetchall()
        return dict(rows)

    def _blob_and_upload(self, sha256: str) -> dict[str, int]:
        """One blob's size, reading its upload row in the same statement: an upload's state is asked as
        blob_sizes([sha]) then upload(sha), and the second is answered from this read (one snapshot, one
        round trip). The kept row serves only the very next call on this thread (any statement drops it)."""
        row = self._q("SELECT b.size, u.size, u.committed, u.device_id FROM (SELECT %s::text AS sha256) q"
                      " LEFT JOIN blobs b ON b.sha256 = q.sha256 LEFT JOIN uploads u ON u.sha256 = q.sha256",
                      [sha256]).fetchone()
        self._local.next_upload = (sha256, Upload(sha256, *row[1:]) if row[1] is not None else None)
        return {} if row[0] is None else {sha256: row[0]}

    def put_blob(self, sha256: str, size: int, device_id: str | None, at: str) -> None:
        self._q("INSERT INTO blobs (sha256, size, device_id, stored_at) VALUES (%s, %s, %s, %s)"
                " ON CONFLICT (sha256) DO NOTHING", [sha256, size, device_id, at])

    def blobs_of(self, inspection_id: str) -> list[tuple[str, bool]]:
        rows = self._q("SELECT r.sha256, b.sha256 IS NOT NULL FROM records r LEFT JOIN blobs b ON b.sha256 = r.sha256"
                       " WHERE r.inspection_id = %s AND r.sha256 IS NOT NULL AND NOT r.deleted ORDER BY r.seq",
                       [inspection_id]).fetchall()
        return [(sha, bool(present)) for sha, present in rows]

    def upload(self, sha256: str) -> Upload | None:
        kept = getattr(self._local, "next_upload", None)
        if kept is not None and kept[0] == sha256:
            self._local.next_upload = None
            return kept[1]
        row = self._q("SELECT sha256, size, committed, device_id FROM uploads WHERE sha256 = %s",
                      [sha256]).fetchone()
        return Upload(*row) if row else None

    def put_upload(self, upload: Upload, at: str) -> None:
        self._q("INSERT INTO uploads (sha256, size, committed, device_id, updated_at) VALUES (%s, %s, %s, %s, %s)"
                " ON CONFLICT (sha256) DO UPDATE SET size = excluded.size, committed = excluded.committed,"
                " device_id = excluded.device_id, updated_at = excluded.updated_at",
                [upload.sha256, upload.size, upload.committed, upload.device_id, at])

    def drop_upload(self, sha256: str) -> None:
        self._q("DELETE FROM uploads WHERE sha256 = %s", [sha256])

    # number blocks
    def last_number(self, kind: str, year: int) -> int:
        self._lock_feed()
        return self._q('SELECT coalesce(max("end"), 0) FROM number_blocks WHERE kind = %s AND year = %s',
                       [kind, year]).fetchone()[0]

    def add_number_block(self, block: dict[str, Any]) -> None:
        self._q('INSERT INTO number_blocks (id, device_id, kind, year, start, "end", reserved_at)'
                " VALUES (%s, %s, %s, %s, %s, %s, %s)",
                [block["id"], block["device_id"], block["kind"], block["year"], block["start"], block["end"],
                 block["reserved_at"]])


def open_postgres(url: str) -> PostgresStorage:
    """The bureau's storage at a postgresql:// URL; a bad URL or an unreachable server is a user error."""
    if not is_postgres_url(url):
        raise BadInput(f"--db {_redacted(url)!r} is not a PostgreSQL URL (postgresql://USER:PASSWORD@HOST/DB);"
                       " leave it out to use SQLite in the data folder")
    try:
        return PostgresStorage(url)
    except psycopg.OperationalError as exc:
        raise DatabaseUnavailable(f"Cannot open the bureau database {_redacted(url)}: {exc}") from exc


def _redacted(url: str) -> str:
    """The URL without its password, for messages."""
    head, sep, tail = url.rpartition("@")
    if not sep or ":" not in head.split("//", 1)[-1]:
        return url
    scheme, _, credentials = head.partition("//")
    return f"{scheme}//{credentials.split(':', 1)[0]}:***@{tail}"
