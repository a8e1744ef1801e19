"""One source for each vocabulary: circle, touch-kind, contact-field and yes/no words live in rules/.

The scan fails when code outside rules/ translates one of these words itself: a second copy
is how the screen came to say « E-mail » where the PDF said « Courriel ».
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

from communitydesk.db.database import Database
from communitydesk.exporters.contact_csv import header
from communitydesk.importers.contact_columns import ContactField
from communitydesk.importers.contributions_csv import parse_flag
from communitydesk.rules.circles import Circle, circle_description, circle_label
from communitydesk.rules.contact_fields import contact_field_label, contact_kind_label
from communitydesk.rules.contact_list_columns import LIST_COLUMNS, column_label
from communitydesk.rules.touch_kinds import TouchKind, touch_kind_label
from communitydesk.rules.yes_no import FALSE_WORDS, TRUE_WORDS, parse_yes_no, yes_no_label
from communitydesk.services.permissions import Actor

PACKAGE = Path(__file__).resolve().parents[2] / "communitydesk"
FIELDS = (*(f.value for f in ContactField), "display_name", "last_touch_at", "created_at")

# The same French word with another meaning there (an organisation's name and address, a
# campaign's name and type, the kind of a timeline entry).
OTHER_MEANINGS = {
    ("ui/settings_page/page.py", "Nom"),
    ("ui/settings_page/page.py", "Adresse"),
    ("ui/campaigns/dialogs.py", "Nom"),
    ("ui/campaigns/dialogs.py", "Type"),
    ("ui/contacts/timeline.py", "Type"),
}


def vocabulary() -> set[str]:
    words = {circle_label(c) for c in Circle} | {circle_description(c) for c in Circle}
    words |= {touch_kind_label(k) for k in TouchKind}
    words |= {contact_field_label(f) for f in FIELDS} | {contact_kind_label(k) for k in ("person", "organisation")}
    words |= {yes_no_label(True), yes_no_label(False)}
    old_copies = {"Courriel", "Réaction", "E-mail 2", "Téléphone 2", "Étiquette", "Étiquettes", "Créé le", "personne"}
    return words | old_copies


def translated_literals(tree: ast.AST) -> Iterator[str]:
    """The French text of every ``_("…")``, ``tr("…")``, ``translate(ctx, "…")``, ``QT_TRANSLATE_NOOP(ctx, "…")``."""
    positions = {"_": 0, "tr": 0, "translate": 1, "QT_TRANSLATE_NOOP": 1}
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", "")
        index = positions.get(name)
        if index is not None and len(node.args) > index:
            argument = node.args[index]
            if isinstance(argument, ast.Constant) and isinstance(argument.value, str):
                yield argument.value


def test_no_vocabulary_word_is_translated_outside_rules() -> None:
    words = vocabulary()
    copies = []
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE).as_posix()
        if relative.startswith(("rules/", "db/migrations/")):
            continue
        for text in translated_literals(ast.parse(path.read_text(encoding="utf-8"))):
            if text in words and (relative, text) not in OTHER_MEANINGS:
                copies.append((relative, text))
    assert copies == [], "use the rules/ label functions instead"


def test_the_scan_sees_every_way_of_translating() -> None:
    source = '_("Proches"); self.tr("Tags"); QCoreApplication.translate("x", "oui"); QT_TRANSLATE_NOOP("x", "Ville")'
    assert list(translated_literals(ast.parse(source))) == ["Proches", "Tags", "oui", "Ville"]


def test_every_value_has_a_label() -> None:
    assert all(circle_label(c) != c.value and circle_description(c) for c in Circle)
    assert all(touch_kind_label(k) != k.value for k in TouchKind)
    assert all(contact_field_label(f) != f for f in FIELDS)
    assert all(column_label(key) != key for key in LIST_COLUMNS)


def test_printed_lists_and_csv_exports_say_what_the_screens_say() -> None:
    assert column_label("created") == contact_field_label("created_at") == "Ajouté le"
    assert column_label("email") == "E-mail"
    assert [ContactField(f).label for f in ("email_secondary", "phone_secondary", "tags")] == [
        "E-mail secondaire",
        "Téléphone secondaire",
        "Tags",
    ]
    assert "E-mail secondaire" in header() and "Tags" in header()


@pytest.mark.parametrize("word", sorted(TRUE_WORDS | FALSE_WORDS))
def test_both_importers_read_the_same_yes_and_no(word: str) -> None:
    expected = word in TRUE_WORDS
    assert parse_yes_no(word) is expected
    assert parse_flag(word.upper()) is expected  # the contributions' reader folds first
    assert parse_yes_no("peut-être") is None


def test_the_contact_import_reads_the_same_yes_and_no(db: Database, actor: Actor) -> None:
    from communitydesk.services.contact_import import import_contacts_file

    words = sorted(TRUE_WORDS | FALSE_WORDS)
    lines = ["Prénom;Nom;E-mail;Ambassadeur", *(f"P{i};N{i};p{i}@exemple.fr;{w.upper()}" for i, w in enumerate(words))]
    summary = import_contacts_file(db, actor, "\r\n".join(lines).encode(), file_name="oui-non.csv")
    assert summary.errors == [] and summary.created == len(words)
    with db.engine.connect() as conn:
        flags = dict(conn.exec_driver_sql("SELECT email, is_ambassador FROM contacts").all())
    assert [bool(flags[f"p{i}@exemple.fr"]) for i in range(len(words))] == [w in TRUE_WORDS for w in words]
