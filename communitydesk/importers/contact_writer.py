"""Write checked contact records in the caller's transaction: match, fold repeats, stage, create.

Matching runs on keys loaded once into dicts (a look-up per line): the e-mail key, then the
phone key, but a phone never joins two different e-mail addresses (a family's landline); a
line with neither is matched on its folded name with its postcode or city (a bare name only
stands for a contact with nothing else either). A line repeating
a contact of the same file is folded into it (gaps filled, notes and tags added).

New contacts are staged with ``executemany`` in a TEMP table, their search data computed
once (the rules functions the search index uses), then created at the end by set-based
SQL, one statement each: the contacts, their entry into a circle, their tag links and their
FTS rows, so that the search finds them as soon as the transaction commits. A big file into
a small base (the first import of an address book) suspends the contacts' indexes and insert
triggers for those statements (db/bulk_load.py) and counts the circles itself.
Changes to contacts already in the base are written as UPDATEs at each flush; their
search data is refreshed by ``db.search_index.refresh_contacts`` at the end. Nothing here commits.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime
from operator import itemgetter
from typing import Any, cast

from sqlalchemy import Column, Connection, Integer, MetaData, Table, Text, insert, literal, null, select, text

from communitydesk.db import search_index
from communitydesk.db.bulk_load import SuspendedIndexes, create_staging, drop_staging, insert_json_pairs
from communitydesk.i18n import _
from communitydesk.importers.contact_columns import ContactField
from communitydesk.importers.contact_records import ContactRecord, RowError
from communitydesk.importers.import_summary import ImportMode, ImportSummary
from communitydesk.models.contacts import ACTIVE_SQL, CircleMove, Contact, contact_tags
from communitydesk.rules.ambassadors import referral_code_key
from communitydesk.rules.circles import Circle
from communitydesk.rules.contact_keys import fold
from communitydesk.rules.contact_search_text import city_sort, folded, folded_words, search_body, sort_name, tags_text

BATCH_SIZE = 2000
# Bulk mode from this many lines, when the file has at least half as many lines as the base
# has contacts: rebuilding an index costs ~13 µs per contact of the whole table, keeping it
# up to date ~47 µs per contact inserted (bench/contacts_import.py).
BULK_MIN_LINES = 5000
# The tables bulk mode loads, with the insert triggers of migration 0002 it suspends: finish() does their work.
BULK_SUSPENDED = {
    "contacts": ("contacts_after_insert", "contacts_count_after_insert"),
    "contact_tags": ("contact_tags_after_insert",),
}
_IN_CHUNK = 500  # ids per "WHERE id IN (...)": well under SQLite's variable limit

# Columns an import may change on a contact, in a fixed order for executemany.
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
    "referred_by_id",  # the ambassador whose code the line gives (« Code parrain »)
)
NEW_DEFAULTS: dict[str, Any] = {
    **dict.fromkeys(UPDATABLE, ""),
    "kind": "person",
    "country": "FR",
    "circle": Circle.GRAND_PUBLIC.value,
    "is_ambassador": 0,  # 0/1: sqlite3 binds a bool through an adapter look-up
    "is_critic": 0,
    "referred_by_id": None,
}
_SEARCH_COLUMNS = ("sort_name", "tags_text", "city_sort")
_FLAGS = ("is_ambassador", "is_critic")
_INTEGERS = (*_FLAGS, "referred_by_id")

# The staged new contacts: their columns, their search data, tag ids as a JSON array, FTS text.
STAGING = Table(
    "import_contacts",
    MetaData(),
    Column("id", Integer, primary_key=True),
    *(Column(name, Integer if name in _INTEGERS else Text) for name in (*UPDATABLE, *_SEARCH_COLUMNS)),
    Column("tag_ids", Text),
    Column("body", Text),
    prefixes=["TEMPORARY"],
)
_STAGED = tuple(column.name for column in STAGING.columns)


class ContactImportWriter:
    """Receives checked lines (``add_cleaned``), writes them batch by batch (``flush``), ends with ``finish``."""

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
        circle: str | None = None,
        tags: Sequence[str] = (),
        referral_column: str = "",
    ) -> None:
        self.conn = connection
        self.mode = mode
        self.moved_by = moved_by
        self.move_reason = move_reason
        self.summary = summary
        contacts = cast(Table, Contact.__table__)
        # The stored text of "now", converted once by the column's own type (as the ORM would).
        stamp = contacts.c.created_at.type.dialect_impl(connection.dialect).bind_processor(connection.dialect)
        self.stamp = stamp(now) if stamp else now
        self.now = now
        # What every line gets: the file's source and circle when its cells give none, its tags added.
        self.new_defaults = {**NEW_DEFAULTS, "source": source, "circle": circle or NEW_DEFAULTS["circle"]}
        self.every_tags = list(tags)

        # Take the write lock before reading anything: the keys read below stay true until
        # commit, and the ids handed out below cannot be taken by another writer.
        connection.exec_driver_sql("DELETE FROM contacts WHERE 0")
        self.next_id = int(connection.exec_driver_sql("SELECT COALESCE(MAX(id), 0) + 1 FROM contacts").scalar_one())
        self.first_new_id = self.next_id
        self.staged_insert = create_staging(connection, STAGING)  # after the lock: inside the transaction
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
        self.name_ids: dict[str, int] = {}  # name + place keys, kept once a line needed them
        self.names_loaded = False
        self.tag_names: dict[int, str] = dict(connection.exec_driver_sql("SELECT id, name FROM tags").all())
        self.tag_ids: dict[str, int] = {fold(name): tag_id for tag_id, name in self.tag_names.items()}
        self.tags_texts: dict[tuple[int, ...], str] = {}
        self.bulk = expected_lines >= BULK_MIN_LINES and expected_lines * 2 >= existing
        # Referral codes by their key, whatever the case and spaces a file writes them with.
        self.referral_ids: dict[str, int] = {
            referral_code_key(code): ambassador_id
            for ambassador_id, code in connection.exec_driver_sql("SELECT id, referral_code FROM ambassadors")
        }
        self.referral_column = referral_column or ContactField.REFERRAL_CODE.label
        self.referred = 0  # lines whose code named an ambassador

        self.new_rows: dict[int, dict[str, Any]] = {}  # this batch's new contacts
        self.new_tags: dict[int, list[str]] = {}  # their tags, and tags added to other contacts
        self.circle_defaulted: set[int] = set()  # new contacts whose lines gave no circle yet
        self.staged_repeats: dict[int, list[ContactRecord]] = {}  # lines repeating a contact staged earlier
        self.pending: dict[int, list[tuple[ContactRecord, bool]]] = {}  # lines for contacts of the base
        self.touched: set[int] = set()  # contacts of the base already updated by a line of this file
        self.changed: set[int] = set()  # contacts of the base written: their search data is refreshed at the end

    # -- matching ---------------------------------------------------------------------

    def _match(self, record: ContactRecord) -> int | None:
        """The contact a line repeats, if any."""
        values = record.values
        key, phone = values.get("email_key", ""), values.get("phone_key", "")
        target = self.email_ids.get(key) if key else None
        if target is None and phone:
            hit = self.phone_ids.get(phone)
            if hit is not None and (not key or not hit[1]):  # a phone never joins two e-mails
                target = hit[0]
        if target is None and not key and not phone:
            if not self.names_loaded:
                self._load_names()
            for place_key in _place_keys(values):
                target = self.name_ids.get(place_key)
                if target is not None:
                    # Found by its name: the line's name cells are what identified it. Written
                    # again ("1000" given as the last name of "1000" known as a first name) they
                    # would change the name, and the next import of this file would not find it.
                    for name in _NAME_CELLS:
                        values.pop(name, None)
                    break
        return target

    def _remember(self, contact_id: int, values: dict[str, Any]) -> None:
        email, phone = values.get("email_key", ""), values.get("phone_key", "")
        if email:
            self.email_ids.setdefault(email, contact_id)
        if phone:
            hit = self.phone_ids.get(phone)
            if hit is None or (hit[0] == contact_id and not hit[1]):
                self.phone_ids[phone] = (contact_id, email)
        if self.names_loaded:
            for place_key in _place_keys(values):
                self.name_ids.setdefault(place_key, contact_id)

    def _load_names(self) -> None:
        """Name + place keys of the contacts so far (the base's, then this file's), read at the first line
        that needs them (no e-mail, no phone): a file where every line has one never computes them."""
        self.names_loaded = True
        base = self.conn.exec_driver_sql(
            f"SELECT id, {', '.join(_NAME_COLUMNS)} FROM contacts WHERE {ACTIVE_SQL} AND id < ? ORDER BY id",
            (self.first_new_id,),
        )
        staged = self.conn.exec_driver_sql(
            f"SELECT id, {', '.join(_NAME_COLUMNS)} FROM temp.{STAGING.name} ORDER BY id"
        )
        for row in (*base, *staged):
            for place_key in _place_keys(dict(zip(_NAME_COLUMNS, row[1:], strict=True))):
                self.name_ids.setdefault(place_key, row[0])
        for contact_id, values in self.new_rows.items():
            for place_key in _place_keys(values):
                self.name_ids.setdefault(place_key, contact_id)

    # -- receiving lines --------------------------------------------------------------

    def add_cleaned(self, cleaned: ContactRecord | list[RowError] | None) -> None:
        """One checked line: its record is added (its warnings kept), its errors kept, a blank line skipped."""
        if isinstance(cleaned, ContactRecord):
            if cleaned.warnings:
                self.summary.warnings.extend(cleaned.warnings)
            self.add(cleaned)
        elif cleaned is not None:
            self.summary.errors.extend(cleaned)

    def add(self, record: ContactRecord) -> None:
        if self.every_tags:
            record.tags = [*record.tags, *self.every_tags]
        values = record.values
        code = values.pop("referral_code", None)
        if code is not None:
            self._refer(record, code)
        target = self._match(record)
        if target is None:
            contact_id = self.next_id
            self.next_id += 1
            self.new_rows[contact_id] = {**self.new_defaults, **values}
            if "circle" not in values:
                self.circle_defaulted.add(contact_id)
            if record.tags:
                self.new_tags[contact_id] = list(record.tags)
            self._remember(contact_id, values)
            self.summary.created += 1
            return
        row = self.new_rows.get(target)
        if row is not None:  # repeats a contact created a few lines above
            self._fold_into_new(target, row, record)
            self.summary.merged += 1
        elif target >= self.first_new_id:  # repeats a contact staged in an earlier batch
            self.staged_repeats.setdefault(target, []).append(record)
            self.summary.merged += 1
        elif target in self.touched:  # a contact of the base met again
            self.pending.setdefault(target, []).append((record, False))
            self.summary.merged += 1
        elif self.mode is ImportMode.UPDATE:
            self.touched.add(target)
            self.pending.setdefault(target, []).append((record, True))
        else:
            self.summary.skipped += 1
            return
        self._remember(target, values)  # a later line with this line's e-mail or phone is the same person

    def _refer(self, record: ContactRecord, code: str) -> None:
        """The ambassador a line's referral code names; an unknown code is a warning, the line is kept."""
        ambassador_id = self.referral_ids.get(referral_code_key(code))
        if ambassador_id is not None:
            record.values["referred_by_id"] = ambassador_id
            self.referred += 1
            return
        column = self.referral_column
        problem = _(
            "Ligne {line}, « {column} » : {message}",
            line=record.line,
            column=column,
            message=_("code de parrainage inconnu « {value} » : aucun ambassadeur n'a ce code.", value=code),
        )
        self.summary.warnings.append(
            RowError(record.line, column, _("{problem} Le reste de la ligne est importé.", problem=problem))
        )

    def _fold_into_new(self, contact_id: int, row: dict[str, Any], record: ContactRecord) -> None:
        _apply(row, record, overwrite=False, circle_open=contact_id in self.circle_defaulted)
        if "circle" in record.values:
            self.circle_defaulted.discard(contact_id)
        if record.tags:
            self.new_tags[contact_id] = [*self.new_tags.get(contact_id, ()), *record.tags]

    # -- writing ----------------------------------------------------------------------

    @property
    def batch_size(self) -> int:
        return len(self.new_rows) + len(self.pending) + len(self.staged_repeats)

    def flush(self) -> None:
        """Stage this batch's new contacts, fold repeats into staged ones, update contacts of the base."""
        if self.new_rows:
            staged = [
                self._staged_row(contact_id, row, self.new_tags.get(contact_id, ()))
                for contact_id, row in self.new_rows.items()
            ]
            self.conn.exec_driver_sql(self.staged_insert, staged)
        if self.staged_repeats:
            self._restage(self.staged_repeats)
        if self.pending:
            self._flush_pending()
        self.new_rows.clear()
        self.new_tags.clear()
        self.staged_repeats.clear()
        self.pending.clear()

    def _staged_row(self, contact_id: int, row: dict[str, Any], tags: Sequence[str]) -> tuple[Any, ...]:
        tag_ids = sorted({self._tag_id(tag) for tag in tags}) if tags else []
        tag_text = self._tags_text(tuple(tag_ids)) if tag_ids else ""
        values = _updatable_values(row)
        if (
            values[_AMBASSADOR] is True or values[_CRITIC] is True
        ):  # flags bound as 0/1 (a bool costs an adapter look-up)
            values = (*values[:_AMBASSADOR], int(values[_AMBASSADOR]), int(values[_CRITIC]), *values[_CRITIC + 1 :])
        return (
            contact_id,
            *values,
            sort_name(row["kind"], row["first_name"], row["last_name"], row["organisation"], row["email"]),
            tag_text,
            city_sort(row["city"]),
            f"[{','.join(map(str, tag_ids))}]" if tag_ids else "[]",
            _body(row, tag_text),
        )

    def _tags_text(self, tag_ids: tuple[int, ...]) -> str:
        """tags_text of a set of tags: the same few sets on many contacts."""
        text = self.tags_texts.get(tag_ids)
        if text is None:
            text = self.tags_texts[tag_ids] = tags_text(self.tag_names[tag_id] for tag_id in tag_ids)
        return text

    def _restage(self, repeats: dict[int, list[ContactRecord]]) -> None:
        """Fold lines into contacts staged in an earlier batch (rare: a repeat far down the file)."""
        for chunk in _chunks(list(repeats), _IN_CHUNK):
            marks = ", ".join("?" * len(chunk))
            found = self.conn.exec_driver_sql(
                f"SELECT {', '.join(_STAGED)} FROM temp.{STAGING.name} WHERE id IN ({marks})", tuple(chunk)
            ).all()
            rows = []
            for staged in found:
                contact_id = staged[0]
                row = dict(zip(UPDATABLE, staged[1 : 1 + len(UPDATABLE)], strict=True))
                tags = [self.tag_names[tag_id] for tag_id in json.loads(staged[_STAGED.index("tag_ids")])]
                for record in repeats[contact_id]:
                    _apply(row, record, overwrite=False, circle_open=contact_id in self.circle_defaulted)
                    if "circle" in record.values:
                        self.circle_defaulted.discard(contact_id)
                    tags += record.tags
                rows.append(self._staged_row(contact_id, row, tags))
            self.conn.exec_driver_sql(self.staged_insert.replace("INSERT", "INSERT OR REPLACE", 1), rows)

    def _flush_pending(self) -> None:
        ids = list(self.pending)
        rows = self._load(ids)
        links = self._existing_links(ids)
        updates: list[tuple[Any, ...]] = []
        moves: list[tuple[Any, ...]] = []
        new_links: list[tuple[int, int]] = []
        for contact_id in ids:
            before = rows[contact_id]
            row = dict(before)
            overwrote = False
            tags: list[str] = []
            for record, overwrite in self.pending[contact_id]:
                _apply(row, record, overwrite=overwrite)
                overwrote = overwrote or overwrite
                tags += record.tags
            added = {self._tag_id(tag) for tag in tags} - links.get(contact_id, set())
            new_links += [(contact_id, tag_id) for tag_id in sorted(added)]
            changed = row != before
            if changed or added:
                self.changed.add(contact_id)
            if changed:
                updates.append((*(row[name] for name in UPDATABLE), self.stamp, contact_id))
                if row["circle"] != before["circle"]:
                    moves.append(
                        (contact_id, self.now, before["circle"], row["circle"], self.moved_by, self.move_reason)
                    )
            self._remember(contact_id, row)
            if overwrote:  # the line that matched a contact of the base in update mode
                if changed or added:
                    self.summary.updated += 1
                else:
                    self.summary.skipped += 1
        if updates:
            assignments = ", ".join(f"{name} = ?" for name in UPDATABLE)
            self.conn.exec_driver_sql(
                f"UPDATE OR FAIL contacts SET {assignments}, updated_at = ?, version_id = version_id + 1 WHERE id = ?",
                updates,
            )
        if moves:
            rows_of_moves = [dict(zip(_MOVE_COLUMNS, move, strict=True)) for move in moves]
            self.conn.execute(insert(cast(Table, CircleMove.__table__)), rows_of_moves)
        if new_links:
            self.conn.execute(insert(contact_tags), [{"contact_id": c, "tag_id": t} for c, t in new_links])

    def finish(self, *, build_indexes: bool = True) -> None:
        """Create the staged contacts, set-based; in bulk mode build the indexes again (not needed before
        a rollback). Then the search data of the contacts of the base this import changed."""
        self.flush()
        if self.next_id > self.first_new_id:
            suspended = (
                [SuspendedIndexes(self.conn, table, triggers) for table, triggers in BULK_SUSPENDED.items()]
                if self.bulk
                else []
            )
            self._create_staged()
            if suspended:
                self._count_circles()
                if build_indexes:
                    for each in suspended:
                        each.restore()
        drop_staging(self.conn, STAGING)
        search_index.refresh_contacts(self.conn, sorted(self.changed))

    def _create_staged(self) -> None:
        contacts = cast(Table, Contact.__table__)
        stamp = literal(self.stamp)
        staged = [STAGING.c[name] for name in (*UPDATABLE, *_SEARCH_COLUMNS)]
        by_id = STAGING.c.id
        self.conn.execute(
            insert(contacts)
            .prefix_with("OR FAIL")
            .from_select(
                ["id", *UPDATABLE, *_SEARCH_COLUMNS, "created_at", "updated_at", "version_id"],
                select(by_id, *staged, stamp, stamp, literal(1)).order_by(by_id),
            )
        )
        moves = cast(Table, CircleMove.__table__)
        self.conn.execute(
            insert(moves).from_select(
                list(_MOVE_COLUMNS),
                select(
                    by_id, stamp, null(), STAGING.c.circle, literal(self.moved_by), literal(self.move_reason)
                ).order_by(by_id),
            )
        )
        insert_json_pairs(self.conn, contact_tags, STAGING, "id", "tag_ids")
        search_index.index_new(self.conn, select(by_id, STAGING.c.body))

    def _count_circles(self) -> None:
        """What contacts_count_after_insert does, for every staged contact at once (all listed)."""
        self.conn.execute(
            text(
                "INSERT INTO contact_circle_counts(circle, active) "
                f"SELECT circle, COUNT(*) FROM temp.{STAGING.name} WHERE true GROUP BY circle "
                "ON CONFLICT(circle) DO UPDATE SET active = active + excluded.active"
            )
        )

    def _load(self, ids: Sequence[int]) -> dict[int, dict[str, Any]]:
        rows: dict[int, dict[str, Any]] = {}
        for chunk in _chunks(ids, _IN_CHUNK):
            marks = ", ".join("?" * len(chunk))
            for found in self.conn.exec_driver_sql(
                f"SELECT id, {', '.join(UPDATABLE)} FROM contacts WHERE id IN ({marks})", tuple(chunk)
            ):
                rows[found[0]] = dict(zip(UPDATABLE, found[1:], strict=True))
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
        """The tag of that name, whatever its case and accents; a new one takes the first spelling met."""
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


_NAME_CELLS = ("first_name", "last_name", "organisation")
_NAME_COLUMNS = ("first_name", "last_name", "organisation", "postcode", "city", "email_key", "phone_key")
_MOVE_COLUMNS = ("contact_id", "moved_at", "from_circle", "to_circle", "moved_by", "reason")
_updatable_values = itemgetter(*UPDATABLE)  # a row's UPDATABLE values as a tuple, in C
_AMBASSADOR, _CRITIC = (UPDATABLE.index(name) for name in _FLAGS)  # side by side: one slice replaces both
assert _CRITIC == _AMBASSADOR + 1


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
            if not current:
                row[name], row[f"{name}_key"] = value, key
            elif key != row[f"{name}_key"]:
                if overwrite:
                    if not row[secondary]:  # the address or number replaced is kept, not lost
                        row[secondary] = current
                    row[name], row[f"{name}_key"] = value, key
                elif not row[secondary]:
                    row[secondary] = value
        elif name == "circle":
            if overwrite or circle_open:
                row["circle"] = value
        elif name in _FLAGS:
            row[name] = int(value) if overwrite else int(current or value)
        elif overwrite or not current:
            row[name] = value
    for name in ("email_secondary", "phone_secondary"):
        primary = name.removesuffix("_secondary")
        if row.get(name) and row[name] == row[primary]:
            row[name] = ""


def _place_keys(values: dict[str, Any]) -> list[str]:
    """Keys telling a person or an organisation without e-mail nor phone: the folded name with the
    postcode, with the city; a bare name only stands for a contact that has nothing else either
    (two "Jean Martin" of two towns are not one person)."""
    name = folded_words(values.get("first_name", ""), values.get("last_name", "")) or folded(
        values.get("organisation", "")
    )
    if not name:
        return []
    keys = []
    if values.get("postcode"):
        keys.append(f"{name}|{values['postcode']}")
    if values.get("city"):
        keys.append(f"{name}@{folded(values['city'])}")
    if not keys and not values.get("email_key") and not values.get("phone_key"):
        keys.append(f"{name}|")
    return keys


def _body(row: dict[str, Any], tag_text: str) -> str:
    return search_body(
        first_name=row["first_name"],
        last_name=row["last_name"],
        organisation=row["organisation"],
        role=row["role"],
        email=row["email"],
        email_secondary=row["email_secondary"],
        phone=row["phone"],
        phone_secondary=row["phone_secondary"],
        phone_key=row["phone_key"],
        postcode=row["postcode"],
        city=row["city"],
        tags=tag_text,
    )


def _chunks(items: Sequence[int], size: int) -> list[Sequence[int]]:
    return [items[start : start + size] for start in range(0, len(items), size)]
