"""Import a team's editorial calendar spreadsheet as publications, in one transaction.

A line matches a publication already in the base on its day, a network and its title
(case and accents ignored; the text stands for a missing title): then the line's non-empty
cells update it (networks the line names are added, none is taken away), or it is
skipped when nothing changes, so re-importing a file creates nothing new. A line repeating
an earlier line of the same file meets the publication that line made. Pillars are matched
by name (case and accents ignored) and created when unknown, with a warning. A status the
file gives is taken as it is (the spreadsheet was the team's truth) and kept in the
status history under the importing profile's name.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, selectinload

from communitydesk.db.database import Database
from communitydesk.i18n import _
from communitydesk.importers.contact_records import RowError
from communitydesk.importers.import_summary import ImportSummary
from communitydesk.importers.publications_csv import PublicationFile, PublicationLine, read_publications
from communitydesk.models.editorial import EditorialPillar, Publication, PublicationNetwork, PublicationStatusChange
from communitydesk.rules.contact_keys import fold
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


class _Writer:
    def __init__(self, session: Session, actor: Actor, parsed: PublicationFile, summary: ImportSummary) -> None:
        self.session, self.actor, self.parsed, self.summary = session, actor, parsed, summary
        self.pillars = {fold(p.name): p for p in session.scalars(select(EditorialPillar))}
        self.next_position = (session.scalar(select(func.max(EditorialPillar.position))) or 0) + 1
        self.known: dict[_Key, Publication] = {}
        days = {line.planned_on for line in parsed.lines}
        query = select(Publication).options(selectinload(Publication.networks))
        dated = [day for day in days if day is not None]
        conditions = []
        if dated:
            conditions.append(Publication.planned_on.in_(dated))
        if None in days:
            conditions.append(Publication.planned_on.is_(None))
        if conditions:
            for publication in session.scalars(query.where(or_(*conditions)).order_by(Publication.id)):
                self._remember(publication)

    def _remember(self, publication: Publication) -> None:
        text = _text_key(publication.title, publication.body)
        for network in [n.network for n in publication.networks] or [""]:
            self.known.setdefault((publication.planned_on, network, text), publication)

    def write(self, progress: Progress | None) -> None:
        total = len(self.parsed.lines)
        for done, line in enumerate(self.parsed.lines, start=1):
            if progress is not None:
                progress(done, total)
            text = _text_key(line.title, line.body)
            keys = [(line.planned_on, network.value, text) for network in line.networks] or [
                (line.planned_on, "", text)
            ]
            found = next((self.known[key] for key in keys if key in self.known), None)
            if found is None:
                self._create(line)
                self.summary.created += 1
            elif self._update(found, line):
                self.summary.updated += 1
            else:
                self.summary.skipped += 1
        self.session.flush()

    def _pillar(self, line: PublicationLine) -> int | None:
        if not line.pillar:
            return None
        key = fold(line.pillar)
        pillar = self.pillars.get(key)
        if pillar is None:
            pillar = EditorialPillar(name=line.pillar, position=self.next_position)
            self.next_position += 1
            self.session.add(pillar)
            self.session.flush()
            self.pillars[key] = pillar
            self.summary.warnings.append(
                RowError(
                    line.line,
                    self.parsed.column_header("pillar"),
                    _("pilier « {name} » inconnu : il est créé dans la ligne éditoriale", name=line.pillar),
                )
            )
        return pillar.id

    def _status_change(self, publication: Publication, old: str | None, new: str) -> None:
        publication.status_changes.append(
            PublicationStatusChange(from_status=old, to_status=new, changed_by=self.actor.name[:100])
        )

    def _create(self, line: PublicationLine) -> None:
        status = line.final_status.value
        publication = Publication(
            title=line.title,
            body=line.body,
            pillar_id=self._pillar(line),
            planned_on=line.planned_on,
            planned_time=line.planned_time,
            author=line.author,
            status=status,
            link=line.link,
            networks=[PublicationNetwork(network=network.value) for network in line.networks],
        )
        self._status_change(publication, None, status)
        self.session.add(publication)
        self._remember(publication)

    def _update(self, publication: Publication, line: PublicationLine) -> bool:
        """Give ``publication`` the line's non-empty cells; whether anything changed."""
        wanted: dict[str, Any] = {}
        if line.title:
            wanted["title"] = line.title
        if line.body:
            wanted["body"] = line.body
        if line.planned_time is not None:
            wanted["planned_time"] = line.planned_time
        if line.author:
            wanted["author"] = line.author
        if line.link:
            wanted["link"] = line.link
        if line.pillar:
            wanted["pillar_id"] = self._pillar(line)
        changed = False
        for name, value in wanted.items():
            if getattr(publication, name) != value:
                setattr(publication, name, value)
                changed = True
        if line.status is not None and publication.status != line.status.value:
            self._status_change(publication, publication.status, line.status.value)
            publication.status = line.status.value
            changed = True
        present = {n.network for n in publication.networks}
        for network in line.networks:
            if network.value not in present:
                publication.networks.append(PublicationNetwork(network=network.value))
                changed = True
        if changed:
            self._remember(publication)
        return changed
