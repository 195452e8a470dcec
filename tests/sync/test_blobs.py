"""Blobs: resume after the server is killed mid-upload, hash mismatch refused, oversized bodies refused."""

from __future__ import annotations

import hashlib
import os
import socket
import time

import httpx

from eco_field.sync.blobs import PARALLEL
from eco_field.sync.client import connect, run_sync
from eco_field.sync.push import push_outbox
from eco_field.workspace import Workspace
from tests.sync.conftest import (
    BureauServer,
    claim_blobs,
    claim_in_storage,
    device_id_of,
    new_inspection,
    raw_push,
    token_of,
)

CHUNK = 256 * 1024


def stored_blob_hashes(bureau: BureauServer) -> dict[str, str]:
    """sha256 named by each file in the bureau's blob store -> sha256 of its bytes."""
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest()
            for p in (bureau.data_dir / "blobs").rglob("*") if p.is_file() and ".tmp" not in p.parts}


def test_server_killed_mid_upload_then_restarted_resumes_without_loss(bureau: BureauServer,
                                                                      device: Workspace) -> None:
    # twice as many photos as uploads in flight, so a kill half way always finds some not yet in
    photos = [os.urandom(1_000_000 + i * 100_000) for i in range(2 * PARALLEL)]
    total = sum(len(p) for p in photos)
    inspection_id = new_inspection(device, photos)
    killed = []

    def kill_half_way(stage: str, done: int, _total) -> None:
        # The first progress report of the blob stage comes before the uploader takes more blobs from its
        # queue, so with twice as many photos as uploads in flight some are never sent before the kill.
        if stage == "blobs" and done > 0 and not killed:
            bureau.kill()
            killed.append(len(stored_blob_hashes(bureau)))

    first = run_sync(device, progress=kill_half_way, chunk_size=CHUNK)
    assert killed and killed[0] < len(photos)  # killed before every blob was in
    assert first["ok"] is False and first["error_kind"] == "unreachable"
    assert first["pushed"] == 1 + len(photos)  # the records went first
    bureau.start()
    second = run_sync(device, chunk_size=CHUNK)
    assert second["ok"], second
    resent = first["blob_bytes_sent"] + second["blob_bytes_sent"] - total
    assert 0 <= resent <= PARALLEL * CHUNK  # at most the chunk each upload stream had in flight
    assert second["pushed"] == 0 and second["duplicates"] == 0

    expected = {hashlib.sha256(p).hexdigest() for p in photos}
    on_disk = stored_blob_hashes(bureau)
    assert set(on_disk) == expected and all(name == digest for name, digest in on_disk.items())
    assert [i["id"] for i in bureau.read("inspections")] == [inspection_id]
    assert bureau.read("inspections")[0]["complete"] is True
    assert sorted(e["sha256"] for e in bureau.read("evidence")) == sorted(expected)
    assert not list((bureau.data_dir / "uploads").iterdir())
    confirmed = device.db.execute("SELECT count(*) FROM sync_blobs").fetchone()[0]
    assert confirmed == len(photos) and all(device.blobs.find(h) for h in expected)  # local originals kept


def test_an_inspection_is_complete_only_when_every_blob_is_there(bureau: BureauServer, device: Workspace) -> None:
    new_inspection(device, [b"first photo", b"second photo"])
    with connect(device) as conn:
        push_outbox(device.db, conn)
    listed = bureau.read("inspections")[0]
    assert listed["complete"] is False and listed["blobs_missing"] == 2
    assert run_sync(device)["blobs_sent"] == 2
    assert bureau.read("inspections")[0]["complete"] is True


def test_bytes_that_do_not_match_their_hash_are_refused(bureau: BureauServer, device: Workspace) -> None:
    headers = {"Authorization": f"Bearer {token_of(device)}"}
    claimed = hashlib.sha256(b"the real photo").hexdigest()
    claim_blobs(bureau, device, {claimed: 14})
    wrong = httpx.patch(f"{bureau.url}/uploads/{claimed}", content=b"a fake photo!!",
                        headers={**headers, "Upload-Offset": "0", "Upload-Length": "14"})
    assert wrong.status_code == 422
    assert httpx.head(f"{bureau.url}/uploads/{claimed}", headers=headers).status_code == 404
    assert stored_blob_hashes(bureau) == {} and not list((bureau.data_dir / "uploads").iterdir())

    inspection_id = new_inspection(device, [b"genuine bytes", b"other photo"])
    original = device.blobs.find(hashlib.sha256(b"genuine bytes").hexdigest())
    os.chmod(original, 0o644)
    original.write_bytes(b"altered bytes")  # same size, other content
    result = run_sync(device)
    assert [e["sha256"] for e in result["blob_errors"]] == [hashlib.sha256(b"genuine bytes").hexdigest()]
    assert result["blobs_sent"] == 1
    assert set(stored_blob_hashes(bureau)) == {hashlib.sha256(b"other photo").hexdigest()}
    listed = {i["id"]: i for i in bureau.read("inspections")}
    assert listed[inspection_id]["complete"] is False


def _raw_request(port: int, head: str, body_bytes: int) -> bytes:
    """Send a request head and up to body_bytes of zeros; return what the server answers."""
    with socket.create_connection(("127.0.0.1", port), timeout=20) as sock:
        sock.sendall(head.encode("ascii"))
        sent = 0
        try:
            while sent < body_bytes:
                sock.sendall(b"\0" * 65536)
                sent += 65536
        except OSError:
            pass  # the server stopped reading and closed: what we want
        answer = b""
        try:
            while b"\r\n\r\n" not in answer and (piece := sock.recv(65536)):
                answer += piece
        except OSError:
            pass
        return answer


def test_a_two_gigabyte_body_is_refused_without_being_read(bureau: BureauServer, device: Workspace) -> None:
    token = token_of(device)
    size = 2 * 1024 ** 3
    sha = "b" * 64
    claim_blobs(bureau, device, {sha: size})
    head = (f"PATCH /uploads/{sha} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {token}\r\n"
            f"Upload-Offset: 0\r\nUpload-Length: {size}\r\nContent-Length: {size}\r\n\r\n")
    answer = _raw_request(bureau.port, head, 4 * 1024 ** 2)  # a small part of it: the answer comes first
    assert answer.startswith(b"HTTP/1.1 413"), answer[:200]
    push_head = (f"POST /push HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {token}\r\n"
                 f"Content-Type: application/json\r\nContent-Length: {size}\r\n\r\n")
    assert _raw_request(bureau.port, push_head, 1024 ** 2).startswith(b"HTTP/1.1 413")

    headers = {"Authorization": f"Bearer {token}"}
    small_chunk_big_blob = httpx.patch(f"{bureau.url}/uploads/{sha}", content=b"x" * 10, headers={
        **headers, "Upload-Offset": "0", "Upload-Length": str(size)})
    assert small_chunk_big_blob.status_code == 413
    assert httpx.head(f"{bureau.url}/uploads/{sha}", headers=headers).status_code == 404
    assert stored_blob_hashes(bureau) == {} and not list((bureau.data_dir / "uploads").iterdir())
    assert httpx.get(f"{bureau.url}/health").status_code == 200


def _patch_head(token: str, data: bytes) -> bytes:
    sha = hashlib.sha256(data).hexdigest()
    return (f"PATCH /uploads/{sha} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {token}\r\n"
            f"Upload-Offset: 0\r\nUpload-Length: {len(data)}\r\nContent-Length: {len(data)}\r\n\r\n").encode()


def _poll(condition, what: str, tries: int = 400) -> None:
    for _ in range(tries):
        if condition():
            return
        time.sleep(0.01)
    raise AssertionError(f"timed out waiting for {what}")


def _finish(bureau: BureauServer, headers: dict, data: bytes) -> int:
    """Ask for the offset (a PATCH from 0 answers with it) and send the rest; returns the offset kept."""
    sha = hashlib.sha256(data).hexdigest()
    probe = httpx.patch(f"{bureau.url}/uploads/{sha}", content=b"", headers={
        **headers, "Upload-Offset": "0", "Upload-Length": str(len(data))})
    assert probe.status_code in (204, 409), probe.text
    kept = int(probe.headers["Upload-Offset"])
    done = httpx.patch(f"{bureau.url}/uploads/{sha}", content=data[kept:], headers={
        **headers, "Upload-Offset": str(kept), "Upload-Length": str(len(data))})
    assert done.status_code == 204 and done.headers["Upload-Complete"] == "1"
    assert stored_blob_hashes(bureau) == {sha: sha}
    return kept


def test_a_cut_connection_keeps_what_arrived(bureau: BureauServer, device: Workspace) -> None:
    token, data = token_of(device), os.urandom(3 * 1024 * 1024)
    headers = {"Authorization": f"Bearer {token}"}
    claim_blobs(bureau, device, {hashlib.sha256(data).hexdigest(): len(data)})
    with socket.create_connection(("127.0.0.1", bureau.port), timeout=20) as sock:
        sock.sendall(_patch_head(token, data) + data[:len(data) // 2])
    sha = hashlib.sha256(data).hexdigest()
    _poll(lambda: httpx.head(f"{bureau.url}/uploads/{sha}", headers=headers).status_code == 200,
          "the server to commit the bytes of the cut request")
    assert 0 < _finish(bureau, headers, data) <= len(data) // 2


def test_server_killed_in_the_middle_of_a_request_keeps_the_bytes_it_wrote(bureau: BureauServer,
                                                                           device: Workspace) -> None:
    token, data = token_of(device), os.urandom(3 * 1024 * 1024)
    claim_blobs(bureau, device, {hashlib.sha256(data).hexdigest(): len(data)})
    part = bureau.data_dir / "uploads" / f"{hashlib.sha256(data).hexdigest()}.{device_id_of(device)}.part"
    with socket.create_connection(("127.0.0.1", bureau.port), timeout=20) as sock:
        sock.sendall(_patch_head(token, data) + data[:len(data) // 2])
        _poll(lambda: part.exists() and part.stat().st_size > 0, "bytes in the partial file")
        bureau.kill()  # SIGKILL mid-request: nothing committed in the database
    bureau.start()
    kept = _finish(bureau, {"Authorization": f"Bearer {token}"}, data)
    assert 0 < kept <= len(data) // 2


def test_a_documents_pdf_counts_towards_its_inspection(bureau: BureauServer, device: Workspace) -> None:
    inspection_id = new_inspection(device)
    assert run_sync(device)["ok"]
    pdf = b"%PDF-1.7 a penalty decision"
    sha = hashlib.sha256(pdf).hexdigest()
    headers = {"Authorization": f"Bearer {token_of(device)}"}
    doc = {"id": "d-1", "number": "吕环罚〔2026〕12号", "kind": "penalty-decision", "inspection_id": inspection_id,
           "case_id": None, "record_sha256": "e" * 64, "pdf_sha256": sha, "pdf_size": len(pdf), "pages": 1,
           "status": "issued", "issued_at": "2026-06-01T10:00:00+08:00"}
    entry = {"entry_id": "doc-e1", "entity": "document", "entity_id": "d-1", "op": "issue", "revision": None,
             "payload": doc}
    assert raw_push(bureau, device, [entry]).json()["results"][0]["status"] == "applied"
    listed = bureau.read("documents")
    assert [(d["number"], d["sha256"], d["stored"]) for d in listed] == [("吕环罚〔2026〕12号", sha, False)]
    assert bureau.read("inspections")[0]["complete"] is False
    sent = httpx.patch(f"{bureau.url}/uploads/{sha}", content=pdf, headers={
        **headers, "Upload-Offset": "0", "Upload-Length": str(len(pdf))})
    assert sent.status_code == 204
    assert bureau.read("documents")[0]["stored"] is True
    assert bureau.read("inspections")[0]["complete"] is True


def test_a_blob_renamed_in_before_a_crash_is_recorded_not_asked_for_again(tmp_path) -> None:
    """The crash window between moving the checked file into the store and committing its row."""
    from eco_field.bureau.storage import Device, open_storage
    from eco_field.bureau.uploads import BlobArea

    storage = open_storage(tmp_path / "bureau")
    area = BlobArea(tmp_path / "bureau", storage)
    data = os.urandom(300_000)
    sha = hashlib.sha256(data).hexdigest()
    final = area.store.path_for(sha, "")
    final.parent.mkdir(parents=True)
    final.write_bytes(data)  # renamed in; the server died before the row
    device = Device("dev-1", "14110100001", "laptop", "2026-01-01", None, None)
    other = hashlib.sha256(b"another photo").hexdigest()
    claim_in_storage(storage, "dev-1", sha, other)
    state, part = area.begin(device, sha, 0, len(data), len(data))
    assert state.complete and part is None and storage.blob_sizes([sha]) == {sha: len(data)}
    damaged = area.store.path_for(other, "")
    damaged.parent.mkdir(parents=True, exist_ok=True)
    damaged.write_bytes(b"another photX")  # a damaged file is no proof: the blob must come again
    state, part = area.begin(device, other, 0, 13, 13)
    part.close()
    assert state.complete is False
    assert other not in storage.blob_sizes([other])
    storage.close()


def test_bytes_of_a_first_patch_cut_before_its_row_are_offered_for_resume(tmp_path) -> None:
    """After a kill during a blob's first PATCH there is a part file but no upload row: the bureau still
    tells the client to resume from those bytes instead of sending the blob again from 0."""
    from eco_field.bureau.storage import Device, open_storage
    from eco_field.bureau.uploads import BlobArea

    storage = open_storage(tmp_path / "bureau")
    area = BlobArea(tmp_path / "bureau", storage)
    data = os.urandom(500_000)
    sha = hashlib.sha256(data).hexdigest()
    device = Device("dev-1", "14110100001", "laptop", "2026-01-01", None, None)
    claim_in_storage(storage, "dev-1", sha)
    area.part_path(sha, "dev-1").write_bytes(data[:123_456])
    assert area.resume_offsets(device, [sha]) == {sha: (False, 123_456)}
    state, part = area.begin(device, sha, 123_456, len(data), len(data) - 123_456)
    part.close()
    assert state.offset == 123_456 and not state.complete
    storage.close()


HOLD_A_PATCH = """
import sys
from pathlib import Path
from eco_field.bureau.storage import Device, open_storage
from eco_field.bureau.uploads import BlobArea

folder, sha, size = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
area = BlobArea(folder, open_storage(folder))
state, part = area.begin(Device("dev-1", "14110100001", "laptop", "2026-01-01", None, None), sha, 0, size, size)
part.file.write(b"x" * 1000)
part.file.flush()
print("holding", flush=True)
sys.stdin.readline()
part.close()
"""


def test_one_patch_of_a_blob_at_a_time_across_server_processes(tmp_path) -> None:
    """`bureau serve --workers N` runs N processes: a PATCH in one of them holds the device's part file of a
    blob, and a second PATCH of the same session, in another process, is told to retry (423) rather than
    write beside it."""
    import subprocess
    import sys

    from eco_field.bureau.storage import Device, open_storage
    from eco_field.bureau.uploads import BlobArea, UploadRefused

    folder = tmp_path / "bureau"
    storage = open_storage(folder)
    area = BlobArea(folder, storage)
    data = os.urandom(50_000)
    sha = hashlib.sha256(data).hexdigest()
    device = Device("dev-1", "14110100001", "laptop", "2026-01-01", None, None)
    claim_in_storage(storage, "dev-1", sha)
    other = subprocess.Popen([sys.executable, "-c", HOLD_A_PATCH, str(folder), sha, str(len(data))],
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert other.stdout.readline().strip() == "holding"
        try:
            area.begin(device, sha, 0, len(data), len(data))
            raise AssertionError("a second PATCH of the blob was let in")
        except UploadRefused as refused:
            assert refused.status == 423
        assert area.part_path(sha, "dev-1").stat().st_size == 1000  # the holder's bytes are untouched
    finally:
        other.communicate("done\n", timeout=30)
    try:  # released: the next PATCH goes in, and resumes after the bytes the holder wrote
        area.begin(device, sha, 0, len(data), len(data))
        raise AssertionError("the holder's bytes were dropped")
    except UploadRefused as told:
        assert (told.status, told.offset) == (409, 1000)
    state, part = area.begin(device, sha, 1000, len(data), len(data) - 1000)
    part.close()
    assert (state.offset, state.length) == (1000, len(data))
    storage.close()


def test_a_refused_first_patch_leaves_no_part_file(bureau: BureauServer, device: Workspace) -> None:
    sha = hashlib.sha256(b"never sent").hexdigest()
    claim_blobs(bureau, device, {sha: 10})
    refused = httpx.patch(f"{bureau.url}/uploads/{sha}", content=b"never sent", headers={
        "Authorization": f"Bearer {token_of(device)}", "Upload-Offset": "0"})  # no Upload-Length
    assert refused.status_code == 400
    assert not list((bureau.data_dir / "uploads").iterdir())


def test_a_blob_sent_through_two_server_processes_is_checked_on_the_bytes_stored(tmp_path) -> None:
    """PATCHes of one blob answered by different processes (two BlobAreas here, as two `--workers`): the
    final check reads the finished file, so bytes changed on disk between PATCHes are refused, not stored."""
    import anyio

    from eco_field.bureau.storage import Device, open_storage
    from eco_field.bureau.uploads import BlobArea, UploadRefused

    folder = tmp_path / "bureau"
    storage = open_storage(folder)
    first, second = BlobArea(folder, storage), BlobArea(folder, storage)
    device = Device("dev-1", "14110100001", "laptop", "2026-01-01", None, None)

    async def body(data: bytes):
        yield data

    def patch(area: BlobArea, sha: str, data: bytes, offset: int, piece: bytes):
        state, part = area.begin(device, sha, offset, len(data), len(piece))
        return anyio.run(area.receive, device, sha, state, part, body(piece), ConnectionError)

    good, other = os.urandom(90_000), os.urandom(90_000)
    sha = hashlib.sha256(good).hexdigest()
    claim_in_storage(storage, "dev-1", sha, hashlib.sha256(other).hexdigest())
    assert patch(first, sha, good, 0, good[:30_000]).offset == 30_000
    assert patch(second, sha, good, 30_000, good[30_000:60_000]).offset == 60_000
    assert patch(first, sha, good, 60_000, good[60_000:]).complete
    assert first.store.path_for(sha, "").read_bytes() == good

    sha = hashlib.sha256(other).hexdigest()
    patch(first, sha, other, 0, other[:45_000])
    with open(first.part_path(sha, "dev-1"), "r+b") as part:  # a faulty writer changes committed bytes
        part.write(b"\0" * 100)
    try:
        patch(first, sha, other, 45_000, other[45_000:])
        raise AssertionError("changed bytes were stored under the hash")
    except UploadRefused as refused:
        assert refused.status == 422
    assert sha not in storage.blob_sizes([sha]) and not first.store.path_for(sha, "").exists()
    storage.close()


def test_without_flock_one_patch_per_blob_is_held_within_the_process(tmp_path, monkeypatch) -> None:
    """Windows has no flock, and an open file there cannot be renamed: PartFile's claim within the process
    stands in (run here with fcntl taken away), and a blob still goes through and into the store."""
    import anyio

    from eco_field.bureau import uploads
    from eco_field.bureau.storage import Device, open_storage
    from eco_field.bureau.uploads import BlobArea, UploadRefused

    monkeypatch.setattr(uploads, "fcntl", None)
    folder = tmp_path / "bureau"
    storage = open_storage(folder)
    area = BlobArea(folder, storage)
    device = Device("dev-1", "14110100001", "laptop", "2026-01-01", None, None)
    data = os.urandom(40_000)
    sha = hashlib.sha256(data).hexdigest()
    claim_in_storage(storage, "dev-1", sha)
    state, held = area.begin(device, sha, 0, len(data), len(data))
    try:
        area.begin(device, sha, 0, len(data), len(data))
        raise AssertionError("a second PATCH of the blob was let in")
    except UploadRefused as refused:
        assert refused.status == 423

    async def body():
        yield data

    assert anyio.run(area.receive, device, sha, state, held, body(), ConnectionError).complete
    assert area.store.path_for(sha, "").read_bytes() == data and not area.part_path(sha, "dev-1").exists()
    other = hashlib.sha256(b"refused").hexdigest()
    claim_in_storage(storage, "dev-1", other)
    try:
        area.begin(device, other, 0, None, 7)  # no Upload-Length on a first PATCH
    except UploadRefused as refused:
        assert refused.status == 400
    assert not area.part_path(other, "dev-1").exists()
    state, held = area.begin(device, other, 0, 7, 7)  # the claim was given back with the refusal
    held.close()
    storage.close()
