"""Ambassador programme: memberships, the funnel from candidat to actif, rewards, referral.

Each public function takes the open ``Database`` (or the caller's ``Session``) and the
acting ``Actor``, checks the right first, runs in one transaction and hands back plain
records (``records/ambassadors.py``). Missions live in ``services/missions.py``, the
charter in ``services/ambassador_charters.py``.

A stage moves only along ``rules.ambassadors.STAGE_TRANSITIONS``; every move is kept (who,
which day) in ``ambassador_stage_changes``, the enrolment included, and the funnel's
conversion rates are read from that history. The default roles, levels and charter v1 are
written once, on the first write of the programme (``ensure_defaults``), in the user's language.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterable, Sequence
from datetime import date, timedelta

from sqlalchemy import Select, delete, distinct, func, or_, select, update
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from communitydesk import formatting
from communitydesk.errors import ConflictError, UserError, ValidationError
from communitydesk.i18n import _
from communitydesk.models.ambassadors import (
    Ambassador,
    AmbassadorAudience,
    AmbassadorCharter,
    AmbassadorLevel,
    AmbassadorReward,
    AmbassadorRole,
    AmbassadorStageChange,
    CharterSignature,
    Mission,
)
from communitydesk.models.campaigns import Contribution
from communitydesk.models.contacts import Contact
from communitydesk.models.organisation import AppSetting
from communitydesk.records.ambassadors import (
    AmbassadorDraft,
    AmbassadorFilter,
    AmbassadorRecord,
    AmbassadorRow,
    FunnelRecord,
    FunnelStep,
    LevelRecord,
    ReferralCounts,
    RewardRecord,
    RoleRecord,
    SignatureRecord,
    StageChangeRecord,
)
from communitydesk.rules import ambassador_levels
from communitydesk.rules.ambassadors import (
    FUNNEL,
    AmbassadorType,
    RewardKind,
    Stage,
    can_move,
    default_charter,
    default_roles,
    referral_code_key,
    referral_url,
)
from communitydesk.rules.contact_keys import fold
from communitydesk.rules.editorial import Network
from communitydesk.services import gdpr, settings
from communitydesk.services.ambassador_levels import levels_in, standings_in
from communitydesk.services.missions import mission_records
from communitydesk.services.permissions import Action, Actor, require
from communitydesk.services.store import Store, snapshot, unit_of_work

# Read aloud and typed from paper: no 0/O, no 1/I.
CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 6
DEFAULTS_KEY = "ambassadors.defaults_written"
_LIMITS = {"territory": 200}
_Listing = Select[Ambassador, Contact]


# ---------------------------------------------------------------- defaults


def ensure_defaults(session: Session) -> None:
    """Write the four roles, the five levels and charter v1 once per base (a later empty list stays empty)."""
    if session.get(AppSetting, DEFAULTS_KEY) is not None:
        return
    if session.scalar(select(func.count()).select_from(AmbassadorRole)) == 0:
        for position, (name, description) in enumerate(default_roles()):
            session.add(AmbassadorRole(name=name, description=description, position=position))
    if session.scalar(select(func.count()).select_from(AmbassadorLevel)) == 0:
        for level in ambassador_levels.default_levels():
            session.add(
                AmbassadorLevel(
                    slug=level.slug,
                    name=level.name,
                    position=level.position,
                    min_validated_missions=level.min_validated_missions,
                    min_positive_percent=level.min_positive_percent,
                    min_months=level.min_months,
                )
            )
    if session.scalar(select(func.count()).select_from(AmbassadorCharter)) == 0:
        title, ours, theirs = default_charter()
        session.add(
            AmbassadorCharter(
                version=1,
                title=title,
                ambassador_commitments="\n".join(ours),
                organisation_commitments="\n".join(theirs),
                published_on=formatting.local_today(),
            )
        )
    session.add(AppSetting(key=DEFAULTS_KEY, value="true"))
    session.flush()


def roles(store: Store, actor: Actor) -> list[RoleRecord]:
    """The editable list of roles, in order (the four defaults, unsaved, on a base that has none yet)."""
    require(actor, Action.READ_FIGURES)
    with snapshot(store) as session:
        rows = session.scalars(select(AmbassadorRole).order_by(AmbassadorRole.position, AmbassadorRole.id)).all()
        if not rows and session.get(AppSetting, DEFAULTS_KEY) is None:
            return [RoleRecord(None, name, text, i) for i, (name, text) in enumerate(default_roles())]
        return [RoleRecord(r.id, r.name, r.description, r.position) for r in rows]


def levels(store: Store, actor: Actor) -> list[LevelRecord]:
    """The ladder, lowest first (the five defaults, unsaved, on a base that has none yet)."""
    require(actor, Action.READ_FIGURES)
    with snapshot(store) as session:
        return _levels(session)


# ---------------------------------------------------------------- membership


def enrol(
    store: Store,
    actor: Actor,
    contact_id: int,
    type: str,
    draft: AmbassadorDraft | None = None,
    *,
    enrolled_on: date | None = None,
) -> int:
    """Make a contact a candidate ambassador with a new referral code; the membership's id."""
    require(actor, Action.MANAGE_AMBASSADORS)
    clean = _clean_draft(draft or AmbassadorDraft(type=type), type)
    day = _not_future(enrolled_on)
    with unit_of_work(store, _("l'inscription d'un ambassadeur")) as session:
        ensure_defaults(session)
        contact = session.get(Contact, contact_id)
        if contact is None or contact.anonymised_at is not None:
            raise UserError(_("Le contact n° {id} n'existe pas (ou plus).", id=contact_id))
        if session.scalar(select(Ambassador.id).where(Ambassador.contact_id == contact_id)) is not None:
            raise ValidationError(
                _("{name} est déjà dans le programme ambassadeurs.", name=contact.display_name), field="contact_id"
            )
        _check_roles(session, clean.role_ids)
        row = Ambassador(
            contact_id=contact_id,
            stage=Stage.CANDIDAT.value,
            stage_since=day,
            referral_code=_new_code(session, contact.display_name),
        )
        _apply(row, clean)
        session.add(row)
        session.flush()
        _write_audiences(session, row.id, clean.audiences)
        session.add(
            AmbassadorStageChange(
                ambassador_id=row.id,
                from_stage=None,
                to_stage=Stage.CANDIDAT.value,
                changed_on=day,
                changed_by=actor.name,
            )
        )
        contact.is_ambassador = True
        session.flush()
        return row.id


def update_ambassador(
    store: Store, actor: Actor, ambassador_id: int, draft: AmbassadorDraft, expected_version: int | None = None
) -> AmbassadorRecord:
    """Save type, roles, territory, skills, notes and audiences (the stage moves with ``move_stage``)."""
    require(actor, Action.MANAGE_AMBASSADORS)
    clean = _clean_draft(draft, draft.type)
    with unit_of_work(store, _("l'enregistrement d'un ambassadeur")) as session:
        row = _load(session, ambassador_id)
        if expected_version is not None and row.version_id != expected_version:
            raise ConflictError(
                _(
                    "Cet ambassadeur a été modifié par ailleurs depuis que vous l'avez ouvert ; "
                    "rouvrez sa fiche pour voir ses nouvelles valeurs. Rien n'a été enregistré."
                )
            )
        _check_roles(session, clean.role_ids)
        _apply(row, clean)
        _write_audiences(session, row.id, clean.audiences)
        _flush_or_conflict(session)
        return _record(session, actor, row)


def ambassador(store: Store, actor: Actor, ambassador_id: int) -> AmbassadorRecord:
    require(actor, Action.READ_CONTACTS)
    with snapshot(store) as session:
        return _record(session, actor, _load(session, ambassador_id))


def ambassador_for_contact(store: Store, actor: Actor, contact_id: int) -> AmbassadorRecord | None:
    """The contact's membership, or None when they are not in the programme."""
    require(actor, Action.READ_CONTACTS)
    with snapshot(store) as session:
        row = session.scalar(select(Ambassador).where(Ambassador.contact_id == contact_id))
        return None if row is None else _record(session, actor, row)


def ambassadors(store: Store, actor: Actor, filter: AmbassadorFilter | None = None) -> list[AmbassadorRow]:
    """The members matching ``filter``, by name."""
    require(actor, Action.READ_CONTACTS)
    wanted = filter or AmbassadorFilter()
    with snapshot(store) as session:
        query = _matching(select(Ambassador, Contact).join(Contact, Contact.id == Ambassador.contact_id), wanted)
        pairs: list[tuple[Ambassador, Contact]] = list(
            session.execute(query.order_by(Contact.sort_name, Ambassador.id)).all()
        )
        if wanted.text.strip():
            needle = fold(wanted.text)
            pairs = [(a, c) for a, c in pairs if needle in fold(f"{c.display_name} {a.territory} {a.skills} {a.notes}")]
        return ambassador_rows(session, pairs)


def record_audience(store: Store, actor: Actor, ambassador_id: int, network: str, followers: int) -> None:
    """Set how many people follow the ambassador on one network (0 removes nothing: a measured nothing)."""
    require(actor, Action.MANAGE_AMBASSADORS)
    slug, count = _audience(network, followers)
    with unit_of_work(store) as session:
        _load(session, ambassador_id)
        found = session.get(AmbassadorAudience, (ambassador_id, slug))
        if found is None:
            session.add(AmbassadorAudience(ambassador_id=ambassador_id, network=slug, followers=count))
        else:
            found.followers = count
        session.flush()


def ambassador_id_for_code(session: Session, code: str) -> int | None:
    """The ambassador whose referral code this is (case and spaces ignored), for the imports; None if nobody's."""
    key = referral_code_key(code)
    if not key:
        return None
    return session.scalar(select(Ambassador.id).where(Ambassador.referral_code == key))


def set_referrer(store: Store, actor: Actor, contact_id: int, ambassador_id: int | None) -> None:
    """Say which ambassador brought a contact (None: nobody). Nobody refers themself."""
    require(actor, Action.EDIT_CONTACTS)
    with unit_of_work(store) as session:
        contact = session.get(Contact, contact_id)
        if contact is None:
            raise UserError(_("Le contact n° {id} n'existe pas (ou plus).", id=contact_id))
        if ambassador_id is not None and _load(session, ambassador_id).contact_id == contact_id:
            raise ValidationError(_("Un ambassadeur ne peut pas se parrainer lui-même."), field="referred_by_id")
        contact.referred_by_id = ambassador_id
        session.flush()


def set_contribution_referrer(store: Store, actor: Actor, contribution_id: int, ambassador_id: int | None) -> None:
    """Say which ambassador's referral brought a contribution (None: nobody)."""
    require(actor, Action.EDIT_CAMPAIGNS)
    with unit_of_work(store) as session:
        row = session.get(Contribution, contribution_id)
        if row is None:
            raise UserError(_("La contribution n° {id} n'existe pas (ou plus).", id=contribution_id))
        if ambassador_id is not None:
            _load(session, ambassador_id)
        row.referred_by_id = ambassador_id
        session.flush()


# ---------------------------------------------------------------- funnel


def move_stage(
    store: Store, actor: Actor, ambassador_id: int, stage: str, *, changed_on: date | None = None
) -> AmbassadorRecord:
    """Move an ambassador along the funnel (``STAGE_TRANSITIONS``); the step is kept with its day."""
    require(actor, Action.MANAGE_AMBASSADORS)
    new = _stage(stage)
    day = _not_future(changed_on)
    with unit_of_work(store, _("le changement d'étape d'un ambassadeur")) as session:
        row = _load(session, ambassador_id)
        old = Stage(row.stage)
        if not can_move(old, new):
            raise ValidationError(
                _(
                    "{name} ne peut pas passer de l'étape « {old} » à l'étape « {new} ».",
                    name=_name(session, row),
                    old=old.label(),
                    new=new.label(),
                ),
                field="stage",
            )
        if day < row.stage_since:
            raise ValidationError(
                _(
                    "Le changement d'étape ne peut pas être daté d'avant le {day}, jour de l'étape actuelle.",
                    day=formatting.day(row.stage_since),
                ),
                field="changed_on",
            )
        row.stage, row.stage_since = new.value, day
        session.add(
            AmbassadorStageChange(
                ambassador_id=row.id, from_stage=old.value, to_stage=new.value, changed_on=day, changed_by=actor.name
            )
        )
        _flush_or_conflict(session)
        return _record(session, actor, row)


def funnel(store: Store, actor: Actor) -> FunnelRecord:
    """How many are at each stage, and how many of those who reached a stage reached the next one."""
    require(actor, Action.READ_FIGURES)
    with snapshot(store) as session:
        counts = dict.fromkeys((s.value for s in Stage), 0)
        for stage, n in session.execute(select(Ambassador.stage, func.count()).group_by(Ambassador.stage)):
            counts[stage] = n
        reached = dict(
            session.execute(
                select(
                    AmbassadorStageChange.to_stage, func.count(distinct(AmbassadorStageChange.ambassador_id))
                ).group_by(AmbassadorStageChange.to_stage)
            ).all()
        )
    steps = []
    previous: int | None = None
    for stage in FUNNEL:
        ever = int(reached.get(stage.value, 0))
        conversion = None if previous is None or previous == 0 else ever / previous
        steps.append(FunnelStep(stage.value, counts[stage.value], ever, conversion))
        previous = ever
    return FunnelRecord(
        steps=tuple(steps), inactive=counts[Stage.INACTIF.value], total=sum(counts.values()), counts=counts
    )


def idle_welcomed(store: Store, actor: Actor, weeks: int = 4, *, today: date | None = None) -> list[AmbassadorRow]:
    """Welcomed ambassadors with neither a completed mission nor a stage change for ``weeks`` weeks: to remind."""
    require(actor, Action.READ_CONTACTS)
    since = (today or formatting.local_today()) - timedelta(weeks=weeks)
    with snapshot(store) as session:
        busy = select(Mission.ambassador_id).where(Mission.ambassador_id.is_not(None), Mission.completed_on > since)
        query = (
            select(Ambassador, Contact)
            .join(Contact, Contact.id == Ambassador.contact_id)
            .where(
                Ambassador.stage == Stage.ACCUEILLI.value,
                Ambassador.stage_since <= since,
                Ambassador.id.not_in(busy),
            )
            .order_by(Ambassador.stage_since, Contact.sort_name)
        )
        return ambassador_rows(session, session.execute(query).all())


# ---------------------------------------------------------------- rewards


def record_reward(
    store: Store,
    actor: Actor,
    ambassador_id: int,
    kind: str,
    description: str = "",
    value_cents: int = 0,
    given_on: date | None = None,
) -> int:
    """Keep a thank-you given to an ambassador; its id. Money to a volunteer is kept, and warned about."""
    require(actor, Action.MANAGE_AMBASSADORS)
    slug = _reward_kind(kind)
    if value_cents < 0:
        raise ValidationError(_("La valeur d'une récompense ne peut pas être négative."), field="value_cents")
    day = _not_future(given_on)
    with unit_of_work(store) as session:
        _load(session, ambassador_id)
        row = AmbassadorReward(
            ambassador_id=ambassador_id,
            kind=slug,
            description=description.strip(),
            value_cents=int(value_cents),
            given_on=day,
        )
        session.add(row)
        session.flush()
        return row.id


def rewards_of(store: Store, actor: Actor, ambassador_id: int) -> list[RewardRecord]:
    require(actor, Action.READ_CONTACTS)
    with snapshot(store) as session:
        return _rewards(session, ambassador_id)


def commercially_tied_contact_ids(session: Session) -> set[int]:
    """Contacts whose posts about the organisation are a commercial collaboration: paid or
    employed ambassadors, and any ambassador who received a reward (a gift counts too)."""
    tied = select(Ambassador.contact_id).where(
        or_(
            Ambassador.type.in_([t.value for t in AmbassadorType if t.commercially_tied]),
            Ambassador.id.in_(select(AmbassadorReward.ambassador_id)),
        )
    )
    return set(session.scalars(tied))


def erase_membership(session: Session, contact_ids: Sequence[int]) -> None:
    """RGPD erasure step: the membership goes whole (territory, skills, notes, audiences, rewards,
    signatures, history); its missions stay, unassigned and without their proofs."""
    members = select(Ambassador.id).where(Ambassador.contact_id.in_(contact_ids)).scalar_subquery()
    session.execute(
        update(Mission)
        .where(Mission.ambassador_id.in_(members))
        .values(ambassador_id=None, proof_link="", proof_file="")
    )
    session.execute(delete(Ambassador).where(Ambassador.contact_id.in_(contact_ids)))


gdpr.register_erasure_step(erase_membership)


# ---------------------------------------------------------------- records


def _record(session: Session, actor: Actor, row: Ambassador) -> AmbassadorRecord:
    contact = session.get_one(Contact, row.contact_id)
    missions = mission_records(session, select(Mission).where(Mission.ambassador_id == row.id))
    rewards = _rewards(session, row.id)
    base = settings.referral_base_url(session, actor)
    role_names = _role_names(session)
    role_ids = _split_ids(row.roles)
    signatures = _signatures(session, row.id)
    standing = standings_in(session, levels_in(session), formatting.local_today(), [row.id])[row.id]
    return AmbassadorRecord(
        id=row.id,
        contact_id=row.contact_id,
        name=contact.display_name,
        type=row.type,
        roles=tuple(RoleRecord(i, *role_names[i]) for i in role_ids if i in role_names),
        territory=row.territory,
        skills=row.skills,
        notes=row.notes,
        audiences=tuple((a.network, a.followers) for a in row.audiences),
        stage=row.stage,
        stage_since=row.stage_since,
        referral_code=row.referral_code,
        referral_url=referral_url(base, row.referral_code),
        referral_hint=""
        if base
        else _("Renseignez l'adresse de parrainage dans Paramètres pour obtenir le lien à partager."),
        points=standing.points,
        level=next((lv for lv in _levels(session) if lv.slug == standing.level_slug), None),
        referrals=standing.referrals,
        stage_changes=tuple(
            StageChangeRecord(c.from_stage, c.to_stage, c.changed_on, c.changed_by) for c in row.stage_changes
        ),
        missions=tuple(missions),
        rewards=tuple(rewards),
        signatures=signatures,
        warnings=_warnings(session, row, rewards, signatures),
        version_id=row.version_id,
    )


def ambassador_rows(session: Session, pairs: Iterable[tuple[Ambassador, Contact]]) -> list[AmbassadorRow]:
    """List lines of (membership, contact) pairs, with points and level, in the order given."""
    found = list(pairs)
    ids = [a.id for a, _c in found]
    standings = standings_in(session, levels_in(session), formatting.local_today(), ids)
    rows = []
    for a, c in found:
        standing = standings[a.id]
        rows.append(
            AmbassadorRow(
                id=a.id,
                contact_id=c.id,
                name=c.display_name,
                type=a.type,
                stage=a.stage,
                stage_since=a.stage_since,
                territory=a.territory,
                referral_code=a.referral_code,
                points=standing.points,
                level=standing.level_slug,
                level_name=standing.level_name,
            )
        )
    return rows


def _levels(session: Session) -> list[LevelRecord]:
    rows = session.scalars(select(AmbassadorLevel).order_by(AmbassadorLevel.position, AmbassadorLevel.id)).all()
    if not rows and session.get(AppSetting, DEFAULTS_KEY) is None:
        return [
            LevelRecord(
                None,
                lv.slug,
                lv.name,
                lv.position,
                lv.min_validated_missions,
                lv.min_positive_percent,
                lv.min_months,
            )
            for lv in ambassador_levels.default_levels()
        ]
    return [
        LevelRecord(r.id, r.slug, r.name, r.position, r.min_validated_missions, r.min_positive_percent, r.min_months)
        for r in rows
    ]


def referral_counts(session: Session, ids: Sequence[int]) -> dict[int, ReferralCounts]:
    """Contacts brought, and valid contributions brought with their amount, per ambassador."""
    found = standings_in(session, (), formatting.local_today(), ids)
    return {i: found[i].referrals if i in found else ReferralCounts() for i in ids}


def _rewards(session: Session, ambassador_id: int) -> list[RewardRecord]:
    rows = session.scalars(
        select(AmbassadorReward)
        .where(AmbassadorReward.ambassador_id == ambassador_id)
        .order_by(AmbassadorReward.given_on.desc(), AmbassadorReward.id.desc())
    )
    return [RewardRecord(r.id, r.ambassador_id, r.kind, r.description, r.value_cents, r.given_on) for r in rows]


def _signatures(session: Session, ambassador_id: int) -> tuple[SignatureRecord, ...]:
    rows = session.execute(
        select(CharterSignature, AmbassadorCharter.version)
        .join(AmbassadorCharter, AmbassadorCharter.id == CharterSignature.charter_id)
        .where(CharterSignature.ambassador_id == ambassador_id)
        .order_by(AmbassadorCharter.version)
    )
    return tuple(SignatureRecord(s.charter_id, version, s.signed_on, s.method) for s, version in rows)


def _warnings(
    session: Session, row: Ambassador, rewards: Sequence[RewardRecord], signatures: Sequence[SignatureRecord]
) -> tuple[str, ...]:
    found = []
    kind = AmbassadorType(row.type)
    if kind.commercially_tied:
        found.append(
            _(
                "Ambassadeur {type} : ce qu'il publie sur l'association est une collaboration commerciale, "
                "ses publications doivent porter la mention « collaboration commerciale ».",
                type=kind.label(),
            )
        )
    elif rewards:
        found.append(
            _(
                "Cet ambassadeur a reçu une récompense : ses publications sur l'association doivent porter "
                "la mention « collaboration commerciale »."
            )
        )
    if kind.volunteer and any(r.kind == RewardKind.ARGENT.value for r in rewards):
        found.append(
            _(
                "Cet ambassadeur bénévole a reçu de l'argent : un bénévole ne doit recevoir aucune "
                "rémunération, sinon la relation risque d'être requalifiée en travail dissimulé. "
                "Préférez le remboursement de frais réels sur justificatifs, ou un cadeau de faible valeur."
            )
        )
    if row.stage in (Stage.ACCUEILLI.value, Stage.ACTIF.value):
        latest = session.scalar(select(func.max(AmbassadorCharter.version)))
        signed = max((s.version for s in signatures), default=None)
        if latest is not None and signed != latest:
            found.append(_("Cet ambassadeur n'a pas signé la dernière version de la charte (version {v}).", v=latest))
    return tuple(found)


def _role_names(session: Session) -> dict[int, tuple[str, str, int]]:
    return {r.id: (r.name, r.description, r.position) for r in session.scalars(select(AmbassadorRole))}


def _matching(query: Select[Ambassador, Contact], wanted: AmbassadorFilter) -> Select[Ambassador, Contact]:
    if wanted.stage:
        query = query.where(Ambassador.stage == _stage(wanted.stage).value)
    if wanted.type:
        query = query.where(Ambassador.type == _type(wanted.type).value)
    if wanted.role_id is not None:
        query = query.where(("," + Ambassador.roles + ",").contains(f",{wanted.role_id},"))
    return query


def _load(session: Session, ambassador_id: int) -> Ambassador:
    row = session.get(Ambassador, ambassador_id)
    if row is None:
        raise UserError(_("L'ambassadeur n° {id} n'existe pas (ou plus).", id=ambassador_id))
    return row


def _name(session: Session, row: Ambassador) -> str:
    return session.get_one(Contact, row.contact_id).display_name


def _flush_or_conflict(session: Session) -> None:
    try:
        session.flush()
    except StaleDataError as exc:
        raise ConflictError(
            _("Cet ambassadeur a été modifié par ailleurs pendant l'enregistrement. Rien n'a été enregistré.")
        ) from exc


def _new_code(session: Session, name: str) -> str:
    """A code not yet taken: up to four letters of the name, then random characters."""
    letters = "".join(ch for ch in fold(name).upper() if ch in CODE_ALPHABET)[:4]
    taken = set(session.scalars(select(Ambassador.referral_code)))
    for length in (CODE_LENGTH, CODE_LENGTH, 7, 8, 8, 8):
        code = letters[: length - 2] + "".join(
            secrets.choice(CODE_ALPHABET) for _i in range(length - len(letters[: length - 2]))
        )
        if code not in taken:
            return code
    raise ConflictError(_("Impossible de trouver un code de parrainage libre ; réessayez."))  # pragma: no cover


def _clean_draft(draft: AmbassadorDraft, type: str) -> AmbassadorDraft:
    territory = " ".join(draft.territory.split())
    if len(territory) > _LIMITS["territory"]:
        raise ValidationError(_("Le territoire est trop long (200 caractères au plus)."), field="territory")
    audiences: dict[str, int] = {}
    for network, followers in draft.audiences:
        slug, count = _audience(network, followers)
        audiences[slug] = count
    return AmbassadorDraft(
        type=_type(type).value,
        role_ids=tuple(dict.fromkeys(draft.role_ids)),
        territory=territory,
        skills=draft.skills.strip(),
        notes=draft.notes.strip(),
        audiences=tuple(sorted(audiences.items())),
    )


def _apply(row: Ambassador, draft: AmbassadorDraft) -> None:
    row.type = draft.type
    row.roles = ",".join(str(i) for i in draft.role_ids)
    row.territory, row.skills, row.notes = draft.territory, draft.skills, draft.notes


def _write_audiences(session: Session, ambassador_id: int, audiences: Sequence[tuple[str, int]]) -> None:
    for old in session.scalars(select(AmbassadorAudience).where(AmbassadorAudience.ambassador_id == ambassador_id)):
        session.delete(old)
    session.flush()
    for network, followers in audiences:
        session.add(AmbassadorAudience(ambassador_id=ambassador_id, network=network, followers=followers))


def _check_roles(session: Session, role_ids: Sequence[int]) -> None:
    known = set(session.scalars(select(AmbassadorRole.id)))
    unknown = [i for i in role_ids if i not in known]
    if unknown:
        raise ValidationError(_("Ce rôle n'existe pas (ou plus) : n° {id}.", id=unknown[0]), field="role_ids")


def _split_ids(text: str) -> list[int]:
    return [int(part) for part in text.split(",") if part.strip().isdigit()]


def _audience(network: str, followers: int) -> tuple[str, int]:
    try:
        slug = Network(network).value
    except ValueError:
        raise ValidationError(_("Réseau inconnu : « {network} ».", network=network), field="audiences") from None
    if followers < 0:
        raise ValidationError(_("Un nombre d'abonnés ne peut pas être négatif."), field="audiences")
    return slug, int(followers)


def _not_future(day: date | None) -> date:
    today = formatting.local_today()
    if day is not None and day > today:
        raise ValidationError(_("Cette date est dans le futur."), field="date")
    return day or today


def _stage(value: str) -> Stage:
    try:
        return Stage(value)
    except ValueError:
        raise ValidationError(_("Étape inconnue : « {stage} ».", stage=value), field="stage") from None


def _type(value: str) -> AmbassadorType:
    try:
        return AmbassadorType(value)
    except ValueError:
        raise ValidationError(_("Type d'ambassadeur inconnu : « {type} ».", type=value), field="type") from None


def _reward_kind(value: str) -> str:
    try:
        return RewardKind(value).value
    except ValueError:
        raise ValidationError(_("Sorte de récompense inconnue : « {kind} ».", kind=value), field="kind") from None
