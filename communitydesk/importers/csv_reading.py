"""CSV files as spreadsheets write them: which delimiter, the header, numbered rows.

Row numbers are the ones the user sees in Excel or LibreOffice: the header is line 1,
the first contact line 2, whatever line breaks quoted cells contain.
"""

from __future__ import annotations

import csv
import io
import operator
from collections import deque
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import islice, repeat

from communitydesk.errors import UserError
from communitydesk.i18n import _, ngettext
from communitydesk.importers.contact_records import RowError
from communitydesk.importers.control_characters import (
    control_characters_warning,
    has_control_characters,
    without_control_characters,
)

DELIMITERS = (";", ",", "\t")
SAMPLE_LINES = 50
# More columns than this is not a table of people or contributions but a wrong delimiter or file;
# refused before anything lists them (a 1 000 000-column header made a 15 MB message).
MAX_COLUMNS = 1000
# A quoted cell may hold line breaks (notes), but one spanning more lines than this has
# swallowed the lines after it: a stray quote, not a note.
MAX_LINES_IN_CELL = 100

# A quoted cell may hold a whole letter of notes; the csv module's default is 128 KiB.
MAX_CELL_CHARACTERS = 16 * 1024 * 1024


CsvRow = tuple[int, list[str]]  # (spreadsheet row number, header = 1; cells)


@contextmanager
def _long_cells() -> Iterator[None]:
    """The csv module's cell limit raised to MAX_CELL_CHARACTERS while our reader reads, then
    put back: the limit is process-wide, and other code (contributions, a library) keeps its own."""
    previous = csv.field_size_limit()
    csv.field_size_limit(max(previous, MAX_CELL_CHARACTERS))
    try:
        yield
    finally:
        csv.field_size_limit(previous)


def detect_delimiter(text: str) -> str:
    """``;``, ``,`` or tab: csv.Sniffer first, checked; counting when it fails or is unsure.

    French Excel writes ``;`` (the comma is the decimal separator), LibreOffice and
    webmail exports ``,``, Excel's "Texte Unicode" a tab. On a tie, ``;`` wins.
    """
    sample_lines = _sample_lines(text)
    if not sample_lines:
        return ";"
    sample = "\n".join(sample_lines)
    try:
        sniffed = csv.Sniffer().sniff(sample, delimiters="".join(DELIMITERS)).delimiter
    except csv.Error:
        sniffed = None
    scores = {delimiter: _consistency(sample, delimiter) for delimiter in DELIMITERS}
    if sniffed in scores and scores[sniffed] >= max(scores.values()):
        return sniffed
    # Sniffer is fooled by commas inside addresses ("12, rue ...") : trust the counts.
    return max(DELIMITERS, key=lambda delimiter: (scores[delimiter], -DELIMITERS.index(delimiter)))


def _sample_lines(text: str) -> list[str]:
    lines = []
    for line in io.StringIO(text[: 64 * 1024]):
        if line.strip():
            lines.append(line.rstrip("\r\n"))
        if len(lines) >= SAMPLE_LINES:
            break
    return lines


def _consistency(sample: str, delimiter: str) -> tuple[float, int]:
    """How well ``delimiter`` splits the sample: share of rows as wide as the header, then width."""
    try:
        rows = [row for row in csv.reader(io.StringIO(sample), delimiter=delimiter) if any(row)]
    except csv.Error:
        return (0.0, 0)
    if not rows or len(rows[0]) < 2:
        return (0.0, 0)
    width = len(rows[0])
    if len(rows) == 1:
        return (1.0, width)
    same = sum(1 for row in rows[1:] if len(row) == width)
    return (same / (len(rows) - 1), width)


def _end_of_line(text: str) -> str:
    return "\n" if "\n" in text or "\r" not in text else "\r"  # "\r": old Mac files


def physical_lines(text: str) -> Iterator[str]:
    """The lines of ``text`` with their ends, cut at "\n" only (or "\r" in old Mac files).

    Not io.StringIO (it copies the text at 4 bytes a character: 60 MB for a 15 MB file),
    nor str.splitlines (it also cuts at \x85, \u2028... which may sit inside a cell).
    ``str.split`` and ``map`` run in C: a Python generator here cost ~0.3 s per 100 000 lines.
    """
    end_of_line = _end_of_line(text)
    pieces = text.split(end_of_line)
    if pieces and not pieces[-1]:
        pieces.pop()  # the file's last line end: no line after it
    return map(operator.add, pieces, repeat(end_of_line))


def _first_lines(text: str) -> Iterator[str]:
    """``physical_lines(text)`` one at a time, found as they are asked for: the header needs a few."""
    end_of_line = _end_of_line(text)
    start = 0
    while start < len(text):
        end = text.find(end_of_line, start)
        if end < 0:
            yield text[start:] + end_of_line
            return
        yield text[start : end + 1]
        start = end + 1


def _skip_to_header(rows: Iterator[CsvRow]) -> CsvRow | None:
    """Read past blank lines to the header; its number and cells, or None for a file without one."""
    for line, cells in rows:
        if any(cell.strip() for cell in cells):
            return line, cells
    return None


def _repeated_columns(header: list[str]) -> list[str]:
    """« Nom » (colonnes 1 et 3), … for each name (case ignored) held by several columns."""
    columns: dict[str, list[int]] = {}
    for index, name in enumerate(header, start=1):
        if name:
            columns.setdefault(name.casefold(), []).append(index)
    return [
        _("« {header} » (colonnes {columns})", header=header[indexes[0] - 1], columns=_and_list(indexes))
        for indexes in columns.values()
        if len(indexes) > 1
    ]


def _and_list(numbers: list[int]) -> str:
    return _("{first} et {last}", first=", ".join(map(str, numbers[:-1])), last=numbers[-1])


@dataclass
class CsvTable:
    """A CSV text with its delimiter: the header, then the rows, read lazily."""

    text: str
    delimiter: str
    source_name: str
    warnings: list[RowError] = field(default_factory=list)  # cells cleaned of control characters

    @classmethod
    def from_text(cls, text: str, source_name: str, delimiter: str | None = None) -> CsvTable:
        """The table of ``text``; cells holding control characters (NUL…) are cleaned, one warning each."""
        table = cls(text=text, delimiter=delimiter or detect_delimiter(text), source_name=source_name)
        if has_control_characters(text):  # rare: one search of the text in C for the others
            table._remove_control_characters()
        return table

    def _remove_control_characters(self) -> None:
        """Note each cell holding a control character (read with the text as it is: the same rows
        and numbers, since none of them is a quote, delimiter or line end), then take them out."""
        header_line, header = self._header_row()
        names = [without_control_characters(name) for name in header]

        def column(index: int) -> str:
            return names[index] if index < len(names) and names[index] else _("colonne {n}", n=index + 1)

        self.warnings = [
            control_characters_warning(header_line, column(index), name)
            for index, name in enumerate(header)
            if has_control_characters(name)
        ]
        for rows in self.batches(1000):
            for line, cells in rows:
                self.warnings.extend(
                    control_characters_warning(line, column(index), cell)
                    for index, cell in enumerate(cells)
                    if has_control_characters(cell)
                )
        self.text = without_control_characters(self.text)

    def _malformed(self, exc: csv.Error, line: int) -> UserError:
        """The csv module's error said in French (its English text never reaches the user)."""
        if str(exc).startswith("field larger than field limit"):
            reason = _(
                "une cellule dépasse {limit} caractères ; le plus souvent, un guillemet (\") n'y est jamais refermé",
                limit=MAX_CELL_CHARACTERS,
            )
        elif "new-line character" in str(exc):
            reason = _("un retour chariot isolé coupe une cellule sans guillemets")
        else:
            reason = _("une ligne ne suit pas le format CSV")
        return UserError(
            _(
                "« {name} », ligne {line} : le fichier CSV est mal formé ({reason}).",
                name=self.source_name,
                line=line,
                reason=reason,
            )
        )

    def _unclosed_quote(self, line: int) -> UserError:
        return UserError(
            _(
                "« {name} », ligne {line} : un guillemet (\") ouvre une cellule qui n'est jamais refermée : "
                "le reste du fichier serait lu comme une seule cellule. Corrigez ce guillemet (ou doublez-le) "
                "puis relancez l'import ; rien n'a été importé.",
                name=self.source_name,
                line=line,
            )
        )

    def _runaway_quote(self, line: int, lines: int) -> UserError:
        return UserError(
            _(
                "« {name} », ligne {line} : une cellule entre guillemets s'étend sur {lines} lignes du fichier : "
                "un guillemet (\") mal placé y avale les lignes suivantes. Corrigez-le puis relancez l'import ; "
                "rien n'a été importé.",
                name=self.source_name,
                line=line,
                lines=lines,
            )
        )

    def _physical_line_count(self) -> int:
        end_of_line = _end_of_line(self.text)
        return self.text.count(end_of_line) + (not self.text.endswith(end_of_line))

    def _open_at_end(self) -> bool:
        """Whether a quoted cell is still open at the end of the text: read with one more line,
        an open cell swallows it (a closed one that ends with a line break does not)."""
        end_of_line = _end_of_line(self.text)
        text = self.text.removesuffix(end_of_line) + end_of_line + "x" + end_of_line
        try:
            with _long_cells():
                last = deque(csv.reader(physical_lines(text), delimiter=self.delimiter, strict=False), maxlen=1)
        except csv.Error:  # the open cell ran over the field limit
            return True
        return list(last) != [["x"]]

    def check_quoting(self, rows: Sequence[CsvRow], extra_lines: int, at_end: bool) -> None:
        """Refuse rows where a stray quote swallowed the lines after it: a cell over
        MAX_LINES_IN_CELL lines, or a quote still open at the end of the file.

        ``extra_lines``: the physical lines these rows took beyond one each (cheap to know from
        the readers' line counts: the cells are searched only when it is large); ``at_end``: the
        last of ``rows`` ended the file."""
        end_of_line = _end_of_line(self.text)
        if at_end and rows:
            number, cells = rows[-1]
            # Only a quoted cell holds a line end: then, rarely, the file is read once more to tell.
            if cells and cells[-1].endswith(("\n", "\r")) and self._open_at_end():
                raise self._unclosed_quote(number)
        if extra_lines > MAX_LINES_IN_CELL:
            for number, cells in rows:
                breaks = sum(cell.count(end_of_line) for cell in cells)
                if breaks > MAX_LINES_IN_CELL:
                    raise self._runaway_quote(number, breaks + 1)

    @property
    def header(self) -> list[str]:
        """The header's cells, read from the first lines only (not a split of the whole text).

        Refused: more than MAX_COLUMNS columns, a name repeated (the import would keep one
        silently), a stray quote that swallows the file."""
        return self._header_row()[1]

    def _header_row(self) -> tuple[int, list[str]]:
        reader = csv.reader(_first_lines(self.text), delimiter=self.delimiter, strict=False)
        numbered = enumerate(reader, start=1)
        try:
            with _long_cells():
                found = _skip_to_header(numbered)
        except csv.Error as exc:
            raise self._malformed(exc, reader.line_num) from exc
        if found is None:
            raise UserError(_("« {name} » est vide : aucune ligne d'en-tête.", name=self.source_name))
        number, cells = found
        self.check_quoting([found], reader.line_num - number, reader.line_num >= self._physical_line_count())
        if len(cells) > MAX_COLUMNS:
            raise UserError(
                _(
                    "« {name} », ligne {line} : l'en-tête a {count} colonnes, {most} au plus sont lues. "
                    "Vérifiez que le fichier est bien un tableau CSV de contacts ou de contributions.",
                    name=self.source_name,
                    line=number,
                    count=len(cells),
                    most=MAX_COLUMNS,
                )
            )
        header = [cell.strip() for cell in cells]
        repeated = _repeated_columns(header)
        if repeated:
            raise UserError(
                ngettext(
                    "« {name} », ligne {line} : colonne en double dans l'en-tête : {columns}. "
                    "Renommez ou supprimez la colonne en double puis relancez l'import ; rien n'a été importé.",
                    "« {name} », ligne {line} : colonnes en double dans l'en-tête : {columns}. "
                    "Renommez ou supprimez les colonnes en double puis relancez l'import ; rien n'a été importé.",
                    len(repeated),
                    name=self.source_name,
                    line=number,
                    columns=", ".join(repeated),
                )
            )
        return number, header

    def rows(self) -> Iterator[CsvRow]:
        """The data rows after the header; empty rows (Excel's ";;;;") are left out but keep their number."""
        return (row for rows in self.batches(1000) for row in rows if any(row[1]))

    def batches(self, size: int) -> Iterator[list[CsvRow]]:
        """The data rows after the header, ``size`` at a time, blank ones included (the caller skips
        them), checked by ``check_quoting``."""
        reader = csv.reader(physical_lines(self.text), delimiter=self.delimiter, strict=False)
        read = 0  # rows read so far, to name the line of a csv error
        last: list[CsvRow] = []  # the last row read

        def numbered() -> Iterator[CsvRow]:
            nonlocal read, last
            for row in enumerate(reader, start=1):
                read, last = row[0], [row]
                yield row

        rows = numbered()

        def next_chunk() -> list[CsvRow]:
            with _long_cells():  # scoped to each read: the caller's work between batches keeps the usual limit
                return list(islice(rows, size))

        try:
            with _long_cells():
                _skip_to_header(rows)
            extra = reader.line_num - read
            lines = self._physical_line_count()
            self.check_quoting(last, extra, at_end=reader.line_num >= lines)
            while chunk := next_chunk():
                self.check_quoting(chunk, reader.line_num - read - extra, at_end=reader.line_num >= lines)
                extra = reader.line_num - read
                yield chunk
        except csv.Error as exc:
            raise self._malformed(exc, read + 1) from exc

    def estimated_rows(self) -> int:
        """Text lines after the header: an upper bound on contacts for progress bars, in ms."""
        return max(self.text.count("\n") - 1, 1)
