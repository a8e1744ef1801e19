"""Import a platform's CSV export of contributions into a campaign, all or nothing.

One transaction for the whole file: when any row has a problem (negative amount,
unknown tier, unreadable date, missing reference...) the summary lists every problem
with its line and column and NOTHING of the file is written; a dry run computes the
same summary and writes nothing either.

Re-importing is idempotent: a contribution is known by (platform, reference). Seen
again unchanged it is skipped; seen with another status, amount or tier (a refund
since the last export) it is updated.

Backers are matched to contacts by normalised e-mail, then phone; otherwise a contact
is created in the grand public circle with source "campagne <name>" (and the
contribution remembers it brought that contact in). Blank address fields of a matched
contact are filled from the export; nothing a user typed is overwritten. Tiers are
matched by title (accents and case ignored); a campaign without any tier gets the
tiers named in the file, a campaign with tiers reports unknown ones as errors.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from communitydesk.db.database import Database
from communitydesk.errors import UserError, ValidationError
from communitydesk.i18n import _
from communitydesk.importers import contributions_csv as reader
from communitydesk.importers.contact_records import RowError
from communitydesk.importers.contributions_csv import ParsedContribution, ParsedFile
from communitydesk.models.campaigns import Campaign, Contribution, ImportMapping, Tier
from communitydesk.models.contacts import NOT_ERASED, CircleMove, Contact
from communitydesk.records.campaigns import CampaignInput
from communitydesk.rules.campaigns import CampaignStatus, PaymentStatus, Platform
from communitydesk.rules.circles import Circle
from communitydesk.rules.contact_keys import email_key, phone_key
from communitydesk.services import campaigns as campaign_service
from communitydesk.services.permissions import Action, Actor, require
from communitydesk.services.touch_points import refresh_last_touch

Progress = Callable[[int, int], None]
PREVIEW_ROWS = 50


@dataclass
class ContributionImportSummary:
    created: int = 0
    updated: int = 0
    skipped: int = 0
    errors: list[RowError] = field(default_factory=list)
    warnings: list[RowError] = field(default_factory=list)
    new_contacts: int = 0
    matched_contacts: int = 0
    created_tiers: list[str] = field(default_factory=list)
    campaign_id: int | None = None
    campaign_created: bool = False
    dry_run: bool = False

    @property
    def written(self) -> bool:
        return not self.dry_run and not self.errors

    def as_json(self) -> dict[str, Any]:
        """The shape shared with the contacts import: created, updated, skipped, errors, warnings."""
        return {
            "created": self.created,
            "updated": self.updated,
            "skipped": self.skipped,
            "errors": [error.as_dict() for error in self.errors],
            "warnings": [warning.as_dict() for warning in self.warnings],
        }


@dataclass(frozen=True)
class ImportPreview:
    headers: list[str]
    columns: dict[str, str]  # field -> header of the file
    encoding: str
    delimiter: str
    rows: list[ParsedContribution]  # the first PREVIEW_ROWS readable rows
    total_rows: int
    errors: list[RowError]


@dataclass(frozen=True)
class SavedMapping:
    id: int
    name: str
    platform: str
    columns: dict[str, str]


class _Abort(Exception):
    """Leaves the transaction so that it rolls back (dry run, or errors found)."""


# ---------------------------------------------------------------- mappings


def list_mappings(db: Database, actor: Actor, platform: str | None = None) -> list[SavedMapping]:
    """Saved column mappings (for one platform when given), by name."""
    require(actor, Action.READ)
    with db.snapshot() as session:
        query = select(ImportMapping).order_by(ImportMapping.name)
        if platform is not None:
            query = query.where(ImportMapping.platform == platform)
        return [SavedMapping(m.id, m.name, m.platform, json.loads(m.columns)) for m in session.scalars(query)]


def save_mapping(db: Database, actor: Actor, name: str, platform: str, columns: Mapping[str, str]) -> SavedMapping:
    """Save (or replace) a named column mapping {field: header} for later imports."""
    require(actor, Action.IMPORT)
    name = " ".join(name.split())
    if not name:
        raise ValidationError(_("Donnez un nom à cette correspondance de colonnes."), field="name")
    unknown = [key for key in columns if key not in reader.FIELDS]
    if unknown:
        raise ValidationError(_("Champ(s) inconnu(s) : {names}.", names=", ".join(unknown)), field="columns")
    clean = {k: v for k, v in columns.items() if v}
    with db.transaction() as session:
        row = session.scalars(select(ImportMapping).where(ImportMapping.name == name)).first()
        if row is None:
            row = ImportMapping(name=name)
            session.add(row)
        row.platform = platform
        row.columns = json.dumps(clean, ensure_ascii=False, sort_keys=True)
        session.flush()
        return SavedMapping(row.id, row.name, row.platform, clean)


def load_mapping(db: Database, actor: Actor, name: str) -> dict[str, str]:
    require(actor, Action.READ)
    with db.snapshot() as session:
        row = session.scalars(select(ImportMapping).where(ImportMapping.name == name)).first()
        if row is None:
            raise UserError(_("Aucune correspondance de colonnes ne s'appelle « {name} ».", name=name))
        return dict(json.loads(row.columns))


# ---------------------------------------------------------------- preview


def preview_contributions(
    path: Path, actor: Actor, platform: str, mapping: Mapping[str, str] | None = None
) -> ImportPreview:
    """Read the file without touching the database: columns found, first rows, reading errors."""
    require(actor, Action.IMPORT)
    parsed = reader.read_contributions(path, platform, mapping)
    return _preview(parsed)


def _preview(parsed: ParsedFile) -> ImportPreview:
    return ImportPreview(
        headers=parsed.table.headers,
        columns={name: parsed.table.headers[index] for name, index in parsed.columns.items()},
        encoding=parsed.table.encoding,
        delimiter=parsed.table.delimiter,
        rows=parsed.rows[:PREVIEW_ROWS],
        total_rows=len(parsed.table.rows),
        errors=parsed.errors,
    )


# ---------------------------------------------------------------- import


def import_contributions(
    db: Database,
    actor: Actor,
    path: Path,
    campaign: str | int,
    platform: str,
    *,
    mapping: Mapping[str, str] | None = None,
    create: bool = False,
    dry_run: bool = False,
    progress: Progress | None = None,
) -> ContributionImportSummary:
    """Import ``path`` into the campaign named (or numbered) ``campaign``; see the module docstring.

    ``create`` creates the campaign when none has that name. ``progress(done, total)`` is
    called per row and may raise to cancel: nothing is written then either.
    """
    require(actor, Action.IMPORT)
    parsed = reader.read_contributions(path, platform, mapping)
    summary = ContributionImportSummary(
        dry_run=dry_run, errors=list(parsed.errors), warnings=list(parsed.table.warnings)
    )
    if parsed.errors and not parsed.rows and any(e.line == 1 for e in parsed.errors):
        return summary  # the header itself is unusable: nothing more to say per row
    try:
        with db.transaction(_("l'import en cours")) as session:
            _import_rows(session, actor, parsed, campaign, platform, create, summary, progress)
            if summary.errors or dry_run:
                raise _Abort
    except _Abort:
        pass
    if summary.errors:
        summary.errors.sort(key=lambda e: (e.line, e.field))
        if not dry_run:
            # Nothing was written: say so in the figures too.
            summary.created = summary.updated = summary.skipped = summary.new_contacts = 0
            summary.created_tiers = []
    return summary


def _resolve_campaign(
    session: Session,
    actor: Actor,
    name_or_id: str | int,
    platform: str,
    create: bool,
    parsed: ParsedFile,
    summary: ContributionImportSummary,
) -> Campaign:
    row = campaign_service.find_campaign_row(session, name_or_id)
    if row is not None:
        return row
    if not create:
        raise UserError(
            _(
                "Aucune campagne ne s'appelle « {name} ». Créez-la d'abord, ou ajoutez --create pour la créer "
                "pendant l'import.",
                name=name_or_id,
            )
        )
    days = sorted(campaign_service.local_day(r.contributed_at) for r in parsed.rows)
    record = campaign_service.create_campaign_in(
        session,
        actor,
        CampaignInput(
            name=str(name_or_id),
            platform=platform if platform in Platform.__members__.values() else "autre",
            status=CampaignStatus.EN_COURS.value,
            starts_on=days[0] if days else None,
        ),
    )
    summary.campaign_created = True
    created = session.get(Campaign, record.id)
    assert created is not None
    return created


def _import_rows(
    session: Session,
    actor: Actor,
    parsed: ParsedFile,
    name_or_id: str | int,
    platform: str,
    create: bool,
    summary: ContributionImportSummary,
    progress: Progress | None,
) -> None:
    campaign = _resolve_campaign(session, actor, name_or_id, platform, create, parsed, summary)
    summary.campaign_id = campaign.id
    # "generic" says how to read the file, not where the money came from: the campaign knows.
    source_platform = campaign.platform if platform == "generic" else platform
    tiers = _tiers_by_title(session, campaign, parsed, summary)
    references = [r.reference for r in parsed.rows]
    existing: dict[str, Contribution] = {}
    for chunk_start in range(0, len(references), 500):
        chunk = references[chunk_start : chunk_start + 500]
        query = select(Contribution).where(
            Contribution.platform == source_platform, Contribution.platform_reference.in_(chunk)
        )
        existing.update({c.platform_reference or "": c for c in session.scalars(query)})
    backers = _BackerMatcher(session, campaign)
    touched: set[int] = set()
    total = len(parsed.rows)
    for done, row in enumerate(parsed.rows, start=1):
        tier_id: int | None = None
        if row.tier is not None:
            tier_id = tiers.get(reader.fold_header(row.tier))
            if tier_id is None:
                known = ", ".join(sorted({t.title for t in campaign.tiers})) or _("aucune")
                summary.errors.append(
                    RowError(
                        row.line,
                        parsed.column_header("tier"),
                        _(
                            "contrepartie inconnue « {tier} » (contreparties de la campagne : {known})",
                            tier=row.tier,
                            known=known,
                        ),
                    )
                )
                continue
        found = existing.get(row.reference)
        if found is not None:
            if found.campaign_id != campaign.id:
                other = session.get(Campaign, found.campaign_id)
                summary.errors.append(
                    RowError(
                        row.line,
                        parsed.column_header("reference"),
                        _(
                            "la référence « {ref} » est déjà enregistrée pour la campagne « {name} »",
                            ref=row.reference,
                            name=other.name if other else "?",
                        ),
                    )
                )
                continue
            if (found.payment_status, found.amount_cents, found.tier_id, found.anonymous) != (
                row.status,
                row.amount_cents,
                tier_id,
                row.anonymous,
            ):
                found.payment_status, found.amount_cents = row.status, row.amount_cents
                found.tier_id, found.anonymous = tier_id, row.anonymous
                summary.updated += 1
            else:
                summary.skipped += 1
        else:
            contact, created = backers.contact_for(row, actor)
            contribution = Contribution(
                campaign_id=campaign.id,
                contact_id=contact.id if contact is not None else None,
                tier_id=tier_id,
                amount_cents=row.amount_cents,
                contributed_at=row.contributed_at,
                platform=source_platform,
                platform_reference=row.reference,
                payment_status=row.status,
                anonymous=row.anonymous,
                backer_name=row.backer_name[:200],
                brought_contact=created,
            )
            session.add(contribution)
            existing[row.reference] = contribution
            if contact is not None:
                campaign_service.record_contribution_touch(
                    session, actor, contact.id, campaign, row.amount_cents, row.contributed_at
                )
                touched.add(contact.id)
            summary.created += 1
        if progress is not None:
            progress(done, total)
    summary.new_contacts = backers.created
    summary.matched_contacts = backers.matched
    if touched:
        refresh_last_touch(session, sorted(touched))
    session.flush()


def _tiers_by_title(
    session: Session, campaign: Campaign, parsed: ParsedFile, summary: ContributionImportSummary
) -> dict[str, int]:
    tiers = {reader.fold_header(t.title): t.id for t in campaign.tiers}
    if tiers:
        return tiers
    # A campaign without tiers takes those the file names, priced at the lowest valid amount seen.
    lowest: dict[str, tuple[str, int]] = {}
    for row in parsed.rows:
        if row.tier is None:
            continue
        key = reader.fold_header(row.tier)
        amount = row.amount_cents if row.status == PaymentStatus.VALID.value else 10**12
        if key not in lowest or amount < lowest[key][1]:
            lowest[key] = (lowest.get(key, (row.tier, 0))[0], amount)
    for key, (title, amount) in sorted(lowest.items(), key=lambda item: item[1][1]):
        tier = Tier(campaign_id=campaign.id, title=title[:200], amount_cents=amount if amount < 10**12 else 0)
        session.add(tier)
        session.flush()
        tiers[key] = tier.id
        summary.created_tiers.append(tier.title)
    session.expire(campaign, ["tiers"])
    return tiers


class _BackerMatcher:
    """Finds or creates the contact behind each row, once per person within a file."""

    def __init__(self, session: Session, campaign: Campaign) -> None:
        self.session = session
        self.campaign = campaign
        self.by_email: dict[str, Contact] = {}
        self.by_phone: dict[str, Contact] = {}
        self.created = 0
        self.matched = 0

    def _find(self, column: Any, key: str) -> Contact | None:
        query = (
            select(Contact)
            .where(column == key, NOT_ERASED)
            .order_by(Contact.archived_at.is_not(None), Contact.id)  # active contacts first
        )
        return self.session.scalars(query).first()

    def contact_for(self, row: ParsedContribution, actor: Actor) -> tuple[Contact | None, bool]:
        e_key = email_key(row.email) if row.email else ""
        p_key = phone_key(row.phone) if row.phone else ""
        contact = self.by_email.get(e_key) if e_key else None
        if contact is None and p_key:
            contact = self.by_phone.get(p_key)
        if contact is None and e_key:
            contact = self._find(Contact.email_key, e_key)
        if contact is None and p_key:
            contact = self._find(Contact.phone_key, p_key)
        created = False
        if contact is not None:
            if contact.id not in {c.id for c in self.by_email.values()} | {c.id for c in self.by_phone.values()}:
                self.matched += 1
            self._fill_blanks(contact, row)
        elif e_key or p_key or row.first_name or row.last_name:
            contact = self._create(row, e_key, p_key, actor)
            created = True
        if contact is not None:
            if e_key:
                self.by_email.setdefault(e_key, contact)
            if p_key:
                self.by_phone.setdefault(p_key, contact)
        return contact, created

    def _fill_blanks(self, contact: Contact, row: ParsedContribution) -> None:
        for attribute in ("address", "postcode", "city"):
            if not getattr(contact, attribute) and getattr(row, attribute):
                setattr(contact, attribute, getattr(row, attribute))
        if not contact.phone and row.phone:
            contact.phone, contact.phone_key = row.phone, phone_key(row.phone)

    def _create(self, row: ParsedContribution, e_key: str, p_key: str, actor: Actor) -> Contact:
        country = row.country.strip().upper()
        contact = Contact(
            first_name=row.first_name[:100],
            last_name=row.last_name[:100],
            email=row.email[:254],
            email_key=e_key,
            phone=row.phone[:40],
            phone_key=p_key,
            address=row.address,
            postcode=row.postcode[:20],
            city=row.city[:100],
            country=country if len(country) == 2 and country.isalpha() else "FR",
            circle=Circle.GRAND_PUBLIC.value,
            source=_("campagne {name}", name=self.campaign.name)[:100],
        )
        self.session.add(contact)
        self.session.flush()
        self.session.add(
            CircleMove(
                contact_id=contact.id,
                moved_at=row.contributed_at,
                from_circle=None,
                to_circle=Circle.GRAND_PUBLIC.value,
                moved_by=actor.name,
                reason=_("Arrivée par la campagne « {name} »", name=self.campaign.name),
            )
        )
        self.created += 1
        return contact
