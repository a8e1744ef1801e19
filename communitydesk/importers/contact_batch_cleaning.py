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

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
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
from communitydesk.importers.csv_batches import CellBatch
from communitydesk.importers.list_positions import positions
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
# A French number without its spaces and dots, in the shapes phone_key knows by hand: group 1
# gives its key ("+33" + nine digits), as phone_key gives it.
_FRENCH_PHONE = re.compile(r"(?:0|\+33)?([1-9][0-9]{8})")


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


def _phone_cell(cell: str) -> tuple[Any, str]:
    """One phone cell the way the reference takes it, with its key ("" when none)."""
    value = _stripped(cell)
    if not isinstance(value, str):
        return value, ""
    key = phone_key(value, "FR") if len(value) <= _LIMITS["phone"] else ""
    return (value, key) if key else (SLOW, "")


def _starts_like_formula(joined: str) -> bool:
    """Whether a cell may start with = or ' (``joined``: the cells joined by line breaks). A cell
    with a line break inside can make it say yes for nothing: the caller then looks cell by cell."""
    return joined.startswith(("=", "'")) or "\n=" in joined or "\n'" in joined


def _email_column(raw: list[str]) -> tuple[list[Any], list[str]]:
    """The e-mail column, with each cell's ``email_key`` ("" when none): a cell stays in the fast
    lane when it is one plain address (EMAIL_PATTERN) within the length limit. A few passes
    over the whole column: one ``lower`` (and NFC beyond ASCII) of the cells joined, a regex
    check per cell (in C); only blanks and odd cells are looked at one by one."""
    values: list[Any] = list(map(str.strip, raw))
    joined = "\n".join(values)
    keys = (joined.lower() if joined.isascii() else normalize("NFC", joined).lower()).split("\n")
    if len(keys) != len(values):  # a line break inside a cell (never in an e-mail): cell by cell
        keys = [value.lower() if value.isascii() else normalize("NFC", value).lower() for value in values]
    odd = list(positions(list(map(EMAIL_PATTERN.match, values)), None))  # blanks too
    limit = _LIMITS["email"]
    if max(map(len, values), default=0) > limit or _starts_like_formula(joined):
        odd += [index for index, value in enumerate(values) if len(value) > limit or value.startswith(("=", "'"))]
    for index in odd:
        values[index] = SLOW if values[index] else None
        keys[index] = ""
    return values, keys


def _phone_column(raw: list[str]) -> tuple[list[Any], list[str]]:
    """The phone column, with each cell's ``phone_key`` ("" when none): numbers typed the
    usual French ways (« 06 12 34 56 78 », « 06.12.34.56.78 », « +33 6 12 34 56 78 »,
    « 612345678 » when Excel ate the 0) get their key in a few passes over the column, as
    ``phone_key`` gives it; blanks and any other cell go one by one through ``_phone_cell``."""
    values: list[Any] = list(map(str.strip, raw))
    compact = "\n".join(values).replace(" ", "").replace(".", "").split("\n")
    if len(compact) != len(values):  # a line break inside a cell: cell by cell
        compact = [value.replace(" ", "").replace(".", "") for value in values]
    keys = ["+33" + found[1] if found else "" for found in map(_FRENCH_PHONE.fullmatch, compact)]
    limit = _LIMITS["phone"]
    if max(map(len, values), default=0) > limit:
        keys = ["" if len(value) > limit else key for value, key in zip(values, keys, strict=True)]
    for index in positions(keys, ""):
        values[index], keys[index] = _phone_cell(raw[index])
    return values, keys


def map_distinct(
    function: Callable[[Any], Any], values: Sequence[Any], memo: dict[Any, Any], distinct: set[Any] | None = None
) -> list[Any]:
    """``[function(value) for value in values]``, computed once per distinct value: the column
    passes of a big import, where first names, cities, circles and tags repeat. ``memo`` is
    kept between calls (batch after batch) and emptied when it grows past ``_MEMO_LIMIT``;
    ``distinct``: ``set(values)`` when the caller has it already."""
    for value in (set(values) if distinct is None else distinct).difference(memo):
        memo[value] = function(value)
    found = list(map(memo.__getitem__, values))
    if len(memo) > _MEMO_LIMIT:
        memo.clear()
    return found


_KEYED = frozenset(("email", "phone"))  # columns cleaned by _email_column and _phone_column


class BatchCleaner:
    """Cleans the data lines of one CSV file with one mapping, a batch at a time."""

    def __init__(self, mapping: ColumnMapping, cleaner: RecordCleaner) -> None:
        self.cleaner = cleaner
        columns: dict[str, list[int]] = {}
        for index, found in mapping.mapped:
            columns.setdefault(found.value, []).append(index)
        self.columns = columns
        self.names = list(columns)
        # Cell by cell, per column position; e-mail and phone have their own passes, which give the keys.
        self.cleaners: dict[int, Callable[[str], Any]] = {
            position: self._cleaner_of(name) for position, name in enumerate(self.names) if name not in _KEYED
        }
        # Values already cleaned, per column (one dict each, kept from batch to batch).
        self.memos: list[dict[str, Any]] = [{} for _name in self.names]

    def _cleaner_of(self, name: str) -> Callable[[str], Any]:
        special: dict[str, Callable[[str], Any]] = {
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

    def _tags(self, cell: str) -> Any:
        value = _stripped(cell)
        if not isinstance(value, str):
            return value
        tags = self.cleaner._split_tags(value)
        return SLOW if any(len(tag) > TAG_MAX_LENGTH for tag in tags) else tags

    def _column(self, position: int, batch: CellBatch) -> list[str]:
        """The cells of one field, "" where a line is too short; multi-column fields joined as the reference does."""
        indexes = self.columns[self.names[position]]
        if len(indexes) == 1:
            return batch.column(indexes[0])
        joiner = _JOINERS[self.names[position]]
        return [
            joiner.join(part for part in map(str.strip, cells) if part)
            for cells in zip(*(batch.column(index) for index in indexes), strict=True)
        ]

    def _clean_column(self, position: int, raw: list[str]) -> list[Any]:
        """One pass over a column: each distinct cell cleaned once (this batch or an earlier one)."""
        clean = self.cleaners[position]
        distinct = set(raw)
        if len(raw) > 100 and len(distinct) * 2 > len(raw):  # addresses, notes: no memory
            return [clean(cell) if cell else None for cell in raw]
        return map_distinct(clean, raw, self.memos[position], distinct)

    def clean_batch(self, batch: CellBatch) -> CleanedBatch:
        """The batch cleaned: its plain lines left as columns (the import writes new contacts
        straight from them), the others checked by the reference cleaner."""
        count = len(batch)
        raw_columns = [self._column(position, batch) for position in range(len(self.names))]
        nothing: list[Any] = [None] * count
        blank_keys = [""] * count
        email_keys, phone_keys = blank_keys, blank_keys  # keys only mean something on plain lines
        columns: dict[str, list[Any]] = {}
        for position, (name, raw) in enumerate(zip(self.names, raw_columns, strict=True)):
            if name == "email":
                columns[name], email_keys = _email_column(raw)
            elif name == "phone":
                columns[name], phone_keys = _phone_column(raw)
            else:
                columns[name] = self._clean_column(position, raw)
        # A plain line: every cell in the fast lane, and a name, an organisation or an e-mail.
        named = [columns[name] for name in ("first_name", "last_name", "organisation", "email") if name in columns]
        plain = list(map(any, zip(*named, strict=True))) if named else [False] * count  # SLOW: see below
        for values in columns.values():
            if SLOW in values:
                for index in positions(values, SLOW):
                    plain[index] = False
        others: dict[int, Cleaned] = {}
        for index in positions(plain, False):
            if all(column[index] is None for column in columns.values()):
                others[index] = None  # a line of blanks (";;;;" from Excel)
            else:
                cells = {name: column[index] for name, column in zip(self.names, raw_columns, strict=True)}
                others[index] = self.cleaner.clean(cells, batch.numbers[index])

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
            lines=batch.numbers,
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
