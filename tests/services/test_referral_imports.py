"""Referral attribution through the two imports: contacts (« Code parrain ») and contributions."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from communitydesk.cli import main
from communitydesk.db.database import Database
from communitydesk.importers.contact_columns import ColumnMapping, ContactField, recognise_header
from communitydesk.importers.contributions_csv import resolve_columns
from communitydesk.models.ambassadors import Ambassador
from communitydesk.models.campaigns import Contribution
from communitydesk.models.contacts import Contact
from communitydesk.records.changes import Changes
from communitydesk.services import ambassador_figures, ambassador_levels
from communitydesk.services import campaign_import as contributions
from communitydesk.services.contact_import import ImportMode, import_contacts_csv, preview_contacts_file
from communitydesk.services.permissions import Actor

TODAY = date(2026, 12, 3)


def ambassador(db: Database, first: str, code: str) -> int:
    with db.transaction() as session:
        contact = Contact(first_name=first, last_name="Ambassadrice", email=f"{first.lower()}@exemple.org")
        session.add(contact)
        session.flush()
        row = Ambassador(contact_id=contact.id, type="passionne", stage="actif", stage_since=TODAY, referral_code=code)
        session.add(row)
        session.flush()
        return row.id


def referred(db: Database, model: type[Contact] | type[Contribution]) -> dict[str, int | None]:
    with db.snapshot() as session:
        if model is Contact:
            return dict(
                session.execute(
                    select(Contact.email, Contact.referred_by_id).where(Contact.email.like("%@exemple.fr"))
                ).all()
            )
        return dict(session.execute(select(Contribution.platform_reference, Contribution.referred_by_id)).all())


def referrals(db: Database, actor: Actor) -> dict[int, tuple[int, int, int]]:
    """What each ambassador brought, as the leaderboard counts it and as ``ambassador list`` does."""
    counted = {
        s.ambassador_id: (s.referrals.contacts, s.referrals.contributions, s.referrals.amount_cents)
        for s in ambassador_levels.standings(db, actor, TODAY)
    }
    listed = {
        line.id: (line.referred_contacts, line.referred_contributions, line.referred_cents)
        for line in ambassador_figures.ambassador_lines(db.path, actor, TODAY)
    }
    assert listed == counted
    return counted


@pytest.mark.parametrize(
    "header",
    [
        "Code parrain",
        "Parrain",
        "Code ambassadeur",
        "Code de parrainage",
        "Referral code",
        "Parrainé(e) par",
        "CODE PARRAIN",
    ],
)
def test_contact_files_recognise_a_referral_column(header: str) -> None:
    assert recognise_header(header) is ContactField.REFERRAL_CODE
    assert recognise_header("Ambassadeur") is ContactField.IS_AMBASSADOR  # the yes/no flag stays itself


CONTACTS = (
    "Prénom;Nom;Courriel;Code parrain\r\n"
    "Hélène;Durand;helene@exemple.fr;leab23\r\n"
    "Karim;Benali;karim@exemple.fr;  LEAB23 \r\n"
    "Zoé;Marchand;zoe@exemple.fr;noe-c45\r\n"
    "Paul;Petit;paul@exemple.fr;ZZZZ99\r\n"
    "Inès;Roux;ines@exemple.fr;\r\n"
)


def test_contact_import_attributes_codes_whatever_their_case_and_spaces(db: Database, actor: Actor) -> None:
    lea = ambassador(db, "Léa", "LEAB23")
    noe = ambassador(db, "Noé", "NOEC45")
    heard: list[Changes] = []
    db.changes.subscribe(heard.append)
    summary = import_contacts_csv(db, actor, CONTACTS.encode("cp1252"), file_name="salon.csv")
    assert summary.created == 5 and not summary.errors
    assert referred(db, Contact) == {
        "helene@exemple.fr": lea,
        "karim@exemple.fr": lea,
        "zoe@exemple.fr": noe,
        "paul@exemple.fr": None,  # unknown code: imported without a referrer
        "ines@exemple.fr": None,
    }
    [warning] = summary.warnings
    assert warning.line == 5 and warning.field == "Code parrain"
    assert "ZZZZ99" in warning.message and "importé" in warning.message
    assert referrals(db, actor) == {lea: (2, 0, 0), noe: (1, 0, 0)}
    assert any(change.ambassadors and change.contacts for change in heard)


def test_a_dry_run_warns_the_same_and_writes_nothing(db: Database, actor: Actor) -> None:
    ambassador(db, "Léa", "LEAB23")
    summary = import_contacts_csv(db, actor, CONTACTS.encode("cp1252"), file_name="salon.csv", dry_run=True)
    assert summary.created == 5 and [w.line for w in summary.warnings] == [4, 5]  # Noé is not enrolled here
    assert referred(db, Contact) == {}


def test_update_mode_sets_the_referrer_of_a_known_contact(db: Database, actor: Actor) -> None:
    lea = ambassador(db, "Léa", "LEAB23")
    import_contacts_csv(db, actor, b"Pr\xe9nom;Courriel\r\nH\xe9l\xe8ne;helene@exemple.fr\r\n", file_name="a.csv")
    assert referred(db, Contact) == {"helene@exemple.fr": None}
    again = "Courriel;Parrain\r\nhelene@exemple.fr;Leab23\r\n".encode("cp1252")
    skipped = import_contacts_csv(db, actor, again, file_name="b.csv")  # create mode leaves known contacts be
    assert skipped.skipped == 1 and referred(db, Contact) == {"helene@exemple.fr": None}
    updated = import_contacts_csv(db, actor, again, file_name="b.csv", mode=ImportMode.UPDATE)
    assert updated.updated == 1 and referred(db, Contact) == {"helene@exemple.fr": lea}


def test_the_wizard_shows_the_referral_column_and_a_mapping_can_name_it(db: Database, actor: Actor) -> None:
    lea = ambassador(db, "Léa", "LEAB23")
    data = "Prénom;Courriel;Qui t'a invité ?\r\nHélène;helene@exemple.fr;LEAB23\r\n".encode()
    preview = preview_contacts_file(actor, data, file_name="c.csv")
    assert preview.mapping is not None and preview.mapping.fields[2] is None  # not a header we know
    mapping = ColumnMapping.recognise(preview.headers)
    mapping.assign(2, ContactField.REFERRAL_CODE)
    assert (
        preview_contacts_file(actor, data, file_name="c.csv", mapping=mapping).rows[0].values["referral_code"]
        == "LEAB23"
    )
    import_contacts_csv(db, actor, data, file_name="c.csv", mapping=mapping)
    assert referred(db, Contact) == {"helene@exemple.fr": lea}


CONTRIBUTIONS = (
    "Référence;Date;Montant;Prénom;Nom;Email;Statut;Code parrain\n"
    "K-1;01/03/2026;50,00 €;Hélène;Durand;helene@exemple.fr;Payé; leab23 \n"
    "K-2;02/03/2026;20,00 €;Karim;Benali;karim@exemple.fr;Payé;LEAB23\n"
    "K-3;03/03/2026;15,00 €;Zoé;Marchand;zoe@exemple.fr;Remboursé;Leab23\n"
    "K-4;03/03/2026;10,00 €;Paul;Petit;paul@exemple.fr;Payé;INCONNU\n"
    "K-5;04/03/2026;30,00 €;Léa;Ambassadrice;léa@exemple.org;Payé;\n"
)


def test_contributions_files_recognise_a_referral_column() -> None:
    columns, errors = resolve_columns(["Référence", "Date", "Montant", "Code ambassadeur"], "generic")
    assert not errors and columns["referral_code"] == 3
    columns, errors = resolve_columns(["Reference", "Date", "Amount", "Referral code"], "kisskissbankbank")
    assert not errors and columns["referral_code"] == 3


def test_contribution_import_attributes_money_and_new_people(db: Database, actor: Actor, tmp_path: Path) -> None:
    lea = ambassador(db, "Léa", "LEAB23")
    known = ambassador(db, "Karim", "KARB45")
    with db.transaction() as session:  # Karim was a contact before: the code does not make him Léa's
        session.add(
            Contact(first_name="Karim", last_name="Benali", email="karim@exemple.fr", email_key="karim@exemple.fr")
        )
    path = tmp_path / "kisskiss.csv"
    path.write_text(CONTRIBUTIONS, encoding="utf-8")
    heard: list[Changes] = []
    db.changes.subscribe(heard.append)
    summary = contributions.import_contributions(db, actor, path, "Printemps", "generic", create=True)
    assert summary.created == 5 and not summary.errors
    assert referred(db, Contribution) == {"K-1": lea, "K-2": lea, "K-3": lea, "K-4": None, "K-5": None}
    [warning] = summary.warnings
    assert (warning.line, warning.field) == (5, "Code parrain") and "INCONNU" in warning.message
    people = referred(db, Contact)
    assert people["helene@exemple.fr"] == lea and people["zoe@exemple.fr"] == lea  # brought in by the contribution
    assert people["karim@exemple.fr"] is None
    # People: Hélène and Zoé; money: the two valid contributions (the refund brought nothing).
    assert referrals(db, actor) == {lea: (2, 2, 7000), known: (0, 0, 0)}
    assert any(change.ambassadors and change.contributions for change in heard)

    again = contributions.import_contributions(db, actor, path, "Printemps", "generic")
    assert (again.created, again.updated, again.skipped) == (0, 0, 5)  # idempotent
    path.write_text(CONTRIBUTIONS.replace("Payé;INCONNU", "Payé;karb45"), encoding="utf-8")
    fixed = contributions.import_contributions(db, actor, path, "Printemps", "generic")
    assert (fixed.updated, fixed.skipped) == (1, 4) and not fixed.warnings
    assert referred(db, Contribution)["K-4"] == known
    assert referrals(db, actor)[known] == (0, 1, 1000)


def test_a_dry_run_of_contributions_writes_no_referral(db: Database, actor: Actor, tmp_path: Path) -> None:
    ambassador(db, "Léa", "LEAB23")
    path = tmp_path / "kisskiss.csv"
    path.write_text(CONTRIBUTIONS, encoding="utf-8")
    summary = contributions.import_contributions(db, actor, path, "Printemps", "generic", create=True, dry_run=True)
    assert summary.created == 5 and len(summary.warnings) == 1
    assert referred(db, Contribution) == {}


def test_headless_imports_then_ambassador_list(
    db: Database, actor: Actor, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lea = ambassador(db, "Léa", "LEAB23")
    people, money = tmp_path / "salon.csv", tmp_path / "kisskiss.csv"
    people.write_bytes(CONTACTS.encode("cp1252"))
    money.write_text(CONTRIBUTIONS, encoding="utf-8")
    path = str(db.path)
    assert main(["import", "contacts", str(people), "--db", path, "--json"]) == 0
    imported = json.loads(capsys.readouterr().out)
    assert [(w["line"], w["field"]) for w in imported["warnings"]] == [(4, "Code parrain"), (5, "Code parrain")]
    args = ["import", "contributions", str(money), "--db", path, "--campaign", "Printemps", "--platform", "generic"]
    assert main([*args, "--create", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["created"] == 5
    assert main(["ambassador", "list", "--db", path, "--json"]) == 0
    [listed] = [line for line in json.loads(capsys.readouterr().out) if line["id"] == lea]
    # People: Hélène and Karim, from the contacts file (the contributions' backers were known by then);
    # money: their two valid contributions, Zoé's refunded one brought nothing.
    assert listed["referrals"] == {"contacts": 2, "contributions": 2, "amount_cents": 7000}
