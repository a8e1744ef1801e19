"""Rows cut by str.split (csv_batches) are the rows csv.reader gives, with the same numbers."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from communitydesk.errors import UserError
from communitydesk.importers.csv_batches import CellBatch, cell_batches
from communitydesk.importers.csv_reading import DELIMITERS, CsvTable


def rows_of(batch: CellBatch) -> list[list[str]]:
    return [batch.row(position) for position in range(len(batch))]


def read(table: CsvTable, size: int, *, split: bool) -> object:
    """(number, cells) of every row, or the error message."""
    try:
        if split:
            return [
                (n, cells)
                for batch in cell_batches(table, size)
                for n, cells in zip(batch.numbers, rows_of(batch), strict=True)
            ]
        return [row for batch in table.batches(size) for row in batch]
    except UserError as error:
        return str(error)


# Pieces of spreadsheet text, awkward ones included: quoted cells with delimiters, quotes and
# line breaks inside, a quote in an unquoted cell, blank lines, Windows and Unix line ends, a
# lone carriage return, a NUL.
SPLIT = ["a", "Zoé", " ", ";", ",", "\t", '"', '""', '"x;y"', '"l1\r\nl2"', "\r\n", "\n", "é"]
TEXTS = st.one_of(
    st.lists(st.sampled_from(SPLIT), max_size=60),  # mostly read by str.split
    st.lists(st.sampled_from([*SPLIT, "\r", "\x00"]), max_size=60),  # often all by csv.reader
).map("".join)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    TEXTS,
    st.sampled_from(DELIMITERS),
    st.integers(min_value=1, max_value=6),
)
def test_split_rows_are_the_csv_modules(text: str, delimiter: str, size: int) -> None:
    table = CsvTable(text=text, delimiter=delimiter, source_name="x.csv")
    assert read(table, size, split=True) == read(table, size, split=False)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.lists(st.sampled_from(["", "a", "Zoé", '"x;y"', '"l1\r\nl2"']), min_size=1, max_size=4).map(";".join),
        min_size=1,
        max_size=12,
    ).map(lambda lines: "Nom;Prénom;Ville\r\n" + "\r\n".join(lines) + "\r\n"),
    st.integers(min_value=1, max_value=5),
)
def test_columns_are_the_cells_of_each_row(text: str, size: int) -> None:
    table = CsvTable(text=text, delimiter=";", source_name="x.csv")
    for batch in cell_batches(table, size):
        rows = rows_of(batch)
        for index in range(5):
            assert batch.column(index) == [cells[index] if index < len(cells) else "" for cells in rows]


def test_a_plain_file_comes_as_flat_batches_with_a_quoted_record_read_by_csv() -> None:
    lines = [f"Nom{i};Ville{i}" for i in range(10)]
    lines[4] = 'Durand;"Lyon\r\n3e"'  # a cell with a line break: two physical lines, one row
    table = CsvTable(text="Nom;Ville\r\n" + "\r\n".join(lines) + "\r\n", delimiter=";", source_name="x.csv")
    batches = list(cell_batches(table, 4))
    assert batches[0].flat is not None and batches[0].width == 2  # columns are slices
    assert [n for batch in batches for n in batch.numbers] == list(range(2, 12))
    towns = [town for batch in batches for town in batch.column(1)]
    assert towns == [*(f"Ville{i}" for i in range(4)), "Lyon\r\n3e", *(f"Ville{i}" for i in range(5, 10))]
    assert all(batch.flat is not None for batch in batches)  # the quoted record is as wide as the others


def test_a_line_too_long_for_the_csv_module_is_named() -> None:
    table = CsvTable.from_text("Nom;Notes\r\nDurand;x\r\nMartin;" + "y" * (17 * 1024 * 1024) + "\r\n", "x.csv")
    with pytest.raises(UserError, match="ligne 3 : le fichier CSV est mal formé"):
        list(cell_batches(table, 10))


def test_a_file_with_every_cell_quoted_is_read_by_csv_in_runs() -> None:
    """Outlook quotes every cell: the lines are read by csv.reader a run at a time, still flat."""
    lines = [f'"Prénom {i}";"Nom {i}";"{i} rue ; bis"' for i in range(7)]
    text = '"Prénom";"Nom";"Adresse"\r\n' + "\r\n".join(lines) + "\r\n"
    table = CsvTable(text=text, delimiter=";", source_name="outlook.csv")
    batches = list(cell_batches(table, 3))
    assert read(table, 3, split=True) == read(table, 3, split=False)
    assert all(batch.flat is not None for batch in batches)
    assert [cell for batch in batches for cell in batch.column(2)] == [f"{i} rue ; bis" for i in range(7)]
