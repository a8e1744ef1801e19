"""Campaign report and fulfilment checklist: read back with pypdf, rendered, headless, empty cases."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from communitydesk.cli import main
from communitydesk.db.database import Database
from communitydesk.document_catalogue import DocumentOptions, generate_pdf
from communitydesk.errors import UserError
from communitydesk.models.campaigns import Contribution
from communitydesk.models.contacts import Contact
from communitydesk.records.campaigns import CampaignInput, CampaignRecord, ContributionInput, TierInput
from communitydesk.services import campaign_documents, fulfilment
from communitydesk.services import campaigns as svc
from communitydesk.services.permissions import Actor

NAME = "Fête des Canuts — Œuvre « solidaire »"


def spaces(text: str) -> str:
    """Babel's narrow and non-breaking spaces as plain ones (``1 234,56 €``)."""
    return text.replace("\u202f", " ").replace("\xa0", " ")


def make_campaign(db: Database, actor: Actor, name: str = NAME, goal_cents: int = 500_000) -> CampaignRecord:
    return svc.create_campaign(
        db,
        actor,
        CampaignInput(
            name=name,
            goal_cents=goal_cents,
            platform="helloasso",
            status="en_cours",
            starts_on=date(2026, 3, 1),
            ends_on=date(2026, 3, 30),
        ),
    )


def add_backer(db: Database, first: str, last: str, circle: str, **place: str) -> int:
    with db.transaction() as session:
        contact = Contact(first_name=first, last_name=last, circle=circle, **place)
        session.add(contact)
        session.flush()
        return contact.id


@pytest.fixture
def funded(db: Database, actor: Actor) -> CampaignRecord:
    """Three backers (one per circle), 1 234,56 € valid, one refund that must not count."""
    campaign = make_campaign(db, actor)
    tier = svc.create_tier(db, actor, campaign.id, TierInput("Tote bag brodé", 4_000, stock_limit=80))
    svc.create_tier(db, actor, campaign.id, TierInput("Merci sur le mur", 1_000))
    people = [
        add_backer(db, "Łukasz", "Ødegaard", "proches", address="3 quai Saint-Vincent", postcode="01000", city="Bourg"),
        add_backer(db, "Hélène", "Dürr", "communaute", postcode="69004", city="Lyon"),
        add_backer(db, "Zoé", "Œuvray", "grand_public"),
    ]
    for day, contact, amount, tier_id in [(2, people[0], 60_000, tier.id), (5, people[1], 40_000, tier.id)]:
        svc.add_contribution(
            db,
            actor,
            campaign.id,
            ContributionInput(amount, datetime(2026, 3, day, 12, tzinfo=UTC), contact_id=contact, tier_id=tier_id),
        )
    svc.add_contribution(
        db, actor, campaign.id, ContributionInput(23_456, datetime(2026, 3, 7, 9, tzinfo=UTC), contact_id=people[2])
    )
    refunded = svc.add_contribution(
        db, actor, campaign.id, ContributionInput(99_900, datetime(2026, 3, 8, 9, tzinfo=UTC), contact_id=people[2])
    )
    svc.refund_contribution(db, actor, refunded.id)
    return campaign


def test_campaign_report_reads_back(
    db: Database, actor: Actor, funded: CampaignRecord, tmp_path: Path, read_back, page_ink
) -> None:
    out = tmp_path / "campagne.pdf"
    result = generate_pdf("campaign-report", db, actor, DocumentOptions(campaign=NAME), out)
    pdf = read_back(out)
    assert result.pages == pdf.pages
    text = spaces(pdf.flat_text())
    assert NAME in text
    assert "1 234,56 €" in text  # the valid total; the refund of 999,00 € is left out
    assert "999,00 € remboursés" in text
    assert "HelloAsso" in text and "statut : en cours" in text and "Du 1er mars 2026 au 30 mars 2026" in text
    for heading in ("Rythme de collecte", "Répartition par cercle", "Contreparties", "Envoi des contreparties"):
        assert heading in text
    assert "Tote bag brodé 40,00 € 2 78" in text  # amount, chosen twice, stock left
    assert "Proches 600,00 €" in text and "Grand public 234,56 €" in text
    assert "à préparer 2 100 %" in text
    assert f"Page {pdf.pages} / {pdf.pages}" in text
    assert pdf.metadata["/Title"] == "Rapport de campagne"
    assert pdf.metadata["/Subject"] == f"Rapport de campagne — {NAME}"
    assert pdf.language == "fr-FR"
    assert page_ink(out) > 0.03


def test_campaign_report_in_english(db: Database, actor: Actor, funded: CampaignRecord, tmp_path: Path, read_back):
    out = tmp_path / "campaign.pdf"
    assert (
        main(
            [
                "export",
                "pdf",
                "campaign-report",
                "--db",
                str(db.path),
                "--out",
                str(out),
                "--campaign",
                str(funded.id),
                "--lang",
                "en",
            ]
        )
        == 0
    )
    pdf = read_back(out)
    text = spaces(pdf.flat_text())
    assert "Campaign report" in text and "Pace of the campaign" in text and "€1,234.56" in text
    assert pdf.language == "en-GB"


def test_a_campaign_without_contributions_gets_a_sensible_report(
    db: Database, actor: Actor, tmp_path: Path, read_back, page_ink
) -> None:
    campaign = make_campaign(db, actor, name="Jardin partagé", goal_cents=0)
    svc.create_tier(db, actor, campaign.id, TierInput("Sachet de graines", 1_000))
    out = tmp_path / "vide.pdf"
    result = generate_pdf("campaign-report", db, actor, DocumentOptions(campaign="Jardin partagé"), out)
    pdf = read_back(out)
    assert result.pages == pdf.pages == 1
    text = spaces(pdf.flat_text())
    assert "Aucune contribution n’est encore enregistrée." in text or "Aucune contribution n'est encore" in text
    assert "0,00 €" in text and "sans objectif" in text and "Sachet de graines" in text
    assert "Rythme de collecte" not in text  # no empty chart
    assert page_ink(out) > 0.005


def test_checklist_sorted_by_name_with_boxes(
    db: Database, actor: Actor, funded: CampaignRecord, tmp_path: Path, read_back, page_ink
) -> None:
    lines = fulfilment.fulfilment_list(db, actor, funded.id)
    fulfilment.set_fulfilment_state(db, actor, [lines[0].contribution_id], "envoye")
    out = tmp_path / "suivi.pdf"
    generate_pdf("fulfilment-checklist", db, actor, DocumentOptions(campaign=NAME), out)
    pdf = read_back(out)
    text = spaces(pdf.flat_text())
    assert "Suivi des contreparties" in text and NAME in text
    assert "Préparé Envoyé Livré" in text
    # Hélène Dürr before Łukasz Ødegaard (accents folded); the postcode keeps its zero.
    assert text.index("Hélène Dürr") < text.index("Łukasz Ødegaard")
    assert "3 quai Saint-Vincent 01000 Bourg" in text
    assert "Zoé" not in text  # no tier chosen: nothing owed
    assert "2 contreparties dues" in text
    assert "☑" in text and "☐" in text
    assert pdf.metadata["/Subject"] == f"Suivi des contreparties — {NAME}"
    assert page_ink(out) > 0.01


def test_a_thousand_backers_checklist_splits_with_headers(
    db: Database, actor: Actor, tmp_path: Path, read_back
) -> None:
    campaign = make_campaign(db, actor, name="Grande campagne")
    tier = svc.create_tier(db, actor, campaign.id, TierInput("Carte postale illustrée", 500))
    with db.transaction() as session:
        for index in range(1000):
            contact = Contact(
                first_name=f"Élise{index:04d}", last_name="Brûlé", circle="grand_public", postcode="07000"
            )
            session.add(contact)
            session.flush()
            session.add(
                Contribution(
                    campaign_id=campaign.id,
                    contact=contact,
                    tier_id=tier.id,
                    amount_cents=500,
                    contributed_at=datetime(2026, 3, 3, tzinfo=UTC),
                    platform_reference=f"R{index}",
                )
            )
    out = tmp_path / "mille.pdf"
    result = generate_pdf("fulfilment-checklist", db, actor, DocumentOptions(campaign=str(campaign.id)), out)
    pdf = read_back(out)
    assert result.pages == pdf.pages >= 20
    for page in range(pdf.pages):
        assert "Contributeur" in pdf.text(page) and "Livré" in pdf.text(page)  # header on every page
    text = pdf.flat_text()
    assert "1 000 contreparties dues" in spaces(text)
    assert text.index("Élise0000") < text.index("Élise0999")
    assert "Élise0999" in pdf.text(pdf.pages - 1)
    assert text.count("Brûlé") == 1000


def test_unknown_campaign_is_a_french_error_listing_the_campaigns(
    db: Database, actor: Actor, funded: CampaignRecord
) -> None:
    with pytest.raises(UserError) as raised:
        campaign_documents.campaign_named(db, actor, "Inconnue")
    assert "Aucune campagne ne s'appelle « Inconnue »" in str(raised.value)
    assert f"« {NAME} »" in str(raised.value)
    assert campaign_documents.campaign_named(db, actor, str(funded.id)).name == NAME


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--campaign", "Nulle part"], "Aucune campagne ne s'appelle « Nulle part »"),
        ([], "Choisissez une campagne"),
    ],
)
def test_cli_mistakes_write_nothing(
    db: Database, actor: Actor, funded: CampaignRecord, tmp_path: Path, capsys, extra: list[str], message: str
) -> None:
    out = tmp_path / "x.pdf"
    code = main(["export", "pdf", "fulfilment-checklist", "--db", str(db.path), "--out", str(out), *extra])
    assert code == 1
    error = capsys.readouterr().err
    assert message in error and "Aucun fichier n'a été écrit." in error and "Traceback" not in error
    assert not out.exists()


def test_cli_by_name(db: Database, funded: CampaignRecord, tmp_path: Path, capsys, read_back) -> None:
    out = tmp_path / "suivi.pdf"
    assert main(["export", "pdf", "campaign-report", "--db", str(db.path), "--out", str(out), "--campaign", NAME]) == 0
    assert f"Document écrit : {out}" in capsys.readouterr().out
    assert NAME in read_back(out).flat_text()
