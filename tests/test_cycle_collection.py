"""The cycle collector's policy belongs to the entry points; services never touch it."""

from __future__ import annotations

import gc
import weakref
from pathlib import Path

from communitydesk.cli import main
from communitydesk.cycle_collection import FIRST_THRESHOLD, headless_command
from communitydesk.db.database import Database
from communitydesk.services.permissions import Actor


class _Loop:
    """An object that holds itself: only the cycle collector frees it."""

    def __init__(self) -> None:
        self.me = self


def test_a_command_freezes_what_exists_and_collects_rarely_then_gives_everything_back() -> None:
    thresholds, frozen = gc.get_threshold(), gc.get_freeze_count()
    with headless_command():
        assert gc.get_threshold() == (max(FIRST_THRESHOLD, thresholds[0]), *thresholds[1:])
        assert gc.get_freeze_count() > frozen  # the modules already loaded: never walked again
    assert gc.get_threshold() == thresholds and gc.get_freeze_count() == frozen


def test_cycles_are_still_collected_during_a_command() -> None:
    was_enabled = gc.isenabled()
    gc.enable()  # off once a UI test installed the main-thread collector
    try:
        with headless_command():
            gone = weakref.ref(_Loop())
            kept = [[] for _ in range(FIRST_THRESHOLD + 100)]  # past the raised threshold
            assert gone() is None and kept
    finally:
        (gc.enable if was_enabled else gc.disable)()


def test_the_cli_gives_the_collector_back_after_each_command(db_path: Path) -> None:
    thresholds, frozen = gc.get_threshold(), gc.get_freeze_count()
    assert main(["stats", "--db", str(db_path)]) == 0
    assert gc.get_threshold() == thresholds and gc.get_freeze_count() == frozen


def test_an_import_leaves_the_collector_as_it_found_it(db: Database, actor: Actor) -> None:
    from communitydesk.services.contact_import import import_contacts_file

    seen: list[tuple[bool, tuple[int, int, int]]] = []

    def look() -> bool:
        seen.append((gc.isenabled(), gc.get_threshold()))
        return False

    lines = ["Prénom;Nom;E-mail", *(f"P{i};N{i};p{i}@exemple.fr" for i in range(3000))]
    for enabled in (True, False):
        was_enabled = gc.isenabled()
        (gc.enable if enabled else gc.disable)()
        try:
            seen.clear()
            import_contacts_file(db, actor, "\r\n".join(lines).encode(), cancel=look, file_name=f"{enabled}.csv")
            assert seen and set(seen) == {(enabled, gc.get_threshold())}
        finally:
            (gc.enable if was_enabled else gc.disable)()
