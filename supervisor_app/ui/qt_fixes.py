"""Work-arounds for bugs in the Qt bindings, each detected at run time so it switches itself
off once the bindings are fixed.

PySide6 6.12 on Python 3.11: ``SignalInstance.emit()`` returns ``True`` without taking a
reference, so every emit from Python code takes one reference away from ``True``. After a few
thousand emits the count reaches zero and the interpreter aborts ("bool_dealloc: deallocating
True or False"). Python 3.12+ makes ``True`` immortal, where the bug is harmless. Every emit in
this package goes through :func:`emit`, which gives the reference back when it was lost.
"""

from __future__ import annotations

import ctypes
import sys
from functools import cache
from typing import Any

from PySide6.QtCore import QObject, Signal


class _Probe(QObject):
    ping = Signal()


@cache
def emit_loses_a_reference() -> bool:
    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(8):
        probe.ping.emit()
    lost = before - sys.getrefcount(True)
    if lost > 0:  # give back what the probe itself took
        for _ in range(lost):
            ctypes.pythonapi.Py_IncRef(ctypes.py_object(True))
    return lost >= 8


def emit(signal: Any, *args: Any) -> None:
    """``signal.emit(*args)``, without the bindings' reference leak on ``True``."""
    signal.emit(*args)
    if emit_loses_a_reference():
        ctypes.pythonapi.Py_IncRef(ctypes.py_object(True))
