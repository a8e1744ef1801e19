"""The editorial calendar exported: an ICS file parsed back with icalendar, and the plan as CSV."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from pathlib import Path

import pytest
from icalendar import Calendar
from sqlalchemy import select

from communitydesk.db.database import Database
from communitydesk.errors import UserError
from communitydesk.models.editorial import EditorialPillar, Publication, PublicationNetwork
from communitydesk.services.permissions import Actor
from communitydesk.services.publication_export import CalendarContent, export_calendar, export_plan
from communitydesk.services.publication_import import import_publications


def plan(db: Database) -> dict[str, int]:
    """Publications around the change to summer time (Sunday 28 March 2027, 2 a.m.)."""
    with db.transaction() as session:
        pillar = EditorialPillar(name="Vie de l'asso")
        session.add(pillar)
        session.flush()
        rows = {
            "before": Publication(
                title="Avant le changement d'heure",
                body="Samedi matin",
                planned_on=date(2027, 3, 27),
                planned_time=time(9, 30),
                status="prete",
                author="Léa",
                pillar_id=pillar.id,
                link="https://exemple.fr/avant",
                networks=[PublicationNetwork(network="linkedin")],
            ),
            "after": Publication(
                title="Après le changement d'heure",
                planned_on=date(2027, 3, 28),
                planned_time=time(9, 30),
                status="a_valider",
                networks=[PublicationNetwork(network="facebook"), PublicationNetwork(network="instagram")],
            ),
            "all_day": Publication(title="Lettre d'avril", planned_on=date(2027, 4, 1), status="a_rediger"),
            "abandoned": Publication(title="Abandonnée", planned_on=date(2027, 3, 29), status="abandonnee"),
            "idea": Publication(title="Une idée", status="idee"),
        }
        session.add_all(rows.values())
        session.flush()
        return {name: row.id for name, row in rows.items()}


def events(path: Path) -> dict[str, object]:
    calendar = Calendar.from_ical(path.read_bytes())
    return {str(event["summary"]): event for event in calendar.walk("VEVENT")}


def test_each_dated_publication_is_an_event_at_the_right_time_across_daylight_saving(
    db: Database, actor: Actor, tmp_path: Path
) -> None:
    plan(db)
    out = tmp_path / "calendrier.ics"
    result = export_calendar(db, actor, out)
    assert result.count == 3  # neither the abandoned one nor the idea
    calendar = Calendar.from_ical(out.read_bytes())
    found = events(out)
    assert set(found) == {
        "[LinkedIn] Avant le changement d'heure",
        "[Facebook, Instagram] Après le changement d'heure",
        "Lettre d'avril",
    }
    before = found["[LinkedIn] Avant le changement d'heure"]
    after = found["[Facebook, Instagram] Après le changement d'heure"]
    assert before["dtstart"].params["TZID"] == "Europe/Paris"  # type: ignore[index]
    assert before["dtstart"].dt.astimezone(UTC) == datetime(2027, 3, 27, 8, 30, tzinfo=UTC)  # type: ignore[index]
    assert after["dtstart"].dt.astimezone(UTC) == datetime(2027, 3, 28, 7, 30, tzinfo=UTC)  # type: ignore[index]
    # The VTIMEZONE in the file says the same, for clients that read it rather than the name.
    (zone,) = calendar.walk("VTIMEZONE")
    assert zone["tzid"] == "Europe/Paris"
    paris = zone.to_tz()
    for event, utc_hour in ((before, 8), (after, 7)):
        local = event["dtstart"].dt.replace(tzinfo=None)  # type: ignore[index]
        assert local.replace(tzinfo=paris).astimezone(UTC).hour == utc_hour
    all_day = found["Lettre d'avril"]
    assert all_day["dtstart"].dt == date(2027, 4, 1) and all_day["dtend"].dt == date(2027, 4, 2)  # type: ignore[index]
    assert "VALUE=DATE" in out.read_text(encoding="utf-8")
    description = str(before["description"])  # type: ignore[index]
    assert "Samedi matin" in description and "Statut : prête" in description and "Léa" in description
    assert str(before["url"]) == "https://exemple.fr/avant"  # type: ignore[index]


def test_uids_are_stable_and_the_sequence_follows_the_version(db: Database, actor: Actor, tmp_path: Path) -> None:
    ids = plan(db)
    first, second = tmp_path / "1.ics", tmp_path / "2.ics"
    export_calendar(db, actor, first)
    with db.transaction() as session:
        row = session.get(Publication, ids["after"])
        assert row is not None
        row.title = "Après le changement d'heure (revu)"
    export_calendar(db, actor, second)
    uids_1 = {str(e["uid"]): int(e["sequence"]) for e in Calendar.from_ical(first.read_bytes()).walk("VEVENT")}
    uids_2 = {str(e["uid"]): int(e["sequence"]) for e in Calendar.from_ical(second.read_bytes()).walk("VEVENT")}
    assert set(uids_1) == set(uids_2)
    changed = next(uid for uid in uids_1 if uid.startswith(f"publication-{ids['after']}@"))
    assert uids_2[changed] == uids_1[changed] + 1
    assert all(uids_2[uid] == uids_1[uid] for uid in uids_1 if uid != changed)


def test_the_calendar_is_named_after_the_organisation(db: Database, actor: Actor, tmp_path: Path) -> None:
    from communitydesk.services.settings import Organisation, save_organisation

    out = tmp_path / "calendrier.ics"
    export_calendar(db, actor, out)
    assert str(Calendar.from_ical(out.read_bytes())["x-wr-calname"]) == "Calendrier éditorial"
    with db.transaction() as session:
        save_organisation(session, actor, Organisation(name="Les Ateliers du Coin"))
    export_calendar(db, actor, out)
    assert str(Calendar.from_ical(out.read_bytes())["x-wr-calname"]) == "Calendrier éditorial – Les Ateliers du Coin"


def test_a_period_and_the_events_only_calendar(db: Database, actor: Actor, tmp_path: Path) -> None:
    plan(db)
    out = tmp_path / "mars.ics"
    assert export_calendar(db, actor, out, start=date(2027, 3, 28), end=date(2027, 3, 31)).count == 1
    assert list(events(out)) == ["[Facebook, Instagram] Après le changement d'heure"]
    assert export_calendar(db, actor, out, content=CalendarContent.EVENTS).count == 0
    assert Calendar.from_ical(out.read_bytes()).name == "VCALENDAR"
    with pytest.raises(UserError, match="inversée"):
        export_calendar(db, actor, out, start=date(2027, 4, 1), end=date(2027, 3, 1))


def test_the_plan_goes_round_trip_through_csv(db: Database, actor: Actor, tmp_path: Path) -> None:
    plan(db)
    with db.transaction() as session:
        session.add(Publication(title="=1+1 n'est pas une formule", body="- une puce", status="idee"))
    out = tmp_path / "plan.csv"
    assert export_plan(db, actor, out).count == 6
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    text = raw.decode("utf-8-sig")
    assert text.splitlines()[0] == "Date;Heure;Réseau;Titre;Pilier;Statut;Auteur;Texte;Lien"
    assert "27/03/2027;9h30;LinkedIn;Avant le changement d'heure;Vie de l'asso;prête;Léa;" in text
    assert "'=1+1" in text
    with db.snapshot() as session:
        before = session.scalars(select(Publication.version_id).order_by(Publication.id)).all()
    summary = import_publications(db, actor, out)
    assert (summary.created, summary.updated, summary.skipped, summary.errors) == (0, 0, 6, [])
    with db.snapshot() as session:
        assert session.scalars(select(Publication.version_id).order_by(Publication.id)).all() == before


def test_the_plan_read_back_into_an_empty_base_is_the_same_plan(
    db: Database, actor: Actor, tmp_path: Path, db_path: Path
) -> None:
    from communitydesk.db.database import open_database

    plan(db)
    out = tmp_path / "plan.csv"
    export_plan(db, actor, out)
    other = open_database(tmp_path / "autre.sqlite3")
    try:
        import_publications(other, actor, out)
        again = tmp_path / "plan-2.csv"
        export_plan(other, actor, again)
    finally:
        other.close()
    assert again.read_bytes() == out.read_bytes()
