"""A real bureau server process on 127.0.0.1 (started, killed, restarted) and enrolled device workspaces."""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

from eco_field import demo
from eco_field.bureau import admin, auth, readouts
from eco_field.bureau.storage import BureauStorage, open_storage
from eco_field.sync.enrol import enroll
from eco_field.workspace import Workspace

HOST = "127.0.0.1"
START_TIMEOUT_S = 30.0
PG_WORKERS = 2  # server processes on PostgreSQL (`bureau serve --workers`)


def eco_field_command() -> list[str]:
    exe = shutil.which("eco-field")
    return [exe] if exe else [sys.executable, "-m", "eco_field"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def run_cli(*args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("ECO_FIELD_HOME", "ECO_BUREAU_HOME")}
    return subprocess.run([*eco_field_command(), *args], capture_output=True, text=True, encoding="utf-8",
                          timeout=timeout, env=env)


class BureauServer:
    """`eco-field bureau serve` in a subprocess, on a free port of 127.0.0.1 (SQLite in the data folder,
    or the PostgreSQL database at db_url, passed as --db to the server and every admin command). On
    PostgreSQL it runs PG_WORKERS server processes (`--workers`), whatever this machine's CPU count, so
    every test of the suite meets requests answered by different processes; kill() stops them all."""

    def __init__(self, data_dir: Path, db_url: str | None = None) -> None:
        self.data_dir = data_dir
        self.db_url = db_url
        self.port = free_port()
        self.proc: subprocess.Popen | None = None

    @property
    def backend(self) -> str:
        return "postgresql" if self.db_url else "sqlite"

    def db_args(self) -> list[str]:
        return ["--db", self.db_url] if self.db_url else []

    def workers_args(self) -> list[str]:
        return ["--workers", str(PG_WORKERS)] if self.db_url else []

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.port}"

    def admin(self, *args: str) -> subprocess.CompletedProcess[str]:
        return run_cli("bureau", *args, "--data-dir", str(self.data_dir), *self.db_args())

    def admin_json(self, *args: str):
        proc = self.admin(*args, "--json")
        assert proc.returncode == 0, proc.stderr
        return json.loads(proc.stdout)

    def start(self) -> BureauServer:
        self.proc = subprocess.Popen(
            [*eco_field_command(), "bureau", "serve", "--data-dir", str(self.data_dir), "--host", HOST,
             "--port", str(self.port), *self.db_args(), *self.workers_args()], stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE, start_new_session=True)
        deadline = time.monotonic() + START_TIMEOUT_S
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"bureau server exited: {self.proc.stderr.read().decode(errors='replace')}")
            try:
                if httpx.get(f"{self.url}/health", timeout=1).status_code == 200:
                    return self
            except httpx.HTTPError:
                time.sleep(0.05)
        raise RuntimeError("bureau server did not become ready")

    def kill(self) -> None:
        """SIGKILL to every server process: no chance to tidy up, as when the machine loses power."""
        if self.proc and self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait(timeout=10)

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.kill()
        if self.proc and self.proc.stderr:
            self.proc.stderr.close()

    def database_bytes(self) -> bytes:
        """Everything the bureau's database holds: the SQLite files, or every PostgreSQL row as text."""
        if self.db_url is None:
            return b"".join(p.read_bytes() for p in self.data_dir.glob("bureau.db*"))
        import psycopg

        with psycopg.connect(self.db_url, autocommit=True) as conn:
            tables = [r[0] for r in conn.execute("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")]
            return "".join(str(conn.execute(f'SELECT * FROM "{t}"').fetchall()) for t in tables).encode()

    @contextmanager
    def storage(self) -> Iterator[BureauStorage]:
        """The bureau's storage opened in this process (beside the running server), for speed."""
        storage = open_storage(self.data_dir, self.db_url)
        try:
            yield storage
        finally:
            storage.close()

    def read(self, name: str) -> list[dict]:
        """A read-out (inspections, evidence, documents, devices, conflicts) as `bureau NAME --json` gives it."""
        with self.storage() as storage:
            return json.loads(json.dumps(getattr(readouts, name)(storage), default=str))

    def code(self, officer: str) -> str:
        with self.storage() as storage:
            return auth.new_enroll_code(storage, officer)["code"]


@pytest.fixture(params=["sqlite", "postgresql"])
def bureau_db(request, monkeypatch):
    """None for SQLite; for PostgreSQL the URL of an empty schema of its own (ECO_FIELD_TEST_PG_URL's
    server, or a throwaway cluster; skipped when neither), also in ECO_BUREAU_DB for in-process storage."""
    if request.param == "sqlite":
        yield None
        return
    from tests.bureau_pg.cluster import SKIP_REASON, drop_schema, fresh_schema, shared_server

    server = shared_server()
    if server is None:
        pytest.skip(SKIP_REASON)
    schema, url = fresh_schema(server)
    monkeypatch.setenv("ECO_BUREAU_DB", url)
    yield url
    drop_schema(server, schema)


@pytest.fixture
def bureau(tmp_path: Path, bureau_db):
    """A demo bureau, running (once on SQLite, once on PostgreSQL)."""
    server = BureauServer(tmp_path / "bureau", bureau_db)
    with server.storage() as storage:  # `bureau init --demo` itself is run in test_flow_cli
        admin.seed_demo(storage)
    server.start()
    yield server
    server.stop()


@pytest.fixture
def device_factory(tmp_path: Path, bureau: BureauServer):
    """make(officer, name, seed=True) -> an enrolled Workspace in its own data folder."""
    opened: list[Workspace] = []

    def make(officer: str = "14110100001", name: str = "a", seed: bool = True) -> Workspace:
        ws = Workspace.open(tmp_path / f"device-{name}", create=True)
        if seed:
            demo.seed(ws)
        enroll(ws, bureau.url, bureau.code(officer), f"laptop {name}")
        opened.append(ws)
        return ws

    yield make
    for ws in opened:
        ws.db.conn.close()


@pytest.fixture
def device(device_factory) -> Workspace:
    """An enrolled demo laptop of 王建国 (14110100001, 离石区)."""
    return device_factory()


def token_of(ws: Workspace) -> str:
    return ws.db.execute("SELECT value FROM sync_state WHERE key = 'token'").fetchone()[0]


def device_id_of(ws: Workspace) -> str:
    return ws.db.execute("SELECT value FROM sync_state WHERE key = 'device_id'").fetchone()[0]


def enterprise_in(ws: Workspace, county: str) -> str:
    return ws.db.execute("SELECT id FROM enterprises WHERE county = ? ORDER BY name LIMIT 1", [county]).fetchone()[0]


LISHI_OFFICERS = ["14110100001", "14110100002"]


def new_inspection(ws: Workspace, photos: list[bytes] = (), county: str = "离石区",
                   officers: list[str] = LISHI_OFFICERS) -> str:
    """A draft inspection with the given photos as evidence, made through the store services."""
    from eco_field.store import evidence_rows, inspections
    from eco_field.store.database import write_transaction

    insp = inspections.create(ws.db, enterprise_in(ws, county), officers)
    with write_transaction(ws.db):
        for index, data in enumerate(photos):
            ref = ws.blobs.put_bytes(data, "jpg")
            evidence_rows.link_evidence(ws.db, insp.id, ref, "photo", f"IMG_{index:04d}.jpg")
    return insp.id


def raw_push(bureau: BureauServer, ws: Workspace, entries: list[dict]) -> httpx.Response:
    """POST /push of these entries as ws (entries as the device would send them)."""
    return httpx.post(f"{bureau.url}/push", json={"entries": entries},
                      headers={"Authorization": f"Bearer {token_of(ws)}"}, timeout=30)


def evidence_entry(inspection_id: str, sha: str, size: int, name: str = "IMG.jpg", kind: str = "photo",
                   evidence_id: str | None = None) -> dict:
    import uuid

    return {"entry_id": str(uuid.uuid4()), "entity": "evidence", "entity_id": evidence_id or str(uuid.uuid4()),
            "op": "import", "revision": None,
            "payload": {"inspection_id": inspection_id, "sha256": sha, "size": size, "kind": kind,
                        "original_name": name}}


def claim_blobs(bureau: BureauServer, ws: Workspace, sizes: dict[str, int]) -> str:
    """Evidence records of ws naming these blobs (sha -> size), on a new synced inspection: a device may
    upload only blobs its own records name. Returns the inspection id."""
    from eco_field.store.database import write_transaction  # noqa: F401  (the client's own path below)
    from eco_field.sync.client import connect
    from eco_field.sync.push import push_outbox

    inspection_id = new_inspection(ws)
    with connect(ws) as conn:
        push_outbox(ws.db, conn)
    answer = raw_push(bureau, ws, [evidence_entry(inspection_id, sha, size) for sha, size in sizes.items()])
    assert answer.status_code == 200 and all(r["status"] == "applied" for r in answer.json()["results"]), answer.text
    return inspection_id


def claim_in_storage(storage: BureauStorage, device_id: str, *hashes: str, officer: str = "14110100001",
                     unit: str = "离石区") -> None:
    """In-process: a live device (added when missing) whose own evidence records name these blobs."""
    from eco_field.bureau.storage import Record

    now = "2026-01-01T00:00:00+00:00"
    with storage.transaction():
        if officer not in {o["cert_no"] for o in storage.officers()}:
            storage.put_officer(officer, "王建国", [unit])
        if storage.device(device_id) is None:
            storage.add_device(device_id, officer, device_id, f"token-of-{device_id}", now)
        rows = []
        for sha in hashes:
            evidence_id = f"ev-{device_id}-{sha[:16]}"
            storage.put_record(Record("evidence", evidence_id, None, unit, {"sha256": sha, "kind": "photo"},
                                      origin_device=device_id, sha256=sha, updated_at=now))
            rows.append((f"entry-{evidence_id}", "digest", "evidence", evidence_id, {"status": "applied"}))
        storage.put_entries(device_id, rows, now)


def inspection_entry(enterprise_id: str, inspection_id: str | None = None, *, op: str = "create",
                     revision: int = 1, entry_id: str | None = None, **fields) -> dict:
    """A whole inspection as store/inspections.snapshot pushes it (a draft of two 离石区 officers)."""
    import uuid

    inspection_id = inspection_id or str(uuid.uuid4())
    payload = {"id": inspection_id, "enterprise_id": enterprise_id, "officers": LISHI_OFFICERS,
               "started_at": "2026-06-01T09:30:00+08:00", "ended_at": None, "place": "厂区", "task_id": None,
               "party": {"name": "", "title": "", "phone": "", "present": False}, "checklist": {},
               "findings": [], "status": "draft", "amends_id": None, "seal_hash": None, "sealed_at": None,
               "revision": revision, "created_at": "2026-06-01T01:30:00+00:00",
               "updated_at": "2026-06-01T01:30:00+00:00", **fields}
    return {"entry_id": entry_id or str(uuid.uuid4()), "entity": "inspection", "entity_id": inspection_id,
            "op": op, "revision": revision, "payload": payload}
