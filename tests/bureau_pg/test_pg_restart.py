"""PostgreSQL going away during a sync: the request fails, nothing half-done is kept, and the client's
next attempt completes with every record and blob exactly once. The server process keeps running."""

from __future__ import annotations

import hashlib
import os
from collections import Counter

from eco_field.sync.client import run_sync
from tests.bureau_pg.cluster import Cluster
from tests.sync.conftest import BureauServer, new_inspection

CHUNK = 128 * 1024


def _demo_bureau(tmp_path, cluster: Cluster) -> BureauServer:
    server = BureauServer(tmp_path / "bureau", cluster.url)
    init = server.admin("init", "--demo")
    assert init.returncode == 0, init.stderr
    return server.start()


def _sync_until_ok(ws, attempts: int = 5) -> list[dict]:
    """What the watcher does: try again after a failure (bounded here)."""
    results = []
    for _ in range(attempts):
        results.append(run_sync(ws, batch_size=2, chunk_size=CHUNK))
        if results[-1]["ok"]:
            return results
    raise AssertionError(f"sync did not complete: {results[-1]}")


def test_postgres_down_mid_push_then_back(tmp_path, own_cluster: Cluster, device_factory_pg) -> None:
    server = _demo_bureau(tmp_path, own_cluster)
    try:
        ws = device_factory_pg(server, "a")
        photos = [os.urandom(150_000 + i) for i in range(4)]
        ids = [new_inspection(ws, photos[:2]), new_inspection(ws, photos[2:])]
        stopped = []

        def stop_after_first_batch(stage: str, done: int, _total) -> None:
            if stage == "push" and not stopped:
                own_cluster.stop()  # the database goes down between two batches
                stopped.append(done)

        first = run_sync(ws, progress=stop_after_first_batch, batch_size=2, chunk_size=CHUNK)
        assert stopped and first["ok"] is False and first["error_kind"] == "server", first
        assert first["pushed"] == 2  # the batch answered before the stop is kept
        own_cluster.start()
        results = _sync_until_ok(ws)
        _assert_everything_once(server, ids, photos)
        # 2 inspections and 4 evidence records, each applied once across the attempts
        assert first["pushed"] + sum(r["pushed"] for r in results) == 6
    finally:
        server.stop()


def test_postgres_restarted_mid_upload(tmp_path, own_cluster: Cluster, device_factory_pg) -> None:
    server = _demo_bureau(tmp_path, own_cluster)
    try:
        ws = device_factory_pg(server, "b")
        photos = [os.urandom(400_000 + i) for i in range(3)]
        ids = [new_inspection(ws, photos)]
        restarted = []

        def restart_half_way(stage: str, done: int, total) -> None:
            if stage == "blobs" and total and done >= total // 2 and not restarted:
                own_cluster.restart()  # every server connection is cut while uploads are in flight
                restarted.append(done)

        first = run_sync(ws, progress=restart_half_way, batch_size=2, chunk_size=CHUNK)
        assert restarted
        results = [first] if first["ok"] else [first, *_sync_until_ok(ws)]
        assert results[-1]["ok"]
        _assert_everything_once(server, ids, photos)
    finally:
        server.stop()


def _assert_everything_once(server: BureauServer, inspection_ids: list[str], photos: list[bytes]) -> None:
    inspections = server.read("inspections")
    assert Counter(i["id"] for i in inspections) == Counter(inspection_ids)
    assert all(i["complete"] for i in inspections)
    expected = sorted(hashlib.sha256(p).hexdigest() for p in photos)
    assert sorted(e["sha256"] for e in server.read("evidence")) == expected
    files = [p for p in (server.data_dir / "blobs").rglob("*") if p.is_file() and ".tmp" not in p.parts]
    assert sorted(p.name for p in files) == expected
    assert all(hashlib.sha256(p.read_bytes()).hexdigest() == p.name for p in files)
    assert server.read("conflicts") == []


def test_storage_carries_on_after_a_restart_between_requests(tmp_path, own_cluster: Cluster) -> None:
    """A restart between two requests costs nothing: dead connections are noticed and replaced."""
    from eco_field.bureau.storage import Record, open_storage

    storage = open_storage(tmp_path / "bureau", own_cluster.url)
    try:
        with storage.transaction():
            storage.put_record(Record(entity="task", entity_id="t1", revision=1, unit="u", payload={},
                                      updated_at="now"))
        own_cluster.restart()
        with storage.transaction():  # begins on a new connection
            storage.put_record(Record(entity="task", entity_id="t2", revision=1, unit="u", payload={},
                                      updated_at="now"))
        own_cluster.restart()
        assert [r.entity_id for r in storage.records("task")] == ["t1", "t2"]  # a read is sent again
        assert storage.last_seq() == 2
    finally:
        storage.close()
