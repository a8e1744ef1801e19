"""Importing contributions: one transaction, idempotent, backers matched or created, errors by line."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from communitydesk.db.database import Database
from communitydesk.errors import UserError
from communitydesk.models.campaigns import Contribution, Tier
from communitydesk.models.contacts import CircleMove, Contact, TouchPoint
from communitydesk.rules.contact_keys import email_key, phone_key
from communitydesk.services import campaign_import as importer
from communitydesk.services import campaigns as svc
from communitydesk.services.permissions import Actor

ULULE = (
    "N° de commande;Date de création;Montant;Prénom;Nom;Email;Téléphone;Contrepartie;Statut;Anonyme;"
    "Adresse de livraison;Code postal;Ville\n"
    "U-1;01/03/2026 09:00;50,00 €;Hélène;Durand;Helene.Durand@Exemple.fr;;Tote bag;Payé;non;3 rue Neuve;69001;Lyon\n"
    "U-2;01/03/2026 18:30;20,00 €;Karim;Benali;;06 12 34 56 78;;Payé;non;;;\n"
    "U-3;02/03/2026;1 200,00 €;Zoé;Marchand;zoe@exemple.fr;;Tote bag;Payé;oui;;;\n"
    "U-4;03/03/2026;15,00 €;Zoé;Marchand;zoe@exemple.fr;;;Remboursé;non;;;\n"
    "U-5;03/03/2026;10,00 €;;;;;;Payé;oui;;;\n"
)


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def counts(db: Database) -> tuple[int, int, int, int]:
    with db.transaction() as session:
        return (
            session.scalar(select(func.count()).select_from(Contribution)) or 0,
            session.scalar(select(func.count()).select_from(Contact)) or 0,
            session.scalar(select(func.count()).select_from(TouchPoint)) or 0,
            session.scalar(select(func.count()).select_from(Tier)) or 0,
        )


def existing_contact(db: Database, first: str, last: str, circle: str, email: str = "", phone: str = "") -> int:
    with db.transaction() as session:
        contact = Contact(
            first_name=first,
            last_name=last,
            circle=circle,
            email=email,
            email_key=email_key(email),
            phone=phone,
            phone_key=phone_key(phone),
        )
        session.add(contact)
        session.flush()
        return contact.id


def test_import_creates_campaign_contacts_tiers_and_is_idempotent(db: Database, actor: Actor, tmp_path: Path) -> None:
    hélène = existing_contact(db, "Hélène", "Durand", "proches", email="helene.durand@exemple.fr")
    karim = existing_contact(db, "Karim", "B.", "communaute", phone="+33612345678")
    path = write(tmp_path / "ulule.csv", ULULE, "cp1252")

    summary = importer.import_contributions(db, actor, path, "Vélo-école", "ulule", create=True)
    assert summary.as_json() == {"created": 5, "updated": 0, "skipped": 0, "errors": [], "warnings": []}
    assert summary.campaign_created and summary.new_contacts == 1 and summary.matched_contacts == 2
    assert summary.created_tiers == ["Tote bag"]
    campaign = svc.find_campaign(db, actor, "Vélo-école")
    assert campaign is not None and campaign.platform == "ulule" and campaign.starts_on == date(2026, 3, 1)

    contributions = {c.platform_reference: c for c in svc.list_contributions(db, actor, campaign.id)}
    assert contributions["U-1"].contact_id == hélène  # matched by e-mail, case and spaces ignored
    assert contributions["U-2"].contact_id == karim  # matched by phone
    assert contributions["U-3"].contact_id == contributions["U-4"].contact_id  # one new contact for Zoé
    assert contributions["U-5"].contact_id is None  # nobody to match or create
    assert contributions["U-3"].anonymous and contributions["U-4"].payment_status == "refunded"
    with db.transaction() as session:
        zoe = session.get(Contact, contributions["U-3"].contact_id)
        assert zoe is not None
        assert (zoe.circle, zoe.source) == ("grand_public", "campagne Vélo-école")
        assert session.scalars(select(CircleMove).where(CircleMove.contact_id == zoe.id)).one().to_circle == (
            "grand_public"
        )
        hélène_row = session.get(Contact, hélène)
        assert hélène_row is not None and (hélène_row.city, hélène_row.postcode) == ("Lyon", "69001")
        assert hélène_row.last_touch_at is not None
    board = svc.campaign_dashboard(db, actor, campaign.id, today=date(2026, 3, 5))
    assert board.total_cents == 5000 + 2000 + 120000 + 1000
    assert board.new_contacts == 1
    assert board.by_circle["proches"].amount_cents == 5000

    before = counts(db)
    again = importer.import_contributions(db, actor, path, "Vélo-école", "ulule")
    assert again.as_json() == {"created": 0, "updated": 0, "skipped": 5, "errors": [], "warnings": []}
    assert counts(db) == before
    assert svc.campaign_dashboard(db, actor, campaign.id, today=date(2026, 3, 5)).total_cents == board.total_cents


def test_a_later_export_updates_refunds(db: Database, actor: Actor, tmp_path: Path) -> None:
    importer.import_contributions(db, actor, write(tmp_path / "a.csv", ULULE), "Vélo-école", "ulule", create=True)
    later = ULULE.replace(
        "U-3;02/03/2026;1 200,00 €;Zoé;Marchand;zoe@exemple.fr;;Tote bag;Payé",
        "U-3;02/03/2026;1 200,00 €;Zoé;Marchand;zoe@exemple.fr;;Tote bag;Remboursé",
    )
    summary = importer.import_contributions(db, actor, write(tmp_path / "b.csv", later), "Vélo-école", "ulule")
    assert summary.as_json() == {"created": 0, "updated": 1, "skipped": 4, "errors": [], "warnings": []}
    campaign = svc.find_campaign(db, actor, "Vélo-école")
    assert campaign is not None
    assert svc.list_campaigns(db, actor)[0].total_cents == 8000


def test_bad_rows_are_reported_and_nothing_is_written(db: Database, actor: Actor, tmp_path: Path) -> None:
    campaign = svc.create_campaign(db, actor, svc.CampaignInput(name="Jardin partagé", platform="helloasso"))
    svc.create_tier(db, actor, campaign.id, svc.TierInput("Sachet de graines", 1000))
    path = write(
        tmp_path / "bad.csv",
        "Référence;Date;Montant;Prénom;Nom;Courriel;Contrepartie\n"
        "H1;01/03/2026;10,00;Ana;Lopez;ana@exemple.fr;Sachet de graines\n"
        "H2;01/03/2026;-10,00;Ben;Roy;ben@exemple.fr;\n"
        "H3;01/03/2026;30,00;Cléo;Petit;cleo@exemple.fr;Panier garni\n"
        "H4;31/02/2026;30,00;Dan;Vidal;dan@exemple.fr;\n",
    )
    before = counts(db)
    summary = importer.import_contributions(db, actor, path, "Jardin partagé", "generic")
    assert [(e["line"], e["field"]) for e in summary.as_json()["errors"]] == [
        (3, "Montant"),
        (4, "Contrepartie"),
        (5, "Date"),
    ]
    assert "négatif" in summary.errors[0].message
    assert "Panier garni" in summary.errors[1].message and "Sachet de graines" in summary.errors[1].message
    assert (summary.created, summary.updated, summary.skipped) == (0, 0, 0)
    assert counts(db) == before  # not even line 2 nor its new contact


def test_dry_run_counts_but_writes_nothing(db: Database, actor: Actor, tmp_path: Path) -> None:
    before = counts(db)
    summary = importer.import_contributions(
        db, actor, write(tmp_path / "u.csv", ULULE), "Nouvelle", "ulule", create=True, dry_run=True
    )
    assert (summary.created, summary.new_contacts, summary.errors) == (5, 3, [])
    assert counts(db) == before
    assert svc.find_campaign(db, actor, "Nouvelle") is None


def test_unknown_campaign_without_create_is_a_clear_error(db: Database, actor: Actor, tmp_path: Path) -> None:
    with pytest.raises(UserError, match="--create"):
        importer.import_contributions(db, actor, write(tmp_path / "u.csv", ULULE), "Inconnue", "ulule")


def test_reference_of_another_campaign_is_an_error(db: Database, actor: Actor, tmp_path: Path) -> None:
    path = write(tmp_path / "u.csv", ULULE)
    importer.import_contributions(db, actor, path, "Première", "ulule", create=True)
    summary = importer.import_contributions(db, actor, path, "Seconde", "ulule", create=True)
    assert len(summary.errors) == 5 and "Première" in summary.errors[0].message
    assert svc.find_campaign(db, actor, "Seconde") is None  # rolled back with the rest


def test_cancel_through_progress_leaves_the_database_as_it_was(db: Database, actor: Actor, tmp_path: Path) -> None:
    class Stop(Exception):
        pass

    def progress(done: int, total: int) -> None:
        if done == 3:
            raise Stop

    before = counts(db)
    with pytest.raises(Stop):
        importer.import_contributions(
            db, actor, write(tmp_path / "u.csv", ULULE), "X", "ulule", create=True, progress=progress
        )
    assert counts(db) == before


def test_saved_mappings_are_reusable(db: Database, actor: Actor, tmp_path: Path) -> None:
    importer.save_mapping(
        db,
        actor,
        "Tableur de la trésorière",
        "autre",
        {"reference": "Num", "date": "Quand", "amount": "Somme", "email": ""},
    )
    mapping = importer.load_mapping(db, actor, "Tableur de la trésorière")
    assert mapping == {"reference": "Num", "date": "Quand", "amount": "Somme"}
    assert [m.name for m in importer.list_mappings(db, actor, "autre")] == ["Tableur de la trésorière"]
    path = write(tmp_path / "t.csv", "Num;Quand;Somme\nT1;02/03/2026;12,50\n")
    preview = importer.preview_contributions(path, actor, "generic", mapping)
    assert preview.errors == [] and preview.rows[0].amount_cents == 1250 and preview.total_rows == 1
    summary = importer.import_contributions(db, actor, path, "Caisse", "generic", mapping=mapping, create=True)
    assert summary.created == 1


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["R1", "R2", "", "R3", "R 4"]),
            st.sampled_from(["01/03/2026", "2026-03-02", "31/02/2026", "", "hier", "02/03/2026 25:00"]),
            st.sampled_from(["10,00", "-5", "1 234,50 €", "", "abc", "0", "12.345,6"]),
            st.sampled_from(["", "Mug", "Inconnue", "Sans contrepartie"]),
            st.sampled_from(["", "Validé", "Remboursé", "bof"]),
            st.text(alphabet='ab;"\n@é', max_size=6),
        ),
        max_size=6,
    )
)
def test_any_file_gives_a_summary_and_never_half_writes(
    db: Database, actor: Actor, tmp_path: Path, rows: list[tuple[str, ...]]
) -> None:
    import csv
    import io

    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow(["Référence", "Date", "Montant", "Contrepartie", "Statut", "Courriel"])
    writer.writerows(rows)
    path = write(tmp_path / "fuzz.csv", buffer.getvalue())
    name = f"Fuzz {counts(db)[3]}"
    before = counts(db)
    try:
        summary = importer.import_contributions(db, actor, path, name, "generic", create=True)
    except UserError:
        assert counts(db) == before
        return
    if summary.errors:
        assert counts(db) == before
        assert all(e.line >= 1 and e.field and e.message for e in summary.errors)
    else:
        assert counts(db)[0] == before[0] + summary.created
