"""Contacts: create, read, update (optimistic locking), archive; input validation.

The contact sheet reads a :class:`ContactDetails`, edits its :class:`ContactInput` and
saves it with the ``version_id`` it read: a save over someone else's change is refused
(ConflictError) and changes nothing. Before saving a new e-mail or phone, the sheet asks
:func:`contacts_with_same_channels` who else has it: a warning, never a refusal (a family
shares a landline). Search lives in ``contact_search``, moves between circles in
``circle_moves``, touch points in ``touch_points``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, fields, replace
from datetime import datetime

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.orm.exc import StaleDataError

from communitydesk.errors import ConflictError, UserError, ValidationError
from communitydesk.i18n import _
from communitydesk.models.base import utcnow
from communitydesk.models.contacts import ACTIVE, CircleMove, Contact
from communitydesk.models.duplicates import ContactMerge
from communitydesk.rules.circles import Circle
from communitydesk.rules.contact_fields import MAX_LENGTHS, contact_field_label, is_email
from communitydesk.rules.contact_keys import email_key, phone_key
from communitydesk.rules.contact_names import display_name as display_name  # shared with the plain search
from communitydesk.services.permissions import Action, Actor, require
from communitydesk.services.private_fields import may_see_notes
from communitydesk.services.store import Store, snapshot, unit_of_work

KINDS = ("person", "organisation")
_FR_POSTCODE = re.compile(r"^\d{5}$")


@dataclass(frozen=True)
class ContactInput:
    """The fields a user edits on a contact sheet (and an import fills)."""

    kind: str = "person"
    first_name: str = ""
    last_name: str = ""
    organisation: str = ""
    role: str = ""
    email: str = ""
    email_secondary: str = ""
    phone: str = ""
    phone_secondary: str = ""
    address: str = ""
    postcode: str = ""
    city: str = ""
    country: str = "FR"
    circle: str = Circle.GRAND_PUBLIC.value
    source: str = ""
    notes: str = ""
    is_ambassador: bool = False
    is_critic: bool = False


EDITABLE_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(ContactInput))


@dataclass(frozen=True)
class ContactDetails:
    """Everything the contact sheet shows about one contact."""

    id: int
    version_id: int
    display_name: str
    data: ContactInput
    tags: tuple[str, ...]
    email_key: str
    phone_key: str
    created_at: datetime
    updated_at: datetime
    last_touch_at: datetime | None
    archived_at: datetime | None
    anonymised_at: datetime | None


@dataclass(frozen=True)
class SameChannelContact:
    """An active contact that already has an e-mail or phone being saved on another card."""

    id: int
    display_name: str
    email: str  # their address, when it is one of those typed ("" otherwise)
    phone: str  # their number, when it is one of those typed ("" otherwise)


def validate_contact(data: ContactInput) -> ContactInput:
    """Trimmed copy of ``data``, or ValidationError naming the first wrong field (in French)."""
    cleaned = replace(
        data, **{f: getattr(data, f).strip() for f in EDITABLE_FIELDS if isinstance(getattr(data, f), str)}
    )
    cleaned = replace(cleaned, country=(cleaned.country or "FR").upper())
    if cleaned.kind not in KINDS:
        raise ValidationError(_("Le type de contact « {kind} » est inconnu.", kind=cleaned.kind), field="kind")
    if cleaned.circle not in {c.value for c in Circle}:
        raise ValidationError(_("Le cercle « {circle} » est inconnu.", circle=cleaned.circle), field="circle")
    if cleaned.kind == "organisation" and not cleaned.organisation:
        raise ValidationError(_("Indiquez le nom de l'organisation."), field="organisation")
    if not (cleaned.first_name or cleaned.last_name or cleaned.organisation or cleaned.email):
        raise ValidationError(
            _("Indiquez au moins un nom, un prénom, une organisation ou un e-mail."), field="last_name"
        )
    for name, limit in MAX_LENGTHS.items():
        if len(getattr(cleaned, name)) > limit:
            raise ValidationError(
                _(
                    "Le champ « {field} » ne peut dépasser {limit} caractères.",
                    field=contact_field_label(name),
                    limit=limit,
                ),
                field=name,
            )
    _validate_channels(cleaned)
    return cleaned


def _validate_channels(data: ContactInput) -> None:
    if len(data.country) != 2 or not data.country.isalpha():
        raise ValidationError(
            _("Le pays « {value} » doit être un code à deux lettres (FR, BE…).", value=data.country), field="country"
        )
    for name in ("email", "email_secondary"):
        value = getattr(data, name)
        if value and not is_email(value):
            raise ValidationError(_("L'adresse e-mail « {value} » n'est pas valide.", value=value), field=name)
    for name in ("phone", "phone_secondary"):
        value = getattr(data, name)
        if value and not phone_key(value, data.country or "FR"):
            raise ValidationError(_("Le numéro de téléphone « {value} » n'est pas valide.", value=value), field=name)
    if data.postcode and data.country == "FR" and not _FR_POSTCODE.match(data.postcode):
        raise ValidationError(
            _("Le code postal « {value} » doit compter 5 chiffres.", value=data.postcode), field="postcode"
        )


def create_contact(store: Store, actor: Actor, data: ContactInput, *, reason: str = "") -> ContactDetails:
    """Validate and save a new contact; its arrival in its circle starts the move history."""
    require(actor, Action.EDIT_CONTACTS)
    cleaned = validate_contact(data)
    with unit_of_work(store) as session:
        contact = Contact()
        apply_input(contact, cleaned)
        session.add(contact)
        contact.moves.append(
            CircleMove(
                from_circle=None,
                to_circle=cleaned.circle,
                moved_by=actor.name,
                reason=reason or _("Arrivée dans la communauté"),
            )
        )
        session.flush()
        return shown_to(actor, details_of(contact))


def shown_to(actor: Actor, details: ContactDetails) -> ContactDetails:
    """The details as ``actor`` may see them: without the private notes unless SEE_PRIVATE_NOTES."""
    if not details.data.notes or may_see_notes(actor):
        return details
    return replace(details, data=replace(details.data, notes=""))


def get_contact(store: Store, actor: Actor, contact_id: int) -> ContactDetails:
    """The contact sheet's data; UserError if the contact does not exist."""
    require(actor, Action.READ_CONTACTS)
    with snapshot(store) as session:
        return shown_to(actor, details_of(load_contact(session, contact_id)))


def contacts_by_ids(store: Store, actor: Actor, ids: Sequence[int]) -> list[ContactDetails]:
    """Full details of several contacts, in the order of ``ids`` (unknown ids are skipped)."""
    require(actor, Action.READ_CONTACTS)
    found: dict[int, ContactDetails] = {}
    with snapshot(store) as session:
        for start in range(0, len(ids), 500):
            chunk = list(ids[start : start + 500])
            query = select(Contact).where(Contact.id.in_(chunk)).options(selectinload(Contact.tags))
            for contact in session.scalars(query):
                found[contact.id] = shown_to(actor, details_of(contact))
    return [found[i] for i in ids if i in found]


def update_contact(
    store: Store, actor: Actor, contact_id: int, expected_version: int, data: ContactInput, *, move_reason: str = ""
) -> ContactDetails:
    """Save edited fields if nobody saved this contact since ``expected_version`` was read.

    A changed circle is recorded as a move (with ``move_reason``). Raises ConflictError on a
    stale version, ValidationError on a wrong field; in both cases nothing is changed.
    """
    require(actor, Action.EDIT_CONTACTS)
    cleaned = validate_contact(data)
    with unit_of_work(store) as session:
        contact = load_contact(session, contact_id)
        check_editable(contact, expected_version)
        if not may_see_notes(actor):
            cleaned = replace(cleaned, notes=contact.notes)  # the sheet showed none: keep them
        if cleaned.circle != contact.circle:
            contact.moves.append(
                CircleMove(
                    from_circle=contact.circle,
                    to_circle=cleaned.circle,
                    moved_by=actor.name,
                    reason=move_reason or _("Cercle modifié sur la fiche"),
                )
            )
        apply_input(contact, cleaned)
        flush_or_conflict(session)
        return shown_to(actor, details_of(contact))


def archive_contact(store: Store, actor: Actor, contact_id: int, expected_version: int | None = None) -> None:
    """Archive (soft-delete) a contact: it leaves lists, search and counts, nothing is lost."""
    require(actor, Action.EDIT_CONTACTS)
    with unit_of_work(store) as session:
        contact = load_contact(session, contact_id)
        check_editable(contact, expected_version)
        if contact.archived_at is None:
            contact.archived_at = utcnow()
            flush_or_conflict(session)


def restore_contact(store: Store, actor: Actor, contact_id: int, expected_version: int | None = None) -> None:
    """Bring an archived contact back into lists and search."""
    require(actor, Action.EDIT_CONTACTS)
    with unit_of_work(store) as session:
        contact = load_contact(session, contact_id)
        check_editable(contact, expected_version)
        merged_into = session.scalar(
            select(ContactMerge.kept_id).where(ContactMerge.absorbed_id == contact_id, ContactMerge.undone_at.is_(None))
        )
        if merged_into is not None:
            raise UserError(
                _(
                    "Ce contact a été fusionné dans le contact n° {id} : annulez la fusion pour le retrouver.",
                    id=merged_into,
                )
            )
        if contact.archived_at is not None:
            contact.archived_at = None
            flush_or_conflict(session)


def contacts_with_same_channels(
    store: Store,
    actor: Actor,
    emails: Sequence[str],
    phones: Sequence[str],
    *,
    country: str = "FR",
    exclude_id: int | None = None,
    limit: int = 10,
) -> list[SameChannelContact]:
    """Active contacts (other than ``exclude_id``) whose e-mail or phone is one of these, by
    normalised key (``Jean@X.fr`` is ``jean@x.fr``, ``06 12…`` is ``+33 6 12…``), oldest
    first; one indexed query. A number that cannot be read is left out."""
    require(actor, Action.READ_CONTACTS)
    email_keys = sorted({email_key(e) for e in emails} - {""})
    phone_keys = sorted({phone_key(p, country or "FR") for p in phones} - {""})
    if not email_keys and not phone_keys:
        return []
    query = (
        select(Contact)
        .where(ACTIVE, or_(Contact.email_key.in_(email_keys), Contact.phone_key.in_(phone_keys)))
        .order_by(Contact.id)
        .limit(limit)
    )
    if exclude_id is not None:
        query = query.where(Contact.id != exclude_id)
    with snapshot(store) as session:
        return [
            SameChannelContact(
                id=c.id,
                display_name=display_name(c.kind, c.first_name, c.last_name, c.organisation, c.email),
                email=c.email if c.email_key in email_keys else "",
                phone=c.phone if c.phone_key in phone_keys else "",
            )
            for c in session.scalars(query)
        ]


# -- shared by the contact services -------------------------------------------------


def load_contact(session: Session, contact_id: int) -> Contact:
    contact = session.get(Contact, contact_id)
    if contact is None:
        raise UserError(_("Le contact n° {id} n'existe pas (ou plus).", id=contact_id))
    return contact


def check_editable(contact: Contact, expected_version: int | None) -> None:
    """Refuse to change an erased contact, or one saved by someone else since it was read."""
    if contact.anonymised_at is not None:
        raise UserError(_("Ce contact a été effacé (RGPD) : il ne peut plus être modifié."))
    if expected_version is not None and contact.version_id != expected_version:
        raise ConflictError(
            _(
                "Ce contact a été modifié par ailleurs depuis que vous l'avez ouvert ; "
                "rouvrez-le pour voir ses nouvelles valeurs. Rien n'a été enregistré."
            )
        )


def flush_or_conflict(session: Session) -> None:
    """Flush; a concurrent save caught by the version column becomes a ConflictError."""
    try:
        session.flush()
    except StaleDataError as exc:
        raise ConflictError(
            _("Ce contact a été modifié par ailleurs pendant l'enregistrement. Rien n'a été enregistré.")
        ) from exc


def expire_contacts(session: Session, contact_ids: Sequence[int], attributes: Sequence[str]) -> None:
    """Forget attributes of contacts already loaded in ``session`` after a bulk SQL update,
    leaving every other pending change alone (a caller's session may hold some)."""
    for contact_id in contact_ids:
        loaded = session.identity_map.get(session.identity_key(Contact, contact_id))
        if loaded is not None:
            session.expire(loaded, list(attributes))


def apply_input(contact: Contact, data: ContactInput) -> None:
    """Copy validated fields onto the row, with the matching normalised e-mail and phone keys."""
    for name in EDITABLE_FIELDS:
        if getattr(contact, name, None) != getattr(data, name):
            setattr(contact, name, getattr(data, name))
    keys = (email_key(data.email), phone_key(data.phone, data.country or "FR"))
    if (contact.email_key, contact.phone_key) != keys:
        contact.email_key, contact.phone_key = keys


def input_of(contact: Contact) -> ContactInput:
    return ContactInput(**{name: getattr(contact, name) for name in EDITABLE_FIELDS})


def details_of(contact: Contact) -> ContactDetails:
    data = input_of(contact)
    name = display_name(data.kind, data.first_name, data.last_name, data.organisation, data.email)
    return ContactDetails(
        id=contact.id,
        version_id=contact.version_id,
        display_name=_("Contact effacé") if contact.anonymised_at is not None else name,
        data=data,
        tags=tuple(sorted((t.name for t in contact.tags), key=str.casefold)),
        email_key=contact.email_key,
        phone_key=contact.phone_key,
        created_at=contact.created_at,
        updated_at=contact.updated_at,
        last_touch_at=contact.last_touch_at,
        archived_at=contact.archived_at,
        anonymised_at=contact.anonymised_at,
    )
