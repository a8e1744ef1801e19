"""Fuzzing the contact importers: any file gives a summary or a clear UserError, never
another exception, and a refused file never leaves a single row behind."""

from __future__ import annotations

import contextlib
import csv
import io
import quopri
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from communitydesk.db.database import Database
from communitydesk.errors import UserError
from communitydesk.importers.contributions_csv import read_contributions
from communitydesk.importers.control_characters import has_control_characters
from communitydesk.importers.csv_reading import detect_delimiter
from communitydesk.importers.import_summary import ImportSummary
from communitydesk.importers.text_decoding import decode_text
from communitydesk.services.contact_import import import_contacts_file, preview_contacts_file
from communitydesk.services.contact_search import refresh_search_index
from communitydesk.services.permissions import Actor

FUZZ = settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)
STRUCTURED = settings(FUZZ, max_examples=60)
TABLES = ("contacts", "circle_moves", "tags", "contact_tags", "contacts_fts")


def counts(db: Database) -> dict[str, int]:
    with db.engine.connect() as conn:
        return {table: int(conn.exec_driver_sql(f"SELECT COUNT(*) FROM {table}").scalar_one()) for table in TABLES}


def max_id(db: Database) -> int:
    with db.engine.connect() as conn:
        return int(conn.exec_driver_sql("SELECT COALESCE(MAX(id), 0) FROM contacts").scalar_one())


def import_checked(db: Database, actor: Actor, data: bytes, name: str, mode: str = "create") -> ImportSummary | None:
    """Import ``data``; check the outcome is one of the two allowed, and the rows add up."""
    with contextlib.suppress(UserError):  # the wizard's preview must not crash either
        preview_contacts_file(actor, data, file_name=name)
    before = counts(db)
    try:
        summary = import_contacts_file(db, actor, data, file_name=name, mode=mode)
    except UserError as error:
        assert str(error).strip()
        assert counts(db) == before, "a refused file left rows behind"
        return None
    after = counts(db)
    assert after["contacts"] == before["contacts"] + summary.created
    if mode == "create":
        assert after["circle_moves"] == before["circle_moves"] + summary.created
    # Every contact searchable as soon as the import returns, none twice.
    assert after["contacts_fts"] == after["contacts"]
    refresh_search_index(db, actor)  # what the wizard runs after the import's commit
    assert counts(db)["contacts_fts"] == after["contacts"]
    for error in summary.errors:
        assert error.line >= 1 and error.field and f"Ligne {error.line}" in error.message
    return summary


@FUZZ
@given(data=st.binary(max_size=2000), name=st.sampled_from(["contacts.csv", "contacts.vcf", "export", "x.txt"]))
def test_any_bytes(db: Database, actor: Actor, data: bytes, name: str) -> None:
    import_checked(db, actor, data, name)


HEADERS = [
    "Prénom",
    "Nom",
    "Nom complet",
    "E-mail",
    "Courriel",
    "Téléphone",
    "Portable",
    "Adresse",
    "CP",
    "Ville",
    "Pays",
    "Cercle",
    "Étiquettes",
    "Ambassadeur",
    "Détracteur",
    "Type",
    "Notes",
    "Organisation",
    "Source",
    "Colonne inconnue",
    "",
]
CELL = st.one_of(
    st.text(max_size=30),
    st.text(alphabet="aéèçôÉŁœ -'.@;,\"\r\n\t=+", max_size=20),
    st.sampled_from(
        [
            "Hélène",
            "DUPRÉ Zoé",
            "helene@exemple.fr",
            "HELENE@exemple.fr",
            "x@y",
            "06 12 34 56 78",
            "+33612345678",
            "0612",
            "NC",
            "-",
            "1000",
            "75011",
            "Proches",
            "communaute",
            "Grand public",
            "Cercle X",
            "oui",
            "non",
            "peut-être",
            "France",
            "Belgique",
            "Atlantide",
            "bénévole, presse",
            '="0612345678"',
            "'=1+1",
            "organisation",
            "x" * 300,
        ]
    ),
)


@st.composite
def csv_files(draw: st.DrawFn) -> tuple[bytes, str]:
    headers = draw(st.lists(st.sampled_from(HEADERS), min_size=1, max_size=8))
    rows = draw(st.lists(st.lists(CELL, max_size=len(headers) + 2), max_size=12))
    delimiter = draw(st.sampled_from([";", ",", "\t"]))
    if draw(st.booleans()):  # well-formed CSV
        out = io.StringIO()
        writer = csv.writer(out, delimiter=delimiter, lineterminator=draw(st.sampled_from(["\r\n", "\n"])))
        writer.writerow(headers)
        writer.writerows(rows)
        text = out.getvalue()
    else:  # near-valid: joined by hand, quotes and line breaks left as they fall
        text = "\n".join(delimiter.join(row) for row in [headers, *rows])
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "utf-16"]))
    return text.encode(encoding, errors="replace"), draw(st.sampled_from(["liste.csv", "liste.txt"]))


@STRUCTURED
@given(file=csv_files(), mode=st.sampled_from(["create", "update"]))
def test_near_valid_csv(db: Database, actor: Actor, file: tuple[bytes, str], mode: str) -> None:
    data, name = file
    summary = import_checked(db, actor, data, name, mode)
    if summary is not None:
        # Re-importing the same file creates nothing: those without e-mail nor phone are
        # recognised by their name and place.
        again = import_checked(db, actor, data, name, mode)
        assert again is not None and again.created == 0


PROPERTIES = st.sampled_from(
    [
        "N:{v};{v};;;",
        "FN:{v}",
        "ORG:{v}",
        "TITLE:{v}",
        "EMAIL;TYPE=INTERNET:{v}",
        "EMAIL:{v}@exemple.fr",
        "TEL;TYPE=CELL:{v}",
        "TEL:06 12 34 56 78",
        "ADR;TYPE=HOME:;;{v};{v};;{v};{v}",
        "NOTE:{v}",
        "CATEGORIES:{v},{v}",
        "X-COMMUNITYDESK-CIRCLE:{v}",
        "KIND:{v}",
        "N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:{qp};{qp};;;",
        "NOTE;ENCODING=QUOTED-PRINTABLE;CHARSET={v}:{qp}",
        "PHOTO;ENCODING=b;TYPE=JPEG:{v}",
        "{v}:{v}",
        "{v}",
    ]
)


@st.composite
def vcard_files(draw: st.DrawFn) -> bytes:
    lines: list[str] = []
    for _card in range(draw(st.integers(0, 4))):
        lines += ["BEGIN:VCARD", f"VERSION:{draw(st.sampled_from(['2.1', '3.0', '4.0', 'x']))}"]
        for template in draw(st.lists(PROPERTIES, max_size=8)):
            value = draw(CELL)
            qp = quopri.encodestring(value.encode("utf-8")).decode("ascii").replace("\n", "=\r\n")
            line = template.replace("{v}", value).replace("{qp}", qp)
            if draw(st.booleans()) and len(line) > 10:  # folded like phones do
                line = line[:10] + "\r\n " + line[10:]
            lines.append(line)
        if draw(st.integers(0, 9)):  # sometimes the card is cut short
            lines.append("END:VCARD")
    text = "\r\n".join(lines) + "\r\n"
    return text.encode(draw(st.sampled_from(["utf-8", "cp1252"])), errors="replace")


@STRUCTURED
@given(data=vcard_files())
def test_near_valid_vcard(db: Database, actor: Actor, data: bytes) -> None:
    import_checked(db, actor, data, "carnet.vcf")


# What made lines vanish in silence: stray quotes, NULs and other control characters, repeated
# columns, lone carriage returns, cells running over many lines.
AWKWARD = st.sampled_from(['"', '""', '"x', 'x"', "\x00", "\x01\x1b", "\r", "\n" * 3, ";", ",", "\t", "Zoé", ""])


@st.composite
def awkward_csv_files(draw: st.DrawFn) -> bytes:
    names = ["Prénom", "Nom", "E-mail", "Téléphone", "Notes"]
    headers = draw(st.lists(st.sampled_from(names), min_size=1, max_size=5, unique=True))
    if draw(st.integers(0, 5)) == 0:
        headers.append(draw(st.sampled_from(headers)))  # a repeated column
    delimiter = draw(st.sampled_from([";", ",", "\t"]))
    lines = [delimiter.join(headers)]
    for row in range(draw(st.integers(0, 40))):
        cells = [f"P{row}", f"N{row}", f"p{row}@exemple.fr", "06 12 34 56 78", "note"][: len(headers)]
        for _change in range(draw(st.integers(0, 2))):
            index = draw(st.integers(0, len(cells) - 1))
            cells[index] = draw(st.sampled_from(["", cells[index]])) + draw(AWKWARD) + draw(st.sampled_from(["", "x"]))
        lines.append(delimiter.join(cells))
    text = draw(st.sampled_from(["\r\n", "\n"])).join(lines) + draw(st.sampled_from(["\r\n", "\n", ""]))
    return text.encode(draw(st.sampled_from(["utf-8", "cp1252"])), errors="replace")


@FUZZ
@given(data=awkward_csv_files())
def test_awkward_csv_gives_a_result_or_a_clear_error(db: Database, actor: Actor, data: bytes, tmp_path: Path) -> None:
    summary = import_checked(db, actor, data, "liste.csv")
    if summary is not None:
        # Accepted: then no quote was left open to the end of the file (the csv module in strict
        # mode, when it reaches the end, reads as the importer does and says so).
        text = decode_text(data, "liste.csv").text
        try:
            list(csv.reader(io.StringIO(text, newline=""), delimiter=detect_delimiter(text), strict=True))
        except csv.Error as exc:
            assert "unexpected end of data" not in str(exc), "a quote open to the end of the file was accepted"
        for warning in summary.warnings:
            assert warning.line >= 1 and warning.field and f"Ligne {warning.line}" in warning.message
        with db.engine.connect() as conn:
            stored = conn.exec_driver_sql("SELECT first_name, last_name, email, phone, notes FROM contacts").all()
        assert not any(has_control_characters(value or "") for row in stored for value in row), "stored a NUL"
    # The contributions reader shares the CSV reader: a result or a clear error too.
    path = tmp_path / "contributions.csv"
    path.write_bytes(data)
    with contextlib.suppress(UserError):
        parsed = read_contributions(path, "generic")
        assert not any(has_control_characters(cell) for _line, cells in parsed.table.rows for cell in cells)
