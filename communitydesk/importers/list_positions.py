"""Where a value sits in a list, found by ``list.index``: the few exceptions of a long column."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any


def positions(items: list[Any], value: Any) -> Iterator[int]:
    """The indexes of ``value`` in ``items``, in order. ``list.index`` scans in C: for a value
    that is rare in a column (a blank, an odd cell), far cheaper than a Python loop."""
    at = -1
    try:
        while True:
            at = items.index(value, at + 1)
            yield at
    except ValueError:
        return
