"""The one place where a profile's rights are checked.

Every service function takes the acting profile and calls ``require`` before it reads
or writes. Today every profile may do everything; the rights of volunteer profiles are
filled in here later without touching a single call site.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from communitydesk.errors import PermissionDenied
from communitydesk.i18n import _


class Action(StrEnum):
    READ = "read"
    EDIT_CONTACTS = "contacts.edit"
    EDIT_CAMPAIGNS = "campaigns.edit"
    EDIT_PUBLICATIONS = "publications.edit"  # the editorial calendar and its ligne éditoriale
    APPROVE_PUBLICATIONS = "publications.approve"  # a post leaves « à valider »
    MANAGE_AMBASSADORS = "ambassadors.manage"  # members, their stage, missions, rewards, the charter
    VALIDATE_MISSIONS = "missions.validate"  # accept or refuse a mission an ambassador handed in
    EDIT_EVENTS = "events.edit"  # create, edit, delete events, invite, consent wordings
    ENTER_SIGN_IN = "events.sign_in"  # register attendees, attendance, sign-in sheets typed back
    IMPORT = "import"
    EXPORT = "export"
    ERASE_PERSONAL_DATA = "gdpr.erase"
    EDIT_SETTINGS = "settings.edit"
    MAINTAIN_DATABASE = "database.maintain"


class Role(StrEnum):
    ADMIN = "admin"
    VOLUNTEER = "benevole"


@dataclass(frozen=True)
class Actor:
    """Who is acting: a profile of this database, or the system (CLI, scheduled backup)."""

    name: str
    role: Role = Role.ADMIN
    profile_id: int | None = None
    # What this profile may do, when it is not simply its role's rights (a profile's own
    # rights read from the base; a test's restricted volunteer).
    rights: frozenset[Action] | None = None


SYSTEM = Actor(name="système")

# Rights per role; every role has every right until profiles and rights are built.
_RIGHTS: dict[Role, frozenset[Action]] = {
    Role.ADMIN: frozenset(Action),
    Role.VOLUNTEER: frozenset(Action),
}


def allowed(actor: Actor, action: Action) -> bool:
    rights = actor.rights if actor.rights is not None else _RIGHTS.get(actor.role, frozenset())
    return action in rights


def require(actor: Actor, action: Action) -> None:
    if not allowed(actor, action):
        raise PermissionDenied(
            _("Le profil « {name} » n'a pas le droit de faire cela ({action}).", name=actor.name, action=action.value)
        )
