"""CSV lines cleaned a batch at a time, column by column: the fast lane of a big import.

``RecordCleaner.clean`` is the reference: it checks one line, every field, and writes the
error messages. At 100 000 lines its per-line Python (~20 µs) was most of an import. Here a
batch of lines is cut into columns; each column is cleaned in one tight pass, with a memory
for the columns whose values repeat (first names, cities, circles, tags...); then each line
takes its values from the columns. Only the plain cases are handled here: as soon as one
cell of a line needs more (an error, an ``="..."`` cell, two e-mails in a cell, a country
other than France, a full name to split...), the whole line goes to the reference cleaner.
tests/importers/test_contact_batch_cleaning.py checks, on generated lines, that both give
the same result for every line.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from operator import itemgetter
from typing import Any, Final
from unicodedata import normalize

from communitydesk.importers.contact_columns import ColumnMapping, ContactField
from communitydesk.importers.contact_records import (
    _FALSE_WORDS,
    _FR_POSTCODE,
    _LIMITS,
    _PLACEHOLDERS,
    _TRUE_WORDS,
    KIND_WORDS,
    TAG_MAX_LENGTH,
    ContactRecord,
    RecordCleaner,
    RowError,
    circle_from_text,
    country_code,
)
from communitydesk.rules.contact_fields import EMAIL_PATTERN
from communitydesk.rules.contact_keys import fold, phone_key

Cleaned = ContactRecord | list[RowError] | None


class _Slow:
    """A cell the fast lane leaves to the reference cleaner (its line with it)."""

    def __repr__(self) -> str:
        return "SLOW"


SLOW: Final = _Slow()
_MEMO_LIMIT = 20_000  # distinct values remembered per column: names and cities, not e-mails
_JOINERS = {"notes": "\n", "address": "\n", "tags": ","}


def _stripped(cell: str) -> str | _Slow | None:
    """What the reference does to every cell first: None for blank, SLOW for ="..." and '= cells."""
    value = cell.strip()
    if not value:
        return None
    if value[0] == "=" or value[0] == "'":
        return SLOW
    return value


def _text(limit: int | None) -> Callable[[str], Any]:
    def clean(cell: str) -> Any:
        value = _stripped(cell)
        if isinstance(value, str) and limit is not None and len(value) > limit:
            return SLOW
        return value

    return clean


def _multiline(cell: str) -> Any:
    value = _stripped(cell)
    if isinstance(value, str) and "\r" in value:
        return value.replace("\r\n", "\n").replace("\r", "\n")
    return value


def _email(cell: str) -> Any:
    value = _stripped(cell)
    if isinstance(value, str) and (len(value) > _LIMITS["email"] or not EMAIL_PATTERN.match(value)):
        return SLOW
    return value


def _postcode(cell: str) -> Any:
    value = _stripped(cell)
    if not isinstance(value, str) or (len(value) == 5 and value.isdigit()):
        return value
    if len(value) > _LIMITS["postcode"] or fold(value) in _PLACEHOLDERS:
        return SLOW  # a "n c" cell still counts as something on the line: the reference knows how
    compact = value.replace(" ", "")
    if len(compact) == 4 and compact.isdigit():
        compact = "0" + compact  # Excel turned "01000" into the number 1000
    return compact if _FR_POSTCODE.match(compact) else SLOW


def _country(cell: str) -> Any:
    value = _stripped(cell)
    if isinstance(value, str):
        return "FR" if country_code(value) == "FR" else SLOW  # another country: another phone region
    return value


def _circle(cell: str) -> Any:
    value = _stripped(cell)
    if isinstance(value, str):
        found = circle_from_text(value)
        return found.value if found is not None else SLOW
    return value


def _kind(cell: str) -> Any:
    value = _stripped(cell)
    if isinstance(value, str):
        return KIND_WORDS.get(fold(value), SLOW)
    return value


def _flag(label: str) -> Callable[[str], Any]:
    def clean(cell: str) -> Any:
        value = _stripped(cell)
        if not isinstance(value, str):
            return value
        word = fold(value)
        if word in _TRUE_WORDS or word == label:
            return True
        return False if word in _FALSE_WORDS else SLOW

    return clean


def _only_slow(cell: str) -> Any:
    """Fields the fast lane never handles when filled (full name, second e-mail or phone)."""
    value = _stripped(cell)
    return SLOW if isinstance(value, str) else value


def _french_key(compact: str) -> str | None:
    """``phone_key`` of a French number without its spaces and dots, for the usual shapes
    (« 0612345678 », « +33612345678 », « 612345678 »); None for any other (phone_key decides)."""
    if not compact.isascii():
        return None
    size = len(compact)
    if size == 10 and compact[0] == "0" and compact[1] in "123456789" and compact.isdigit():
        return "+33" + compact[1:]
    if size == 12 and compact.startswith("+33") and compact[3] in "123456789" and compact[3:].isdigit():
        return compact
    if size == 9 and compact[0] in "123456789" and compact.isdigit():
        return "+33" + compact
    return None


def map_distinct(function: Callable[[Any], Any], values: Sequence[Any], memo: dict[Any, Any]) -> list[Any]:
    """``[function(value) for value in values]``, computed once per distinct value: the column
    passes of a big import, where first names, cities, circles and tags repeat. ``memo`` is
    kept between calls (batch after batch) and emptied when it grows past ``_MEMO_LIMIT``."""
    for value in set(values).difference(memo):
        memo[value] = function(value)
    found = list(map(memo.__getitem__, values))
    if len(memo) > _MEMO_LIMIT:
        memo.clear()
    return found


class BatchCleaner:
    """Cleans the data lines of one CSV file with one mapping, a batch at a time."""

    def __init__(self, mapping: ColumnMapping, cleaner: RecordCleaner) -> None:
        self.cleaner = cleaner
        columns: dict[str, list[int]] = {}
        for index, found in mapping.mapped:
            columns.setdefault(found.value, []).append(index)
        self.columns = columns
        self.names = list(columns)
        self.width = max((index for indexes in columns.values() for index in indexes), default=-1) + 1
        self.cleaners: list[Callable[[str], Any]] = [self._cleaner_of(name) for name in self.names]
        # Values already cleaned, per column (one dict each, kept from batch to batch).
        self.memos: list[dict[str, Any]] = [{} for _name in self.names]
        self.phone_keys: dict[str, str] = {}  # phone cell → key, computed by the phone column's pass
        self.phone_at = self.names.index("phone") if "phone" in columns else -1

    def _cleaner_of(self, name: str) -> Callable[[str], Any]:
        special: dict[str, Callable[[str], Any]] = {
            "email": _email,
            "phone": self._phone,
            "postcode": _postcode,
            "country": _country,
            "circle": _circle,
            "kind": _kind,
            "notes": _multiline,
            "address": _multiline,
            "tags": self._tags,
            "full_name": _only_slow,
            "email_secondary": _only_slow,
            "phone_secondary": _only_slow,
        }
        if name in special:
            return special[name]
        if name in ("is_ambassador", "is_critic"):
            return _flag(fold(ContactField(name).label))
        return _text(_LIMITS.get(name))

    def _phone(self, cell: str) -> Any:
        value = _stripped(cell)
        if isinstance(value, str):
            key = phone_key(value, "FR") if len(value) <= _LIMITS["phone"] else ""
            if not key:
                return SLOW
            self.phone_keys[value] = key
        return value

    def _tags(self, cell: str) -> Any:
        value = _stripped(cell)
        if not isinstance(value, str):
            return value
        tags = self.cleaner._split_tags(value)
        return SLOW if any(len(tag) > TAG_MAX_LENGTH for tag in tags) else tags

    def _column(self, position: int, rows: Sequence[list[str]], full_width: bool) -> list[str]:
        """The cells of one field, "" where a line is too short; multi-column fields joined as the reference does."""
        indexes = self.columns[self.names[position]]
        if len(indexes) == 1:
            index = indexes[0]
            if full_width:
                return list(map(itemgetter(index), rows))
            return [cells[index] if index < len(cells) else "" for cells in rows]
        joiner = _JOINERS[self.names[position]]
        return [
            joiner.join(part for part in (cells[i].strip() for i in indexes if i < len(cells)) if part)
            for cells in rows
        ]

    def _phone_column(self, raw: list[str]) -> list[Any]:
        """The phone column: numbers typed the usual French ways (« 06 12 34 56 78 »,
        « 06.12.34.56.78 », « +33 6 12 34 56 78 », « 612345678 » when Excel ate the 0) get
        their key in a few passes over the column, as ``phone_key`` gives it; any other cell
        goes through ``_phone`` (and phone_key)."""
        stripped = [cell.strip() for cell in raw]
        limit = _LIMITS["phone"]
        keys = [
            _french_key(value.replace(" ", "").replace(".", "")) if len(value) <= limit else None for value in stripped
        ]
        self.phone_keys.update((value, key) for value, key in zip(stripped, keys, strict=True) if key)
        return [
            value if key else (self._phone(cell) if cell else None)
            for value, key, cell in zip(stripped, keys, raw, strict=True)
        ]

    def _clean_column(self, position: int, raw: list[str]) -> list[Any]:
        """One pass over a column: each distinct cell cleaned once (this batch or an earlier one)."""
        if position == self.phone_at:
            return self._phone_column(raw)
        clean = self.cleaners[position]
        if len(raw) > 100 and len(set(raw)) * 2 > len(raw):  # e-mails, addresses: no memory
            return [clean(cell) if cell else None for cell in raw]
        return map_distinct(clean, raw, self.memos[position])

    def clean_batch(self, lines: Sequence[tuple[int, list[str]]]) -> CleanedBatch:
        """The batch cleaned: its plain lines left as columns (the import writes new contacts
        straight from them), the others checked by the reference cleaner."""
        rows = [cells for _line, cells in lines]
        count = len(rows)
        full_width = min(map(len, rows), default=0) >= self.width
        raw_columns = [self._column(position, rows, full_width) for position in range(len(self.names))]
        columns = {
            name: self._clean_column(position, raw)
            for position, (name, raw) in enumerate(zip(self.names, raw_columns, strict=True))
        }
        nothing: list[Any] = [None] * count
        # A plain line: every cell in the fast lane, and a name, an organisation or an e-mail.
        plain = [False] * count
        for name in ("first_name", "last_name", "organisation", "email"):
            if name in columns:
                plain = [found or value is not None for found, value in zip(plain, columns[name], strict=True)]
        for values in columns.values():
            if SLOW in values:
                for index, value in enumerate(values):
                    if value is SLOW:
                        plain[index] = False
        others: dict[int, Cleaned] = {}
        for index, is_plain in enumerate(plain):
            if is_plain:
                continue
            if all(column[index] is None for column in columns.values()):
                others[index] = None  # a line of blanks (";;;;" from Excel)
            else:
                raw = {name: column[index] for name, column in zip(self.names, raw_columns, strict=True)}
                others[index] = self.cleaner.clean(raw, lines[index][0])

        emails = columns.get("email", nothing)
        # email_key() of a stripped cell, inline: NFC only matters beyond ASCII
        email_keys = [
            (email.lower() if email.isascii() else normalize("NFC", email).lower()) if type(email) is str else ""
            for email in emails
        ]
        known = self.phone_keys
        phone_keys = [
            (known.get(phone) or phone_key(phone, "FR")) if type(phone) is str else ""
            for phone in columns.get("phone", nothing)
        ]
        if len(known) > _MEMO_LIMIT:
            known.clear()
        kinds = columns.get("kind", nothing)
        if "organisation" in columns:  # an organisation without a person's name is one
            kinds = [
                kind
                if kind is not None or organisation is None or first is not None or last is not None
                else "organisation"
                for kind, organisation, first, last in zip(
                    kinds,
                    columns["organisation"],
                    columns.get("first_name", nothing),
                    columns.get("last_name", nothing),
                    strict=True,
                )
            ]
        return CleanedBatch(
            lines=[line for line, _cells in lines],
            columns=columns,
            plain=plain,
            others=others,
            email_keys=email_keys,
            phone_keys=phone_keys,
            kinds=kinds,
        )


@dataclass(slots=True)
class CleanedBatch:
    """A batch of lines: the plain ones as cleaned columns, the others as the reference cleaned them.

    ``columns`` maps a field to its value on every line (None: empty); its values only mean
    something on plain lines. ``kinds`` is the kind given or deduced (None: the default).
    """

    lines: list[int]
    columns: dict[str, list[Any]]
    plain: list[bool]
    others: dict[int, Cleaned]
    email_keys: list[str]
    phone_keys: list[str]
    kinds: list[str | None]

    def record(self, index: int) -> ContactRecord:
        """The record of plain line ``index``: what ``RecordCleaner.clean`` gives for it."""
        values = {name: column[index] for name, column in self.columns.items() if column[index] is not None}
        tags = list(values.pop("tags", ()))
        if self.email_keys[index]:
            values["email_key"] = self.email_keys[index]
        if self.phone_keys[index]:
            values["phone_key"] = self.phone_keys[index]
        kind = self.kinds[index]
        if kind is not None:
            values["kind"] = kind
        return ContactRecord(self.lines[index], values, tags)

    def results(self) -> list[tuple[int, Cleaned]]:
        return [
            (line, self.record(index) if self.plain[index] else self.others[index])
            for index, line in enumerate(self.lines)
        ]
