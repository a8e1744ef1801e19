"""The dashboard's « Prochaines publications »: next posts, this week's gaps, an empty state that says what to do."""

from __future__ import annotations

from datetime import date, time, timedelta

from PySide6.QtWidgets import QLabel

from communitydesk.db.database import Database
from communitydesk.formatting import local_today
from communitydesk.models.editorial import EditorialNetwork, Publication, PublicationNetwork
from communitydesk.rules.editorial import PublicationStatus
from communitydesk.rules.editorial_figures import monday
from communitydesk.ui.dashboard.publications_panel import UpcomingPublicationsPanel


def add_post(db: Database, title: str, on: date, networks: list[str], status: PublicationStatus) -> None:
    with db.transaction() as session:
        post = Publication(title=title, planned_on=on, planned_time=time(9, 30), status=status.value)
        post.networks.extend(PublicationNetwork(network=n) for n in networks)
        session.add(post)


def panel_of(window) -> UpcomingPublicationsPanel:  # type: ignore[no-untyped-def]
    widget = window.pages["dashboard"].section_widgets["publications"]
    assert isinstance(widget, UpcomingPublicationsPanel)
    return widget


def test_an_empty_calendar_says_what_to_do(make_window, db: Database) -> None:  # type: ignore[no-untyped-def]
    window = make_window(db.path)
    panel = panel_of(window)
    assert panel.rows == [] and panel.gap_labels == []
    assert panel.empty is not None
    assert "Planifiez vos publications dans le calendrier éditorial" in panel.empty.text()
    soon = [label for label in panel.findChildren(QLabel) if label.objectName() == "soonText"]
    assert soon == []


def test_next_posts_and_this_weeks_gaps_follow_the_base(qtbot, make_window, db: Database) -> None:  # type: ignore[no-untyped-def]
    today = local_today()
    with db.transaction() as session:
        session.add(EditorialNetwork(network="linkedin", target_count=2, target_weeks=1))
    add_post(db, "Portrait de bénévole", today, ["linkedin", "facebook"], PublicationStatus.A_VALIDER)
    add_post(db, "Déjà en ligne", today, ["linkedin"], PublicationStatus.PUBLIEE)
    add_post(db, "Trop loin", today + timedelta(days=8), ["facebook"], PublicationStatus.PRETE)
    window = make_window(db.path)
    panel = panel_of(window)
    assert len(panel.rows) == 1
    row = panel.rows[0].text()
    assert "Portrait de bénévole" in row and "LinkedIn, Facebook" in row and "à valider" in row and "09:30" in row
    # Two LinkedIn posts are dated this week (the published one counts), the target is 2: no gap.
    assert panel.gap_labels == []

    # A LinkedIn post is abandoned elsewhere in the app: the gap shows once the figures are read again.
    page = window.pages["dashboard"]
    store = window.database.database()
    with qtbot.waitSignal(page.figures_shown, timeout=10000), store.transaction() as session:
        post = session.query(Publication).filter_by(title="Déjà en ligne").one()
        post.status = PublicationStatus.ABANDONNEE.value
    panel = panel_of(window)
    week = monday(today)
    texts = [label.text() for label in panel.gap_labels]
    assert len(texts) == 1
    assert "1 publication LinkedIn sur 2 prévues la semaine du" in texts[0]
    assert str(week.day) in texts[0]
