"""The key figures the dashboard and ``communitydesk stats`` show, as services.figures reads them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from communitydesk.records.ambassador_figures import AmbassadorFigures
from communitydesk.records.editorial_figures import EditorialFigures
from communitydesk.records.events import EventFigures


@dataclass(frozen=True)
class ContactFigures:
    total: int
    by_circle: dict[str, int]
    new_last_30_days: int
    moves_last_30_days: int
    touch_points_last_30_days: int
    a_relancer: int = 0  # contacts whose last touch is older than their circle's rhythm


@dataclass(frozen=True)
class CampaignFigures:
    """One campaign's headline figures, valid contributions only (refunds and cancels never count)."""

    id: int
    name: str
    status: str
    goal_cents: int
    ends_on: str | None  # ISO date
    total_cents: int
    contributions: int
    backers: int
    by_circle_cents: dict[str, int]

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "total_cents": self.total_cents,
            "contributions": self.contributions,
            "backers": self.backers,
            "by_circle_cents": self.by_circle_cents,
        }


@dataclass(frozen=True)
class Figures:
    schema_version: str | None
    contacts: ContactFigures
    tables: dict[str, int] = field(default_factory=dict)
    campaigns: list[CampaignFigures] = field(default_factory=list)
    editorial: EditorialFigures = field(default_factory=EditorialFigures)
    ambassadors: AmbassadorFigures = field(default_factory=AmbassadorFigures)
    events: EventFigures = field(default_factory=EventFigures)

    def as_json(self) -> dict[str, Any]:
        return {
            "schema_version": self.schema_version,
            "contacts": {
                "total": self.contacts.total,
                "by_circle": self.contacts.by_circle,
                "new_last_30_days": self.contacts.new_last_30_days,
                "moves_last_30_days": self.contacts.moves_last_30_days,
                "touch_points_last_30_days": self.contacts.touch_points_last_30_days,
                "a_relancer": self.contacts.a_relancer,
            },
            "tables": self.tables,
            "campaigns": [campaign.as_json() for campaign in self.campaigns],
            "editorial": self.editorial.as_json(),
            "ambassadors": self.ambassadors.as_json(),
            "events": self.events.as_json(),
        }
