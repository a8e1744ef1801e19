"""Python's cycle collector paused during long work that makes no reference cycles.

An import allocates millions of tuples and lists (CSV cells, columns, rows to insert) and
makes no cycles: collections during it walk the same growing memory for nothing (6.6 % of
the instructions of a 20 000-line import with the usual thresholds, ~1.5 % still with rare
ones, bench/contacts_import.py). ``paused()`` switches automatic collection off while it
lasts and the UI's main-thread collector (ui/tasks.py, which collects itself, every 250 ms)
waits too; both come back as they were when the last pause ends. Qt-free: services use it.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_pauses = 0  # pauses running now, in any thread
_was_enabled = False  # automatic collection before the first of them


@contextmanager
def paused() -> Iterator[None]:
    global _pauses, _was_enabled
    with _lock:
        if _pauses == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _pauses += 1
    try:
        yield
    finally:
        with _lock:
            _pauses -= 1
            if _pauses == 0 and _was_enabled:
                gc.enable()


def is_paused() -> bool:
    """Whether some work asked for no collection now (the main-thread collector then waits)."""
    return _pauses > 0
