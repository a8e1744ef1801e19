"""French typography on the printed page, read back with pypdf.

Narrow columns must not start a line with « : ; ! ? » or a lone « » », nor split an amount
or « 19 décembre »; charters stay grammatical whatever the organisation's name, name no
software when the identity is empty, and end with the RGPD clause and « Fait à … »; lists
of people say they are confidential on every page.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Table

from communitydesk.db.database import Database
from communitydesk.document_catalogue import DocumentOptions, generate_pdf
from communitydesk.formatting import day, money
from communitydesk.records.campaigns import CampaignInput, ContributionInput, TierInput
from communitydesk.records.identity import Identity
from communitydesk.reports.base import DocumentRenderer
from communitydesk.reports.markup import plain
from communitydesk.rules.personal_data_notice import confidential_mark
from communitydesk.services import campaigns, settings
from communitydesk.services.permissions import Actor

SENTENCE = (
    "Total collecté : {amount} au {date} ; la mention « avis personnel » suffit ? Oui ! "
    "Rendez-vous le 1 janvier, ou le 19 décembre : {amount} restent à trouver."
)


# From the narrowest column that holds « 19 décembre : » (narrower, ReportLab cuts any word).
WIDTHS = range(32, 91, 2)


class NarrowColumns(DocumentRenderer):
    """The same French sentence in columns from 32 to 90 mm wide."""

    kind = "narrow-columns"

    def title(self) -> str:
        return "Colonnes étroites"

    def story(self) -> list[Flowable]:
        text = SENTENCE.format(amount=money(1_143_947), date=day(date(2026, 12, 19), "long"))
        return [Table([[Paragraph(plain(text), self.styles.body)]], colWidths=[width * mm]) for width in WIDTHS]


def _lines(path: Path) -> list[str]:
    reader = PdfReader(path)
    text = "\n".join(page.extract_text() or "" for page in reader.pages)
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]


def test_narrow_columns_keep_french_punctuation_amounts_and_dates_whole(tmp_path: Path) -> None:
    out = tmp_path / "etroit.pdf"
    NarrowColumns(Identity(name="La Ruche")).render(out)
    lines = _lines(out)
    assert len(lines) > 200  # the sentence did wrap, many times
    for line in lines:
        assert not re.match(r"[:;!?]|»", line), line
        if "439,47" in line:
            assert "11 439,47 €" in line, line
        assert not line.startswith(("décembre", "janvier", "€", "439", "%")), line
        assert not line.endswith((" 19", " 1er", " 11", "«")), line
    assert sum(line.count("19 décembre") for line in lines) == 2 * len(WIDTHS)  # twice per column


def test_every_font_is_embedded(db: Database, actor: Actor, tmp_path: Path, read_back) -> None:
    out = tmp_path / "etroit.pdf"
    NarrowColumns(Identity(name="La Ruche")).render(out)
    assert all(read_back(out).embedded_fonts().values()), read_back(out).embedded_fonts()
    _charter(db, actor, tmp_path, "La Ruche")
    charter = next(tmp_path.glob("charte-*.pdf"))
    assert all(read_back(charter).embedded_fonts().values()), read_back(charter).embedded_fonts()


def _charter(db: Database, actor: Actor, tmp_path: Path, name: str, **options: str) -> str:
    with db.transaction() as session:
        settings.save_organisation(session, actor, settings.Organisation(name=name))
    out = tmp_path / f"charte-{len(name)}-{options.get('template', 'ambassador')}.pdf"
    generate_pdf("charter", db, actor, DocumentOptions(**{"template": "ambassador", **options}), out)
    return " ".join(" ".join(_lines(out)).split())


@pytest.mark.parametrize(
    ("name", "project", "commitments"),
    [
        ("Le Collectif Vert", "le projet du Collectif Vert", "En retour, Le Collectif Vert s’engage à"),
        ("La Ruche", "le projet de La Ruche", "En retour, La Ruche s’engage à"),
        ("Les Ateliers du Lien", "le projet des Ateliers du Lien", "En retour, Les Ateliers du Lien s’engagent à"),
        ("L'Atelier", "le projet de L’Atelier", "En retour, L’Atelier s’engage à"),
        ("Emmaüs Lyon", "le projet d’Emmaüs Lyon", "En retour, Emmaüs Lyon s’engage à"),
        ("Terre Vivante", "le projet de Terre Vivante", "En retour, Terre Vivante s’engage à"),
    ],
)
def test_charters_are_grammatical_for_every_shape_of_name(
    db: Database, actor: Actor, tmp_path: Path, name: str, project: str, commitments: str
) -> None:
    text = _charter(db, actor, tmp_path, name)
    assert project in text and commitments in text
    assert not re.search(r"\b(de|à) (Le|Les) ", text)
    assert "'" not in text  # one apostrophe, even in the name typed with a straight one
    assert "Fait à" in text and "en deux exemplaires" in text
    assert "RGPD" in text and f"Responsable du traitement : {name.replace(chr(39), '’')}" in text


@pytest.mark.parametrize("template", ["ambassador", "collaborator"])
def test_a_charter_without_identity_names_no_software_and_leaves_lines_to_fill(
    db: Database, actor: Actor, tmp_path: Path, template: str
) -> None:
    text = _charter(db, actor, tmp_path, "", template=template)
    assert "Pour CommunityDesk" not in text and "Pour l’organisation" in text
    assert "'" not in text  # headers and titles too
    assert not re.search(r"(Pour|de|traitement :) CommunityDesk|CommunityDesk s’engage", text)
    assert "Responsable du traitement : ....." in text
    assert "En retour, ..........." in text
    assert "Fait à ....." in text


def test_a_charter_never_starts_a_line_with_a_colon(db: Database, actor: Actor, tmp_path: Path) -> None:
    with db.transaction() as session:
        settings.save_organisation(session, actor, settings.Organisation(name="Les Ateliers du Lien " * 9))
    for template in ("ambassador", "collaborator"):
        out = tmp_path / f"{template}.pdf"
        generate_pdf("charter", db, actor, DocumentOptions(template=template, member_name="Zoé " * 50), out)
        for line in _lines(out):
            assert not re.match(r"[:;!?]|»", line), line


def test_lists_of_people_say_they_are_confidential_on_every_page_and_print_one_apostrophe(
    identity_db: Database, actor: Actor, tmp_path: Path, read_back, add_people
) -> None:
    people = [{"first_name": f"Prénom{i}", "last_name": f"Nom{i}"} for i in range(120)]
    add_people(identity_db, [{"first_name": "Jeanne", "last_name": "D'Arc", "organisation": "L'Atelier"}, *people])
    campaign = campaigns.create_campaign(
        identity_db,
        actor,
        CampaignInput(name="Jardin", goal_cents=10_000, platform="helloasso", status="en_cours"),
    )
    tier = campaigns.create_tier(identity_db, actor, campaign.id, TierInput("Panier", 2_000))
    campaigns.add_contribution(
        identity_db,
        actor,
        campaign.id,
        ContributionInput(2_000, datetime(2026, 3, 2, tzinfo=UTC), contact_id=1, tier_id=tier.id),
    )
    for kind, options in [
        ("contact-list", DocumentOptions()),
        ("directory", DocumentOptions()),
        ("fulfilment-checklist", DocumentOptions(campaign="Jardin")),
    ]:
        out = tmp_path / f"{kind}.pdf"
        generate_pdf(kind, identity_db, actor, options, out)
        pdf = read_back(out)
        assert "Document confidentiel" in pdf.flat_text(0) and "RGPD" in pdf.flat_text(0), kind
        for page in range(pdf.pages):
            assert confidential_mark() in pdf.flat_text(page), (kind, page)
        assert "'" not in pdf.text(), kind  # one apostrophe, in the cells too
    assert "D’Arc" in read_back(tmp_path / "contact-list.pdf").text()
    assert "D’ARC Jeanne" in read_back(tmp_path / "directory.pdf").text()
