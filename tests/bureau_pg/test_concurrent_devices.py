"""Several client processes syncing with one bureau at once: every record and blob arrives exactly once.

Each device is synced by its own `eco-field sync` process; one device by two processes at the same time
(a retry racing the first attempt); two devices hold the same photo. Run on SQLite and on PostgreSQL.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
from collections import Counter

from eco_field.workspace import Workspace
from tests.sync.conftest import BureauServer, eco_field_command, new_inspection

DEVICES = (("14110100001", "a"), ("14110100002", "b"), ("14110100001", "c"))


def _sync_process(ws: Workspace) -> subprocess.Popen:
    env = {k: v for k, v in os.environ.items() if k not in ("ECO_FIELD_HOME", "ECO_BUREAU_HOME")}
    return subprocess.Popen([*eco_field_command(), "sync", "--json", "--data-dir", str(ws.data_dir),
                             "--chunk-mb", "0.25"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, encoding="utf-8", env=env)


def test_devices_syncing_at_once_store_every_record_and_blob_once(bureau: BureauServer, device_factory) -> None:
    shared_photo = os.urandom(300_000)
    made: dict[str, set[str]] = {}
    photos: set[str] = {hashlib.sha256(shared_photo).hexdigest()}
    workspaces = []
    for index, (officer, name) in enumerate(DEVICES):
        ws = device_factory(officer, name)
        workspaces.append(ws)
        for inspection in range(3):
            data = [os.urandom(200_000 + 1000 * inspection) for _ in range(3)]
            if inspection == 0 and index < 2:
                data.append(shared_photo)
            photos |= {hashlib.sha256(d).hexdigest() for d in data}
            made.setdefault(name, set()).add(new_inspection(ws, data))

    # every device at once, and the first one twice over
    processes = [_sync_process(ws) for ws in workspaces] + [_sync_process(workspaces[0])]
    outcomes = [(p.communicate(timeout=300), p.returncode) for p in processes]
    for (out, err), code in outcomes:
        assert code == 0, err
        assert json.loads(out)["ok"], out

    for ws in workspaces:  # a second round finds nothing left to send
        again = subprocess.run([*eco_field_command(), "sync", "--json", "--data-dir", str(ws.data_dir)],
                               capture_output=True, text=True, encoding="utf-8", timeout=120)
        result = json.loads(again.stdout)
        assert result["ok"] and result["pushed"] == 0 and result["blobs_sent"] == 0, result

    inspections = Counter(i["id"] for i in bureau.read("inspections"))
    expected = set().union(*made.values())
    assert set(inspections) == expected and set(inspections.values()) == {1}
    assert all(i["complete"] for i in bureau.read("inspections"))
    evidence = bureau.read("evidence")
    assert len({e["id"] for e in evidence}) == len(evidence) == 3 * 3 * 3 + 2
    assert {e["sha256"] for e in evidence} == photos and all(e["stored"] for e in evidence)
    files = [p for p in (bureau.data_dir / "blobs").rglob("*") if p.is_file() and ".tmp" not in p.parts]
    assert sorted(p.name for p in files) == sorted(photos)  # each blob once, under its own hash
    assert all(hashlib.sha256(p.read_bytes()).hexdigest() == p.name for p in files)
    assert not list((bureau.data_dir / "uploads").iterdir())
    assert bureau.read("conflicts") == []
