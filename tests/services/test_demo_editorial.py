"""The demo's editorial calendar: a ligne éditoriale and three months of posts in every status."""

from __future__ import annotations

from datetime import timedelta

from communitydesk import formatting
from communitydesk.db.database import Database
from communitydesk.rules.editorial import PublicationStatus
from communitydesk.services import editorial
from communitydesk.services.demo import populate
from communitydesk.services.permissions import Actor


def test_demo_editorial_calendar(db: Database, actor: Actor) -> None:
    populate(db, actor, contacts=300, seed=3)
    today = formatting.local_today()

    line = editorial.editorial_line(db, actor)
    assert line.tone and len(line.pillars) == 4 and len({p.colour for p in line.pillars}) == 4
    targets = {n.network: (n.target_count, n.target_weeks) for n in line.networks if n.active}
    assert targets == {"linkedin": (2, 1), "facebook": (3, 1), "instagram": (2, 1), "newsletter": (1, 2)}

    posts = editorial.publications_between(db, actor, today - timedelta(days=70), today + timedelta(days=30))
    past = [p for p in posts if p.planned_on is not None and p.planned_on < today]
    coming = [p for p in posts if p.planned_on is not None and p.planned_on > today]
    assert len(posts) > 60
    assert {p.status for p in past} == {"publiee", "abandonnee"}
    assert {p.status for p in coming} >= {"idee", "a_rediger", "a_valider", "prete"}
    assert any(len(p.networks) == 2 for p in posts)
    published = [p for p in past if p.status == PublicationStatus.PUBLIEE.value]
    assert all(p.published_at is not None and p.approved_by for p in published)
    measured = [r for p in published for r in p.results if r.views is not None]
    assert measured and all(r.measured_on is not None and r.measured_on <= today for r in measured)
    assert all(r.views is None for p in coming for r in p.results)

    ideas = editorial.ideas_backlog(db, actor)
    assert len(ideas) >= 5 and all(p.planned_on is None for p in ideas)

    warned = [p for p in posts if p.warnings]
    assert len(warned) == 1 and warned[0].sponsored and warned[0].partner_contact_id is not None

    followers = editorial.follower_counts(db, actor, "instagram")
    assert len(followers) == 12 and all(f.measured_on.day == 1 and f.measured_on <= today for f in followers)
    assert followers[-1].followers > followers[0].followers

    context = editorial.calendar_context(db, actor, today - timedelta(days=60), today + timedelta(days=40))
    assert any(c.kind == "campaign" and "Fournil des Pentes" in c.label for c in context)


def test_a_demo_posts_last_move_is_when_it_was_published(db: Database, actor: Actor) -> None:
    populate(db, actor, contacts=50, seed=5)
    today = formatting.local_today()
    posts = editorial.publications_between(db, actor, today - timedelta(days=100), today)
    published = [p for p in posts if p.status == PublicationStatus.PUBLIEE]
    assert published
    for post in published:
        last = editorial.status_history(db, actor, post.id)[-1]
        assert last.to_status == PublicationStatus.PUBLIEE
        assert last.changed_at == post.published_at
