"""The contact rhythm of each circle and when a contact is due ("à relancer").

Plain Python (no ORM import): the dashboard's fast figures read the same defaults.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timedelta

from communitydesk.rules.circles import CIRCLE_ORDER, Circle

# Key of the app_settings row holding {circle: days}, as JSON.
RHYTHM_SETTING_KEY = "circles.rhythm_days"

# Proches monthly, communauté quarterly, grand public yearly (docs/DOMAIN.md §1).
DEFAULT_RHYTHM_DAYS: dict[str, int] = {
    Circle.PROCHES.value: 30,
    Circle.COMMUNAUTE.value: 90,
    Circle.GRAND_PUBLIC.value: 365,
}


def rhythm_from_stored(stored: object) -> dict[str, int]:
    """The rhythm per circle from a stored JSON value, defaults for what is missing or wrong."""
    values = stored if isinstance(stored, Mapping) else {}
    rhythm: dict[str, int] = {}
    for circle, default in DEFAULT_RHYTHM_DAYS.items():
        try:
            rhythm[circle] = max(1, int(values.get(circle, default)))
        except (TypeError, ValueError):
            rhythm[circle] = default
    return rhythm


def due_before(rhythm: Mapping[str, int], now: datetime) -> dict[str, datetime]:
    """Per circle, the moment before which a last touch makes the contact overdue."""
    return {c.value: now - timedelta(days=rhythm.get(c.value, DEFAULT_RHYTHM_DAYS[c.value])) for c in CIRCLE_ORDER}


def is_overdue(
    circle: str, last_touch_at: datetime | None, created_at: datetime, rhythm: Mapping[str, int], now: datetime
) -> bool:
    """True when the last touch point (or the creation, if never touched) is older than the rhythm."""
    days = rhythm.get(circle, DEFAULT_RHYTHM_DAYS.get(circle, DEFAULT_RHYTHM_DAYS[Circle.GRAND_PUBLIC.value]))
    reference = last_touch_at or created_at
    return reference < now - timedelta(days=days)
