"""`bureau serve --workers N`: several server processes on PostgreSQL, refused on SQLite; a server process
that dies is replaced and a sync in progress completes."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import pytest

from eco_field.sync.client import run_sync
from tests.sync.conftest import PG_WORKERS, BureauServer, new_inspection, run_cli


def server_processes(server: BureauServer) -> list[int]:
    """The processes answering requests: the children uvicorn spawned (its resource tracker aside)."""
    found = []
    for entry in Path("/proc").iterdir():
        try:
            stat = (entry / "stat").read_text()
            command = (entry / "cmdline").read_bytes()
        except (OSError, ValueError):  # not a process, or gone meanwhile
            continue
        parent = int(stat[stat.rindex(")") + 2:].split()[1])
        if parent == server.proc.pid and b"spawn_main" in command:
            found.append(int(entry.name))
    return found


def test_sqlite_is_served_by_one_process_only(tmp_path: Path) -> None:
    proc = run_cli("bureau", "serve", "--data-dir", str(tmp_path / "b"), "--workers", "2", "--port", "1")
    assert proc.returncode == 2 and "--workers 大于 1 需要 PostgreSQL" in proc.stderr
    proc = run_cli("bureau", "serve", "--data-dir", str(tmp_path / "b"), "--workers", "0", "--port", "1")
    assert proc.returncode == 2 and "--workers 至少为 1" in proc.stderr


def test_a_server_process_killed_is_replaced_and_the_sync_completes(bureau: BureauServer, device_factory) -> None:
    if bureau.backend != "postgresql":
        pytest.skip("several server processes run on PostgreSQL only")
    workers = server_processes(bureau)
    assert len(workers) == PG_WORKERS
    ws = device_factory()
    made = [new_inspection(ws, [os.urandom(120_000) for _ in range(2)]) for _ in range(3)]
    os.kill(workers[0], signal.SIGKILL)  # one process dies; the other keeps answering
    result = run_sync(ws)
    deadline = time.monotonic() + 30
    while len(server_processes(bureau)) < PG_WORKERS and time.monotonic() < deadline:
        time.sleep(0.1)
    replaced = server_processes(bureau)
    assert len(replaced) == PG_WORKERS and workers[0] not in replaced
    assert result["ok"] and result["blobs_sent"] == 6, result
    inspections = {i["id"]: i for i in bureau.read("inspections")}
    assert set(made) <= set(inspections) and all(inspections[i]["complete"] for i in made)
    again = run_sync(ws)  # the replacement process answers too, and nothing is left to send
    assert again["ok"] and again["pushed"] == 0 and again["blobs_sent"] == 0, again
