"""A reference PySide6 forgets to take: every ``signal.emit()`` called from Python used to
take one off ``True`` for good.

PySide6 6.12.0's ``SignalInstance.emit`` (and ``disconnect`` when it succeeds) returns
``True`` without the new reference the caller owns. On Python 3.11, where ``True`` is an
ordinary counted object, each call takes one reference away; once they outnumber the
program's own (a long import simulation reports progress thousands of times), the count
reaches zero and the interpreter aborts with « Fatal Python error: bool_dealloc » (exit
134): at the next release of ``True``, often while quitting. :func:`install` probes the
bug once and, only where it exists, adds the missing reference after each call, so that
a fixed PySide6 (or a Python with immortal booleans) runs untouched.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal, SignalInstance

_PROBES = 8
_installed = False


class _Probe(QObject):
    probed = Signal()


def _probe_slot() -> None:
    """Connected during the probe of ``disconnect``."""


def _references_lost(call: Callable[[], object]) -> int:
    """How many references to ``True`` ``_PROBES`` calls take away (0 when PySide is right)."""
    before = sys.getrefcount(True)
    for _ in range(_PROBES):
        call()
    return before - sys.getrefcount(True)


def _disconnect_once(probe: _Probe) -> object:
    probe.probed.connect(_probe_slot)
    return probe.probed.disconnect(_probe_slot)


def _take_reference(value: object) -> None:
    import ctypes

    ctypes.pythonapi.Py_IncRef(ctypes.py_object(value))


def _repaired(method: Callable[..., Any]) -> Callable[..., Any]:
    def call(self: SignalInstance, *args: Any) -> Any:
        result = method(self, *args)
        if result is True:  # the reference the C code returned without taking it
            _take_reference(result)
        return result

    call.__name__ = method.__name__
    call.__doc__ = method.__doc__
    return call


def install() -> None:
    """Once per process, before the first signal is emitted (``communitydesk.ui`` does it)."""
    global _installed
    if _installed:
        return
    _installed = True
    probe = _Probe()
    for name, call in (("emit", probe.probed.emit), ("disconnect", lambda: _disconnect_once(probe))):
        lost = _references_lost(call)
        if lost >= _PROBES:
            for _ in range(lost):  # give back what the probe itself took
                _take_reference(True)
            setattr(SignalInstance, name, _repaired(getattr(SignalInstance, name)))
