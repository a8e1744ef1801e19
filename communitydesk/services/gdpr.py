"""RGPD: consent records, "everything we hold about this person", and erasure.

- Consents: purpose, date, the exact wording agreed to, how it was collected; withdrawing
  keeps the record (proof of what was allowed when) and dates the withdrawal.
- :func:`export_person` gathers every row about a person into one JSON-serialisable dict
  (the right of access); services/personal_data.py turns that same dict into the readable PDF.
- :func:`erase_person` anonymises: identity, contact details, address, notes, touch point
  summaries and move reasons are blanked, tags and merge snapshots dropped, consents
  withdrawn. What remains is anonymous and keeps the counts right (contacts per circle,
  touch points per month). Irreversible: it requires ``confirm=True``.

Other areas holding personal data about contacts (campaign backers...) add their own
blanking step with :func:`register_erasure_step`.
"""

from __future__ import annotations

import importlib
import json
import tempfile
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from pathlib import Path
from types import MappingProxyType
from typing import Any

from sqlalchemy import delete, func, or_, select, update
from sqlalchemy.orm import Session

from communitydesk.db import erasure_journal, search_index, secure_erase
from communitydesk.db.database import Database
from communitydesk.errors import UserError, ValidationError
from communitydesk.i18n import _
from communitydesk.models.base import utcnow
from communitydesk.models.consent import Consent
from communitydesk.models.contacts import CircleMove, Contact, Tag, TouchPoint, contact_tags
from communitydesk.models.duplicates import ContactMerge
from communitydesk.services.atomic_files import write_atomically
from communitydesk.services.audit import audited
from communitydesk.services.audit import record as audit_record
from communitydesk.services.contacts import expire_contacts, load_contact
from communitydesk.services.duplicates import tables_referring_to_contacts
from communitydesk.services.permissions import Action, Actor, require
from communitydesk.services.store import Store, snapshot, table_of, unit_of_work

EXPORT_FORMAT = "communitydesk.personal-data/2"  # /2: plain French keys
# Columns that are copies of others, for search and sorting: not "held data" of their own.
_DERIVED = {"sort_name", "tags_text", "city_sort"}
_BLANKED = (
    "first_name",
    "last_name",
    "organisation",
    "role",
    "email",
    "email_secondary",
    "phone",
    "phone_secondary",
    "email_key",
    "phone_key",
    "address",
    "postcode",
    "city",
    "source",
    "notes",
)
# Tables export_person reports in their own sections.
_OWN_SECTIONS = {"circle_moves", "touch_points", "contact_tags", "consents", "contact_merges", "ignored_duplicates"}

ErasureStep = Callable[[Session, Sequence[int]], None]
_erasure_steps: list[ErasureStep] = []
# Modules that register an erasure step when imported: imported before every erasure, so
# that no step is missed because its screen was never opened.
ERASURE_STEP_MODULES = (
    "communitydesk.services.campaigns",
    "communitydesk.services.ambassadors",
    "communitydesk.services.events",
)


@dataclass(frozen=True)
class ConsentRecord:
    id: int
    contact_id: int
    purpose: str
    given_at: datetime
    wording: str
    source: str
    withdrawn_at: datetime | None
    recorded_by: str
    event_id: int | None = None  # the event whose sign-in sheet collected it

    @property
    def active(self) -> bool:
        return self.withdrawn_at is None


@dataclass(frozen=True)
class ErasureReport:
    contacts: int  # the person's contact, plus those merged into it
    touch_points_kept: int  # still counted, now without their summaries
    contact_ids: tuple[int, ...] = ()  # the same, by number
    # False when the base file could not be scrubbed at once (another program kept it busy):
    # the erasure is done, but old bytes may remain in free space or the -wal until a later one.
    scrubbed: bool = True


def register_erasure_step(step: ErasureStep) -> Callable[[], None]:
    """Let another area blank its own personal data when contacts are erased.

    ``step(session, contact_ids)`` runs inside the erasure's transaction. Returns what takes
    the step off again (for a step that lives shorter than the process).
    """
    if step not in _erasure_steps:
        _erasure_steps.append(step)

    def unregister() -> None:
        if step in _erasure_steps:
            _erasure_steps.remove(step)

    return unregister


# -- consents -----------------------------------------------------------------------------


def add_consent(
    store: Store,
    actor: Actor,
    contact_id: int,
    purpose: str,
    wording: str,
    source: str = "",
    given_at: datetime | None = None,
) -> ConsentRecord:
    """Record a consent (now, unless ``given_at``): the purpose and the exact wording are required."""
    require(actor, Action.EDIT_CONTACTS)
    if not purpose.strip():
        raise ValidationError(
            _("Indiquez la finalité du consentement (lettre d'information, photos…)."), field="purpose"
        )
    if not wording.strip():
        raise ValidationError(_("Indiquez le texte exact auquel la personne a consenti."), field="wording")
    if given_at is not None and given_at.tzinfo is None:
        raise ValueError("naive datetime given; use an aware datetime")
    with unit_of_work(store) as session:
        contact = load_contact(session, contact_id)
        if contact.anonymised_at is not None:
            raise UserError(_("Ce contact a été effacé (RGPD) : il ne peut plus être modifié."))
        consent = Consent(
            contact_id=contact_id,
            purpose=purpose.strip(),
            wording=wording.strip(),
            source=source.strip(),
            given_at=given_at or utcnow(),
            recorded_by=actor.name,
        )
        session.add(consent)
        session.flush()
        return _consent_record(consent)


def withdraw_consent(store: Store, actor: Actor, consent_id: int, when: datetime | None = None) -> ConsentRecord:
    """Date the withdrawal of a consent; the record itself is kept."""
    require(actor, Action.EDIT_CONTACTS)
    with unit_of_work(store) as session:
        consent = session.get(Consent, consent_id)
        if consent is None:
            raise UserError(_("Ce consentement n'existe pas (ou plus)."))
        if consent.withdrawn_at is not None:
            raise UserError(_("Ce consentement a déjà été retiré."))
        consent.withdrawn_at = when or utcnow()
        session.flush()
        return _consent_record(consent)


def list_consents(store: Store, actor: Actor, contact_id: int) -> list[ConsentRecord]:
    """A contact's consents, most recent first (withdrawn ones included)."""
    require(actor, Action.READ_CONTACTS)
    with snapshot(store) as session:
        query = (
            select(Consent).where(Consent.contact_id == contact_id).order_by(Consent.given_at.desc(), Consent.id.desc())
        )
        return [_consent_record(c) for c in session.scalars(query)]


def _consent_record(consent: Consent) -> ConsentRecord:
    return ConsentRecord(
        id=consent.id,
        contact_id=consent.contact_id,
        purpose=consent.purpose,
        given_at=consent.given_at,
        wording=consent.wording,
        source=consent.source,
        withdrawn_at=consent.withdrawn_at,
        recorded_by=consent.recorded_by,
        event_id=consent.event_id,
    )


# -- right of access ----------------------------------------------------------------------


def export_person(store: Store, actor: Actor, contact_id: int) -> dict[str, Any]:
    """Everything held about a person, as a JSON-serialisable dict with plain French keys
    (the person reads it: « prénom », « échanges »…), dates in ISO 8601, UTC."""
    require(actor, Action.EXPORT_PERSONAL_DATA)
    with snapshot(store) as session:
        load_contact(session, contact_id)
        contact = _rows(session, select(table_of(Contact)).where(table_of(Contact).c.id == contact_id))[0]
        held: dict[str, Any] = _in_french(
            {
                "format": EXPORT_FORMAT,
                "exported_at": datetime.now(UTC).isoformat(),
                "contact": {k: v for k, v in contact.items() if k not in _DERIVED},
                "tags": sorted(
                    session.scalars(
                        select(Tag.name)
                        .join(contact_tags, contact_tags.c.tag_id == Tag.id)
                        .where(contact_tags.c.contact_id == contact_id)
                    )
                ),
                "circle_moves": _rows(
                    session,
                    select(table_of(CircleMove))
                    .where(CircleMove.contact_id == contact_id)
                    .order_by(CircleMove.moved_at),
                ),
                "touch_points": _rows(
                    session,
                    select(table_of(TouchPoint))
                    .where(TouchPoint.contact_id == contact_id)
                    .order_by(TouchPoint.occurred_at),
                ),
                "consents": _rows(
                    session,
                    select(table_of(Consent)).where(Consent.contact_id == contact_id).order_by(Consent.given_at),
                ),
                "merges": _merges(session, contact_id),
                "other_records": _other_records(session, contact_id),
            }
        )
        return held


def export_person_to_file(db: Database, actor: Actor, contact_id: int, target: Path) -> Path:
    """Write :func:`export_person` as a JSON file (UTF-8, owner-only, whole or not at all); audited."""
    with audited(db, actor, Action.EXPORT_PERSONAL_DATA, f"json:personal-data:contact:{contact_id}"):
        data = export_person(db, actor, contact_id)
        write_atomically(target, "utf-8", lambda stream: stream.write(json.dumps(data, ensure_ascii=False, indent=2)))
    return target


# The export's keys as a French reader says them; a column unknown here keeps its own name
# (tests/services/test_personal_data.py fails when a column about a person is missing).
_FRENCH_KEYS = {
    # already French
    "format": "format",
    "contact": "contact",
    "organisation": "organisation",
    "source": "source",
    "notes": "notes",
    # sections
    "exported_at": "exporté_le",
    "tags": "étiquettes",
    "circle_moves": "historique_des_cercles",
    "touch_points": "échanges",
    "consents": "consentements",
    "merges": "fusions",
    "other_records": "autres_données",
    # other areas' tables, by name
    "contributions": "contributions",
    # contact
    "id": "numéro",
    "kind": "type",
    "first_name": "prénom",
    "last_name": "nom",
    "role": "fonction",
    "email": "e_mail",
    "email_secondary": "e_mail_secondaire",
    "phone": "téléphone",
    "phone_secondary": "téléphone_secondaire",
    "email_key": "clé_e_mail",
    "phone_key": "clé_téléphone",
    "address": "adresse",
    "postcode": "code_postal",
    "city": "ville",
    "country": "pays",
    "circle": "cercle",
    "is_ambassador": "ambassadeur",
    "is_critic": "détracteur",
    "last_touch_at": "dernier_échange_le",
    "archived_at": "archivé_le",
    "anonymised_at": "effacé_le",
    "created_at": "créé_le",
    "updated_at": "modifié_le",
    "version_id": "version",
    # circle moves, touch points, consents
    "contact_id": "numéro_du_contact",
    "moved_at": "date",
    "from_circle": "cercle_de_départ",
    "to_circle": "cercle_d_arrivée",
    "moved_by": "par",
    "reason": "raison",
    "occurred_at": "date",
    "summary": "résumé",
    "created_by": "saisi_par",
    "purpose": "finalité",
    "given_at": "donné_le",
    "wording": "texte_accepté",
    "withdrawn_at": "retiré_le",
    "recorded_by": "enregistré_par",
    # merges
    "merged_at": "fusionné_le",
    "merged_by": "fusionné_par",
    "kept_id": "numéro_gardé",
    "absorbed_id": "numéro_absorbé",
    "undone_at": "annulée_le",
    "kept_before": "fiche_gardée_avant",
    "absorbed_before": "fiche_absorbée_avant",
    # contributions
    "campaign_id": "numéro_de_campagne",
    "tier_id": "numéro_de_contrepartie",
    "amount_cents": "montant_en_centimes",
    "contributed_at": "date",
    "platform": "plateforme",
    "platform_reference": "référence_sur_la_plateforme",
    "payment_status": "statut_du_paiement",
    "anonymous": "anonyme",
    "backer_name": "nom_du_contributeur",
    "brought_contact": "venu_par_la_campagne",
    "shipping_cents": "frais_de_port_en_centimes",
    "ship_first_name": "prénom_de_livraison",
    "ship_last_name": "nom_de_livraison",
    "ship_address": "adresse_de_livraison",
    "ship_postcode": "code_postal_de_livraison",
    "ship_city": "ville_de_livraison",
    "ship_country": "pays_de_livraison",
    # publications an ambassador or a partner publishes
    "publications": "publications",
    "title": "titre",
    "body": "texte",
    "pillar_id": "numéro_du_pilier",
    "target_circle": "cercle_visé",
    "target_segment_id": "numéro_du_segment_visé",
    "planned_on": "jour_prévu",
    "planned_time": "heure_prévue",
    "author": "auteur",
    "status": "statut",
    "link": "lien",
    "attachments": "pièces_jointes",
    "sponsored": "rémunérée_ou_offerte",
    "commercial_mention": "mention_collaboration_commerciale",
    "partner_contact_id": "numéro_du_partenaire",
    "approved_by": "approuvée_par",
    "approved_at": "approuvée_le",
    "published_at": "publiée_le",
    # the ambassador programme, and who brought a contact or a contribution
    "ambassadors": "ambassadeurs",
    "referred_by_id": "parrainé_par_l_ambassadeur",
    "type": "type_d_ambassadeur",
    "roles": "rôles",
    "territory": "territoire",
    "skills": "compétences",
    "stage": "étape",
    "stage_since": "à_cette_étape_depuis_le",
    "referral_code": "code_de_parrainage",
    # events: those the person organised, attended, and the sign-in sheet lines they wrote
    "events": "événements_organisés",
    "event_participants": "participations_aux_événements",
    "sign_in_lines": "lignes_de_feuilles_d_émargement",
    "name": "intitulé",
    "starts_on": "date_de_l_événement",
    "starts_time": "heure_de_début",
    "ends_time": "heure_de_fin",
    "place": "lieu",
    "url": "adresse_web",
    "organiser_contact_id": "numéro_de_l_organisateur",
    "expected_circles": "cercles_attendus",
    "capacity": "capacité",
    "description": "description",
    "wording_version": "version_des_textes_de_consentement",
    "event_id": "numéro_de_l_événement",
    "invited_from": "invité_depuis_le_segment",
    "registered_on": "inscrit_le",
    "sheet_line": "ligne_de_la_feuille",
    "line_no": "numéro_de_ligne",
    "outcome": "résultat_de_la_saisie",
    "saved_at": "saisie_le",
    "saved_by": "saisie_par",
}


def french_key(name: str) -> str:
    """The export's key for a column or section ``name`` (itself when no French name is known)."""
    return _FRENCH_KEYS.get(name, name)


def french_keys() -> Mapping[str, str]:
    """Every French key of the export, by the column or section it names."""
    return MappingProxyType(_FRENCH_KEYS)


def _in_french(value: Any) -> Any:
    if isinstance(value, dict):
        return {_FRENCH_KEYS.get(k, k): _in_french(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_in_french(v) for v in value]
    return value


def _merges(session: Session, contact_id: int) -> list[dict[str, Any]]:
    merges = session.scalars(
        select(ContactMerge)
        .where(or_(ContactMerge.kept_id == contact_id, ContactMerge.absorbed_id == contact_id))
        .order_by(ContactMerge.merged_at)
    )
    return [
        {
            "merged_at": _plain(m.merged_at),
            "merged_by": m.merged_by,
            "kept_id": m.kept_id,
            "absorbed_id": m.absorbed_id,
            "undone_at": _plain(m.undone_at),
            "kept_before": _without_derived(m.kept_before),
            "absorbed_before": _without_derived(m.absorbed_before),
        }
        for m in merges
    ]


def _other_records(session: Session, contact_id: int) -> dict[str, list[dict[str, Any]]]:
    """Rows of other areas (campaign contributions...) that refer to the person."""
    found: dict[str, list[dict[str, Any]]] = {}
    for table, column in tables_referring_to_contacts():
        if table.name in _OWN_SECTIONS:
            continue
        rows = _rows(session, select(table).where(table.c[column] == contact_id))
        if rows:
            found.setdefault(table.name, []).extend(rows)
    return found


def _without_derived(snapshot: str) -> dict[str, Any]:
    data = json.loads(snapshot or "{}")
    return {k: v for k, v in data.items() if k not in _DERIVED} if isinstance(data, dict) else {}


def _rows(session: Session, query: Any) -> list[dict[str, Any]]:
    return [{k: _plain(v) for k, v in row._mapping.items()} for row in session.execute(query)]


def _plain(value: Any) -> Any:
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    return value


# -- erasure ------------------------------------------------------------------------------


def erase_person(db: Database, actor: Actor, contact_id: int, *, confirm: bool) -> ErasureReport:
    """Anonymise a person for good (right to erasure); ``confirm=True`` is required.

    The contacts merged into this one are erased with it, and the merge journal forgets
    both (those merges can no longer be undone). Its touch points stay (kind and date only)
    and still count; the contact leaves its circle's count as it leaves the lists. The erasure is
    recorded in the journal beside the base (a restored older backup forgets them again),
    then the file is scrubbed: no trace in the search index, free space or ``-wal``.
    Its own transaction (a ``Database``, not a caller's session): the scrub follows the commit.
    """
    target = f"contact:{contact_id}"
    # The entry of a done erasure is committed with it, before the scrub (which leaves an empty WAL).
    with audited(db, actor, Action.ERASE_PERSONAL_DATA, target, ok=False):
        require(actor, Action.ERASE_PERSONAL_DATA)
        if confirm is not True:
            raise UserError(_("L'effacement est définitif : il doit être confirmé explicitement."))
        with (
            db.transaction(_("l'effacement en cours")) as session,
            secure_erase.zeroing_deletes(session.connection()),
        ):
            contact = load_contact(session, contact_id)
            if contact.anonymised_at is not None:
                raise UserError(_("Ce contact a déjà été effacé."))
            ids = _with_absorbed(session, contact_id)
            erased = [erasure_journal.ErasedContact(i, load_contact(session, i).created_at) for i in ids]
            now = utcnow()
            touch_points = _erase(session, ids, now)
            # Journaled before the commit: an erasure is never committed without its entry. A
            # commit that fails after it leaves an entry for an erasure that was asked for and
            # reported as failed; a restore would only carry out that wish.
            erasure_journal.record(db.path, erased, now)
            audit_record(session, actor, Action.ERASE_PERSONAL_DATA, target)
        with db.write_turn(_("l'effacement en cours")):  # VACUUM writes the whole file
            scrubbed = secure_erase.forget_freed_data(db.engine)
        return ErasureReport(len(ids), touch_points, tuple(ids), scrubbed)


def _erase(session: Session, ids: list[int], now: datetime) -> int:
    """Blank every personal field of ``ids`` and of the rows about them; returns the touch points kept."""
    for person in ids:
        row = load_contact(session, person)
        for name in _BLANKED:
            setattr(row, name, "")
        row.anonymised_at = now
    session.flush()
    session.execute(update(TouchPoint).where(TouchPoint.contact_id.in_(ids)).values(summary=""))
    session.execute(update(CircleMove).where(CircleMove.contact_id.in_(ids)).values(reason=""))
    session.execute(
        update(Consent).where(Consent.contact_id.in_(ids), Consent.withdrawn_at.is_(None)).values(withdrawn_at=now)
    )
    session.execute(delete(contact_tags).where(contact_tags.c.contact_id.in_(ids)))
    session.execute(
        update(ContactMerge)
        .where(or_(ContactMerge.kept_id.in_(ids), ContactMerge.absorbed_id.in_(ids)))
        .values(kept_before="{}", absorbed_before="{}", purged_at=now)
    )
    for module in ERASURE_STEP_MODULES:
        importlib.import_module(module)
    for step in _erasure_steps:
        step(session, ids)
    touch_points = session.scalar(select(func.count()).select_from(TouchPoint).where(TouchPoint.contact_id.in_(ids)))
    search_index.refresh(session.connection())  # the person leaves the search index now
    expire_contacts(session, ids, ["tags", "touch_points", "moves"])
    return int(touch_points or 0)


def _with_absorbed(session: Session, contact_id: int) -> list[int]:
    """The contact and every contact merged into it (still merged), transitively."""
    ids = [contact_id]
    index = 0
    while index < len(ids):
        absorbed = session.scalars(
            select(ContactMerge.absorbed_id).where(ContactMerge.kept_id == ids[index], ContactMerge.undone_at.is_(None))
        )
        ids += [a for a in absorbed if a not in ids]
        index += 1
    return ids


# -- erasures and restored backups ------------------------------------------------------


@contextmanager
def backup_without_erased(backup: Path, database: Path) -> Iterator[Path]:
    """``backup`` fit to replace ``database``: every erasure in the base's journal made again.

    The journal is read first: an unreadable one refuses the restore before anything is
    replaced. Without erasures to make, ``backup`` itself. Otherwise a scrubbed copy in a
    private folder beside the base (0700, removed after): the backup is copied, upgraded to
    this version's schema, the journal's contacts erased again (only rows with the same
    creation time: never someone else from another base) and the file scrubbed, so that the
    restored base holds no trace of them from its first use on. Re-applying is idempotent:
    a backup made after an erasure already lacks the person and is left as it is.
    """
    erased = erasure_journal.read(database)
    if not erased:
        yield backup
        return
    from communitydesk.db.backup import backup_to
    from communitydesk.db.database import open_database

    with tempfile.TemporaryDirectory(prefix=".restauration-", dir=database.parent) as folder:
        # The migration's own backup lands in this folder's backups/, and goes with it.
        staged = backup_to(backup, Path(folder) / database.name)
        db = open_database(staged)
        try:
            _reapply(db, erased)
        finally:
            db.close()
        yield staged


def _reapply(db: Database, erased: Sequence[erasure_journal.ErasedContact]) -> None:
    """Erase again the journal's contacts still present in ``db`` (no actor: the erasure was decided)."""
    with db.transaction() as session, secure_erase.zeroing_deletes(session.connection()):
        ids = []
        for entry in erased:
            row = session.get(Contact, entry.id)
            if row is not None and row.anonymised_at is None and row.created_at == entry.created_at:
                ids.append(entry.id)
        if ids:
            _erase(session, ids, utcnow())
    secure_erase.forget_freed_data(db.engine)  # nobody else has this private copy open: always completes
