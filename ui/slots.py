"""Signal helpers.

PySide6 6.12 under Python 3.11 drops one reference to the bool that Signal.emit() returns on every call
from Python, so after a few hundred emits Python frees True itself and crashes ("bool_dealloc"). Every
emit in ui/ therefore goes through emit(), which measures once whether this PySide6 has the fault and, if
so, gives the reference back.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal


class _Probe(QObject):
    ping = Signal()


def _emit_drops_reference() -> bool:
    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(4):
        probe.ping.emit()
    return sys.getrefcount(True) < before - 2


_DROPS = _emit_drops_reference()


def emit(signal: Any, *args: Any) -> None:
    result = signal.emit(*args)
    if _DROPS and isinstance(result, bool):
        import ctypes  # only where the fault is present

        ctypes.pythonapi.Py_IncRef(ctypes.py_object(result))


def emitter(signal: Any, *args: Any) -> Callable[..., None]:
    """A slot that ignores its own arguments and emits signal(*args)."""

    def slot(*_ignored: Any) -> None:
        emit(signal, *args)

    return slot
