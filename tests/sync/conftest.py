"""A real bureau server process on 127.0.0.1 (started, killed, restarted) and enrolled device workspaces."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from eco_field import demo
from eco_field.sync.enrol import enroll
from eco_field.workspace import Workspace

HOST = "127.0.0.1"
START_TIMEOUT_S = 30.0


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
    """`eco-field bureau serve` in a subprocess, on a free port of 127.0.0.1."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self.port = free_port()
        self.proc: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.port}"

    def admin(self, *args: str) -> subprocess.CompletedProcess[str]:
        return run_cli("bureau", *args, "--data-dir", str(self.data_dir))

    def admin_json(self, *args: str):
        proc = self.admin(*args, "--json")
        assert proc.returncode == 0, proc.stderr
        return json.loads(proc.stdout)

    def start(self) -> BureauServer:
        self.proc = subprocess.Popen(
            [*eco_field_command(), "bureau", "serve", "--data-dir", str(self.data_dir), "--host", HOST,
             "--port", str(self.port)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
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
        """SIGKILL: no chance to tidy up, as when the machine loses power."""
        if self.proc and self.proc.poll() is None:
            self.proc.kill()
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

    def code(self, officer: str) -> str:
        return self.admin_json("enroll-code", "--officer", officer)["code"]


@pytest.fixture
def bureau(tmp_path: Path):
    """A demo bureau, running."""
    server = BureauServer(tmp_path / "bureau")
    init = server.admin("init", "--demo")
    assert init.returncode == 0, init.stderr
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
