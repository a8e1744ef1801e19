"""Pausing the cycle collector: off while any pause lasts, then as it was."""

from __future__ import annotations

import gc
import threading

from communitydesk import cycle_collection


def test_pauses_nest_and_give_back_the_state_found() -> None:
    was_enabled = gc.isenabled()
    try:
        gc.enable()
        with cycle_collection.paused():
            assert not gc.isenabled() and cycle_collection.is_paused()
            with cycle_collection.paused():
                assert not gc.isenabled()
            assert not gc.isenabled() and cycle_collection.is_paused()  # the outer pause still runs
        assert gc.isenabled() and not cycle_collection.is_paused()

        gc.disable()  # the app: the UI thread collects itself, automatic collection off
        with cycle_collection.paused():
            assert cycle_collection.is_paused()
        assert not gc.isenabled()
    finally:
        (gc.enable if was_enabled else gc.disable)()


def test_a_pause_in_another_thread_ending_first_does_not_end_this_one() -> None:
    was_enabled = gc.isenabled()
    gc.enable()
    started, finish = threading.Event(), threading.Event()

    def other() -> None:
        with cycle_collection.paused():
            started.set()
            finish.wait(5)

    try:
        with cycle_collection.paused():
            thread = threading.Thread(target=other)
            thread.start()
            started.wait(5)
            finish.set()
            thread.join(5)
            assert not gc.isenabled() and cycle_collection.is_paused()
        assert gc.isenabled()
    finally:
        (gc.enable if was_enabled else gc.disable)()
