"""Running worker.process over many files on both cores, results in submission order.

A bounded window of files is in flight so memory stays flat however large the card. A worker that dies
(a decoder crash on a hostile file) costs that file only: the pool is rebuilt for the rest.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from eco_field.evidence.worker import Job, process

POOL_MIN_FILES = 3     # below this, starting processes costs more than it saves
WINDOW_PER_WORKER = 3


def default_workers() -> int:
    """One process per core (2 on the field laptops we size for), at most 4 to stay well under 300 MB."""
    return max(1, min(4, os.cpu_count() or 1))


def run(jobs: list[Job], workers: int | None = None,
        cancel: Callable[[], bool] | None = None) -> Iterator[dict[str, Any]]:
    workers = workers or default_workers()
    if workers <= 1 or len(jobs) < POOL_MIN_FILES:
        for job in jobs:
            if cancel and cancel():
                return
            yield process(job)
        return
    queue, state = deque(jobs), {"produced": 0, "stopped": False}
    while queue and not state["stopped"]:
        before = state["produced"]
        yield from _run_pool(queue, workers, cancel, state)
        if queue and state["produced"] == before:  # processes cannot start here at all: work in-process
            yield from run(list(queue), 1, cancel)
            return


def _context() -> multiprocessing.context.BaseContext:
    # forkserver/spawn: never fork a process that holds SQLite connections or GUI threads
    if "forkserver" in multiprocessing.get_all_start_methods():
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(["eco_field.evidence.worker"])
        return ctx
    return multiprocessing.get_context("spawn")


def _run_pool(queue: deque[Job], workers: int, cancel: Callable[[], bool] | None,
              state: dict[str, Any]) -> Iterator[dict[str, Any]]:
    pending: deque[tuple[Job, Future]] = deque()
    with ProcessPoolExecutor(workers, mp_context=_context()) as pool:
        try:
            while queue or pending:
                while queue and len(pending) < workers * WINDOW_PER_WORKER:
                    pending.append((queue[0], pool.submit(process, queue[0])))
                    queue.popleft()
                job, future = pending[0]
                result = _result(job, future)
                pending.popleft()
                state["produced"] += 1
                yield result
                if cancel and cancel():
                    state["stopped"] = True
                    queue.clear()
                    yield from _drain(pending)
                    return
        except BrokenProcessPool:
            pass
        finally:
            for _job, future in pending:
                future.cancel()
    if pending and state["produced"] == 0:
        queue.extendleft(job for job, _future in reversed(pending))
    elif pending:  # a worker died: run the files that were in flight one by one, to blame the right one
        for job, _future in pending:
            state["produced"] += 1
            yield _isolated(job)


def _isolated(job: Job) -> dict[str, Any]:
    with ProcessPoolExecutor(1, mp_context=_context()) as pool:
        try:
            return _result(job, pool.submit(process, job))
        except BrokenProcessPool:
            return {"index": job.index, "ok": False, "path": job.path,
                    "error": "the image decoder crashed on this file (damaged or hostile file)"}


def _result(job: Job, future: Future) -> dict[str, Any]:
    try:
        return future.result()
    except BrokenProcessPool:
        raise
    except Exception as exc:  # anything the worker did not turn into a reason
        return {"index": job.index, "ok": False, "path": job.path, "error": f"failed: {type(exc).__name__}: {exc}"}


def _drain(pending: deque[tuple[Job, Future]]) -> Iterator[dict[str, Any]]:
    """After a cancel: drop what has not started, keep what was already done or running."""
    while pending:
        job, future = pending.popleft()
        if not future.cancel():
            yield _result(job, future)
