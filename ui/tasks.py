"""The one way to run work off the GUI thread.

run_task(func, on_done) runs func on a QThreadPool and calls on_done(result, error) back on the GUI
thread (Picard's run_task). Long jobs (imports, rendering, sync) use run_job: the function receives a
JobControl to report progress and to check for cancellation. Tests install SynchronousPool so that the
same code runs inline and no test sleeps.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from ui.slots import emit

Done = Callable[[Any, BaseException | None], None]


class JobControl:
    """Handed to a long job: report(done, total, text) and the cancelled flag it should check often."""

    def __init__(self) -> None:
        self._signals = _Signals()
        self._cancel = threading.Event()

    def report(self, done: int, total: int, text: str = "") -> None:
        emit(self._signals.progress, int(done), int(total), str(text))

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()


class _Signals(QObject):
    finished = Signal(object, object)
    progress = Signal(int, int, str)


class _Runnable(QRunnable):
    def __init__(self, func: Callable[[], Any], signals: _Signals) -> None:
        super().__init__()
        self.func, self.signals = func, signals

    @Slot()
    def run(self) -> None:
        try:
            result, error = self.func(), None
        except BaseException as exc:  # noqa: BLE001 - every failure goes back to the GUI as an error
            result, error = None, exc
        emit(self.signals.finished, result, error)


class SynchronousPool:
    """A stand-in for QThreadPool that runs each job at once on the calling thread (tests)."""

    def start(self, runnable: QRunnable) -> None:
        runnable.run()

    def waitForDone(self, msecs: int = -1) -> bool:  # noqa: N802 - Qt's name
        return True


_pool: QThreadPool | SynchronousPool | None = None
_live: set[_Signals] = set()  # keep signal objects alive until their job has reported


def set_pool(pool: QThreadPool | SynchronousPool | None) -> None:
    global _pool
    _pool = pool


def pool() -> QThreadPool | SynchronousPool:
    return _pool if _pool is not None else QThreadPool.globalInstance()


def _start(func: Callable[[], Any], on_done: Done, signals: _Signals) -> None:
    def finish(result: Any, error: BaseException | None) -> None:
        _live.discard(signals)
        on_done(result, error)

    signals.finished.connect(finish)
    _live.add(signals)
    pool().start(_Runnable(func, signals))


def run_task(func: Callable[[], Any], on_done: Done) -> None:
    """Run func in the background; on_done(result, error) runs on the GUI thread afterwards."""
    _start(func, on_done, _Signals())


def run_job(func: Callable[[JobControl], Any], on_done: Done,
            on_progress: Callable[[int, int, str], None] | None = None,
            control: JobControl | None = None) -> JobControl:
    """Run a long job func(control) in the background; returns the control (cancel()).

    Pass a control made beforehand when the caller must be able to cancel before this call returns.
    """
    control = control or JobControl()
    if on_progress is not None:
        control._signals.progress.connect(on_progress)
    _start(lambda: func(control), on_done, control._signals)
    return control
