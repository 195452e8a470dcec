"""Background sync for the app: when the bureau becomes reachable, sync; back off exponentially when not.

Runs eco_field.sync.watch's SyncWatcher on a plain thread with its own Workspace (a SQLite connection stays
on its thread) and reports each round to the GUI thread through a queued signal. A device that is not
enrolled yet is looked at again later, so enrolling from the sync screen starts syncing by itself.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from ui.slots import emit

NOT_ENROLLED_RETRY_S = 30.0
# what a sync can bring down: screens showing these redraw after a background sync
PULLED_ENTITIES = ("task", "enterprise", "case", "document", "officer", "sync")


class BackgroundSync(QObject):
    synced = Signal(object)  # the result dict of one round, on the GUI thread

    def __init__(self, data_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.data_dir = data_dir
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="eco-field-sync", daemon=True)
            self._thread.start()

    def stop(self, wait_s: float = 5.0) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(wait_s)
            self._thread = None

    def _run(self) -> None:
        from eco_field.errors import EcoFieldError
        from eco_field.sync.watch import SyncWatcher
        from eco_field.workspace import Workspace

        with Workspace.open(self.data_dir) as ws:
            watcher = SyncWatcher(ws)
            while not self._stop.is_set():
                try:
                    result, delay = watcher.step()
                except EcoFieldError:  # not enrolled with a bureau (yet)
                    result, delay = None, NOT_ENROLLED_RETRY_S
                except Exception as exc:  # noqa: BLE001 - a background round must never end the thread
                    watcher.failures += 1
                    result, delay = {"ok": False, "error": f"{type(exc).__name__}: {exc}"}, watcher.next_delay()
                if result is not None:
                    self._report(result)
                self._stop.wait(delay)

    def _report(self, result: dict[str, Any]) -> None:
        if not self._stop.is_set():
            emit(self.synced, result)
