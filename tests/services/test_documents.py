"""The services that fill the PDF documents' records: community report figures, contact lists,
identity, charter sources (services.community_report, contact_listing, document_identity,
charter_printing)."""

from __future__ import annotations

import sqlite3
from dataclasses import fields
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from communitydesk.db.database import Database
from communitydesk.errors import DatabaseError, ValidationError
from communitydesk.models.contacts import CircleMove, Contact, Tag, TouchPoint
from communitydesk.records.contact_listing import ListingFilter
from communitydesk.records.identity import Identity
from communitydesk.rules.contact_list_columns import DEFAULT_COLUMNS
from communitydesk.rules.periods import Period
from communitydesk.services import (
    charter_printing,
    charters,
    community_report,
    contact_listing,
    contact_search,
    document_identity,
    segments,
    settings,
)
from communitydesk.services.contact_search import ContactFilter as SearchFilter
from communitydesk.services.permissions import Actor


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


def add_contact(db: Database, **values: object) -> int:
    moves = values.pop("moves", [])
    touches = values.pop("touches", [])
    tags = values.pop("tags", [])
    with db.transaction() as session:
        contact = Contact(**values)
        session.add(contact)
        session.flush()
        for moved_at, from_circle, to_circle in moves:  # type: ignore[attr-defined]
            session.add(
                CircleMove(contact_id=contact.id, moved_at=at(moved_at), from_circle=from_circle, to_circle=to_circle)
            )
        for occurred_at in touches:  # type: ignore[attr-defined]
            session.add(TouchPoint(contact_id=contact.id, kind="call", occurred_at=at(occurred_at)))
        for name in tags:  # type: ignore[attr-defined]
            tag = session.query(Tag).filter_by(name=name).one_or_none() or Tag(name=name)
            contact.tags.append(tag)
        return contact.id


@pytest.fixture
def community(db: Database) -> Database:
    """A small history around a first quarter 2026 (see each contact's comment)."""
    # Arrived before the period in grand public, moved to communauté on 15/02, to proches after the period.
    add_contact(
        db,
        first_name="Hélène",
        last_name="Dürr",
        circle="proches",
        source="site web",
        created_at=at("2025-12-10 09:00"),
        moves=[
            ("2025-12-10 09:00", None, "grand_public"),
            ("2026-02-15 10:00", "grand_public", "communaute"),
            ("2026-05-01 10:00", "communaute", "proches"),
        ],
    )
    # Arrived 20/01 in communauté; touch points, one on Sunday 23:30 Paris, one on Monday 00:30 Paris.
    add_contact(
        db,
        first_name="Łukasz",
        last_name="Ødegaard",
        circle="communaute",
        source="salon",
        created_at=at("2026-01-20 08:00"),
        last_touch_at=at("2026-02-08 23:30"),
        tags=["bénévole"],
        moves=[("2026-01-20 08:00", None, "communaute")],
        touches=["2026-01-21 10:00", "2026-01-25 22:30", "2026-02-08 23:30"],
    )
    # Imported without any move: counted in its current circle from its creation.
    add_contact(
        db, first_name="Zoé", last_name="Œuvray", circle="grand_public", source="  ", created_at=at("2026-03-05 12:00")
    )
    # Archived: never counted.
    add_contact(
        db,
        first_name="Archivé",
        last_name="Ancien",
        circle="proches",
        created_at=at("2026-01-10 12:00"),
        archived_at=at("2026-02-01 12:00"),
        moves=[("2026-01-10 12:00", None, "proches")],
    )
    # After the period.
    add_contact(
        db,
        first_name="Tardif",
        last_name="Après",
        circle="grand_public",
        created_at=at("2026-04-10 12:00"),
        moves=[("2026-04-10 12:00", None, "grand_public")],
    )
    return db


QUARTER = Period(date(2026, 1, 1), date(2026, 3, 31))


def test_circle_series_replays_moves_month_by_month(community: Database, actor: Actor) -> None:
    data = community_report.community_report_data(community, actor, QUARTER)
    series = data.series
    assert series.points == [date(2026, 1, 1), date(2026, 2, 1), date(2026, 3, 1), date(2026, 3, 31)]
    assert series.counts == {
        "proches": [0, 0, 0, 0],
        "communaute": [0, 1, 2, 2],
        "grand_public": [1, 1, 0, 1],
    }
    assert data.by_circle_at_start == {"proches": 0, "communaute": 0, "grand_public": 1}
    assert data.by_circle == {"proches": 0, "communaute": 2, "grand_public": 1}
    assert data.total == 3


def test_moves_sources_weeks_and_tags(community: Database, actor: Actor) -> None:
    data = community_report.community_report_data(community, actor, QUARTER)
    assert [(m.from_circle, m.to_circle, m.count, m.inward) for m in data.moves] == [
        ("grand_public", "communaute", 1, True)
    ]
    assert data.moves_inward == 1
    # Blank sources are one group ("non renseignée" in the PDF); the archived contact is left out.
    assert sorted(data.new_by_source) == [("", 1), ("salon", 1)]
    weeks = dict(data.touches_by_week)
    assert min(weeks) == date(2025, 12, 29)  # the Monday of the week holding 1 January
    assert max(weeks) == date(2026, 3, 30)
    assert weeks[date(2026, 1, 19)] == 2  # Wednesday, and Sunday 23:30 in Paris
    assert weeks[date(2026, 2, 2)] == 0
    assert weeks[date(2026, 2, 9)] == 1  # Sunday 23:30 UTC is Monday 00:30 in Paris
    assert data.touches_total == 3
    assert data.touches_by_kind == [("call", 3)]
    assert data.top_tags == [("bénévole", 1)]
    assert not data.is_empty


def test_follow_up_agrees_with_the_contacts_service(community: Database, actor: Actor) -> None:
    data = community_report.community_report_data(community, actor, QUARTER)
    for follow_up in data.follow_up:
        expected = contact_search.count(
            community, actor, filters=SearchFilter(overdue=True, circles=(follow_up.circle,))
        )
        assert follow_up.due == expected, follow_up.circle
        assert follow_up.total == contact_search.count(
            community, actor, filters=SearchFilter(circles=(follow_up.circle,))
        )
    assert [f.rhythm_days for f in data.follow_up] == [30, 90, 365]


def test_empty_database_gives_an_empty_report(db: Database, actor: Actor) -> None:
    data = community_report.community_report_data(db, actor, QUARTER)
    assert data.is_empty
    assert data.total == 0 and data.moves == [] and data.new_by_source == [] and data.top_tags == []
    assert all(count == 0 for _week, count in data.touches_by_week)


def test_contact_listing_sorts_accents_and_keeps_text_as_stored(db: Database, actor: Actor) -> None:
    add_contact(db, first_name="Anne", last_name="Faure", postcode="01000", phone="06 01 02 03 04", circle="proches")
    add_contact(db, first_name="Émile", last_name="Écoles", postcode="75001", circle="communaute", tags=["Bénévole"])
    add_contact(db, first_name="Paul", last_name="Dupont", postcode="13001", circle="communaute")
    add_contact(db, kind="organisation", organisation="Association Brin", circle="grand_public")
    add_contact(db, first_name="Gone", last_name="Archivée", archived_at=at("2026-01-01 00:00"))
    listing = contact_listing.contact_listing(db, actor)
    assert listing.count == 4
    assert listing.columns == DEFAULT_COLUMNS
    assert listing.labels == ["Nom", "Prénom", "Organisation", "E-mail", "Téléphone", "Code postal", "Ville", "Cercle"]
    batches = list(contact_listing.contact_listing(db, actor, batch_size=2).batches)
    assert [len(batch) for batch in batches] == [2, 2]  # read in several batches
    rows = [row for batch in batches for row in batch]
    assert [row[0] or row[2] for row in rows] == ["Association Brin", "Dupont", "Écoles", "Faure"]
    faure = rows[-1]
    assert faure[4] == "06 01 02 03 04" and faure[5] == "01000"
    assert faure[7] == "Proches"  # the circle's label, not its code

    by_circle = contact_listing.contact_listing(db, actor, ListingFilter(circle="communaute"), ["last_name", "created"])
    assert by_circle.count == 2
    assert by_circle.description == "Cercle : Communauté"
    assert [row[0] for batch in by_circle.batches for row in batch] == ["Dupont", "Écoles"]
    assert all(len(row[1]) == 10 and row[1][2] == "/" for batch in by_circle.batches for row in batch)

    by_tag = contact_listing.contact_listing(db, actor, ListingFilter(tag="BENEVOLE"))
    assert by_tag.count == 1


def test_contact_listing_of_a_saved_segment(db: Database, actor: Actor) -> None:
    add_contact(db, first_name="Anne", last_name="Faure", circle="proches")
    add_contact(db, first_name="Paul", last_name="Dupont", circle="communaute")
    add_contact(db, first_name="Léa", last_name="Bernard", circle="proches")
    segments.save_segment(db, actor, "Proches à voir", SearchFilter(circles=("proches",)))
    listing = contact_listing.contact_listing(db, actor, ListingFilter(segment="proches a voir"))
    assert listing.count == 2
    assert "Proches à voir" in listing.description
    assert [row[0] for batch in listing.batches for row in batch] == ["Bernard", "Faure"]
    narrowed = contact_listing.contact_listing(db, actor, ListingFilter(segment="Proches à voir", circle="communaute"))
    assert narrowed.count == 0


@pytest.mark.parametrize(
    ("contact_filter", "columns", "field"),
    [
        (ListingFilter(circle="cercle_inconnu"), None, "circle"),
        (ListingFilter(tag="jamais vue"), None, "tag"),
        (ListingFilter(), ["last_name", "shoe_size"], "columns"),
        (ListingFilter(), [], "columns"),
    ],
)
def test_contact_listing_mistakes(
    db: Database, actor: Actor, contact_filter: ListingFilter, columns: list[str] | None, field: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        contact_listing.contact_listing(db, actor, contact_filter, columns)
    assert caught.value.field == field


def test_identity_follows_settings_and_shares_their_defaults(db: Database, actor: Actor) -> None:
    default = document_identity.document_identity(db, actor)
    assert (default.primary_colour, default.secondary_colour) == (
        settings.Organisation().primary_colour,
        settings.Organisation().secondary_colour,
    )
    assert default.display_name == "CommunityDesk"
    with db.transaction() as session:
        settings.save_organisation(
            session,
            actor,
            settings.Organisation(name="Les Ateliers du Lien", legal_id="W751234567", logo_path="/nulle/part/logo.png"),
        )
    identity = document_identity.document_identity(db, actor)
    assert identity.name == "Les Ateliers du Lien" and identity.legal_id == "W751234567"
    assert identity.logo is None  # a missing logo file is not an error
    assert {f.name for f in fields(Identity)} <= {f.name for f in fields(settings.Organisation)}


def test_charter_source_prefers_the_saved_template(db: Database, actor: Actor) -> None:
    shipped = charter_printing.charter_source(db, actor, "ambassador")
    assert not shipped.customised and shipped.text.startswith("# Charte des ambassadeurs")
    assert charter_printing.charter_source(db, actor, "collaborator", "en").text.startswith("# Staff")
    text = "# Ma charte\nVersion : 7\n\n## A\n1. un\n## B\n1. deux\n"
    charters.save_charter_template(db, actor, "ambassador", text, "fr")
    saved = charter_printing.charter_source(db, actor, "ambassador", "fr")
    assert saved.customised and saved.text == text and saved.updated_at is not None
    assert charters.charter_template(db, actor, "ambassador", "fr").text == text
    assert not charter_printing.charter_source(db, actor, "ambassador", "en").customised
    charters.save_charter_template(db, actor, "ambassador", text.replace("7", "8"), "fr")
    assert "Version : 8" in charter_printing.charter_source(db, actor, "ambassador", "fr").text
    charters.reset_charter_template(db, actor, "ambassador", "fr")
    assert not charter_printing.charter_source(db, actor, "ambassador", "fr").customised


def test_an_invalid_template_is_refused_and_nothing_saved(db: Database, actor: Actor) -> None:
    with pytest.raises(ValidationError, match="Ligne 1"):
        charters.save_charter_template(db, actor, "ambassador", "pas de titre")
    with pytest.raises(ValidationError, match="Modèle de charte inconnu"):
        charters.save_charter_template(db, actor, "membre", "# T\n## A\n1. x\n")
    assert not charter_printing.charter_source(db, actor, "ambassador").customised


def test_reading_never_writes_the_file(db: Database, db_path: Path, actor: Actor) -> None:
    add_contact(db, first_name="Anne", last_name="Faure")
    db.close()
    before = db_path.read_bytes()
    community_report.community_report_data(db_path, actor, QUARTER)
    list(contact_listing.contact_listing(db_path, actor).batches)
    assert db_path.read_bytes() == before


def test_missing_database_is_a_clear_error(tmp_path: Path, actor: Actor) -> None:
    with pytest.raises(DatabaseError, match="n'existe pas"):
        document_identity.document_identity(tmp_path / "absente.sqlite3", actor)


def test_a_database_from_before_templates_prints_the_shipped_ones(db_path: Path, actor: Actor) -> None:
    with sqlite3.connect(db_path) as conn:
        conn.execute("DROP TABLE charter_templates")
    assert not charter_printing.charter_source(db_path, actor, "collaborator").customised
