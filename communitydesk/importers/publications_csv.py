"""Read a team's editorial calendar spreadsheet (French Excel CSV or UTF-8) into checked lines.

Pure reading: no database here. Headers are recognised in French whatever their case or
accents (Date, Heure, Réseau/Canal/Support, Titre/Sujet, Pilier/Thème/Rubrique, Statut/État,
Auteur/Responsable, Texte/Contenu, Lien/URL); days and times by ``rules/french_dates``,
networks and statuses by ``rules/editorial``. A line is refused only when its day does not
exist (31/02) or it has neither title nor text; a network, status, time or day that cannot
be read is a warning on that cell and the line is kept without it. A cell naming several
networks (« LinkedIn, FB ») makes one publication on each of them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, time
from pathlib import Path

from communitydesk.errors import UserError
from communitydesk.i18n import _
from communitydesk.importers.contact_columns import header_key
from communitydesk.importers.contact_records import RowError
from communitydesk.importers.contributions_csv import read_table
from communitydesk.rules.editorial import Network, PublicationStatus, network_from_text, status_from_text
from communitydesk.rules.french_dates import DateTextError, parse_french_moment, parse_french_time

# The columns of a publication, in the order the export writes them.
FIELDS: tuple[str, ...] = ("date", "time", "networks", "title", "pillar", "status", "author", "body", "link")

# Stored lengths (models/editorial.py): longer cells are cut, with a warning.
MAX_LENGTHS = {"title": 300, "pillar": 100, "author": 100, "link": 500}

HEADERS: dict[str, tuple[str, ...]] = {
    "date": ("Date", "Jour", "Date de publication", "Date prévue", "Date de parution", "Le"),
    "time": ("Heure", "Horaire", "Heure de publication", "À quelle heure"),
    "networks": ("Réseau", "Réseaux", "Canal", "Canaux", "Support", "Supports", "Plateforme", "Réseau social"),
    "title": ("Titre", "Sujet", "Objet", "Intitulé", "Publication"),
    "pillar": ("Pilier", "Piliers", "Thème", "Thèmes", "Thématique", "Rubrique", "Catégorie"),
    "status": ("Statut", "État", "Avancement"),
    "author": ("Auteur", "Autrice", "Auteur·rice", "Responsable", "Rédacteur", "Rédactrice", "Qui"),
    "body": ("Texte", "Contenu", "Message", "Description", "Texte du post", "Légende"),
    "link": ("Lien", "URL", "Lien de la publication", "Lien publié"),
}


def field_label(name: str) -> str:
    """The column name the export writes and the preview shows (the first header the import knows)."""
    labels = {
        "date": _("Date"),
        "time": _("Heure"),
        "networks": _("Réseau"),
        "title": _("Titre"),
        "pillar": _("Pilier"),
        "status": _("Statut"),
        "author": _("Auteur"),
        "body": _("Texte"),
        "link": _("Lien"),
    }
    return labels[name]


# « LinkedIn, FB », « Insta + FB », « FB / Insta », « LinkedIn et Facebook »
_NETWORK_SEPARATORS = re.compile(r"\s*(?:[,;+&/\n]|\bet\b)\s*", re.IGNORECASE)


@dataclass(frozen=True)
class PublicationLine:
    """One line of the file, read: what a publication will be given."""

    line: int
    planned_on: date | None
    planned_time: time | None
    networks: tuple[Network, ...]
    title: str
    pillar: str = ""
    status: PublicationStatus | None = None  # None: the cell was empty or unreadable
    author: str = ""
    body: str = ""
    link: str = ""

    @property
    def final_status(self) -> PublicationStatus:
        """The status given, else an idea for an undated line and « à rédiger » for a dated one."""
        if self.status is not None:
            return self.status
        return PublicationStatus.IDEE if self.planned_on is None else PublicationStatus.A_REDIGER


@dataclass
class PublicationFile:
    source_name: str
    headers: list[str]
    columns: dict[str, int]  # field -> column index
    encoding: str
    delimiter: str
    lines: list[PublicationLine] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    warnings: list[RowError] = field(default_factory=list)

    @property
    def total_rows(self) -> int:
        return len(self.lines) + len({error.line for error in self.errors})

    def column_header(self, name: str) -> str:
        index = self.columns.get(name)
        return self.headers[index] if index is not None else field_label(name)


def resolve_columns(headers: list[str]) -> dict[str, int]:
    """{field: column index} for the headers the import knows, each field's usual name first."""
    columns: dict[str, int] = {}
    for preference in range(max(len(h) for h in HEADERS.values())):
        # « Date » before « Jour »: a sheet with both keeps the weekday column aside.
        for name, candidates in HEADERS.items():
            if name in columns or preference >= len(candidates):
                continue
            wanted = header_key(candidates[preference])
            for index, header in enumerate(headers):
                if header_key(header) == wanted and index not in columns.values():
                    columns[name] = index
                    break
    return columns


def networks_from_cell(text: str) -> tuple[tuple[Network, ...], list[str]]:
    """The networks a cell names, and the words it holds that name none."""
    whole = network_from_text(text)
    if whole is not None:
        return (whole,), []
    found: list[Network] = []
    unknown: list[str] = []
    for part in _NETWORK_SEPARATORS.split(text):
        if not part.strip():
            continue
        network = network_from_text(part)
        if network is None:
            unknown.append(part.strip())
        elif network not in found:
            found.append(network)
    return tuple(found), unknown


def read_publications(path: Path) -> PublicationFile:
    """Decode (UTF-8, else Windows-1252…), split and check the whole file."""
    path = Path(path)
    table = read_table(path)  # the importers' shared readers: decoding, delimiter, numbered rows
    columns = resolve_columns(table.headers)
    if "title" not in columns and "body" not in columns:
        raise UserError(
            _(
                "« {name} » : aucune colonne « Titre » (ou Sujet) ni « Texte » (ou Contenu) dans l'en-tête ; "
                "colonnes lues : {headers}. Rien n'a été importé.",
                name=path.name,
                headers=", ".join(f"« {h} »" for h in table.headers if h),
            )
        )
    parsed = PublicationFile(
        source_name=path.name,
        headers=table.headers,
        columns=columns,
        encoding=table.encoding,
        delimiter=table.delimiter,
        warnings=list(table.warnings),
    )
    for line, cells in table.rows:
        _read_line(parsed, line, cells)
    return parsed


def _unquoted(value: str) -> str:
    # A leading ' is how exports (ours too) keep a cell starting with = + - @ from running as a formula.
    return value[1:] if value.startswith("'") and value[1:2] in ("=", "+", "-", "@") else value


def _read_line(parsed: PublicationFile, line: int, cells: list[str]) -> None:
    def cell(name: str) -> str:
        index = parsed.columns.get(name)
        return _unquoted(cells[index].strip()) if index is not None and index < len(cells) else ""

    def warn(name: str, message: str) -> None:
        parsed.warnings.append(RowError(line, parsed.column_header(name), message))

    def refuse(name: str, message: str) -> None:
        parsed.errors.append(RowError(line, parsed.column_header(name), message))

    planned_on: date | None = None
    planned_time: time | None = None
    if cell("date"):
        try:
            planned_on, planned_time = parse_french_moment(cell("date"))
        except DateTextError as exc:
            if exc.impossible:
                refuse("date", str(exc))
                return
            warn("date", _("{reason} : la ligne est gardée comme idée, sans date", reason=exc))
    if cell("time"):
        try:
            planned_time = parse_french_time(cell("time"))
        except DateTextError as exc:
            warn("time", _("{reason} : la publication est gardée sans heure", reason=exc))
    if planned_on is None:
        planned_time = None  # an idea has no time of day
    if not cell("title") and not cell("body"):
        refuse("title" if "title" in parsed.columns else "body", _("ni titre ni texte : rien à publier"))
        return
    networks, unknown = networks_from_cell(cell("networks"))
    for word in unknown:
        known = ", ".join(network.label() for network in Network)
        warn("networks", _("réseau inconnu « {value} » laissé de côté (connus : {known})", value=word, known=known))
    status = status_from_text(cell("status")) if cell("status") else None
    if cell("status") and status is None:
        known = ", ".join(s.label() for s in PublicationStatus)
        warn(
            "status",
            _("statut inconnu « {value} » laissé de côté (connus : {known})", value=cell("status"), known=known),
        )
    values = {name: cell(name) for name in ("title", "pillar", "author", "link")}
    for name, most in MAX_LENGTHS.items():
        if len(values[name]) > most:
            warn(name, _("texte coupé à {count} caractères", count=most))
            values[name] = values[name][:most].rstrip()
    parsed.lines.append(
        PublicationLine(
            line=line,
            planned_on=planned_on,
            planned_time=planned_time,
            networks=networks,
            title=" ".join(values["title"].split()),
            pillar=" ".join(values["pillar"].split()),
            status=status,
            author=values["author"],
            body=cell("body"),
            link=values["link"],
        )
    )
