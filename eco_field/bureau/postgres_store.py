"""The bureau's PostgreSQL backend (psycopg 3): every SQL statement the server runs on PostgreSQL.

Same semantics as sqlite_store.py, with real concurrency:
- a fixed pool of POOL_SIZE connections shared by the server's worker threads (a thread waits for a free
  one): a transaction holds one until it ends, a statement outside one only while it runs (autocommit);
  a nested `transaction()` joins the outer one, as on SQLite;
- a transaction that reads records or entries to decide what to write (push, admin) first locks the
  feed counter row, as SQLite's BEGIN IMMEDIATE makes it the only writer; every record write bumps that
  row, so commits reach readers in sequence order and a reader never sees seq N+1 before N;
- blob and upload rows are single-row upserts and need no such lock;
- a transaction runs in pipeline mode: writes whose results nobody reads go out with the next read or
  the COMMIT, and the reads a push batch needs (its entries, its records and their parents) go out
  together, so a push costs two round trips whatever its size;
- a request's token check travels inside its first read (device_and_read, TOKEN_CHECKED): one statement
  checks the token and, for a known device, reads; the token is still checked on every request;
- a connection the server dropped (PostgreSQL restarted) is replaced: a statement outside a transaction
  (a read, or an idempotent single-statement write) is retried once on a new connection, a transaction
  starts on a live one; a failure inside a transaction rolls it back and reaches the caller (the request
  fails, the client sends it again).
"""

from __future__ import annotations

import json
import select
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager, nullcontext
from typing import Any, TypeVar

import psycopg

from eco_field.bureau.schema import migrate
from eco_field.bureau.storage import BlobState, Device, Record, Upload
from eco_field.canonical import canonical_json
from eco_field.errors import BadInput, DatabaseUnavailable
from eco_field.messages import Term

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
# Connections per server process, whatever its number of worker threads: on a 2-core machine more
# only queue inside PostgreSQL (and each costs a backend process); threads wait here for a free one.
POOL_SIZE = 8
PIPELINE = psycopg.Pipeline.is_supported()  # libpq >= 14 (psycopg[binary] bundles one); else one by one
T = TypeVar("T")


RECORD_TYPES = ("text", "text", "bigint", "text", "text", "boolean", "text", "text", "text", "text", "bigint", "text")
RECORD_UPDATES = ", ".join(f"{c} = excluded.{c}" for c in RECORD_COLUMNS[2:])


def _upsert_record(seq: str) -> str:
    """INSERT OR REPLACE of one record, its seq given by the SQL expression seq."""
    values = ", ".join(["%s"] * 10 + [seq, "%s"])
    return (f"INSERT INTO records ({', '.join(RECORD_COLUMNS)}) VALUES ({values})"
            f" ON CONFLICT (entity, entity_id) DO UPDATE SET {RECORD_UPDATES}")


# Every record a transaction wrote, in one statement with the feed counter's new value (see _flush_records).
UPSERT_RECORDS = ("WITH bumped AS (UPDATE feed_counter SET value = %s WHERE id = 1)"
                  f" INSERT INTO records ({', '.join(RECORD_COLUMNS)})"
                  f" SELECT * FROM unnest({', '.join(f'%s::{t}[]' for t in RECORD_TYPES)})"
                  f" ON CONFLICT (entity, entity_id) DO UPDATE SET {RECORD_UPDATES}")


DEVICE_COLUMNS = ("id", "officer_cert", "name", "enrolled_at", "last_seen", "revoked_at", "units")
# A read sent with the token check (device_and_read): the read runs only for a known token, and its rows
# come back each with the device's row and a marker (a device with nothing to read has one row, unmarked).
TOKEN_CHECKED = ("SELECT dv.*, q.* FROM (" + DEVICE_SELECT + " WHERE d.token_hash = %s) dv"
                 " LEFT JOIN LATERAL (SELECT true, s.* FROM ({read}) s) q ON true")


class _NoDevice(Exception):
    """A token-checked read found no device: read() stops, device_and_read answers None."""


class _Rows:
    """Rows already fetched, read like a cursor."""

    def __init__(self, rows: list[tuple]) -> None:
        self.rows = rows

    def fetchone(self) -> tuple | None:
        return self.rows[0] if self.rows else None

    def fetchall(self) -> list[tuple]:
        return self.rows

    def __iter__(self) -> Iterator[tuple]:
        return iter(self.rows)


def is_postgres_url(url: str | None) -> bool:
    return bool(url) and url.split(":", 1)[0] in ("postgresql", "postgres")


class PostgresStorage:
    def __init__(self, url: str, pool_size: int = POOL_SIZE) -> None:
        self.url = url
        self._local = threading.local()
        self._lock = threading.Lock()
        self._idle: list[psycopg.Connection] = []
        self._slots = threading.BoundedSemaphore(pool_size)
        with self._connection() as conn:
            migrate(conn)

    # connections: a fixed pool shared by all threads
    def _new_conn(self) -> psycopg.Connection:
        return psycopg.connect(self.url, autocommit=True, connect_timeout=CONNECT_TIMEOUT_S,
                               application_name="eco-field-bureau", prepare_threshold=0)  # few, hot statements

    @contextmanager
    def _connection(self) -> Iterator[psycopg.Connection]:
        """A live connection of the pool for this thread until the block ends (waiting for a free one);
        inside a transaction, the transaction's."""
        held = getattr(self._local, "conn", None)
        if held is not None:
            yield held
            return
        self._slots.acquire()
        try:
            conn = self._live(self._take_idle())
            self._local.conn = conn
            try:
                yield conn
            finally:
                self._local.conn = None
                if conn.closed or conn.broken:
                    conn.close()
                else:
                    with self._lock:
                        self._idle.append(conn)
        finally:
            self._slots.release()

    def _take_idle(self) -> psycopg.Connection | None:
        with self._lock:
            return self._idle.pop() if self._idle else None  # the most recently used: warm

    def _live(self, conn: psycopg.Connection | None) -> psycopg.Connection:
        """conn, or a new connection if there is none or the server has closed it (restart, crash): an
        idle connection has nothing to read unless the server said goodbye."""
        if conn is not None and not (conn.closed or conn.broken):
            poller = select.poll()  # not select(): a busy server's descriptors go past FD_SETSIZE
            poller.register(conn.fileno(), select.POLLIN)
            if not poller.poll(0):
                return conn
            try:
                conn.execute("SELECT 1")
                return conn
            except psycopg.OperationalError:
                pass
        if conn is not None:
            conn.close()
        return self._new_conn()

    def _in_transaction(self) -> bool:
        return getattr(self._local, "depth", 0) > 0

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One transaction on one pooled connection, in pipeline mode: statements whose results are not
        read (writes) travel with the next read or the COMMIT, so a transaction costs few round trips."""
        if self._in_transaction():
            yield
            return
        with self._connection() as conn:
            self._local.depth, self._local.feed_locked, self._local.rows, self._local.pending = 1, False, {}, {}
            try:
                with conn.pipeline() if PIPELINE else nullcontext(), conn.transaction():
                    yield
                    self._flush_records()
            finally:
                self._local.depth, self._local.feed_locked, self._local.rows, self._local.pending = 0, False, {}, {}

    def _q(self, sql: str, params: list[Any] | tuple[Any, ...] = ()) -> psycopg.Cursor:
        """Run one statement: in the thread's transaction, or alone on a pooled connection (the cursor
        holds its whole result, so the connection goes back to the pool at once)."""
        if self._in_transaction():
            if self._local.pending:
                self._flush_records()  # the transaction's own reads see its writes
            return self._local.conn.execute(sql, params)
        token_hash = getattr(self._local, "token_check", None)
        if token_hash is not None:  # a read after a token check: one statement (see device_and_read)
            self._local.token_check = None
            sql, params = TOKEN_CHECKED.format(read=sql), [token_hash, *params]
        with self._connection() as conn:
            try:
                cursor = conn.execute(sql, params)
            except psycopg.OperationalError:
                if not (conn.broken or conn.closed):
                    raise
                cursor = None
        if cursor is None:
            # the server dropped the connection: outside a transaction only reads and idempotent single-row
            # writes (put_blob) run, so sending the statement again on a new connection is safe
            with self._connection() as conn:
                cursor = conn.execute(sql, params)
        return cursor if token_hash is None else self._token_checked(cursor)

    def _token_checked(self, cursor: psycopg.Cursor) -> _Rows:
        """The read's rows of a TOKEN_CHECKED statement; the device's row is kept for device_and_read."""
        rows = cursor.fetchall()
        if not rows:
            raise _NoDevice()  # unknown token: the read did not run
        width = len(DEVICE_COLUMNS)
        self._local.checked = rows[0][:width]
        return _Rows([row[width + 1:] for row in rows if row[width]])

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

    def _flush_records(self) -> None:
        """Send the records written since the last statement: one multi-row upsert, which also sets the
        feed counter (locked by this transaction) to the last number given out. A record written twice
        is sent once, as last written (its first number stays unused, as when a row is replaced)."""
        pending, self._local.pending = self._local.pending, {}
        if pending:
            columns = [list(c) for c in zip(*pending.values(), strict=True)]
            self._q(UPSERT_RECORDS, [self._local.feed_value, *columns])

    def close(self) -> None:
        with self._lock:
            conns, self._idle = self._idle, []
        for conn in conns:
            conn.close()

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

    def device_and_read(self, token_hash: str, read: Callable[[], T]) -> tuple[Device | None, T | None]:
        """device_by_token(token_hash) and read()'s result in one statement: read()'s first statement (a
        SELECT, outside a transaction) is sent inside the token check (see _q), and runs only if the
        token is known. read() must only read and not depend on the device; the caller drops its result
        when the token is refused (revoked), so a revoked device is refused as before."""
        if self._in_transaction():
            return self.device_by_token(token_hash), read()
        self._local.token_check, self._local.checked = token_hash, None
        try:
            result = read()
        except _NoDevice:
            return None, None
        finally:
            unsent, self._local.token_check = self._local.token_check, None
        if unsent is not None:  # read() needed no statement
            return self.device_by_token(token_hash), result
        return self._device(self._local.checked), result

    def device_check(self, token_hash: str) -> Callable[[], Device | None]:
        """The token check, sent now; in a transaction (pipeline) its answer comes back with the
        transaction's next read (a push batch's entries and records), read by the callable."""
        cursor = self._q(f"{DEVICE_SELECT} WHERE d.token_hash = %s", [token_hash])
        return lambda: self._device(cursor.fetchone())

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
        """Many records in one statement."""
        self._lock_feed()
        cursor = self._records_of_cursor(keys)
        return self._records_by_key(cursor.fetchall() if cursor is not None else [], keys)

    def _records_of_cursor(self, keys: list[tuple[str, str]]) -> psycopg.Cursor | None:
        unique = list(dict.fromkeys(keys))
        if not unique:
            return None
        # = ANY on both key columns: an index scan (a join with unnest() gets a plan that scans the table);
        # the few pairs it finds beyond those asked are dropped in _records_by_key
        return self._q(f"{RECORD_SELECT} WHERE entity = ANY(%s) AND entity_id = ANY(%s)",
                       [list(dict.fromkeys(k[0] for k in unique)), list(dict.fromkeys(k[1] for k in unique))])

    def _records_by_key(self, rows: list[tuple], keys: list[tuple[str, str]]) -> dict[tuple[str, str], Record]:
        asked, found = set(keys), {}
        for row in rows:
            if (row[0], row[1]) in asked:
                record = self._record(row)
                found[record.entity, record.entity_id] = record
        return found

    def inspection_records(self, inspection_id: str) -> list[Record]:
        rows = self._q(f"{RECORD_SELECT} WHERE inspection_id = %s ORDER BY seq", [inspection_id]).fetchall()
        return [self._record(r) for r in rows]

    def put_record(self, record: Record) -> Record:
        """Insert or replace the entity's record with the next feed sequence number.

        In a transaction the counter row is locked first, so the next number is known here, and the write
        is kept until the transaction's next statement or its commit, which sends all kept writes as one
        (see _flush_records); outside one, a single statement does both."""
        values = [record.entity, record.entity_id, record.revision, record.unit, canonical_json(record.payload),
                  bool(record.deleted), record.origin_device, record.target_device, record.inspection_id,
                  record.sha256]
        if self._in_transaction():
            record.seq = self._next_seq()
            row = (*values, record.seq, record.updated_at)
            self._local.pending[record.entity, record.entity_id] = row
            self._local.rows[record.entity, record.entity_id] = row
            return record
        record.seq = self._q("WITH bumped AS (UPDATE feed_counter SET value = value + 1 WHERE id = 1 RETURNING value)"
                             f" {_upsert_record('(SELECT value FROM bumped)')} RETURNING seq",
                             [*values, record.updated_at]).fetchone()[0]
        return record

    def records(self, entity: str) -> list[Record]:
        rows = self._q(f"{RECORD_SELECT} WHERE entity = %s ORDER BY seq", [entity]).fetchall()
        return [self._record(r) for r in rows]

    def changes(self, since: int, units: list[str], device_id: str, entities: tuple[str, ...],
                limit: int) -> tuple[int, list[Record]]:
        """(last_seq, the changes after since up to it): one statement, so one snapshot, where every record
        numbered up to the counter's value is committed (writers commit in seq order, see _lock_feed)."""
        rows = self._q("SELECT t.value, r.* FROM (SELECT value FROM feed_counter WHERE id = 1) t LEFT JOIN LATERAL"
                       f" ({RECORD_SELECT} WHERE seq > %s AND seq <= t.value AND entity = ANY(%s)"
                       " AND (origin_device IS NULL OR origin_device <> %s)"
                       " AND ((target_device IS NULL AND unit = ANY(%s)) OR target_device = %s)"
                       " ORDER BY seq LIMIT %s) r ON true",
                       [since, list(entities), device_id, list(units), device_id, limit]).fetchall()
        return rows[0][0], [self._record(r[1:]) for r in rows if r[1] is not None]

    def last_seq(self) -> int:
        return self._q("SELECT value FROM feed_counter WHERE id = 1").fetchone()[0]

    # idempotent entries and conflicts
    def entries_and_records(self, device_id: str, entry_ids: list[str], keys: list[tuple[str, str]]
                            ) -> tuple[dict[str, tuple[str, dict[str, Any]]], dict[tuple[str, str], Record]]:
        """A batch's entries already received and the records it names: the feed lock and both reads go
        out together and come back in one round trip (pipeline)."""
        self._lock_feed()
        entries = self._q("SELECT entry_id, digest, result_json FROM entries WHERE device_id = %s"
                          " AND entry_id = ANY(%s)", [device_id, list(dict.fromkeys(entry_ids))])
        records = self._records_of_cursor(keys)
        seen = {entry_id: (digest, json.loads(result)) for entry_id, digest, result in entries.fetchall()}
        return seen, self._records_by_key(records.fetchall() if records is not None else [], keys)

    def put_entries(self, device_id: str, rows: list[tuple[str, str, str, str, dict[str, Any]]], at: str) -> None:
        """All of a batch's new entries in one statement (in a transaction it travels with the COMMIT)."""
        if not rows:
            return
        columns = list(zip(*[(entry_id, digest, entity, entity_id, canonical_json(result))
                             for entry_id, digest, entity, entity_id, result in rows], strict=True))
        self._q("INSERT INTO entries (device_id, entry_id, digest, entity, entity_id, result_json, received_at)"
                " SELECT %s, e.*, %s FROM unnest(%s::text[], %s::text[], %s::text[], %s::text[], %s::text[]) AS e",
                [device_id, at, *(list(c) for c in columns)])

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
        with self._connection() as conn:
            conn.cursor().executemany(
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

    def entry_counts(self, entity_ids: list[str]) -> dict[tuple[str, str], int]:
        rows = self._q("SELECT device_id, entity_id, count(*) FROM entries WHERE entity_id = ANY(%s)"
                       " GROUP BY device_id, entity_id", [sorted(set(entity_ids))]).fetchall()
        return {(device_id, entity_id): n for device_id, entity_id, n in rows}

    # blobs and resumable uploads
    def blob_sizes(self, hashes: list[str]) -> dict[str, int]:
        if not hashes:
            return {}
        rows = self._q("SELECT sha256, size FROM blobs WHERE sha256 = ANY(%s)", [list(dict.fromkeys(hashes))])
        return dict(rows.fetchall())

    def blob_states(self, device_id: str, hashes: list[str]) -> dict[str, BlobState]:
        """One statement: which of the hashes the device's own records name, which are stored, and the
        device's own sessions (= ANY on each key: index lookups)."""
        states = {sha: BlobState() for sha in dict.fromkeys(hashes)}
        if not states:
            return states
        wanted = list(states)
        rows = self._q("SELECT 0, r.sha256, 0, 0 FROM records r WHERE r.sha256 = ANY(%s) AND EXISTS (SELECT 1"
                       " FROM entries e WHERE e.device_id = %s AND e.entity = r.entity AND e.entity_id = r.entity_id)"
                       " UNION ALL SELECT 1, sha256, size, 0 FROM blobs WHERE sha256 = ANY(%s)"
                       " UNION ALL SELECT 2, sha256, size, committed FROM uploads WHERE device_id = %s"
                       " AND sha256 = ANY(%s)", [wanted, device_id, wanted, device_id, wanted]).fetchall()
        for kind, sha, size, committed in rows:
            state = states[sha]
            if kind == 0:
                state.named = True
            elif kind == 1:
                state.stored = size
            else:
                state.upload = Upload(sha, size, committed, device_id)
        return states

    def put_blob(self, sha256: str, size: int, device_id: str | None, at: str) -> bool:
        """One statement (atomic without a transaction: one round trip, one commit): the row only while the
        device is not revoked, and the device's upload row dropped."""
        if device_id is None:
            self._q("INSERT INTO blobs (sha256, size, device_id, stored_at) VALUES (%s, %s, NULL, %s)"
                    " ON CONFLICT (sha256) DO NOTHING", [sha256, size, at])
            return True
        row = self._q("WITH live AS (SELECT 1 FROM devices WHERE id = %s AND revoked_at IS NULL),"
                      " dropped AS (DELETE FROM uploads WHERE sha256 = %s AND device_id = %s),"
                      " added AS (INSERT INTO blobs (sha256, size, device_id, stored_at) SELECT %s, %s, %s, %s"
                      " WHERE EXISTS (SELECT 1 FROM live) ON CONFLICT (sha256) DO NOTHING)"
                      " SELECT EXISTS (SELECT 1 FROM live)",
                      [device_id, sha256, device_id, sha256, size, device_id, at]).fetchone()
        return bool(row[0])

    def blobs_of(self, inspection_id: str) -> list[tuple[str, bool]]:
        rows = self._q("SELECT r.sha256, b.sha256 IS NOT NULL FROM records r LEFT JOIN blobs b ON b.sha256 = r.sha256"
                       " WHERE r.inspection_id = %s AND r.sha256 IS NOT NULL AND NOT r.deleted ORDER BY r.seq",
                       [inspection_id]).fetchall()
        return [(sha, bool(present)) for sha, present in rows]

    def uploads(self, hashes: list[str], device_id: str) -> dict[str, Upload]:
        rows = self._q("SELECT sha256, size, committed, device_id FROM uploads WHERE device_id = %s"
                       " AND sha256 = ANY(%s)", [device_id, list(hashes)]).fetchall()
        return {row[0]: Upload(*row) for row in rows}

    def put_upload(self, upload: Upload, at: str) -> bool:
        """The session's committed offset, only while its device is not revoked (one statement)."""
        row = self._q("WITH live AS (SELECT 1 FROM devices WHERE id = %s AND revoked_at IS NULL),"
                      " written AS (INSERT INTO uploads (sha256, device_id, size, committed, updated_at)"
                      " SELECT %s, %s, %s, %s, %s WHERE EXISTS (SELECT 1 FROM live)"
                      " ON CONFLICT (sha256, device_id) DO UPDATE SET size = excluded.size,"
                      " committed = excluded.committed, updated_at = excluded.updated_at)"
                      " SELECT EXISTS (SELECT 1 FROM live)",
                      [upload.device_id, upload.sha256, upload.device_id, upload.size, upload.committed,
                       at]).fetchone()
        return bool(row[0])

    def drop_upload(self, sha256: str, device_id: str) -> None:
        self._q("DELETE FROM uploads WHERE sha256 = %s AND device_id = %s", [sha256, device_id])

    def stale_uploads(self, before: str, device_id: str | None = None) -> list[Upload]:
        sql = "SELECT sha256, size, committed, device_id FROM uploads WHERE "
        rows = (self._q(sql + "device_id = %s", [device_id]) if device_id is not None
                else self._q(sql + 'updated_at COLLATE "C" < %s', [before])).fetchall()
        return [Upload(*row) for row in rows]

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
        raise BadInput("bureau.not_postgres_url", url=_redacted(url))
    try:
        return PostgresStorage(url)
    except psycopg.OperationalError as exc:
        raise DatabaseUnavailable("bureau.db_unavailable", url=_redacted(url), detail=Term("bureau.db_unreachable")) from exc


def _redacted(url: str) -> str:
    """The URL without its password, for messages."""
    head, sep, tail = url.rpartition("@")
    if not sep or ":" not in head.split("//", 1)[-1]:
        return url
    scheme, _, credentials = head.partition("//")
    return f"{scheme}//{credentials.split(':', 1)[0]}:***@{tail}"
