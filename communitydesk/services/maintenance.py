"""Health check, backup and restore of a database file (``check``, ``backup``, ``restore``)."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from communitydesk.db.backup import (
    DEFAULT_KEEP,
    Progress,
    backup_to,
    ensure_parent,
    exclusive_access,
    latest_backup_age_hours,
    partial_path,
    rewrite_held_base,
    rotating_backup,
    timestamped_name,
)
from communitydesk.db.integrity import integrity_findings
from communitydesk.db.quick_reads import quick_reading, stored_setting
from communitydesk.db.schema_version import (
    DEFAULT_BUSY_TIMEOUT_S,
    HEAD,
    DamagedFileError,
    SchemaState,
    check_file_is_sqlite,
    probe,
    refuse_newer,
    unwritable_problem,
)
from communitydesk.errors import DatabaseError
from communitydesk.i18n import _, ngettext
from communitydesk.paths import backup_dir_for
from communitydesk.services.audit import audited, record
from communitydesk.services.permissions import Action, Actor, require


@dataclass
class HealthReport:
    path: Path
    schema_version: str | None = None
    problems: list[str] = field(default_factory=list)

    @property
    def healthy(self) -> bool:
        return not self.problems


def check_database(path: Path, actor: Actor) -> HealthReport:
    """Integrity, foreign keys and schema version, read-only; problems listed in French."""
    require(actor, Action.READ_FIGURES)
    report = HealthReport(path=path)
    if not path.exists():
        raise DatabaseError(_("La base « {path} » n'existe pas.", path=path))
    found = probe(path)
    report.schema_version = found.revision
    if found.state is SchemaState.NEWER:
        report.problems.append(str(refuse_newer(path, found)))
    elif found.state in (SchemaState.OUTDATED, SchemaState.BLANK):
        report.problems.append(
            _(
                "Le schéma est en version {found}, cette version de CommunityDesk attend {head} : "
                "ouvrez la base dans l'application pour la mettre à jour.",
                found=found.revision or "—",
                head=HEAD,
            )
        )
    report.problems.extend(integrity_problems(path))
    return report


def integrity_problems(path: Path) -> list[str]:
    """What SQLite's integrity and foreign-key checks find wrong in ``path`` (read-only)."""
    problems = []
    try:
        integrity, broken = integrity_findings(path)
    except DatabaseError as exc:
        return [str(exc)]
    if integrity:
        problems.append(_("Intégrité : {details}", details="; ".join(integrity[:5])))
    if broken:
        problems.append(
            ngettext(
                "{count} lien cassé entre tables ({tables}).",
                "{count} liens cassés entre tables ({tables}).",
                len(broken),
                count=len(broken),
                tables=", ".join(sorted(set(broken))),
            )
        )
    return problems


def backup_database(
    path: Path, actor: Actor, out: Path | None = None, keep: int = 10, progress: Progress | None = None
) -> Path:
    """A consistent copy while the app may be running: to ``out``, or rotating in backups/."""
    require(actor, Action.MAINTAIN_DATABASE)
    if not path.exists():
        raise DatabaseError(_("La base « {path} » n'existe pas.", path=path))
    if out is None:
        return rotating_backup(path, keep=keep, reason="manuelle")
    if out.resolve() == path.resolve():
        raise DatabaseError(_("La sauvegarde ne peut pas remplacer la base elle-même."))
    return backup_to(path, out, progress=progress)


AUTOMATIC_EVERY_HOURS = 24.0
BACKUP_KEEP_SETTING = "backups.keep"  # services.settings.BACKUP_KEEP, read here without the ORM


def automatic_backup(
    path: Path, actor: Actor, *, keep: int | None = None, every_hours: float = AUTOMATIC_EVERY_HOURS
) -> Path | None:
    """The automatic backup: a rotating copy in backups/ when the newest is older than ``every_hours``.

    Meant to run in the background after the base is opened (and from a scheduler). Keeps
    the newest ``keep`` backups, by default the number set in Paramètres. Returns the new
    backup, or None when a recent one already exists.
    """
    require(actor, Action.MAINTAIN_DATABASE)
    if not path.exists():
        raise DatabaseError(_("La base « {path} » n'existe pas.", path=path))
    age = latest_backup_age_hours(path)
    if age is not None and age < every_hours:
        return None
    return rotating_backup(path, keep=keep if keep is not None else _backup_keep_setting(path), reason="auto")


def _backup_keep_setting(path: Path) -> int:
    with quick_reading(path) as reader:
        stored = stored_setting(reader, BACKUP_KEEP_SETTING)
    if not isinstance(stored, int | float | str):
        return DEFAULT_KEEP
    try:
        return max(1, int(stored))
    except ValueError:
        return DEFAULT_KEEP


def restore_database(
    backup: Path, path: Path, actor: Actor, *, busy_timeout: float = DEFAULT_BUSY_TIMEOUT_S
) -> Path | None:
    """Replace ``path`` by ``backup`` after checking it; the replaced base is kept as a backup.

    Refused, with ``path`` untouched, when the backup is unusable, when ``path`` is not a
    database (a folder, another kind of file) or when the base is open in CommunityDesk
    or another program. An older backup is accepted: the app upgrades it on opening.
    Every erasure recorded in the base's journal is made again in what is restored, before
    anyone can use it (``gdpr.backup_without_erased``).
    Returns where the replaced database was kept (None when there was none). ``busy_timeout``:
    how long to wait for the program that has the base open before refusing.
    Audited: a refusal for lack of the right in the base as it stays, a restore in the
    restored base (when it is recent enough to hold the audit log).
    """
    target = f"backup:{backup.name}"
    with audited(path, actor, Action.RESTORE, target, ok=False):
        require(actor, Action.RESTORE)
    # Past the right, a failed restore leaves the base byte for byte: no entry either.
    kept = _restore(backup, path, busy_timeout)
    if probe(path).state is SchemaState.CURRENT:
        record(path, actor, Action.RESTORE, target)
    return kept


def _restore(backup: Path, path: Path, busy_timeout: float) -> Path | None:
    if not backup.exists():
        raise DatabaseError(_("Le fichier de sauvegarde « {path} » n'existe pas.", path=backup))
    found = probe(backup)  # refuses folders, foreign, empty, truncated and foreign SQLite files
    if found.state is SchemaState.NEWER:
        raise refuse_newer(backup, found)
    if found.state is SchemaState.BLANK:
        raise DatabaseError(_("« {path} » est une base vide, pas une sauvegarde CommunityDesk.", path=backup))
    problems = integrity_problems(backup)
    if problems:
        raise DatabaseError(
            _(
                "La sauvegarde « {path} » est endommagée, rien n'a été restauré : {details}",
                path=backup,
                details=" ".join(problems),
            )
        )
    from communitydesk.services.gdpr import backup_without_erased  # the ORM, only for a restore

    # Every erasure journaled since the backup is made again before anyone uses the base.
    with backup_without_erased(backup, path) as cleaned:
        return replace_database(cleaned, path, kept_prefix="avant-restauration-", busy_timeout=busy_timeout)


def replace_database(
    source: Path, path: Path, kept_prefix: str, *, busy_timeout: float = DEFAULT_BUSY_TIMEOUT_S
) -> Path | None:
    """Rewrite ``path`` with the sound base ``source``, keeping the replaced one in backups/.

    Refused, with ``path`` untouched, when ``path`` is not a database (a folder, another
    kind of file) or when it is open in CommunityDesk or another program. Returns where the
    replaced database was kept (None when there was none).
    """
    if not path.exists():
        ensure_parent(path)
        backup_to(source, path)  # written beside, then renamed: never a half file
        return None
    try:
        check_file_is_sqlite(path, busy_timeout=busy_timeout)  # refuses folders, unreadable files, other kinds of file
        intact = True
    except DamagedFileError:
        intact = False  # empty, cut or damaged: replaced, its bytes kept
    refusal = unwritable_problem(path)
    if refusal:
        raise DatabaseError(refusal)  # before backups/ is created for a copy that cannot follow
    kept_path = backup_dir_for(path) / timestamped_name(path, prefix=kept_prefix)
    ensure_parent(kept_path)  # refused now rather than once the base is held
    if intact:
        # Holding the base alone proves that CommunityDesk does not have it open, and keeps it so.
        with exclusive_access(path, busy_timeout) as target:
            kept = rewrite_held_base(target, path, source, kept_path)
            if kept is not None:
                return kept
    return _replace_damaged(source, path, kept_path)


def _replace_damaged(source: Path, path: Path, kept_path: Path) -> Path:
    """A damaged base cannot be copied through SQLite: keep its files as they are, then swap.

    Its files are linked (or moved) into backups/, never opened: closing a descriptor of a
    base would release the locks this process may hold on it.
    """
    staged = backup_to(source, partial_path(path))
    for suffix in ("", "-wal"):
        damaged = path.with_name(path.name + suffix)
        if damaged.exists():
            kept = kept_path.with_name(kept_path.name + suffix)
            try:
                os.link(damaged, kept)
            except OSError:  # a disk without hard links (FAT): moved, the restored copy follows
                damaged.replace(kept)
    for suffix in ("-wal", "-shm"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)
    staged.replace(path)
    return kept_path
