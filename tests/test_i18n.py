"""Every Qt-free message has its English, with the same placeholders; the catalogue works."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path
from types import ModuleType

import pytest

from communitydesk.i18n import _, babel_locale, current_language, set_language

ROOT = Path(__file__).resolve().parent.parent


def catalogue_tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("update_catalogue", ROOT / "tools" / "update_catalogue.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def messages() -> dict[str, str]:
    tool = catalogue_tool()
    english = {str(m.id): str(m.string) for m in tool.load() if m.id and not m.fuzzy}
    return {str(m.id): english.get(str(m.id), "") for m in tool.extract() if m.id}


def placeholders(text: str) -> list[str]:
    # Only {name} fields: help texts may show literal JSON braces, never formatted.
    return sorted(re.findall(r"(?<!\{)\{(\w+)\}(?!\})", text))


def test_the_code_has_messages(messages: dict[str, str]) -> None:
    assert "Interrompu." in messages
    assert len(messages) > 50


def test_every_message_has_english(messages: dict[str, str]) -> None:
    missing = sorted(message for message, english in messages.items() if not english.strip())
    assert missing == [], "run `uv run python tools/update_catalogue.py` and write the English of these"


def test_english_keeps_the_placeholders(messages: dict[str, str]) -> None:
    wrong = {
        message: english
        for message, english in messages.items()
        if english and placeholders(message) != placeholders(english)
    }
    assert wrong == {}


def test_french_is_the_source() -> None:
    assert current_language() == "fr"
    assert _("Interrompu.") == "Interrompu."
    assert _("Contacts : {total}", total=3) == "Contacts : 3"
    assert babel_locale() == "fr_FR"


def test_english_comes_from_the_catalogue() -> None:
    set_language("en")
    assert _("Interrompu.") == "Interrupted."
    assert _("Contacts : {total}", total=3) == "Contacts: 3"
    assert babel_locale() == "en_GB"


def test_unknown_language_falls_back_to_french() -> None:
    set_language("de")
    assert current_language() == "fr"


def test_message_without_english_stays_french() -> None:
    set_language("en")
    assert _("Phrase de test jamais traduite {n}", n=1) == "Phrase de test jamais traduite 1"


def test_the_compiled_catalogue_is_the_po() -> None:
    """The app reads the .mo (no babel at run time): it must say what the .po says."""
    tool = catalogue_tool()
    assert tool.COMPILED.read_bytes() == tool.compiled(tool.load()), "run `uv run python tools/update_catalogue.py`"


def test_every_message_is_written_where_it_is_translated() -> None:
    """``_(variable)`` is never extracted: its English is missing until someone notices (the
    shipping list's « Montant (€) » was)."""
    import ast

    computed = [
        f"{path.relative_to(ROOT)}:{node.lineno}"
        for path in sorted((ROOT / "communitydesk").rglob("*.py"))
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id == "_"
        and node.args
        and not isinstance(node.args[0], ast.Constant)
    ]
    assert computed == []


def test_plurals_follow_each_language() -> None:
    from communitydesk.i18n import ngettext

    one, many = "{count} publication prévue", "{count} publications prévues"
    # French takes the singular for 0 and 1.
    assert [ngettext(one, many, n, count=n) for n in (0, 1, 2)] == [
        "0 publication prévue",
        "1 publication prévue",
        "2 publications prévues",
    ]
    set_language("en")
    # A plural the catalogue does not know stays French, with English's rule (0 is plural).
    assert ngettext(one, many, 0, count=0) == "0 publications prévues"
    # One the catalogue knows: English forms.
    week = (
        "aucune publication {network} la semaine du {day}",
        "aucune publication {network} les {weeks} semaines à partir du {day}",
    )
    assert (
        ngettext(*week, 1, network="LinkedIn", day="7 December", weeks=1)
        == "no LinkedIn post in the week of 7 December"
    )
    assert (
        ngettext(*week, 2, network="LinkedIn", day="7 December", weeks=2)
        == "no LinkedIn post in the 2 weeks from 7 December"
    )
