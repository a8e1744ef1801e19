"""Refresh the English catalogue of the Qt-free strings from the ``_()`` calls in communitydesk/.

    uv run python tools/update_catalogue.py          # add new messages, drop vanished ones
    uv run python tools/update_catalogue.py --check  # exit 1 when a message has no English,
                                                     # or the compiled .mo is not the .po's

New messages arrive with an empty msgstr: write the English, keep the {placeholders}.
Translations already written are kept. Qt screens are not here: they use self.tr() and
resources/translations/*.ts (pyside6-lupdate).
"""

from __future__ import annotations

import argparse
import io
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "communitydesk"
CATALOGUE = ROOT / "resources" / "locale" / "en" / "communitydesk.po"
# What the app reads (gettext's layout): compiled here so that no babel runs in the app.
COMPILED = CATALOGUE.parent / "LC_MESSAGES" / "communitydesk.mo"


def extract() -> Catalog:
    """Every ``_("...")`` message of the package, with the files it appears in."""
    template = Catalog(project="CommunityDesk", language_team="CommunityDesk", charset="utf-8")
    found = extract_from_dir(PACKAGE, method_map=[("**.py", "python")], keywords={"_": None, "ngettext": (1, 2)})
    for filename, lineno, message, comments, context in found:
        # A plural arrives as (singular, plural).
        if (isinstance(message, str) and message) or (isinstance(message, tuple) and all(message)):
            template.add(
                message, locations=[(f"communitydesk/{filename}", lineno)], auto_comments=comments, context=context
            )
    return template


def load() -> Catalog:
    if not CATALOGUE.exists():
        return Catalog(
            locale="en",
            project="CommunityDesk",
            version="",
            copyright_holder="CommunityDesk",
            msgid_bugs_address="",
            last_translator="CommunityDesk",
            language_team="CommunityDesk",
            charset="utf-8",
        )
    with CATALOGUE.open("rb") as handle:
        return read_po(handle, locale="en")


def compiled(catalogue: Catalog) -> bytes:
    """The .mo of ``catalogue`` (fuzzy entries left out, as gettext expects)."""
    buffer = io.BytesIO()
    write_mo(buffer, catalogue, use_fuzzy=False)
    return buffer.getvalue()


def untranslated(catalogue: Catalog) -> list[str]:
    def missing(string: object) -> bool:
        # A plural's English is one string per form: each must be written.
        return not all(string) if isinstance(string, tuple) else not string

    return [str(m.id) for m in catalogue if m.id and (missing(m.string) or m.fuzzy)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report messages without English")
    args = parser.parse_args()
    catalogue = load()
    template = extract()
    template.creation_date = catalogue.creation_date  # no churn in the header on every run
    catalogue.update(template, no_fuzzy_matching=True)
    catalogue.fuzzy = False
    missing = untranslated(catalogue)
    if args.check:
        for message in missing:
            print(f"untranslated: {message!r}", file=sys.stderr)
        stale = not COMPILED.exists() or COMPILED.read_bytes() != compiled(load())
        if stale:
            print(f"{COMPILED.relative_to(ROOT)} is not the .po compiled: run this tool", file=sys.stderr)
        return 1 if missing or stale else 0
    catalogue.obsolete.clear()
    CATALOGUE.parent.mkdir(parents=True, exist_ok=True)
    with CATALOGUE.open("wb") as handle:
        # No line numbers: fewer conflicts when several people add strings at once.
        write_po(handle, catalogue, width=120, include_lineno=False, sort_output=True)
    COMPILED.parent.mkdir(parents=True, exist_ok=True)
    COMPILED.write_bytes(compiled(load()))  # from the file as written: what --check compares
    print(f"{CATALOGUE.relative_to(ROOT)}: {len(catalogue)} messages, {len(missing)} without English")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
