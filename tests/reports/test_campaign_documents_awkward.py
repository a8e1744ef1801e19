"""Campaign report and fulfilment checklist with awkward data, read back with pypdf.

Anonymous platform backers, a foreign shipping address given by the platform (never mixed
with the contact's old one), an organisation backer, a 200-character name, a contribution
without reward and a refund (the gap between the rewards and the amount collected), each
stage of a campaign; with and without the organisation's identity. Every font embedded.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from communitydesk.db.database import Database
from communitydesk.document_catalogue import DocumentOptions, generate_pdf
from communitydesk.formatting import local_today
from communitydesk.models.campaigns import Contribution
from communitydesk.models.contacts import Contact
from communitydesk.records.campaigns import CampaignInput, CampaignRecord, TierInput
from communitydesk.services import campaigns as svc
from communitydesk.services import fulfilment, settings
from communitydesk.services.permissions import Actor

LONG_NAME = "Dupont-Lefebvre"
LONG_FIRST = "Marie-Clémentine"
LONG_LAST = " ".join(["de La Tour", LONG_NAME, "d'Auvergne", "Saint-Priest"] * 4)[:183]  # 200 with the first name
PHONE = "06 12 34 56 78"
ORGANISATION = "L'Épicerie Solidaire des Pentes"
ORG_EMAIL = "contact@epicerie.example"


def flat(text: str) -> str:
    """Babel's narrow and non-breaking spaces as plain ones, runs of blanks made one space, and the
    printed typographic apostrophe as the one typed in the test data."""
    return " ".join(text.replace("\u202f", " ").replace("\xa0", " ").replace("’", "'").split())


def campaign(db: Database, actor: Actor, name: str, status: str, start: int, end: int) -> CampaignRecord:
    today = local_today()
    return svc.create_campaign(
        db,
        actor,
        CampaignInput(
            name=name,
            goal_cents=500_000,
            platform="ulule",
            status=status,
            starts_on=today + timedelta(days=start),
            ends_on=today + timedelta(days=end),
        ),
    )


@pytest.fixture(params=["Les Ateliers du Lien", "L'Outil en main", "Atelier vélo", ""])
def base(request: pytest.FixtureRequest, db: Database, actor: Actor) -> Database:
    """A base named with Les / L' / a vowel, or without any identity."""
    if request.param:
        with db.transaction() as session:
            settings.save_organisation(session, actor, settings.Organisation(name=request.param))
    return db


@pytest.fixture
def running(base: Database, actor: Actor) -> CampaignRecord:
    db = base
    found = campaign(db, actor, "Jardin des Canuts", "en_cours", -10, 20)
    poster = svc.create_tier(db, actor, found.id, TierInput("Affiche", 2_000))
    bag = svc.create_tier(db, actor, found.id, TierInput("Tote bag", 4_000))
    when = datetime.now(UTC) - timedelta(days=2)
    with db.transaction() as session:
        long_named = Contact(first_name=LONG_FIRST, last_name=LONG_LAST, phone=PHONE, circle="proches")
        org = Contact(kind="organisation", organisation=ORGANISATION, email=ORG_EMAIL, circle="communaute")
        moved = Contact(
            first_name="Jonas",
            last_name="Keller",
            email="jonas@example.ch",
            address="3 rue Vieille",
            postcode="69100",
            city="Villeurbanne",
            country="FR",
        )
        session.add_all([long_named, org, moved])
        session.flush()

        def give(amount: int, tier: int | None, reference: str, **values: object) -> None:
            session.add(
                Contribution(
                    campaign_id=found.id,
                    tier_id=tier,
                    amount_cents=amount,
                    contributed_at=when,
                    platform_reference=reference,
                    **values,
                )
            )

        give(4_000, bag.id, "ULU-00001", contact_id=long_named.id)
        give(2_000, poster.id, "ULU-00002", contact_id=org.id, brought_contact=True)
        # An anonymous platform backer, shipped abroad: the platform's address and country only.
        give(
            2_000,
            poster.id,
            "ULU-00042",
            anonymous=True,
            ship_address="Rue de la Loi 16",
            ship_postcode="1000",
            ship_city="Bruxelles",
            ship_country="Belgique",
        )
        # A known contact who moved: the parcel goes where the platform was told, not to the old address.
        give(
            4_000,
            bag.id,
            "ULU-00003",
            contact_id=moved.id,
            ship_first_name="Jonas",
            ship_last_name="Keller",
            ship_address="Rue du Rhône 1",
            ship_postcode="1204",
            ship_city="Genève",
            ship_country="Suisse",
        )
        give(2_500, None, "ULU-00004", backer_name="Paul")  # no reward: part of the gap
        give(4_000, bag.id, "ULU-00005", contact_id=moved.id, payment_status="refunded")
    return found


def rendered(kind: str, db: Database, actor: Actor, name: str, tmp_path: Path, read_back):  # type: ignore[no-untyped-def]
    """Document ``kind`` of campaign ``name``, read back."""
    out = tmp_path / f"{kind}.pdf"
    generate_pdf(kind, db, actor, DocumentOptions(campaign=name), out)
    return read_back(out)


def every_font_embedded(pdf) -> None:  # type: ignore[no-untyped-def]
    fonts = pdf.fonts()
    assert fonts and all("+" in name for name in fonts), fonts  # subset prefix: embedded


def test_the_checklist_starts_with_what_to_prepare_and_labels_every_backer(
    base: Database, actor: Actor, running: CampaignRecord, tmp_path: Path, read_back
) -> None:
    pdf = rendered("fulfilment-checklist", base, actor, running.name, tmp_path, read_back)
    text = flat(pdf.text())
    # The counts per reward come first, before the parcels.
    assert text.index("À préparer par contrepartie") < text.index("Joindre")
    assert "Affiche 2 2" in text and "Tote bag 2 2" in text and "Total 4 4" in text
    assert "Contribution anonyme (ULU-00042)" in text
    for part in ("Rue de la Loi 16", "1000", "Bruxelles", "Belgique", "Rue du Rhône 1", "Genève", "Suisse"):
        assert part in text
    assert "Villeurbanne" not in text and "3 rue Vieille" not in text  # no mix with the old address
    assert ORGANISATION in text and ORG_EMAIL in text  # an organisation by its name, reached by e-mail
    assert any(PHONE in line for line in pdf.text().splitlines())  # a phone on one line
    assert text.count(LONG_NAME) == 4 and "…" not in text  # the long name wraps, whole
    assert "Paul" not in text  # no reward, nothing to send
    every_font_embedded(pdf)


def test_the_campaign_report_explains_its_figures(
    base: Database, actor: Actor, running: CampaignRecord, tmp_path: Path, read_back
) -> None:
    text = flat(rendered("campaign-report", base, actor, running.name, tmp_path, read_back).text())
    assert "145,00 € collectés" in text
    assert "Contreparties : 120,00 € sur 145,00 € collectés." in text
    assert "L'écart, 25,00 €, vient d'une contribution sans contrepartie." in text
    assert "Remboursé : 40,00 €, exclu des deux totaux." in text
    assert "20 jours restants" in text
    assert "1 nouveaux contacts apportés" in text  # a figure card, not a caption
    # An estimate in whole euros (rules.pacing.rounded_projection), never to the cent.
    assert re.search(r"\d € projection à la fin", text) and not re.search(r",\d\d € projection", text)
    assert "…" not in text


# ReportLab's charts declare Helvetica for their default labels; issue 15's font work (part 15B,
# reports/fonts) removes it. Remove this marker once merged: the test then passes.
def test_the_campaign_report_embeds_every_font(
    base: Database, actor: Actor, running: CampaignRecord, tmp_path: Path, read_back
) -> None:
    every_font_embedded(rendered("campaign-report", base, actor, running.name, tmp_path, read_back))


@pytest.mark.parametrize(
    ("status", "start", "end", "shown", "hidden"),
    [
        ("preparation", 25, 65, "25 jours avant le lancement", "jours restants"),
        ("reussie", -60, -30, "Terminée collecte close", "0 jours"),
        ("en_cours", -30, 0, "Dernier jour de collecte", "0 jours"),
    ],
)
def test_the_time_card_fits_the_stage(
    db: Database, actor: Actor, tmp_path: Path, read_back, status: str, start: int, end: int, shown: str, hidden: str
) -> None:
    found = campaign(db, actor, "Campagne", status, start, end)
    text = flat(rendered("campaign-report", db, actor, found.name, tmp_path, read_back).text())
    assert shown in text and hidden not in text


def test_the_shipping_tab_and_its_csv_show_the_same_labels(
    base: Database, actor: Actor, running: CampaignRecord, tmp_path: Path
) -> None:
    lines = {line.reference: line for line in fulfilment.fulfilment_list(base, actor, running.id)}
    anonymous = lines["ULU-00042"]
    assert anonymous.backer_label == "Contribution anonyme (ULU-00042)"
    assert (anonymous.address, anonymous.postcode, anonymous.city, anonymous.country) == (
        "Rue de la Loi 16",
        "1000",
        "Bruxelles",
        "Belgique",
    )
    assert lines["ULU-00003"].city == "Genève" and lines["ULU-00003"].country == "Suisse"
    assert lines["ULU-00002"].backer_label == ORGANISATION and lines["ULU-00002"].reach == ORG_EMAIL
    assert lines["ULU-00001"].reach == PHONE
    out = tmp_path / "envois.csv"
    fulfilment.export_shipping_list(base, actor, running.id, out)
    body = out.read_text(encoding="utf-8-sig")
    assert "Contribution anonyme (ULU-00042)" in body and "Belgique" in body and "Villeurbanne" not in body


def test_the_checklist_keeps_a_long_city_name_whole(
    base: Database, actor: Actor, running: CampaignRecord, tmp_path: Path, read_back
) -> None:
    card = svc.create_tier(base, actor, running.id, TierInput("Carte", 1_000))
    with base.transaction() as session:
        for reference, city in (("ULU-00010", "Castelsarrasin"), ("ULU-00011", "Schweighouse-sur-Moder")):
            session.add(
                Contribution(
                    campaign_id=running.id,
                    tier_id=card.id,
                    amount_cents=1_000,
                    contributed_at=datetime.now(UTC) - timedelta(days=1),
                    platform_reference=reference,
                    anonymous=True,
                    ship_address="1 place de la Mairie",
                    ship_postcode="82100",
                    ship_city=city,
                    ship_country="France",
                )
            )
    text = flat(rendered("fulfilment-checklist", base, actor, running.name, tmp_path, read_back).text())
    assert "Castelsarrasin" in text  # one word: never cut mid-way
    assert re.search(r"Schweighouse-\s?sur-\s?Moder", text)  # a compound name breaks at its hyphens only
