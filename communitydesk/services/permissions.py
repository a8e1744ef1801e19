"""The one place where a profile's rights are checked.

Every service function takes the acting profile and calls ``require`` before it reads
or writes. A logged-in profile carries its role's rights as read from the base
(``role_rights``, which an Administrateur edits: ``services.profiles.set_role_rights``);
an actor without them (``SYSTEM``, a base where no profile has a password) has its
role's default rights below.

Default rights of each role (seeded into ``role_rights`` by migration 0011; an
Administrateur always has every right, so that someone can always manage profiles):

=============================  ==============  =====  ========  =======
Action                         Administrateur  Équipe Bénévole  Lecture
=============================  ==============  =====  ========  =======
READ_CONTACTS                  oui             oui    oui       non
READ_FIGURES                   oui             oui    oui       oui
EDIT_CONTACTS                  oui             oui    oui       non
ADD_TOUCH_POINTS               oui             oui    oui       non
ENTER_SIGN_IN                  oui             oui    oui       non
SEE_PRIVATE_NOTES              oui             oui    non       non
SEE_CONTRIBUTION_AMOUNTS       oui             oui    non       non
EXPORT_PERSONAL_DATA           oui             oui    non       non
MERGE_CONTACTS                 oui             oui    non       non
EXPORT, IMPORT, EDIT_* …       oui             oui    non       non
ERASE_PERSONAL_DATA            oui             non    non       non
RESTORE                        oui             non    non       non
MANAGE_PROFILES, VIEW_AUDIT    oui             non    non       non
=============================  ==============  =====  ========  =======

A Bénévole adds a contact met at a stall (EDIT_CONTACTS), its touch points and the
sign-in sheets, and sees contacts without their private notes nor the amounts each
person gave (figures and totals stay). Lecture seule sees figures and reports only.
Erasure and restore stay with the founders: both undo what others did. READ_CONTACTS
implies READ_FIGURES (who sees the people sees the figures drawn from them).

Reads of people (lists, sheets, timelines, ambassadors, missions) take READ_CONTACTS;
reads of figures, reports, the editorial calendar and the base's settings READ_FIGURES;
a file or a print naming people EXPORT_PERSONAL_DATA (audited); other files EXPORT.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from communitydesk.errors import PermissionDenied
from communitydesk.i18n import _


class Action(StrEnum):
    READ_CONTACTS = "read"  # people: lists, sheets, search, timelines
    READ = "read"  # the same right under its older name (alias)
    READ_FIGURES = "figures.read"  # counts, totals, dashboards and the reports drawn from them
    EDIT_CONTACTS = "contacts.edit"
    ADD_TOUCH_POINTS = "touch_points.add"
    SEE_PRIVATE_NOTES = "contacts.private_notes"
    SEE_CONTRIBUTION_AMOUNTS = "contributions.amounts"  # what one person gave; totals stay visible
    MERGE_CONTACTS = "contacts.merge"
    EXPORT_PERSONAL_DATA = "personal_data.export"  # files and prints naming people
    EDIT_CAMPAIGNS = "campaigns.edit"
    EDIT_PUBLICATIONS = "publications.edit"  # the editorial calendar and its ligne éditoriale
    APPROVE_PUBLICATIONS = "publications.approve"  # a post leaves « à valider »
    MANAGE_AMBASSADORS = "ambassadors.manage"  # members, their stage, missions, rewards, the charter
    VALIDATE_MISSIONS = "missions.validate"  # accept or refuse a mission an ambassador handed in
    EDIT_EVENTS = "events.edit"  # create, edit, delete events, invite, consent wordings
    ENTER_SIGN_IN = "events.sign_in"  # register attendees, attendance, sign-in sheets typed back
    IMPORT = "import"
    EXPORT = "export"  # files without people in them: calendars, plans, reports
    ERASE_PERSONAL_DATA = "gdpr.erase"
    EDIT_SETTINGS = "settings.edit"
    MAINTAIN_DATABASE = "database.maintain"
    RESTORE = "database.restore"
    MANAGE_PROFILES = "profiles.manage"  # profiles, their roles, the rights of each role
    VIEW_AUDIT = "audit.view"


class Role(StrEnum):
    ADMIN = "admin"
    TEAM = "equipe"
    VOLUNTEER = "benevole"
    READER = "lecture"

    @property
    def label(self) -> str:
        return {
            Role.ADMIN: _("Administrateur"),
            Role.TEAM: _("Équipe"),
            Role.VOLUNTEER: _("Bénévole"),
            Role.READER: _("Lecture seule"),
        }[self]


def action_label(action: Action) -> str:
    """What a right is called on screens and in refusals."""
    return {
        Action.READ_CONTACTS: _("voir les contacts"),
        Action.READ_FIGURES: _("voir les chiffres et les rapports"),
        Action.EDIT_CONTACTS: _("modifier les contacts"),
        Action.ADD_TOUCH_POINTS: _("noter des interactions"),
        Action.SEE_PRIVATE_NOTES: _("voir les notes privées"),
        Action.SEE_CONTRIBUTION_AMOUNTS: _("voir le montant donné par chacun"),
        Action.MERGE_CONTACTS: _("fusionner des contacts"),
        Action.EXPORT_PERSONAL_DATA: _("exporter ou imprimer des données personnelles"),
        Action.EDIT_CAMPAIGNS: _("modifier les campagnes"),
        Action.EDIT_PUBLICATIONS: _("modifier le calendrier éditorial"),
        Action.APPROVE_PUBLICATIONS: _("valider les publications"),
        Action.MANAGE_AMBASSADORS: _("gérer les ambassadeurs"),
        Action.VALIDATE_MISSIONS: _("valider les missions"),
        Action.EDIT_EVENTS: _("modifier les événements"),
        Action.ENTER_SIGN_IN: _("saisir les inscriptions et feuilles d'émargement"),
        Action.IMPORT: _("importer des fichiers"),
        Action.EXPORT: _("exporter calendriers, plans et rapports"),
        Action.ERASE_PERSONAL_DATA: _("effacer une personne (RGPD)"),
        Action.EDIT_SETTINGS: _("modifier les réglages"),
        Action.MAINTAIN_DATABASE: _("entretenir la base"),
        Action.RESTORE: _("restaurer une sauvegarde"),
        Action.MANAGE_PROFILES: _("gérer les profils et les droits"),
        Action.VIEW_AUDIT: _("consulter le journal d'audit"),
    }[action]


@dataclass(frozen=True)
class Actor:
    """Who is acting: a profile of this database, or the system (CLI, scheduled backup)."""

    name: str
    role: Role = Role.ADMIN
    profile_id: int | None = None
    # What this profile may do, when it is not simply its role's default rights: read from
    # ``role_rights`` at login (services.profiles.login), or a test's restricted volunteer.
    rights: frozenset[Action] | None = None


SYSTEM = Actor(name="système")

_EVERYTHING = frozenset(Action)
_FOUNDERS_ONLY = frozenset(
    {
        Action.ERASE_PERSONAL_DATA,
        Action.RESTORE,
        Action.MANAGE_PROFILES,
        Action.VIEW_AUDIT,
    }
)

# The default rights of each role (the table of the module docstring).
_RIGHTS: dict[Role, frozenset[Action]] = {
    Role.ADMIN: _EVERYTHING,
    Role.TEAM: _EVERYTHING - _FOUNDERS_ONLY,
    Role.VOLUNTEER: frozenset(
        {
            Action.READ_CONTACTS,
            Action.READ_FIGURES,
            Action.EDIT_CONTACTS,
            Action.ADD_TOUCH_POINTS,
            Action.ENTER_SIGN_IN,
        }
    ),
    Role.READER: frozenset({Action.READ_FIGURES}),
}


def default_rights(role: Role) -> frozenset[Action]:
    """A role's rights in a new base (what ``role_rights`` is seeded with)."""
    return _RIGHTS[role]


# Who may see the people may see the figures drawn from them.
_IMPLIED: dict[Action, Action] = {Action.READ_FIGURES: Action.READ_CONTACTS}


def allowed(actor: Actor, action: Action) -> bool:
    rights = actor.rights if actor.rights is not None else _RIGHTS.get(actor.role, frozenset())
    return action in rights or (action in _IMPLIED and _IMPLIED[action] in rights)


def require(actor: Actor, action: Action) -> None:
    if not allowed(actor, action):
        raise PermissionDenied(
            _("Le profil « {name} » n'a pas ce droit : {action}.", name=actor.name, action=action_label(action))
        )
