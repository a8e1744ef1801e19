"""What the dashboard shows, as data: figure cards and the sections of each area.

To show more figures (say ``figures.campaigns`` once campaigns exist), add a function
``Figures -> list[FigureCard]`` to :data:`CARD_BUILDERS`, or give a section of
:data:`SECTIONS` a ``build`` function returning its widget; drop its ``soon`` text then.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from communitydesk.ui.translatable import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from communitydesk.services.figures import Figures


@dataclass(frozen=True)
class FigureCard:
    key: str  # stable name, used by tests and object names
    title: str
    value: str  # already formatted for the current language
    caption: str = ""
    # Clicking the card shows this page and calls this method of it ("" : not clickable).
    opens_page: str = ""
    page_method: str = ""


def contact_cards(figures: Figures) -> list[FigureCard]:
    from communitydesk.formatting import number

    contacts = figures.contacts
    return [
        FigureCard(
            "contacts_total",
            QCoreApplication.translate("dashboard", "Contacts"),
            number(contacts.total),
            QCoreApplication.translate("dashboard", "dans vos trois cercles"),
        ),
        FigureCard(
            "contacts_new",
            QCoreApplication.translate("dashboard", "Nouveaux contacts"),
            number(contacts.new_last_30_days),
            QCoreApplication.translate("dashboard", "ces 30 derniers jours"),
        ),
        FigureCard(
            "circle_moves",
            QCoreApplication.translate("dashboard", "Changements de cercle"),
            number(contacts.moves_last_30_days),
            QCoreApplication.translate("dashboard", "ces 30 derniers jours"),
        ),
        FigureCard(
            "touch_points",
            QCoreApplication.translate("dashboard", "Points de contact"),
            number(contacts.touch_points_last_30_days),
            QCoreApplication.translate("dashboard", "échanges notés ces 30 derniers jours"),
        ),
        FigureCard(
            "contacts_overdue",
            QCoreApplication.translate("dashboard", "À relancer"),
            number(contacts.a_relancer),
            QCoreApplication.translate("dashboard", "sans échange depuis plus longtemps que le rythme de leur cercle"),
            opens_page="contacts",
            page_method="show_overdue",
        ),
    ]


def event_cards(figures: Figures) -> list[FigureCard]:
    """« Événements »: the next event (its day, how many registered), the last one's attendance rate."""
    from communitydesk.formatting import day, number, percent
    from communitydesk.i18n import ngettext

    events = figures.events
    coming, last = events.next_event, events.last_event
    lines: list[str] = []
    if coming is not None:
        lines.append(
            ngettext(
                "Prochain : {name}, {count} inscrit",
                "Prochain : {name}, {count} inscrits",
                coming.registered,
                name=coming.name,
                count=number(coming.registered),
            )
        )
    else:
        lines.append(QCoreApplication.translate("dashboard", "Aucun événement à venir"))
    if last is not None:
        rate = last.attendance_rate
        lines.append(
            QCoreApplication.translate("dashboard", "Dernier : %1 de présents").replace("%1", percent(rate))
            if rate is not None
            else ngettext(
                "Dernier : {count} présent", "Dernier : {count} présents", last.present, count=number(last.present)
            )
        )
    return [
        FigureCard(
            "events",
            QCoreApplication.translate("dashboard", "Événements"),
            day(coming.starts_on, "d MMM") if coming is not None else "—",
            "\n".join(lines),
        )
    ]


# Each function turns the figures into cards, shown left to right in this order.
CARD_BUILDERS: list[Callable[[Figures], list[FigureCard]]] = [contact_cards, event_cards]


def open_campaigns_panel(figures: Figures) -> QWidget:
    from communitydesk.ui.campaigns.dashboard_section import OpenCampaignsPanel

    return OpenCampaignsPanel(figures.campaigns)


def upcoming_publications_panel(figures: Figures) -> QWidget:
    from communitydesk.ui.dashboard.publications_panel import UpcomingPublicationsPanel

    return UpcomingPublicationsPanel(figures.editorial)


def ambassadors_panel(figures: Figures) -> QWidget:
    from communitydesk.ui.dashboard.ambassadors_panel import AmbassadorsPanel

    return AmbassadorsPanel(figures.ambassadors)


@dataclass(frozen=True)
class DashboardSection:
    key: str
    title: str  # French source text, "dashboard" context
    soon: str = ""  # shown while the area does not exist yet (French source, "dashboard" context)
    build: Callable[[Figures], QWidget] | None = None


SECTIONS: list[DashboardSection] = [
    DashboardSection("campaigns", QT_TRANSLATE_NOOP("dashboard", "Campagnes en cours"), build=open_campaigns_panel),
    DashboardSection(
        "publications", QT_TRANSLATE_NOOP("dashboard", "Prochaines publications"), build=upcoming_publications_panel
    ),
    DashboardSection("ambassadors", QT_TRANSLATE_NOOP("dashboard", "Ambassadeurs actifs"), build=ambassadors_panel),
]


def section_title(section: DashboardSection) -> str:
    return QCoreApplication.translate("dashboard", section.title)


def section_soon(section: DashboardSection) -> str:
    return QCoreApplication.translate("dashboard", section.soon)
