"""The contact sheet as one use case: saved whole or not at all, read on one snapshot."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import event

from communitydesk.db.database import Database, open_database
from communitydesk.errors import ConflictError, ValidationError
from communitydesk.records.changes import Changes
from communitydesk.services import campaigns, gdpr, tags, touch_points
from communitydesk.services.contact_sheet import read_contact_sheet, save_contact_sheet
from communitydesk.services.contacts import ContactInput, get_contact, update_contact
from communitydesk.services.permissions import Actor


@contextmanager
def written_meanwhile(db: Database, table: str, write: Callable[[Database], object]) -> Iterator[list[int]]:
    """Run ``write`` through another connection just before this process first reads ``table``:
    a commit landing between two reads of one screen."""
    done: list[int] = []

    def before(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if not done and statement.lstrip().upper().startswith("SELECT") and f"FROM {table}" in statement:
            done.append(1)
            other = open_database(db.path, create=False)
            try:
                write(other)
            finally:
                other.close()

    event.listen(db.engine, "before_cursor_execute", before)
    try:
        yield done
    finally:
        event.remove(db.engine, "before_cursor_execute", before)


def test_a_new_contact_and_its_tags_are_one_save(db: Database, actor: Actor) -> None:
    published: list[Changes] = []
    db.changes.subscribe(published.append)
    sheet = save_contact_sheet(
        db, actor, None, ContactInput(first_name="Zoé", last_name="Marchand"), ["presse", "Bénévole"]
    )
    assert sheet.details is not None
    assert sheet.details.tags == ("Bénévole", "presse")
    assert [(m.from_circle, m.to_circle) for m in sheet.moves] == [(None, "grand_public")]
    assert sheet.tag_names == ["Bénévole", "presse"]
    assert published == [Changes.of("contacts", "circles", "tags")]  # one commit


def test_fields_tags_and_the_move_reason_are_saved_together(db: Database, actor: Actor) -> None:
    first = save_contact_sheet(db, actor, None, ContactInput(first_name="Zoé"), ["presse"])
    assert first.details is not None
    data = ContactInput(first_name="Zoé", city="Lyon", circle="communaute")
    sheet = save_contact_sheet(
        db, actor, first.details.id, data, ["radio"], expected_version=first.details.version_id, move_reason="AG"
    )
    assert sheet.details is not None
    assert (sheet.details.data.city, sheet.details.data.circle, sheet.details.tags) == (
        "Lyon",
        "communaute",
        ("radio",),
    )
    assert (sheet.moves[-1].to_circle, sheet.moves[-1].reason) == ("communaute", "AG")
    assert get_contact(db, actor, first.details.id) == sheet.details


def test_a_wrong_tag_saves_nothing_not_even_the_fields(db: Database, actor: Actor) -> None:
    first = save_contact_sheet(db, actor, None, ContactInput(first_name="Zoé"), ["presse"])
    assert first.details is not None
    with pytest.raises(ValidationError) as raised:
        save_contact_sheet(
            db,
            actor,
            first.details.id,
            ContactInput(first_name="Zoé", city="Lyon", circle="proches"),
            ["radio", "x" * (tags.MAX_TAG_LENGTH + 1)],
            expected_version=first.details.version_id,
            move_reason="AG",
        )
    assert raised.value.field == "tags"  # shown under the sheet's Tags field
    again = read_contact_sheet(db, actor, first.details.id)
    assert again.details == first.details  # same city, circle, tags and version
    assert again.moves == first.moves
    assert again.tag_names == ["presse"]  # "radio" was not created either


def test_a_stale_version_saves_nothing_tags_included(db: Database, actor: Actor) -> None:
    first = save_contact_sheet(db, actor, None, ContactInput(first_name="Zoé"), ["presse"])
    assert first.details is not None
    elsewhere = update_contact(db, actor, first.details.id, first.details.version_id, ContactInput(first_name="Zoé B."))
    with pytest.raises(ConflictError):
        save_contact_sheet(
            db,
            actor,
            first.details.id,
            ContactInput(first_name="Zoé", city="Lyon"),
            ["radio"],
            expected_version=first.details.version_id,
        )
    again = read_contact_sheet(db, actor, first.details.id)
    assert again.details is not None
    assert (again.details.data.first_name, again.details.data.city) == ("Zoé B.", "")
    assert again.details.tags == ("presse",)
    assert again.details.version_id == elsewhere.version_id
    assert again.tag_names == ["presse"]


def test_the_sheet_is_read_on_one_snapshot(db: Database, actor: Actor) -> None:
    sheet = save_contact_sheet(db, actor, None, ContactInput(first_name="Zoé"), [])
    assert sheet.details is not None
    contact_id = sheet.details.id
    touch_points.add_touch_point(db, actor, contact_id, "call", "Premier appel")
    gdpr.add_consent(db, actor, contact_id, "lettre", "J'accepte", "salon")
    version = read_contact_sheet(db, actor, contact_id).details.version_id  # type: ignore[union-attr]

    def elsewhere(other: Database) -> None:
        update_contact(other, actor, contact_id, version, ContactInput(first_name="Zoé B."))
        touch_points.add_touch_point(other, actor, contact_id, "call", "Deuxième appel")

    with written_meanwhile(db, "touch_points", elsewhere) as done:
        read = read_contact_sheet(db, actor, contact_id)
    assert done  # the other write did land between the reads
    assert read.details is not None
    assert read.details.data.first_name == "Zoé"
    assert [p.summary for p in read.touch_points] == ["Premier appel"]  # as the contact was read
    assert len(read.consents) == 1
    after = read_contact_sheet(db, actor, contact_id)
    assert after.details is not None and after.details.data.first_name == "Zoé B."
    assert len(after.touch_points) == 2


def test_a_campaigns_detail_is_one_snapshot(db: Database, actor: Actor) -> None:
    campaign = campaigns.create_campaign(db, actor, campaigns.CampaignInput(name="Four", goal_cents=10_000))
    backer = save_contact_sheet(db, actor, None, ContactInput(first_name="Ana"), []).details
    assert backer is not None
    day = datetime(2026, 3, 2, 10, tzinfo=UTC)
    campaigns.add_contribution(db, actor, campaign.id, campaigns.ContributionInput(2_000, day, contact_id=backer.id))
    # Between the dashboard's figures and the list of contributions, someone else adds one.
    with written_meanwhile(
        db,
        "campaign_tiers",
        lambda other: campaigns.add_contribution(
            other, actor, campaign.id, campaigns.ContributionInput(5_000, day, backer_name="Anonyme")
        ),
    ) as done:
        detail = campaigns.campaign_detail(db, actor, campaign.id)
    assert done
    assert detail.dashboard.total_cents == 2_000
    assert len(detail.contributions) == detail.dashboard.contributions == 1
    assert [p.contact_id for p in detail.proposals] == [backer.id]
    assert detail.checklist.campaign.id == campaign.id
    assert campaigns.campaign_detail(db, actor, campaign.id).dashboard.total_cents == 7_000
