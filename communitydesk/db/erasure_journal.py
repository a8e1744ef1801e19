"""The journal of RGPD erasures kept beside a base, so that a restored older backup forgets the erased again.

Where: ``<base>.erasures`` (``communitydesk.sqlite3.erasures``), beside the base file. Not a
table, because a restore replaces every table and the journal must outlive it; not in
``backups/``, because backups rotate away and the journal must not; one per base file, so
two bases in one folder keep theirs apart. Owner-only (0600): ids and dates are not
personal data, but who was erased when is nobody else's business.

What: one JSON line per erasure, ``{"erased_at": …, "contacts": [[id, created_at], …]}``.
No personal data: a contact's id and the time its row was created. The creation time tells
this base's contact n° 12 from another base's n° 12, should a backup of another base be
restored under this name: a re-applied erasure never blanks someone else.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from communitydesk.errors import DatabaseError
from communitydesk.i18n import _
from communitydesk.system_errors import os_error_reason

SUFFIX = ".erasures"


@dataclass(frozen=True)
class ErasedContact:
    id: int
    created_at: datetime  # aware UTC, as the row holds it


def journal_path(database: Path) -> Path:
    return database.with_name(database.name + SUFFIX)


def record(database: Path, erased: Sequence[ErasedContact], when: datetime) -> None:
    """Append one erasure to the journal, on disk (fsync) before this returns."""
    path = journal_path(database)
    line = json.dumps(
        {"erased_at": when.isoformat(), "contacts": [[c.id, c.created_at.isoformat()] for c in erased]},
        separators=(",", ":"),
    )
    try:
        fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        try:
            os.fchmod(fd, 0o600)  # a journal created by an older version, or copied in, becomes private too
            os.write(fd, (line + "\n").encode("utf-8"))
            os.fsync(fd)
        finally:
            os.close(fd)
    except OSError as exc:
        raise DatabaseError(
            _(
                "Impossible d'écrire le journal des effacements « {path} » : {reason}. Rien n'a été effacé.",
                path=path,
                reason=os_error_reason(exc),
            )
        ) from exc


def read(database: Path) -> list[ErasedContact]:
    """Every contact erased from ``database``, oldest erasure first ([] without a journal).

    A last line without its end is an erasure whose writing was cut short, hence never
    committed: it is left out. Anything else unreadable raises DatabaseError: a restore
    must not go ahead without knowing whom to erase again.
    """
    path = journal_path(database)
    try:
        text = path.read_bytes().decode("utf-8")
    except FileNotFoundError:
        return []
    except OSError as exc:
        raise _unreadable(path, os_error_reason(exc)) from exc
    except UnicodeDecodeError as exc:
        raise _unreadable(path, _("ce n'est pas du texte UTF-8")) from exc
    lines = text.split("\n")
    complete = lines[:-1]  # the text after the last end of line is empty, or cut short
    erased: list[ErasedContact] = []
    for number, line in enumerate(complete, start=1):
        if not line.strip():
            continue
        try:
            entry = json.loads(line)
            erased += [ErasedContact(int(cid), datetime.fromisoformat(created)) for cid, created in entry["contacts"]]
        except (ValueError, TypeError, KeyError) as exc:
            raise _unreadable(path, _("ligne {line}", line=number)) from exc
    return erased


def _unreadable(path: Path, reason: str) -> DatabaseError:
    return DatabaseError(
        _(
            "Le journal des effacements « {path} » est illisible ({reason}) : rien n'a été restauré, "
            "pour ne pas faire revenir des personnes effacées.",
            path=path,
            reason=reason,
        )
    )
