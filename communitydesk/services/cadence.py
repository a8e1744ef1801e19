"""The rhythm of each circle and the contacts to follow up ("à relancer").

A contact is overdue when its last touch point (or its creation, if never touched) is
older than its circle's rhythm (rules/cadence.py). Computed in SQL, over indexed columns.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import datetime

from sqlalchemy import ColumnElement, and_, false, func, or_
from sqlalchemy.orm import Session

from communitydesk.models.contacts import Contact
from communitydesk.models.organisation import AppSetting
from communitydesk.rules.cadence import RHYTHM_SETTING_KEY, due_before, rhythm_from_stored
from communitydesk.services.permissions import Action, Actor, require
from communitydesk.services.store import Store, snapshot


def rhythm_days(store: Store, actor: Actor) -> dict[str, int]:
    """Days between two touch points expected in each circle (Paramètres)."""
    require(actor, Action.READ_FIGURES)
    with snapshot(store) as session:
        return read_rhythm(session)


def read_rhythm(session: Session) -> dict[str, int]:
    row = session.get(AppSetting, RHYTHM_SETTING_KEY)
    return rhythm_from_stored(None if row is None else json.loads(row.value))


def overdue_condition(rhythm: Mapping[str, int], now: datetime) -> ColumnElement[bool]:
    """SQL condition: the contact's last touch (or creation) is older than its circle's rhythm."""
    reference = func.coalesce(Contact.last_touch_at, Contact.created_at)
    clauses = [and_(Contact.circle == circle, reference < limit) for circle, limit in due_before(rhythm, now).items()]
    return or_(false(), *clauses)
