"""The data rows of a CSV file in batches, cut with ``str.split`` wherever no cell is quoted.

``csv.reader`` walks every character in a state machine (~0.3 s for a 100 000-line file,
and a list per row that the import then turns into columns). Most lines of a spreadsheet
export have no double quote: for them a row is exactly ``line.split(delimiter)`` (and a
blank line no cell at all). So lines are cut in C, a batch at a time; when every line of a
batch has as many cells, the batch is one flat list of cells and a column is a slice of it.
Only the records that hold a quote (a cell with the delimiter, a quote or line breaks in
it) go through ``csv.reader``, a record at a time. A file the split cannot take exactly
(NUL characters, a bare carriage return, a line over the csv module's field limit) is read
by ``CsvTable.batches`` as before. tests/importers/test_csv_batches.py checks, on generated
files, that the rows and their numbers are the csv module's.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import repeat
from operator import add, itemgetter
from typing import Protocol

from communitydesk.importers.csv_reading import CsvRow, CsvTable
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
    """The data rows after the header, about ``size`` at a time, blank ones included, numbered
    as ``CsvTable.batches`` numbers them (the header is row 1 of a file without blank lines)."""
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

    def _records(self) -> _Records:
        """csv.reader from the current line on; it reads a line only when a record needs it."""
        lines = self.lines
        physical = map(add, map(lines.__getitem__, range(self.position, len(lines))), repeat("\n"))
        return csv.reader(physical, delimiter=self.delimiter, strict=False)

    def _read_record(self, records: _Records, start: int) -> list[str] | None:
        try:
            cells = next(records, None)
        except csv.Error as exc:
            raise self.table._malformed(exc, start + records.line_num) from exc
        self.position = start + records.line_num
        return cells

    def skip_to_header(self) -> bool:
        """Read past blank rows and the header (by csv.reader: a few lines); False without one."""
        start, records = self.position, self._records()
        while (cells := self._read_record(records, start)) is not None:
            self.number += 1
            if any(cell.strip() for cell in cells):
                return True
        return False

    def batches(self, size: int) -> Iterator[CellBatch]:
        lines = self.lines
        while self.position < len(lines):
            numbers: list[int] = []
            rows: list[list[str]] = []
            while len(numbers) < size and self.position < len(lines):
                run = lines[self.position : self.position + size - len(numbers)]
                text = "\n".join(run)
                quote = text.find('"')
                if quote < 0 and not numbers:  # the whole batch, and no quote in it
                    yield self._plain_batch(run, text)
                    break
                plain = len(run) if quote < 0 else text.count("\n", 0, quote)  # the lines before the quote
                if plain:
                    rows.extend(self._split_rows(text if quote < 0 else text[: text.rfind("\n", 0, quote)]))
                    numbers.extend(range(self.number, self.number + plain))
                    self.number += plain
                    self.position += plain
                if quote >= 0:
                    self._quoted_records(numbers, rows, size)
            if numbers:
                yield CellBatch(numbers=numbers, rows=rows)

    def _quoted_records(self, numbers: list[int], rows: list[list[str]], size: int) -> None:
        """Records by csv.reader, from a line with a quote, while the next line has one too."""
        lines = self.lines
        start, records = self.position, self._records()
        while len(numbers) < size and (cells := self._read_record(records, start)) is not None:
            rows.append(cells)
            numbers.append(self.number)
            self.number += 1
            if self.position >= len(lines) or '"' not in lines[self.position]:
                return

    @staticmethod
    def _plain_lines(text: str) -> list[str]:
        """Quote-free lines joined by "\\n", cut again, without the "\\r" of Windows line ends."""
        if "\r" in text:  # before a line feed only (_lines_split_can_take)
            text = text.replace("\r\n", "\n").removesuffix("\r")
        return text.split("\n")

    def _split_rows(self, text: str) -> list[list[str]]:
        return self._rows_of(self._plain_lines(text))

    def _rows_of(self, lines: list[str]) -> list[list[str]]:
        rows = list(map(str.split, lines, repeat(self.delimiter)))
        for index in positions(lines, ""):
            rows[index] = []  # a blank line: no cell, as csv.reader gives it
        return rows

    def _plain_batch(self, run: list[str], text: str) -> CellBatch:
        numbers = list(range(self.number, self.number + len(run)))
        self.number += len(run)
        self.position += len(run)
        lines = self._plain_lines(text)
        delimiter = self.delimiter
        separators = list(map(str.count, lines, repeat(delimiter)))
        width = separators[0] + 1
        if separators.count(width - 1) == len(separators) and (width > 1 or "" not in lines):
            flat = delimiter.join(lines).split(delimiter)  # every row as wide: columns are slices
            return CellBatch(numbers=numbers, flat=flat, width=width)
        return CellBatch(numbers=numbers, rows=self._rows_of(lines))
