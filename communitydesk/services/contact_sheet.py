"""The contact sheet as one use case: read it on one snapshot, save its fields and tags at once.

The sheet shows a contact, its touch points, its moves between circles, its merges, its
consents, its contributions and the known tags (for the completer); it saves fields, tags
and the reason of a circle move. Each gesture is one call and one transaction, so that a
stale version (ConflictError) or a wrong tag (ValidationError on ``tags``) leaves nothing
half saved.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from communitydesk.errors import ValidationError
from communitydesk.records.ambassadors import AmbassadorRecord
from communitydesk.records.campaigns import ContactContribution
from communitydesk.services import ambassadors, campaigns, circle_moves, duplicates, gdpr, tags, touch_points
from communitydesk.services.circle_moves import CircleMoveRecord
from communitydesk.services.contacts import ContactDetails, ContactInput, create_contact, get_contact, update_contact
from communitydesk.services.duplicates import MergeRecord
from communitydesk.services.gdpr import ConsentRecord
from communitydesk.services.permissions import Action, Actor, require
from communitydesk.services.store import Store, snapshot, unit_of_work
from communitydesk.services.touch_points import TouchPointRecord


@dataclass(frozen=True)
class ContactSheetData:
    """Everything a contact sheet shows, read on one state of the base."""

    details: ContactDetails | None  # None: a new contact's empty sheet
    tag_names: list[str]  # every known tag, for the completer
    touch_points: list[TouchPointRecord] = field(default_factory=list)  # most recent first
    moves: list[CircleMoveRecord] = field(default_factory=list)  # oldest first
    merges: list[MergeRecord] = field(default_factory=list)  # into this contact or of it, most recent first
    consents: list[ConsentRecord] = field(default_factory=list)
    contributions: list[ContactContribution] = field(default_factory=list)
    membership: AmbassadorRecord | None = None  # in the ambassador programme


def read_contact_sheet(store: Store, actor: Actor, contact_id: int | None) -> ContactSheetData:
    """The sheet of ``contact_id`` (or of a new contact), every part from the same snapshot."""
    require(actor, Action.READ_CONTACTS)
    with snapshot(store) as session:
        names = tags.tag_names(session, actor)
        if contact_id is None:
            return ContactSheetData(None, names)
        return ContactSheetData(
            details=get_contact(session, actor, contact_id),
            tag_names=names,
            touch_points=touch_points.timeline(session, actor, contact_id),
            moves=circle_moves.history(session, actor, contact_id),
            merges=duplicates.list_merges(session, actor, contact_id),
            consents=gdpr.list_consents(session, actor, contact_id),
            contributions=campaigns.contributions_of_contact(session, actor, contact_id),
            membership=ambassadors.ambassador_for_contact(session, actor, contact_id),
        )


def save_contact_sheet(
    store: Store,
    actor: Actor,
    contact_id: int | None,
    data: ContactInput,
    tag_names: Sequence[str],
    *,
    expected_version: int | None = None,
    move_reason: str = "",
) -> ContactSheetData:
    """Create (``contact_id`` None) or update a contact with its tags, in one transaction.

    An update checks ``expected_version`` (the version the sheet read): a contact saved
    elsewhere since is a ConflictError and nothing is written, tags included. A changed
    circle is a move with ``move_reason``. Returns the sheet as saved.
    """
    require(actor, Action.EDIT_CONTACTS)
    with unit_of_work(store) as session:
        if contact_id is None:
            saved = create_contact(session, actor, data)
        else:
            if expected_version is None:
                raise ValueError("saving a contact sheet needs the version it read")
            saved = update_contact(session, actor, contact_id, expected_version, data, move_reason=move_reason)
        try:
            tags.set_contact_tags(session, actor, saved.id, tag_names)
        except ValidationError as exc:
            raise ValidationError(str(exc), field="tags") from exc
        return read_contact_sheet(session, actor, saved.id)
