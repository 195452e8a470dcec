"""The storage Protocol behaves the same on SQLite and PostgreSQL: ordering, idempotency, one-time codes,
uploads, and a change feed whose cursor never skips a record while several writers commit at once."""

from __future__ import annotations

import threading
import time

import pytest

from eco_field.bureau.storage import Record, Upload, open_storage
from tests.bureau_pg.cluster import SKIP_REASON, drop_schema, fresh_schema, shared_server


@pytest.fixture(params=["sqlite", "postgresql"])
def storage(request, tmp_path):
    url = schema = server = None
    if request.param == "postgresql":
        server = shared_server()
        if server is None:
            pytest.skip(SKIP_REASON)
        schema, url = fresh_schema(server)
    store = open_storage(tmp_path / "bureau", url)
    store.url_for_test = url
    yield store
    store.close()
    if schema:
        drop_schema(server, schema)


def _record(entity_id: str, unit: str = "离石区", **kw) -> Record:
    return Record(entity=kw.pop("entity", "task"), entity_id=entity_id, revision=kw.pop("revision", 1), unit=unit,
                  payload={"id": entity_id, **kw.pop("payload", {})}, updated_at="2026-01-01T00:00:00+00:00", **kw)


def test_same_answers_on_both_backends(storage) -> None:
    with storage.transaction():
        storage.put_officer("B2", "乙", ["兴县", "临县", "兴县"])
        storage.put_officer("A1", "甲", ["离石区"])
        storage.put_officer("a0", "丙", ["离石区"])
    assert storage.officers() == [{"cert_no": "A1", "name": "甲", "units": ["离石区"]},
                                  {"cert_no": "B2", "name": "乙", "units": ["兴县", "临县"]},
                                  {"cert_no": "a0", "name": "丙", "units": ["离石区"]}]  # byte order, as SQLite
    with storage.transaction():
        storage.add_enroll_code("h1", "B2", "2999-01-01T00:00:00+00:00")
        storage.add_enroll_code("h2", "B2", "2000-01-01T00:00:00+00:00")
        assert storage.take_enroll_code("h1", "2026-01-01T00:00:00+00:00", "dev-1") == "B2"
        assert storage.take_enroll_code("h1", "2026-01-01T00:00:00+00:00", "dev-2") is None  # used
        assert storage.take_enroll_code("h2", "2026-01-01T00:00:00+00:00", "dev-2") is None  # expired
        storage.add_device("dev-1", "B2", "laptop", "tok", "2026-01-01T00:00:00+00:00")
    device = storage.device_by_token("tok")
    assert device.id == "dev-1" and device.units == ["兴县", "临县"] and device.revoked_at is None
    with storage.transaction():
        assert storage.revoke_device("dev-1", "2026-02-01") and not storage.revoke_device("nope", "2026-02-01")
        assert storage.revoke_device("dev-1", "2026-03-01")  # the first revocation time stays
    assert storage.device("dev-1").revoked_at == "2026-02-01"

    with storage.transaction():
        first = storage.put_record(_record("t1", payload={"n": 1}))
        storage.put_record(_record("p1", entity="evidence", inspection_id="i1", sha256="a" * 64))
        storage.put_record(_record("p2", entity="evidence", inspection_id="i1", sha256="b" * 64))
        again = storage.put_record(_record("t1", revision=2, payload={"n": 2, "名": "中文"}))
    assert again.seq > first.seq and storage.last_seq() == again.seq
    assert storage.record("task", "t1").payload == {"id": "t1", "n": 2, "名": "中文"}
    found = storage.records_of([("task", "t1"), ("evidence", "p2"), ("task", "p2"), ("task", "t1")])
    assert sorted(found) == [("evidence", "p2"), ("task", "t1")] and found["task", "t1"].revision == 2
    assert storage.records_of([]) == {}
    assert [r.entity_id for r in storage.inspection_records("i1")] == ["p1", "p2"]
    top, found = storage.changes(0, ["离石区"], "dev-x", ("task", "evidence"), 10)
    assert top == storage.last_seq() and [r.entity_id for r in found] == ["p1", "p2", "t1"]
    assert storage.changes(0, ["兴县"], "dev-x", ("task",), 10) == (top, [])

    with storage.transaction():
        storage.put_officer("c-1", "officer", ["离石区"])
        for device_id in ("dev-3", "dev-4"):
            if storage.device(device_id) is None:
                storage.add_device(device_id, "c-1", device_id, f"hash-{device_id}", "now")
    with storage.transaction():
        storage.put_blob("a" * 64, 10, "dev-3", "now")
        storage.put_blob("a" * 64, 10, "dev-4", "later")  # a second time changes nothing
        storage.put_upload(Upload("b" * 64, 100, 0, "dev-3"), "now")
        storage.put_upload(Upload("b" * 64, 100, 40, "dev-3"), "now")
    assert storage.blob_sizes(["a" * 64, "b" * 64]) == {"a" * 64: 10}
    assert storage.blobs_of("i1") == [("a" * 64, True), ("b" * 64, False)]
    assert storage.uploads(["b" * 64, "a" * 64], "dev-3") == {"b" * 64: Upload("b" * 64, 100, 40, "dev-3")}
    assert storage.uploads(["b" * 64], "dev-4") == {}  # a session is its device's own
    with storage.transaction():
        storage.drop_upload("b" * 64, "dev-3")
        storage.put_entries("dev-1", [("e1", "d", "task", "t1", {"status": "applied"}),
                                      ("e3", "d3", "task", "t2", {"status": "conflict"})], "now")
        storage.add_conflict({"device_id": "dev-1", "entry_id": "e2", "entity": "task", "entity_id": "t1",
                              "reason": "stale_revision", "client_revision": 1, "server_revision": 2,
                              "client_payload": {"x": 1}, "server_payload": None, "at": "now"})
        storage.add_number_block({"id": "nb", "device_id": "dev-1", "kind": "k", "year": 2026, "start": 1,
                                  "end": 50, "reserved_at": "now"})
    assert storage.uploads(["b" * 64], "dev-3") == {}
    seen, records = storage.entries_and_records("dev-1", ["e1", "e9", "e3"], [("task", "t1"), ("task", "zz")])
    assert seen == {"e1": ("d", {"status": "applied"}), "e3": ("d3", {"status": "conflict"})}
    assert list(records) == [("task", "t1")] and storage.entries_and_records("dev-2", ["e1"], []) == ({}, {})
    assert [(c["reason"], c["client_payload"], c["server_payload"]) for c in storage.conflicts("t1")] == [
        ("stale_revision", {"x": 1}, None)]
    assert storage.last_number("k", 2026) == 50 and storage.last_number("k", 2025) == 0


def test_records_written_in_a_transaction_are_read_back_in_it_and_numbered_in_order(storage) -> None:
    with storage.transaction():
        first = storage.put_record(_record("r1", payload={"n": 1})).seq
        storage.put_record(_record("r2"))
        assert storage.records_of([("task", "r1")])["task", "r1"].payload == {"id": "r1", "n": 1}
        again = storage.put_record(_record("r1", revision=2, payload={"n": 2})).seq
        assert [r.entity_id for r in storage.records("task")] == ["r2", "r1"]
    assert first < again == storage.last_seq() and storage.record("task", "r1").seq == again
    assert storage.record("task", "r1").payload == {"id": "r1", "n": 2}
    assert [r.entity_id for r in storage.changes(0, ["离石区"], "dev-x", ("task",), 10)[1]] == ["r2", "r1"]


def test_a_failed_transaction_leaves_nothing(storage) -> None:
    with pytest.raises(RuntimeError), storage.transaction():
        storage.put_record(_record("gone"))
        storage.put_blob("c" * 64, 1, None, "now")
        raise RuntimeError("the request failed half-way")
    assert storage.record("task", "gone") is None and storage.blob_sizes(["c" * 64]) == {}
    assert storage.last_seq() == 0


def test_feed_cursor_sees_every_record_once_while_writers_commit_at_once(storage, tmp_path) -> None:
    """Writers on their own connections (threads here; on PostgreSQL each has its own session) commit
    records while a reader pages through the feed as GET /changes does; the reader ends with each once."""
    writers, per_writer = 4, 15
    stores = [open_storage(tmp_path / "bureau", storage.url_for_test) for _ in range(writers)]

    def write(index: int) -> None:
        for n in range(per_writer):
            with stores[index].transaction():
                stores[index].put_record(_record(f"w{index}-{n}"))
                time.sleep(0.002)  # hold the transaction open: later writers must wait, not overtake

    threads = [threading.Thread(target=write, args=(i,)) for i in range(writers)]
    for thread in threads:
        thread.start()
    seen, cursor = [], 0
    while True:
        done = not any(t.is_alive() for t in threads)
        top, rows = storage.changes(cursor, ["离石区"], "reader", ("task",), 7)
        seen += [r.entity_id for r in rows]
        cursor = rows[-1].seq if len(rows) == 7 else max(top, cursor)
        if done and not rows and cursor == storage.last_seq():
            break
    for thread in threads:
        thread.join()
    for store in stores:
        store.close()
    assert sorted(seen) == sorted(f"w{i}-{n}" for i in range(writers) for n in range(per_writer))


def test_audit_chains_are_kept_per_device(storage) -> None:
    entry = {"at": "2026-01-01T00:00:00+00:00", "actor": "A1", "entity": "evidence", "action": "import",
             "data_json": "{}", "prev_hash": "p"}
    assert storage.audit_head("dev-1") == (0, None)
    with storage.transaction():
        storage.put_audit_entries("dev-1", [{**entry, "seq": 1, "entity_id": "e1", "hash": "h1"},
                                            {**entry, "seq": 2, "entity_id": "e2", "hash": "h2"}], "now")
        storage.put_audit_entries("dev-2", [{**entry, "seq": 1, "entity_id": "e1", "hash": "k1"}], "now")
    assert storage.audit_head("dev-1") == (2, "h2") and storage.audit_head("dev-2") == (1, "k1")
    assert storage.audit_hashes("dev-1", 2, 5) == {2: "h2"}
    assert [(e["device_id"], e["seq"]) for e in storage.audit_entries(["e1", "x"])] == [("dev-1", 1), ("dev-2", 1)]
    assert [e["hash"] for e in storage.audit_chain("dev-1")] == ["h1", "h2"]
    assert storage.audit_chain("dev-1")[0] == {**entry, "seq": 1, "entity_id": "e1", "hash": "h1"}


def test_entries_applied_are_counted_per_device_and_record(storage) -> None:
    """What a case export compares with the audit entries held, to find a device that must sync first."""
    assert storage.entry_counts(["c1"]) == {}
    with storage.transaction():
        storage.put_entries("dev-1", [("x1", "d", "case", "c1", {"status": "applied"}),
                                      ("x2", "d", "case", "c1", {"status": "conflict"}),
                                      ("x3", "d", "inspection", "i1", {"status": "applied"})], "now")
        storage.put_entries("dev-2", [("y1", "d", "case", "c1", {"status": "applied"})], "now")
    assert storage.entry_counts(["c1", "i1", "c1", "none"]) == {("dev-1", "c1"): 2, ("dev-2", "c1"): 1,
                                                                ("dev-1", "i1"): 1}
    assert storage.entry_counts([]) == {}


def test_sqlite_migrations_bring_an_old_database_up_to_date(tmp_path) -> None:
    import sqlite3

    from eco_field.bureau.sqlite_store import MIGRATIONS, SCHEMA, SqliteStorage

    path = tmp_path / "bureau.db"
    with sqlite3.connect(path) as old:  # a database made before migrations existed (version 0)
        old.executescript(SCHEMA)
    SqliteStorage(path).close()
    SqliteStorage(path).close()  # a second start applies nothing again
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == MIGRATIONS[-1][0]
        assert conn.execute("SELECT count(*) FROM audit_entries").fetchone()[0] == 0


def test_migrations_apply_once(storage) -> None:
    if storage.url_for_test is None:
        pytest.skip("PostgreSQL migrations only (SQLite's are in test_sqlite_migrations_...)")
    import psycopg

    from eco_field.bureau.postgres_store import PostgresStorage
    from eco_field.bureau.schema import migrations

    PostgresStorage(storage.url_for_test).close()  # a second start finds everything applied
    with psycopg.connect(storage.url_for_test) as conn:
        versions = [r[0] for r in conn.execute("SELECT version FROM schema_migrations ORDER BY version")]
    assert versions == [v for v, _, _ in migrations()] and versions[0] == 1


def test_upload_state_is_read_fresh_after_every_write(storage) -> None:
    from eco_field.bureau.storage import Record

    sha = "d" * 64
    with storage.transaction():
        storage.put_officer("c-1", "officer", ["离石区"])
        storage.add_device("dev", "c-1", "laptop", "hash-dev", "now")
        storage.add_device("other", "c-1", "laptop", "hash-other", "now")
        storage.put_record(Record("evidence", "ev", None, "离石区", {"sha256": sha}, origin_device="dev",
                                  sha256=sha, updated_at="now"))
        storage.put_entries("dev", [("e1", "d", "evidence", "ev", {"status": "applied"})], "now")
    assert storage.blob_sizes([sha]) == {} and storage.uploads([sha], "dev") == {}
    with storage.transaction():
        storage.put_upload(Upload(sha, 10, 4, "dev"), "now")
    assert storage.blob_sizes([sha]) == {} and storage.uploads([sha], "dev") == {sha: Upload(sha, 10, 4, "dev")}
    state = storage.blob_states("dev", [sha])[sha]
    assert (state.named, state.stored, state.upload) == (True, None, Upload(sha, 10, 4, "dev"))
    with storage.transaction():  # a write between the two reads: the second sees it
        storage.put_upload(Upload(sha, 10, 8, "dev"), "now")
    assert storage.uploads([sha], "dev") == {sha: Upload(sha, 10, 8, "dev")}
    assert storage.put_blob(sha, 10, "dev", "now")  # the complete blob's upload row goes with it, atomically
    assert storage.blob_sizes([sha]) == {sha: 10} and storage.uploads([sha], "dev") == {}
    # another device learns nothing of a blob its own records do not name
    assert storage.blob_states("other", [sha])[sha].named is False
    # a revoked device's session is not written, nor its blob row
    with storage.transaction():
        storage.revoke_device("other", "now")
    assert storage.put_upload(Upload("e" * 64, 10, 4, "other"), "now") is False
    assert storage.put_blob("e" * 64, 10, "other", "now") is False and storage.blob_sizes(["e" * 64]) == {}
    assert storage.stale_uploads("9999") == [] and storage.stale_uploads("", "other") == []
