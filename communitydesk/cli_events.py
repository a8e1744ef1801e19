"""Headless commands of events (issue #18): `event add`, `event list`, `import sign-in-sheet`.

Kept apart from cli.py, which only hooks them in; like cli.py, each command imports what it
needs when it runs. Options follow the sub-command, ``--json`` prints one document with
snake_case keys and ISO dates; exit 0 when done, 1 when refused, 2 for a usage error.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from communitydesk.errors import UserError
from communitydesk.i18n import _, ngettext

if TYPE_CHECKING:
    from communitydesk.db.database import Database
    from communitydesk.records.events import EventRow

EXIT_OK, EXIT_FAILED = 0, 1

# cli._database_to_write: the open base of a write command (a dry run simulates on a copy).
OpenToWrite = Callable[..., AbstractContextManager["Database"]]


def _print_json(data: object) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2))


def _actor() -> Any:
    from communitydesk.services.permissions import SYSTEM

    return SYSTEM


def cmd_event_add(args: argparse.Namespace) -> int:
    from communitydesk.db.database import open_database
    from communitydesk.records.events import EventDraft
    from communitydesk.rules.french_dates import DateTextError, parse_french_moment
    from communitydesk.services.events import create_event

    try:
        day, at = parse_french_moment(args.start)
    except DateTextError as exc:
        raise UserError(_("--start : {reason} (attendu : AAAA-MM-JJ HH:MM).", reason=exc)) from None
    draft = EventDraft(name=args.name, starts_on=day, starts_time=at, place=args.place or "", kind=args.kind or "")
    db = open_database(args.db)
    try:
        event_id = create_event(db, _actor(), draft)
    finally:
        db.close()
    if args.json:
        _print_json({"id": event_id})
    else:
        print(_("Événement n° {id} créé.", id=event_id))
    return EXIT_OK


def event_json(row: EventRow) -> dict[str, Any]:
    start = row.starts_on.isoformat() + (f"T{row.starts_time:%H:%M}" if row.starts_time else "")
    return {
        "id": row.id,
        "name": row.name,
        "start": start,
        "place": row.place,
        "registered": row.registered,
        "attendance": row.present,
    }


def cmd_event_list(args: argparse.Namespace) -> int:
    from communitydesk import formatting
    from communitydesk.db.database import open_database
    from communitydesk.errors import DatabaseError
    from communitydesk.services.events import events

    if not args.db.exists():
        raise DatabaseError(_("La base « {path} » n'existe pas.", path=args.db))
    db = open_database(args.db, create=False)
    try:
        rows = events(db, _actor())
    finally:
        db.close()
    if args.json:
        _print_json([event_json(row) for row in rows])
        return EXIT_OK
    if not rows:
        print(_("Aucun événement dans cette base."))
    for row in rows:
        when = formatting.day(row.starts_on, "short") + (f" {row.starts_time:%H:%M}" if row.starts_time else "")
        print(
            _(
                "{id:>4}  {when}  {name} ({kind}) — {place} ; {registered}, {present}",
                id=row.id,
                when=when,
                name=row.name,
                kind=row.kind_label,
                place=row.place or "—",
                registered=ngettext("{n} inscrit", "{n} inscrits", row.registered, n=row.registered),
                present=ngettext("{n} présent", "{n} présents", row.present, n=row.present),
            )
        )
    return EXIT_OK


def import_sign_in_sheet_command(open_to_write: OpenToWrite) -> Callable[[argparse.Namespace], int]:
    def cmd_import_sign_in_sheet(args: argparse.Namespace) -> int:
        """Exit 0 when the sheet was read, even with some lines refused (listed); 1 when nothing
        could be imported (unknown event, unreadable file, every line refused)."""
        from communitydesk.errors import DatabaseError
        from communitydesk.services.events import find_event
        from communitydesk.services.sign_in_import import import_sign_in_sheet

        if not args.db.exists():
            raise DatabaseError(_("La base « {path} » n'existe pas.", path=args.db))
        with open_to_write(args.db, dry_run=args.dry_run) as db:
            event_id = find_event(db, _actor(), args.event)
            summary = import_sign_in_sheet(db, _actor(), event_id, args.file, dry_run=args.dry_run)
        refused = bool(summary.errors) and summary.lines == len({e.line for e in summary.errors})
        if args.json:
            _print_json(summary.as_json())
            return EXIT_FAILED if refused else EXIT_OK
        if summary.dry_run:
            print(_("Simulation : rien n'a été enregistré."))
        print(
            _(
                "{lines} : {matched}, {created}, {attendances}, {consents}.",
                lines=ngettext("{n} ligne lue", "{n} lignes lues", summary.lines, n=summary.lines),
                matched=ngettext("{n} reconnue", "{n} reconnues", summary.matched, n=summary.matched),
                created=ngettext("{n} contact créé", "{n} contacts créés", summary.created, n=summary.created),
                attendances=ngettext("{n} présence", "{n} présences", summary.attendances, n=summary.attendances),
                consents=ngettext("{n} consentement", "{n} consentements", summary.consents, n=summary.consents),
            )
        )
        for problem, heading in ((summary.errors, _("Erreur")), (summary.warnings, _("Attention"))):
            for item in problem:
                print(
                    _(
                        "{heading}, ligne {line}, « {field} » : {message}",
                        heading=heading,
                        line=item.line,
                        field=item.field,
                        message=item.message,
                    ),
                    file=sys.stderr,
                )
        return EXIT_FAILED if refused else EXIT_OK

    return cmd_import_sign_in_sheet


def add_event_commands(
    commands: Any, import_kinds: Any, lang: argparse.ArgumentParser, open_to_write: OpenToWrite
) -> None:
    """`event add|list` and `import sign-in-sheet`, hooked into cli.build_parser()."""
    event = commands.add_parser("event", help=_("événements : créer, lister"), parents=[lang])
    verbs = event.add_subparsers(dest="event_verb", metavar=_("ACTION"))
    verbs.required = True

    add = verbs.add_parser("add", help=_("créer un événement"), parents=[lang])
    add.set_defaults(handler=cmd_event_add)
    add.add_argument("--db", type=Path, required=True)
    add.add_argument("--name", required=True, help=_("nom de l'événement"))
    add.add_argument(
        "--start", required=True, metavar=_("DÉBUT"), help=_("« AAAA-MM-JJ HH:MM » (l'heure est facultative)")
    )
    add.add_argument("--place", default=None, help=_("lieu"))
    add.add_argument(
        "--kind",
        default=None,
        help=_("reunion_publique, atelier, stand, apero_ambassadeurs, assemblee_generale, lancement_campagne ou autre"),
    )
    add.add_argument("--json", action="store_true")

    listing = verbs.add_parser(
        "list", help=_("lister les événements, leurs inscrits et leurs présents"), parents=[lang]
    )
    listing.set_defaults(handler=cmd_event_list)
    listing.add_argument("--db", type=Path, required=True)
    listing.add_argument("--json", action="store_true")

    sheet = import_kinds.add_parser(
        "sign-in-sheet",
        help=_("importer une feuille d'émargement saisie dans un tableur (CSV)"),
        parents=[lang],
    )
    sheet.set_defaults(handler=import_sign_in_sheet_command(open_to_write))
    sheet.add_argument("file", type=Path, metavar=_("FICHIER"), help=_("fichier .csv"))
    sheet.add_argument("--db", type=Path, required=True)
    sheet.add_argument("--event", required=True, metavar=_("NOM_OU_NUMÉRO"), help=_("nom ou numéro de l'événement"))
    sheet.add_argument("--dry-run", action="store_true", help=_("tout vérifier sans rien enregistrer"))
    sheet.add_argument("--json", action="store_true")
