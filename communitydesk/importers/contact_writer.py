"""Write checked contact records into the database: match, merge, insert, in batches.

Built for 100 000-line files inside ONE transaction (the caller's): the keys of existing
contacts are loaded once into dicts, new contacts get their ids up front (we hold the
write lock) and are inserted with ``executemany`` of the Core insert statement, history
rows and tag links likewise. Nothing here commits.

Matching, as the user chose in the wizard: on the normalised e-mail first, then on the
normalised phone, but a phone never joins two different e-mail addresses (a family's
landline must not merge two people).

A big file into a small base (the first import of an address book) is written in bulk
mode: the contacts' indexes and insert triggers are suspended for the transaction and
rebuilt at the end (db/bulk_load.py), 2.5x faster than row by row; the writer then queues
the new contacts for the search index and counts them in their circles itself, as the
suspended triggers would have.

CSV files come in cleaned batches (``add_batch``): the plain lines that are new contacts
stay in their batch's columns and are written from them column-wise (``_fast_rows``, the
"fast lane"); the other lines go through ``add`` as records, the reference path. Tests
check that both paths, with or without bulk mode, write the same thing
(tests/services/test_contact_bulk_import.py).
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from functools import partial
from itertools import compress, repeat
from operator import itemgetter
from typing import Any, cast

from sqlalchemy import Connection, Table

from communitydesk.db.bulk_load import SuspendedIndexes
from communitydesk.importers.contact_batch_cleaning import CleanedBatch, map_distinct
from communitydesk.importers.contact_records import ContactRecord, RowError
from communitydesk.importers.import_summary import ImportMode, ImportSummary
from communitydesk.importers.list_positions import positions
from communitydesk.models.contacts import ACTIVE_SQL, CircleMove, Contact, contact_tags
from communitydesk.rules.circles import Circle
from communitydesk.rules.contact_keys import fold
from communitydesk.rules.contact_search_text import city_sort, sort_name, tags_text

BATCH_SIZE = 2000
# New contacts from plain CSV lines written straight from their cleaned columns (add_batch);
# False sends every line through add() as a record: the reference, for tests.
FAST_LANE = True
# Bulk mode from this many lines, when the file has at least half as many lines as the base
# has contacts: rebuilding an index costs ~13 µs per contact of the whole table, keeping it
# up to date ~47 µs per contact inserted (measured at 100 000, bench/contacts_import.py).
BULK_MIN_LINES = 5000
# The tables bulk mode loads, with the triggers of migration 0002 it suspends: flush() does their work.
BULK_SUSPENDED = {
    "contacts": ("contacts_after_insert", "contacts_count_after_insert"),
    "contact_tags": ("contact_tags_after_insert",),
}
_IN_CHUNK = 500  # ids per "WHERE id IN (...)": well under SQLite's variable limit
_MEMO_LIMIT = 50_000  # tag sets remembered with their tags_text

# Columns an import may change on an existing contact, in a fixed order for executemany.
UPDATABLE = (
    "kind",
    "first_name",
    "last_name",
    "organisation",
    "role",
    "email",
    "email_secondary",
    "phone",
    "phone_secondary",
    "email_key",
    "phone_key",
    "address",
    "postcode",
    "city",
    "country",
    "circle",
    "source",
    "notes",
    "is_ambassador",
    "is_critic",
)
NEW_DEFAULTS: dict[str, Any] = {
    "kind": "person",
    "first_name": "",
    "last_name": "",
    "organisation": "",
    "role": "",
    "email": "",
    "email_secondary": "",
    "phone": "",
    "phone_secondary": "",
    "email_key": "",
    "phone_key": "",
    "address": "",
    "postcode": "",
    "city": "",
    "country": "FR",
    "circle": Circle.GRAND_PUBLIC.value,
    "source": "",
    "notes": "",
    "is_ambassador": False,
    "is_critic": False,
}
# sort_name and tags_text belong to db.search_index.refresh (queued by the triggers of migration
# 0002); we write what it would compute, with the same rules functions, so that its pass after
# the import finds them right and skips re-writing 100 000 rows and their three indexes.
_SEARCH_COLUMNS = ("sort_name", "tags_text", "city_sort")
_INSERT_COLUMNS = ("id", *UPDATABLE, *_SEARCH_COLUMNS, "created_at", "updated_at", "version_id")
_MOVE_COLUMNS = ("contact_id", "moved_at", "from_circle", "to_circle", "moved_by", "reason")
_updatable_values = itemgetter(*UPDATABLE)  # a row's UPDATABLE values as a tuple, in C


def _insert_sql(table: Table, columns: Sequence[str]) -> str:
    missing = [name for name in columns if name not in table.c]
    assert not missing, f"{table.name} has no column {missing}"
    return f"INSERT INTO {table.name} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"


@dataclass
class _Pending:
    """Lines to apply to one contact already in the database, in file order."""

    records: list[tuple[ContactRecord, bool]] = field(default_factory=list)  # (record, overwrite)


class ContactImportWriter:
    """Receives records one by one (``add``), writes them batch by batch (``flush``)."""

    def __init__(
        self,
        connection: Connection,
        *,
        mode: ImportMode,
        source: str,
        moved_by: str,
        move_reason: str,
        now: datetime,
        summary: ImportSummary,
        expected_lines: int = 0,
    ) -> None:
        self.conn = connection
        self.mode = mode
        self.source = source
        self.moved_by = moved_by
        self.move_reason = move_reason
        self.summary = summary
        contacts = Contact.__table__
        # The stored text of "now", converted once by the column's own type (as the ORM would).
        stamp = contacts.c.created_at.type.dialect_impl(connection.dialect).bind_processor(connection.dialect)
        self.stamp = stamp(now) if stamp else now
        # Plain INSERTs of tuples with executemany: no SQLAlchemy per-row parameter processing
        # (3x faster at 100 000 rows). OR FAIL: a constraint error still aborts (and the caller
        # rolls everything back), but SQLite then keeps no statement journal for the triggers.
        self.insert_sql = _insert_sql(cast(Table, contacts), _INSERT_COLUMNS).replace("INSERT", "INSERT OR FAIL", 1)
        self.move_sql = _insert_sql(cast(Table, CircleMove.__table__), _MOVE_COLUMNS)
        self.entry_sql = (
            f"{self.move_sql.split(' VALUES ')[0]} SELECT id, created_at, NULL, circle, ?, ? FROM contacts "
            "WHERE id BETWEEN ? AND ? ORDER BY id"
        )
        self.link_sql = _insert_sql(contact_tags, ("contact_id", "tag_id")).replace("INSERT", "INSERT OR IGNORE", 1)
        assignments = ", ".join(f"{name} = ?" for name in (*UPDATABLE, *_SEARCH_COLUMNS))
        self.update_sql = (
            f"UPDATE OR FAIL contacts SET {assignments}, updated_at = ?, version_id = version_id + 1 WHERE id = ?"
        )

        # Take the write lock before reading anything: the keys read below stay true until
        # commit, and the ids handed out below cannot be taken by another writer.
        connection.exec_driver_sql("DELETE FROM contacts WHERE 0")
        self.next_id = int(connection.exec_driver_sql("SELECT COALESCE(MAX(id), 0) + 1 FROM contacts").scalar_one())
        self.email_ids: dict[str, int] = {}
        self.phone_ids: dict[str, tuple[int, str]] = {}
        existing = 0
        for contact_id, found_email, found_phone in connection.exec_driver_sql(
            f"SELECT id, email_key, phone_key FROM contacts WHERE {ACTIVE_SQL} ORDER BY id"
        ):
            existing += 1
            if found_email:
                self.email_ids.setdefault(found_email, contact_id)
            if found_phone:
                self.phone_ids.setdefault(found_phone, (contact_id, found_email))
        self.tag_names: dict[int, str] = dict(connection.exec_driver_sql("SELECT id, name FROM tags").all())
        self.tag_ids: dict[str, int] = {fold(name): tag_id for tag_id, name in self.tag_names.items()}
        self.bulk = expected_lines >= BULK_MIN_LINES and expected_lines * 2 >= existing
        self.suspended = (
            [SuspendedIndexes(connection, table, triggers) for table, triggers in BULK_SUSPENDED.items()]
            if self.bulk
            else []
        )

        self.first_new_id = self.next_id
        self.new_defaults = {**NEW_DEFAULTS, "source": source}
        # Memories for the search columns of new contacts: names, cities and tag sets repeat.
        self.sort_names: dict[tuple[str, str, str, str], str] = {}
        self.city_sorts: dict[str, str] = {}
        self.tags_texts: dict[tuple[str, ...], str] = {}
        self.touched: set[int] = set()  # existing contacts already updated by a line of this file
        self.new_rows: dict[int, dict[str, Any]] = {}  # this batch's new contacts, by id
        # New contacts from plain CSV lines, left in their cleaned batch until written (add_batch):
        # by id (for a later line that repeats one) and grouped per batch, in file order.
        self.fast: dict[int, tuple[CleanedBatch, int]] = {}
        self.fast_groups: list[tuple[CleanedBatch, list[int], list[int]]] = []
        self.materialised: set[int] = set()  # ids of fast_groups that later became row dicts
        # Never changed in place: a fast-lane contact shares its list with the lines of the same cell.
        self.new_tags: dict[int, Sequence[str]] = {}
        self.circle_defaulted: set[int] = set()  # new contacts whose line gave no circle
        self.pending: dict[int, _Pending] = {}  # this batch's changes to contacts already written

    # -- matching ---------------------------------------------------------------------

    def _match(self, key: str, phone: str) -> int | None:
        """The contact a line with these e-mail and phone keys repeats, if any."""
        target = self.email_ids.get(key) if key else None
        if target is None and phone:
            hit = self.phone_ids.get(phone)
            if hit is not None and (not key or not hit[1]):  # a phone never joins two e-mails
                target = hit[0]
        return target

    def _remember(self, contact_id: int, email: str, phone: str) -> None:
        if email:
            self.email_ids.setdefault(email, contact_id)
        if phone:
            hit = self.phone_ids.get(phone)
            if hit is None or (hit[0] == contact_id and not hit[1]):
                self.phone_ids[phone] = (contact_id, email)

    # -- receiving lines --------------------------------------------------------------

    def add(self, record: ContactRecord) -> None:
        values = record.values
        key = values.get("email_key", "")
        phone = values.get("phone_key", "")
        target = self._match(key, phone)
        if target is None:
            contact_id = self.next_id
            self.next_id += 1
            self.new_rows[contact_id] = {**self.new_defaults, **values}
            if "circle" not in values:
                self.circle_defaulted.add(contact_id)
            if record.tags:
                self.new_tags[contact_id] = list(record.tags)
            self._remember(contact_id, key, phone)
            self.summary.created += 1
            return
        if target in self.fast:
            self._materialise(target)
        row = self.new_rows.get(target)
        if row is not None:  # repeats a contact created a few lines above
            self._apply(row, record, overwrite=False, circle_open=target in self.circle_defaulted)
            if "circle" in values:
                self.circle_defaulted.discard(target)
            self._add_tags(target, record.tags)
            self.summary.merged += 1
        elif target >= self.first_new_id or target in self.touched:  # repeats one met in an earlier batch
            self.pending.setdefault(target, _Pending()).records.append((record, False))
            self.summary.merged += 1
        elif self.mode is ImportMode.UPDATE:
            self.touched.add(target)
            self.pending.setdefault(target, _Pending()).records.append((record, True))
        else:
            self.summary.skipped += 1
            return
        # A later line with this line's e-mail or phone is the same person again.
        self._remember(target, key, phone)

    def add_cleaned(self, cleaned: ContactRecord | list[RowError] | None) -> None:
        """One checked line: its record is added, its errors kept, a blank line (None) skipped."""
        if isinstance(cleaned, ContactRecord):
            self.add(cleaned)
        elif cleaned is not None:
            self.summary.errors.extend(cleaned)

    def add_batch(self, batch: CleanedBatch) -> None:
        """Every line of a cleaned CSV batch, in order; a plain line that is a new contact stays
        in its columns (no record, no row dict) and is written from them by ``flush``.

        Most lines of a big file are new contacts whose e-mail and phone appear nowhere else
        (in the base, in this batch): those are taken in bulk, with ids in line order; only
        the others go through the matching one by one."""
        simple = self._simple_lines(batch) if FAST_LANE else [False] * len(batch.plain)
        ids: list[int] = []  # new contacts left in the columns, in line order
        indexes: list[int] = []
        simple_ids: list[int] = []
        simple_indexes: list[int] = []
        start = 0
        for position in [*positions(simple, False), len(simple)]:
            if position > start:  # lines start..position-1: new contacts, consecutive ids
                new_ids = range(self.next_id, self.next_id + position - start)
                ids.extend(new_ids)
                simple_ids.extend(new_ids)
                indexes.extend(range(start, position))
                simple_indexes.extend(range(start, position))
                self.next_id += position - start
            if position < len(simple):
                self._add_line(batch, position, ids, indexes)
            start = position + 1
        if not ids:
            return
        self.fast_groups.append((batch, ids, indexes))
        self.summary.created += len(ids)
        # What _add_line does for each, for the simple ones at once (their keys are new, and each
        # is on one line only: _simple_lines), column-wise in C.
        if not simple_ids:
            return
        self.fast.update(zip(simple_ids, zip(repeat(batch), simple_indexes), strict=True))
        pick = itemgetter(*simple_indexes) if len(simple_indexes) > 1 else _one(simple_indexes[0])
        emails, phones = pick(batch.email_keys), pick(batch.phone_keys)
        self.email_ids.update(compress(zip(emails, simple_ids, strict=True), emails))
        new_phones = dict(compress(zip(phones, zip(simple_ids, emails, strict=True), strict=True), phones))
        for phone in new_phones.keys() & self.phone_ids.keys():  # one taken one by one above may hold it
            del new_phones[phone]
        self.phone_ids.update(new_phones)

    def _simple_lines(self, batch: CleanedBatch) -> list[bool]:
        """Plain lines that are certainly new contacts, in any order: e-mail and phone keys
        unknown to the base and found on no other line of the batch (keys of the lines the
        reference cleaned included), so that no line can match them before the batch ends."""
        email_keys, phone_keys = list(batch.email_keys), list(batch.phone_keys)
        for index, other in batch.others.items():
            if isinstance(other, ContactRecord):
                email_keys[index], phone_keys[index] = other.email_key, other.phone_key
        # The keys that make a line not simple: on two lines of the batch, or known already.
        taken = []
        for keys, known in ((email_keys, self.email_ids), (phone_keys, self.phone_ids)):
            repeated = {key for key, times in Counter(keys).items() if times > 1}  # once per distinct key
            found = (repeated | (known.keys() & set(keys))) - {""}  # dict view & set: walks the set
            taken.append(list(map(found.__contains__, keys)) if found else None)
        simple = list(batch.plain)
        for hits in taken:
            if hits is not None:
                for index in positions(hits, True):
                    simple[index] = False
        return simple

    def _add_line(self, batch: CleanedBatch, index: int, ids: list[int], indexes: list[int]) -> None:
        """One line of a batch, matched on its own (it may repeat a contact, or be repeated)."""
        if not batch.plain[index]:
            self.add_cleaned(batch.others[index])
            return
        key, phone = batch.email_keys[index], batch.phone_keys[index]
        if not FAST_LANE or self._match(key, phone) is not None:
            self.add(batch.record(index))
            return
        contact_id = self.next_id
        self.next_id += 1
        self.fast[contact_id] = (batch, index)  # at once: a later line of this batch may repeat it
        ids.append(contact_id)
        indexes.append(index)
        self._remember(contact_id, key, phone)

    def _materialise(self, contact_id: int) -> None:
        """A later line repeats a new contact still in its batch's columns: give it its row dict."""
        batch, index = self.fast.pop(contact_id)
        self.materialised.add(contact_id)
        record = batch.record(index)
        self.new_rows[contact_id] = {**self.new_defaults, **record.values}
        if "circle" not in record.values:
            self.circle_defaulted.add(contact_id)
        if record.tags:
            self.new_tags[contact_id] = list(record.tags)

    def _add_tags(self, contact_id: int, tags: Sequence[str]) -> None:
        if tags:
            self.new_tags[contact_id] = [*self.new_tags.get(contact_id, ()), *tags]

    @staticmethod
    def _apply(row: dict[str, Any], record: ContactRecord, *, overwrite: bool, circle_open: bool = False) -> None:
        """Fold a line into a contact's values: overwrite (update mode) or only fill gaps (repeats)."""
        values = record.values
        for name, value in values.items():
            if name in ("email_key", "phone_key"):
                continue
            current = row.get(name)
            if name == "notes":
                notes = str(current or "")
                if value not in notes:
                    row["notes"] = f"{notes}\n{value}" if notes else value
            elif name in ("email", "phone"):
                secondary = f"{name}_secondary"
                key = values[f"{name}_key"]
                current_key = row[f"{name}_key"]
                if not current:
                    row[name], row[f"{name}_key"] = value, key
                elif key != current_key:
                    if overwrite:
                        if not row[secondary]:  # the number replaced is kept, not lost
                            row[secondary] = current
                        row[name], row[f"{name}_key"] = value, key
                    elif not row[secondary] and value != row[secondary]:
                        row[secondary] = value
            elif name == "circle":
                if overwrite or circle_open:
                    row["circle"] = value
            elif name in ("is_ambassador", "is_critic"):
                row[name] = value if overwrite else (current or value)
            elif overwrite or not current:
                row[name] = value
        for name in ("email_secondary", "phone_secondary"):
            primary = name.removesuffix("_secondary")
            if row.get(name) and row[name] == row[primary]:
                row[name] = ""

    # -- writing ----------------------------------------------------------------------

    @property
    def batch_size(self) -> int:
        return len(self.new_rows) + len(self.fast) + len(self.pending)

    def flush(self) -> None:
        """Write this batch: new contacts and their history, changes to existing ones, tags."""
        if self.new_rows or self.fast:
            self._create_tags_in_id_order()
            rows = self._dict_rows()
            circles = Counter(map(_circle_of_row, rows))
            ids = [rows[0][0], rows[-1][0]] if rows else []
            if rows:
                self.conn.exec_driver_sql(self.insert_sql, rows)
            if self.fast:
                fast_rows, fast_sql, circle_of = self._fast_rows()
                if fast_rows:
                    self.conn.exec_driver_sql(fast_sql, fast_rows)
                    circles.update(circle_of(fast_rows))
                    ids += [fast_rows[0][0], fast_rows[-1][0]]
            # Their entry into a circle, copied by SQLite from the rows just written: no Python per row.
            first, last = min(ids), max(ids)  # a batch's new ids follow each other
            self.conn.exec_driver_sql(self.entry_sql, (self.moved_by, self.move_reason, first, last))
            if self.bulk:
                self._do_suspended_triggers(first, last, circles)
        if self.pending:
            moves = self._flush_pending()
            if moves:
                self.conn.exec_driver_sql(self.move_sql, moves)
        if self.new_tags:
            known = self.tag_ids  # spellings already met: no method call for each of ~70 000 links
            links = [
                (contact_id, known.get(tag) or self._tag_id(tag))
                for contact_id, tags in self.new_tags.items()
                for tag in tags
            ]
            self.conn.exec_driver_sql(self.link_sql, links)
            if self.bulk:  # contact_tags_after_insert, for the contacts that were there before the import
                older = [(contact_id,) for contact_id in self.new_tags if contact_id < self.first_new_id]
                if older:
                    self.conn.exec_driver_sql("INSERT INTO contact_search_queue(contact_id) VALUES (?)", older)
        self.new_rows.clear()
        self.fast.clear()
        self.fast_groups.clear()
        self.materialised.clear()
        self.new_tags.clear()
        self.circle_defaulted.clear()
        self.pending.clear()

    def _do_suspended_triggers(self, first: int, last: int, counts: Counter[str]) -> None:
        """What contacts_after_insert and contacts_count_after_insert do, for this batch's new contacts at once.

        Run right after the batch's INSERT, before any update of these contacts (whose own
        trigger then moves the count from the old circle to the new, as usual)."""
        self.conn.exec_driver_sql(
            "INSERT INTO contact_search_queue(contact_id) SELECT id FROM contacts WHERE id BETWEEN ? AND ?",
            (first, last),
        )
        # ``counts``: the new contacts per circle (all listed: neither archived nor erased).
        self.conn.exec_driver_sql(
            "INSERT INTO contact_circle_counts(circle, active) SELECT ?, 0 "
            "WHERE NOT EXISTS (SELECT 1 FROM contact_circle_counts WHERE circle = ?)",
            [(circle, circle) for circle in counts],
        )
        self.conn.exec_driver_sql(
            "UPDATE contact_circle_counts SET active = active + ? WHERE circle = ?",
            [(count, circle) for circle, count in counts.items()],
        )

    def finish(self, *, build_indexes: bool = True) -> None:
        """Write what is left; in bulk mode build the indexes again (not needed before a rollback)."""
        self.flush()
        if build_indexes:
            for suspended in self.suspended:
                suspended.restore()

    def _flush_pending(self) -> list[tuple[Any, ...]]:
        ids = list(self.pending)
        rows = self._load(ids)
        links = self._existing_links(ids)
        updates: list[tuple[Any, ...]] = []
        moves: list[tuple[Any, ...]] = []
        for contact_id in ids:
            before = rows.get(contact_id)
            if before is None:  # pragma: no cover - matched ids come from this very transaction
                continue
            row = dict(before)
            overwrote = False
            for record, overwrite in self.pending[contact_id].records:
                self._apply(row, record, overwrite=overwrite)
                overwrote = overwrote or overwrite
                self._add_tags(contact_id, record.tags)
            known = links.get(contact_id, set())
            new_tags = {self._tag_id(tag) for tag in self.new_tags.get(contact_id, [])} - known
            changed = row != before
            if changed or new_tags:
                updates.append(
                    (
                        *_updatable_values(row),
                        *self._search_data(contact_id, row, known),
                        self.stamp,
                        contact_id,
                    )
                )
                if row["circle"] != before["circle"]:
                    moves.append(
                        (contact_id, self.stamp, before["circle"], row["circle"], self.moved_by, self.move_reason)
                    )
            self._remember(contact_id, row["email_key"], row["phone_key"])
            if overwrote:  # the line that matched an existing contact in update mode
                if changed or new_tags:
                    self.summary.updated += 1
                else:
                    self.summary.skipped += 1
        if updates:
            self.conn.exec_driver_sql(self.update_sql, updates)
        return moves

    def _search_data(self, contact_id: int, row: Mapping[str, Any], known_tags: Iterable[int]) -> tuple[str, str, str]:
        """sort_name, tags_text and city_sort as db.search_index computes them (same rules functions)."""
        tag_ids = {*known_tags, *(self._tag_id(tag) for tag in self.new_tags.get(contact_id, ()))}
        return (
            sort_name(row["kind"], row["first_name"], row["last_name"], row["organisation"], row["email"]),
            tags_text(self.tag_names[tag_id] for tag_id in tag_ids),
            city_sort(row["city"]),
        )

    def _create_tags_in_id_order(self) -> None:
        """A tag new to the base takes the spelling of the first new contact naming it, as when
        rows are written one by one (the fast lane's rows are built after the row dicts)."""
        known = self.tag_ids

        def has_new(tags: Iterable[str]) -> bool:
            return any(tag not in known for tag in tags)

        unknown = [
            (contact_id, tags)
            for contact_id, tags in self.new_tags.items()
            if contact_id in self.new_rows and has_new(tags)
        ]
        for batch, ids, indexes in self.fast_groups:
            column = batch.columns.get("tags")
            if column is None:
                continue
            # One list per cell text; not the cells left to the reference (SLOW), whose lines are not here.
            distinct = {id(tags): tags for tags in column if tags and isinstance(tags, list)}.values()
            if not any(has_new(tags) for tags in distinct):
                continue
            unknown.extend(
                (contact_id, column[index]) for contact_id, index in zip(ids, indexes, strict=True) if column[index]
            )
        for _contact_id, tags in sorted(unknown, key=_first):
            for tag in tags:
                self._tag_id(tag)

    def _fast_rows(self) -> tuple[list[tuple[Any, ...]], str, Callable[[list[tuple[Any, ...]]], Iterable[str]]]:
        """The insert rows of the new contacts left in their batches' columns, built column-wise:
        per column one C-level pick (itemgetter) and per distinct value one computation.

        Returns the rows, their INSERT (the columns no line fills, the same for the whole file,
        and the time stamps written as SQL constants: fewer values bound per row) and a
        function giving the circle of each row."""
        rows: list[tuple[Any, ...]] = []
        materialised = self.materialised
        varying: list[str] = []
        for batch, all_ids, all_indexes in self.fast_groups:
            ids, indexes = all_ids, all_indexes
            gone = materialised.intersection(all_ids) if materialised else ()
            if gone:  # a few became row dicts (a later line repeated them): written as such
                ids, indexes = list(all_ids), list(all_indexes)
                for contact_id in sorted(gone, reverse=True):
                    at = bisect_left(ids, contact_id)  # ids of a group are in order
                    del ids[at], indexes[at]
                if not ids:
                    continue
            pick: Callable[[Sequence[Any]], Sequence[Any]] = (
                itemgetter(*indexes) if len(indexes) > 1 else _one(indexes[0])
            )
            keys: dict[str, list[Any]] = {
                "email_key": batch.email_keys,
                "phone_key": batch.phone_keys,
                "kind": batch.kinds,
            }
            columns = {**batch.columns, **keys}
            varying = [name for name in UPDATABLE if name in columns or name not in _LITERAL_DEFAULTS]
            # Each column as picked, a blank cell (None) given its default in Python: an SQL
            # COALESCE(?, default) binds less but makes executemany 3x slower (SQLite 3.40).
            picked: dict[str, Sequence[Any]] = {}
            for name in UPDATABLE:
                default = self.new_defaults[name]
                column = columns.get(name)
                if column is None:
                    picked[name] = [default] * len(ids)
                    continue
                values = pick(column)
                if None in values:
                    values = [default if value is None else value for value in values]
                if name in _FLAGS:  # 0/1: sqlite3 binds a bool through its adapter lookup, ~1 µs a value
                    values = list(map(int, values))
                picked[name] = values
            tags_column = batch.columns.get("tags")
            if tags_column is not None:
                tag_lists = pick(tags_column)
                self.new_tags.update(compress(zip(ids, tag_lists, strict=True), tag_lists))
                tag_texts: Iterable[str] = self._tags_texts_of(tag_lists)
            else:
                tag_texts = repeat("", len(ids))
            rows.extend(
                zip(
                    ids,
                    *(picked[name] for name in varying),
                    self._sort_names_of(picked),
                    tag_texts,
                    self._city_sorts_of(picked["city"]),
                    strict=True,
                )
            )
        constants = [name for name in UPDATABLE if name not in varying]
        literals = [_sql_literal(NEW_DEFAULTS[name]) for name in constants]
        literals += [_sql_literal(self.stamp), _sql_literal(self.stamp), "1"]
        names = ["id", *varying, *_SEARCH_COLUMNS, *constants, "created_at", "updated_at", "version_id"]
        sql = (
            f"INSERT OR FAIL INTO contacts ({', '.join(names)}) "
            f"VALUES ({', '.join(['?'] * (len(names) - len(literals)) + literals)})"
        )
        if "circle" in varying:
            circle_of: Callable[[list[tuple[Any, ...]]], Iterable[str]] = partial(
                map, itemgetter(1 + varying.index("circle"))
            )
        else:
            circle_of = lambda written: repeat(NEW_DEFAULTS["circle"], len(written))  # noqa: E731
        return rows, sql, circle_of

    def _dict_rows(self) -> list[tuple[Any, ...]]:
        """The insert rows of the new contacts held as row dicts, in id order (each B-tree is
        appended to); their search columns computed as the fast lane's are."""
        ids = sorted(self.new_rows)
        rows = [self.new_rows[contact_id] for contact_id in ids]
        picked = {name: [row[name] for row in rows] for name in _SEARCH_INPUTS}
        searched = zip(
            self._sort_names_of(picked),
            [self._tags_text(self.new_tags.get(contact_id, ())) for contact_id in ids],
            self._city_sorts_of(picked["city"]),
            strict=True,
        )
        stamp = self.stamp
        return [
            (contact_id, *_updatable_values(row), *search, stamp, stamp, 1)
            for contact_id, row, search in zip(ids, rows, searched, strict=True)
        ]

    def _sort_names_of(self, picked: Mapping[str, Sequence[Any]]) -> list[str]:
        """sort_name of each contact (rules.contact_search_text), once per distinct name."""
        names = list(
            zip(picked["kind"], picked["first_name"], picked["last_name"], picked["organisation"], strict=True)
        )
        found = map_distinct(_sort_name_by_names, names, self.sort_names)
        if "" in found:  # no name at all: sorted by e-mail, which is the contact's own
            emails = picked["email"]
            found = [value or sort_name(*names[i], emails[i]) for i, value in enumerate(found)]
        return found

    def _city_sorts_of(self, cities: Sequence[str]) -> list[str]:
        return map_distinct(city_sort, cities, self.city_sorts)

    def _tags_texts_of(self, tag_lists: Sequence[Sequence[str] | None]) -> list[str]:
        """tags_text of each contact's tags. The lines of one tags cell share one list object
        (the cleaner's memory): one computation per object, found again by its id, in C."""
        distinct = dict(zip(map(id, tag_lists), tag_lists, strict=True))  # all alive: ids are stable
        texts = {key: self._tags_text(tags) for key, tags in distinct.items() if tags}
        return list(map(texts.get, map(id, tag_lists), repeat("")))

    def _tags_text(self, tags: Sequence[str]) -> str:
        """tags_text of a new contact's tags in this import (the same few sets on many contacts)."""
        if not tags:
            return ""
        tag_key = tuple(tags)
        text = self.tags_texts.get(tag_key)
        if text is None:
            text = tags_text(self.tag_names[tag_id] for tag_id in {self._tag_id(tag) for tag in tags})
            if len(self.tags_texts) < _MEMO_LIMIT:
                self.tags_texts[tag_key] = text
        return text

    def _load(self, ids: Sequence[int]) -> dict[int, dict[str, Any]]:
        rows: dict[int, dict[str, Any]] = {}
        columns = ", ".join(UPDATABLE)
        for chunk in _chunks(ids, _IN_CHUNK):
            marks = ", ".join("?" * len(chunk))
            for found in self.conn.exec_driver_sql(
                f"SELECT id, {columns} FROM contacts WHERE id IN ({marks})", tuple(chunk)
            ):
                values = dict(zip(UPDATABLE, found[1:], strict=True))
                values["is_ambassador"] = bool(values["is_ambassador"])
                values["is_critic"] = bool(values["is_critic"])
                rows[found[0]] = values
        return rows

    def _existing_links(self, ids: Sequence[int]) -> dict[int, set[int]]:
        links: dict[int, set[int]] = {}
        for chunk in _chunks(ids, _IN_CHUNK):
            marks = ", ".join("?" * len(chunk))
            for contact_id, tag_id in self.conn.exec_driver_sql(
                f"SELECT contact_id, tag_id FROM contact_tags WHERE contact_id IN ({marks})", tuple(chunk)
            ):
                links.setdefault(contact_id, set()).add(tag_id)
        return links

    def _tag_id(self, name: str) -> int:
        tag_id = self.tag_ids.get(name)  # same spelling as before: no folding needed
        if tag_id is not None:
            return tag_id
        key = fold(name)
        tag_id = self.tag_ids.get(key)
        if tag_id is None:
            result = self.conn.exec_driver_sql("INSERT INTO tags (name) VALUES (?)", (name,))
            tag_id = self.tag_ids[key] = int(result.lastrowid)
            self.tag_names[tag_id] = name
        self.tag_ids[name] = tag_id
        return tag_id


_first = itemgetter(0)
_FLAGS = frozenset(("is_ambassador", "is_critic"))
_SEARCH_INPUTS = ("kind", "first_name", "last_name", "organisation", "email", "city")  # what sort_name, city_sort read
# Defaults the code chooses, written as SQL constants when no column of the file fills them.
_LITERAL_DEFAULTS = frozenset(NEW_DEFAULTS) - {"source"}  # the source is the file's name: bound


def _sql_literal(value: object) -> str:
    """An SQL constant for a value of ours (never for text from a file)."""
    if isinstance(value, bool | int):
        return str(int(value))
    if isinstance(value, str) and "\x00" not in value:
        return "'" + value.replace("'", "''") + "'"
    raise TypeError(f"no SQL constant for {value!r}")


def _sort_name_by_names(names: tuple[str, str, str, str]) -> str:
    """sort_name from (kind, first, last, organisation); "" when it would need the e-mail."""
    kind, first, last, organisation = names
    return sort_name(kind, first, last, organisation, "")


def _one(index: int) -> Callable[[Sequence[Any]], tuple[Any, ...]]:
    """itemgetter of a single index, returning a 1-tuple as itemgetter of several does."""
    return lambda items: (items[index],)


_circle_of_row = itemgetter(1 + UPDATABLE.index("circle"))  # in an insert row (id first)


def _chunks(items: Sequence[int], size: int) -> Iterable[Sequence[int]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]
