"""Issue #20: real plurals and no gendered « (e) » in both languages, never « contribution(s) »
or « Venu(e) ». Every message the user can see is in the .po catalogue (core, ``_``/``ngettext``)
or the .ts file (Qt ``tr``): scanning both, French sources and English text, finds any left."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest
from babel.messages.pofile import read_po

from communitydesk.i18n import set_language
from communitydesk.importers.control_characters import control_characters_warning
from communitydesk.paths import resources_dir

# « contribution(s) », « nouveau(x) », « Venu(e) », « inscrit(e)s »: a letter, then a parenthesised ending.
PARENTHESISED = re.compile(r"\w\((?:s|x|e|es)\)", re.IGNORECASE)


def catalogue_texts() -> list[str]:
    with (resources_dir() / "locale" / "en" / "communitydesk.po").open("rb") as handle:
        catalogue = read_po(handle)
    texts: list[str] = []
    for message in catalogue:
        for field in (message.id, message.string):
            texts.extend(field if isinstance(field, tuple) else [field])
    return [text for text in texts if text]


def qt_texts() -> list[str]:
    root = ET.parse(resources_dir() / "translations" / "communitydesk_en.ts").getroot()
    found = [node.text or "" for node in root.iter() if node.tag in ("source", "translation", "numerusform")]
    return [text for text in found if text]


def test_the_catalogues_are_read() -> None:
    # The scans below prove nothing on empty lists.
    assert len(catalogue_texts()) > 1000 and len(qt_texts()) > 1000


@pytest.mark.parametrize("texts", [catalogue_texts, qt_texts], ids=["po", "ts"])
def test_no_message_has_a_parenthesised_plural_or_gender(texts) -> None:  # type: ignore[no-untyped-def]
    assert [text for text in texts() if PARENTHESISED.search(text)] == []


@pytest.mark.parametrize(
    ("language", "one", "two"),
    [
        ("fr", "1 caractère de contrôle invisible (NUL, échappement…) retiré.", "2 caractères de contrôle invisibles"),
        ("en", "1 invisible control character (NUL, escape…) removed.", "2 invisible control characters"),
    ],
)
def test_an_import_warning_counts_in_real_plurals(language: str, one: str, two: str) -> None:
    set_language(language)
    try:
        single = control_characters_warning(3, "Nom", "Zo\x00é").message
        double = control_characters_warning(3, "Nom", "Zo\x00\x1bé").message
    finally:
        set_language("fr")
    assert single.endswith(one) and two in double
