"""What a profile without the right does not see: a contact's private notes, what one person gave.

Reads of people keep working for such a profile (a Bénévole sees the contacts and the
backers); only these fields come back blank. Figures and totals are not affected.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TypeVar

from communitydesk.records.campaigns import ContactContribution, ContributionRecord, FulfilmentLine, MoveProposal
from communitydesk.services.permissions import Action, Actor, allowed

_Amounted = TypeVar("_Amounted", ContributionRecord, ContactContribution, FulfilmentLine, MoveProposal)


def amounts_for(actor: Actor, records: list[_Amounted]) -> list[_Amounted]:
    """``records`` without what each person gave unless ``actor`` has SEE_CONTRIBUTION_AMOUNTS
    (then ``amount_shown`` is False and ``amount_cents`` 0: screens show « — »)."""
    if allowed(actor, Action.SEE_CONTRIBUTION_AMOUNTS):
        return records
    return [replace(record, amount_cents=0, amount_shown=False) for record in records]


def may_see_notes(actor: Actor) -> bool:
    return allowed(actor, Action.SEE_PRIVATE_NOTES)
