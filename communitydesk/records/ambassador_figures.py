"""The ambassador programme's figures (dashboard card, ``stats``) and the CLI's list lines."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class AmbassadorFigures:
    total: int = 0
    by_stage: dict[str, int] = field(default_factory=dict)  # every stage, 0 included
    by_level: dict[str, int] = field(default_factory=dict)  # every level slug, 0 included
    reminders: int = 0  # welcomed ambassadors to remind (services.ambassadors.idle_welcomed)

    @property
    def active(self) -> int:
        return self.by_stage.get("actif", 0)

    def as_json(self) -> dict[str, Any]:
        return {"total": self.total, "by_stage": self.by_stage, "by_level": self.by_level}


@dataclass(frozen=True)
class AmbassadorLine:
    """One line of ``communitydesk ambassador list``."""

    id: int
    name: str
    stage: str
    level: str  # slug, "" when the base defines no level
    points: int
    referral_code: str
    referral_url: str
    referred_contacts: int
    referred_contributions: int
    referred_cents: int

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "stage": self.stage,
            "level": self.level,
            "points": self.points,
            "referral_code": self.referral_code,
            "referral_url": self.referral_url,
            "referrals": {
                "contacts": self.referred_contacts,
                "contributions": self.referred_contributions,
                "amount_cents": self.referred_cents,
            },
        }
