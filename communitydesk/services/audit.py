"""The audit log: who did, or tried, a sensitive action, when, on what.

Sensitive actions are the exports and prints of personal data, merges, erasures, profile,
role and rights changes, logins and failed logins, restores. A service wraps one in
``audited`` (its ``require`` inside the block, so that a refusal is written too)::

    with audited(db, actor, Action.EXPORT_PERSONAL_DATA, "export:contacts"):
        require(actor, Action.EXPORT_PERSONAL_DATA)
        ...

The entry is written after the work, in its own transaction when ``store`` is a
Database or a path (the quick path of ``export pdf``, through ``db/audit_writes``): a
refused or failed action rolls its own writes back and still leaves its entry. With a
Session the entry joins the caller's transaction (and its fate). SQLAlchemy is imported
only for a Database or a Session.

On a shared PC (a profile has a password), an export naming people must leave its entry:
``audited`` first writes it in a transaction rolled back, and refuses the export
(``AuditUnavailable``) when the base cannot take it (read-only file, folder or opening,
locked). A base without passwords (a founder alone on a laptop) exports as before, an
entry that cannot be written left out.

Targets name rows by id (``contact:42``, ``profile:3``), never by what they hold, so that
erasing a person leaves nothing about them here; ``services.audit_labels`` puts them in
words. The table is append-only (triggers of migration 0011): nothing here or elsewhere
updates or deletes an entry.

For screens (PR2): ``entries(db, actor, …)`` to browse and filter, ``export_csv`` to save
them, ``record(db, actor, SessionEvent.LOCK)`` when the session locks or unlocks.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from communitydesk.errors import AuditUnavailable, DatabaseError, PermissionDenied, UserError
from communitydesk.i18n import _
from communitydesk.services.atomic_files import write_atomically
from communitydesk.services.permissions import Action, Actor, allowed, require

if TYPE_CHECKING:
    from communitydesk.records.profiles import AuditRecord
    from communitydesk.services.store import Store

Clock = Callable[[], datetime]

# Reads that leave the base: the sensitive actions a base that cannot be written still allows.
_RECORD_REQUIRED = frozenset({Action.EXPORT_PERSONAL_DATA})


def utcnow() -> datetime:
    return datetime.now(UTC)


class Outcome(StrEnum):
    OK = "ok"
    REFUSED = "refused"  # the profile lacks the right
    FAILED = "failed"  # an error stopped it; nothing was written


class SessionEvent(StrEnum):
    """Audited moments that are not a service action."""

    LOGIN = "login"
    LOGIN_FAILED = "login_failed"
    LOGOUT = "logout"
    LOCK = "lock"
    UNLOCK = "unlock"


def record(
    store: Store | Path,
    actor: Actor | str,
    action: Action | SessionEvent | str,
    target: str = "",
    outcome: Outcome = Outcome.OK,
    detail: str = "",
    *,
    clock: Clock = utcnow,
    dry_run: bool = False,
) -> None:
    """Append one entry. ``actor`` may be a bare name (a failed login names what was typed).

    ``dry_run``: written and rolled back in its own transaction (not with a Session), to know
    that it can be (else the DatabaseError saying why)."""
    user = actor if isinstance(actor, str) else actor.name
    if isinstance(store, Path):
        from communitydesk.db.audit_writes import append_entry

        append_entry(store, clock(), user, str(action), target, outcome.value, detail, dry_run=dry_run)
        return
    from communitydesk.db.database import Database
    from communitydesk.models.profiles import AuditEntry
    from communitydesk.services.store import unit_of_work

    if dry_run and isinstance(store, Database):
        writing = store.transaction("audit", rollback=True)
    else:
        writing = unit_of_work(store, "audit")
    with writing as session:
        session.add(
            AuditEntry(at=clock(), user=user, action=str(action), target=target, outcome=outcome.value, detail=detail)
        )
        session.flush()


@contextmanager
def audited(
    store: Store | Path, actor: Actor, action: Action, target: str = "", *, clock: Clock = utcnow, ok: bool = True
) -> Iterator[None]:
    """Write an entry for the block: ok, refused (PermissionDenied) or failed (any other error).

    ``ok=False``: the caller records the success itself (a restore, in the restored base).
    An export naming people on a shared PC is refused first if its entry could not be written."""
    if action in _RECORD_REQUIRED and allowed(actor, action):
        _refuse_unless_recordable(store, actor, action, target, clock)
    try:
        yield
    except PermissionDenied:
        _record_if_possible(store, actor, action, target, Outcome.REFUSED, "", clock)
        raise
    except Exception as error:
        # The error's kind only: its message may quote personal data.
        _record_if_possible(store, actor, action, target, Outcome.FAILED, type(error).__name__, clock)
        raise
    if ok:
        _record_if_possible(store, actor, action, target, Outcome.OK, "", clock)


def _refuse_unless_recordable(store: Store | Path, actor: Actor, action: Action, target: str, clock: Clock) -> None:
    """Shared-PC mode (a profile has a password): no export naming people leaves unrecorded."""
    path = store if isinstance(store, Path) else getattr(store, "path", None)
    if path is None:
        return  # a Session: the entry joins the caller's transaction and its fate
    from communitydesk.db.audit_writes import needs_login

    if not needs_login(path):
        return  # a founder alone on a laptop: exports as before
    try:
        record(store, actor, action, target, Outcome.OK, clock=clock, dry_run=True)
    except DatabaseError as error:
        raise AuditUnavailable(
            _(
                "Export refusé : les profils de cette base demandent que chaque export de données personnelles "
                "soit inscrit au journal d'audit, et il ne peut pas l'être. {reason} Rien n'a été écrit.",
                reason=str(error),
            )
        ) from error


def _record_if_possible(
    store: Store | Path, actor: Actor, action: Action, target: str, outcome: Outcome, detail: str, clock: Clock
) -> None:
    # A base that cannot take the entry (read-only: reading and exporting still work there;
    # missing or damaged: what a restore is for) neither blocks the work nor hides its error.
    # On a shared PC, exports naming people were refused beforehand (_refuse_unless_recordable).
    with suppress(UserError):
        record(store, actor, action, target, outcome, detail, clock=clock)


def entries(
    store: Store,
    actor: Actor,
    *,
    user: str | None = None,
    action: str | None = None,
    outcome: Outcome | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
    limit: int | None = None,
) -> list[AuditRecord]:
    """The entries, newest first, filtered by profile, action, outcome and moment (``until`` excluded)."""
    require(actor, Action.VIEW_AUDIT)
    from sqlalchemy import select

    from communitydesk.models.profiles import AuditEntry
    from communitydesk.services.store import snapshot

    query = select(AuditEntry).order_by(AuditEntry.at.desc(), AuditEntry.id.desc())
    if user is not None:
        query = query.where(AuditEntry.user == user)
    if action is not None:
        query = query.where(AuditEntry.action == action)
    if outcome is not None:
        query = query.where(AuditEntry.outcome == outcome.value)
    if since is not None:
        query = query.where(AuditEntry.at >= since)
    if until is not None:
        query = query.where(AuditEntry.at < until)
    if limit is not None:
        query = query.limit(limit)
    from communitydesk.models.organisation import Profile
    from communitydesk.records.profiles import AuditRecord
    from communitydesk.services.audit_labels import target_label

    with snapshot(store) as session:
        names: dict[int, str] = {row.id: row.name for row in session.execute(select(Profile.id, Profile.name))}
        return [
            AuditRecord(
                row.id,
                row.at,
                row.user,
                row.action,
                row.target,
                row.outcome,
                row.detail,
                target_label(row.target, names),
            )
            for row in session.scalars(query)
        ]


CSV_HEADERS = ("at", "user", "action", "target", "target_label", "outcome", "detail")


def export_csv(store: Store, actor: Actor, path: Path, **filters: Any) -> int:
    """Write the entries ``entries`` would return as CSV (UTF-8 with BOM, « ; »); how many."""
    found = entries(store, actor, **filters)

    def write(stream: Any) -> int:
        import csv  # only here: a document's audit needs none of the log's reading

        writer = csv.writer(stream, delimiter=";", lineterminator="\r\n")
        writer.writerow(CSV_HEADERS)
        for entry in found:
            words = (entry.user, entry.action, entry.target, entry.target_label, entry.outcome, entry.detail)
            writer.writerow([entry.at.isoformat(), *words])
        return len(found)

    return write_atomically(path, "utf-8-sig", write)
