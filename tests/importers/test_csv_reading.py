"""What the CSV reader refuses rather than read wrong: stray quotes that swallow lines,
repeated columns, absurdly wide headers; and the csv module's errors said in French."""

from __future__ import annotations

import pytest

from communitydesk.errors import UserError
from communitydesk.importers.csv_reading import MAX_COLUMNS, MAX_LINES_IN_CELL, CsvTable


def lines_of(text: str) -> list[tuple[int, list[str]]]:
    """Every row through batches() and rows(); they must agree."""
    table = CsvTable.from_text(text, "x.csv")
    by_csv = [row for rows in table.batches(7) for row in rows if row[1]]
    assert by_csv == list(table.rows())
    return by_csv


def refusal(text: str) -> list[str]:
    """The message of each way of reading data lines (batches, rows) for ``text``; each must refuse."""
    table = CsvTable(text=text, delimiter=";", source_name="x.csv")
    messages = []
    for read in (lambda: list(table.rows()), lambda: list(table.batches(7))):
        with pytest.raises(UserError) as caught:
            read()
        messages.append(str(caught.value))
    return messages


def contacts(count: int) -> list[str]:
    return ["Prénom;Nom;E-mail"] + [f"P{n};N{n};p{n}@exemple.fr" for n in range(count)]


def test_a_stray_quote_to_the_end_of_the_file_names_its_line() -> None:
    lines = contacts(1000)
    lines[3] = '"P2;N2;p2@exemple.fr'  # spreadsheet line 4
    text = "\r\n".join(lines) + "\r\n"
    for message in refusal(text):
        assert "ligne 4 : un guillemet" in message and "jamais refermée" in message
    # On the last line too, in a file without a final line end, or ending with an escaped quote.
    for last in ('Martin;"m@x.fr\n', 'Martin;"m@x.fr', 'Martin;"""\n', 'Martin;"a\nb""\n'):
        for message in refusal("Nom;E-mail\nDurand;d@x.fr\n" + last):
            assert "ligne 3 : un guillemet" in message


def test_a_stray_quote_closed_much_later_names_its_line() -> None:
    lines = contacts(1000)
    lines[3] = '"P2;N2;p2@exemple.fr'
    lines[500] = 'P499";N499;p499@exemple.fr'  # a second stray quote closes the cell 497 lines on
    for message in refusal("\n".join(lines) + "\n")[1:]:
        assert "ligne 4 : une cellule entre guillemets s'étend sur 498 lignes" in message


def test_a_stray_quote_in_the_header_is_refused() -> None:
    text = "\n".join(['Prénom;"Nom;E-mail', *contacts(300)[1:]]) + "\n"
    table = CsvTable(text=text, delimiter=";", source_name="x.csv")
    with pytest.raises(UserError, match="ligne 1 : un guillemet"):
        _ = table.header
    for message in refusal(text):
        assert "ligne 1 : un guillemet" in message


def test_notes_with_line_breaks_are_read() -> None:
    note = "\n".join(f"ligne {n}" for n in range(MAX_LINES_IN_CELL))  # as many lines as a cell may take
    text = f'Nom;Notes\nDurand;"{note}"\nMartin;"fin\n"\n'  # the last cell ends with a line break
    assert lines_of(text) == [(2, ["Durand", note]), (3, ["Martin", "fin\n"])]
    assert lines_of('Nom;Notes\nDurand;"a ""b"""') == [(2, ["Durand", 'a "b"'])]


def test_repeated_columns_are_refused_with_their_names() -> None:
    table = CsvTable.from_text("Nom;E-mail;nom ;Montant;Montant;;\nA;a@x.fr;B;1;2;;\n", "x.csv")
    with pytest.raises(UserError) as caught:
        _ = table.header
    assert str(caught.value) == (
        "« x.csv », ligne 1 : colonnes en double dans l'en-tête : « Nom » (colonnes 1 et 3), "
        "« Montant » (colonnes 4 et 5). Renommez ou supprimez les colonnes en double puis relancez l'import ; "
        "rien n'a été importé."
    )
    assert CsvTable.from_text("Nom;E-mail;;\nA;a@x.fr;;\n", "x.csv").header == ["Nom", "E-mail", "", ""]


def test_a_million_columns_header_gives_a_short_message() -> None:
    table = CsvTable.from_text(";".join(f"c{n}" for n in range(1_000_000)) + "\nA\n", "x.csv")
    with pytest.raises(UserError) as caught:
        _ = table.header
    assert "l'en-tête a 1000000 colonnes" in str(caught.value)
    assert len(str(caught.value)) < 300
    assert len(CsvTable.from_text(";".join(f"c{n}" for n in range(MAX_COLUMNS)) + "\n", "x.csv").header) == MAX_COLUMNS


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("Nom;Notes\nDurand;x\nMartin;" + "y" * (17 * 1024 * 1024) + "\n", "une cellule dépasse 16777216 caractères"),
        ("Nom;Notes\nDurand;x\rsuite;y\n", "un retour chariot isolé coupe une cellule sans guillemets"),
    ],
)
def test_csv_module_errors_are_french(text: str, reason: str) -> None:
    table = CsvTable(text=text, delimiter=";", source_name="x.csv")
    for read in (lambda: list(table.rows()), lambda: list(table.batches(7))):
        with pytest.raises(UserError) as caught:
            read()
        assert str(caught.value).startswith("« x.csv », ligne ")
        assert reason in str(caught.value)
        for english in ("field larger", "new-line", "limit", "unquoted"):
            assert english not in str(caught.value)
