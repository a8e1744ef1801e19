"""An erasure leaves no trace in the base file: not in the search index's storage, not in
free space, not in the -wal, while the base stays open (like in the app)."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import event

from communitydesk.db.database import Database, open_database
from communitydesk.services import contact_search, gdpr, touch_points
from communitydesk.services.contacts import ContactInput, create_contact, get_contact, update_contact
from communitydesk.services.permissions import Actor

# Pieces of the erased person's data as they would lie in the file. FTS5 stores a term after
# the prefix it shares with the previous one, so the tails of the words are looked for.
ERASED_TRACES = ("abrowskiqx", "rowski", "entinelle", "erzab", "1829304", "82 93 04", "erzabpost")

ERASED = ContactInput(
    first_name="Quentinelle",
    last_name="Zabrowskiqx",
    email="quentinelle.zabrowskiqx@kerzab.example",
    phone="06 71 82 93 04",
    postcode="98799",
    city="Kerzabrowski-Plage",
    notes="Mme Zabrowskiqx préfère le téléphone.",
)

# Run in another process: reading a live base with open() in this one would drop SQLite's locks.
_SCAN = """
import json, sys
found = {}
for suffix in ("", "-wal"):
    try:
        data = open(sys.argv[1] + suffix, "rb").read().lower()
    except FileNotFoundError:
        continue
    found[suffix or "base"] = {n: data.count(n.encode()) for n in json.loads(sys.argv[2]) if n.encode() in data}
print(json.dumps(found))
"""


@pytest.fixture
def db(db: Database) -> Database:
    """The base as Python's SQLite for Windows and macOS writes it: deleted bytes are left in place.

    Debian builds SQLite with SECURE_DELETE, which would hide what the erasure must do itself.
    """
    event.listen(db.engine, "connect", lambda dbapi, _record: dbapi.execute("PRAGMA secure_delete = OFF"))
    db.engine.dispose()
    return db


def traces_in_file(path: Path, needles: tuple[str, ...] = ERASED_TRACES) -> dict[str, dict[str, int]]:
    out = subprocess.run(
        [sys.executable, "-c", _SCAN, str(path), json.dumps(needles)], capture_output=True, text=True, check=True
    )
    return {part: hits for part, hits in json.loads(out.stdout).items() if hits}


def a_person_with_a_history(db: Database, actor: Actor) -> int:
    """Someone whose details were edited a few times among other contacts' edits, as in real use."""
    for first, last in (("Amélie", "Martin"), ("Bruno", "Lefèvre"), ("Chantal", "Dubois")):
        create_contact(db, actor, ContactInput(first_name=first, last_name=last, city="Nantes", postcode="44000"))
    pasted = "Mme Zabrowskiqx a transmis son dossier. " * 2000  # pasted in the notes, then cut short below
    cid = create_contact(db, actor, replace(ERASED, address="1 impasse Erzabpost", notes=pasted)).id
    contact_search.count(db, actor, "zab")  # indexed
    for turn in range(4):
        details = get_contact(db, actor, cid)
        edited = replace(details.data, email=f"q{turn}.zabrowskiqx@kerzab.example", notes=f"note {turn}")
        update_contact(db, actor, cid, details.version_id, edited)
        touch_points.add_touch_point(db, actor, cid, "call", f"Appel {turn} avec Mme Zabrowskiqx")
        contact_search.count(db, actor, "zab")  # re-indexed: older FTS segments pile up
    return cid


def test_history_is_written_without_zeroing(db: Database) -> None:
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA secure_delete").scalar() == 0


def test_an_erasure_leaves_no_trace_in_the_file_nor_its_wal(db: Database, actor: Actor) -> None:
    cid = a_person_with_a_history(db, actor)
    assert traces_in_file(db.path), "the scan must see the person before the erasure"

    report = gdpr.erase_person(db, actor, cid, confirm=True)

    assert report.scrubbed
    assert traces_in_file(db.path) == {}  # the engine is still open, as in the app
    wal = db.path.with_name(db.path.name + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0


def test_no_term_of_the_erased_person_is_left_in_the_search_index_storage(db: Database, actor: Actor) -> None:
    cid = a_person_with_a_history(db, actor)
    gdpr.erase_person(db, actor, cid, confirm=True)
    with db.engine.connect() as conn:
        # The raw segments: an FTS5 delete only marks a row deleted, its terms stay there until merged.
        storage = b"".join(bytes(row[0]) for row in conn.exec_driver_sql("SELECT block FROM contacts_fts_data"))
        conn.exec_driver_sql("CREATE VIRTUAL TABLE temp.terms USING fts5vocab('main', 'contacts_fts', 'row')")
        terms = {row[0] for row in conn.exec_driver_sql("SELECT term FROM temp.terms")}
    assert [trace for trace in ERASED_TRACES if trace.encode() in storage] == []
    assert {"amelie", "martin", "nantes", "44000"} <= terms  # the others are still indexed


def test_the_others_stay_searchable_after_an_erasure(db: Database, actor: Actor) -> None:
    cid = a_person_with_a_history(db, actor)
    gdpr.erase_person(db, actor, cid, confirm=True)
    assert contact_search.count(db, actor, "zabrowskiqx") == 0
    assert contact_search.count(db, actor, "amelie") == 1
    assert contact_search.count(db, actor, "44000") == 3
    assert contact_search.count(db, actor, "") == 3


def test_a_base_kept_busy_by_a_reader_still_gets_its_erasure(db: Database, actor: Actor) -> None:
    cid = a_person_with_a_history(db, actor)
    impatient = open_database(db.path, busy_timeout=0.1)  # waits 0.1 s for the other program
    reader = sqlite3.connect(db.path, isolation_level=None)  # another program, in the middle of a read
    try:
        reader.execute("BEGIN")
        reader.execute("SELECT count(*) FROM contacts").fetchone()
        report = gdpr.erase_person(impatient, actor, cid, confirm=True)
    finally:
        reader.close()
        impatient.close()
    assert not report.scrubbed  # said, not hidden: the -wal could not be emptied under the reader
    assert get_contact(db, actor, cid).anonymised_at is not None  # and the erasure is done all the same
    assert contact_search.count(db, actor, "zabrowskiqx") == 0
