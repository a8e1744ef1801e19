"""The data rows of a CSV file in batches, cut with ``str.split`` wherever no cell is quoted.

``csv.reader`` walks every character in a state machine (~0.3 s for a 100 000-line file,
and a list per row that the import then turns into columns). Most lines of a spreadsheet
export have no double quote: for them a row is exactly ``line.split(delimiter)`` (and a
blank line no cell at all). So lines are cut in C, a run of lines at a time; while every
row of a batch has as many cells, the batch is one flat list of cells and a column is a
slice of it. Only the records that hold a quote (a cell with the delimiter, a quote or line
breaks in it) go through ``csv.reader``, a record at a time. A file the split cannot take exactly
(NUL characters, a bare carriage return, a line over the csv module's field limit) is read
by ``CsvTable.batches`` as before. tests/importers/test_csv_batches.py checks, on generated
files, that the rows and their numbers are the csv module's.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator, Sequence
from contextlib import suppress
from dataclasses import dataclass
from itertools import chain, islice, repeat
from itertools import count as count_from
from operator import add, itemgetter
from typing import Protocol

from communitydesk.importers.csv_reading import MAX_LINES_IN_CELL, CsvRow, CsvTable
from communitydesk.importers.list_positions import positions


@dataclass(slots=True)
class CellBatch:
    """Rows of a CSV file: their spreadsheet row numbers and their cells, either a list per row
    (``rows``) or, when the rows are all ``width`` cells wide, all cells in one list (``flat``)."""

    numbers: list[int]
    rows: list[list[str]] | None = None
    flat: list[str] | None = None
    width: int = 0

    @classmethod
    def of_rows(cls, rows: Sequence[CsvRow]) -> CellBatch:
        return cls(numbers=[number for number, _cells in rows], rows=[cells for _number, cells in rows])

    def __len__(self) -> int:
        return len(self.numbers)

    def column(self, index: int) -> list[str]:
        """The cells of column ``index``, "" where a row is too short."""
        if self.flat is not None:
            return self.flat[index :: self.width] if index < self.width else [""] * len(self.numbers)
        rows = self.rows or []
        if min(map(len, rows), default=0) > index:
            return list(map(itemgetter(index), rows))
        return [cells[index] if index < len(cells) else "" for cells in rows]

    def row(self, position: int) -> list[str]:
        if self.flat is not None:
            return self.flat[position * self.width : (position + 1) * self.width]
        return (self.rows or [])[position]


def cell_batches(table: CsvTable, size: int) -> Iterator[CellBatch]:
    """The data rows after the header, ``size`` lines at a time (fewer rows when a cell holds
    line breaks), blank ones included, numbered as ``CsvTable.batches`` numbers them."""
    lines = _lines_split_can_take(table.text)
    if lines is None:
        for rows in table.batches(size):
            yield CellBatch.of_rows(rows)
        return
    reader = _SplitReader(table, lines)
    if reader.skip_to_header():
        yield from reader.batches(size)


def _lines_split_can_take(text: str) -> list[str] | None:
    """The physical lines of ``text`` (without their "\\n"), or None when a line holds what
    str.split and csv.reader would not read alike: a NUL, a carriage return other than
    before a line feed, a line longer than the csv module's field limit."""
    if "\x00" in text:
        return None
    if "\r" in text and ("\n" not in text or text.count("\r") != text.count("\r\n")):
        return None  # old Mac line ends, or a lone "\r" (in a quoted cell: csv keeps it as such)
    lines = text.split("\n")
    if lines and not lines[-1]:
        lines.pop()  # after the last line end
    if lines and max(map(len, lines)) > csv.field_size_limit():
        return None  # csv.reader says which line is too long
    return lines


class _Records(Iterator[list[str]], Protocol):
    line_num: int


class _SplitReader:
    """Walks the lines of one file: quote-free runs cut by str.split, quoted records by csv."""

    def __init__(self, table: CsvTable, lines: list[str]) -> None:
        self.table = table
        self.lines = lines
        self.delimiter = table.delimiter
        self.position = 0  # index of the next line to read
        self.number = 1  # row number of the next record
        self.reader: _Records | None = None  # csv.reader of the last quoted record
        self.reader_start = 0  # the line it started at
        self.reader_next = -1  # the line it would read next

    def skip_to_header(self) -> bool:
        """Read past blank rows and the header (by csv.reader: a few lines); False without one."""
        while self.position < len(self.lines):
            [cells] = self._records_at(self.position, 1, self.number)
            self.number += 1
            if any(cell.strip() for cell in cells):
                return True
        return False

    def batches(self, size: int) -> Iterator[CellBatch]:
        lines = self.lines
        while self.position < len(lines):
            start = self.position
            run = lines[start : start + size]
            rows = _Rows(self.delimiter)
            has_quote = list(map(str.__contains__, run, repeat('"')))
            if has_quote.count(True) * 4 > len(run):  # mostly quoted (Outlook quotes every cell)
                rows.add_records(self._records_at(start, len(run), self.number))
                yield rows.batch(range(self.number, self.number + len(rows)))
                self.number += len(rows)
                continue
            at = 0  # lines of the run read so far
            for quoted in positions(has_quote, True):
                if quoted < at:  # inside a record read already (a cell with line breaks)
                    continue
                if quoted > at:
                    rows.add_lines(run[at:quoted])
                rows.add_records(self._records_at(start + quoted, 1, self.number + len(rows)))
                at = self.position - start
            if at < len(run):
                rows.add_lines(run[at:])
            self.position = start + max(at, len(run))
            yield rows.batch(range(self.number, self.number + len(rows)))
            self.number += len(rows)

    def _records_at(self, position: int, count: int, number: int) -> list[list[str]]:
        """``count`` records (fewer at the end) from line ``position`` on, by csv.reader, the first
        being row ``number``. Consecutive quoted records share one reader. A stray quote that
        swallows lines is refused (``CsvTable.check_quoting``)."""
        if self.reader is None or self.reader_next != position:
            self.reader = csv.reader(self._physical(position), delimiter=self.delimiter, strict=False)
            self.reader_start = position
        records = self.reader
        try:
            found = list(islice(records, count))
        except csv.Error as exc:
            raise self.table._malformed(exc, number + self._records_before_error(position)) from exc
        self.position = self.reader_next = self.reader_start + records.line_num
        extra_lines = self.position - position - len(found)
        at_end = self.position >= len(self.lines)
        if extra_lines > MAX_LINES_IN_CELL or at_end:
            self.table.check_quoting(list(zip(count_from(number), found)), extra_lines, at_end)
        return found

    def _physical(self, position: int) -> Iterator[str]:
        lines = self.lines
        return map(add, map(lines.__getitem__, range(position, len(lines))), repeat("\n"))

    def _records_before_error(self, position: int) -> int:
        """How many records read well from line ``position`` on (the error is in the next): a cold path."""
        reader = csv.reader(self._physical(position), delimiter=self.delimiter, strict=False)
        read = 0
        with suppress(csv.Error):
            for _record in reader:
                read += 1
        return read


class _Rows:
    """The rows of a batch as they are read: one flat list of cells while they are all as wide
    (a column is then a slice), a list per row as soon as one is not."""

    def __init__(self, delimiter: str) -> None:
        self.delimiter = delimiter
        self.count = 0
        self.width = 0
        self.flat: list[str] | None = []
        self.rows: list[list[str]] = []

    def __len__(self) -> int:
        return self.count

    def add_lines(self, lines: list[str]) -> None:
        """Lines without a quote: str.split, in C, for all of them at once."""
        text = "\n".join(lines)
        if "\r" in text:  # before a line feed only (_lines_split_can_take)
            text = text.replace("\r\n", "\n").removesuffix("\r")
        cut = text.split("\n")
        delimiter = self.delimiter
        self.count += len(cut)
        if self.flat is not None:
            separators = list(map(str.count, cut, repeat(delimiter)))
            width = self.width or separators[0] + 1
            if separators.count(width - 1) == len(separators) and (width > 1 or "" not in cut):
                self.width = width
                self.flat += delimiter.join(cut).split(delimiter)
                return
            self._to_rows()
        found = list(map(str.split, cut, repeat(delimiter)))
        for index in positions(cut, ""):
            found[index] = []  # a blank line: no cell, as csv.reader gives it
        self.rows += found

    def add_records(self, records: list[list[str]]) -> None:
        """Rows read by csv.reader."""
        self.count += len(records)
        if self.flat is not None:
            widths = set(map(len, records))
            if len(widths) == 1 and (self.width or min(widths)) == min(widths) > 0:
                self.width = min(widths)
                self.flat += chain.from_iterable(records)
                return
            self._to_rows()
        self.rows += records

    def _to_rows(self) -> None:
        flat, width = self.flat or [], self.width
        self.rows = [flat[start : start + width] for start in range(0, len(flat), width)] if width else []
        self.flat = None

    def batch(self, numbers: range) -> CellBatch:
        if self.flat is not None:
            return CellBatch(numbers=list(numbers), flat=self.flat, width=self.width)
        return CellBatch(numbers=list(numbers), rows=self.rows)
