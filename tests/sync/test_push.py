"""Push: idempotent by (device, entry id), a lost answer gives duplicates, stale edits are kept conflicts."""

from __future__ import annotations

import json
import shutil

import httpx

from eco_field.store import inspections
from eco_field.store.database import write_transaction
from eco_field.sync import state
from eco_field.sync.client import run_sync
from eco_field.sync.enrol import enroll
from eco_field.sync.push import pending_entries
from eco_field.workspace import Workspace
from tests.sync.conftest import (
    BureauServer,
    enterprise_in,
    evidence_entry,
    inspection_entry,
    new_inspection,
    raw_push,
    run_cli,
    token_of,
)
from tests.sync.faultproxy import DropAnswerProxy


def test_a_retried_batch_changes_nothing(bureau: BureauServer, device: Workspace) -> None:
    new_inspection(device, [b"one", b"two"])
    entries = pending_entries(device.db, 100)
    assert len(entries) == 3
    assert run_sync(device)["pushed"] == 3
    headers = {"Authorization": f"Bearer {token_of(device)}"}
    again = httpx.post(f"{bureau.url}/push", json={"entries": entries}, headers=headers).json()["results"]
    assert [r["status"] for r in again] == ["duplicate"] * 3
    assert len(bureau.read("inspections")) == 1 and len(bureau.read("evidence")) == 2

    changed = {**entries[0], "payload": {**entries[0]["payload"], "place": "另一个地点"}}
    reused = httpx.post(f"{bureau.url}/push", json={"entries": [changed]}, headers=headers).json()["results"]
    assert reused[0]["status"] == "conflict" and reused[0]["reason"] == "entry_id_reused"
    assert bureau.read("inspections")[0]["revision"] == 1
    assert any(c["reason"] == "entry_id_reused" for c in bureau.read("conflicts"))


def test_connection_dropped_after_the_server_applied_a_batch(bureau: BureauServer, device: Workspace) -> None:
    inspection_id = new_inspection(device, [b"photo-1", b"photo-2"])
    proxy = DropAnswerProxy(bureau.port)
    try:
        with write_transaction(device.db):
            state.put(device.db, "server_url", proxy.url)
        proxy.drop_next.add("/push")
        first = run_sync(device)
        assert proxy.dropped == ["/push"]
        assert first["ok"] is False and first["error_kind"] == "unreachable"
        assert first["pending"] >= 3
        assert [i["id"] for i in bureau.read("inspections")] == [inspection_id]  # applied all the same

        second = run_sync(device)
        assert second["ok"], second
        assert second["pushed"] == 0 and second["duplicates"] == 3 and second["conflicts"] == 0
    finally:
        proxy.close()
    assert [i["id"] for i in bureau.read("inspections")] == [inspection_id]
    assert len(bureau.read("evidence")) == 2
    assert bureau.read("inspections")[0]["complete"] is True


def test_two_devices_editing_the_same_draft_record_a_conflict_on_both_sides(tmp_path, bureau: BureauServer,
                                                                             device: Workspace) -> None:
    inspection_id = new_inspection(device)
    assert run_sync(device)["ok"]
    device.db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    shutil.copytree(device.data_dir, tmp_path / "second")  # the same draft on a colleague's laptop
    other = Workspace.open(tmp_path / "second")
    try:
        enroll(other, bureau.url, bureau.code("14110100002"), "laptop b")
        inspections.update(device.db, inspection_id, place="东门")
        inspections.update(other.db, inspection_id, place="西门")
        assert run_sync(device)["pushed"] == 1
        result = run_sync(other)
        assert result["ok"] and result["conflicts"] == 1 and result["pushed"] == 0
        local = state.conflicts(other.db)
        assert len(local) == 1 and local[0]["entity_id"] == inspection_id and local[0]["reason"] == "stale_revision"
        assert local[0]["local_payload"]["place"] == "西门" and local[0]["server_payload"]["place"] == "东门"
        assert result["pending"] == 0  # kept as a conflict, not re-sent forever

        server = bureau.read("conflicts")
        assert len(server) == 1 and server[0]["entity_id"] == inspection_id
        assert server[0]["client_payload"]["place"] == "西门"
        listed = bureau.read("inspections")
        assert listed[0]["conflicts"] == 1 and listed[0]["revision"] == 2
        assert run_sync(other)["conflicts"] == 0  # not counted twice

        settled = run_cli("--data-dir", str(other.data_dir), "sync", "resolve", str(local[0]["id"]), "--keep", "mine")
        assert settled.returncode == 0, settled.stderr
        assert state.conflicts(other.db) == []
        again = run_sync(other)
        assert again["pushed"] == 1 and again["conflicts"] == 0
        record = httpx.get(f"{bureau.url}/records/inspection/{inspection_id}",
                           headers={"Authorization": f"Bearer {token_of(other)}"}).json()
        assert record["payload"]["place"] == "西门" and record["revision"] == 3
    finally:
        other.close()


def test_a_sealed_inspection_is_immutable_on_the_server(bureau: BureauServer, device_factory) -> None:
    device, colleague = device_factory("14110100001", "a"), device_factory("14110100002", "b")  # both 离石区
    own = enterprise_in(device, "离石区")
    created = inspection_entry(own, "s-1", revision=1, place="A")
    photo = evidence_entry("s-1", "c" * 64, 10, evidence_id="ev-1")
    seal = {"entry_id": "s-e1", "entity": "inspection", "entity_id": "s-1", "op": "seal", "revision": 2,
            "payload": {"seal_hash": "ab" * 32, "sealed_at": "2026-06-01T12:00:00+00:00", "evidence": 1,
                        "format": "eco_field.seal/1"}}
    answer = raw_push(bureau, device, [created, photo, seal])
    assert [r["status"] for r in answer.json()["results"]] == ["applied"] * 3
    later = inspection_entry(own, "s-1", op="update", revision=3, place="B")
    planted = evidence_entry("s-1", "d" * 64, 10)
    removed = {**evidence_entry("s-1", "c" * 64, 10, evidence_id="ev-1"), "op": "delete"}
    del removed["payload"]["size"]
    for pusher in (device, colleague):
        results = raw_push(bureau, pusher, [later, planted, removed]).json()["results"]
        assert [(r["status"], r["reason"]) for r in results] == [("conflict", "sealed")] * 3
    headers = {"Authorization": f"Bearer {token_of(device)}"}
    record = httpx.get(f"{bureau.url}/records/inspection/s-1", headers=headers).json()
    assert record["payload"]["place"] == "A" and record["payload"]["status"] == "sealed" and record["revision"] == 2
    assert [(e["sha256"], e["stored"]) for e in bureau.read("evidence")] == [("c" * 64, False)]
    evidence = httpx.get(f"{bureau.url}/records/evidence/ev-1", headers=headers).json()
    assert evidence["deleted"] is False
    # an update with no revision is refused whole (422), never applied over a newer one
    unversioned = {**later, "revision": None}
    refused = raw_push(bureau, colleague, [unversioned])
    assert refused.status_code == 422 and refused.json()["invalid"] == [later["entry_id"]]


def test_sealing_on_the_device_seals_the_bureaus_record_and_keeps_its_fields(bureau: BureauServer,
                                                                              device: Workspace) -> None:
    from eco_field.evidence.seal import seal

    inspection_id = new_inspection(device)
    assert run_sync(device)["ok"]
    seal(device, inspection_id)
    result = run_sync(device)
    assert result["ok"] and result["pushed"] >= 1 and result["conflicts"] == 0
    listed = bureau.read("inspections")
    assert [(i["id"], i["status"]) for i in listed] == [(inspection_id, "sealed")]
    assert listed[0]["enterprise_id"] and listed[0]["officers"] == ["14110100001", "14110100002"]
    headers = {"Authorization": f"Bearer {token_of(device)}"}
    own = enterprise_in(device, "离石区")
    change = inspection_entry(own, inspection_id, op="update", revision=99, entry_id="late-edit",
                              place="改过的地点")
    answer = httpx.post(f"{bureau.url}/push", json={"entries": [change]}, headers=headers).json()["results"][0]
    assert answer["status"] == "conflict" and answer["reason"] == "sealed"
    record = httpx.get(f"{bureau.url}/records/inspection/{inspection_id}", headers=headers).json()
    assert record["payload"]["status"] == "sealed" and record["payload"]["place"] != "改过的地点"


def test_taking_the_bureaus_version_writes_it_locally(tmp_path, bureau: BureauServer, device: Workspace) -> None:
    inspection_id = new_inspection(device)
    assert run_sync(device)["ok"]
    device.db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    shutil.copytree(device.data_dir, tmp_path / "second")
    other = Workspace.open(tmp_path / "second")
    try:
        enroll(other, bureau.url, bureau.code("14110100002"), "laptop b")
        inspections.update(device.db, inspection_id, place="东门")
        inspections.update(other.db, inspection_id, place="西门")
        assert run_sync(device)["pushed"] == 1
        assert run_sync(other)["conflicts"] == 1
        conflict = state.conflicts(other.db)[0]
        settled = run_cli("--data-dir", str(other.data_dir), "sync", "resolve", str(conflict["id"]), "--keep",
                          "theirs", "--json")
        assert settled.returncode == 0, settled.stderr
        assert json.loads(settled.stdout)["applied_locally"] is True
        local = inspections.get(other.db, inspection_id)
        assert local.place == "东门" and local.revision == 2
        again = run_sync(other)
        assert again["ok"] and again["pushed"] == 0 and again["conflicts"] == 0  # nothing to send back
    finally:
        other.close()
