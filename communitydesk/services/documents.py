"""What the PDF documents show, read from the database into plain dataclasses.

The renderers in ``communitydesk.reports`` receive these dataclasses, never a session.
Reads use plain read-only sqlite3, like ``services.figures``: ``communitydesk export pdf``
must finish before SQLAlchemy would even have been imported (see bench/pdf.py), and a
read-only connection cannot change the file whatever happens.
"""

from __future__ import annotations

import json
import sqlite3
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from communitydesk.db.schema_version import (
    SchemaState,
    connect_readonly,
    describe_sqlite_error,
    probe,
)
from communitydesk.errors import DatabaseError, ValidationError
from communitydesk.formatting import PARIS
from communitydesk.i18n import _, current_language
from communitydesk.paths import resources_dir
from communitydesk.rules.cadence import (
    RHYTHM_SETTING_KEY,
    due_before,
    rhythm_from_stored,
)
from communitydesk.rules.charter_text import CHARTER_KINDS
from communitydesk.rules.circles import CIRCLE_ORDER, Circle
from communitydesk.rules.contact_keys import fold
from communitydesk.services.permissions import Action, Actor, require

if TYPE_CHECKING:
    from communitydesk.db.database import Database
    from communitydesk.reports.base import RenderResult

# Contacts a list shows: neither archived nor erased (as models.contacts.ACTIVE_SQL).
ACTIVE = "c.archived_at IS NULL AND c.anonymised_at IS NULL"
ROW_BATCH = 500
# Same defaults as services.settings (a test keeps them equal); repeated here because
# importing services.settings would load SQLAlchemy.
DEFAULT_COLOURS = ("#2E6B5E", "#E3A33B")


class HasPath(Protocol):
    """A ``Database`` (or anything else that knows its file)."""

    path: Path


# --------------------------------------------------------------------------- sources


def _database_path(source: Path | str | HasPath) -> Path:
    return Path(source.path) if hasattr(source, "path") else Path(source)


@contextmanager
def _reading(source: Path | str | HasPath) -> Iterator[sqlite3.Connection]:
    """A read-only connection to an existing database, upgraded first if it is outdated."""
    path = _database_path(source)
    found = probe(path)
    if found.state is SchemaState.MISSING:
        raise DatabaseError(_("La base « {path} » n'existe pas.", path=path))
    if found.state is not SchemaState.CURRENT:
        # Rare (an old file): the full open upgrades it after a backup, or refuses it.
        from communitydesk.db.database import open_database

        open_database(path, create=False).close()
    try:
        conn = connect_readonly(path)
    except sqlite3.Error as exc:
        raise describe_sqlite_error(path, exc) from exc
    conn.create_function("fold", 1, _sort_key, deterministic=True)
    try:
        yield conn
    except sqlite3.Error as exc:
        raise describe_sqlite_error(path, exc) from exc
    finally:
        conn.close()


def _sort_key(text: str | None) -> str:
    """rules.contact_keys.fold, with a fast path for plain ASCII (most names): called per row."""
    if not text:
        return ""
    if text.isascii():
        return " ".join(text.lower().split())
    return fold(text)


def _stored(moment: datetime) -> str:
    """The text form SQLAlchemy's DateTime gives on SQLite: naive UTC, so text order = time order."""
    return moment.astimezone(UTC).replace(tzinfo=None).strftime("%Y-%m-%d %H:%M:%S.%f")


def _parse_stored(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


def _setting(conn: sqlite3.Connection, key: str) -> object:
    row = conn.execute("SELECT value FROM app_settings WHERE key = ?", (key,)).fetchone()
    return None if row is None else json.loads(row[0])


# --------------------------------------------------------------------------- words


def circle_label(circle: str) -> str:
    labels = {
        Circle.PROCHES.value: _("Proches"),
        Circle.COMMUNAUTE.value: _("Communauté"),
        Circle.GRAND_PUBLIC.value: _("Grand public"),
    }
    return labels.get(circle, circle)


def touch_kind_label(kind: str) -> str:
    labels = {
        "email": _("Courriel"),
        "call": _("Appel"),
        "meeting": _("Rendez-vous"),
        "event": _("Événement"),
        "contribution": _("Contribution"),
        "reaction": _("Réaction"),
        "note": _("Note"),
    }
    return labels.get(kind, kind)


# --------------------------------------------------------------------------- dates


def parse_day(text: str, option: str = "") -> date:
    """``2026-11-23`` or ``23/11/2026`` → a date; anything else raises a French ValidationError."""
    value = text.strip()
    for layout in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return datetime.strptime(value, layout).date()
        except ValueError:
            continue
    where = f" ({option})" if option else ""
    raise ValidationError(
        _(
            "La date « {value} »{where} n'est pas valide : écrivez-la AAAA-MM-JJ ou JJ/MM/AAAA "
            "(par exemple 2026-11-23 ou 23/11/2026).",
            value=text,
            where=where,
        ),
        option or None,
    )


@dataclass(frozen=True)
class Period:
    """Whole days, both included, in Europe/Paris time."""

    start: date
    end: date

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValidationError(
                _(
                    "La période est inversée : le début ({start}) est après la fin ({end}).",
                    start=self.start.isoformat(),
                    end=self.end.isoformat(),
                ),
                "period",
            )

    @property
    def starts_at(self) -> datetime:
        return datetime.combine(self.start, time(), PARIS).astimezone(UTC)

    @property
    def ends_at(self) -> datetime:
        """The first instant after the period."""
        return datetime.combine(self.end + timedelta(days=1), time(), PARIS).astimezone(UTC)

    @classmethod
    def default(cls, today: date | None = None) -> Period:
        """The last twelve months, ending today."""
        today = today or datetime.now(PARIS).date()
        try:
            start = today.replace(year=today.year - 1) + timedelta(days=1)
        except ValueError:  # 29 February
            start = today.replace(year=today.year - 1, day=28) + timedelta(days=1)
        return cls(start, today)


# --------------------------------------------------------------------------- identity


@dataclass(frozen=True)
class Identity:
    """The organisation as printed on every document (Paramètres › Organisation)."""

    name: str = ""
    legal_id: str = ""
    website: str = ""
    address: str = ""
    logo_path: str = ""
    primary_colour: str = DEFAULT_COLOURS[0]
    secondary_colour: str = DEFAULT_COLOURS[1]

    @property
    def display_name(self) -> str:
        return self.name or "CommunityDesk"

    @property
    def logo(self) -> Path | None:
        """The logo file when it is set and still exists (a moved file is not an error)."""
        if not self.logo_path:
            return None
        path = Path(self.logo_path).expanduser()
        return path if path.is_file() else None


def _identity(conn: sqlite3.Connection) -> Identity:
    stored = _setting(conn, "organisation")
    if not isinstance(stored, dict):
        return Identity()
    known = {k: str(v) for k, v in stored.items() if k in Identity.__dataclass_fields__ and v is not None}
    return Identity(**known)


def document_identity(source: Path | HasPath, actor: Actor) -> Identity:
    """The organisation's identity for document headers and footers."""
    require(actor, Action.READ)
    with _reading(source) as conn:
        return _identity(conn)


# --------------------------------------------------------------------------- community report


@dataclass(frozen=True)
class CircleSeries:
    """Contacts per circle at each point in time (period start, month boundaries, period end)."""

    points: list[date]
    counts: dict[str, list[int]]


@dataclass(frozen=True)
class MoveCount:
    from_circle: str
    to_circle: str
    count: int

    @property
    def inward(self) -> bool:
        return Circle(self.to_circle).rank < Circle(self.from_circle).rank


@dataclass(frozen=True)
class FollowUp:
    circle: str
    rhythm_days: int
    due: int
    total: int


@dataclass(frozen=True)
class CommunityReportData:
    identity: Identity
    period: Period
    today: date
    by_circle: dict[str, int]
    by_circle_at_start: dict[str, int]
    series: CircleSeries
    moves: list[MoveCount]
    new_by_source: list[tuple[str, int]]
    touches_by_week: list[tuple[date, int]]
    touches_by_kind: list[tuple[str, int]]
    follow_up: list[FollowUp]
    top_tags: list[tuple[str, int]]
    total_contacts_ever: int = 0

    @property
    def total(self) -> int:
        return sum(self.by_circle.values())

    @property
    def new_total(self) -> int:
        return sum(count for _source, count in self.new_by_source)

    @property
    def moves_total(self) -> int:
        return sum(m.count for m in self.moves)

    @property
    def moves_inward(self) -> int:
        return sum(m.count for m in self.moves if m.inward)

    @property
    def touches_total(self) -> int:
        return sum(count for _week, count in self.touches_by_week)

    @property
    def follow_up_total(self) -> int:
        return sum(f.due for f in self.follow_up)

    @property
    def is_empty(self) -> bool:
        """No contact at all yet: the report says so instead of drawing empty charts."""
        return self.total_contacts_ever == 0


def _month_points(period: Period) -> list[date]:
    points = [period.start]
    month = date(period.start.year, period.start.month, 1)
    while True:
        month = date(month.year + (month.month == 12), month.month % 12 + 1, 1)
        if month > period.end:
            break
        points.append(month)
    points.append(period.end + timedelta(days=1))
    return points


def _circle_series(conn: sqlite3.Connection, period: Period) -> CircleSeries:
    """Replay entries and moves (from circle_moves) to count each circle at each point in time.

    One pass over contacts and moves, whatever the number of months: each contact adds +1
    to its circle from its arrival on, and each move shifts it from one circle to another.
    """
    points = _month_points(period)
    instants = [_stored(datetime.combine(p, time(), PARIS)) for p in points]
    circles = [c.value for c in CIRCLE_ORDER]
    diff = {circle: [0] * (len(points) + 1) for circle in circles}
    end = instants[-1]

    def slot(moment: str) -> int:
        # Counted from the first point at or after the moment (the boundary is exclusive).
        return bisect_right(instants, moment)

    moves_by_contact: dict[int, list[tuple[str, str | None, str]]] = {}
    for contact_id, moved_at, from_circle, to_circle in conn.execute(
        "SELECT contact_id, moved_at, from_circle, to_circle FROM circle_moves WHERE moved_at < ? "
        "ORDER BY contact_id, moved_at, id",
        (end,),
    ):
        moves_by_contact.setdefault(contact_id, []).append((moved_at, from_circle, to_circle))
    for contact_id, created_at, circle in conn.execute(
        f"SELECT c.id, c.created_at, c.circle FROM contacts c WHERE {ACTIVE} AND c.created_at < ?", (end,)
    ):
        moves = moves_by_contact.get(contact_id, [])
        if moves and moves[0][1] is None:
            arrived_at, _none, state = moves[0]
            arrived_at = min(arrived_at, created_at)
            moves = moves[1:]
        else:
            arrived_at = created_at
            state = moves[0][1] if moves and moves[0][1] else circle
        if state not in diff:
            continue
        diff[state][slot(arrived_at)] += 1
        for moved_at, _from, to_circle in moves:
            if to_circle == state or to_circle not in diff:
                continue
            index = slot(moved_at)
            diff[state][index] -= 1
            diff[to_circle][index] += 1
            state = to_circle
    counts: dict[str, list[int]] = {}
    for circle in circles:
        running, series = 0, []
        for index in range(len(points)):
            running += diff[circle][index]
            series.append(running)
        counts[circle] = series
    # The last point is the first day after the period: label it with the period's end.
    labels = [*points[:-1], period.end]
    return CircleSeries(points=labels, counts=counts)


def _follow_up(conn: sqlite3.Connection, now: datetime) -> list[FollowUp]:
    """Contacts due per circle, by the rule of rules.cadence.is_overdue, counted in SQL."""
    rhythm = rhythm_from_stored(_setting(conn, RHYTHM_SETTING_KEY))
    cutoffs = due_before(rhythm, now)
    result = []
    for circle in CIRCLE_ORDER:
        cutoff = _stored(cutoffs[circle.value])
        total, due = conn.execute(
            "SELECT COUNT(*), COALESCE(SUM(COALESCE(c.last_touch_at, c.created_at) < ?), 0) "
            f"FROM contacts c WHERE {ACTIVE} AND c.circle = ?",
            (cutoff, circle.value),
        ).fetchone()
        result.append(FollowUp(circle=circle.value, rhythm_days=rhythm[circle.value], due=due, total=total))
    return result


def community_report_data(
    source: Path | HasPath, actor: Actor, period: Period, now: datetime | None = None
) -> CommunityReportData:
    """Everything the community report shows for ``period`` (contacts, moves, touch points, tags)."""
    require(actor, Action.READ)
    now = now or datetime.now(UTC)
    with _reading(source) as conn:
        start, end = _stored(period.starts_at), _stored(period.ends_at)
        (ever,) = conn.execute("SELECT COUNT(*) FROM contacts").fetchone()
        series = _circle_series(conn, period)
        by_circle = {circle: values[-1] for circle, values in series.counts.items()}
        at_start = {circle: values[0] for circle, values in series.counts.items()}
        moves = [
            MoveCount(from_circle, to_circle, count)
            for from_circle, to_circle, count in conn.execute(
                "SELECT m.from_circle, m.to_circle, COUNT(*) FROM circle_moves m "
                "JOIN contacts c ON c.id = m.contact_id "
                f"WHERE {ACTIVE} AND m.from_circle IS NOT NULL AND m.from_circle != m.to_circle "
                "AND m.moved_at >= ? AND m.moved_at < ? GROUP BY m.from_circle, m.to_circle",
                (start, end),
            )
            if from_circle in Circle._value2member_map_ and to_circle in Circle._value2member_map_
        ]
        moves.sort(key=lambda m: (Circle(m.from_circle).rank, Circle(m.to_circle).rank))
        new_by_source = [
            (source_name, count)
            for source_name, count in conn.execute(
                f"SELECT TRIM(c.source), COUNT(*) AS n FROM contacts c WHERE {ACTIVE} "
                "AND c.created_at >= ? AND c.created_at < ? GROUP BY TRIM(c.source) ORDER BY n DESC, 1",
                (start, end),
            )
        ]
        weeks: Counter[date] = Counter()
        for hour, count in conn.execute(
            "SELECT substr(occurred_at, 1, 13), COUNT(*) FROM touch_points WHERE occurred_at >= ? AND occurred_at < ? "
            "GROUP BY 1",
            (start, end),
        ):
            local = datetime.fromisoformat(hour + ":00").replace(tzinfo=UTC).astimezone(PARIS).date()
            weeks[local - timedelta(days=local.weekday())] += count
        first_monday = period.start - timedelta(days=period.start.weekday())
        week_list = []
        monday = first_monday
        while monday <= period.end:
            week_list.append((monday, weeks.get(monday, 0)))
            monday += timedelta(days=7)
        touches_by_kind = list(
            conn.execute(
                "SELECT kind, COUNT(*) AS n FROM touch_points WHERE occurred_at >= ? AND occurred_at < ? "
                "GROUP BY kind ORDER BY n DESC, kind",
                (start, end),
            )
        )
        top_tags = list(
            conn.execute(
                "SELECT t.name, COUNT(*) AS n FROM tags t JOIN contact_tags ct ON ct.tag_id = t.id "
                f"JOIN contacts c ON c.id = ct.contact_id WHERE {ACTIVE} "
                "GROUP BY t.id ORDER BY n DESC, fold(t.name) LIMIT 10"
            )
        )
        return CommunityReportData(
            identity=_identity(conn),
            period=period,
            today=now.astimezone(PARIS).date(),
            by_circle=by_circle,
            by_circle_at_start=at_start,
            series=series,
            moves=moves,
            new_by_source=new_by_source,
            touches_by_week=week_list,
            touches_by_kind=touches_by_kind,
            follow_up=_follow_up(conn, now),
            top_tags=top_tags,
            total_contacts_ever=ever,
        )


# --------------------------------------------------------------------------- contact lists


@dataclass(frozen=True)
class ContactColumn:
    key: str
    sql: str
    width: float  # relative width on the page


# Printed as stored: postcodes and phones are text, their leading zeros stay.
CONTACT_COLUMNS: dict[str, ContactColumn] = {
    column.key: column
    for column in (
        ContactColumn("last_name", "c.last_name", 1.2),
        ContactColumn("first_name", "c.first_name", 1.0),
        ContactColumn(
            "display_name",
            "CASE WHEN c.kind = 'organisation' AND c.organisation != '' THEN c.organisation "
            "ELSE TRIM(c.first_name || ' ' || c.last_name) END",
            1.6,
        ),
        ContactColumn("organisation", "c.organisation", 1.5),
        ContactColumn("role", "c.role", 1.3),
        ContactColumn("email", "c.email", 2.0),
        ContactColumn("phone", "c.phone", 1.05),
        ContactColumn("address", "c.address", 1.8),
        ContactColumn("postcode", "c.postcode", 0.7),
        ContactColumn("city", "c.city", 1.1),
        ContactColumn("country", "c.country", 0.4),
        ContactColumn("circle", "c.circle", 0.85),
        ContactColumn("source", "c.source", 1.0),
        ContactColumn("last_touch", "c.last_touch_at", 0.8),
        ContactColumn("created", "c.created_at", 0.8),
    )
}
DEFAULT_COLUMNS = ("last_name", "first_name", "organisation", "email", "phone", "postcode", "city", "circle")
DIRECTORY_COLUMNS = ("display_name", "organisation", "phone", "email")


def column_label(key: str) -> str:
    labels = {
        "last_name": _("Nom"),
        "first_name": _("Prénom"),
        "display_name": _("Nom"),
        "organisation": _("Organisation"),
        "role": _("Fonction"),
        "email": _("E-mail"),
        "phone": _("Téléphone"),
        "address": _("Adresse"),
        "postcode": _("Code postal"),
        "city": _("Ville"),
        "country": _("Pays"),
        "circle": _("Cercle"),
        "source": _("Source"),
        "last_touch": _("Dernier contact"),
        "created": _("Créé le"),
    }
    return labels.get(key, key)


def parse_columns(text: str | Sequence[str] | None) -> tuple[str, ...]:
    """``"last_name,email"`` → the column keys, checked; None → the 8 default columns."""
    if text is None:
        return DEFAULT_COLUMNS
    keys = [k.strip() for k in (text.split(",") if isinstance(text, str) else text) if k.strip()]
    unknown = [k for k in keys if k not in CONTACT_COLUMNS]
    if unknown or not keys:
        raise ValidationError(
            _(
                "Colonne inconnue : {unknown}. Colonnes possibles : {known}.",
                unknown=", ".join(unknown) or "—",
                known=", ".join(CONTACT_COLUMNS),
            ),
            "columns",
        )
    return tuple(dict.fromkeys(keys))


@dataclass(frozen=True)
class ContactFilter:
    """Which contacts a list shows: a circle, a tag, a saved segment (all optional, combined)."""

    circle: str | None = None
    tag: str | None = None
    segment: str | None = None

    def describe(self) -> str:
        parts = []
        if self.segment:
            parts.append(_("Segment : {name}", name=self.segment))
        if self.circle:
            parts.append(_("Cercle : {name}", name=circle_label(self.circle)))
        if self.tag:
            parts.append(_("Étiquette : {name}", name=self.tag))
        return " · ".join(parts) if parts else _("Tous les contacts actifs")


@dataclass
class ContactListing:
    """A filtered, sorted contact list whose rows are read in batches when iterated."""

    identity: Identity
    columns: tuple[str, ...]
    count: int
    description: str
    _path: Path
    _where: str
    _params: tuple[object, ...]
    _language: str = field(default_factory=current_language)

    @property
    def labels(self) -> list[str]:
        return [column_label(key) for key in self.columns]

    def batches(self, size: int = ROW_BATCH) -> Iterator[list[tuple[str, ...]]]:
        """Rows as printable text, ``size`` at a time, in alphabetical order (accents folded)."""
        select = ", ".join(CONTACT_COLUMNS[key].sql for key in self.columns)
        order = "fold(CASE WHEN c.last_name != '' THEN c.last_name ELSE c.organisation END), fold(c.first_name), c.id"
        dates = [i for i, key in enumerate(self.columns) if key in ("last_touch", "created")]
        circle_index = self.columns.index("circle") if "circle" in self.columns else None
        circles = {c.value: circle_label(c.value) for c in CIRCLE_ORDER}
        with _reading(self._path) as conn:
            cursor = conn.execute(f"SELECT {select} FROM contacts c WHERE {self._where} ORDER BY {order}", self._params)
            while True:
                rows = cursor.fetchmany(size)
                if not rows:
                    return
                if dates or circle_index is not None:
                    rows = [self._printable(row, dates, circle_index, circles) for row in rows]
                yield rows

    @staticmethod
    def _printable(
        row: tuple[object, ...], dates: list[int], circle_index: int | None, circles: dict[str, str]
    ) -> tuple[str, ...]:
        values = list(row)
        for index in dates:
            text = values[index]
            values[index] = _parse_stored(str(text)).astimezone(PARIS).strftime("%d/%m/%Y") if text else ""
        if circle_index is not None:
            code = str(values[circle_index])
            values[circle_index] = circles.get(code) or circle_label(code)
        return tuple("" if v is None else str(v) for v in values)


@contextmanager
def full_database(source: Path | HasPath) -> Iterator[Database]:
    """The open ``Database`` (SQLAlchemy) for data an ORM service owns; closed after if opened here.

    Only documents that need such a service pay for importing SQLAlchemy.
    """
    from communitydesk.db.database import Database, open_database

    database = source if isinstance(source, Database) else open_database(_database_path(source), create=False)
    try:
        yield database
    finally:
        if database is not source:
            database.close()


def _segment_contact_ids(source: Path | HasPath, actor: Actor, name: str) -> tuple[str, str, list[int]]:
    """The name, criteria and contact ids of a saved segment, through the segments service.

    That service owns the segment's rules (full-text search, overdue...), so its ids are
    used as they are.
    """
    from communitydesk.services import contact_search, segments

    with full_database(source) as database:
        segment = segments.segment_by_name(database, actor, name)
        ids = contact_search.ids_for(database, actor, filters=segment.filter)
    return segment.name, segment.filter.describe(), ids


def contact_listing(
    source: Path | HasPath,
    actor: Actor,
    contact_filter: ContactFilter | None = None,
    columns: Sequence[str] | None = None,
) -> ContactListing:
    """The contacts matching ``contact_filter`` with ``columns`` (default: the 8 usual ones)."""
    require(actor, Action.EXPORT)
    contact_filter = contact_filter or ContactFilter()
    keys = parse_columns(columns)
    where, params = [ACTIVE], []
    if contact_filter.circle:
        if contact_filter.circle not in Circle._value2member_map_:
            raise ValidationError(
                _(
                    "Cercle inconnu : « {circle} ». Cercles possibles : {known}.",
                    circle=contact_filter.circle,
                    known=", ".join(c.value for c in CIRCLE_ORDER),
                ),
                "circle",
            )
        where.append("c.circle = ?")
        params.append(contact_filter.circle)
    with _reading(source) as conn:
        if contact_filter.tag:
            row = conn.execute("SELECT id FROM tags WHERE fold(name) = fold(?)", (contact_filter.tag,)).fetchone()
            if row is None:
                raise ValidationError(_("L'étiquette « {tag} » n'existe pas.", tag=contact_filter.tag), "tag")
            where.append("c.id IN (SELECT contact_id FROM contact_tags WHERE tag_id = ?)")
            params.append(row[0])
        identity = _identity(conn)
    description = contact_filter.describe()
    if contact_filter.segment:
        name, criteria, ids = _segment_contact_ids(source, actor, contact_filter.segment)
        named = ContactFilter(circle=contact_filter.circle, tag=contact_filter.tag, segment=name)
        description = f"{named.describe()} ({criteria})"
        # A JSON array keeps one bound parameter whatever the size of the segment.
        where.append("c.id IN (SELECT value FROM json_each(?))")
        params.append(json.dumps(ids))
    clause = " AND ".join(where)
    with _reading(source) as conn:
        (count,) = conn.execute(f"SELECT COUNT(*) FROM contacts c WHERE {clause}", params).fetchone()
    return ContactListing(
        identity=identity,
        columns=keys,
        count=count,
        description=description,
        _path=_database_path(source),
        _where=clause,
        _params=tuple(params),
    )


# --------------------------------------------------------------------------- charters


@dataclass(frozen=True)
class CharterSource:
    """A charter template's text: the organisation's own (saved in the app) or the shipped default."""

    kind: str
    language: str
    text: str
    updated_at: datetime | None
    customised: bool


def check_charter_kind(kind: str) -> str:
    if kind not in CHARTER_KINDS:
        raise ValidationError(
            _(
                "Modèle de charte inconnu : « {kind} ». Modèles possibles : {known}.",
                kind=kind,
                known=", ".join(CHARTER_KINDS),
            ),
            "template",
        )
    return kind


def default_charter_text(kind: str, language: str | None = None) -> str:
    """The template shipped in resources/charters (French, or English when asked)."""
    check_charter_kind(kind)
    language = language or current_language()
    folder = resources_dir() / "charters"
    path = folder / f"{kind}.{language}.md"
    if not path.exists():
        path = folder / f"{kind}.fr.md"
    return path.read_text(encoding="utf-8")


def _stored_charter(conn: sqlite3.Connection, kind: str, language: str) -> tuple[str, datetime] | None:
    try:
        row = conn.execute(
            "SELECT body, updated_at FROM charter_templates WHERE kind = ? AND language = ?", (kind, language)
        ).fetchone()
    except sqlite3.OperationalError as exc:
        if "no such table" in str(exc):
            return None  # a database from before templates were stored: shipped ones apply
        raise
    return None if row is None else (row[0], _parse_stored(row[1]))


def charter_source(source: Path | HasPath, actor: Actor, kind: str, language: str | None = None) -> CharterSource:
    """The charter template to print: the one saved in the app, else the shipped default."""
    require(actor, Action.READ)
    check_charter_kind(kind)
    language = language or current_language()
    with _reading(source) as conn:
        stored = _stored_charter(conn, kind, language)
    if stored is not None:
        return CharterSource(kind, language, stored[0], stored[1], customised=True)
    return CharterSource(kind, language, default_charter_text(kind, language), None, customised=False)


@dataclass(frozen=True)
class CharterData:
    identity: Identity
    template: CharterSource
    member_name: str = ""
    signatory_name: str = ""


def charter_data(
    source: Path | HasPath,
    actor: Actor,
    kind: str,
    language: str | None = None,
    member_name: str = "",
    signatory_name: str = "",
) -> CharterData:
    """A charter ready to print, optionally with the names of both signatories filled in."""
    template = charter_source(source, actor, kind, language)
    return CharterData(
        identity=document_identity(source, actor),
        template=template,
        member_name=member_name.strip(),
        signatory_name=signatory_name.strip(),
    )


# --------------------------------------------------------------------------- generating


@dataclass(frozen=True)
class DocumentOptions:
    """What the user chose for a document; each document reads the options it understands."""

    period: Period | None = None
    contact_filter: ContactFilter = field(default_factory=ContactFilter)
    columns: tuple[str, ...] | None = None
    template: str = "ambassador"
    member_name: str = ""
    signatory_name: str = ""
    # A charter text being edited, printed instead of the saved template (preview before saving).
    template_text: str | None = None
    # Campaign documents: the campaign's exact name or its number.
    campaign: str | None = None


def generate_pdf(
    kind: str,
    source: Path | HasPath,
    actor: Actor,
    options: DocumentOptions,
    out: Path,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> RenderResult:
    """Write document ``kind`` (charter, community-report, contact-list, directory, campaign-report,
    fulfilment-checklist) as a PDF to ``out``.

    The data is gathered here (permissions checked), the drawing is done by the renderers of
    ``communitydesk.reports``, imported only now: ReportLab costs ~0.5 s to import.
    ``progress(done, total)`` may raise to stop; ``cancelled()`` is polled between blocks.
    """
    require(actor, Action.EXPORT)
    from communitydesk.reports.catalogue import generate_document

    return generate_document(kind, source, actor, options, out, progress=progress, cancelled=cancelled)
