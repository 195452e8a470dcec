"""Resumable blob uploads in the manner of tus 1.0: the server's committed offset is the truth.

A PATCH carries Upload-Offset (where its bytes start) and Upload-Length (the blob's size, needed on the
first one). Bytes are appended to DATA/uploads/<sha>.part, fsynced, and the committed offset recorded;
a cut connection keeps what arrived. When the last byte is in, the SHA-256 of the whole file is checked
and only a match enters the blob store; a mismatch is deleted and refused.

An upload session belongs to its device: each device uploading a blob has its own part file
(DATA/uploads/<sha>.<device id>.part) and upload row, so another device's PATCH or HEAD of the same hash
never touches it, and only the bytes of a session that hash-check enter the shared store. A device learns
only about blobs its own records name, and uploads only those: for any other hash the bureau answers as for
an unknown blob (no size, no "complete", no other device's offset; a PATCH is refused with 404). Sessions not written to for the expiry (a setting, 7 days
by default) are removed with their part files (sweep_expired); a revoked device's sessions end (its next
commit is refused, and `bureau revoke` removes them).

One PATCH of a session at a time: the part file is locked (flock) for the whole PATCH, so the rule holds
across the server's processes (`bureau serve --workers`); a second PATCH is refused with 423 and retries.
"""

from __future__ import annotations

import hashlib
import os
import re
import threading
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import EllipsisType
from typing import Any, BinaryIO

import anyio

from eco_field.atomicfile import fsync_dir
from eco_field.bureau.refusals import Refusal
from eco_field.bureau.storage import BlobState, BureauStorage, Device, Upload
from eco_field.clock import utc_now
from eco_field.store.blobs import BlobStore

try:
    import fcntl
except ImportError:  # Windows (see PartFile)
    fcntl = None

MAX_BLOB_BYTES = 1024 ** 3          # 1 GiB: no photo, PDF or instrument export comes near it
MAX_CHUNK_BYTES = 64 * 1024 ** 2    # one PATCH body at most
SHA256_RE = re.compile(r"\A[0-9a-f]{64}\Z")  # \Z: a trailing newline does not pass (as $ would let it)
DEFAULT_EXPIRY_DAYS = 7
BUSY = "bureau.refused.upload_busy"


class UploadRefused(Refusal):
    """An upload refused with its status (and the committed offset, when there is one); code: refusals.*.json."""

    def __init__(self, status: int, code: str, offset: int | None = None, **params: Any) -> None:
        super().__init__(code, **params)
        self.status, self.offset = status, offset


@dataclass
class UploadState:
    offset: int
    length: int
    complete: bool


class BlobArea:
    """The bureau's blob store and the devices' partial uploads, in one data folder."""

    def __init__(self, data_dir: Path, storage: BureauStorage) -> None:
        self.store = BlobStore(data_dir / "blobs")
        self.parts = data_dir / "uploads"
        self.parts.mkdir(parents=True, exist_ok=True)
        self.storage = storage

    def part_path(self, sha256: str, device_id: str) -> Path:
        return self.parts / f"{sha256}.{device_id}.part"

    def state(self, device: Device, sha256: str) -> UploadState | None:
        return upload_state(self.storage.blob_states(device.id, [check_sha(sha256)])[sha256])

    def resume_offsets(self, device: Device, hashes: list[str]) -> dict[str, tuple[bool, int]]:
        """(complete, where this device should resume) of each blob: complete only for a stored blob its own
        records name. Bytes of a first PATCH cut off before its upload row was written still count: they are
        on disk, and begin() takes them up (see _reconcile)."""
        found = {}
        for sha, blob in self.storage.blob_states(device.id, hashes).items():
            state = upload_state(blob)
            found[sha] = ((state.complete, state.offset) if state is not None
                          else (False, self._part_size(sha, device.id)))
        return found

    def begin(self, device: Device, sha256: str, offset: int, length: int | None,
              content_length: int | None, blob: BlobState | EllipsisType = ...
              ) -> tuple[UploadState, PartFile | None]:
        """Check a PATCH before reading its body; refuses without reading what it would not keep.
        blob: the blob's state for this device if the caller has read it (with the token check), else it is
        read here. Returns the state and, unless the blob is complete, the device's part file positioned at
        the committed offset and held for this PATCH: hand it to receive(), which closes it."""
        if blob is ...:
            blob = self.storage.blob_states(device.id, [sha256])[sha256]
        if not blob.named:  # the same answer whether or not the bureau holds it (no oracle, no stray files)
            raise UploadRefused(404, "bureau.refused.blob_unknown")
        state = upload_state(blob)
        if state is not None and state.complete:
            return state, None
        part = PartFile(self.part_path(sha256, device.id))
        try:
            finished = self._recover_finished(device, sha256, part)
            if finished is not None:
                part.close()
                return finished, None
            if not _agrees(state, part.size()):
                # state was read before the lock: another PATCH of this device may have committed bytes
                # since, and its bytes are not a crash's leftovers to reconcile away
                state = self.state(device, sha256)
                if state is not None and state.complete:
                    part.abandon()
                    return state, None
            state = self._admit(device, sha256, part, state, offset, length, content_length)
            part.file.truncate(state.offset)  # bytes past the committed offset were never acknowledged
            part.file.seek(state.offset)
            return state, part
        except BaseException:
            part.abandon()
            raise

    def _admit(self, device: Device, sha256: str, part: PartFile, state: UploadState | None, offset: int,
               length: int | None, content_length: int | None) -> UploadState:
        state = self._reconcile(device, sha256, part, state, length)
        if state is None:
            if length is None:
                raise UploadRefused(400, "bureau.refused.first_patch_length")
            if length > MAX_BLOB_BYTES or length < 0:
                raise UploadRefused(413, "bureau.refused.blob_too_large", length=length, max=MAX_BLOB_BYTES)
            state = UploadState(0, length, False)
        elif length is not None and length != state.length:
            raise UploadRefused(409, "bureau.refused.length_differs", state.offset, length=length,
                                expected=state.length)
        if offset != state.offset:
            raise UploadRefused(409, "bureau.refused.offset_differs", state.offset, at=offset,
                                expected=state.offset)
        if content_length is not None and (content_length > MAX_CHUNK_BYTES
                                           or offset + content_length > state.length):
            raise UploadRefused(413, "bureau.refused.chunk_too_large", state.offset, size=content_length)
        return state  # the upload row is written with the first committed bytes (one write per small blob)

    async def receive(self, device: Device, sha256: str, state: UploadState, part: PartFile,
                      body: AsyncIterator[bytes], disconnected: type[BaseException]) -> UploadState:
        """Append the body to begin()'s part file at the committed offset; commit what arrived even if the
        client is cut off. The part file is closed (its lock released) whatever happens.

        The disk waits (fsync, the final hash check and rename) run on a worker thread, so one upload's
        fsync does not hold up the others.
        """
        try:
            limit = min(MAX_CHUNK_BYTES, state.length - state.offset)
            received = 0
            try:
                async for piece in body:
                    if received + len(piece) > limit:
                        raise UploadRefused(413, "bureau.refused.chunk_longer", state.offset, limit=limit)
                    part.file.write(piece)
                    received += len(piece)
            except disconnected:
                pass
        except BaseException:
            try:
                await anyio.to_thread.run_sync(part.sync)
            finally:
                part.close()  # even when the hop was cancelled before it ran
            raise
        return await anyio.to_thread.run_sync(self._close_and_commit, part, device, sha256, state, received)

    def _close_and_commit(self, part: PartFile, device: Device, sha256: str, state: UploadState,
                          received: int) -> UploadState:
        """One worker-thread hop for the end of a PATCH: the bytes reach the disk, then their offset is
        recorded (or the blob checked and stored); the part file is held until then."""
        try:
            part.sync()
            return self._commit(device, sha256, state, received, part)
        finally:
            part.close()

    def _commit(self, device: Device, sha256: str, state: UploadState, received: int,
                part: PartFile) -> UploadState:
        offset = state.offset + received
        if offset < state.length:
            if not self.storage.put_upload(Upload(sha256, state.length, offset, device.id), utc_now()):
                self._end_revoked(device, sha256, part)
            return UploadState(offset, state.length, False)
        # the check reads the finished file itself: the bytes that enter the store are the bytes checked,
        # whichever PATCHes, processes and restarts wrote them (one read, from the page cache)
        if part.sha256() != sha256:
            part.remove()
            self.storage.drop_upload(sha256, device.id)
            raise UploadRefused(422, "bureau.refused.sha_mismatch", 0)
        final = self.store.path_for(sha256, "")
        final.parent.mkdir(parents=True, exist_ok=True)
        part.move_to(final)  # the same bytes as any file already there: its name is their hash
        fsync_dir(final.parent)
        # the row (the blob counts as stored) only for a device not revoked meanwhile; a file without a row
        # is harmless (see docs/bureau-storage.md): the blob counts as missing
        if not self.storage.put_blob(sha256, state.length, device.id, utc_now()):
            raise UploadRefused(403, "bureau.refused.revoked_not_kept")
        return UploadState(state.length, state.length, True)

    def _end_revoked(self, device: Device, sha256: str, part: PartFile) -> None:
        part.remove()
        self.storage.drop_upload(sha256, device.id)
        raise UploadRefused(403, "bureau.refused.revoked_ended")

    def _recover_finished(self, device: Device, sha256: str, part: PartFile) -> UploadState | None:
        """A blob renamed into the store just before a crash, its row not yet committed: the file is the
        proof (its name is its hash, checked again here), so record it instead of asking for it again.
        Only for a blob the device's own records name (begin): no other device learns the file is there."""
        final = self.store.path_for(sha256, "")
        if not final.is_file() or self.store.verify(sha256) != "ok":
            return None
        size = final.stat().st_size
        if not self.storage.put_blob(sha256, size, device.id, utc_now()):
            raise UploadRefused(403, "bureau.refused.revoked")
        part.remove()
        return UploadState(size, size, True)

    def _reconcile(self, device: Device, sha256: str, part: PartFile, state: UploadState | None,
                   length: int | None) -> UploadState | None:
        """Match the committed offset to the (locked) partial file after a crash.

        Bytes written before the server died count (as in tus: the server keeps what it received), so a
        cut costs at most what was still in flight; the full hash check at the end catches anything a
        machine crash may have garbled. A partial file shorter than its offset starts the blob again.
        """
        size = part.size()
        known = state.length if state is not None else length
        if _agrees(state, size):
            return state
        if known is None or known > MAX_BLOB_BYTES or (state is not None and size < state.offset):
            self.storage.drop_upload(sha256, device.id)
            part.file.truncate(0)
            return None
        offset = min(size, known)
        if not self.storage.put_upload(Upload(sha256, known, offset, device.id), utc_now()):
            self._end_revoked(device, sha256, part)
        return UploadState(offset, known, False)

    def _part_size(self, sha256: str, device_id: str) -> int:
        try:  # one stat: a PATCH in another thread or process may remove the file at any moment
            return self.part_path(sha256, device_id).stat().st_size
        except FileNotFoundError:
            return 0

    def end_sessions(self, uploads: list[Upload]) -> int:
        """Remove these sessions: their part files (each taken from any PATCH first; a session busy right
        now is left for the next sweep) and rows. Returns how many were removed."""
        removed = 0
        for upload in uploads:
            try:
                part = PartFile(self.part_path(upload.sha256, upload.device_id), create=False)
            except UploadRefused:
                continue  # a PATCH holds it: the next sweep
            except FileNotFoundError:
                part = None
            try:
                if part is not None:
                    part.remove()
                self.storage.drop_upload(upload.sha256, upload.device_id)
                removed += 1
            finally:
                if part is not None:
                    part.close()
        return removed

    def sweep_expired(self, days: float = DEFAULT_EXPIRY_DAYS) -> int:
        """End the sessions not written to for `days`, and remove part files no session owns that are as old
        (a first PATCH cut before its row, the layout before sessions were per device)."""
        cutoff = datetime.now(UTC) - timedelta(days=days)
        removed = self.end_sessions(self.storage.stale_uploads(cutoff.isoformat(timespec="seconds")))
        # a live session's file is never an orphan, whatever its mtime (session times are kept to the second,
        # file times are not: a session written this second is not stale but its file may look older)
        live = {self.part_path(u.sha256, u.device_id).name for u in self.storage.stale_uploads(_END_OF_TIME)}
        for path in self.parts.glob("*.part"):
            if path.name in live:
                continue
            try:
                if path.stat().st_mtime < cutoff.timestamp():
                    path.unlink()
                    removed += 1
            except FileNotFoundError:
                pass
        return removed

    def end_device(self, device_id: str) -> int:
        """End every upload session of a device (it was revoked)."""
        return self.end_sessions(self.storage.stale_uploads("", device_id))


_END_OF_TIME = "9999-12-31T23:59:59+00:00"  # later than every session's updated_at


def upload_state(blob: BlobState) -> UploadState | None:
    """A device's view of a blob: complete if stored, else its own session; None (as for an unknown blob)
    when no record of its own names it."""
    if not blob.named:
        return None
    if blob.stored is not None:
        return UploadState(blob.stored, blob.stored, True)
    if blob.upload is not None:
        return UploadState(blob.upload.committed, blob.upload.size, False)
    return None


def _agrees(state: UploadState | None, size: int) -> bool:
    """Whether a part file of size bytes is what the upload's state says was committed."""
    return size == 0 if state is None else size == state.offset


class PartFile:
    """A blob's part file, open and held by one PATCH until close(). On POSIX the hold is an flock on the
    file, so it holds across the server's processes and the operating system drops it if the process dies;
    a second PATCH is refused (423) and retries. On Windows, where an open file can be neither renamed nor
    removed and the bureau runs one process, it is a claim within the process, taken before the file is
    opened, and the file is closed before it is moved or removed (the claim lasts until close())."""

    _claimed: set[str] = set()  # Windows: the part files held in this process
    _guard = threading.Lock()

    def __init__(self, path: Path, *, create: bool = True) -> None:
        self.path = path
        self._claim()
        try:
            flags = os.O_RDWR | (os.O_CREAT if create else 0) | getattr(os, "O_BINARY", 0)
            self.file: BinaryIO = os.fdopen(os.open(path, flags, 0o644), "r+b")
            try:
                self._lock()
            except BaseException:
                self.file.close()
                raise
        except BaseException:
            self._unclaim()
            raise

    def _claim(self) -> None:
        if fcntl is None:
            with self._guard:
                if str(self.path) in self._claimed:
                    raise UploadRefused(423, BUSY)
                self._claimed.add(str(self.path))

    def _unclaim(self) -> None:
        if fcntl is None:
            with self._guard:
                self._claimed.discard(str(self.path))

    def _lock(self) -> None:
        if fcntl is None:
            return
        try:
            fcntl.flock(self.file.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise UploadRefused(423, BUSY) from None
        try:
            same = os.path.samestat(os.fstat(self.file.fileno()), self.path.stat())
        except FileNotFoundError:
            same = False
        if not same:  # between our open and our lock, the PATCH holding it moved the file into the store
            raise UploadRefused(423, "bureau.refused.upload_changed")

    def size(self) -> int:
        return os.fstat(self.file.fileno()).st_size

    def sync(self) -> None:
        self.file.flush()
        os.fsync(self.file.fileno())

    def sha256(self) -> str:
        self.file.seek(0)
        return hashlib.file_digest(self.file, "sha256").hexdigest()

    def remove(self) -> None:
        if fcntl is None:
            self.file.close()
        self.path.unlink(missing_ok=True)

    def move_to(self, target: Path) -> None:
        if fcntl is None:
            self.file.close()
        os.replace(self.path, target)

    def close(self) -> None:
        try:
            self.file.close()
        finally:
            self._unclaim()

    def abandon(self) -> None:
        """Close without handing the file on; an empty one (a refused first PATCH) is removed first,
        while still held."""
        try:
            if self.size() == 0:
                self.remove()
        finally:
            self.close()


def check_sha(sha256: str) -> str:
    if not isinstance(sha256, str) or not SHA256_RE.match(sha256):
        raise UploadRefused(400, "bureau.refused.bad_sha")
    return sha256
