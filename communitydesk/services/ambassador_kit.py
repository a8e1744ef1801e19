"""The ambassador kit's data (one ambassador, or every active one) and an ambassador's e-mail signature.

Read on the quick path (db.ambassador_kit_reads: no SQLAlchemy), like the other small
documents; the renderer is reports.ambassador_kit, the catalogue's ``ambassador-kit``.
"""

from __future__ import annotations

from pathlib import Path

from communitydesk.db.ambassador_kit_reads import AmbassadorRow, ambassadors, current_charter, roles
from communitydesk.db.ambassador_reads import has_ambassador_tables, stored_levels
from communitydesk.db.quick_reads import QuickReader, stored_setting
from communitydesk.errors import ValidationError
from communitydesk.exporters.email_signature import signature_html, signature_text
from communitydesk.i18n import _
from communitydesk.records.ambassador_kit import (
    AmbassadorKitData,
    EmailSignature,
    KitAmbassador,
    KitCharter,
    KitLevel,
)
from communitydesk.rules.ambassadors import (
    REFERRAL_BASE_URL_KEY,
    AmbassadorType,
    MissionKind,
    Stage,
    referral_url,
)
from communitydesk.rules.contact_fields import contact_field_label
from communitydesk.rules.contact_keys import fold
from communitydesk.rules.contact_names import display_name
from communitydesk.services.document_identity import identity_in
from communitydesk.services.document_source import HasPath, reading
from communitydesk.services.permissions import Action, Actor, require


def _lines(text: str) -> tuple[str, ...]:
    return tuple(line.strip() for line in text.splitlines() if line.strip())


def _name(row: AmbassadorRow) -> str:
    return display_name(row.kind, row.first_name, row.last_name, row.organisation, row.email)


def _chosen(rows: list[AmbassadorRow], wanted: str | None) -> list[AmbassadorRow]:
    """The ambassador named or numbered by ``wanted``; every active one when it is None."""
    if wanted is None or not wanted.strip():
        chosen = [row for row in rows if row.stage == Stage.ACTIF.value]
        if not chosen:
            raise ValidationError(
                _("Aucun ambassadeur actif : indiquez un ambassadeur (--ambassador NOM_OU_NUMÉRO)."), "ambassador"
            )
        return chosen
    text = wanted.strip()
    if text.isdigit():
        chosen = [row for row in rows if row.id == int(text)]
    else:
        key = fold(text)
        chosen = [row for row in rows if fold(_name(row)) == key]
    if not chosen:
        raise ValidationError(_("Aucun ambassadeur « {name} ».", name=text), "ambassador")
    if len(chosen) > 1:
        raise ValidationError(
            _(
                "Plusieurs ambassadeurs s'appellent « {name} » : indiquez leur numéro ({numbers}).",
                name=text,
                numbers=", ".join(str(row.id) for row in chosen),
            ),
            "ambassador",
        )
    return chosen


def _base_url(reader: QuickReader) -> str:
    base = stored_setting(reader, REFERRAL_BASE_URL_KEY)
    if not isinstance(base, str) or not base.strip():
        # Without it there is no link to print nor to encode in the QR codes.
        raise ValidationError(
            _("Renseignez l'adresse de parrainage dans Paramètres pour obtenir le lien à partager."),
            "referral_base_url",
        )
    return base


def _ambassador(row: AmbassadorRow, base: str, role_names: dict[int, str]) -> KitAmbassador:
    kind = AmbassadorType(row.type)
    role_ids = [int(part) for part in row.roles.split(",") if part.strip().isdigit()]
    return KitAmbassador(
        id=row.id,
        name=_name(row),
        type_label=kind.label(),
        roles=tuple(role_names[i] for i in role_ids if i in role_names),
        territory=row.territory,
        referral_code=row.referral_code,
        referral_url=referral_url(base, row.referral_code),
        email=row.email,
        commercially_tied=kind.commercially_tied,
    )


def _check_tables(reader: QuickReader) -> None:
    if not has_ambassador_tables(reader):
        raise ValidationError(_("Cette base n'a pas encore de programme ambassadeurs."), "ambassador")


def ambassador_kit_data(source: Path | HasPath, actor: Actor, ambassador: str | None = None) -> AmbassadorKitData:
    """The kit of the ambassador named or numbered by ``ambassador``, or of every active ambassador."""
    require(actor, Action.EXPORT_PERSONAL_DATA)
    with reading(source) as reader:
        _check_tables(reader)
        chosen = _chosen(ambassadors(reader), ambassador)
        base = _base_url(reader)
        role_rows = roles(reader)
        role_names = {id_: name for id_, name, _description in role_rows}
        charter = current_charter(reader)
        return AmbassadorKitData(
            identity=identity_in(reader),
            ambassadors=tuple(_ambassador(row, base, role_names) for row in chosen),
            roles=tuple((name, description) for _id, name, description in role_rows),
            mission_kinds=tuple(kind.label() for kind in MissionKind),
            levels=tuple(
                KitLevel(level.name, level.min_validated_missions, level.min_positive_percent, level.min_months)
                for level in stored_levels(reader)
            ),
            charter=None
            if charter is None
            else KitCharter(
                version=charter.version,
                title=charter.title,
                ambassador_commitments=_lines(charter.ambassador_commitments),
                organisation_commitments=_lines(charter.organisation_commitments),
                published_on=charter.published_on,
            ),
        )


def signature_of(source: Path | HasPath, actor: Actor, ambassador_id: int) -> EmailSignature:
    """What an ambassador's e-mail signature says: name, role, organisation, referral link."""
    require(actor, Action.READ_CONTACTS)
    with reading(source) as reader:
        _check_tables(reader)
        row = _chosen(ambassadors(reader), str(ambassador_id))[0]
        role_names = {id_: name for id_, name, _description in roles(reader)}
        kit = _ambassador(row, _base_url(reader), role_names)
        identity = identity_in(reader)
    role = " · ".join([contact_field_label("is_ambassador"), *kit.roles])
    return EmailSignature(
        name=kit.name,
        role=role,
        organisation=identity.name,
        referral_code=kit.referral_code,
        referral_url=kit.referral_url,
        website=identity.website,
        accent_colour=identity.primary_colour,
    )


def email_signature(source: Path | HasPath, actor: Actor, ambassador_id: int) -> tuple[str, str]:
    """An ambassador's e-mail signature as (HTML with inline styles, plain text), for a copy button."""
    signature = signature_of(source, actor, ambassador_id)
    return signature_html(signature), signature_text(signature)
