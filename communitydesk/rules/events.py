"""Words and rules of events (issue #18): kinds, participants' statuses, consent purposes with
their default wording, and how a line typed from a paper sign-in sheet finds its contact.

Stored values are ASCII slugs; ``label()`` gives the French (or English) word.
``kind_from_text`` reads what people type (« Réunion publique », « AG », « apéro »).
A sheet line is matched by e-mail, then phone (every French notation gives one key,
``rules.contact_keys.phone_key``), then name, accent- and case-blind, in either order.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Protocol

from communitydesk.errors import ValidationError
from communitydesk.formatting import day
from communitydesk.i18n import _
from communitydesk.rules.contact_keys import email_key, fold, phone_key
from communitydesk.rules.contact_search_text import sort_name


class EventKind(StrEnum):
    REUNION_PUBLIQUE = "reunion_publique"
    ATELIER = "atelier"
    STAND = "stand"
    APERO_AMBASSADEURS = "apero_ambassadeurs"
    ASSEMBLEE_GENERALE = "assemblee_generale"
    LANCEMENT_CAMPAGNE = "lancement_campagne"
    AUTRE = "autre"

    def label(self) -> str:
        return {
            EventKind.REUNION_PUBLIQUE: _("Réunion publique"),
            EventKind.ATELIER: _("Atelier"),
            EventKind.STAND: _("Stand"),
            EventKind.APERO_AMBASSADEURS: _("Apéro ambassadeurs"),
            EventKind.ASSEMBLEE_GENERALE: _("Assemblée générale"),
            EventKind.LANCEMENT_CAMPAGNE: _("Lancement de campagne"),
            EventKind.AUTRE: _("Autre événement"),
        }[self]


def event_kind_label(kind: str) -> str:
    """The word for a stored kind (an unknown one is shown as stored)."""
    try:
        return EventKind(kind).label()
    except ValueError:
        return kind


_KIND_WORDS: dict[str, EventKind] = {
    "reunion publique": EventKind.REUNION_PUBLIQUE,
    "reunion": EventKind.REUNION_PUBLIQUE,
    "public meeting": EventKind.REUNION_PUBLIQUE,
    "atelier": EventKind.ATELIER,
    "workshop": EventKind.ATELIER,
    "stand": EventKind.STAND,
    "marche": EventKind.STAND,
    "forum": EventKind.STAND,
    "apero ambassadeurs": EventKind.APERO_AMBASSADEURS,
    "apero": EventKind.APERO_AMBASSADEURS,
    "ambassador drinks": EventKind.APERO_AMBASSADEURS,
    "assemblee generale": EventKind.ASSEMBLEE_GENERALE,
    "ag": EventKind.ASSEMBLEE_GENERALE,
    "general assembly": EventKind.ASSEMBLEE_GENERALE,
    "agm": EventKind.ASSEMBLEE_GENERALE,
    "lancement de campagne": EventKind.LANCEMENT_CAMPAGNE,
    "lancement": EventKind.LANCEMENT_CAMPAGNE,
    "campaign launch": EventKind.LANCEMENT_CAMPAGNE,
    "autre": EventKind.AUTRE,
    "autre evenement": EventKind.AUTRE,
    "other": EventKind.AUTRE,
}


def kind_from_text(text: str) -> EventKind | None:
    """The kind a typed word names (slug, French or English label, usual short forms), or None."""
    folded = fold(text).replace("_", " ").replace("-", " ").replace("’", "'")
    if not folded:
        return EventKind.AUTRE
    found = _KIND_WORDS.get(folded)
    if found is not None:
        return found
    for kind in EventKind:
        if folded in (fold(kind.label()), kind.value.replace("_", " ")):
            return kind
    return None


def event_label(name: str, starts_on: date) -> str:
    """« Réunion de rentrée (12/09/2026) »: how a touch point names the event."""
    return f"{name} ({day(starts_on, 'short')})"


def event_named(events: Sequence[tuple[int, str, date]], wanted: str | None) -> int:
    """The event (id, name, day) a user names: its number, or its name, whole or a unique part,
    accent- and case-blind. A clear French error when none or several match (the CLI, the kit)."""
    text = (wanted or "").strip()
    if not text:
        raise ValidationError(_("Indiquez l'événement (--event NOM_OU_NUMÉRO)."), "event")
    if text.isdigit() and any(event_id == int(text) for event_id, _name, _day in events):
        return int(text)
    key = fold(text)
    found = [e for e in events if fold(e[1]) == key] or [e for e in events if key in fold(e[1])]
    if len(found) == 1:
        return found[0][0]
    if not found:
        raise ValidationError(_("Aucun événement ne s'appelle « {name} » (ni ne porte ce numéro).", name=text), "event")
    names = "; ".join(f"{event_id} : {name} ({day(when)})" for event_id, name, when in found[:5])
    raise ValidationError(
        _("Plusieurs événements répondent à « {name} » : {names}. Donnez son numéro.", name=text, names=names),
        "event",
    )


def sheet_order(
    kind: str, first_name: str, last_name: str, organisation: str, email: str, contact_id: int
) -> tuple[str, int]:
    """Where a registered person stands on the printed sheet (and so on the grid that types it
    back): by name as the contact lists sort, then by number."""
    return sort_name(kind, first_name, last_name, organisation, email), contact_id


def sheet_source(name: str, starts_on: date) -> str:
    """« Feuille d'émargement — Réunion de rentrée (12/09/2026) »: the source of the consents it collected."""
    return _("Feuille d'émargement — {event}", event=event_label(name, starts_on))[:200]


class ParticipantStatus(StrEnum):
    INVITE = "invite"
    INSCRIT = "inscrit"
    PRESENT = "present"
    ABSENT = "absent"
    EXCUSE = "excuse"

    def label(self) -> str:
        return {
            ParticipantStatus.INVITE: _("invité"),
            ParticipantStatus.INSCRIT: _("inscrit"),
            ParticipantStatus.PRESENT: _("présent"),
            ParticipantStatus.ABSENT: _("absent"),
            ParticipantStatus.EXCUSE: _("excusé"),
        }[self]


# Those counted as registered: whoever said they would come, came, or did not after all.
REGISTERED_STATUSES = frozenset(
    {ParticipantStatus.INSCRIT, ParticipantStatus.PRESENT, ParticipantStatus.ABSENT, ParticipantStatus.EXCUSE}
)


class ConsentPurpose(StrEnum):
    NEWSLETTER = "newsletter"
    PHOTOS = "photos"
    COMMUNAUTE = "communaute"

    def label(self) -> str:
        """The short heading printed above the consent's column."""
        return {
            ConsentPurpose.NEWSLETTER: _("Lettre d'information"),
            ConsentPurpose.PHOTOS: _("Photos"),
            ConsentPurpose.COMMUNAUTE: _("Communauté"),
        }[self]

    def default_wording(self, organisation: str = "") -> str:
        """Version 1 of the sentence printed on the sheet, naming the organisation when known
        (« des Ateliers du Lien », never « de Les Ateliers du Lien »)."""
        # The charters' contraction rule, loaded here: printing a kit or reading figures needs none of it.
        from communitydesk.rules.charter_text import ORGANISATION_PLACEHOLDER, fill_organisation

        name = organisation.strip()
        who = ORGANISATION_PLACEHOLDER if name else _("l'association")
        text = {
            ConsentPurpose.NEWSLETTER: _(
                "J'accepte de recevoir par e-mail la lettre d'information de {who}, et je peux me désinscrire à "
                "tout moment.",
                who=who,
            ),
            ConsentPurpose.PHOTOS: _(
                "J'accepte que des photos où j'apparais pendant cet événement soient publiées par {who} sur ses "
                "supports de communication.",
                who=who,
            ),
            ConsentPurpose.COMMUNAUTE: _(
                "Je souhaite rejoindre la communauté de {who}, qui peut me recontacter pour ses actions et ses "
                "événements.",
                who=who,
            ),
        }[self]
        return fill_organisation(text, name) if name else text


def purpose_from_text(text: str) -> ConsentPurpose | None:
    """The purpose a sheet's column heading names (slug or printed heading, any case or accent)."""
    folded = _HINT.sub(" ", fold(text).replace("’", "'"))  # « Photos (oui/non) »
    folded = " ".join(folded.replace("?", " ").replace(":", " ").replace("*", " ").split())
    for purpose in ConsentPurpose:
        if folded in (purpose.value, fold(purpose.label()), fold(_LABEL_WORDS.get(purpose, ""))):
            return purpose
    return _PURPOSE_WORDS.get(folded)


_HINT = re.compile(r"\([^)]*\)|\[[^]]*]")
_LABEL_WORDS = {ConsentPurpose.NEWSLETTER: "newsletter", ConsentPurpose.COMMUNAUTE: "community"}
_PURPOSE_WORDS = {
    "lettre d'info": ConsentPurpose.NEWSLETTER,
    "infolettre": ConsentPurpose.NEWSLETTER,
    "lettre d'information": ConsentPurpose.NEWSLETTER,
    "photo": ConsentPurpose.PHOTOS,
    "droit a l'image": ConsentPurpose.PHOTOS,
    "communaute": ConsentPurpose.COMMUNAUTE,
    "rejoindre la communaute": ConsentPurpose.COMMUNAUTE,
}

# What people tick a box with, once folded; FALSE_TICKS say no on purpose.
TRUE_TICKS = frozenset({"oui", "o", "x", "✓", "✔", "☑", "☒", "yes", "y", "1", "vrai", "true", "ok", "v"})
FALSE_TICKS = frozenset({"", "non", "n", "no", "0", "-", "faux", "false", "☐"})


def tick_from_text(text: str) -> bool | None:
    """True when a consent cell is ticked, False when left empty or said no, None when unreadable."""
    folded = fold(text)
    if folded in TRUE_TICKS:
        return True
    if folded in FALSE_TICKS:
        return False
    return None


# -- matching a sheet line to a contact -----------------------------------------------------


class SheetLine(Protocol):
    """What matching reads of a typed sheet line."""

    @property
    def last_name(self) -> str: ...
    @property
    def first_name(self) -> str: ...
    @property
    def email(self) -> str: ...
    @property
    def phone(self) -> str: ...


class LineOutcome(StrEnum):
    """What became of a typed sheet line."""

    MATCHED = "matched"  # linked to a contact already in the base
    CREATED = "created"  # a new contact was made of it
    SKIPPED = "skipped"  # a numbered line left empty


class MatchReason(StrEnum):
    EMAIL = "email"
    PHONE = "phone"
    NAME = "name"

    def label(self) -> str:
        return {
            MatchReason.EMAIL: _("même e-mail"),
            MatchReason.PHONE: _("même téléphone"),
            MatchReason.NAME: _("même nom"),
        }[self]


# The order a line is matched in: the first reason that finds someone wins.
MATCH_ORDER = (MatchReason.EMAIL, MatchReason.PHONE, MatchReason.NAME)


@dataclass(frozen=True)
class MatchKeys:
    email: str  # rules.contact_keys.email_key, "" when none
    phone: str  # E.164, "" when none or unreadable
    names: tuple[str, ...]  # folded "first last" and "last first" (one when only one part is typed)

    @property
    def empty(self) -> bool:
        return not (self.email or self.phone or self.names)


def match_keys(line: SheetLine) -> MatchKeys:
    """The keys a line is matched by: ``Hélène DURAND`` and ``durand helene`` give the same name key."""
    first, last = fold(line.first_name), fold(line.last_name)
    names = tuple(dict.fromkeys(n for n in (f"{first} {last}".strip(), f"{last} {first}".strip()) if n))
    return MatchKeys(
        email_key(line.email) if "@" in line.email else "", phone_key(line.phone) if line.phone.strip() else "", names
    )


def name_keys_of(first_name: str, last_name: str) -> tuple[str, str]:
    """A contact's two folded name orders, to compare with ``MatchKeys.names``."""
    first, last = fold(first_name), fold(last_name)
    return f"{first} {last}".strip(), f"{last} {first}".strip()


def is_blank_line(line: SheetLine) -> bool:
    """A numbered line left empty on paper: skipped, never an error."""
    return not any(value.strip() for value in (line.last_name, line.first_name, line.email, line.phone))
