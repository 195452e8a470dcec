"""Sync benchmark: inspections with photos pushed to a real bureau server on 127.0.0.1.

Prints throughput (MB/s), bytes on the wire versus payload (target <= 1.05x), the bytes re-sent after the
server is killed half-way through (target <= one chunk), and the same files sent by plain HTTP PUT to the
same server in the same run (target: sync >= 0.8x its throughput).

    python bench/sync.py                      # 200 inspections, 1,000 photos of ~2 MB (about 2 GB)
    python bench/sync.py --inspections 10 --photos 50 --photo-mb 1   # a quick run
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

from eco_field import demo
from eco_field.bureau import admin, auth
from eco_field.bureau.storage import open_storage
from eco_field.store import evidence_rows, inspections
from eco_field.store.blobs import file_sha256
from eco_field.store.database import write_transaction
from eco_field.sync.client import run_sync
from eco_field.sync.enrol import enroll
from eco_field.workspace import Workspace

OFFICER = "14110100001"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    def __init__(self, data_dir: Path, port: int | None = None) -> None:
        self.data_dir, self.port, self.proc = data_dir, port or free_port(), None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> Server:
        command = [sys.executable, "-m", "eco_field", "bureau", "serve", "--data-dir", str(self.data_dir),
                   "--host", "127.0.0.1", "--port", str(self.port), "--plain-put"]
        self.proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for _ in range(600):
            try:
                if httpx.get(f"{self.url}/health", timeout=1).status_code == 200:
                    return self
            except httpx.HTTPError:
                time.sleep(0.05)
        raise RuntimeError("bureau server did not start")

    def kill(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(timeout=30)


def new_bureau(folder: Path) -> Server:
    storage = open_storage(folder)
    admin.seed_demo(storage)
    storage.close()
    return Server(folder).start()


def enrol(ws: Workspace, server: Server) -> None:
    storage = open_storage(server.data_dir)
    code = auth.new_enroll_code(storage, OFFICER)["code"]
    storage.close()
    enroll(ws, server.url, code, "bench")


def make_field_data(ws: Workspace, n_inspections: int, n_photos: int, photo_bytes: int) -> list[Path]:
    """Inspections with incompressible photo-sized blobs, spread evenly; returns the blob files."""
    enterprise_ids = [r[0] for r in ws.db.execute("SELECT id FROM enterprises WHERE county = '离石区'")]
    paths = []
    for i in range(n_inspections):
        insp = inspections.create(ws.db, enterprise_ids[i % len(enterprise_ids)], [OFFICER, "14110100002"])
        count = n_photos // n_inspections + (1 if i < n_photos % n_inspections else 0)
        with write_transaction(ws.db):
            for p in range(count):
                size = photo_bytes + (os.getpid() + i * 7919 + p * 104729) % (photo_bytes // 10 or 1)
                ref = ws.blobs.put_bytes(os.urandom(size), "jpg")
                evidence_rows.link_evidence(ws.db, insp.id, ref, "photo", f"IMG_{i:03d}_{p:02d}.jpg")
                paths.append(ref.path)
    return paths


def outbox_payload_bytes(ws: Workspace) -> int:
    return ws.db.execute("SELECT coalesce(sum(length(CAST(payload_json AS BLOB))), 0) FROM outbox").fetchone()[0]


def plain_put(server: Server, token: str, paths: list[Path]) -> float:
    """Seconds to PUT every file once, one request per file, on one kept-alive connection."""
    with httpx.Client(base_url=server.url, headers={"Authorization": f"Bearer {token}"}, timeout=120) as client:
        start = time.perf_counter()
        for path in paths:
            response = client.put(f"/plain/{path.name}", content=path.read_bytes())
            response.raise_for_status()
        return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--inspections", type=int, default=200)
    parser.add_argument("--photos", type=int, default=1000)
    parser.add_argument("--photo-mb", type=float, default=2.0)
    parser.add_argument("--chunk-mb", type=float, default=4.0)
    parser.add_argument("--keep", action="store_true", help="keep the temporary folders")
    args = parser.parse_args()
    chunk = int(args.chunk_mb * 1024 ** 2)
    root = Path(tempfile.mkdtemp(prefix="eco-sync-bench-"))
    servers: list[Server] = []
    try:
        return run(args, root, chunk, servers)
    finally:
        for server in servers:
            server.stop()
        if not args.keep:
            shutil.rmtree(root, ignore_errors=True)


def run(args: argparse.Namespace, root: Path, chunk: int, servers: list[Server]) -> int:
    ws = Workspace.open(root / "laptop", create=True)
    demo.seed(ws)
    print(f"making {args.inspections} inspections with {args.photos} photos of ~{args.photo_mb} MB ...", flush=True)
    paths = make_field_data(ws, args.inspections, args.photos, int(args.photo_mb * 1024 ** 2))
    blob_bytes = sum(p.stat().st_size for p in paths)
    payload = blob_bytes + outbox_payload_bytes(ws)

    first = new_bureau(root / "bureau-1")
    servers.append(first)
    enrol(ws, first)
    start = time.perf_counter()
    result = run_sync(ws, chunk_size=chunk)
    sync_s = time.perf_counter() - start
    assert result["ok"] and result["blobs_sent"] == len(paths), result
    wire = result["bytes_sent"] + result["bytes_received"]
    token = ws.db.execute("SELECT value FROM sync_state WHERE key = 'token'").fetchone()[0]
    put_s = plain_put(first, token, paths)

    cut = cut_and_resume(ws, root, chunk, paths, servers)
    mb = blob_bytes / 1e6
    print(f"payload: {len(paths)} photos, {mb:.1f} MB of blobs + {payload - blob_bytes} B of records")
    print(f"sync:      {sync_s:.2f} s  {mb / sync_s:.1f} MB/s  (records pushed {result['pushed']})")
    print(f"plain PUT: {put_s:.2f} s  {mb / put_s:.1f} MB/s")
    print(f"sync / plain PUT throughput: {put_s / sync_s:.2f}x  (target >= 0.8x)")
    print(f"wire / payload: {wire / payload:.4f}x  (wire {wire} B, payload {payload} B; target <= 1.05x)")
    print(f"cut at {cut['cut_fraction']:.0%} of the blob bytes: re-sent {cut['resent']} B "
          f"(one chunk = {chunk} B; target <= one chunk); every blob stored and hash-checked after resume: {cut['complete']}")
    return 0


def cut_and_resume(ws: Workspace, root: Path, chunk: int, paths: list[Path], servers: list[Server]) -> dict:
    """A second bureau, killed (SIGKILL) half-way through the same upload, restarted, synced again."""
    blob_bytes = sum(p.stat().st_size for p in paths)
    second = new_bureau(root / "bureau-2")
    servers.append(second)
    enrol(ws, second)  # a new bureau: every blob is sent again
    killed: list[int] = []

    def kill_half_way(stage: str, done: int, _total) -> None:
        if stage == "blobs" and not killed and done >= blob_bytes // 2:
            second.kill()  # SIGKILL while both upload streams are mid-transfer
            killed.append(done)

    first = run_sync(ws, progress=kill_half_way, chunk_size=chunk)
    second.start()
    resumed = run_sync(ws, chunk_size=chunk)
    assert resumed["ok"], resumed
    sent = first["blob_bytes_sent"] + resumed["blob_bytes_sent"]
    complete = all(file_sha256(second.data_dir / "blobs" / p.name[:2] / p.stem) == p.stem for p in paths)
    return {"cut_fraction": first["blob_bytes_sent"] / blob_bytes, "resent": sent - blob_bytes,
            "complete": complete, "first_ok": first["ok"]}


if __name__ == "__main__":
    sys.exit(main())
