"""The contact sheet's read-only ambassador line: type, stage and since when, level, referral code."""

from __future__ import annotations

from communitydesk.db.database import Database
from communitydesk.formatting import day, local_today
from communitydesk.services import ambassadors
from communitydesk.services.contacts import ContactInput, create_contact
from communitydesk.services.permissions import Actor
from communitydesk.ui.contacts.contact_sheet import ContactSheet


def open_sheet(qtbot, db: Database, actor: Actor, contact_id: int) -> ContactSheet:  # type: ignore[no-untyped-def]
    sheet = ContactSheet(None, lambda: db, actor, contact_id)
    qtbot.addWidget(sheet)
    qtbot.waitUntil(lambda: sheet.details is not None and not sheet.busy, timeout=10000)
    return sheet


def test_a_member_shows_the_programme_line(qtbot, db: Database, actor: Actor) -> None:  # type: ignore[no-untyped-def]
    cid = create_contact(db, actor, ContactInput(first_name="Chloé", last_name="Mercier")).id
    aid = ambassadors.enrol(db, actor, cid, "egerie")
    code = ambassadors.ambassador(db, actor, aid).referral_code
    sheet = open_sheet(qtbot, db, actor, cid)
    assert not sheet.membership.isHidden()
    assert sheet.membership.text() == (
        f"Ambassadeur : égérie · candidat depuis le {day(local_today())} · niveau Débutant · code de parrainage {code}"
    )


def test_someone_outside_the_programme_shows_no_line(qtbot, db: Database, actor: Actor) -> None:  # type: ignore[no-untyped-def]
    cid = create_contact(db, actor, ContactInput(first_name="Paul", last_name="Durand")).id
    sheet = open_sheet(qtbot, db, actor, cid)
    assert sheet.membership.isHidden()
