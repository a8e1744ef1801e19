"""Contact lists and directories: every row printed as stored, headers repeated on every page."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from communitydesk.db.database import Database
from communitydesk.document_catalogue import DocumentOptions, generate_pdf
from communitydesk.records.contact_listing import ListingFilter
from communitydesk.reports.flowables.tables import wrap_text
from communitydesk.reports.fonts import SANS, ensure_family
from communitydesk.services.permissions import Actor

PEOPLE = [
    {
        "first_name": "Łukasz",
        "last_name": "Ødegaard",
        "email": "lukasz@exemple.fr",
        "phone": "06 01 02 03 04",
        "postcode": "01000",
        "city": "Bourg-en-Bresse",
        "circle": "proches",
        "tags": ["bénévole"],
    },
    {
        "first_name": "Hélène",
        "last_name": "Œuvray",
        "organisation": "Cœur & Ça « Coopérative »",
        "email": "helene@exemple.fr",
        "postcode": "05000",
        "city": "Gap",
        "circle": "communaute",
    },
    {
        "first_name": "Ÿvette",
        "last_name": "D’Almeida",
        "phone": "+33 4 72 00 00 00",
        "postcode": "69007",
        "city": "Lyon",
        "circle": "grand_public",
        "tags": ["bénévole"],
    },
]


def many_people(count: int) -> list[dict[str, object]]:
    return [
        {
            "first_name": f"Prénom{i:05d}",
            "last_name": f"Nom{i:05d}",
            "email": f"personne{i}@exemple.fr",
            "phone": f"06 {i % 100:02d} 00 00 00",
            "postcode": f"0{i % 9000 + 1000:04d}",
            "city": "Saint-Étienne",
            "circle": "communaute",
        }
        for i in range(count)
    ]


def test_contact_list_prints_names_accents_and_leading_zeros(
    db: Database, actor: Actor, tmp_path: Path, read_back, page_ink, add_people
) -> None:
    add_people(db, [dict(p) for p in PEOPLE])
    out = tmp_path / "liste.pdf"
    result = generate_pdf("contact-list", db, actor, DocumentOptions(), out)
    pdf = read_back(out)
    assert result.pages == pdf.pages == 1
    text = pdf.flat_text()
    for expected in (
        "Łukasz",
        "Ødegaard",
        "Œuvray",
        "Cœur & Ça « Coopérative »",
        "Ÿvette",
        "D’Almeida",
        "06 01 02 03 04",
        "01000",
        "05000",
        "+33 4 72 00 00 00",
        "Proches",
        "Communauté",
    ):
        assert expected in text, expected
    assert "3 contacts" in text and "Tous les contacts actifs" in text
    assert "Nom Prénom Organisation E-mail Téléphone Code postal Ville Cercle" in text
    assert pdf.metadata["/Title"] == "Liste de contacts"
    assert pdf.metadata["/Author"] == "CommunityDesk"  # no organisation name yet
    assert pdf.language == "fr-FR"
    assert any("DejaVuSans" in name for name in pdf.fonts())
    width, height = pdf.reader.pages[0].mediabox.width, pdf.reader.pages[0].mediabox.height
    assert width > height  # landscape
    assert page_ink(out) > 0.01


def test_header_row_repeats_on_every_page_across_chunks(
    db: Database, actor: Actor, tmp_path: Path, read_back, add_people
) -> None:
    add_people(db, many_people(1100))  # three 500-row tables, dozens of pages
    out = tmp_path / "longue.pdf"
    result = generate_pdf("contact-list", db, actor, DocumentOptions(columns=("last_name", "postcode")), out)
    pdf = read_back(out)
    assert result.pages == pdf.pages > 10
    printed = []
    for index in range(pdf.pages):
        page = pdf.text(index)
        assert "Nom Code postal" in " ".join(page.split()), f"page {index + 1} lost its header"
        assert f"Page {index + 1} / {pdf.pages}" in page
        printed += [word for word in page.split() if word.startswith("Nom0")]
    assert printed == [f"Nom{i:05d}" for i in range(1100)]  # every row once, in order


def test_long_values_wrap_inside_their_column(
    db: Database, actor: Actor, tmp_path: Path, read_back, add_people
) -> None:
    long_name = "Marie-Éléonore-Philippine-Eugénie de la Tour-d’Auvergne-Lauraguais"
    long_org = "Association pour la promotion des jardins partagés et de l’économie solidaire du Grand Lyon"
    add_people(
        db,
        [
            {
                "first_name": "Zoé",
                "last_name": long_name,
                "organisation": long_org,
                "email": "une.adresse.vraiment.tres.longue.pour.une.colonne@association-exemple.fr",
            }
        ],
    )
    out = tmp_path / "longs.pdf"
    generate_pdf("contact-list", db, actor, DocumentOptions(), out)
    text = read_back(out).text()
    # Wrapped onto several lines, not cut: no ellipsis, every piece is there.
    assert "…" not in text
    joined = "".join(text.split())
    for value in (long_name, long_org):
        for word in value.replace("-", " ").split():
            assert word in joined, word
    assert "association-exemple.fr" in joined


def test_wrap_text_breaks_words_and_addresses() -> None:
    font = ensure_family(SANS)
    assert wrap_text("court", 100, font, 8) == "court"
    lines = wrap_text("un texte qui ne tient pas sur une seule ligne étroite", 60, font, 8).split("\n")
    assert len(lines) == 3 and lines[-1].endswith("…")
    address = wrap_text("prenom.nom@une-association-exemple.fr", 70, font, 8).split("\n")
    assert len(address) >= 2 and address[0].endswith(("@", ".", "-"))


def test_filters_and_empty_lists(db: Database, actor: Actor, tmp_path: Path, read_back, add_people) -> None:
    add_people(db, [dict(p) for p in PEOPLE])
    out = tmp_path / "benevoles.pdf"
    generate_pdf("contact-list", db, actor, DocumentOptions(contact_filter=ListingFilter(tag="bénévole")), out)
    text = read_back(out).flat_text()
    assert "Tag : bénévole" in text and "2 contacts" in text
    assert "Œuvray" not in text

    empty = tmp_path / "vide.pdf"
    filters = ListingFilter(circle="proches", tag="bénévole")
    generate_pdf("directory", db, actor, DocumentOptions(contact_filter=filters), empty)
    assert "1 contact" in read_back(empty).flat_text()
    generate_pdf(
        "contact-list",
        db,
        actor,
        DocumentOptions(contact_filter=ListingFilter(circle="communaute", tag="bénévole")),
        empty,
    )
    assert "Aucun contact ne correspond à ce filtre." in read_back(empty).flat_text()


def test_new_database_lists_nobody(identity_db: Database, actor: Actor, tmp_path: Path, read_back, page_ink) -> None:
    for kind in ("contact-list", "directory"):
        out = tmp_path / f"{kind}.pdf"
        result = generate_pdf(kind, identity_db, actor, DocumentOptions(), out)
        assert result.pages == 1
        # An empty base says so (#15) rather than blaming a filter (kept for a filter matching none).
        text = read_back(out).flat_text()
        assert "Aucun contact n’est encore enregistré." in text and "filtre" not in text
        assert page_ink(out) > 0.003


def test_directory_groups_by_letter_with_a_box_to_tick(
    db: Database, actor: Actor, tmp_path: Path, read_back, page_ink, add_people
) -> None:
    add_people(db, [dict(p) for p in PEOPLE] + [{"kind": "organisation", "organisation": "Échoppe Solidaire"}])
    out = tmp_path / "annuaire.pdf"
    result = generate_pdf("directory", db, actor, DocumentOptions(), out)
    pdf = read_back(out)
    assert result.pages == 1
    text = pdf.flat_text()
    assert "Annuaire" in text and "4 contacts" in text
    assert "ØDEGAARD Łukasz" in text and "ŒUVRAY Hélène" in text and "D’ALMEIDA Ÿvette" in text
    assert "Échoppe Solidaire" in text
    # Letters in folded order: D’Almeida, Échoppe, Œuvray, Ødegaard.
    lines = [line.strip() for line in pdf.text().splitlines()]
    letters = [line for line in lines if len(line) == 1 and line.isalpha()]
    assert letters == ["D", "E", "O"]
    assert text.count("☐") == 4
    assert "06 01 02 03 04" in text and "helene@exemple.fr" in text
    assert pdf.language == "fr-FR" and pdf.metadata["/Title"] == "Annuaire"
    assert page_ink(out) > 0.01


@pytest.mark.parametrize("kind", ["contact-list", "directory"])
def test_large_lists_keep_every_row(db: Database, actor: Actor, tmp_path: Path, read_back, add_people, kind) -> None:
    add_people(db, many_people(620))
    out = tmp_path / f"{kind}.pdf"
    generate_pdf(kind, db, actor, DocumentOptions(), out)
    text = read_back(out).text()
    assert sum(1 for i in range(620) if f"personne{i}@exemple.fr" in text) == 620


def test_a_renderer_draws_the_rows_its_caller_provides(tmp_path: Path, read_back) -> None:
    """No database at all: the rows arrive as an iterable, read once per rendering, batch by batch."""
    from communitydesk.records.contact_listing import ContactListing
    from communitydesk.records.identity import Identity
    from communitydesk.reports.contact_list import ContactListRenderer

    read: list[int] = []

    class Rows:
        def __iter__(self) -> Iterator[list[tuple[str, str]]]:
            for start in range(0, 1200, 400):
                read.append(start)
                yield [(f"Nom{n:04d}", "01000") for n in range(start, start + 400)]

    listing = ContactListing(Identity(name="Asso"), ("last_name", "postcode"), 1200, "Test", Rows())
    out = tmp_path / "liste.pdf"
    ContactListRenderer(listing).render(out)
    text = read_back(out).flat_text()
    assert read == [0, 400, 800]
    assert "Nom0000" in text and "Nom1199" in text and "01000" in text


def test_every_listable_column_is_read_and_sized() -> None:
    """One list of column keys (rules); db/ knows how to read each, the renderer how wide it is."""
    from communitydesk.db.document_reads import LISTING_COLUMNS
    from communitydesk.reports.contact_list import WIDTHS
    from communitydesk.rules.contact_list_columns import DEFAULT_COLUMNS, LIST_COLUMNS

    assert set(LIST_COLUMNS) == set(LISTING_COLUMNS) == set(WIDTHS)
    assert set(DEFAULT_COLUMNS) <= set(LIST_COLUMNS)
