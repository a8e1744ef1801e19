"""The column-by-column fast lane gives, for every line, what the line-by-line reference gives."""

from __future__ import annotations

import csv
import io

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from communitydesk.importers.contact_batch_cleaning import SLOW, BatchCleaner
from communitydesk.importers.contact_columns import ColumnMapping, ContactField
from communitydesk.importers.contact_files import ContactCsvFile
from communitydesk.importers.contact_records import ContactRecord, RecordCleaner
from communitydesk.importers.csv_batches import CellBatch
from communitydesk.importers.text_decoding import DecodedText

_F = ContactField

# Cells people really type, per field, with the awkward ones: blanks, ="..." and '= cells,
# placeholders, two values in one cell, too long, Windows line breaks, other countries.
COMMON = ["", " ", "  x  ", '="0612345678"', "'=SOMME(A1)", "-", "nc", "é" * 120]
CELLS: dict[ContactField, list[str]] = {
    _F.FIRST_NAME: ["Hélène", " Jérôme ", "JEAN", "Zoé"],
    _F.LAST_NAME: ["Dupré", "DURAND", "Noël", "x" * 101],
    _F.FULL_NAME: ["Hélène Dupré", "DURAND Jean", "Durand, Zoé"],
    _F.KIND: ["personne", "Organisation", "asso", "structure", "?"],
    _F.ORGANISATION: ["SCIC Énergie", "Mairie", "o" * 201],
    _F.ROLE: ["Trésorière", "Bénévole"],
    _F.EMAIL: ["helene@exemple.fr", "Hélène@Exemple.FR", "a@b.fr; c@d.fr", "pas-un-email", "Jean <jean@ex.fr>"],
    _F.EMAIL_SECONDARY: ["autre@exemple.fr", "faux"],
    _F.PHONE: [
        "06 12 34 56 78",
        "0612345678",
        "+33 6 12 34 56 78",
        "+33612345678",
        "+33.6.12.34.56.78",
        "+33 06 12 34 56 78",
        "0033 6 12 34 56 78",
        "612345678",
        "612 345 678",
        "０６１２３４５６７８",  # full-width digits: not ASCII, left to phonenumbers
        "+32 470 12 34 56",
        "12",
        "06 / 07",
    ],
    _F.PHONE_SECONDARY: ["01 23 45 67 89", "0"],
    _F.ADDRESS: ["12 rue des Lilas", "Bât. B\r\n3 rue X", "1 av\rY"],
    _F.POSTCODE: ["75011", "1000", "01 000", "B-1000", "123456", "n c", "2" * 21],
    _F.CITY: ["Évreux", "Saint-Étienne", "c" * 101],
    _F.COUNTRY: ["France", "FR", "Belgique", "Atlantide"],
    _F.CIRCLE: ["Proches", "communaute", "Grand public", "3", "cercle 9"],
    _F.SOURCE: ["Salon", "s" * 101],
    _F.NOTES: ["Rencontrée au salon", "ligne 1\r\nligne 2", "a\rb"],
    _F.TAGS: ["bénévole, presse", "Presse;presse", ",,,", "t" * 61, "élu local"],
    _F.IS_AMBASSADOR: ["oui", "Non", "x", "peut-être", "ambassadeur"],
    _F.IS_CRITIC: ["1", "faux", "bof"],
}
MULTI = (_F.NOTES, _F.ADDRESS, _F.TAGS)


def cell(found: ContactField) -> st.SearchStrategy[str]:
    return st.one_of(st.sampled_from(CELLS[found] + COMMON), st.text(max_size=12))


@st.composite
def files(draw: st.DrawFn) -> tuple[ColumnMapping, str]:
    fields = draw(st.lists(st.sampled_from(list(CELLS)), min_size=1, max_size=9))
    single = list(dict.fromkeys(found for found in fields if found not in MULTI))
    columns = single + [found for found in fields if found in MULTI]  # a multi field may take two columns
    mapping = ColumnMapping([f"c{index}" for index in range(len(columns))])
    for index, found in enumerate(columns):
        mapping.assign(index, found)
    width = len(columns)
    rows = draw(
        st.lists(
            st.one_of(
                st.tuples(*[cell(found) for found in columns]).map(list),
                st.lists(st.sampled_from(["", "Zoé", "a@b.fr"]), max_size=width + 1),  # short and long lines
            ),
            min_size=1,
            max_size=25,
        )
    )
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(mapping.headers)
    writer.writerows(rows)
    return mapping, out.getvalue()


def comparable(cleaned: object) -> object:
    if isinstance(cleaned, ContactRecord):
        return ("record", cleaned.line, cleaned.values, cleaned.tags)
    if isinstance(cleaned, list):
        return ("errors", [error.as_dict() for error in cleaned])
    return cleaned


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(files(), st.integers(min_value=1, max_value=8))
def test_batches_give_what_the_reference_gives(found: tuple[ColumnMapping, str], batch: int) -> None:
    mapping, text = found
    opened = ContactCsvFile(b"", "fuzz.csv", delimiter=";", decoded=DecodedText(text, "utf-8"))
    reference = opened.cleaner(mapping)
    expected = [(line, comparable(reference.clean(raw, line))) for line, _cells, raw in opened.raw_lines(mapping)]
    got = [
        (line, comparable(cleaned))
        for cleaned_batch in opened.cleaned_batches(mapping, batch=batch)
        for line, cleaned in cleaned_batch.results()
    ]
    # Blank lines: the reference never sees those of empty cells, the batches give None for them.
    expected = [item for item in expected if item[1] is not None]
    got = [item for item in got if item[1] is not None]
    assert got == expected


def test_plain_french_lines_stay_in_the_fast_lane() -> None:
    """The common lines of a French Excel file never need the reference: that is the speed."""
    mapping = ColumnMapping(["Prénom", "Nom", "Courriel", "Téléphone", "CP", "Cercle", "Étiquettes", "Ambassadeur"])
    for index, found in enumerate(
        [_F.FIRST_NAME, _F.LAST_NAME, _F.EMAIL, _F.PHONE, _F.POSTCODE, _F.CIRCLE, _F.TAGS, _F.IS_AMBASSADOR]
    ):
        mapping.assign(index, found)
    asked: list[int] = []

    class Watching(RecordCleaner):
        def clean(self, raw, line):  # type: ignore[no-untyped-def]
            asked.append(line)
            return super().clean(raw, line)

    cleaner = BatchCleaner(mapping, Watching(mapping.header_of))
    lines = [
        (2, ["Hélène", "Dupré", "helene@exemple.fr", "06 12 34 56 78", "1000", "Proches", "bénévole", "oui"]),
        (3, ["Jean", "Noël", "", "612345678", "75011", "", "", ""]),
        (4, ["", "", "", "", "", "", "", ""]),
        (5, ["Zoé", "", "pas-un-email", "", "", "", "", ""]),
    ]
    results = dict(cleaner.clean_batch(CellBatch.of_rows(lines)).results())
    assert asked == [5]  # only the line with an error went to the reference
    helene = results[2]
    assert isinstance(helene, ContactRecord)
    assert helene.values["postcode"] == "01000"
    assert helene.values["phone_key"] == "+33612345678"
    assert helene.values["is_ambassador"] is True
    assert helene.tags == ["bénévole"]
    assert results[4] is None
    assert isinstance(results[5], list)
    assert repr(SLOW) == "SLOW"
