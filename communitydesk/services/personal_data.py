"""The right of access as a readable document, filled from :func:`gdpr.export_person`'s dict.

One source: the PDF shows exactly what the JSON export holds, key by key, with labels and
values worded for the person (dates in words, amounts in euros, circles by their names).
A key this module does not know yet still prints, under a label made from the key itself.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

from communitydesk.errors import ValidationError
from communitydesk.formatting import day, local_now, money
from communitydesk.i18n import _, current_language
from communitydesk.records.identity import Identity
from communitydesk.records.personal_data import HeldItem, HeldSection, HeldValue, PersonalDataDocument
from communitydesk.rules.campaigns import PaymentStatus, Platform
from communitydesk.rules.circles import Circle, circle_label
from communitydesk.rules.contact_fields import contact_field_label, contact_kind_label
from communitydesk.rules.contact_names import display_name
from communitydesk.rules.touch_kinds import TouchKind, touch_kind_label
from communitydesk.rules.yes_no import yes_no_label
from communitydesk.services import gdpr
from communitydesk.services.document_identity import document_identity
from communitydesk.services.document_source import HasPath, full_database
from communitydesk.services.permissions import Actor

FORMATS = ("pdf", "json")
# The contact's columns shown under « Coordonnées »; every other one goes under « Identité ».
_CHANNELS = (
    "email",
    "email_secondary",
    "phone",
    "phone_secondary",
    "address",
    "postcode",
    "city",
    "country",
    "email_key",
    "phone_key",
)


def export_format(target: Path, requested: str | None = None) -> str:
    """``pdf`` or ``json``: the one asked for, else the file's extension (JSON unless ``.pdf``)."""
    if requested is not None:
        if requested not in FORMATS:
            raise ValidationError(
                _("Format inconnu : « {format} » (pdf ou json).", format=requested),
                "format",
            )
        return requested
    return "pdf" if target.suffix.lower() == ".pdf" else "json"


def personal_data_document(source: Path | HasPath, actor: Actor, contact_id: int) -> PersonalDataDocument:
    """Everything held about a person (:func:`gdpr.export_person`), as a document to print."""
    with full_database(source) as db:
        held = gdpr.export_person(db, actor, contact_id)
    identity = document_identity(source, actor)
    return document_of(held, identity)


def document_of(held: Mapping[str, Any], identity: Identity) -> PersonalDataDocument:
    """The document of an export dict (the JSON's content) for the organisation ``identity``."""
    key = gdpr.french_key
    contact: Mapping[str, Any] = held.get(key("contact"), {})
    others: Mapping[str, list[Mapping[str, Any]]] = held.get(key("other_records"), {})
    channels = {key(name) for name in _CHANNELS}
    tags = held.get(key("tags"), [])
    sections = [
        HeldSection(_("Identité"), _values({k: v for k, v in contact.items() if k not in channels})),
        HeldSection(_("Coordonnées"), _values({k: v for k, v in contact.items() if k in channels})),
        _listed(
            _("Cercles et déplacements"),
            _("Aucun déplacement de cercle."),
            held.get(key("circle_moves"), []),
            _move_heading,
        ),
        _listed(_("Échanges"), _("Aucun échange."), held.get(key("touch_points"), []), _touch_heading),
        HeldSection(
            contact_field_label("tags"),
            values=(HeldValue(contact_field_label("tags"), ", ".join(tags)),) if tags else (),
            empty_text=_("Aucun tag."),
        ),
        _listed(
            _("Consentements"), _("Aucun consentement enregistré."), held.get(key("consents"), []), _consent_heading
        ),
        _listed(
            _("Contributions aux campagnes"),
            _("Aucune contribution."),
            others.get(key("contributions"), []),
            _contribution_heading,
        ),
        _listed(_("Fusions de fiches"), _("Aucune fusion."), held.get(key("merges"), []), _merge_heading),
    ]
    # What the export gained since this module was written still prints, under its key's words.
    sections += [
        _listed(_label(table), "", rows, _numbered) for table, rows in others.items() if table != key("contributions")
    ]
    known = {key(name) for name in ("format", "exported_at", "contact", "other_records", "tags")}
    known |= {key(name) for name in ("circle_moves", "touch_points", "consents", "merges")}
    sections += [HeldSection(_label(name), _values({name: v})) for name, v in held.items() if name not in known]
    return PersonalDataDocument(
        identity=identity,
        person=_person_name(contact),
        contact_id=int(contact.get(key("id")) or 0),
        exported_at=_moment(held.get(key("exported_at"))) or local_now(),
        export_format=str(held.get(key("format"), "")),
        sections=tuple(sections),
    )


def _listed(
    heading: str, empty: str, rows: Sequence[Mapping[str, Any]], item_heading: Callable[[Mapping[str, Any]], str]
) -> HeldSection:
    """A section of rows (exchanges, consents…), each under its own heading; an empty one says so."""
    return HeldSection(heading, items=tuple(_item(item_heading(r), r) for r in rows), empty_text=empty)


def _person_name(contact: Mapping[str, Any]) -> str:
    key = gdpr.french_key
    return display_name(
        str(contact.get(key("kind")) or "person"),
        str(contact.get(key("first_name")) or ""),
        str(contact.get(key("last_name")) or ""),
        str(contact.get(key("organisation")) or ""),
        str(contact.get(key("email")) or ""),
    )


@lru_cache(maxsize=4)
def _labels(language: str) -> dict[str, str]:
    """Labels by the export's (French) key, in ``language`` (the current one: the cache's key)."""
    key = gdpr.french_key
    # A contact's fields are named as on the sheet (the one vocabulary of rules/contact_fields).
    labels = {
        fr: contact_field_label(name) for name, fr in gdpr.french_keys().items() if contact_field_label(name) != name
    }
    labels.update(
        {
            key("id"): _("Numéro"),
            key("email_key"): _("E-mail, forme de rapprochement des doublons"),
            key("phone_key"): _("Téléphone, forme de rapprochement des doublons"),
            key("updated_at"): _("Modifié le"),
            key("archived_at"): _("Archivé le"),
            key("anonymised_at"): _("Effacé le"),
            key("version_id"): _("Version de la fiche"),
            key("contact_id"): _("Numéro du contact"),
            key("moved_at"): _("Date"),
            key("from_circle"): _("Cercle de départ"),
            key("to_circle"): _("Cercle d'arrivée"),
            key("moved_by"): _("Par"),
            key("reason"): _("Raison"),
            key("summary"): _("Résumé"),
            key("created_by"): _("Saisi par"),
            key("purpose"): _("Finalité"),
            key("given_at"): _("Donné le"),
            key("wording"): _("Texte accepté"),
            key("withdrawn_at"): _("Retiré le"),
            key("recorded_by"): _("Enregistré par"),
            key("event_id"): _("Numéro de l'événement"),
            key("merged_at"): _("Fusionnée le"),
            key("merged_by"): _("Fusionnée par"),
            key("kept_id"): _("Numéro de la fiche gardée"),
            key("absorbed_id"): _("Numéro de la fiche absorbée"),
            key("undone_at"): _("Annulée le"),
            key("kept_before"): _("Fiche gardée, avant la fusion"),
            key("absorbed_before"): _("Fiche absorbée, avant la fusion"),
            key("campaign_id"): _("Numéro de la campagne"),
            key("tier_id"): _("Numéro de la contrepartie"),
            key("amount_cents"): _("Montant"),
            key("platform"): _("Plateforme"),
            key("platform_reference"): _("Référence sur la plateforme"),
            key("payment_status"): _("Statut du paiement"),
            key("anonymous"): _("Contribution anonyme"),
            key("backer_name"): _("Nom du contributeur"),
            key("brought_contact"): _("Venu par la campagne"),
            key("shipping_cents"): _("Frais de port"),
            key("ship_first_name"): _("Prénom de livraison"),
            key("ship_last_name"): _("Nom de livraison"),
            key("ship_address"): _("Adresse de livraison"),
            key("ship_postcode"): _("Code postal de livraison"),
            key("ship_city"): _("Ville de livraison"),
            key("ship_country"): _("Pays de livraison"),
        }
    )
    # Shared French keys ("date", "type") mean the same in every list.
    labels["date"] = _("Date")
    labels[key("kind")] = contact_field_label("kind")
    return labels


def _label(name: str) -> str:
    """The label of an export key; an unknown key reads as itself (« numéro_x » → « Numéro x »)."""
    known = _labels(current_language()).get(name)
    if known is not None:
        return known
    return name.replace("_d_", " d'").replace("_", " ").capitalize()


def _values(row: Mapping[str, Any]) -> tuple[HeldValue, ...]:
    return tuple(HeldValue(_label(name), _shown(name, value)) for name, value in row.items())


def _item(heading: str, row: Mapping[str, Any]) -> HeldItem:
    return HeldItem(heading, _values(row))


def _shown(name: str, value: Any) -> str:
    """``value`` as the person reads it: dates in words, cents in euros, circles and kinds by name."""
    key = gdpr.french_key
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return yes_no_label(value)
    if isinstance(value, Mapping):
        return " ; ".join(f"{_label(k)} : {_shown(k, v)}" for k, v in value.items() if v not in (None, ""))
    if isinstance(value, list):
        return ", ".join(_shown(name, v) for v in value)
    if name.endswith("_centimes") and isinstance(value, int):
        return money(value)
    if name in (key("circle"), key("from_circle"), key("to_circle")) and value in set(Circle):
        return circle_label(str(value))
    if name == key("kind"):
        if value in set(TouchKind):
            return touch_kind_label(str(value))
        return contact_kind_label(str(value))
    if name == key("platform") and value in set(Platform):
        return Platform(value).label()
    if name == key("payment_status") and value in set(PaymentStatus):
        return PaymentStatus(value).label()
    if (name == "date" or name.endswith("_le")) and isinstance(value, str):
        when = _moment(value)
        return day(when, "long") if when is not None else value
    return str(value)


def _moment(value: Any) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        return None


def _when(row: Mapping[str, Any], name: str) -> str:
    when = _moment(row.get(gdpr.french_key(name)))
    return day(when, "long") if when is not None else ""


def _move_heading(row: Mapping[str, Any]) -> str:
    arrival = _shown(gdpr.french_key("to_circle"), row.get(gdpr.french_key("to_circle")))
    return " — ".join(part for part in (_when(row, "moved_at"), arrival) if part)


def _touch_heading(row: Mapping[str, Any]) -> str:
    kind = _shown(gdpr.french_key("kind"), row.get(gdpr.french_key("kind")))
    return " — ".join(part for part in (_when(row, "occurred_at"), kind) if part)


def _consent_heading(row: Mapping[str, Any]) -> str:
    return str(row.get(gdpr.french_key("purpose")) or _("Consentement"))


def _numbered(row: Mapping[str, Any]) -> str:
    return _("N° {number}", number=row.get(gdpr.french_key("id"), "—"))


def _merge_heading(row: Mapping[str, Any]) -> str:
    return _("Fusion du {date}", date=_when(row, "merged_at"))


def _contribution_heading(row: Mapping[str, Any]) -> str:
    amount = row.get(gdpr.french_key("amount_cents"))
    parts = (_when(row, "contributed_at"), money(amount) if isinstance(amount, int) else "")
    return " — ".join(part for part in parts if part) or _("Contribution sans date")
