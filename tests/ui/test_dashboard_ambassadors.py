"""The dashboard's « Ambassadeurs actifs »: active over all, the funnel by stage, the reminders, an empty state."""

from __future__ import annotations

from datetime import timedelta

from communitydesk.db.database import Database
from communitydesk.formatting import local_today
from communitydesk.rules.ambassadors import Stage
from communitydesk.services import ambassadors
from communitydesk.services.contacts import ContactInput, create_contact
from communitydesk.services.permissions import SYSTEM
from communitydesk.ui.dashboard.ambassadors_panel import AmbassadorsPanel


def panel_of(window) -> AmbassadorsPanel:  # type: ignore[no-untyped-def]
    widget = window.pages["dashboard"].section_widgets["ambassadors"]
    assert isinstance(widget, AmbassadorsPanel)
    return widget


def enrol(db: Database, name: str, *stages: Stage, days_ago: int = 0) -> int:
    contact = create_contact(db, SYSTEM, ContactInput(first_name=name, last_name="Test")).id
    day = local_today() - timedelta(days=days_ago)
    aid = ambassadors.enrol(db, SYSTEM, contact, "client", enrolled_on=day)
    for stage in stages:
        ambassadors.move_stage(db, SYSTEM, aid, stage.value, changed_on=day)
    return aid


def test_no_ambassador_says_what_to_do(make_window, db: Database) -> None:  # type: ignore[no-untyped-def]
    panel = panel_of(make_window(db.path))
    assert panel.headline is None and panel.empty is not None
    assert "Inscrivez vos premiers candidats" in panel.empty.text()


def test_active_over_all_stages_and_reminders_follow_the_base(qtbot, make_window, db: Database) -> None:  # type: ignore[no-untyped-def]
    enrol(db, "Ana", Stage.SELECTIONNE, Stage.ACCUEILLI, Stage.ACTIF)
    enrol(db, "Bruno", Stage.SELECTIONNE, Stage.ACCUEILLI, days_ago=60)
    enrol(db, "Chloé")
    window = make_window(db.path)
    panel = panel_of(window)
    assert panel.headline is not None and panel.stages is not None and panel.reminders is not None
    assert panel.headline.text() == "Actifs : <b>1</b> sur 3"
    assert panel.stages.text() == "candidat 1 · sélectionné 0 · accueilli 1 · actif 1 · inactif 0"
    assert panel.reminders.text().startswith("⚠ 1 accueilli sans mission")

    # Someone is enrolled elsewhere in the app: the card follows once the figures are read again.
    page = window.pages["dashboard"]
    store = window.database.database()
    with qtbot.waitSignal(page.figures_shown, timeout=10000):
        contact = create_contact(store, SYSTEM, ContactInput(first_name="Denis", last_name="Test")).id
        ambassadors.enrol(store, SYSTEM, contact, "expert")
    qtbot.waitUntil(lambda: "sur 4" in (panel_of(window).headline.text() or ""))  # type: ignore[union-attr]
