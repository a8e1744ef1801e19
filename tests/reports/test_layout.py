"""Nothing cut off, overprinted or missing: awkward data rendered and read back (pypdf)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from communitydesk.db.database import Database
from communitydesk.document_catalogue import DocumentOptions, generate_pdf
from communitydesk.models.contacts import Contact
from communitydesk.records.campaigns import CampaignInput, ContributionInput, TierInput
from communitydesk.reports.fonts import fallback_font
from communitydesk.services import campaigns, settings
from communitydesk.services.permissions import Actor

WORDS = "Coopérative Solidaire des Ateliers Réunis de la Vallée du Rhône et des Monts du Lyonnais"
LONG_NAME = (WORDS + " " + WORDS + " Haut-Beaujolais")[:200].rstrip()
LONG_ADDRESS = (
    "Maison des Associations, Bâtiment C, troisième étage, porte 12, 28 avenue du Général de Gaulle "
    "Prolongée, Zone d'Activités des Grandes Terres, 69007 Lyon Cedex 07"
)
LEGAL_ID = "RNA W751234567 · SIRET 123 456 789 00012"
CJK = "张伟"
PHONE = "+33 6 12 34 56 78"
CAMPAIGN = "Fournil des Pentes"
KINDS = ("charter", "community-report", "contact-list", "directory", "campaign-report", "fulfilment-checklist")


def organisation(name: str) -> settings.Organisation:
    return settings.Organisation(
        name=name, legal_id=LEGAL_ID, website="https://ateliers-du-lien.example", address=LONG_ADDRESS
    )


@pytest.fixture
def awkward(db: Database, actor: Actor) -> Database:
    """A long identity, 200-character and Chinese names, foreign phones, an anonymous contribution."""
    with db.transaction() as session:
        # Chinese in the name: paragraphs (charter text) and canvas strings (header) both meet it.
        settings.save_organisation(session, actor, organisation(f"Les {LONG_NAME[:190]} {CJK}"))
        people = [
            Contact(first_name=LONG_NAME[:90], last_name=LONG_NAME[90:], phone=PHONE, circle="proches"),
            Contact(first_name=CJK, last_name="Zhang", phone="+86 10 1234 5678", circle="communaute"),
            Contact(kind="organisation", organisation=LONG_NAME, circle="grand_public"),
        ]
        people += [
            Contact(first_name="Jeanne", last_name=f"{letter}urand", phone="06 01 02 03 04", circle="communaute")
            for letter in "ABCDEFGHIJKLMNOPRSTUVWY" * 4
        ]
        session.add_all(people)
        session.flush()
        ids = [person.id for person in people[:2]]
    campaign = campaigns.create_campaign(
        db,
        actor,
        CampaignInput(
            name=CAMPAIGN,
            goal_cents=500_000,
            platform="ulule",
            status="en_cours",
            starts_on=date(2026, 3, 1),
            ends_on=date(2026, 3, 30),
        ),
    )
    tier = campaigns.create_tier(db, actor, campaign.id, TierInput("Pain de campagne", 2_500))
    when = datetime(2026, 3, 3, 12, tzinfo=UTC)
    for contact in ids:
        campaigns.add_contribution(
            db, actor, campaign.id, ContributionInput(2_500, when, contact_id=contact, tier_id=tier.id)
        )
    campaigns.add_contribution(
        db, actor, campaign.id, ContributionInput(4_000, when, anonymous=True, platform_reference="UL-42")
    )
    return db


def render(db: Database, actor: Actor, kind: str, out: Path) -> PdfReader:
    options = DocumentOptions(campaign=CAMPAIGN, member_name=f"{CJK} {LONG_NAME}", signatory_name=LONG_NAME)
    generate_pdf(kind, db, actor, options, out)
    return PdfReader(out)


def flat(reader: PdfReader) -> str:
    return " ".join("\n".join(page.extract_text() or "" for page in reader.pages).split())


def fonts_of(resources: Any, found: dict[str, Any]) -> None:
    """Every font of ``resources``, including those of forms (charts, QR codes) drawn inside."""
    resources = resources.get_object() if resources is not None else {}
    for font in (resources.get("/Font") or {}).values():
        font = font.get_object()
        found[str(font["/BaseFont"])] = font
    for xobject in (resources.get("/XObject") or {}).values():
        fonts_of(xobject.get_object().get("/Resources"), found)


def embedded(font: Any) -> bool:
    for candidate in [font, *(d.get_object() for d in font.get("/DescendantFonts", []))]:
        descriptor = candidate.get("/FontDescriptor")
        if descriptor is not None and any(
            k in descriptor.get_object() for k in ("/FontFile", "/FontFile2", "/FontFile3")
        ):
            return True
    return False


@pytest.mark.parametrize("kind", KINDS)
def test_every_font_of_every_document_is_embedded(awkward: Database, actor: Actor, tmp_path: Path, kind: str) -> None:
    reader = render(awkward, actor, kind, tmp_path / f"{kind}.pdf")
    found: dict[str, Any] = {}
    for page in reader.pages:
        fonts_of(page.get("/Resources"), found)
    assert found
    assert [name for name, font in found.items() if not embedded(font)] == []
    assert not any("Helvetica" in name for name in found)


@pytest.mark.parametrize("kind", KINDS)
def test_footer_keeps_the_rna_and_siret_on_every_page(
    awkward: Database, actor: Actor, tmp_path: Path, kind: str
) -> None:
    reader = render(awkward, actor, kind, tmp_path / f"{kind}.pdf")
    for page in reader.pages:
        text = " ".join((page.extract_text() or "").split())
        assert "RNA W751234567" in text and "SIRET 123 456 789 00012" in text
        assert "69007 Lyon Cedex 07" in text
        assert "…" not in text


def test_charter_names_wrap_and_are_never_cut(awkward: Database, actor: Actor, tmp_path: Path) -> None:
    reader = render(awkward, actor, "charter", tmp_path / "charte.pdf")
    text = flat(reader)
    assert "…" not in text
    assert LONG_NAME in text  # the signatory, on several lines, every word
    assert "Nom :" in text


def test_directory_keeps_long_names_phones_and_letters_together(
    awkward: Database, actor: Actor, tmp_path: Path
) -> None:
    reader = render(awkward, actor, "directory", tmp_path / "annuaire.pdf")
    text = flat(reader)
    assert "…" not in text
    assert LONG_NAME in text  # the organisation, wrapped inside its column
    assert len(reader.pages) > 1
    lines_with_phone = [
        line for page in reader.pages for line in (page.extract_text() or "").replace("\xa0", " ").splitlines()
    ]
    assert any(PHONE in line for line in lines_with_phone), "the phone number is on one line"
    assert any("+86 10 1234 5678" in line for line in lines_with_phone)
    # A letter row is followed on its page by at least one contact (its box to tick).
    for page in reader.pages:
        lines = [line.strip() for line in (page.extract_text() or "").splitlines()]
        for index, line in enumerate(lines):
            if len(line) == 1 and line.isalpha():
                assert any("☐" in later for later in lines[index + 1 :]), f"letter {line} alone at a page foot"
    outline = [entry.title for entry in reader.outline if not isinstance(entry, list)]
    assert outline[:4] == ["A", "B", "C", "D"] and "Z" in outline
    assert reader.trailer["/Root"]["/PageMode"] == "/UseOutlines"


@pytest.mark.parametrize(
    ("kind", "sections"),
    [
        ("community-report", ["Contacts par cercle", "Contacts à relancer"]),
        ("campaign-report", ["Rythme de collecte", "Répartition par cercle"]),
    ],
)
def test_long_documents_have_one_bookmark_per_section(
    awkward: Database, actor: Actor, tmp_path: Path, kind: str, sections: list[str]
) -> None:
    reader = render(awkward, actor, kind, tmp_path / f"{kind}.pdf")
    outline = [entry.title for entry in reader.outline if not isinstance(entry, list)]
    assert all(section in outline for section in sections)
    assert len(outline) == len(set(outline))
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "fr-FR" and root["/ViewerPreferences"]["/DisplayDocTitle"]
    assert reader.metadata is not None and reader.metadata.title


def test_chinese_prints_with_an_embedded_fallback_font(awkward: Database, actor: Actor, tmp_path: Path) -> None:
    if fallback_font(CJK[0]) is None:
        pytest.skip("aucune police système n'a de caractères chinois (installer fonts-wqy-microhei)")
    for kind in ("charter", "directory", "contact-list"):
        reader = render(awkward, actor, kind, tmp_path / f"{kind}.pdf")
        assert CJK in flat(reader), kind
        if kind == "charter":  # in the paragraphs naming the organisation, not only in the header
            assert f"{CJK} autour de vous" in flat(reader)
        found: dict[str, Any] = {}
        for page in reader.pages:
            fonts_of(page.get("/Resources"), found)
        fallback = [font for name, font in found.items() if "DejaVu" not in name]
        assert fallback and all(embedded(font) for font in fallback), kind


def test_a_letter_is_never_left_alone_at_a_page_foot(tmp_path: Path) -> None:
    """As many A names as it takes for the B letter to fall on every line of the first page."""
    from communitydesk.records.contact_listing import ContactListing
    from communitydesk.records.identity import Identity
    from communitydesk.reports.directory import DIRECTORY_KEYS, DirectoryRenderer

    for count in range(30, 56):
        rows = [(f"Arnaud{n:03d}", "Lea", "", "06 01 02 03 04", "") for n in range(count)]
        rows += [(f"Bernard{n:03d}", "Lea", "", "06 01 02 03 04", "") for n in range(5)]
        listing = ContactListing(Identity(name="Asso"), DIRECTORY_KEYS, len(rows), "Test", [rows])
        out = tmp_path / f"annuaire-{count}.pdf"
        DirectoryRenderer(listing).render(out)
        first_page = [line.strip() for line in (PdfReader(out).pages[0].extract_text() or "").splitlines()]
        if "B" in first_page:
            assert any("BERNARD000" in line for line in first_page), f"B alone at the foot with {count} A names"


def test_contact_list_keeps_each_phone_on_one_line(awkward: Database, actor: Actor, tmp_path: Path) -> None:
    reader = render(awkward, actor, "contact-list", tmp_path / "liste.pdf")
    lines = [line for page in reader.pages for line in (page.extract_text() or "").replace("\xa0", " ").splitlines()]
    assert any(PHONE in line for line in lines) and any("+86 10 1234 5678" in line for line in lines)
    assert "…" not in " ".join(lines)


def test_a_cell_never_breaks_at_a_no_break_space() -> None:
    from communitydesk.reports.flowables.tables import wrap_text
    from communitydesk.reports.fonts import SANS, ensure_family

    text = "Total 11\u202f439,47\u00a0€ au 19\u00a0décembre"
    lines = wrap_text(text, 62, ensure_family(SANS), 8.5, max_lines=12).split("\n")
    assert "11\u202f439,47\u00a0€" in lines and "19\u00a0décembre" in lines
