"""The right-of-access PDF read back: every section, accents, euros, long names wrapped, fonts embedded."""

from __future__ import annotations

import stat
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from communitydesk.db.database import Database
from communitydesk.document_catalogue import DOCUMENTS, DocumentOptions, generate_pdf
from communitydesk.errors import ValidationError
from communitydesk.formatting import money
from communitydesk.models.campaigns import Contribution
from communitydesk.services import campaigns, gdpr, settings, touch_points
from communitydesk.services.contacts import ContactInput, create_contact
from communitydesk.services.permissions import Actor
from communitydesk.services.personal_data import personal_data_document

LONG_LAST_NAME = ("de La Tour-Vieille " * 6).strip()[:100]


def embedded(reader: Any) -> dict[str, bool]:
    """Each font of the file, and whether its program is inside the file."""
    found: dict[str, bool] = {}
    for page in reader.pages:
        for font in ((page.get("/Resources") or {}).get("/Font") or {}).values():
            font = font.get_object()
            descendants = font.get("/DescendantFonts")
            described = descendants[0].get_object() if descendants else font
            descriptor = described.get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor is not None else {}
            found[str(font.get("/BaseFont"))] = any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
    return found


def a_backer(db: Database, actor: Actor, last_name: str = "Mercier-Éluard") -> int:
    cid = create_contact(
        db,
        actor,
        ContactInput(first_name="Chloé", last_name=last_name, email="chloe@exemple.fr", city="Saint-Étienne"),
    ).id
    touch_points.add_touch_point(db, actor, cid, "meeting", "Café à l'épicerie « Le Grenier »")
    gdpr.add_consent(db, actor, cid, "Photos", "J'accepte que mes photos paraissent dans la gazette.")
    campaign = campaigns.create_campaign(db, actor, campaigns.CampaignInput("Four à pain"))
    campaigns.add_contribution(
        db, actor, campaign.id, campaigns.ContributionInput(1143947, datetime(2026, 1, 1, 10, tzinfo=UTC), cid)
    )
    anonymous = campaigns.add_contribution(
        db, actor, campaign.id, campaigns.ContributionInput(2500, contact_id=cid, anonymous=True)
    )
    with db.transaction() as session:
        row = session.get(Contribution, anonymous.id)
        assert row is not None
        row.ship_city, row.ship_country = "Genève", "CH"
    return cid


def render(db: Database, actor: Actor, cid: int, out: Path) -> Path:
    return generate_pdf("personal-data", db, actor, DocumentOptions(contact=cid), out).path


def test_every_section_in_french_with_euros_and_accents(
    identity_db: Database, actor: Actor, tmp_path: Path, read_back: Callable[[Path], Any]
) -> None:
    cid = a_backer(identity_db, actor)
    pdf = read_back(render(identity_db, actor, cid, tmp_path / "accès.pdf"))
    text = pdf.flat_text()
    headings = [section.heading for section in personal_data_document(identity_db, actor, cid).sections]
    assert len(headings) == 8 and "Cercles et déplacements" in headings and "Fusions de fiches" in headings
    for heading in headings:
        assert heading in text, heading
    assert "Vos données personnelles" in text and "article 15" in text
    assert "Organisation : Les Ateliers du Lien" in text
    assert "Chloé Mercier-Éluard" in text and "Saint-Étienne" in text and "« Le Grenier »" in text
    assert " ".join(money(1143947).split()) in text and "€" in text
    assert "1 janvier 2026" in text or "1er janvier 2026" in text
    assert "Contribution anonyme oui" in text and "Genève" in text and "CH" in text
    assert "Rendez-vous" in text and "Aucun tag." in text and "Aucune fusion." in text
    assert f"(format {gdpr.EXPORT_FORMAT})" in text
    fonts = embedded(pdf.reader)
    assert fonts and all(fonts.values()), fonts
    assert stat.S_IMODE(pdf.path.stat().st_mode) == 0o600  # personal data: its owner only


def test_a_two_hundred_character_name_wraps_whole(
    db: Database, actor: Actor, tmp_path: Path, read_back: Callable[[Path], Any]
) -> None:
    first = ("Marie-Ange " * 10).strip()[:100]
    cid = a_backer(db, actor, LONG_LAST_NAME)
    with db.transaction() as session:
        from communitydesk.models.contacts import Contact

        contact = session.get(Contact, cid)
        assert contact is not None
        contact.first_name = first
    full = f"{first} {LONG_LAST_NAME}"
    assert len(full) >= 200
    pdf = read_back(render(db, actor, cid, tmp_path / "long.pdf"))
    assert full in pdf.flat_text()
    assert "…" not in pdf.text()
    assert max(len(line) for line in pdf.text().splitlines()) < 120  # wrapped, not run off the page


def test_a_name_without_spaces_breaks_inside_the_page(
    db: Database, actor: Actor, tmp_path: Path, read_back: Callable[[Path], Any]
) -> None:
    word = "Ŵ" + "x" * 99
    cid = create_contact(db, actor, ContactInput(first_name=word, last_name="y" * 100)).id
    pdf = read_back(render(db, actor, cid, tmp_path / "mot.pdf"))
    squeezed = "".join(pdf.text().split())
    assert word in squeezed and "y" * 100 in squeezed and "…" not in squeezed


@pytest.mark.parametrize(
    "name", ["Le Chant des Pistes", "La Ruche", "Les Ateliers du Lien", "L'Envol", "Atelier Vélo", "Ruche"]
)
def test_any_organisation_name_fits_the_header(
    db: Database, actor: Actor, tmp_path: Path, read_back: Callable[[Path], Any], name: str
) -> None:
    with db.transaction() as session:
        settings.save_organisation(session, actor, settings.Organisation(name=name))
    cid = create_contact(db, actor, ContactInput(first_name="Anne")).id
    text = read_back(render(db, actor, cid, tmp_path / "o.pdf")).flat_text()
    assert f"Organisation : {name}".replace("'", "’") in text  # printed with the typographic apostrophe


def test_without_identity_a_line_to_fill_in_not_the_software(
    db: Database, actor: Actor, tmp_path: Path, read_back: Callable[[Path], Any]
) -> None:
    cid = create_contact(db, actor, ContactInput(kind="organisation", organisation="L'Écluse")).id
    text = read_back(render(db, actor, cid, tmp_path / "vide.pdf")).flat_text()
    assert "Organisation : ____" in text and "Organisation : CommunityDesk" not in text
    assert "L’Écluse" in text and "Aucun échange." in text and "Aucune contribution." in text


def test_the_catalogue_needs_the_contact(db: Database, actor: Actor, tmp_path: Path) -> None:
    assert DOCUMENTS["personal-data"].uses_contact
    with pytest.raises(ValidationError, match="--contact"):
        generate_pdf("personal-data", db, actor, DocumentOptions(), tmp_path / "x.pdf")
    assert not (tmp_path / "x.pdf").exists()


def test_without_identity_the_page_header_does_not_name_the_software(
    db: Database, actor: Actor, tmp_path: Path, read_back: Callable[[Path], Any]
) -> None:
    cid = create_contact(db, actor, ContactInput(first_name="Anne")).id
    pdf = read_back(render(db, actor, cid, tmp_path / "vide.pdf"))
    for page in range(pdf.pages):
        text = pdf.text(page)
        assert "données personnelles" in text.splitlines()[0]  # the document's title heads the page
        assert "CommunityDesk" not in text.replace("avec CommunityDesk", "")  # only the footer's "made with"
