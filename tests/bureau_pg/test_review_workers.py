"""Review of the part-file lock (`bureau serve --workers`): a PATCH's checks read the blob's state before
its part file is locked, so another PATCH may have committed bytes in between; what was committed must
survive that. And asking where to resume must not fail while another PATCH creates or removes a part file."""

from __future__ import annotations

import hashlib
import os
import threading
import time
from collections.abc import AsyncIterator
from pathlib import Path

import anyio
import pytest

from eco_field.bureau.storage import Device, open_storage
from eco_field.bureau.uploads import BlobArea, UploadRefused, UploadState
from tests.sync.conftest import claim_in_storage

DEVICE = Device("dev-1", "14110100001", "laptop", "2026-01-01", None, None)


class Disconnected(Exception):
    pass


def patch(area: BlobArea, sha: str, offset: int, length: int | None, body: bytes,
          state=...) -> UploadState:
    """One PATCH as the app runs it: begin() (state: the BlobState read with the token check), then receive()."""
    state, part = area.begin(DEVICE, sha, offset, length, len(body), state)
    if part is None:
        return state

    async def pieces() -> AsyncIterator[bytes]:
        yield body

    return anyio.run(area.receive, DEVICE, sha, state, part, pieces(), Disconnected)


@pytest.fixture
def area(tmp_path: Path):
    storage = open_storage(tmp_path / "bureau")
    yield BlobArea(tmp_path / "bureau", storage)  # the device's records name the blobs (claim_in_storage)
    storage.close()


def test_a_patch_checked_before_another_commits_keeps_the_committed_bytes(area: BlobArea) -> None:
    """tus sends Upload-Length with the first PATCH only. A second PATCH whose state was read (no upload
    yet) just before the first one committed its bytes is let in at the committed offset, and the first
    PATCH's bytes stay: they are not taken for a crash's leftovers and thrown away."""
    data = os.urandom(5000)
    sha = hashlib.sha256(data).hexdigest()
    claim_in_storage(area.storage, DEVICE.id, sha)
    read_before = area.storage.blob_states(DEVICE.id, [sha])[sha]
    assert area.state(DEVICE, sha) is None  # the second PATCH's token check and state read
    assert patch(area, sha, 0, len(data), data[:1000]).offset == 1000  # the first PATCH commits meanwhile
    state, part = area.begin(DEVICE, sha, 1000, None, 4000, read_before)
    part.close()
    assert (state.offset, state.length, state.complete) == (1000, 5000, False)
    assert area.part_path(sha, DEVICE.id).read_bytes() == data[:1000]
    assert patch(area, sha, 1000, None, data[1000:]).complete
    assert area.store.verify(sha) == "ok"


def test_a_stale_offset_does_not_wipe_an_upload_begun_again(area: BlobArea) -> None:
    """An upload refused at its end (its bytes did not match) starts again from 0; a PATCH whose state was
    read before that, at the old offset, is told the new offset and leaves the new upload's bytes alone."""
    data = os.urandom(6000)
    sha = hashlib.sha256(data).hexdigest()
    claim_in_storage(area.storage, DEVICE.id, sha)
    assert patch(area, sha, 0, len(data), data[:3000]).offset == 3000
    read_before = area.storage.blob_states(DEVICE.id, [sha])[sha]
    with pytest.raises(UploadRefused) as refused:
        patch(area, sha, 3000, len(data), b"\0" * 3000)  # the wrong bytes: all dropped
    assert refused.value.status == 422
    assert patch(area, sha, 0, len(data), data[:1000]).offset == 1000  # begun again, from 0
    with pytest.raises(UploadRefused) as told:
        area.begin(DEVICE, sha, 3000, len(data), 3000, read_before)
    assert (told.value.status, told.value.offset) == (409, 1000)
    assert area.state(DEVICE, sha).offset == 1000 and area.part_path(sha, DEVICE.id).read_bytes() == data[:1000]


def test_resume_offsets_while_part_files_come_and_go(area: BlobArea) -> None:
    """/blobs/missing reads the size of part files that PATCHes in other threads and processes create and
    remove (a refused first PATCH removes its empty part file; a finished blob's is moved into the store)."""
    sha = hashlib.sha256(b"a photo being refused").hexdigest()
    claim_in_storage(area.storage, DEVICE.id, sha)
    stop, refused = threading.Event(), []

    def refused_first_patches() -> None:
        while not stop.is_set():
            try:
                area.begin(DEVICE, sha, 0, None, 10)  # no Upload-Length: refused, part file removed
            except UploadRefused as exc:
                refused.append(exc.status)

    writer = threading.Thread(target=refused_first_patches)
    writer.start()
    try:
        deadline = time.monotonic() + 3
        while time.monotonic() < deadline:
            assert area.resume_offsets(DEVICE, [sha]) == {sha: (False, 0)}
    finally:
        stop.set()
        writer.join()
    assert refused and set(refused) <= {400, 423}
