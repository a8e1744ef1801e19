"""Command line: the window by default, headless sub-commands for scripts and checks.

Kept cheap to import: each command imports what it needs when it runs, so that
``communitydesk`` shows its window before SQLAlchemy is even loaded.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, nullcontext
from pathlib import Path
from typing import TYPE_CHECKING, Any

from communitydesk import __version__
from communitydesk.cli_events import add_event_commands
from communitydesk.cycle_collection import headless_command
from communitydesk.errors import UserError
from communitydesk.i18n import SUPPORTED_LANGUAGES, _, ngettext, set_language

if TYPE_CHECKING:
    from datetime import date

    from communitydesk.db.database import Database
    from communitydesk.importers.contact_records import RowError
    from communitydesk.services.permissions import Actor

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2

Handler = Callable[[argparse.Namespace], int]


class _HelpFormatter(argparse.HelpFormatter):
    def add_usage(self, usage: str | None, actions: Any, groups: Any, prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups, _("utilisation : ") if prefix is None else prefix)


class FrenchArgumentParser(argparse.ArgumentParser):
    """argparse in the user's language; built for one ``command_line``, only the sub-commands it names.

    Building every sub-command's parser costs ~20 ms a run; a command line's parse needs only
    those it names. Anything but a clean parse (help, a mistake) raises ``WholeParserNeeded``:
    the whole parser answers, listing every command.
    """

    def __init__(self, *args: Any, command_line: Sequence[str] | None = None, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _HelpFormatter)
        super().__init__(*args, **kwargs)
        self.command_line = command_line
        # argparse speaks English only: its headings and its -h line in the user's language.
        self._positionals.title = _("arguments")
        self._optionals.title = _("options")
        for action in self._actions:
            if isinstance(action, argparse._HelpAction):
                action.help = _("afficher cette aide et quitter")

    def add_subparsers(self, **kwargs: Any) -> Any:
        commands = super().add_subparsers(**kwargs)
        return commands if self.command_line is None else _NamedCommands(commands, self.command_line)

    def print_help(self, file: Any = None) -> None:
        if self.command_line is not None:
            raise WholeParserNeeded
        super().print_help(file)

    def error(self, message: str) -> None:  # type: ignore[override]
        if self.command_line is not None:
            raise WholeParserNeeded
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, _("Erreur : {message}\n", message=_usage_problem(message)))


class WholeParserNeeded(Exception):
    """A parser built for one command line cannot answer this (help, a mistake): build them all."""


class _NamedCommands:
    """A parser's sub-commands while it is built for one command line: ``add_parser`` builds
    the sub-commands the line names (a name elsewhere in it costs one more, never a wrong
    parse); the others' declarations go to ``_NOT_BUILT``."""

    def __init__(self, commands: argparse._SubParsersAction[Any], command_line: Sequence[str]) -> None:
        self._commands = commands
        self._command_line = command_line

    def add_parser(self, name: str, **kwargs: Any) -> Any:
        if name not in self._command_line and not set(kwargs.get("aliases", ())) & set(self._command_line):
            return _NOT_BUILT
        return self._commands.add_parser(name, command_line=self._command_line, **kwargs)


class _NotBuilt:
    """The parser of a sub-command the command line does not run: whatever is declared on it is dropped."""

    def __getattr__(self, _name: str) -> Callable[..., _NotBuilt]:
        return lambda *_args, **_kwargs: self

    def __setattr__(self, _name: str, _value: object) -> None:
        pass


_NOT_BUILT = _NotBuilt()


def _usage_problem(message: str) -> str:
    """argparse speaks English only: say its common complaints in the user's language."""
    import re

    patterns = (
        (r"the following arguments are required: (?P<names>.*)", lambda m: _("il manque : {names}", names=m["names"])),
        (
            r"argument (?P<name>\S+): invalid choice: (?P<value>.*) \(choose from (?P<known>.*)\)",
            lambda m: _("{name} : choix inconnu {value} (possibles : {known})", **m.groupdict()),
        ),
        (
            r"argument (?P<name>\S+): invalid \w+ value: (?P<value>.*)",
            lambda m: _("{name} : valeur non valide {value}", **m.groupdict()),
        ),
        (
            r"argument (?P<name>\S+): expected one argument",
            lambda m: _("{name} : une valeur est attendue", **m.groupdict()),
        ),
        (r"unrecognized arguments: (?P<names>.*)", lambda m: _("arguments inconnus : {names}", names=m["names"])),
    )
    for pattern, say in patterns:
        found = re.fullmatch(pattern, message)
        if found:
            return say(found)
    return message


def _system_actor() -> Actor:
    """Who the command acts as: the profile logged in by ``cli_profiles.acting``, else the system."""
    from communitydesk.cli_profiles import current_actor

    return current_actor()


def _print_json(data: object) -> None:
    import json

    print(json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False))


def _progress_to_stderr(label: str) -> Callable[[int, int], None]:
    def report(done: int, total: int) -> None:
        if sys.stderr.isatty() and total:
            print(f"\r{label} {done * 100 // total} %", end="" if done < total else "\n", file=sys.stderr)

    return report


class _TerminalSteps:
    """A long command's steps on a terminal (« Contacts… 42 % »), each on its line; nothing
    at all when stderr is not a terminal (a script, a pipe, a log file)."""

    def __init__(self) -> None:
        self.shown = sys.stderr.isatty()
        self.name = ""
        self.open_line = False

    def phase(self, name: str) -> None:
        if self.shown:
            self._end_line()
            self.name = name
            print(f"{name}…", end="", file=sys.stderr, flush=True)
            self.open_line = True

    def progress(self, done: int, total: int) -> None:
        if self.shown and total:
            print(f"\r{self.name}… {done * 100 // total} %", end="", file=sys.stderr, flush=True)
            self.open_line = True

    def _end_line(self) -> None:
        if self.open_line:
            print(file=sys.stderr)
            self.open_line = False

    def close(self) -> None:
        if self.shown:
            self._end_line()


def cmd_demo(args: argparse.Namespace) -> int:
    from communitydesk.services.demo import create_demo_database

    steps = _TerminalSteps()
    try:
        summary = create_demo_database(
            args.db,
            _system_actor(),
            contacts=args.contacts,
            seed=args.seed,
            progress=steps.progress,
            replace=args.replace,
            phase=steps.phase,
            with_logins=args.with_logins,
        )
    finally:
        steps.close()
    print(_("Base de démonstration créée : {path} ({count} contacts).", path=args.db, count=summary.contacts))
    if summary.kept is not None:
        print(_("La base remplacée est gardée dans {path}", path=summary.kept))
    return EXIT_OK


def cmd_stats(args: argparse.Namespace) -> int:
    from communitydesk.errors import DatabaseError
    from communitydesk.services.figures import read_figures

    if not args.db.exists():
        raise DatabaseError(_("La base « {path} » n'existe pas.", path=args.db))
    figures = read_figures(args.db, _system_actor())
    data = figures.as_json()
    if args.json:
        _print_json(data)
    else:
        for line in _figures_text(data):
            print(line)
    return EXIT_OK


def _figures_text(data: dict[str, Any]) -> list[str]:
    """``stats`` for a person: the JSON's figures with their French labels, section by section."""
    from communitydesk import formatting
    from communitydesk.rules.ambassadors import Stage
    from communitydesk.rules.circles import circle_label
    from communitydesk.rules.editorial import PublicationStatus

    n = formatting.number
    contacts = data["contacts"]
    lines = [
        _("Schéma : {version}", version=data["schema_version"]),
        _("Contacts : {total}", total=n(contacts["total"])),
    ]
    lines += [f"  {circle_label(circle)} : {n(count)}" for circle, count in contacts["by_circle"].items()]
    lines.append(_("À relancer : {count}", count=n(contacts["a_relancer"])))
    for campaign in data.get("campaigns", []):
        lines.append(
            _(
                "Campagne « {name} » : {total} ({contributions})",
                name=campaign["name"],
                total=formatting.money(campaign["total_cents"]),
                contributions=ngettext(
                    "{count} contribution",
                    "{count} contributions",
                    campaign["contributions"],
                    count=n(campaign["contributions"]),
                ),
            )
        )
    editorial = data.get("editorial")
    if editorial:
        lines.append(_("Publications : {total}", total=n(editorial["publications"])))
        lines += [
            f"  {PublicationStatus(status).label()} : {n(count)}" for status, count in editorial["by_status"].items()
        ]
    ambassadors = data.get("ambassadors")
    if ambassadors:
        lines.append(_("Ambassadeurs : {total}", total=n(ambassadors["total"])))
        lines += [f"  {Stage(stage).label()} : {n(count)}" for stage, count in ambassadors["by_stage"].items()]
    events = data.get("events")
    if events:
        lines.append(
            _(
                "Événements : {total} (à venir : {upcoming}) ; inscriptions : {registered}, présences : {present}",
                total=n(events["total"]),
                upcoming=n(events["upcoming"]),
                present=n(events["present"]),
                registered=n(events["registered"]),
            )
        )
    return lines


def cmd_check(args: argparse.Namespace) -> int:
    from communitydesk.services.maintenance import check_database

    report = check_database(args.db, _system_actor())
    if report.healthy:
        print(_("« {path} » est en bon état (schéma {version}).", path=args.db, version=report.schema_version))
        return EXIT_OK
    for problem in report.problems:
        print(problem, file=sys.stderr)
    return EXIT_FAILED


def cmd_backup(args: argparse.Namespace) -> int:
    from communitydesk.services.maintenance import backup_database

    target = backup_database(
        args.db, _system_actor(), out=args.out, keep=args.keep, progress=_progress_to_stderr(_("Sauvegarde"))
    )
    print(_("Sauvegarde écrite : {path}", path=target))
    return EXIT_OK


def cmd_restore(args: argparse.Namespace) -> int:
    from communitydesk.services.maintenance import restore_database

    kept = restore_database(args.file, args.db, _system_actor())
    print(_("Base restaurée depuis « {source} ».", source=args.file))
    if kept is not None:
        print(_("L'ancienne base est conservée dans « {path} ».", path=kept))
    return EXIT_OK


def cmd_export_pdf(args: argparse.Namespace) -> int:
    from communitydesk.document_catalogue import DOCUMENTS, DocumentOptions, generate_pdf
    from communitydesk.records.contact_listing import ListingFilter
    from communitydesk.rules.contact_list_columns import parse_columns
    from communitydesk.rules.periods import Period, parse_day

    period = None
    if args.date_from or args.date_to:
        default = DOCUMENTS[args.kind].default_period if args.kind in DOCUMENTS else Period.default
        end = parse_day(args.date_to, "--to") if args.date_to else default(None).end
        start = parse_day(args.date_from, "--from") if args.date_from else default(end).start
        period = Period(start, end)
    options = DocumentOptions(
        period=period,
        contact_filter=ListingFilter(circle=args.circle, tag=args.tag, segment=args.segment),
        columns=parse_columns(args.columns) if args.columns else None,
        template=args.template,
        member_name=args.member_name or "",
        signatory_name=args.signatory_name or "",
        campaign=args.campaign,
        contact=args.contact,
        ambassador=args.ambassador,
        event=args.event,
    )
    result = generate_pdf(
        args.kind, args.db, _system_actor(), options, args.out, progress=_progress_to_stderr(_("Génération du PDF"))
    )
    if result.pages == 1:
        print(_("Document écrit : {path} (1 page).", path=result.path))
    else:
        print(_("Document écrit : {path} ({pages} pages).", path=result.path, pages=result.pages))
    return EXIT_OK


def _print_line_errors(errors: Sequence[RowError]) -> None:
    for error in errors:
        print(
            _("Ligne {line}, « {field} » : {message}", line=error.line, field=error.field, message=error.message),
            file=sys.stderr,
        )


def cmd_import_contributions(args: argparse.Namespace) -> int:
    """Strict by default: one bad line and nothing is written (exit 1). With --skip-bad-lines
    the good lines are written and the bad ones listed: exit 0 when something was written
    (or known already), 1 when every line was refused."""
    from communitydesk.errors import DatabaseError
    from communitydesk.importers.contributions_csv import load_mapping_file
    from communitydesk.services.campaign_import import import_contributions

    if not args.db.exists():
        raise DatabaseError(_("La base « {path} » n'existe pas.", path=args.db))
    mapping = load_mapping_file(args.mapping) if args.mapping else None
    with _database_to_write(args.db, dry_run=args.dry_run) as db:
        summary = import_contributions(
            db,
            _system_actor(),
            args.file,
            args.campaign,
            args.platform,
            mapping=mapping,
            create=args.create,
            dry_run=args.dry_run,
            skip_bad_lines=args.skip_bad_lines,
            progress=_progress_to_stderr(_("Import des contributions")),
        )
    if args.json:
        _print_json(summary.as_json())
    else:
        print(
            _(
                "{created}, {updated}, {skipped}.",
                created=ngettext("{n} créée", "{n} créées", summary.created, n=summary.created),
                updated=ngettext("{n} mise à jour", "{n} mises à jour", summary.updated, n=summary.updated),
                skipped=ngettext("{n} déjà connue", "{n} déjà connues", summary.skipped, n=summary.skipped),
            )
        )
        _print_line_errors(summary.errors)
        for warning in summary.warnings:
            print(_("Attention : {message}", message=warning.message), file=sys.stderr)
        if summary.errors and not args.dry_run:
            if summary.written:
                print(
                    ngettext(
                        "{count} ligne laissée de côté : corrigez-la puis relancez, "
                        "les lignes déjà importées seront reconnues.",
                        "{count} lignes laissées de côté : corrigez-les puis relancez, "
                        "les lignes déjà importées seront reconnues.",
                        len({error.line for error in summary.errors}),
                        count=len({error.line for error in summary.errors}),
                    ),
                    file=sys.stderr,
                )
            elif args.skip_bad_lines:
                print(_("Rien n'a été importé : aucune ligne n'est utilisable."), file=sys.stderr)
            else:
                print(
                    _(
                        "Rien n'a été importé : corrigez ces lignes puis relancez, ou ajoutez --skip-bad-lines "
                        "pour importer les autres."
                    ),
                    file=sys.stderr,
                )
    return EXIT_OK if summary.accepted else EXIT_FAILED


def cmd_import_contacts(args: argparse.Namespace) -> int:
    """Exit 0 when the import ran, even if some lines were refused (they are listed, and
    left out: fix them and run again, the lines already imported are recognised) or the
    search could not be refreshed after the commit (a warning); exit 1 when nothing could
    be imported (unreadable file, unknown columns, locked base)."""
    from communitydesk.services.contact_import import (
        EveryLine,
        ImportMode,
        import_contacts_file,
        index_imported_contacts,
    )

    every_line = EveryLine.of(args.circle, args.tag or (), args.source)  # refused before the base is opened
    with _database_to_write(args.db, dry_run=args.dry_run) as db:
        summary = import_contacts_file(
            db,
            _system_actor(),
            args.file,
            mode=ImportMode.UPDATE if args.update else ImportMode.CREATE,
            dry_run=args.dry_run,
            progress=_progress_to_stderr(_("Import des contacts")),
            every_line=every_line,
        )
        index_imported_contacts(db, _system_actor(), summary)  # committed: the first search will be instant
    if args.json:
        _print_json(summary.as_json())
        return EXIT_OK
    if summary.dry_run:
        print(_("Simulation : rien n'a été enregistré."))
    print(
        _(
            "{created}, {updated}, {merged} (doublons dans le fichier), {skipped} (déjà dans la base).",
            created=ngettext("{n} créé", "{n} créés", summary.created, n=summary.created),
            updated=_("{n} mis à jour", n=summary.updated),
            merged=ngettext("{n} fusionné", "{n} fusionnés", summary.merged, n=summary.merged),
            skipped=ngettext("{n} ignoré", "{n} ignorés", summary.skipped, n=summary.skipped),
        )
    )
    if summary.errors:
        print(
            ngettext(
                "{count} ligne non importée :",
                "{count} lignes non importées :",
                summary.rejected_lines,
                count=summary.rejected_lines,
            ),
            file=sys.stderr,
        )
        for error in summary.errors:
            print(f"  {error.message}", file=sys.stderr)
    for warning in summary.warnings:
        print(_("Attention : {message}", message=warning.message), file=sys.stderr)
    return EXIT_OK


def cmd_import_publications(args: argparse.Namespace) -> int:
    """Exit 0 when the import ran, even if some lines were refused (listed, and left out: fix
    them and run again, the lines already imported are recognised); 1 when nothing could be
    imported (unreadable file, no title nor text column, every line refused, locked base)."""
    from communitydesk.services.publication_import import import_publications

    with _database_to_write(args.db, dry_run=args.dry_run) as db:
        summary = import_publications(
            db,
            _system_actor(),
            args.file,
            dry_run=args.dry_run,
            progress=_progress_to_stderr(_("Import des publications")),
        )
    refused = bool(summary.errors) and not (summary.created or summary.updated or summary.skipped)
    if args.json:
        _print_json(summary.as_json())
        return EXIT_FAILED if refused else EXIT_OK
    if summary.dry_run:
        print(_("Simulation : rien n'a été enregistré."))
    print(
        _(
            "Publications : {created}, {updated}, {skipped} déjà à jour.",
            created=ngettext("{n} créée", "{n} créées", summary.created, n=summary.created),
            updated=ngettext("{n} mise à jour", "{n} mises à jour", summary.updated, n=summary.updated),
            skipped=summary.skipped,
        )
    )
    _print_line_errors(summary.errors)
    for warning in summary.warnings:
        print(
            _(
                "Attention, ligne {line}, « {field} » : {message}",
                line=warning.line,
                field=warning.field,
                message=warning.message,
            ),
            file=sys.stderr,
        )
    return EXIT_FAILED if refused else EXIT_OK


def _period_options(args: argparse.Namespace) -> tuple[date | None, date | None]:
    from communitydesk.rules.periods import parse_day

    start = parse_day(args.date_from, "--from") if args.date_from else None
    end = parse_day(args.date_to, "--to") if args.date_to else None
    return start, end


def cmd_export_ics(args: argparse.Namespace) -> int:
    from communitydesk.db.database import open_database
    from communitydesk.services.publication_export import CalendarContent, export_calendar

    start, end = _period_options(args)  # refused before the base is opened
    db = open_database(args.db, create=False)
    try:
        result = export_calendar(
            db, _system_actor(), args.out, start=start, end=end, content=CalendarContent(args.only)
        )
    finally:
        db.close()
    print(
        ngettext(
            "{count} événement écrit dans « {path} ».",
            "{count} événements écrits dans « {path} ».",
            result.count,
            count=result.count,
            path=result.path,
        )
    )
    return EXIT_OK


def cmd_export_publications(args: argparse.Namespace) -> int:
    from communitydesk.db.database import open_database
    from communitydesk.services.publication_export import export_plan

    db = open_database(args.db, create=False)
    try:
        result = export_plan(db, _system_actor(), args.out)
    finally:
        db.close()
    print(
        ngettext(
            "{count} publication exportée dans « {path} ».",
            "{count} publications exportées dans « {path} ».",
            result.count,
            count=result.count,
            path=result.path,
        )
    )
    return EXIT_OK


def cmd_export_ambassador_brief(args: argparse.Namespace) -> int:
    from communitydesk.db.database import open_database
    from communitydesk.rules.periods import parse_day
    from communitydesk.services.ambassador_brief import export_ambassador_brief

    start = parse_day(args.date_from, "--from") if args.date_from else None  # refused before the base is opened
    out_format = args.format or ("text" if args.out.suffix.lower() in (".txt", ".text") else "html")
    db = open_database(args.db, create=False)
    try:
        result = export_ambassador_brief(db, _system_actor(), args.out, out_format, start)
    finally:
        db.close()
    print(
        _(
            "Brief écrit dans « {path} » : {posts}, {missions}.",
            path=result.path,
            posts=ngettext("{n} publication", "{n} publications", result.posts, n=result.posts),
            missions=ngettext("{n} mission", "{n} missions", result.missions, n=result.missions),
        )
    )
    return EXIT_OK


def cmd_search(args: argparse.Namespace) -> int:
    """The contacts a search of the contacts page finds, by name: for scripts (``--json``)."""
    from communitydesk.rules.circles import circle_label
    from communitydesk.services.contact_lookup import find_contacts

    if args.limit < 1:
        raise UserError(_("--limit : un nombre d'au moins 1 est attendu."))
    found = find_contacts(args.db, _system_actor(), args.text, args.limit)
    if args.json:
        _print_json([contact.as_json() for contact in found])
    else:
        for contact in found:
            print(f"{contact.id}\t{contact.name}\t{circle_label(contact.circle)}")
        if not found:
            print(_("Aucun contact trouvé."), file=sys.stderr)
    return EXIT_OK


@contextmanager
def _database_to_write(path: Path, *, dry_run: bool) -> Iterator[Database]:
    """The open base of a write command: a new ``path`` is created with its folder and an
    older one upgraded, except by a dry run, which writes nothing there: it simulates on a
    copy (upgraded) or an empty base, in a temporary folder."""
    import tempfile

    from communitydesk.db.backup import backup_to
    from communitydesk.db.database import open_database
    from communitydesk.db.schema_version import SchemaState, probe

    simulated = dry_run and probe(path).state is not SchemaState.CURRENT
    with tempfile.TemporaryDirectory() if simulated else nullcontext(None) as scratch:
        target = path
        if scratch is not None:
            target = Path(scratch) / path.name
            if path.exists():
                backup_to(path, target)
        db = open_database(target)
        try:
            yield db
        finally:
            db.close()


def cmd_export_contacts(args: argparse.Namespace) -> int:
    from communitydesk.db.database import open_database
    from communitydesk.services.contact_export import export_contacts, selection_from_options

    file_format = args.format or ("vcard" if args.out.suffix.lower() in (".vcf", ".vcard") else "csv")
    db = open_database(args.db, create=False)
    try:
        selection = selection_from_options(
            db,
            _system_actor(),
            circles=args.circle or (),
            tags=args.tag or (),
            segment=args.segment,
            search=args.search or "",
        )
        summary = export_contacts(
            db,
            _system_actor(),
            args.out,
            file_format,
            selection,
            vcard_version=args.vcard_version,
            progress=_progress_to_stderr(_("Export")),
        )
    finally:
        db.close()
    print(
        ngettext(
            "{count} contact exporté dans « {path} ».",
            "{count} contacts exportés dans « {path} ».",
            summary.count,
            count=summary.count,
            path=summary.path,
        )
    )
    return EXIT_OK


def cmd_gdpr_export(args: argparse.Namespace) -> int:
    """The right of access: a readable PDF or the JSON, by ``--format`` or the file's extension."""
    from communitydesk.services.personal_data import export_format

    out_format = export_format(args.out, args.format)
    if out_format == "pdf":
        from communitydesk.document_catalogue import DocumentOptions, generate_pdf

        path = generate_pdf(
            "personal-data", args.db, _system_actor(), DocumentOptions(contact=args.contact), args.out
        ).path
    else:
        from communitydesk.db.database import open_database
        from communitydesk.services.gdpr import export_person_to_file

        db = open_database(args.db, create=False)
        try:
            path = export_person_to_file(db, _system_actor(), args.contact, args.out)
        finally:
            db.close()
    print(_("Tout ce que la base contient sur le contact n° {id} est dans « {path} ».", id=args.contact, path=path))
    return EXIT_OK


def cmd_gdpr_erase(args: argparse.Namespace) -> int:
    """Exit 2 without --yes (nothing touched), 1 for an unknown or already erased contact."""
    from communitydesk.db.database import open_database
    from communitydesk.db.erasure_journal import journal_path
    from communitydesk.services.gdpr import erase_person

    if not args.yes:
        print(
            _("Erreur : {message}", message=_("l'effacement est définitif : relancez avec --yes pour le confirmer.")),
            file=sys.stderr,
        )
        return EXIT_USAGE
    db = open_database(args.db, create=False)
    try:
        report = erase_person(db, _system_actor(), args.contact, confirm=True)
    finally:
        db.close()
    if args.json:
        _print_json(
            {
                "contact_id": args.contact,
                "erased_contacts": list(report.contact_ids),
                "touch_points_kept": report.touch_points_kept,
                "scrubbed": report.scrubbed,
                "journal": str(journal_path(args.db)),
            }
        )
    else:
        print(
            _(
                "Contact n° {id} effacé ({cards} avec les fiches fusionnées ; {kept} pour les chiffres, "
                "sans leur contenu).",
                id=args.contact,
                cards=ngettext("{n} fiche", "{n} fiches", report.contacts, n=report.contacts),
                kept=ngettext(
                    "{n} échange gardé", "{n} échanges gardés", report.touch_points_kept, n=report.touch_points_kept
                ),
            )
        )
    if not report.scrubbed:
        print(
            _(
                "Attention : la base était occupée par un autre programme ; d'anciennes traces peuvent rester "
                "dans le fichier jusqu'au prochain effacement."
            ),
            file=sys.stderr,
        )
    return EXIT_OK


def _add_gdpr_commands(commands: Any, lang: argparse.ArgumentParser) -> None:
    """`gdpr export|erase`: the right of access and the right to erasure, headless."""
    gdpr = commands.add_parser(
        "gdpr", help=_("RGPD : exporter ou effacer ce que la base contient sur une personne"), parents=[lang]
    )
    verbs = gdpr.add_subparsers(dest="gdpr_verb", metavar=_("ACTION"), parser_class=FrenchArgumentParser)
    verbs.required = True

    export = verbs.add_parser(
        "export", help=_("écrire en PDF ou en JSON tout ce que la base contient sur une personne"), parents=[lang]
    )
    export.set_defaults(handler=cmd_gdpr_export)
    erase = verbs.add_parser("erase", help=_("effacer une personne pour de bon (anonymiser)"), parents=[lang])
    erase.set_defaults(handler=cmd_gdpr_erase)
    for verb in (export, erase):
        verb.add_argument("--db", type=Path, required=True)
        verb.add_argument("--contact", type=int, required=True, metavar=_("NUMÉRO"), help=_("numéro du contact"))
    export.add_argument(
        "--out", type=Path, required=True, help=_("fichier à écrire : un PDF lisible (.pdf) ou le JSON (sinon)")
    )
    export.add_argument(
        "--format", choices=("pdf", "json"), default=None, help=_("pdf ou json (par défaut : selon l'extension)")
    )
    erase.add_argument("--yes", action="store_true", help=_("confirmer l'effacement, qui est définitif"))
    erase.add_argument("--json", action="store_true")


def cmd_ambassador_list(args: argparse.Namespace) -> int:
    from communitydesk.errors import DatabaseError
    from communitydesk.formatting import money
    from communitydesk.rules.ambassadors import Stage
    from communitydesk.services.ambassador_figures import ambassador_lines

    if not args.db.exists():
        raise DatabaseError(_("La base « {path} » n'existe pas.", path=args.db))
    lines = ambassador_lines(args.db, _system_actor())
    if args.json:
        _print_json([line.as_json() for line in lines])
        return EXIT_OK
    if not lines:
        print(_("Aucun ambassadeur dans cette base."))
    for line in lines:
        print(
            _(
                "{id:>4}  {name} — {stage}, {points}, code {code} ; {contacts} et {contributions} apportés ({amount})",
                id=line.id,
                name=line.name,
                stage=Stage(line.stage).label(),
                points=ngettext("{n} point", "{n} points", line.points, n=line.points),
                code=line.referral_code,
                contacts=ngettext("{n} contact", "{n} contacts", line.referred_contacts, n=line.referred_contacts),
                contributions=ngettext(
                    "{n} contribution", "{n} contributions", line.referred_contributions, n=line.referred_contributions
                ),
                amount=money(line.referred_cents),
            )
        )
    return EXIT_OK


def _add_ambassador_commands(commands: Any, lang: argparse.ArgumentParser) -> None:
    """`ambassador list`: the ambassador programme, headless."""
    ambassador = commands.add_parser("ambassador", help=_("programme ambassadeurs"), parents=[lang])
    verbs = ambassador.add_subparsers(dest="ambassador_verb", metavar=_("ACTION"), parser_class=FrenchArgumentParser)
    verbs.required = True
    listing = verbs.add_parser(
        "list", help=_("lister les ambassadeurs, leur étape, leurs points et leurs parrainages"), parents=[lang]
    )
    listing.set_defaults(handler=cmd_ambassador_list)
    listing.add_argument("--db", type=Path, required=True)
    listing.add_argument("--json", action="store_true")


def build_parser(command_line: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """Every command's parser; given ``command_line``, only the sub-commands it names (see FrenchArgumentParser)."""
    from communitydesk import cli_profiles

    lang = FrenchArgumentParser(add_help=False)
    lang.add_argument(
        "--lang", choices=SUPPORTED_LANGUAGES, default=argparse.SUPPRESS, help=_("langue des messages (fr par défaut)")
    )
    cli_profiles.add_login_options(lang)

    parser = FrenchArgumentParser(
        prog="communitydesk", description=_("CommunityDesk : votre communauté en cercles."), command_line=command_line
    )
    parser.add_argument(
        "--version", action="version", version=f"CommunityDesk {__version__}", help=_("afficher la version et quitter")
    )
    parser.add_argument("--lang", choices=SUPPORTED_LANGUAGES, default=None, help=_("langue de l'interface"))
    parser.add_argument("--demo", action="store_true", help=_("ouvrir une base de démonstration neuve"))
    parser.add_argument("--db", type=Path, default=None, help=_("fichier de base de données à ouvrir"))
    commands = parser.add_subparsers(dest="command", metavar=_("COMMANDE"), parser_class=FrenchArgumentParser)

    def command(name: str, handler: Handler, help_text: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help_text, parents=[lang])
        sub.set_defaults(handler=handler)
        return sub

    demo = command("demo", cmd_demo, _("créer une base de démonstration"))
    demo.add_argument("--db", type=Path, required=True)
    demo.add_argument("--contacts", type=int, default=300)
    demo.add_argument("--seed", type=int, default=2026)
    demo.add_argument("--replace", action="store_true", help=_("remplacer le fichier s'il existe"))
    demo.add_argument(
        "--with-logins", action="store_true", help=_("protéger la démo par les mots de passe de démonstration")
    )

    stats = command("stats", cmd_stats, _("afficher les chiffres clés"))
    stats.add_argument("--db", type=Path, required=True)
    stats.add_argument("--json", action="store_true")

    check = command("check", cmd_check, _("vérifier l'intégrité d'une base"))
    check.add_argument("--db", type=Path, required=True)

    backup = command("backup", cmd_backup, _("sauvegarder une base (même ouverte)"))
    backup.add_argument("--db", type=Path, required=True)
    backup.add_argument("--out", type=Path, default=None)
    backup.add_argument("--keep", type=int, default=10, help=_("sauvegardes automatiques conservées"))

    restore = command("restore", cmd_restore, _("restaurer une sauvegarde"))
    restore.add_argument("file", type=Path)
    restore.add_argument("--db", type=Path, required=True)

    search = command("search", cmd_search, _("chercher des contacts, comme dans la liste"))
    search.add_argument("text", metavar=_("TEXTE"), help=_("nom, e-mail, téléphone, ville, étiquette…"))
    search.add_argument("--db", type=Path, required=True)
    search.add_argument("--limit", type=int, default=50, help=_("nombre de contacts au plus (50 par défaut)"))
    search.add_argument("--json", action="store_true")

    # `export FORMAT ...`: one sub-command per format (pdf here; csv, vcard... plug in beside it).
    export = commands.add_parser("export", help=_("exporter des données ou des documents"), parents=[lang])
    export_formats = export.add_subparsers(dest="export_format", metavar=_("FORMAT"), parser_class=FrenchArgumentParser)
    export_formats.required = True

    def export_command(name: str, handler: Handler, help_text: str) -> argparse.ArgumentParser:
        sub = export_formats.add_parser(name, help=help_text, parents=[lang])
        sub.set_defaults(handler=handler)
        return sub

    contacts_out = export_command("contacts", cmd_export_contacts, _("exporter des contacts en CSV ou vCard"))
    contacts_out.add_argument("--db", type=Path, required=True)
    contacts_out.add_argument("--out", type=Path, required=True, help=_("fichier à écrire (.csv ou .vcf)"))
    contacts_out.add_argument(
        "--format",
        choices=("csv", "vcard"),
        default=None,
        help=_("csv (Excel) ou vcard ; par défaut selon l'extension de --out"),
    )
    contacts_out.add_argument("--circle", action="append", help=_("cercle (Proches, Communauté, Grand public)"))
    contacts_out.add_argument("--tag", action="append", help=_("tag"))
    contacts_out.add_argument("--segment", default=None, help=_("segment enregistré"))
    contacts_out.add_argument("--search", default=None, help=_("texte recherché, comme dans la liste"))
    contacts_out.add_argument(
        "--vcard-version",
        choices=("3.0", "4.0"),
        default="3.0",
        help=_("3.0 (par défaut, lue par tous les téléphones) ou 4.0"),
    )

    ics = export_command("ics", cmd_export_ics, _("exporter le calendrier éditorial (fichier .ics)"))
    ics.add_argument("--db", type=Path, required=True)
    ics.add_argument("--out", type=Path, required=True, help=_("fichier .ics à écrire"))
    ics.add_argument("--from", dest="date_from", metavar=_("DATE"), help=_("premier jour (AAAA-MM-JJ ou JJ/MM/AAAA)"))
    ics.add_argument("--to", dest="date_to", metavar=_("DATE"), help=_("dernier jour, inclus"))
    ics.add_argument(
        "--only",
        choices=("publications", "events"),
        default="all",
        help=_("seulement les publications, ou seulement les événements"),
    )

    plan = export_command("publications", cmd_export_publications, _("exporter le plan de publications en CSV"))
    plan.add_argument("--db", type=Path, required=True)
    plan.add_argument("--out", type=Path, required=True, help=_("fichier .csv à écrire"))

    pdf = export_command("pdf", cmd_export_pdf, _("écrire un document PDF"))
    pdf.add_argument(
        "kind",
        metavar=_("DOCUMENT"),
        help=_(
            "charter, community-report, editorial-report, contact-list, directory, campaign-report, "
            "fulfilment-checklist, personal-data, ambassador-kit, event-kit ou event-report"
        ),
    )
    pdf.add_argument("--db", type=Path, required=True)
    pdf.add_argument("--out", type=Path, required=True, help=_("fichier PDF à écrire"))
    pdf.add_argument(
        "--from", dest="date_from", metavar=_("DATE"), help=_("début de période (AAAA-MM-JJ ou JJ/MM/AAAA)")
    )
    pdf.add_argument("--to", dest="date_to", metavar=_("DATE"), help=_("fin de période, incluse"))
    pdf.add_argument("--segment", default=None, help=_("segment enregistré"))
    pdf.add_argument("--circle", default=None, help=_("cercle : proches, communaute ou grand_public"))
    pdf.add_argument("--tag", default=None, help=_("tag"))
    pdf.add_argument("--columns", default=None, help=_("colonnes de la liste, séparées par des virgules"))
    pdf.add_argument(
        "--template", default="ambassador", choices=("ambassador", "collaborator"), help=_("modèle de charte")
    )
    pdf.add_argument("--member-name", default=None, help=_("nom de l'ambassadeur ou du collaborateur (charte)"))
    pdf.add_argument("--signatory-name", default=None, help=_("nom du signataire de l'organisation (charte)"))
    pdf.add_argument("--campaign", default=None, help=_("nom ou numéro de la campagne (documents de campagne)"))
    pdf.add_argument(
        "--contact", type=int, default=None, metavar=_("NUMÉRO"), help=_("numéro du contact (personal-data)")
    )
    pdf.add_argument(
        "--ambassador",
        default=None,
        metavar=_("NOM_OU_NUMÉRO"),
        help=_("nom ou numéro de l'ambassadeur (ambassador-kit ; sans lui : chaque ambassadeur actif)"),
    )
    pdf.add_argument(
        "--event",
        default=None,
        metavar=_("NOM_OU_NUMÉRO"),
        help=_("nom ou numéro de l'événement (event-kit, event-report)"),
    )

    brief = export_command(
        "ambassador-brief", cmd_export_ambassador_brief, _("écrire le brief des ambassadeurs (15 jours à partager)")
    )
    brief.add_argument("--db", type=Path, required=True)
    brief.add_argument("--out", type=Path, required=True, help=_("fichier à écrire (.html ou .txt)"))
    brief.add_argument(
        "--format",
        choices=("html", "text"),
        default=None,
        help=_("html ou text (par défaut : selon l'extension de --out, sinon html)"),
    )
    brief.add_argument("--from", dest="date_from", metavar=_("DATE"), help=_("premier jour (par défaut : aujourd'hui)"))

    # `import KIND FILE ...`: one sub-command per kind of file (contributions here; contacts beside it).
    import_ = commands.add_parser("import", help=_("importer un fichier"), parents=[lang])
    import_kinds = import_.add_subparsers(dest="import_kind", metavar=_("TYPE"), parser_class=FrenchArgumentParser)
    import_kinds.required = True

    def import_command(name: str, handler: Handler, help_text: str) -> argparse.ArgumentParser:
        sub = import_kinds.add_parser(name, help=help_text, parents=[lang])
        sub.set_defaults(handler=handler)
        return sub

    import_contacts = import_command(
        "contacts", cmd_import_contacts, _("importer des contacts (CSV d'Excel ou d'ailleurs, vCard)")
    )
    import_contacts.add_argument("file", type=Path, metavar=_("FICHIER"), help=_("fichier .csv ou .vcf"))
    import_contacts.add_argument("--db", type=Path, required=True)
    import_contacts.add_argument(
        "--update", action="store_true", help=_("mettre à jour les contacts déjà connus (e-mail, puis téléphone)")
    )
    import_contacts.add_argument("--dry-run", action="store_true", help=_("tout vérifier sans rien enregistrer"))
    import_contacts.add_argument(
        "--circle",
        default=None,
        help=_("cercle des contacts créés dont la ligne n'en donne pas (Proches, Communauté…)"),
    )
    import_contacts.add_argument("--tag", action="append", help=_("tag ajouté à chaque contact du fichier (répétable)"))
    import_contacts.add_argument(
        "--source", default=None, help=_("source des contacts créés (par défaut : le nom du fichier)")
    )
    import_contacts.add_argument("--json", action="store_true")

    contributions = import_command(
        "contributions", cmd_import_contributions, _("importer l'export CSV des contributions d'une plateforme")
    )
    contributions.add_argument("file", type=Path, metavar=_("FICHIER"))
    contributions.add_argument("--db", type=Path, required=True)
    contributions.add_argument("--campaign", required=True, metavar=_("NOM_OU_NUMÉRO"))
    contributions.add_argument(
        "--platform", required=True, choices=("ulule", "kisskissbankbank", "helloasso", "generic")
    )
    contributions.add_argument(
        "--mapping", type=Path, default=None, help=_('fichier JSON {"champ": "en-tête"} des colonnes')
    )
    contributions.add_argument("--create", action="store_true", help=_("créer la campagne si aucune ne porte ce nom"))
    contributions.add_argument("--dry-run", action="store_true", help=_("tout vérifier sans rien enregistrer"))
    contributions.add_argument(
        "--skip-bad-lines",
        action="store_true",
        help=_("importer les bonnes lignes et lister les autres (sinon une mauvaise ligne et rien n'est importé)"),
    )
    contributions.add_argument("--json", action="store_true")

    publications = import_command(
        "publications", cmd_import_publications, _("importer un calendrier éditorial (CSV d'Excel ou d'ailleurs)")
    )
    publications.add_argument("file", type=Path, metavar=_("FICHIER"), help=_("fichier .csv"))
    publications.add_argument("--db", type=Path, required=True)
    publications.add_argument("--dry-run", action="store_true", help=_("tout vérifier sans rien enregistrer"))
    publications.add_argument("--json", action="store_true")

    _add_gdpr_commands(commands, lang)
    _add_ambassador_commands(commands, lang)
    add_event_commands(commands, import_kinds, lang, _database_to_write)
    cli_profiles.add_profile_commands(commands, lang)
    return parser


def display_problem() -> str | None:
    """Qt's xcb plugin aborts with a cryptic message when there is no screen: say it plainly."""
    if sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY") or os.environ.get("QT_QPA_PLATFORM")
    ):
        return _(
            "Aucun écran n'est disponible (ni DISPLAY ni WAYLAND_DISPLAY).\n"
            "- Sur un poste de travail : lancez CommunityDesk depuis la session graphique.\n"
            "- Sans écran (serveur, SSH, CI) : QT_QPA_PLATFORM=offscreen communitydesk, "
            "ou utilisez les sous-commandes (communitydesk --help)."
        )
    return None


def _refuse_a_newer_base(path: Path | None) -> None:
    """Every command refuses a base written by a newer CommunityDesk before touching it,
    even those that only read it (its figures may not mean what this version thinks)."""
    if path is None or not path.exists():
        return
    from communitydesk.db.schema_version import SchemaState, probe, refuse_newer
    from communitydesk.errors import DatabaseError

    try:
        found = probe(path)
    except DatabaseError:
        return  # damaged, foreign, locked...: each command says so in its own terms (restore may replace it)
    if found.state is SchemaState.NEWER:
        raise refuse_newer(path, found)


def main(argv: Sequence[str] | None = None) -> int:
    raw = list(sys.argv[1:] if argv is None else argv)
    # Language first, so that even argument errors speak the user's language.
    if "--lang" in raw and raw.index("--lang") + 1 < len(raw):
        set_language(raw[raw.index("--lang") + 1])
    try:
        args = build_parser(raw).parse_args(raw)
    except WholeParserNeeded:
        args = build_parser().parse_args(raw)
    if getattr(args, "lang", None):
        set_language(args.lang)
    try:
        if args.command is None:
            problem = display_problem()
            if problem:
                print(problem, file=sys.stderr)
                return EXIT_USAGE
            from communitydesk.app import run_gui

            return run_gui(db=args.db, demo=args.demo, language=args.lang)
        handler: Handler = args.handler
        _refuse_a_newer_base(getattr(args, "db", None))
        from communitydesk.cli_profiles import acting

        # The command's collector policy: set here, never by the services; then its login.
        with headless_command(), acting(args):
            return handler(args)
    except UserError as error:
        print(_("Erreur : {message}", message=error), file=sys.stderr)
        return EXIT_FAILED
    except BrokenPipeError:
        # The reader went away (``| head``): nothing to say, and nothing more may be printed.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_FAILED
    except OSError as error:
        # A full disk, a permission, a vanished folder: the user can act on it, a traceback would not help.
        from communitydesk.system_errors import os_error_reason

        reason = os_error_reason(error)
        if error.filename:
            reason = _("« {path} » : {reason}.", path=error.filename, reason=reason)
        print(_("Erreur : {message}", message=reason), file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        print(_("Interrompu."), file=sys.stderr)
        return 130
