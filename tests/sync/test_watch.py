"""Background sync: exponential backoff while the bureau is away, a sync as soon as it answers."""

from __future__ import annotations

import threading

from eco_field.store.database import write_transaction
from eco_field.sync import state
from eco_field.sync.status import sync_status
from eco_field.sync.watch import SyncWatcher, watch
from eco_field.workspace import Workspace
from tests.sync.conftest import BureauServer, free_port, new_inspection


def test_backoff_doubles_while_unreachable_and_resets_after_a_sync(bureau: BureauServer, device: Workspace) -> None:
    new_inspection(device)
    real_url = state.get(device.db, "server_url")
    with write_transaction(device.db):
        state.put(device.db, "server_url", f"http://127.0.0.1:{free_port()}")  # nobody listens there
    watcher = SyncWatcher(device, min_delay=1.0, max_delay=5.0)
    delays = []
    for _ in range(4):
        result, delay = watcher.step()
        assert result["ok"] is False and result["error_kind"] == "unreachable"
        delays.append(delay)
    assert delays == [2.0, 4.0, 5.0, 5.0]
    assert sync_status(device)["pending"] >= 1

    with write_transaction(device.db):
        state.put(device.db, "server_url", real_url)
    result, delay = watcher.step()
    assert result["ok"] and result["pushed"] >= 1 and delay == 1.0 and watcher.failures == 0
    assert sync_status(device)["pending"] == 0 and sync_status(device)["last_success"]
    nothing, _ = watcher.step()
    assert nothing is None  # nothing pending and the pull interval has not passed


def test_watch_loop_syncs_and_stops_when_asked(bureau: BureauServer, device: Workspace) -> None:
    new_inspection(device)
    stop = threading.Event()
    seen = []

    def on_result(result: dict) -> None:
        seen.append(result)
        stop.set()

    watch(device, stop, on_result=on_result, min_delay=0.01)
    assert len(seen) == 1 and seen[0]["ok"] and seen[0]["pushed"] >= 1


def test_sync_watch_command_syncs_then_stops_on_interrupt(bureau: BureauServer, device: Workspace) -> None:
    import json
    import selectors
    import signal
    import subprocess

    from tests.sync.conftest import eco_field_command

    new_inspection(device)
    # as from a terminal: a suite started in the background (`pytest &`) hands its children SIGINT ignored, and
    # Python then keeps it ignored; Ctrl+C in a terminal always reaches the foreground process
    proc = subprocess.Popen([*eco_field_command(), "--data-dir", str(device.data_dir), "sync", "--watch", "--json"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8",
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    try:
        selector = selectors.DefaultSelector()
        selector.register(proc.stdout, selectors.EVENT_READ)
        assert selector.select(timeout=60), "no sync reported"
        first = json.loads(proc.stdout.readline())
        assert first["ok"] and first["pushed"] >= 1
        proc.send_signal(signal.SIGINT)
        assert proc.wait(timeout=30) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert sync_status(device)["pending"] == 0
