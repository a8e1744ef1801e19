"""The contact sheet's Campagnes tab: the person's contributions, amounts in French."""

from __future__ import annotations

from datetime import UTC, date, datetime

from communitydesk.db.database import Database
from communitydesk.services import campaigns as svc
from communitydesk.services.contacts import ContactInput, create_contact
from communitydesk.services.permissions import Actor
from communitydesk.ui.contacts.campaigns_view import ContactCampaignsModel
from communitydesk.ui.contacts.contact_sheet import ContactSheet


def cells(model: ContactCampaignsModel) -> list[list[str]]:
    return [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(model.rowCount())]


def test_the_sheet_lists_the_contacts_campaigns(qtbot, qtmodeltester, db: Database, actor: Actor) -> None:  # type: ignore[no-untyped-def]
    cid = create_contact(db, actor, ContactInput(first_name="Chloé", last_name="Mercier")).id
    velo = svc.create_campaign(db, actor, svc.CampaignInput(name="Atelier vélo", starts_on=date(2026, 3, 1)))
    tier = svc.create_tier(db, actor, velo.id, svc.TierInput("Sticker", 1500))
    svc.add_contribution(
        db, actor, velo.id, svc.ContributionInput(123456, datetime(2026, 3, 2, 10, tzinfo=UTC), cid, tier.id)
    )
    refunded = svc.add_contribution(
        db, actor, velo.id, svc.ContributionInput(2000, datetime(2026, 3, 5, 10, tzinfo=UTC), cid)
    )
    svc.refund_contribution(db, actor, refunded.id)

    sheet = ContactSheet(None, lambda: db, actor, cid)
    qtbot.addWidget(sheet)
    qtbot.waitUntil(lambda: sheet.details is not None and not sheet.busy, timeout=10000)

    tabs = [sheet.tabs.tabText(i) for i in range(sheet.tabs.count())]
    assert "Campagnes" in tabs
    assert sheet.tabs.isTabEnabled(tabs.index("Campagnes"))
    model = sheet.campaigns_panel.model
    qtmodeltester.check(model)
    rows = [[" ".join(cell.split()) for cell in row] for row in cells(model)]
    assert rows == [
        ["Atelier vélo", "05/03/2026", "20,00 €", "", "remboursée"],
        ["Atelier vélo", "02/03/2026", "1 234,56 €", "Sticker", "validée"],
    ]
    summary = " ".join(sheet.campaigns_panel.summary.text().split())
    assert summary == "Total des contributions validées : 1 234,56 € (1 campagne)"


def test_a_contact_without_contributions_says_so(qtbot, db: Database, actor: Actor) -> None:  # type: ignore[no-untyped-def]
    cid = create_contact(db, actor, ContactInput(first_name="Paul", last_name="Durand")).id
    sheet = ContactSheet(None, lambda: db, actor, cid)
    qtbot.addWidget(sheet)
    qtbot.waitUntil(lambda: sheet.details is not None and not sheet.busy, timeout=10000)
    assert sheet.campaigns_panel.model.rowCount() == 0
    assert sheet.campaigns_panel.summary.text() == "Aucune contribution à une campagne."
