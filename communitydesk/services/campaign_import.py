"""Import a platform's CSV export of contributions into a campaign.

One transaction for the whole file. By default all or nothing: when any row has a
problem (negative amount, unknown tier, unreadable date, missing reference...) the
summary lists every problem with its line and column and NOTHING of the file is
written. With ``skip_bad_lines`` the good lines are written and the bad ones listed
(an order of several lines is left out whole). A dry run computes the same summary
and writes nothing.

Re-importing is idempotent: a contribution is known by (platform, reference). Seen
again unchanged it is skipped; seen with another status, amount or tier (a refund
since the last export) it is updated.

Backers are matched to contacts by normalised e-mail, then phone; otherwise a contact
is created in the grand public circle with source "campagne <name>" (and the
contribution remembers it brought that contact in). Blank address fields of a matched
contact are filled from the export; nothing a user typed is overwritten. Tiers are
matched by title (accents and case ignored); a campaign without any tier gets the
tiers named in the file. A reward name the campaign does not know is an error on its
lines unless ``tier_choices`` says what to do with it: map it to an existing tier,
create it (priced at the lowest unit amount paid for it), or leave its lines out. The
preview lists these names (``ImportPreview.unknown_tiers``) before anything is written.

A referral column (« Code parrain »…) names the ambassador who brought the contribution,
whatever the case or the spaces of the code (``contributions.referred_by_id``, and the
contact's when the import creates it); an unknown code is a warning, the line is imported.

An order file (Ulule's export) keeps each order's lines (reward, quantity, unit amount),
its postage and the shipping address the platform gave on the contribution.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from communitydesk.db.change_collector import mark
from communitydesk.db.database import Database
from communitydesk.errors import UserError, ValidationError
from communitydesk.i18n import _, ngettext
from communitydesk.importers import contributions_csv as reader
from communitydesk.importers.contact_records import RowError, country_code
from communitydesk.importers.contributions_csv import ParsedContribution, ParsedFile
from communitydesk.models.ambassadors import Ambassador
from communitydesk.models.campaigns import Campaign, Contribution, ContributionLine, ImportMapping, Tier
from communitydesk.models.contacts import NOT_ERASED, CircleMove, Contact
from communitydesk.records.campaigns import CampaignInput
from communitydesk.records.changes import Changes
from communitydesk.rules.ambassadors import referral_code_key
from communitydesk.rules.campaigns import SHIPPING_FIELDS, CampaignStatus, PaymentStatus, Platform
from communitydesk.rules.circles import Circle
from communitydesk.rules.contact_keys import email_key, phone_key
from communitydesk.services import campaigns as campaign_service
from communitydesk.services.permissions import Action, Actor, require
from communitydesk.services.store import Store, snapshot, unit_of_work
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
    left_out: int = 0  # contributions naming a reward the user chose to leave out (counted in skipped too)
    campaign_id: int | None = None
    campaign_created: bool = False
    dry_run: bool = False
    skip_bad_lines: bool = False

    @property
    def accepted(self) -> bool:
        """Whether the import writes (or, dry, would write): no bad line, or good lines kept beside them."""
        if not self.errors:
            return True
        return self.skip_bad_lines and bool(self.created or self.updated or self.skipped)

    @property
    def written(self) -> bool:
        return not self.dry_run and self.accepted

    def as_json(self) -> dict[str, Any]:
        """The shape shared with the contacts import: created, updated, skipped, errors, warnings."""
        return {
            "created": self.created,
            "updated": self.updated,
            "skipped": self.skipped,
            "errors": [error.as_dict() for error in self.errors],
            "warnings": [warning.as_dict() for warning in self.warnings],
        }


class TierAction(StrEnum):
    MAP = "map"  # to an existing tier of the campaign
    CREATE = "create"
    SKIP = "skip"  # leave the lines naming it out


@dataclass(frozen=True)
class TierChoice:
    """What to do with a reward name the campaign does not know."""

    action: TierAction
    tier_id: int | None = None  # for MAP


@dataclass(frozen=True)
class UnknownTier:
    """A reward name of the file that no tier of the campaign has."""

    title: str
    lines: tuple[int, ...]
    amount_cents: int  # the price it would be created at: the lowest unit amount paid for it


@dataclass(frozen=True)
class ImportPreview:
    headers: list[str]
    columns: dict[str, str]  # field -> header of the file
    encoding: str
    delimiter: str
    rows: list[ParsedContribution]  # the first PREVIEW_ROWS readable rows
    total_rows: int
    errors: list[RowError]
    contributions: int = 0  # readable contributions (an order of several lines is one)
    unknown_tiers: list[UnknownTier] = field(default_factory=list)
    tiers: list[tuple[int, str]] = field(default_factory=list)  # the campaign's (id, title)


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
    require(actor, Action.IMPORT)
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
        raise ValidationError(
            ngettext("Champ inconnu : {names}.", "Champs inconnus : {names}.", len(unknown), names=", ".join(unknown)),
            field="columns",
        )
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
    require(actor, Action.IMPORT)
    with db.snapshot() as session:
        row = session.scalars(select(ImportMapping).where(ImportMapping.name == name)).first()
        if row is None:
            raise UserError(_("Aucune correspondance de colonnes ne s'appelle « {name} ».", name=name))
        return dict(json.loads(row.columns))


# ---------------------------------------------------------------- preview


def preview_contributions(
    path: Path,
    actor: Actor,
    platform: str,
    mapping: Mapping[str, str] | None = None,
    *,
    store: Store | None = None,
    campaign: str | int | None = None,
) -> ImportPreview:
    """Read the file and write nothing: columns found, first rows, reading errors, and (given
    the base and the campaign) the reward names the campaign does not know."""
    require(actor, Action.IMPORT)
    parsed = reader.read_contributions(path, platform, mapping)
    tiers: list[tuple[int, str]] = []
    if store is not None and campaign is not None:
        with snapshot(store) as session:
            row = campaign_service.find_campaign_row(session, campaign)
            if row is not None:
                tiers = [(tier.id, tier.title) for tier in row.tiers]
    known = {reader.fold_header(title) for _id, title in tiers}
    return ImportPreview(
        headers=parsed.table.headers,
        columns={name: parsed.table.headers[index] for name, index in parsed.columns.items()},
        encoding=parsed.table.encoding,
        delimiter=parsed.table.delimiter,
        rows=parsed.rows[:PREVIEW_ROWS],
        total_rows=len(parsed.table.rows),
        errors=parsed.errors,
        contributions=len(parsed.rows),
        unknown_tiers=[tier for tier in named_tiers(parsed) if reader.fold_header(tier.title) not in known],
        tiers=tiers,
    )


def named_tiers(parsed: ParsedFile) -> list[UnknownTier]:
    """Every reward name of the file, with its lines and its lowest paid unit amount, cheapest first."""
    titles: dict[str, str] = {}
    lines: dict[str, list[int]] = {}
    paid: dict[str, list[int]] = {}  # unit amounts of valid payments only: a refund says nothing of the price
    for row in parsed.rows:
        units = {line.line: line.unit_cents for line in row.lines} or {row.line: row.amount_cents}
        for line, title in row.tier_lines():
            key = reader.fold_header(title)
            titles.setdefault(key, title)
            lines.setdefault(key, []).append(line)
            if row.status == PaymentStatus.VALID.value:
                paid.setdefault(key, []).append(units[line])
    tiers = [UnknownTier(title, tuple(lines[key]), min(paid.get(key, [0]))) for key, title in titles.items()]
    return sorted(tiers, key=lambda tier: (tier.amount_cents, reader.fold_header(tier.title)))


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
    skip_bad_lines: bool = False,
    tier_choices: Mapping[str, TierChoice] | None = None,
    progress: Progress | None = None,
) -> ContributionImportSummary:
    """Import ``path`` into the campaign named (or numbered) ``campaign``; see the module docstring.

    ``create`` creates the campaign when none has that name. ``skip_bad_lines`` writes the
    good lines when others are bad (listed in ``errors``); otherwise any bad line and
    nothing is written. ``tier_choices``: {reward name of the file: what to do with it}.
    ``progress(done, total)`` is called per row and may raise to cancel: nothing is
    written then either.
    """
    require(actor, Action.IMPORT)
    parsed = reader.read_contributions(path, platform, mapping)
    summary = ContributionImportSummary(
        dry_run=dry_run,
        skip_bad_lines=skip_bad_lines,
        errors=list(parsed.errors),
        warnings=list(parsed.table.warnings),
    )
    if parsed.errors and not parsed.rows and any(e.line == 1 for e in parsed.errors):
        return summary  # the header itself is unusable: nothing more to say per row
    choices = {reader.fold_header(title): choice for title, choice in (tier_choices or {}).items()}
    try:
        with unit_of_work(db, _("l'import en cours")) as session:
            _import_rows(session, actor, parsed, campaign, platform, create, choices, summary, progress)
            if dry_run or not summary.accepted:
                raise _Abort
    except _Abort:
        pass
    summary.errors.sort(key=lambda e: (e.line, e.field))
    summary.warnings.sort(key=lambda e: e.line)
    if not summary.accepted and not dry_run:
        # Nothing was written: say so in the figures too.
        summary.created = summary.updated = summary.skipped = summary.new_contacts = summary.left_out = 0
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
    choices: Mapping[str, TierChoice],
    summary: ContributionImportSummary,
    progress: Progress | None,
) -> None:
    campaign = _resolve_campaign(session, actor, name_or_id, platform, create, parsed, summary)
    summary.campaign_id = campaign.id
    # "generic" says how to read the file, not where the money came from: the campaign knows.
    source_platform = campaign.platform if platform == "generic" else platform
    tiers = _TierResolver(session, campaign, parsed, choices, summary)
    references = [r.reference for r in parsed.rows]
    existing: dict[str, Contribution] = {}
    for chunk_start in range(0, len(references), 500):
        chunk = references[chunk_start : chunk_start + 500]
        query = select(Contribution).where(
            Contribution.platform == source_platform, Contribution.platform_reference.in_(chunk)
        )
        existing.update({c.platform_reference or "": c for c in session.scalars(query)})
    backers = _BackerMatcher(session, campaign)
    referrals = _ReferralCodes(session, parsed, summary)
    touched: set[int] = set()
    total = len(parsed.rows)
    for done, row in enumerate(parsed.rows, start=1):
        if progress is not None:
            progress(done, total)
        resolved = tiers.for_row(row)
        if resolved is None:
            continue
        tier_id, line_tiers = resolved
        referred_by = referrals.ambassador_for(row)
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
            if _update(session, found, row, tier_id, line_tiers, referred_by):
                summary.updated += 1
            else:
                summary.skipped += 1
        else:
            contact, created = backers.contact_for(row, actor, referred_by)
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
                referred_by_id=referred_by,
                shipping_cents=row.shipping_cents,
                **_shipping(row),
                lines=_order_lines(row, line_tiers),
            )
            session.add(contribution)
            existing[row.reference] = contribution
            if contact is not None:
                campaign_service.record_contribution_touch(
                    session, actor, contact.id, campaign, row.amount_cents, row.contributed_at
                )
                touched.add(contact.id)
            summary.created += 1
    summary.new_contacts = backers.created
    summary.matched_contacts = backers.matched
    if touched:
        refresh_last_touch(session, sorted(touched))
    if referrals.attributed:  # what the ambassadors brought changed
        mark(session, Changes.of("ambassadors"))
    session.flush()


def _shipping(row: ParsedContribution) -> dict[str, str]:
    limits = {"ship_address": None, "ship_postcode": 20}
    return {name: getattr(row, name)[: limits.get(name, 100)] for name in SHIPPING_FIELDS}


def _order_lines(row: ParsedContribution, line_tiers: Mapping[int, int | None]) -> list[ContributionLine]:
    return [
        ContributionLine(
            position=position, tier_id=line_tiers.get(line.line), quantity=line.quantity, unit_cents=line.unit_cents
        )
        for position, line in enumerate(row.lines)
    ]


def _update(
    session: Session,
    found: Contribution,
    row: ParsedContribution,
    tier_id: int | None,
    line_tiers: Mapping[int, int | None],
    referred_by: int | None = None,
) -> bool:
    """Bring a known contribution up to date with a later export; whether anything changed."""
    changed = False
    wanted: dict[str, Any] = {
        "payment_status": row.status,
        "amount_cents": row.amount_cents,
        "tier_id": tier_id,
        "anonymous": row.anonymous,
    }
    if referred_by is not None:  # a code the file gives; a blank or unknown one removes nothing
        wanted["referred_by_id"] = referred_by
    if row.lines:  # a file of one line per contribution says nothing of the order's lines
        wanted.update(shipping_cents=row.shipping_cents, **_shipping(row))
    for name, value in wanted.items():
        if getattr(found, name) != value:
            setattr(found, name, value)
            changed = True
    lines = _order_lines(row, line_tiers)
    if row.lines and [(x.tier_id, x.quantity, x.unit_cents) for x in found.lines] != [
        (x.tier_id, x.quantity, x.unit_cents) for x in lines
    ]:
        found.lines = lines
        session.flush()
        changed = True
    return changed


class _TierResolver:
    """The tier of each reward name of the file: the campaign's, or what ``choices`` say.

    A campaign without any tier takes those the file names, priced at the lowest unit
    amount paid for them. A name neither known nor chosen is an error on its lines."""

    def __init__(
        self,
        session: Session,
        campaign: Campaign,
        parsed: ParsedFile,
        choices: Mapping[str, TierChoice],
        summary: ContributionImportSummary,
    ) -> None:
        self.session, self.campaign, self.parsed, self.summary = session, campaign, parsed, summary
        self.known = {reader.fold_header(t.title): t.id for t in campaign.tiers}
        self.own = {t.id for t in campaign.tiers}
        self.titles = sorted(t.title for t in campaign.tiers)
        self.choices = dict(choices)
        self.skipped: set[str] = set()
        create = TierChoice(TierAction.CREATE)
        named = named_tiers(parsed)
        if not self.known:
            self.choices = {reader.fold_header(tier.title): create for tier in named} | self.choices
        for tier in named:  # created cheapest first, as they are listed
            key = reader.fold_header(tier.title)
            choice = self.choices.get(key)
            if key in self.known or choice is None:
                continue
            if choice.action == TierAction.CREATE:
                row = Tier(campaign_id=campaign.id, title=tier.title[:200], amount_cents=tier.amount_cents)
                session.add(row)
                session.flush()
                self.known[key] = row.id
                summary.created_tiers.append(row.title)
            elif choice.action == TierAction.MAP:
                if choice.tier_id not in self.own:
                    raise UserError(
                        _(
                            "La contrepartie choisie pour « {title} » n'est pas une contrepartie de la campagne.",
                            title=tier.title,
                        )
                    )
                assert choice.tier_id is not None
                self.known[key] = choice.tier_id
            else:
                self.skipped.add(key)
        session.expire(campaign, ["tiers"])

    def for_row(self, row: ParsedContribution) -> tuple[int | None, dict[int, int | None]] | None:
        """(the contribution's tier, {line: tier}), or None when the row is left out (listed)."""
        line_tiers: dict[int, int | None] = {line.line: None for line in row.lines}
        unknown: list[tuple[int, str]] = []
        skipped: list[tuple[int, str]] = []
        for line, title in row.tier_lines():
            key = reader.fold_header(title)
            if key in self.known:
                line_tiers[line] = self.known[key]
            elif key in self.skipped:
                skipped.append((line, title))
            else:
                unknown.append((line, title))
        column = self.parsed.column_header("tier")
        for line, title in unknown:
            known = ", ".join(self.titles) or _("aucune")
            self.summary.errors.append(
                RowError(
                    line,
                    column,
                    _(
                        "contrepartie inconnue « {tier} » (contreparties de la campagne : {known})",
                        tier=title,
                        known=known,
                    ),
                )
            )
        if unknown:
            return None
        if skipped:
            self.summary.skipped += 1
            self.summary.left_out += 1
            for line, title in skipped:
                self.summary.warnings.append(
                    RowError(
                        line, column, _("ligne laissée de côté, comme demandé : contrepartie « {tier} »", tier=title)
                    )
                )
            return None
        tier_id = self.known.get(reader.fold_header(row.tier)) if row.tier else None
        return tier_id, line_tiers


class _ReferralCodes:
    """The ambassador each row's referral code names, whatever its case or spaces; an unknown
    code is a warning on its line (the contribution is imported without a referrer)."""

    def __init__(self, session: Session, parsed: ParsedFile, summary: ContributionImportSummary) -> None:
        self.parsed, self.summary = parsed, summary
        self.ids: dict[str, int] = {}
        if "referral_code" in parsed.columns:
            codes = session.execute(select(Ambassador.id, Ambassador.referral_code)).all()
            self.ids = {referral_code_key(code): ambassador_id for ambassador_id, code in codes}
        self.attributed = 0

    def ambassador_for(self, row: ParsedContribution) -> int | None:
        if not row.referral_code:
            return None
        ambassador_id = self.ids.get(referral_code_key(row.referral_code))
        if ambassador_id is None:
            self.summary.warnings.append(
                RowError(
                    row.line,
                    self.parsed.column_header("referral_code"),
                    _(
                        "code de parrainage inconnu « {code} » : la contribution est importée sans parrain",
                        code=row.referral_code,
                    ),
                )
            )
        else:
            self.attributed += 1
        return ambassador_id


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

    def contact_for(
        self, row: ParsedContribution, actor: Actor, referred_by: int | None = None
    ) -> tuple[Contact | None, bool]:
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
            contact = self._create(row, e_key, p_key, actor, referred_by)
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

    def _create(
        self, row: ParsedContribution, e_key: str, p_key: str, actor: Actor, referred_by: int | None
    ) -> Contact:
        country = country_code(row.country) if row.country.strip() else None
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
            country=country or "FR",
            circle=Circle.GRAND_PUBLIC.value,
            source=_("campagne {name}", name=self.campaign.name)[:100],
            referred_by_id=referred_by,  # brought by the ambassador who brought the money
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
