"""Headless logins and the `profile` and `audit` commands.

Once a profile of a base has a password, every command but ``check`` and ``backup`` (they
need only the file, which the operating system protects, so that scheduled backups keep
running) acts as a logged-in profile: ``--user NAME`` and the password on the first line
of standard input (``--password-stdin``) or typed at a prompt on a terminal. A missing or
wrong login exits 1 with the reason, changes nothing (but the failed-login count) and is
audited. Without passwords, commands act as the system, an Administrateur, as before.

Kept cheap to import like cli.py: services are imported when a command runs, and the
login runs on the quick path (no SQLAlchemy), so that ``stats`` and ``export pdf`` stay light.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import TYPE_CHECKING, Any

from communitydesk.errors import UserError
from communitydesk.i18n import _, ngettext

if TYPE_CHECKING:
    from communitydesk.services.permissions import Actor

# Commands that run on the file alone, without a login.
WITHOUT_LOGIN = frozenset({"check", "backup"})
ROLES = ("admin", "equipe", "benevole", "lecture")

_acting: ContextVar[Actor | None] = ContextVar("communitydesk_cli_actor", default=None)


def add_login_options(parser: argparse.ArgumentParser) -> None:
    """``--user`` and ``--password-stdin``, on the parent parser every sub-command shares."""
    parser.add_argument(
        "--user", metavar=_("PROFIL"), default=argparse.SUPPRESS, help=_("profil qui agit (base protégée)")
    )
    parser.add_argument(
        "--password-stdin",
        action="store_true",
        default=argparse.SUPPRESS,
        help=_("lire le mot de passe sur la première ligne de l'entrée standard"),
    )


def current_actor() -> Actor:
    """Who the running command acts as: the logged-in profile, else the system."""
    from communitydesk.services.permissions import SYSTEM

    return _acting.get() or SYSTEM


@contextmanager
def acting(args: argparse.Namespace) -> Iterator[None]:
    """Log in as the command needs (see the module docstring) for the command's duration."""
    token = _acting.set(_login_for(args))
    try:
        yield
    finally:
        _acting.reset(token)


def _login_for(args: argparse.Namespace) -> Actor | None:
    path: Path | None = getattr(args, "db", None)
    if args.command in WITHOUT_LOGIN or path is None or not path.exists():
        return None
    from communitydesk.db.audit_writes import needs_login
    from communitydesk.errors import DatabaseError

    try:
        protected = needs_login(path)
    except DatabaseError:
        return None  # unreadable (damaged, foreign, locked): the command says so in its own terms
    if not protected:
        return None
    from communitydesk.services.audit import Outcome, SessionEvent, record

    user = getattr(args, "user", None)
    if not user:
        record(path, "?", SessionEvent.LOGIN_FAILED, "cli", Outcome.REFUSED, "no user")
        raise UserError(
            _(
                "Cette base est protégée par des profils : indiquez --user NOM et le mot de passe "
                "(--password-stdin, ou tapé à l'invite)."
            )
        )
    password = read_secret(args, _("Mot de passe de « {name} » : ", name=user))
    from communitydesk.services.logins import login  # the quick path: no SQLAlchemy for stats and PDFs

    return login(path, user, password)


def read_secret(args: argparse.Namespace, prompt: str) -> str:
    """The next line of standard input with ``--password-stdin``, else a prompt on a terminal."""
    if getattr(args, "password_stdin", False):
        line = sys.stdin.readline()
        if not line:
            raise UserError(_("Mot de passe attendu sur l'entrée standard (--password-stdin)."))
        return line.rstrip("\r\n")
    if sys.stdin.isatty():
        import getpass

        return getpass.getpass(prompt)
    raise UserError(_("Mot de passe attendu : ajoutez --password-stdin et donnez-le sur l'entrée standard."))


# -- `profile add|list` and `audit` ---------------------------------------------------------


def cmd_profile_add(args: argparse.Namespace) -> int:
    from communitydesk.db.database import open_database
    from communitydesk.services.permissions import Role
    from communitydesk.services.profiles import add_profile

    role = Role(args.role)
    password = None  # a profile without a password, unless one is given
    if getattr(args, "password_stdin", False) or sys.stdin.isatty():
        password = read_secret(args, _("Mot de passe du nouveau profil « {name} » : ", name=args.name)) or None
    db = open_database(args.db)
    try:
        added = add_profile(db, current_actor(), args.name, role, password)
    finally:
        db.close()
    print(_("Profil « {name} » ajouté ({role}).", name=added.name, role=role.label))
    return 0


def cmd_profile_list(args: argparse.Namespace) -> int:
    from communitydesk.db.database import open_database
    from communitydesk.services.permissions import Role
    from communitydesk.services.profiles import profiles

    _existing(args.db)
    db = open_database(args.db, create=False)
    try:
        found = profiles(db, current_actor())
    finally:
        db.close()
    if args.json:
        _print_json(
            [
                {
                    "name": p.name,
                    "role": p.role,
                    "has_password": p.has_password,
                    "has_pin": p.has_pin,
                    "last_login_at": p.last_login_at.isoformat() if p.last_login_at else None,
                }
                for p in found
            ]
        )
        return 0
    if not found:
        print(_("Aucun profil dans cette base."))
    for p in found:
        print(f"{p.name} — {Role(p.role).label}")
    return 0


def cmd_audit(args: argparse.Namespace) -> int:
    from communitydesk.db.database import open_database
    from communitydesk.services.audit import Outcome, entries, export_csv

    _existing(args.db)
    filters: dict[str, Any] = {"user": args.user_filter, "action": args.action, "limit": args.limit}
    if args.outcome:
        filters["outcome"] = Outcome(args.outcome)
    db = open_database(args.db, create=False)
    try:
        if args.out is not None:
            count = export_csv(db, current_actor(), args.out, **filters)
            print(
                ngettext(
                    "Journal d'audit écrit : {path} ({count} entrée).",
                    "Journal d'audit écrit : {path} ({count} entrées).",
                    count,
                    path=args.out,
                    count=count,
                )
            )
            return 0
        found = entries(db, current_actor(), **filters)
    finally:
        db.close()
    if args.json:
        _print_json([entry.as_json() for entry in found])
        return 0
    from communitydesk.formatting import to_local
    from communitydesk.services.audit_labels import action_words, outcome_words

    for entry in found:
        when = to_local(entry.at).strftime("%d/%m/%Y %H:%M:%S")
        words = (when, entry.user, action_words(entry.action), entry.target_label, outcome_words(entry.outcome))
        print("  ".join(words))
    return 0


def _existing(path: Path) -> None:
    from communitydesk.errors import DatabaseError

    if not path.exists():
        raise DatabaseError(_("La base « {path} » n'existe pas.", path=path))


def _print_json(data: object) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2))


def add_profile_commands(commands: Any, lang: argparse.ArgumentParser) -> None:
    """`profile add|list` and `audit`, on the CLI's sub-command list."""
    profile = commands.add_parser("profile", help=_("profils et droits d'une base partagée"), parents=[lang])
    verbs = profile.add_subparsers(dest="profile_verb", metavar=_("ACTION"), parser_class=type(profile))
    verbs.required = True

    add = verbs.add_parser(
        "add",
        help=_("ajouter un profil (le premier : un administrateur, sans connexion)"),
        parents=[lang],
    )
    add.set_defaults(handler=cmd_profile_add)
    add.add_argument("name", metavar=_("NOM"))
    add.add_argument("--role", required=True, choices=ROLES, help=_("admin, equipe, benevole ou lecture"))
    add.add_argument("--db", type=Path, required=True)

    listing = verbs.add_parser("list", help=_("lister les profils et leurs rôles"), parents=[lang])
    listing.set_defaults(handler=cmd_profile_list)
    listing.add_argument("--db", type=Path, required=True)
    listing.add_argument("--json", action="store_true")

    audit = commands.add_parser("audit", help=_("lire le journal d'audit (administrateurs)"), parents=[lang])
    audit.set_defaults(handler=cmd_audit)
    audit.add_argument("--db", type=Path, required=True)
    audit.add_argument("--json", action="store_true")
    audit.add_argument("--of", dest="user_filter", metavar=_("PROFIL"), default=None, help=_("d'un seul profil"))
    audit.add_argument("--action", default=None, help=_("une seule action (contacts.merge, login_failed…)"))
    audit.add_argument("--outcome", choices=("ok", "refused", "failed"), default=None)
    audit.add_argument("--limit", type=int, default=None, help=_("nombre d'entrées au plus, les plus récentes"))
    audit.add_argument("--out", type=Path, default=None, help=_("écrire le journal en CSV dans ce fichier"))
