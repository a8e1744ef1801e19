"""Import a team's editorial calendar spreadsheet as publications, in one transaction.

Each line is written through ``services/editorial`` (the same checks, status history and
approvals as a post typed in the calendar). A line matches a publication already in the
base on its day, one of its networks and its title (case and accents ignored; the text
stands for a missing title); an undated line on a network and its title alone, so an idea
the team has since put on a day is met again. The line's non-empty cells then update it
(networks it names are added, none is taken away: they may hold results), its status is
reached through the allowed moves, or it is skipped when nothing changes: re-importing a
file creates nothing new. A line repeating an earlier one meets the publication that line
made. Pillars are matched by name (case and accents ignored) and created when unknown,
with a warning.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from communitydesk.db.database import Database
from communitydesk.errors import ValidationError
from communitydesk.i18n import _
from communitydesk.importers.contact_records import RowError
from communitydesk.importers.import_summary import ImportSummary
from communitydesk.importers.publications_csv import PublicationFile, PublicationLine, read_publications
from communitydesk.models.editorial import EditorialPillar, Publication, PublicationNetwork
from communitydesk.records.editorial import PillarRecord, PublicationDraft
from communitydesk.rules.contact_keys import fold
from communitydesk.rules.editorial import TRANSITIONS, PublicationStatus
from communitydesk.services import editorial
from communitydesk.services.permissions import Action, Actor, require
from communitydesk.services.store import unit_of_work

Progress = Callable[[int, int], None]
PREVIEW_ROWS = 50
# A key of matching: (day, network slug or "", folded title).
_Key = tuple[Any, str, str]


class PublicationImportSummary(ImportSummary):
    """The house import summary; a calendar has no « merged » lines (a repeat meets its publication)."""

    def as_json(self) -> dict[str, Any]:
        """The shape printed by ``communitydesk import publications --json``."""
        return {key: value for key, value in super().as_json().items() if key != "merged"}


@dataclass(frozen=True)
class PublicationPreview:
    """What the wizard shows before anything is written: the columns taken, the first lines, the problems."""

    source_name: str
    headers: list[str]
    columns: dict[str, str]  # field -> header of the file
    encoding: str
    delimiter: str
    lines: list[PublicationLine]  # the first PREVIEW_ROWS readable lines
    readable: int
    total_rows: int
    errors: list[RowError]
    warnings: list[RowError]


class _Abort(Exception):
    """Leaves the transaction so that it rolls back (a dry run)."""


def preview_publications(path: Path, actor: Actor) -> PublicationPreview:
    """Read the file and write nothing (the base is not opened)."""
    require(actor, Action.IMPORT)
    parsed = read_publications(path)
    return PublicationPreview(
        source_name=parsed.source_name,
        headers=parsed.headers,
        columns={name: parsed.headers[index] for name, index in parsed.columns.items()},
        encoding=parsed.encoding,
        delimiter=parsed.delimiter,
        lines=parsed.lines[:PREVIEW_ROWS],
        readable=len(parsed.lines),
        total_rows=parsed.total_rows,
        errors=parsed.errors,
        warnings=parsed.warnings,
    )


def import_publications(
    db: Database, actor: Actor, path: Path, *, dry_run: bool = False, progress: Progress | None = None
) -> PublicationImportSummary:
    """Import ``path`` (see the module docstring). ``progress(done, total)`` is called per line
    and may raise to cancel: nothing is written then. A dry run is the same import rolled back."""
    require(actor, Action.IMPORT)
    parsed = read_publications(path)
    summary = PublicationImportSummary(
        errors=list(parsed.errors),
        warnings=list(parsed.warnings),
        dry_run=dry_run,
        source_name=parsed.source_name,
        encoding=parsed.encoding,
    )
    try:
        with unit_of_work(db, _("l'import en cours")) as session:
            _Writer(session, actor, parsed, summary).write(progress)
            if dry_run:
                raise _Abort
    except _Abort:
        pass
    summary.errors.sort(key=lambda e: e.line)
    summary.warnings.sort(key=lambda e: e.line)
    return summary


def _text_key(title: str, body: str) -> str:
    return fold(title) if title.strip() else fold(body)[:300]


def status_path(old: PublicationStatus, new: PublicationStatus) -> list[PublicationStatus]:
    """The fewest allowed moves from ``old`` to ``new`` (``TRANSITIONS``), ``new`` last; [] when equal."""
    paths: dict[PublicationStatus, list[PublicationStatus]] = {old: []}
    waiting = deque([old])
    while waiting:
        status = waiting.popleft()
        if status is new:
            return paths[status]
        for following in sorted(TRANSITIONS[status]):
            if following not in paths:
                paths[following] = [*paths[status], following]
                waiting.append(following)
    return []  # unreachable: every status leads to every other


# The draft's fields a ValidationError may name, and the import's column for each.
_COLUMN_OF = {"title": "title", "body": "body", "author": "author", "link": "link", "planned_time": "time"}


class _Writer:
    """Writes the lines through ``services/editorial`` (its checks, history and approvals), on this transaction."""

    def __init__(self, session: Session, actor: Actor, parsed: PublicationFile, summary: ImportSummary) -> None:
        self.session, self.actor, self.parsed, self.summary = session, actor, parsed, summary
        self.pillars = {
            fold(name): pid for pid, name in session.execute(select(EditorialPillar.id, EditorialPillar.name))
        }
        self.on_day: dict[_Key, int] = {}
        self.anywhere: dict[tuple[str, str], int] = {}  # (network or "", folded title): for an undated line
        networks: dict[int, list[str]] = {}
        for publication_id, network in session.execute(
            select(PublicationNetwork.publication_id, PublicationNetwork.network)
        ):
            networks.setdefault(publication_id, []).append(network)
        # Undated ones first: an idea of the file meets the idea before a post of the same title.
        query = select(Publication.id, Publication.planned_on, Publication.title, Publication.body).order_by(
            Publication.planned_on.is_not(None), Publication.id
        )
        for publication_id, day, title, body in session.execute(query):
            self._remember(publication_id, day, _text_key(title, body), networks.get(publication_id, ()))

    def _remember(self, publication_id: int, day: date | None, text: str, networks: Iterable[str]) -> None:
        for network in list(networks) or [""]:
            self.on_day.setdefault((day, network, text), publication_id)
            self.anywhere.setdefault((network, text), publication_id)

    def _find(self, line: PublicationLine) -> int | None:
        """A line matches on its day, a network and its title; an undated line on a network and its
        title alone (an idea of the file that the team has since put on a day in the calendar)."""
        text = _text_key(line.title, line.body)
        networks = [network.value for network in line.networks] or [""]
        for network in networks:
            if line.planned_on is None:
                found = self.anywhere.get((network, text))
            else:
                found = self.on_day.get((line.planned_on, network, text))
            if found is not None:
                return found
        return None

    def write(self, progress: Progress | None) -> None:
        total = len(self.parsed.lines)
        for done, line in enumerate(self.parsed.lines, start=1):
            if progress is not None:
                progress(done, total)
            try:
                found = self._find(line)
                if found is None:
                    self._create(line)
                    self.summary.created += 1
                elif self._update(found, line):
                    self.summary.updated += 1
                else:
                    self.summary.skipped += 1
            except ValidationError as exc:  # a cell the editorial service refuses: the line is left out
                column = self.parsed.column_header(_COLUMN_OF.get(exc.field or "", "title"))
                self.summary.errors.append(RowError(line.line, column, str(exc)))

    def _pillar(self, line: PublicationLine) -> int | None:
        if not line.pillar:
            return None
        key = fold(line.pillar)
        if key not in self.pillars:
            self.pillars[key] = editorial.save_pillar(self.session, self.actor, PillarRecord(name=line.pillar))
            self.summary.warnings.append(
                RowError(
                    line.line,
                    self.parsed.column_header("pillar"),
                    _("pilier « {name} » inconnu : il est créé dans la ligne éditoriale", name=line.pillar),
                )
            )
        return self.pillars[key]

    def _create(self, line: PublicationLine) -> None:
        draft = PublicationDraft(
            title=line.title,
            body=line.body,
            networks=tuple(network.value for network in line.networks),
            pillar_id=self._pillar(line),
            planned_on=line.planned_on,
            planned_time=line.planned_time,
            author=line.author,
            status=line.final_status.value,
            link=line.link,
        )
        publication_id = editorial.create_publication(self.session, self.actor, draft)
        self._remember(publication_id, line.planned_on, _text_key(line.title, line.body), draft.networks)

    def _update(self, publication_id: int, line: PublicationLine) -> bool:
        """Give the publication the line's non-empty cells and its status; whether anything changed."""
        current = editorial.publication(self.session, self.actor, publication_id)
        before = current.as_draft()
        wanted = replace(
            before,
            title=line.title or before.title,
            body=line.body or before.body,
            author=line.author or before.author,
            link=line.link or before.link,
        )
        if line.planned_time is not None:
            wanted = replace(wanted, planned_time=line.planned_time)
        if line.pillar:
            wanted = replace(wanted, pillar_id=self._pillar(line))
        added = tuple(network.value for network in line.networks if network.value not in before.networks)
        wanted = replace(wanted, networks=before.networks + added)  # none taken away: it may hold results
        changed = wanted != before
        if changed:
            editorial.update_publication(self.session, self.actor, publication_id, wanted)
        if line.status is not None:
            # Through the allowed moves (« à rédiger » → « publiée » passes « à valider » and « prête »):
            # the history shows each and the approval is kept, as when the team clicks them.
            for step in status_path(PublicationStatus(current.status), line.status):
                editorial.move_status(self.session, self.actor, publication_id, step.value)
                changed = True
        return changed
