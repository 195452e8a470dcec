"""Syncing in the background when the bureau is reachable, backing off exponentially when it is not.

`SyncWatcher.step()` does one round (check reachability, sync if there is something to do or the
pull interval has passed) and returns how long to wait before the next; `watch()` loops over it until
stopped. The app runs watch() on a worker thread with its own Workspace; `eco-field sync --watch`
runs it in the foreground until interrupted.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from eco_field.messages import text
from eco_field.sync import state
from eco_field.sync.client import run_sync
from eco_field.sync.status import sync_status
from eco_field.sync.transport import BureauConnection
from eco_field.workspace import Workspace


@dataclass
class SyncWatcher:
    ws: Workspace
    min_delay: float = 5.0        # first retry after a failure
    max_delay: float = 600.0      # the longest wait between tries
    pull_interval: float = 300.0  # how often to look for the bureau's changes when nothing is pending
    failures: int = 0
    last_sync: float = field(default=0.0)

    def next_delay(self) -> float:
        if self.failures == 0:
            return self.min_delay
        return min(self.max_delay, self.min_delay * 2 ** self.failures)

    def due(self) -> bool:
        status = sync_status(self.ws)
        busy = status["pending"] or status["pending_blobs"]
        return bool(busy) or time.monotonic() - self.last_sync >= self.pull_interval or self.failures > 0

    def step(self) -> tuple[dict[str, Any] | None, float]:
        """(the sync's result or None when nothing was done, seconds to wait before the next step)."""
        url, _ = state.require_enrolment(self.ws.db)
        if not self.due():
            return None, self.next_delay()
        with BureauConnection(url, timeout=5.0) as probe:
            reachable = probe.reachable()
        if not reachable:
            self.failures += 1
            return {"ok": False, "error": text("sync.unreachable", url=url), "error_kind": "unreachable"}, \
                self.next_delay()
        result = run_sync(self.ws)
        self.failures = 0 if result["ok"] else self.failures + 1
        if result["ok"]:
            self.last_sync = time.monotonic()
        return result, self.next_delay()


def watch(ws: Workspace, stop: threading.Event, on_result: Callable[[dict[str, Any]], None] | None = None,
          **delays: float) -> None:
    """Sync whenever there is work and the bureau answers, until stop is set."""
    watcher = SyncWatcher(ws, **delays)
    while not stop.is_set():
        result, delay = watcher.step()
        if result is not None and on_result:
            on_result(result)
        stop.wait(delay)
