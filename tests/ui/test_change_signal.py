"""Screens learn what changed from one signal: a write on one page shows on the others, with no F5."""

from __future__ import annotations

import threading
from datetime import UTC, datetime
from pathlib import Path

from pytestqt.qtbot import QtBot

from communitydesk.db.database import Database
from communitydesk.formatting import number
from communitydesk.records.changes import Changes
from communitydesk.services import campaigns
from communitydesk.services.contact_import import import_contacts_file
from communitydesk.services.contacts import ContactInput, create_contact
from communitydesk.services.permissions import Actor
from communitydesk.ui.campaigns.page import CampaignsPage
from communitydesk.ui.contacts.page import ContactsPage
from communitydesk.ui.current_database import CurrentDatabase
from communitydesk.ui.tasks import run_in_background

WAIT = 30_000


def backed_campaign(db: Database, actor: Actor) -> int:
    """A campaign three grand-public people backed, beside one proche."""
    campaign = campaigns.create_campaign(db, actor, campaigns.CampaignInput(name="Four à pain", goal_cents=100_000))
    create_contact(db, actor, ContactInput(first_name="Anne", last_name="Lefèvre", circle="proches"))
    for first in ("Zoé", "Marc", "Ana"):
        backer = create_contact(db, actor, ContactInput(first_name=first, last_name="Durand"))
        campaigns.add_contribution(
            db,
            actor,
            campaign.id,
            campaigns.ContributionInput(2_000, datetime(2026, 3, 2, 10, tzinfo=UTC), contact_id=backer.id),
        )
    return campaign.id


def open_contacts(qtbot: QtBot, window) -> ContactsPage:  # type: ignore[no-untyped-def]
    page = window.show_page("contacts")
    assert isinstance(page, ContactsPage)
    qtbot.waitUntil(
        lambda: page.model.reloads > 0 and not page.model.is_loading() and bool(page.rings.counts), timeout=WAIT
    )
    return page


def test_backers_moved_from_a_campaign_show_in_contacts_and_on_the_dashboard(
    qtbot: QtBot, make_window, db_path: Path, db: Database, actor: Actor
) -> None:  # type: ignore[no-untyped-def]
    campaign_id = backed_campaign(db, actor)
    window = make_window(db_path)
    dashboard = window.pages["dashboard"]
    assert dashboard.circle_counts["grand_public"].text() == number(3)
    contacts = open_contacts(qtbot, window)
    assert contacts.rings.counts == {"proches": 1, "communaute": 0, "grand_public": 3}
    reloads = contacts.model.reloads

    page = window.show_page("campaigns")
    assert isinstance(page, CampaignsPage)
    qtbot.waitUntil(lambda: page.detail is not None and page.detail.dashboard.campaign.id == campaign_id, timeout=WAIT)
    assert len(page.detail.proposals) == 3
    dialog = page.propose_moves()
    assert dialog is not None
    dialog.accept()
    # The campaign's own tabs follow (no proposals left), and the hidden contacts page only notes it.
    qtbot.waitUntil(lambda: page.detail is not None and page.detail.proposals == [], timeout=WAIT)
    assert contacts.watch.stale.circles
    assert contacts.model.reloads == reloads

    # The figures were read again at once: the dashboard and the status bar's count follow.
    qtbot.waitUntil(lambda: dashboard.circle_counts["communaute"].text() == number(3), timeout=WAIT)
    assert dashboard.circle_counts["grand_public"].text() == number(0)
    assert window.show_page("dashboard") is dashboard
    assert dashboard.circle_counts["communaute"].text() == number(3)

    # Contacts, shown again, reload once: rings and rows in their new circle.
    window.show_page("contacts")
    qtbot.waitUntil(lambda: contacts.rings.counts.get("communaute") == 3, timeout=WAIT)
    qtbot.waitUntil(lambda: contacts.model.reloads == reloads + 1 and not contacts.model.is_loading(), timeout=WAIT)
    assert contacts.rings.counts == {"proches": 1, "communaute": 3, "grand_public": 0}
    assert not contacts.watch.stale.any()


def test_a_contact_import_in_the_background_refreshes_the_contacts_page_when_it_commits(
    qtbot: QtBot, make_window, db_path: Path, actor: Actor
) -> None:  # type: ignore[no-untyped-def]
    window = make_window(db_path)
    contacts = open_contacts(qtbot, window)
    assert contacts.model.total == 0
    lines = "".join(f"Prénom{i};Nom{i};personne{i}@exemple.fr\r\n" for i in range(300))
    data = ("Prénom;Nom;Courriel\r\n" + lines).encode()
    committed = threading.Event()
    window.database.data_changed.connect(lambda _changes: committed.set())

    # No callback of this task touches the page: only the change signal can refresh it.
    task = run_in_background(
        None, lambda _ctx: import_contacts_file(window.database.database(), actor, data, file_name="membres.csv")
    )
    # The list and the circle counts reload independently: wait for both.
    qtbot.waitUntil(lambda: contacts.model.total == 300, timeout=WAIT)
    qtbot.waitUntil(lambda: contacts.rings.counts.get("grand_public") == 300, timeout=WAIT)
    assert committed.is_set()
    assert task.changes == Changes.of("contacts", "circles", "tags")
    assert contacts.count_label.text() == "300 contacts"


def test_commits_in_workers_reach_the_ui_thread_as_one_change(
    qtbot: QtBot, make_window, db_path: Path, actor: Actor
) -> None:  # type: ignore[no-untyped-def]
    window = make_window(db_path)
    current: CurrentDatabase = window.database
    heard: list[tuple[Changes, bool]] = []
    ui_thread = threading.current_thread()
    current.data_changed.connect(lambda changes: heard.append((changes, threading.current_thread() is ui_thread)))

    def work(_ctx: object) -> None:
        database = current.database()
        create_contact(database, actor, ContactInput(first_name="Agnès"))
        campaigns.create_campaign(database, actor, campaigns.CampaignInput(name="Toit"))

    task = run_in_background(None, work)
    qtbot.waitUntil(lambda: bool(heard), timeout=WAIT)
    qtbot.wait(3 * CurrentDatabase.COALESCE_MS)
    assert heard == [(Changes.of("contacts", "circles", "campaigns"), True)]  # two commits, one signal
    assert task.changes == Changes.of("contacts", "circles", "campaigns")


def test_a_closed_base_says_nothing_more(
    qtbot: QtBot, make_window, db_path: Path, tmp_path: Path, actor: Actor
) -> None:  # type: ignore[no-untyped-def]
    window = make_window(db_path)
    current: CurrentDatabase = window.database
    old = current.database()
    heard: list[Changes] = []
    current.data_changed.connect(heard.append)
    window.open_database(tmp_path / "autre.sqlite3")
    qtbot.waitUntil(lambda: current.path == tmp_path / "autre.sqlite3" and current.figures is not None, timeout=WAIT)
    create_contact(old, actor, ContactInput(first_name="Agnès"))  # a straggler on the base left behind
    qtbot.wait(3 * CurrentDatabase.COALESCE_MS)
    assert heard == []


def test_an_open_sheet_follows_a_move_made_elsewhere_but_not_its_own_save(
    qtbot: QtBot, make_window, db_path: Path, db: Database, actor: Actor
) -> None:  # type: ignore[no-untyped-def]
    campaign_id = backed_campaign(db, actor)
    window = make_window(db_path)
    contacts = open_contacts(qtbot, window)
    found = (contacts.model.row_at(row) for row in range(contacts.model.rowCount()))
    zoe = next(row.id for row in found if row is not None and row.display_name.startswith("Zoé"))
    sheet = contacts.open_contact(zoe)
    assert sheet is not None
    qtbot.waitUntil(lambda: sheet.details is not None and not sheet.busy, timeout=WAIT)
    loads: list[int] = []
    sheet.loaded.connect(lambda: loads.append(1))

    sheet.set_field("city", "Lyon")
    sheet.save()
    qtbot.waitUntil(
        lambda: not sheet.busy and sheet.details is not None and sheet.details.data.city == "Lyon", timeout=WAIT
    )
    qtbot.wait(3 * CurrentDatabase.COALESCE_MS)
    assert loads == [1]  # its own save was shown once, not read again

    page = window.show_page("campaigns")
    assert isinstance(page, CampaignsPage)
    qtbot.waitUntil(lambda: page.detail is not None and page.detail.dashboard.campaign.id == campaign_id, timeout=WAIT)
    dialog = page.propose_moves()
    assert dialog is not None
    dialog.accept()
    qtbot.waitUntil(lambda: sheet.details is not None and sheet.details.data.circle == "communaute", timeout=WAIT)
    assert sheet.editors["circle"].currentData() == "communaute"
    assert any(e.kind == "move" and "Four à pain" in e.text for e in sheet.timeline.entries)


def test_the_documents_page_offers_a_campaign_created_since_without_f5(
    qtbot: QtBot, make_window, db_path: Path
) -> None:  # type: ignore[no-untyped-def]
    from communitydesk.ui.documents.page import DocumentsPage

    window = make_window(db_path)
    documents = window.show_page("documents")
    assert isinstance(documents, DocumentsPage)
    qtbot.waitUntil(lambda: documents.choices_task is not None and not documents.choices_task.running, timeout=WAIT)
    assert documents.campaign.findText("Jardin partagé") < 0

    page = window.show_page("campaigns")
    assert isinstance(page, CampaignsPage)
    dialog = page.new_campaign()
    dialog.name_edit.setText("Jardin partagé")
    dialog.goal_edit.setText("1 000")
    dialog.accept()
    qtbot.waitUntil(
        lambda: page.detail is not None and page.detail.dashboard.campaign.name == "Jardin partagé", timeout=WAIT
    )
    assert documents.watch.stale.campaigns  # hidden: noted, read when shown

    with qtbot.waitSignal(documents.choices_loaded, timeout=WAIT):
        window.show_page("documents")
    assert documents.campaign.findText("Jardin partagé") >= 0
