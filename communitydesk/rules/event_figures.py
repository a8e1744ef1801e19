"""The figures of events (issue #18): attendance rate, circle moves an event suggests, totals.

Plain facts in, plain figures out: the event report, the dashboard card and ``stats`` count
with these.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from communitydesk.i18n import _
from communitydesk.rules.circles import Circle
from communitydesk.rules.events import ConsentPurpose

# Ticking one of these on the sheet says « I want to hear from you »: a grand-public attendee
# who does is proposed for the communauté.
COMMUNITY_SIGNALS = (ConsentPurpose.NEWSLETTER, ConsentPurpose.COMMUNAUTE)


def attendance_rate(registered: int, present: int) -> float | None:
    """Present over registered; None when nobody registered (a stand, a walk-in event)."""
    return present / registered if registered else None


@dataclass(frozen=True)
class MoveProposal:
    to_circle: str
    reason: str


def proposed_move(circle: str, ticked: Iterable[str], event_name: str) -> MoveProposal | None:
    """The circle move an attendee's ticks suggest, with the reason shown to the user, or None."""
    if circle != Circle.GRAND_PUBLIC.value:
        return None
    signals = [p for p in COMMUNITY_SIGNALS if p.value in set(ticked)]
    if not signals:
        return None
    return MoveProposal(
        Circle.COMMUNAUTE.value,
        _(
            "Présence à « {event} », avec « {purposes} » coché sur la feuille d'émargement.",
            event=event_name,
            purposes=" », « ".join(p.label() for p in signals),
        ),
    )


@dataclass(frozen=True)
class EventFact:
    """One event as the totals count it."""

    starts_on: date
    registered: int
    present: int


@dataclass(frozen=True)
class EventTotals:
    total: int = 0
    upcoming: int = 0  # today and later
    past: int = 0
    registered: int = 0  # over every event
    present: int = 0


def totals(facts: Iterable[EventFact], today: date) -> EventTotals:
    listed = list(facts)
    upcoming = sum(1 for f in listed if f.starts_on >= today)
    return EventTotals(
        total=len(listed),
        upcoming=upcoming,
        past=len(listed) - upcoming,
        registered=sum(f.registered for f in listed),
        present=sum(f.present for f in listed),
    )
