"""The cycle collector's policy for a headless command, set by its entry point (cli.py).

Commands are short and allocate a lot (an import: millions of tuples and lists for cells,
columns and rows, and no reference cycles). With the usual thresholds the collector runs a
hundred times during a 20 000-line import and walks every object of the process each time
it reaches the oldest generation: the modules, SQLAlchemy's metadata, the import's own data.
For the command's duration, what exists when it starts (imports, the parser) is frozen out of
the collector's sight and the youngest generation is collected every ``FIRST_THRESHOLD``
allocations instead of 700; cycles are still collected. The window has its own policy (a
collector on the UI thread, ui/tasks.py). Library code never changes the collector.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

FIRST_THRESHOLD = 50_000


@contextmanager
def headless_command() -> Iterator[None]:
    """The collector's settings while one command runs; put back as they were after it."""
    thresholds = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(max(FIRST_THRESHOLD, thresholds[0]), *thresholds[1:])
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)
        gc.unfreeze()
