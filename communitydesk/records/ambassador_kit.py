"""The ambassador kit (letter, guide, charter, posters, cards, stickers) and e-mail signature."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from communitydesk.records.identity import DEFAULT_COLOURS, Identity


@dataclass(frozen=True)
class KitAmbassador:
    """One ambassador as the kit prints them: words already in the user's language."""

    id: int
    name: str
    type_label: str
    roles: tuple[str, ...]
    territory: str
    referral_code: str
    referral_url: str
    email: str = ""
    # Paid or employed: what they publish about the organisation is a commercial collaboration.
    commercially_tied: bool = False


@dataclass(frozen=True)
class KitLevel:
    name: str
    min_validated_missions: int
    min_positive_percent: int
    min_months: int


@dataclass(frozen=True)
class KitCharter:
    version: int
    title: str
    ambassador_commitments: tuple[str, ...]
    organisation_commitments: tuple[str, ...]
    published_on: date | None = None


@dataclass(frozen=True)
class AmbassadorKitData:
    identity: Identity
    ambassadors: tuple[KitAmbassador, ...]
    # (label, description) of each role and each kind of mission, in the programme's order.
    roles: tuple[tuple[str, str], ...]
    mission_kinds: tuple[str, ...]
    levels: tuple[KitLevel, ...]
    charter: KitCharter | None


@dataclass(frozen=True)
class EmailSignature:
    name: str
    role: str  # « Ambassadrice · reporter »
    organisation: str
    referral_code: str
    referral_url: str
    website: str = ""
    accent_colour: str = DEFAULT_COLOURS[0]  # '#RRGGBB', the organisation's first colour
