"""Writes of one base wait their turn (visibly) instead of failing; they start with BEGIN IMMEDIATE;
reads never wait for a writer."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import text

from communitydesk.db import write_turns
from communitydesk.db.database import Database, open_database
from communitydesk.i18n import _
from communitydesk.services.contact_import import import_contacts_csv
from communitydesk.services.contact_search import count
from communitydesk.services.contacts import ContactInput, create_contact
from communitydesk.services.permissions import Actor


class Listener:
    """What a waiting write tells its context; ``give_up`` makes it stop waiting."""

    def __init__(self) -> None:
        self.messages: list[str] = []
        self.told = threading.Event()
        self.give_up = False

    def waiting(self, message: str) -> None:
        self.messages.append(message)
        self.told.set()

    def still_waiting(self) -> None:
        if self.give_up:
            raise KeyboardInterrupt  # any exception: a cancelled task raises TaskCancelled


def in_thread(work: Callable[[], object]) -> tuple[threading.Thread, list[BaseException]]:
    errors: list[BaseException] = []

    def run() -> None:
        try:
            work()
        except BaseException as exc:  # noqa: BLE001 - reported to the test thread
            errors.append(exc)

    thread = threading.Thread(target=run)
    thread.start()
    return thread, errors


def tag_names(db: Database) -> list[str]:
    with db.snapshot() as session:
        return list(session.scalars(text("SELECT name FROM tags ORDER BY id")))


def save_in_thread(
    db: Database, actor: Actor, last_name: str
) -> tuple[Listener, tuple[threading.Thread, list[BaseException]]]:
    """A contact saved from another thread, whose waits are heard by the returned listener."""
    listener = Listener()

    def save() -> None:
        with write_turns.listening(listener):
            create_contact(db, actor, ContactInput(first_name="Léa", last_name=last_name))

    return listener, in_thread(save)


def hold_the_turn(db: Database, purpose: str, release: threading.Event, holding: threading.Event) -> None:
    with db.transaction(purpose) as session:
        session.execute(text("INSERT INTO tags (name) VALUES ('premier')"))
        holding.set()
        assert release.wait(30)


def test_a_save_waits_for_the_write_in_progress_says_so_once_then_succeeds(db: Database, actor: Actor) -> None:
    release, holding = threading.Event(), threading.Event()
    holder, holder_errors = in_thread(lambda: hold_the_turn(db, _("l'import en cours"), release, holding))
    assert holding.wait(30)
    listener, (saver, saver_errors) = save_in_thread(db, actor, "Durand")
    assert listener.told.wait(30)  # it waits (no 5 s limit) and says what for
    assert count(db, actor) == 0  # meanwhile reads go on: the holder's rows are not committed yet
    release.set()
    holder.join(30)
    saver.join(30)
    assert holder_errors == [] and saver_errors == []
    assert listener.messages == ["En attente de l'import en cours…"]
    assert tag_names(db) == ["premier"] and count(db, actor) == 1  # nothing lost


def test_the_default_purpose_reads_well() -> None:
    assert write_turns.waiting_message(write_turns.default_purpose()) == "En attente d'un autre enregistrement…"


def test_every_database_object_of_one_file_shares_its_turns(db: Database, tmp_path: Path) -> None:
    link = tmp_path / "lien.sqlite3"
    link.symlink_to(db.path)
    other = open_database(link)
    try:
        assert other.turns is db.turns
        release, holding = threading.Event(), threading.Event()
        holder, errors = in_thread(lambda: hold_the_turn(db, "la sauvegarde", release, holding))
        assert holding.wait(30)
        listener = Listener()
        writer, writer_errors = in_thread(lambda: write_through(other, listener))
        assert listener.told.wait(30)
        release.set()
        holder.join(30)
        writer.join(30)
        assert errors == [] and writer_errors == []
        assert listener.messages == ["En attente de la sauvegarde…"]
        assert tag_names(db) == ["premier", "second"]
    finally:
        other.close()


def write_through(db: Database, listener: Listener) -> None:
    with write_turns.listening(listener), db.transaction() as session:
        session.execute(text("INSERT INTO tags (name) VALUES ('second')"))


def test_a_wait_given_up_writes_nothing_and_leaves_the_holder_alone(db: Database) -> None:
    release, holding = threading.Event(), threading.Event()
    holder, errors = in_thread(lambda: hold_the_turn(db, "l'import en cours", release, holding))
    assert holding.wait(30)
    listener = Listener()
    listener.give_up = True  # the user cancelled, or the window is closing
    with pytest.raises(KeyboardInterrupt):
        write_through(db, listener)
    release.set()
    holder.join(30)
    assert errors == [] and tag_names(db) == ["premier"]
    write_through(db, Listener())  # the turn was not kept by the one who gave up
    assert tag_names(db) == ["premier", "second"]


def test_a_write_transaction_holds_the_write_lock_from_its_start(db: Database) -> None:
    other_program = sqlite3.connect(db.path, timeout=0, isolation_level=None)
    try:
        with db.transaction() as session:
            session.execute(text("SELECT count(*) FROM tags")).scalar_one()  # read only, so far
            with pytest.raises(sqlite3.OperationalError, match="locked"):
                other_program.execute("BEGIN IMMEDIATE")
        other_program.execute("BEGIN IMMEDIATE")  # free again after the commit
        other_program.execute("ROLLBACK")
    finally:
        other_program.close()


def test_read_then_write_no_longer_meets_another_writer_in_between(db: Database) -> None:
    """Deferred, this transaction's write would fail at once (SQLITE_BUSY: another writer
    committed after its read); immediate, the other writer waits for its commit."""
    started = threading.Event()

    def other_program_writes() -> None:
        conn = sqlite3.connect(db.path, timeout=30, isolation_level=None)
        try:
            started.set()
            conn.execute("INSERT INTO tags (name) VALUES ('autre programme')")
        finally:
            conn.close()

    with db.transaction() as session:
        before = session.execute(text("SELECT count(*) FROM tags")).scalar_one()
        other, errors = in_thread(other_program_writes)
        assert started.wait(30)
        other.join(0.3)  # it has tried to write meanwhile, and waits
        session.execute(text("INSERT INTO tags (name) VALUES (:name)"), {"name": f"après {before}"})
    other.join(30)
    assert errors == []
    assert tag_names(db) == ["après 0", "autre programme"]  # ours first: the other one waited


def test_reads_never_wait_for_a_writer_and_may_not_write(db: Database) -> None:
    release, holding = threading.Event(), threading.Event()
    holder, errors = in_thread(lambda: hold_the_turn(db, "l'import en cours", release, holding))
    try:
        assert holding.wait(30)
        with db.snapshot() as session:  # no turn to wait for: answers at once, the last commit
            assert session.execute(text("SELECT count(*) FROM tags")).scalar_one() == 0
            with pytest.raises(Exception, match="readonly"):
                session.execute(text("INSERT INTO tags (name) VALUES ('lecture')"))
    finally:
        release.set()
        holder.join(30)
    assert errors == [] and tag_names(db) == ["premier"]
    with db.transaction() as session:  # the pooled connection writes again after a snapshot
        session.execute(text("INSERT INTO tags (name) VALUES ('ensuite')"))
    assert tag_names(db) == ["premier", "ensuite"]


def test_a_write_inside_another_on_the_same_base_is_refused_not_hung(db: Database) -> None:
    with pytest.raises(RuntimeError, match="inside another"), db.transaction(), db.transaction():
        pass


def test_a_rolled_back_transaction_writes_nothing(db: Database) -> None:
    with db.transaction(rollback=True) as session:
        session.execute(text("INSERT INTO tags (name) VALUES ('simulation')"))
        assert session.execute(text("SELECT count(*) FROM tags")).scalar_one() == 1
    assert tag_names(db) == []


def test_a_contact_saved_during_an_import_waits_for_it_and_both_are_kept(
    db: Database, actor: Actor, tmp_path: Path
) -> None:
    lines = 3000
    csv_file = tmp_path / "adhérents.csv"
    rows = [f"Nom{i};Prénom{i};p{i}@exemple.fr" for i in range(lines)]
    csv_file.write_text("Nom;Prénom;E-mail\n" + "\n".join(rows) + "\n", encoding="utf-8")
    importing, release = threading.Event(), threading.Event()

    def progress(done: int, total: int) -> None:
        if done < total:  # inside the import's transaction: hold it until the save waits
            importing.set()
            assert release.wait(30)

    importer, import_errors = in_thread(lambda: import_contacts_csv(db, actor, csv_file, progress=progress))
    assert importing.wait(30)
    listener, (saver, save_errors) = save_in_thread(db, actor, "Pendant")
    assert listener.told.wait(30)
    release.set()
    importer.join(60)
    saver.join(60)
    assert import_errors == [] and save_errors == []
    assert listener.messages == ["En attente de l'import en cours…"]
    assert count(db, actor) == lines + 1
    assert count(db, actor, "pendant") == 1


def test_the_wait_is_said_in_english_too() -> None:
    from communitydesk.i18n import set_language

    set_language("en")
    try:
        assert write_turns.waiting_message(_("l'import en cours")) == "Waiting for the import in progress…"
    finally:
        set_language("fr")
