"""Health check, backup and restore of a database file (``check``, ``backup``, ``restore``)."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from communitydesk.db.backup import Progress, backup_to, rotating_backup, timestamped_name
from communitydesk.db.schema_version import (
    HEAD,
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
            _("Le schéma est en version {found}, cette version de CommunityDesk attend {head} : "
              "ouvrez la base dans l'application pour la mettre à jour.", found=found.revision or "—", head=HEAD)
        )
    try:
        with reading(path) as conn:
            integrity = [row[0] for row in conn.execute("PRAGMA integrity_check")]
            if integrity != ["ok"]:
                report.problems.append(_("Intégrité : {details}", details="; ".join(integrity[:5])))
            broken = conn.execute("PRAGMA foreign_key_check").fetchall()
            if broken:
                tables = sorted({row[0] for row in broken})
                report.problems.append(
                    _("{count} lien(s) cassé(s) entre tables ({tables}).", count=len(broken), tables=", ".join(tables))
                )
    except sqlite3.Error as exc:
        report.problems.append(str(describe_sqlite_error(path, exc)))
    return report


def backup_database(path: Path, actor: Actor, out: Path | None = None, keep: int = 10,
                    progress: Progress | None = None) -> Path:
    """A consistent copy while the app may be running: to ``out``, or rotating in backups/."""
    require(actor, Action.MAINTAIN_DATABASE)
    if not path.exists():
        raise DatabaseError(_("La base « {path} » n'existe pas.", path=path))
    if out is None:
        return rotating_backup(path, keep=keep, reason="manuelle")
    if out.resolve() == path.resolve():
        raise DatabaseError(_("La sauvegarde ne peut pas remplacer la base elle-même."))
    return backup_to(path, out, progress=progress)


def restore_database(backup: Path, path: Path, actor: Actor) -> Path | None:
    """Replace ``path`` by ``backup`` after checking it; the replaced base is kept as a backup.

    Returns where the replaced database was kept (None when there was none).
    """
    require(actor, Action.MAINTAIN_DATABASE)
    if not backup.exists():
        raise DatabaseError(_("Le fichier de sauvegarde « {path} » n'existe pas.", path=backup))
    check_file_is_sqlite(backup)
    found = probe(backup)
    if found.state is SchemaState.NEWER:
        raise refuse_newer(backup, found)
    if found.state is SchemaState.BLANK:
        raise DatabaseError(_("« {path} » est une base vide, pas une sauvegarde CommunityDesk.", path=backup))
    health = check_database(backup, actor)
    if not health.healthy:
        raise DatabaseError(
            _("La sauvegarde « {path} » est endommagée, rien n'a été restauré : {details}",
              path=backup, details=" ".join(health.problems))
        )
    kept = None
    if path.exists():
        check_file_is_sqlite(path)
        kept = backup_to(path, backup_dir_for(path) / timestamped_name(path, prefix="avant-restauration-"))
    # Copy beside the target then rename: the live file is swapped in one step, never half-written.
    staged = backup_to(backup, path.with_name(path.name + ".restoring"))
    for suffix in ("-wal", "-shm"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)
    staged.replace(path)
    return kept
