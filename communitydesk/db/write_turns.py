"""Writers of one base take turns in this process, and a writer that waits says what for.

SQLite lets one transaction write at a time; another one waits at most its busy timeout
and then fails (« verrouillée »). Inside one process we know who holds the base and why,
so a write transaction first waits here for its turn, as long as it takes (an import may
take a minute), then takes SQLite's lock at once. The turn belongs to the file (its
resolved path), not to a ``Database`` object: a backup or a second window may open the
same file. Another program holding the base is still met by SQLite's busy timeout.

A waiting writer tells the listener of its context (:data:`wait_listener`, a ContextVar,
so Qt-free): the UI's task runner sets one for its worker thread and shows
« En attente de l'import en cours… ». The listener may also give up the wait (a cancel).
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import Protocol

from communitydesk.i18n import _

# Waits shorter than this are not worth a message (another save finishing).
QUIET_WAIT_S = 0.2
_POLL_S = 0.1


class WaitListener(Protocol):
    def waiting(self, message: str) -> None:
        """Told once, when this write has to wait: « En attente de l'import en cours… »."""

    def still_waiting(self) -> None:
        """Called a few times a second while waiting; raising gives the wait up (nothing was written)."""


wait_listener: ContextVar[WaitListener | None] = ContextVar("write_wait_listener", default=None)


@contextmanager
def listening(listener: WaitListener) -> Iterator[None]:
    """Within this block (this thread or task), waiting writes report to ``listener``."""
    token = wait_listener.set(listener)
    try:
        yield
    finally:
        wait_listener.reset(token)


def default_purpose() -> str:
    return _("un autre enregistrement")


def waiting_message(purpose: str) -> str:
    """« En attente de l'import en cours… », « En attente d'un autre enregistrement… »."""
    if purpose[:1].lower() in "aeiouyàâéèêîôû":
        return _("En attente d'{purpose}…", purpose=purpose)
    return _("En attente de {purpose}…", purpose=purpose)


class WriteTurns:
    """The queue of the write transactions of one base file."""

    def __init__(self) -> None:
        self._turn = threading.Lock()
        self._holder: int | None = None  # thread id
        self._purpose = ""

    @property
    def purpose(self) -> str:
        """What the current writer is doing ("" when nobody writes)."""
        return self._purpose

    @contextmanager
    def turn(self, purpose: str) -> Iterator[None]:
        """Wait (without limit, reporting to the context's listener) until no other write of
        this base runs in this process, then hold the base's turn for the block."""
        me = threading.get_ident()
        if self._holder == me:
            # The outer transaction holds SQLite's lock: this one would wait for itself forever.
            raise RuntimeError("a write transaction opened inside another one on the same base")
        if not self._turn.acquire(timeout=QUIET_WAIT_S):
            self._wait()
        self._holder, self._purpose = me, purpose
        try:
            yield
        finally:
            self._holder, self._purpose = None, ""
            self._turn.release()

    def _wait(self) -> None:
        listener = wait_listener.get()
        if listener is not None:
            listener.waiting(waiting_message(self._purpose or default_purpose()))
        while not self._turn.acquire(timeout=_POLL_S):
            if listener is not None:
                listener.still_waiting()  # may raise: the turn was not taken, nothing to give back


_registry_lock = threading.Lock()
_turns: weakref.WeakValueDictionary[Path, WriteTurns] = weakref.WeakValueDictionary()


def turns_for(path: Path) -> WriteTurns:
    """The one queue of the file at ``path``, shared by every Database object open on it."""
    key = Path(path).resolve()
    with _registry_lock:
        turns = _turns.get(key)
        if turns is None:
            turns = WriteTurns()
            _turns[key] = turns
        return turns
