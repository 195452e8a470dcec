"""The token check that travels with a request's first read (one statement on PostgreSQL): a revoked device
is refused at once on every route, a read made for a guessed device is made again when the device changed,
and the storage answers (device, read) the same on both backends."""

from __future__ import annotations

import hashlib
from pathlib import Path

import httpx

from eco_field.bureau.storage import open_storage
from eco_field.workspace import Workspace
from tests.sync.conftest import BureauServer, device_id_of, inspection_entry, token_of

BLOB = b"a photo's bytes"
SHA = hashlib.sha256(BLOB).hexdigest()


def _counties(answer: httpx.Response) -> set[str]:
    assert answer.status_code == 200, answer.text
    return {c["payload"]["county"] for c in answer.json()["changes"] if c["entity"] == "enterprise"}


def test_a_revoked_device_is_refused_at_once_on_every_route(bureau: BureauServer, device: Workspace) -> None:
    client = httpx.Client(base_url=bureau.url, headers={"Authorization": f"Bearer {token_of(device)}"})
    upload = {"Upload-Offset": "0", "Upload-Length": str(len(BLOB))}
    # the token's device is known to the server (pulls and blob checks made with it) before the revocation
    assert client.get("/changes").status_code == 200 and client.get("/changes").status_code == 200
    assert client.head(f"/uploads/{SHA}").status_code == 404
    assert client.post("/blobs/missing", json={"hashes": [SHA]}).json()["missing"] == [SHA]

    assert bureau.admin("revoke", "--device", device_id_of(device)).returncode == 0
    assert client.get("/changes").status_code == 403
    assert client.head(f"/uploads/{SHA}").status_code == 403
    assert client.patch(f"/uploads/{SHA}", content=BLOB, headers=upload).status_code == 403
    assert client.post("/blobs/missing", json={"hashes": [SHA]}).status_code == 403
    assert client.post("/blobs/missing", json={"hashes": [SHA]}).status_code == 403  # forgotten, checked first
    assert client.post("/blobs/missing", content=b"not json").status_code == 403  # the token before the body
    assert client.get("/changes", params={"since": 0, "limit": 1}).json()["detail"].startswith("device ")
    assert not list((bureau.data_dir / "uploads").iterdir())
    with bureau.storage() as storage:
        assert storage.blob_sizes([SHA]) == {} and storage.uploads([SHA], device_id_of(device)) == {}


def test_an_unknown_token_or_a_bad_name_is_answered_before_anything_is_read(bureau: BureauServer,
                                                                             device: Workspace) -> None:
    bad = {"Authorization": "Bearer not-a-token"}
    assert httpx.head(f"{bureau.url}/uploads/{SHA}", headers=bad).status_code == 401
    assert httpx.head(f"{bureau.url}/uploads/not-a-sha", headers=bad).status_code == 401
    good = {"Authorization": f"Bearer {token_of(device)}"}
    assert httpx.head(f"{bureau.url}/uploads/not-a-sha", headers=good).status_code == 400
    assert httpx.post(f"{bureau.url}/blobs/missing", content=b"not json", headers=bad).status_code == 401
    assert httpx.post(f"{bureau.url}/blobs/missing", json={"hashes": ["x"]}, headers=bad).status_code == 401
    known = httpx.Client(base_url=bureau.url, headers=good)
    assert known.post("/blobs/missing", json={"hashes": [SHA]}).json()["missing"] == [SHA]
    assert known.post("/blobs/missing", json={"hashes": ["x"]}).status_code == 422  # no SHA-256: the schema
    assert known.post("/blobs/missing", content=b"not json").status_code == 400
    refused = httpx.patch(f"{bureau.url}/uploads/NOT-A-SHA", content=b"x",
                          headers={**good, "Upload-Offset": "0", "Upload-Length": "1"})
    assert refused.status_code == 400 and "SHA-256" in refused.json()["detail"]


def test_a_pull_after_the_officers_units_changed_follows_the_new_units(bureau: BureauServer,
                                                                        device: Workspace) -> None:
    client = httpx.Client(base_url=bureau.url, headers={"Authorization": f"Bearer {token_of(device)}"})
    assert _counties(client.get("/changes", params={"since": 0, "limit": 1000})) == {"离石区"}
    assert _counties(client.get("/changes", params={"since": 0, "limit": 1000})) == {"离石区"}  # guessed now
    with bureau.storage() as storage, storage.transaction():
        storage.put_officer("14110100001", "王建国", ["兴县"])
    assert _counties(client.get("/changes", params={"since": 0, "limit": 1000})) == {"兴县"}


def test_the_storage_answers_the_device_and_the_read_together(tmp_path: Path, bureau_db) -> None:
    storage = open_storage(tmp_path / "bureau", bureau_db)
    try:
        with storage.transaction():
            storage.put_officer("c-1", "officer", ["兴县", "临县"])
            storage.add_device("dev-1", "c-1", "laptop", "hash-1", "2026-01-01T00:00:00Z")
            storage.put_blob(SHA, len(BLOB), "dev-1", "2026-01-01T00:00:00Z")
        device, sizes = storage.device_and_read("hash-1", lambda: storage.blob_sizes([SHA, "f" * 64]))
        assert device.id == "dev-1" and device.units == ["兴县", "临县"] and sizes == {SHA: len(BLOB)}
        assert storage.device_and_read("hash-1", lambda: storage.blob_sizes(["f" * 64])) == (device, {})
        assert storage.device_and_read("hash-1", lambda: "no statement") == (device, "no statement")
        top, rows = storage.device_and_read("hash-1", lambda: storage.changes(0, ["兴县"], "x", ("task",), 10))[1]
        assert (top, rows) == (storage.last_seq(), [])
        assert storage.device_and_read("unknown", lambda: storage.blob_sizes([SHA])) == (None, None)
        with storage.transaction():
            storage.revoke_device("dev-1", "2026-02-01T00:00:00Z")
        revoked, _ = storage.device_and_read("hash-1", lambda: storage.blob_sizes([SHA]))
        assert revoked.id == "dev-1" and revoked.revoked_at == "2026-02-01T00:00:00Z"
    finally:
        storage.close()


def _inspection(enterprise_id: str) -> dict:
    return inspection_entry(enterprise_id, f"i-{enterprise_id}", entry_id=f"e-{enterprise_id}")


def test_a_push_is_checked_in_its_transaction_against_the_device_as_it_is_now(bureau: BureauServer,
                                                                               device: Workspace) -> None:
    client = httpx.Client(base_url=bureau.url, headers={"Authorization": f"Bearer {token_of(device)}"})
    with bureau.storage() as storage:
        by_unit = {r.unit: r.entity_id for r in storage.records("enterprise")}
    first = client.post("/push", json={"entries": [_inspection(by_unit["离石区"])]})
    assert first.status_code == 200 and first.json()["results"][0]["status"] == "applied"
    with bureau.storage() as storage, storage.transaction():  # the officer moves to 兴县 between two pushes
        storage.put_officer("14110100001", "王建国", ["兴县"])
    moved = client.post("/push", json={"entries": [_inspection(by_unit["兴县"])]})
    assert moved.status_code == 200 and moved.json()["results"][0]["status"] == "applied"
    refused = client.post("/push", json={"entries": [_inspection(by_unit["临县"])]})
    assert refused.status_code == 403 and refused.json()["forbidden"] == [f"e-{by_unit['临县']}"]

    assert bureau.admin("revoke", "--device", device_id_of(device)).returncode == 0
    late = client.post("/push", json={"entries": [_inspection(by_unit["兴县"] + "-2")]})
    assert late.status_code == 403 and "revoked" in late.json()["detail"]
    assert client.post("/push", content=b"not json").status_code == 403  # the token before the body
    assert {i["id"] for i in bureau.read("inspections")} == {f"i-{by_unit['离石区']}", f"i-{by_unit['兴县']}"}
