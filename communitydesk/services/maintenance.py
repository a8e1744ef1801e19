"""Health check, backup and restore of a database file (``check``, ``backup``, ``restore``)."""

from __future__ import annotations

import json
import shutil
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from communitydesk.db.backup import (
    DEFAULT_KEEP,
    Progress,
    backup_to,
    copy_connection,
    ensure_parent,
    exclusive_access,
    latest_backup_age_hours,
    rotating_backup,
    timestamped_name,
)
from communitydesk.db.schema_version import (
    HEAD,
    SQLITE_HEADER,
    SchemaState,
    check_file_is_sqlite,
    describe_sqlite_error,
    probe,
    reading,
    refuse_newer,
)
from communitydesk.errors import DatabaseError
from communitydesk.i18n import _
from communitydesk.paths import backup_dir_for
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
    require(actor, Action.READ)
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
        with reading(path) as conn:
            integrity = [row[0] for row in conn.execute("PRAGMA integrity_check")]
            if integrity != ["ok"]:
                problems.append(_("Intégrité : {details}", details="; ".join(integrity[:5])))
            broken = conn.execute("PRAGMA foreign_key_check").fetchall()
            if broken:
                tables = sorted({row[0] for row in broken})
                problems.append(
                    _("{count} lien(s) cassé(s) entre tables ({tables}).", count=len(broken), tables=", ".join(tables))
                )
    except sqlite3.Error as exc:
        problems.append(str(describe_sqlite_error(path, exc)))
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
    try:
        with reading(path) as conn:
            row = conn.execute("SELECT value FROM app_settings WHERE key = ?", (BACKUP_KEEP_SETTING,)).fetchone()
    except sqlite3.Error as exc:
        raise describe_sqlite_error(path, exc) from exc
    try:
        return max(1, int(json.loads(row[0]))) if row else DEFAULT_KEEP
    except (TypeError, ValueError):
        return DEFAULT_KEEP


def restore_database(backup: Path, path: Path, actor: Actor) -> Path | None:
    """Replace ``path`` by ``backup`` after checking it; the replaced base is kept as a backup.

    Refused, with ``path`` untouched, when the backup is unusable, when ``path`` is not a
    database (a folder, another kind of file) or when the base is open in CommunityDesk
    or another program. An older backup is accepted: the app upgrades it on opening.
    Every erasure recorded in the base's journal is made again in what is restored, before
    anyone can use it (``gdpr.backup_without_erased``).
    Returns where the replaced database was kept (None when there was none).
    """
    require(actor, Action.MAINTAIN_DATABASE)
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

    with backup_without_erased(backup, path) as cleaned:
        return _put_in_place(cleaned, path)


def _put_in_place(backup: Path, path: Path) -> Path | None:
    """Replace ``path`` by the checked ``backup`` (see restore_database)."""
    if not path.exists():
        ensure_parent(path)
        backup_to(backup, path)  # written beside, then renamed: never a half file
        return None
    if path.is_dir() or not _starts_like_sqlite(path):
        check_file_is_sqlite(path)  # the precise reason: folder, unreadable, another kind of file
    kept_path = backup_dir_for(path) / timestamped_name(path, prefix="avant-restauration-")
    if _intact(path):
        # Holding the base alone proves that CommunityDesk does not have it open, and keeps it so.
        with exclusive_access(path) as target:
            try:
                target.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
                readable = True
            except sqlite3.DatabaseError:
                readable = False
            if readable:
                try:
                    kept = copy_connection(target, kept_path)
                    with reading(backup) as source:
                        # The backup API rewrites the base in one transaction: a kill leaves it as it was.
                        source.backup(target, pages=1024)
                except sqlite3.Error as exc:
                    raise describe_sqlite_error(path, exc) from exc
                return kept
    return _replace_damaged(backup, path, kept_path)


def _starts_like_sqlite(path: Path) -> bool:
    """True for SQLite files, even damaged ones, and for empty files; False for anything else."""
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError:
        return False
    return SQLITE_HEADER.startswith(header)


def _intact(path: Path) -> bool:
    try:
        check_file_is_sqlite(path)
    except DatabaseError:
        return False
    return True


def _replace_damaged(backup: Path, path: Path, kept_path: Path) -> Path:
    """A damaged base cannot be copied page by page: keep its raw bytes, then swap the file."""
    kept_path.parent.mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-wal"):
        source = path.with_name(path.name + suffix)
        if source.exists():
            shutil.copyfile(source, kept_path.with_name(kept_path.name + suffix))
    staged = backup_to(backup, path.with_name(path.name + ".restoring"))
    for suffix in ("-wal", "-shm"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)
    staged.replace(path)
    return kept_path
