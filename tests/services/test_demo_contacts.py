"""The demo gives the contacts screens something to show: consents, segments, duplicates."""

from __future__ import annotations

from communitydesk.db.database import Database
from communitydesk.services import contact_search, duplicates, gdpr, segments
from communitydesk.services.demo import populate
from communitydesk.services.duplicates import DuplicateReason
from communitydesk.services.permissions import Actor


def test_demo_has_consents_segments_and_duplicates(db: Database, actor: Actor) -> None:
    populate(db, actor, contacts=1500, seed=4)
    with_consent = sum(1 for cid in range(1, 201) if gdpr.list_consents(db, actor, cid))
    assert with_consent > 150  # most contacts
    names = {s.name: s for s in segments.list_segments(db, actor)}
    assert {"Proches à relancer", "Bénévoles Lyon", "Ambassadeurs"} <= set(names)
    for name in ("Proches à relancer", "Bénévoles Lyon", "Ambassadeurs"):
        assert contact_search.count(db, actor, filters=names[name].filter) > 0, name
    pairs = duplicates.find_duplicates(db, actor)
    assert {r for p in pairs for r in p.reasons} == set(DuplicateReason)
    assert contact_search.count(db, actor) == 1500
    assert contact_search.count(db, actor, "helene martin lyon") >= 2
