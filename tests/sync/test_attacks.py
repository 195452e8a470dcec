"""What an attacker with one enrolled laptop tried (issue 15), against a real server on both backends:
each attack is refused with a 4xx, nothing of it is stored, and the bureau's commands keep working."""

from __future__ import annotations

import hashlib
import json
import os
import socket
import uuid

import httpx
import pytest

from eco_field.bureau import admin
from eco_field.bureau.uploads import BlobArea
from eco_field.workspace import Workspace
from tests.sync.conftest import (
    BureauServer,
    claim_blobs,
    device_id_of,
    enterprise_in,
    evidence_entry,
    inspection_entry,
    raw_push,
    run_cli,
    token_of,
)

XIAOYI = ["14110200001", "14110200002"]


def _auth(ws: Workspace) -> dict[str, str]:
    return {"Authorization": f"Bearer {token_of(ws)}"}


def _unchanged(bureau: BureauServer):
    """What the bureau holds of records, entries, conflicts and blobs (to show a refusal stored nothing)."""
    with bureau.storage() as storage:
        records = sorted((r.entity, r.entity_id, r.revision, r.unit, json.dumps(r.payload, sort_keys=True),
                          r.deleted) for kind in ("inspection", "evidence", "document", "document_signature",
                                                  "case", "catalog", "number_block", "enterprise", "officer",
                                                  "task", "setting") for r in storage.records(kind))
        return records, storage.last_seq(), len(storage.conflicts()), \
            storage.entry_counts([r[1] for r in records])


def test_evidence_cannot_be_planted_in_another_countys_inspection(bureau: BureauServer, device_factory) -> None:
    lishi, xiaoyi = device_factory("14110100001", "lishi"), device_factory("14110200001", "xiaoyi")
    theirs = inspection_entry(enterprise_in(xiaoyi, "孝义市"), officers=XIAOYI)
    assert raw_push(bureau, xiaoyi, [theirs]).status_code == 200
    before = _unchanged(bureau)
    planted = evidence_entry(theirs["entity_id"], "a" * 64, 10)
    refused = raw_push(bureau, lishi, [planted])
    assert refused.status_code == 403 and refused.json()["forbidden"] == [planted["entry_id"]]
    # naming one of its own enterprises beside the other county's inspection: not even a declared field
    mixed = {**planted, "payload": {**planted["payload"], "enterprise_id": enterprise_in(lishi, "离石区")}}
    assert raw_push(bureau, lishi, [mixed]).status_code == 422
    # its own inspection and the other county's, one parent each: they must agree
    own = inspection_entry(enterprise_in(lishi, "离石区"))
    assert raw_push(bureau, lishi, [own]).status_code == 200
    document = {"entry_id": str(uuid.uuid4()), "entity": "document", "entity_id": str(uuid.uuid4()), "op": "issue",
                "revision": None, "payload": {
                    "id": "", "number": "吕环检〔2026〕9号", "kind": "inspection-record",
                    "inspection_id": own["entity_id"], "case_id": None, "record_sha256": "b" * 64,
                    "pdf_sha256": "c" * 64, "pdf_size": 1, "pages": 1, "evidence_id": None, "status": "issued",
                    "issued_at": "2026-06-01T10:00:00+08:00"}}
    document["payload"]["id"] = document["entity_id"]
    signature = {"entry_id": str(uuid.uuid4()), "entity": "document_signature", "entity_id": str(uuid.uuid4()),
                 "op": "sign", "revision": None, "payload": {
                     "document_id": document["entity_id"], "version": 2, "role": "party", "name": "张三",
                     "signed_on": "2026-06-01", "sha256": "d" * 64, "evidence_id": None,
                     "created_at": "2026-06-01T02:00:00+00:00", "number": "吕环检〔2026〕9号",
                     "inspection_id": theirs["entity_id"], "case_id": None}}
    assert raw_push(bureau, lishi, [document]).status_code == 200
    before = _unchanged(bureau)
    assert raw_push(bureau, lishi, [signature]).status_code == 403
    assert _unchanged(bureau) == before
    listed = {e["inspection_id"] for e in bureau.read("evidence")}
    assert theirs["entity_id"] not in listed


@pytest.mark.parametrize("kind", ["catalog", "number_block", "enterprise", "officer", "task", "setting"])
def test_a_device_cannot_write_the_bureaus_own_records(bureau: BureauServer, device: Workspace, kind: str) -> None:
    before = _unchanged(bureau)
    forged = {"entry_id": str(uuid.uuid4()), "entity": kind, "entity_id": "current", "op": "update",
              "revision": 9, "payload": {"version": 9, "catalog": {"entries": []}, "kind": "penalty-decision",
                                         "year": 2026, "start": 900000001, "end": "x"}}
    refused = raw_push(bureau, device, [forged])
    assert refused.status_code == 422 and refused.json()["invalid"] == [forged["entry_id"]]
    assert _unchanged(bureau) == before
    block = bureau.admin_json("numbers", "reserve", "--device", device_id_of(device), "--kind",
                              "penalty-decision", "--count", "5", "--year", "2026")
    assert (block["start"], block["end"]) == (1, 5)


def test_bureau_init_publishes_the_shipped_catalog(tmp_path, bureau_db) -> None:
    from eco_field.law.catalog import DEFAULT_CATALOG

    folder = tmp_path / "fresh"
    db = ["--db", bureau_db] if bureau_db else []
    done = run_cli("bureau", "init", "--data-dir", str(folder), *db, "--json")
    assert done.returncode == 0, done.stderr
    shipped = json.loads(DEFAULT_CATALOG.read_text(encoding="utf-8"))
    assert json.loads(done.stdout)["catalog"]["catalog_version"] == shipped["version"]
    from eco_field.bureau.storage import open_storage

    storage = open_storage(folder, bureau_db)
    try:
        record = storage.record("catalog", "current")
        assert record.payload["catalog"] == shipped and record.unit == "*" and record.origin_device is None
        assert admin.publish_shipped_catalog(storage)["published"] is False  # init again: nothing new
    finally:
        storage.close()


@pytest.mark.parametrize("entity", ["inspection", "evidence", "document", "case", "number_block", "enterprise"])
def test_a_payload_that_is_not_an_object_is_refused(bureau: BureauServer, device: Workspace, entity: str) -> None:
    before = _unchanged(bureau)
    entry = {"entry_id": str(uuid.uuid4()), "entity": entity, "entity_id": str(uuid.uuid4()), "op": "create",
             "revision": 1, "payload": ["a", "list"]}
    assert raw_push(bureau, device, [entry]).status_code == 422
    assert _unchanged(bureau) == before
    for command in ("inspections", "evidence", "documents"):
        assert bureau.admin(command, "--json").returncode == 0


def test_malformed_input_is_a_4xx(bureau: BureauServer, device: Workspace) -> None:
    url, headers = bureau.url, _auth(device)
    deep = b"[" * 3000
    assert httpx.get(f"{url}/changes", params={"since": 2 ** 63}, headers=headers).status_code == 422
    assert httpx.get(f"{url}/changes", params={"since": -1}, headers=headers).status_code == 422
    assert httpx.post(f"{url}/enroll", content=deep).status_code == 400
    for path in ("/push", "/audit", "/blobs/missing"):
        assert httpx.post(f"{url}{path}", content=deep, headers=headers).status_code == 400, path
        nested = json.dumps({"entries": json.loads("[" * 100 + "]" * 100)}).encode()
        assert httpx.post(f"{url}{path}", content=nested, headers=headers).status_code == 400, path
    own = inspection_entry(enterprise_in(device, "离石区"))
    for bad in (b'{"entries": [{"x": NaN}]}', b'{"entries": [{"x": Infinity}]}', b'{"entries": [1e999]}',
                json.dumps({"entries": [{**own, "payload": {**own["payload"], "place": "\ud800"}}]}).encode(),
                json.dumps({"entries": [{**own, "entity_id": "i-\x00"}]}).encode()):
        assert httpx.post(f"{url}/push", content=bad, headers=headers).status_code == 400, bad[:60]
    huge = {**own, "revision": 2 ** 63, "payload": {**own["payload"], "revision": 2 ** 63}}
    assert raw_push(bureau, device, [huge]).status_code == 422
    nul = {**own, "entity_id": "i-\x00", "payload": {**own["payload"], "id": "i-\x00"}}
    assert httpx.post(f"{url}/push", content=json.dumps({"entries": [nul]}), headers=headers).status_code == 400
    sha = hashlib.sha256(b"x").hexdigest()
    for name in (f"{sha}%0A", f"{sha}%0D", sha.upper(), sha[:63]):
        assert httpx.head(f"{url}/uploads/{name}", headers=headers).status_code == 400, name
        answer = httpx.patch(f"{url}/uploads/{name}", content=b"x",
                             headers={**headers, "Upload-Offset": "0", "Upload-Length": "1"})
        assert answer.status_code == 400, name
    odd = httpx.patch(f"{url}/uploads/{sha}", content=b"x", headers={**headers, "Upload-Offset": "²".encode("latin-1"),
                                                                    "Upload-Length": "1"})
    assert odd.status_code == 400
    assert httpx.get(f"{url}/health").status_code == 200
    assert bureau.read("inspections") == []


def test_uploads_belong_to_their_device(bureau: BureauServer, device_factory) -> None:
    owner, other = device_factory("14110100001", "owner"), device_factory("14110100002", "other")
    data = os.urandom(300_000)
    sha = hashlib.sha256(data).hexdigest()
    claim_blobs(bureau, owner, {sha: len(data)})
    first = httpx.patch(f"{bureau.url}/uploads/{sha}", content=data[:100_000],
                        headers={**_auth(owner), "Upload-Offset": "0", "Upload-Length": str(len(data))})
    assert first.status_code == 204
    # another device that knows the hash learns nothing and cannot touch the owner's session
    head = httpx.head(f"{bureau.url}/uploads/{sha}", headers=_auth(other))
    unknown = httpx.head(f"{bureau.url}/uploads/{'e' * 64}", headers=_auth(other))
    assert head.status_code == unknown.status_code == 404 and "upload-length" not in head.headers
    wrong = httpx.patch(f"{bureau.url}/uploads/{sha}", content=b"x" * 10,
                        headers={**_auth(other), "Upload-Offset": "0", "Upload-Length": "10"})
    assert wrong.status_code == 404
    missing = httpx.post(f"{bureau.url}/blobs/missing", json={"hashes": [sha]}, headers=_auth(other)).json()
    assert missing == {"missing": [sha], "partial": {}}
    # a device whose own record names the same photo uploads it in a session of its own
    claim_blobs(bureau, other, {sha: len(data)})
    junk = httpx.patch(f"{bureau.url}/uploads/{sha}", content=b"y" * len(data),
                       headers={**_auth(other), "Upload-Offset": "0", "Upload-Length": str(len(data))})
    assert junk.status_code == 422  # the wrong bytes throw away only its own session
    resumed = httpx.head(f"{bureau.url}/uploads/{sha}", headers=_auth(owner))
    assert resumed.headers["Upload-Offset"] == "100000"
    rest = httpx.patch(f"{bureau.url}/uploads/{sha}", content=data[100_000:],
                       headers={**_auth(owner), "Upload-Offset": "100000"})
    assert rest.status_code == 204 and rest.headers["Upload-Complete"] == "1"
    assert (bureau.data_dir / "blobs" / sha[:2] / sha).read_bytes() == data
    assert not list((bureau.data_dir / "uploads").iterdir())


def test_upload_sessions_expire_with_their_part_files(bureau: BureauServer, device: Workspace) -> None:
    data = os.urandom(50_000)
    sha = hashlib.sha256(data).hexdigest()
    claim_blobs(bureau, device, {sha: len(data)})
    assert httpx.patch(f"{bureau.url}/uploads/{sha}", content=data[:1000], headers={
        **_auth(device), "Upload-Offset": "0", "Upload-Length": str(len(data))}).status_code == 204
    assert len(list((bureau.data_dir / "uploads").iterdir())) == 1
    assert bureau.admin("settings", "set", "upload_expiry_days", "2").returncode == 0
    with bureau.storage() as storage:
        assert admin.upload_expiry_days(storage) == 2.0
        area = BlobArea(bureau.data_dir, storage)
        assert area.sweep_expired(2) == 0  # written just now: kept
        os.utime(next((bureau.data_dir / "uploads").iterdir()), (0, 0))
        assert area.sweep_expired(2) == 0  # a live session's file is no orphan, however old its mtime looks
        # past its expiry (a cutoff two seconds ahead: session times are kept to the second): gone with its file
        assert area.sweep_expired(-2 / 86400) == 1
        assert storage.uploads([sha], device_id_of(device)) == {}
    assert not list((bureau.data_dir / "uploads").iterdir())
    head = httpx.head(f"{bureau.url}/uploads/{sha}", headers=_auth(device))
    assert head.status_code == 404


def test_revocation_ends_an_upload_in_flight(bureau: BureauServer, device: Workspace) -> None:
    data = os.urandom(2_000_000)
    sha = hashlib.sha256(data).hexdigest()
    claim_blobs(bureau, device, {sha: len(data)})
    head = (f"PATCH /uploads/{sha} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {token_of(device)}\r\n"
            f"Upload-Offset: 0\r\nUpload-Length: {len(data)}\r\nContent-Length: {len(data)}\r\n\r\n").encode()
    with socket.create_connection(("127.0.0.1", bureau.port), timeout=30) as sock:
        sock.sendall(head + data[:1_000_000])
        part = bureau.data_dir / "uploads" / f"{sha}.{device_id_of(device)}.part"
        for _ in range(500):
            if part.exists() and part.stat().st_size > 0:
                break
            import time

            time.sleep(0.01)
        assert bureau.admin("revoke", "--device", device_id_of(device)).returncode == 0
        sock.sendall(data[1_000_000:])
        answer = b""
        while b"\r\n\r\n" not in answer and (piece := sock.recv(65536)):
            answer += piece
    assert answer.startswith(b"HTTP/1.1 403"), answer[:200]
    with bureau.storage() as storage:
        assert storage.blob_sizes([sha]) == {}
        assert storage.uploads([sha], device_id_of(device)) == {}


def test_the_case_export_counts_only_evidence_of_the_cases_own_chain(bureau: BureauServer, device_factory,
                                                                      tmp_path) -> None:
    """Evidence of another unit naming the case's inspection (as an older bureau let in, or written into
    its database) and its audit entry do not reach the case file; verify-export accepts what does."""
    from eco_field.bureau.storage import Record
    from eco_field.sync.client import run_sync
    from tests.sync.test_case_export_bureau import _case_with_document

    lishi = device_factory("14110100001", "lishi")
    case_id, _doc = _case_with_document(lishi)
    assert run_sync(lishi)["ok"]
    with bureau.storage() as storage:
        case = storage.record("case", case_id)
        inspection_id = case.payload["inspection_id"]
        data = b"a planted photo"
        sha = hashlib.sha256(data).hexdigest()
        area = BlobArea(bureau.data_dir, storage)
        target = area.store.path_for(sha, "")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        with storage.transaction():
            storage.put_blob(sha, len(data), None, "2026-06-01T00:00:00+00:00")
            storage.put_record(Record("evidence", "planted", None, "孝义市",
                                      {"inspection_id": inspection_id, "sha256": sha, "size": len(data),
                                       "kind": "photo", "original_name": "planted.jpg"},
                                      origin_device="elsewhere", inspection_id=inspection_id, sha256=sha,
                                      updated_at="2026-06-01T00:00:00+00:00"))
    out = tmp_path / "case.zip"
    summary = bureau.admin_json("cases", "export", case_id, "-o", str(out))
    assert summary["files"] == 2  # its photo and its document, not the planted one
    checked = run_cli("verify-export", str(out), "--json")
    assert checked.returncode == 0 and json.loads(checked.stdout)["ok"]
    import zipfile

    with zipfile.ZipFile(out) as archive:
        assert sha not in json.dumps(json.loads(archive.read("manifest.json")))


def test_a_case_claiming_an_approval_the_bureau_never_gave_is_kept_as_a_conflict(bureau: BureauServer,
                                                                                 device: Workspace) -> None:
    inspection = inspection_entry(enterprise_in(device, "离石区"))
    case_id = str(uuid.uuid4())
    events = [{"event": "discovered", "label": "发现违法行为", "date": "2026-06-01", "note": ""},
              {"event": "approved", "label": "审批", "date": "2026-06-02", "note": "",
               "data": {"step": "filing", "by": "局长", "role": "局负责人", "source": "bureau",
                        "approval_id": "never-given"}}]
    case = {"entry_id": str(uuid.uuid4()), "entity": "case", "entity_id": case_id, "op": "create", "revision": 1,
            "payload": {"id": case_id, "inspection_id": inspection["entity_id"],
                        "enterprise_id": inspection["payload"]["enterprise_id"], "facts": "超标排放",
                        "violations": [{"catalog_id": "AIR-02", "facts": "", "evidence_ids": []}],
                        "assessment": None, "status": "open", "opened_at": "2026-06-01T09:00:00+08:00",
                        "events": events, "revision": 1}}
    results = raw_push(bureau, device, [inspection, case]).json()["results"]
    assert [r["status"] for r in results] == ["applied", "conflict"]
    assert results[1]["reason"] == "unconfirmed_approval"
    headers = _auth(device)
    assert httpx.get(f"{bureau.url}/records/case/{case_id}", headers=headers).status_code == 404
    # the same case with the approval recorded as the device's own is taken
    own = {**case, "entry_id": str(uuid.uuid4()),
           "payload": {**case["payload"], "events": [events[0], {**events[1], "data": {
               "step": "filing", "by": "局长", "role": "局负责人", "source": "device"}}]}}
    assert raw_push(bureau, device, [own]).json()["results"][0]["status"] == "applied"
