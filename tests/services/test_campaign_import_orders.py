"""Importing contributions that forgives: unknown rewards mapped, created or left out, good
lines kept beside bad ones on request; Ulule's own order export read and grouped by order."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

from sqlalchemy import func, select

from communitydesk.db.database import Database
from communitydesk.models.campaigns import Contribution, ContributionLine, Tier
from communitydesk.models.contacts import Contact
from communitydesk.services import campaign_import as importer
from communitydesk.services import campaigns as svc
from communitydesk.services import fulfilment
from communitydesk.services.campaign_import import TierAction, TierChoice
from communitydesk.services.permissions import Actor

SAMPLE = Path(__file__).parents[1] / "samples" / "ulule_commandes.csv"

GENERIC = (
    "Référence;Date;Montant;Courriel;Contrepartie\n"
    "G1;01/03/2026;10,00;ana@exemple.fr;Sachet de graines\n"
    "G2;01/03/2026;35,00;ben@exemple.fr;Panier garni\n"
    "G3;02/03/2026;30,00;cleo@exemple.fr;Panier garni\n"
    "G4;02/03/2026;-5,00;dan@exemple.fr;\n"
    "G5;03/03/2026;5,00;eve@exemple.fr;\n"
)


def count(db: Database, model: type) -> int:
    with db.snapshot() as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


def garden(db: Database, actor: Actor) -> int:
    campaign = svc.create_campaign(db, actor, svc.CampaignInput(name="Jardin partagé", platform="helloasso"))
    svc.create_tier(db, actor, campaign.id, svc.TierInput("Sachet de graines", 1000))
    svc.create_tier(db, actor, campaign.id, svc.TierInput("Panier de légumes", 3000))
    return campaign.id


def generic_file(tmp_path: Path, text: str = GENERIC) -> Path:
    path = tmp_path / "export.csv"
    path.write_text(text, encoding="utf-8")
    return path


def references(db: Database, actor: Actor, campaign_id: int) -> dict[str, str]:
    return {c.platform_reference or "": c.tier_title for c in svc.list_contributions(db, actor, campaign_id)}


def test_the_preview_lists_unknown_rewards_with_their_lines(db: Database, actor: Actor, tmp_path: Path) -> None:
    garden(db, actor)
    preview = importer.preview_contributions(
        generic_file(tmp_path), actor, "generic", store=db, campaign="Jardin partagé"
    )
    assert [(t.title, t.lines, t.amount_cents) for t in preview.unknown_tiers] == [("Panier garni", (3, 4), 3000)]
    assert [title for _id, title in preview.tiers] == ["Sachet de graines", "Panier de légumes"]
    assert [(e.line, e.field) for e in preview.errors] == [(5, "Montant")]
    assert preview.columns["tier"] == "Contrepartie"  # which column was taken for what


def test_strict_by_default_an_unknown_reward_writes_nothing(db: Database, actor: Actor, tmp_path: Path) -> None:
    garden(db, actor)
    summary = importer.import_contributions(db, actor, generic_file(tmp_path), "Jardin partagé", "generic")
    assert [(e.line, e.field) for e in summary.errors] == [(3, "Contrepartie"), (4, "Contrepartie"), (5, "Montant")]
    assert "Panier garni" in summary.errors[0].message and "Panier de légumes" in summary.errors[0].message
    assert not summary.accepted and not summary.written and summary.created == 0
    assert count(db, Contribution) == 0 and count(db, Contact) == 0


def test_an_unknown_reward_mapped_to_an_existing_one(db: Database, actor: Actor, tmp_path: Path) -> None:
    campaign_id = garden(db, actor)
    basket = next(t.id for t in svc.list_tiers(db, actor, campaign_id) if t.title == "Panier de légumes")
    summary = importer.import_contributions(
        db,
        actor,
        generic_file(tmp_path),
        "Jardin partagé",
        "generic",
        skip_bad_lines=True,
        tier_choices={"panier GARNI": TierChoice(TierAction.MAP, basket)},  # accents and case ignored
    )
    assert summary.as_json()["created"] == 4 and [e.line for e in summary.errors] == [5]
    assert summary.written and summary.created_tiers == []
    assert references(db, actor, campaign_id) == {
        "G1": "Sachet de graines",
        "G2": "Panier de légumes",
        "G3": "Panier de légumes",
        "G5": "",
    }


def test_an_unknown_reward_created_at_the_lowest_amount_paid(db: Database, actor: Actor, tmp_path: Path) -> None:
    campaign_id = garden(db, actor)
    summary = importer.import_contributions(
        db,
        actor,
        generic_file(tmp_path, GENERIC.replace("G4;02/03/2026;-5,00", "G4;02/03/2026;5,00")),
        "Jardin partagé",
        "generic",
        tier_choices={"Panier garni": TierChoice(TierAction.CREATE)},
    )
    assert summary.as_json() == {"created": 5, "updated": 0, "skipped": 0, "errors": [], "warnings": []}
    assert summary.created_tiers == ["Panier garni"]
    tiers = {t.title: t.amount_cents for t in svc.list_tiers(db, actor, campaign_id)}
    assert tiers["Panier garni"] == 3000
    assert references(db, actor, campaign_id)["G2"] == "Panier garni"


def test_lines_of_an_unknown_reward_left_out_on_request(db: Database, actor: Actor, tmp_path: Path) -> None:
    campaign_id = garden(db, actor)
    text = GENERIC.replace("G4;02/03/2026;-5,00", "G4;02/03/2026;5,00")
    summary = importer.import_contributions(
        db,
        actor,
        generic_file(tmp_path, text),
        "Jardin partagé",
        "generic",
        tier_choices={"Panier garni": TierChoice(TierAction.SKIP)},
    )
    assert summary.as_json()["created"] == 3 and summary.as_json()["skipped"] == 2 and summary.errors == []
    assert summary.left_out == 2 and [w.line for w in summary.warnings] == [3, 4]
    assert sorted(references(db, actor, campaign_id)) == ["G1", "G4", "G5"]
    assert count(db, Tier) == 2


def test_skip_bad_lines_writes_the_good_ones_and_refuses_a_file_of_bad_ones(
    db: Database, actor: Actor, tmp_path: Path
) -> None:
    campaign_id = garden(db, actor)
    summary = importer.import_contributions(
        db, actor, generic_file(tmp_path), "Jardin partagé", "generic", skip_bad_lines=True
    )
    assert summary.written and (summary.created, len(summary.errors)) == (2, 3)
    assert sorted(references(db, actor, campaign_id)) == ["G1", "G5"]

    bad = generic_file(tmp_path, "Référence;Date;Montant\nB1;hier;10\nB2;01/03/2026;-1\n")
    refused = importer.import_contributions(db, actor, bad, "Jardin partagé", "generic", skip_bad_lines=True)
    assert not refused.accepted and refused.created == 0 and len(refused.errors) == 2
    assert count(db, Contribution) == 2


def test_ulule_orders_are_grouped_with_their_lines_postage_and_shipping_address(
    db: Database, actor: Actor, tmp_path: Path
) -> None:
    path = tmp_path / "ulule.csv"
    shutil.copy(SAMPLE, path)
    preview = importer.preview_contributions(path, actor, "ulule")
    assert preview.errors == [] and (preview.total_rows, preview.contributions) == (7, 5)
    assert preview.columns["reference"] == "#" and preview.columns["unit_amount"] == "Montant unitaire total"
    assert preview.columns["ship_city"] == "Ville de livraison" and preview.columns["city"] == "Ville de facturation"

    summary = importer.import_contributions(db, actor, path, "Vélo-école", "ulule", create=True)
    assert summary.as_json() == {"created": 5, "updated": 0, "skipped": 0, "errors": [], "warnings": []}
    assert summary.created_tiers == ["Affiche sérigraphiée", "Mug émaillé", "Tote bag"]  # cheapest first
    assert summary.new_contacts == 4  # Inès's two orders are one person
    campaign = svc.find_campaign(db, actor, "Vélo-école")
    assert campaign is not None
    by_reference = {c.platform_reference: c for c in svc.list_contributions(db, actor, campaign.id)}
    amounts = {ref: (c.amount_cents, c.payment_status, c.tier_title) for ref, c in by_reference.items()}
    assert amounts == {
        "48213": (2500 + 2 * 1500 + 500, "valid", "Tote bag"),  # Σ unit × quantity + postage once
        "48220": (1000, "valid", ""),  # Don libre: no reward
        "48231": (2000 + 650, "valid", "Mug émaillé"),
        "48240": (3000, "cancelled", "Tote bag"),
        "48257": (500 + 2500 + 500, "valid", "Tote bag"),
    }
    with db.snapshot() as session:
        order = session.scalars(select(Contribution).where(Contribution.platform_reference == "48213")).one()
        assert [(line.tier.title if line.tier else None, line.quantity, line.unit_cents) for line in order.lines] == [
            ("Tote bag", 1, 2500),
            ("Affiche sérigraphiée", 2, 1500),
        ]
        assert order.shipping_cents == 500
        gift = session.scalars(select(Contribution).where(Contribution.platform_reference == "48231")).one()
        assert (gift.ship_first_name, gift.ship_city, gift.ship_country) == ("Jules", "Bruxelles", "BE")
        ines = session.get(Contact, gift.contact_id)
        assert ines is not None and (ines.city, ines.postcode) == ("Paris", "75011")  # billing, not the gift's
        marc = session.scalars(select(Contact).where(Contact.last_name == "Lefèvre")).one()
        assert (marc.city, marc.country) == ("Bordeaux", "FR")
        theo = session.scalars(select(Contact).where(Contact.last_name == "Girard")).one()
        assert (theo.city, theo.country) == ("Grenoble", "FR")  # "France" in words
        free = session.scalars(select(Contribution).where(Contribution.platform_reference == "48220")).one()
        assert [(line.tier_id, line.unit_cents) for line in free.lines] == [(None, 1000)]

    stock = {t.title: t.stock_left for t in svc.list_tiers(db, actor, campaign.id)}
    assert stock == {"Affiche sérigraphiée": None, "Mug émaillé": None, "Tote bag": None}  # unlimited
    tote = next(t for t in svc.list_tiers(db, actor, campaign.id) if t.title == "Tote bag")
    poster = next(t for t in svc.list_tiers(db, actor, campaign.id) if t.title == "Affiche sérigraphiée")
    svc.update_tier(db, actor, tote.id, svc.TierInput("Tote bag", 2500, stock_limit=10), tote.version_id)
    svc.update_tier(
        db, actor, poster.id, svc.TierInput("Affiche sérigraphiée", 1500, stock_limit=10), poster.version_id
    )
    stock = {t.title: t.stock_left for t in svc.list_tiers(db, actor, campaign.id)}
    assert (stock["Tote bag"], stock["Affiche sérigraphiée"]) == (8, 8)  # quantities count, not orders

    again = importer.import_contributions(db, actor, path, "Vélo-école", "ulule")
    assert again.as_json() == {"created": 0, "updated": 0, "skipped": 5, "errors": [], "warnings": []}
    assert count(db, ContributionLine) == 7 and count(db, Contribution) == 5

    owed = fulfilment.fulfilment_list(db, actor, campaign.id)
    assert sorted((line.reference, line.reward, line.city) for line in owed) == [
        ("48213", "Affiche sérigraphiée × 2", "Lyon"),
        ("48213", "Tote bag", "Lyon"),
        ("48231", "Mug émaillé", "Bruxelles"),  # where the platform sends it
        ("48257", "Tote bag", "Paris"),
    ]
    assert {line.reference: line.recipient for line in owed} == {"48213": "", "48231": "Jules Bonnet", "48257": ""}
    assert fulfilment.fulfilment_counts(db, actor, campaign.id)["a_preparer"] == 5
    target = tmp_path / "envois.csv"
    assert fulfilment.export_shipping_list(db, actor, campaign.id, target) == 4
    rows = list(csv.reader(target.read_text(encoding="utf-8-sig").splitlines(), delimiter=";"))
    assert rows[0][-1] == "Destinataire"
    assert {(row[0], row[8], row[-1]) for row in rows[1:]} == {
        ("48213", "Tote bag", "Camille Martin"),
        ("48213", "Affiche sérigraphiée × 2", "Camille Martin"),
        ("48231", "Mug émaillé", "Jules Bonnet"),  # the name on the parcel
        ("48257", "Tote bag", "Inès Bonnet"),
    }
    order_id = next(line.contribution_id for line in owed if line.reference == "48213")
    assert fulfilment.set_fulfilment_state(db, actor, [order_id], "envoye") == 1
    sent = [line for line in fulfilment.fulfilment_list(db, actor, campaign.id) if line.state == "envoye"]
    assert len(sent) == 2  # one parcel: both rewards of the order


def test_a_later_export_updates_an_order(db: Database, actor: Actor, tmp_path: Path) -> None:
    path = tmp_path / "ulule.csv"
    text = SAMPLE.read_text(encoding="utf-8-sig")
    path.write_text(text, encoding="utf-8")
    importer.import_contributions(db, actor, path, "Vélo-école", "ulule", create=True)
    later = text.replace(";Affiche sérigraphiée;2;15.00;", ";Affiche sérigraphiée;3;15.00;")
    path.write_text(later, encoding="utf-8")
    summary = importer.import_contributions(db, actor, path, "Vélo-école", "ulule")
    assert (summary.created, summary.updated, summary.skipped) == (0, 1, 4)
    with db.snapshot() as session:
        order = session.scalars(select(Contribution).where(Contribution.platform_reference == "48213")).one()
        assert order.amount_cents == 2500 + 3 * 1500 + 500 and [line.quantity for line in order.lines] == [1, 3]
    assert count(db, ContributionLine) == 7


def test_a_bad_line_leaves_its_whole_order_out(db: Database, actor: Actor, tmp_path: Path) -> None:
    path = tmp_path / "ulule.csv"
    text = SAMPLE.read_text(encoding="utf-8-sig").replace(
        ";Affiche sérigraphiée;2;15.00;", ";Affiche sérigraphiée;deux;15.00;"
    )
    path.write_text(text, encoding="utf-8")
    summary = importer.import_contributions(db, actor, path, "Vélo-école", "ulule", create=True, skip_bad_lines=True)
    assert [(e.line, e.field) for e in summary.errors] == [(2, "#"), (3, "Quantité")]
    assert summary.created == 4


def test_the_shipping_address_is_in_the_access_export_and_goes_with_an_erasure(
    db: Database, actor: Actor, tmp_path: Path
) -> None:
    from communitydesk.services import gdpr

    importer.import_contributions(db, actor, SAMPLE, "Vélo-école", "ulule", create=True)
    with db.snapshot() as session:
        gift = session.scalars(select(Contribution).where(Contribution.platform_reference == "48231")).one()
    assert gift.contact_id is not None
    exported = json.dumps(gdpr.export_person(db, actor, gift.contact_id), ensure_ascii=False)
    assert "ville_de_livraison" in exported and "Bruxelles" in exported
    gdpr.erase_person(db, actor, gift.contact_id, confirm=True)
    with db.snapshot() as session:
        orders = session.scalars(select(Contribution).where(Contribution.contact_id == gift.contact_id)).all()
        assert len(orders) == 2
        for order in orders:
            assert (order.ship_first_name, order.ship_address, order.ship_city, order.backer_name) == ("", "", "", "")
            assert order.amount_cents > 0  # the money still counts
