"""French typography rules: which spaces hold, « 1er », one apostrophe, contracted names."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from communitydesk.rules.charter_text import fill_organisation, preposition_before
from communitydesk.rules.french_typography import NO_BREAK_SPACE, breakable_words, typeset
from communitydesk.rules.personal_data_notice import BLANK

NB = NO_BREAK_SPACE


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Version : 2026.1", f"Version{NB}: 2026.1"),
        ("Vraiment ? Oui ! Bien ; voilà", f"Vraiment{NB}? Oui{NB}! Bien{NB}; voilà"),
        ("la mention « avis personnel »", f"la mention «{NB}avis personnel{NB}»"),
        ("«avis»", f"«{NB}avis{NB}»"),
        ("« ? »", f"«{NB}?{NB}»"),
        ("11\u202f439,47\u00a0€", f"11{NB}439,47{NB}€"),
        ("11 439,47 €", f"11{NB}439,47{NB}€"),
        ("1 234 567 contacts", f"1{NB}234{NB}567 contacts"),
        ("12\u202f%", f"12{NB}%"),
        ("le 19 décembre 2026", f"le 19{NB}décembre 2026"),
        ("le 3 déc. 2026", f"le 3{NB}déc. 2026"),
        ("le 1 janvier", f"le 1er{NB}janvier"),
        ("Du 1 mars au 31 mars", f"Du 1er{NB}mars au 31{NB}mars"),
        ("le 11 mai et le 21 mai", f"le 11{NB}mai et le 21{NB}mai"),
        ("l'AG d'hiver", "l’AG d’hiver"),
    ],
)
def test_french_spaces_hold_where_they_must(text: str, expected: str) -> None:
    assert typeset(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "https://exemple.fr/page?x=1",  # no space before '?' or ':' in an address
        "Rendez-vous à 10:30",
        "1 maison, 2 mains",  # « mai » inside a word is not a month
        "Il a 21 ans",
        "",
    ],
)
def test_what_french_typography_leaves_alone(text: str) -> None:
    assert typeset(text).replace(NB, " ").replace("\u2019", "'") == text
    assert "1er" not in typeset(text)


def test_english_keeps_its_spacing_but_not_breakable_narrow_spaces() -> None:
    assert typeset("Note: it's 12\u202f%", "en") == f"Note: it’s 12{NB}%"
    assert typeset("1 January", "en") == "1 January"


@settings(max_examples=500)
@given(st.text(alphabet=" :;!?«»'0123456789abcé\u202f\u00a0janvierdécembre€%", max_size=60))
def test_typesetting_is_stable_and_never_leaves_punctuation_to_start_a_line(text: str) -> None:
    once = typeset(text)
    assert typeset(once) == once
    # A line may only start after a breakable space: never with what French keeps to its left.
    # (Punctuation glued to a following word, as in an address, is not French punctuation.)
    for word in breakable_words(once)[1:]:
        assert not re.match(r"[:;!?]+(?:$|[\s»)\]])", word), (text, once)
        assert word[0] != "»", (text, once)
    assert "\u202f" not in once


@given(st.integers(min_value=1000, max_value=10**12), st.integers(min_value=0, max_value=99))
def test_a_french_amount_is_one_unbreakable_word(euros: int, cents: int) -> None:
    grouped = f"{euros:,}".replace(",", "\u202f")
    assert breakable_words(typeset(f"Total : {grouped},{cents:02d}\u00a0€ collectés")) == [
        f"Total{NB}:",
        f"{grouped.replace(chr(0x202F), NB)},{cents:02d}{NB}€",
        "collectés",
    ]


def test_breakable_words_split_on_ordinary_spaces_only() -> None:
    assert breakable_words(f"a b\tc\n d{NB}e\u202ff") == ["a", "b", "c", f"d{NB}e\u202ff"]


NAMES = {
    # name: (de + name, de + **name**, à + name, name + s'engage)
    "Le Collectif Vert": ("du Collectif Vert", "du **Collectif Vert**", "au Collectif Vert", "s’engage"),
    "La Ruche": ("de La Ruche", "de **La Ruche**", "à La Ruche", "s’engage"),
    "Les Ateliers du Lien": ("des Ateliers du Lien", "des **Ateliers du Lien**", "aux Ateliers du Lien", "s’engagent"),
    "L’Atelier": ("de L’Atelier", "de **L’Atelier**", "à L’Atelier", "s’engage"),
    "Emmaüs Lyon": ("d’Emmaüs Lyon", "d’**Emmaüs Lyon**", "à Emmaüs Lyon", "s’engage"),
    "Terre Vivante": ("de Terre Vivante", "de **Terre Vivante**", "à Terre Vivante", "s’engage"),
}


@pytest.mark.parametrize("name", NAMES)
def test_organisation_names_of_every_shape_read_right(name: str) -> None:
    of, of_bold, to, verb = NAMES[name]
    assert fill_organisation("le projet de **{organisation}**", name) == f"le projet {of_bold}"
    assert fill_organisation("merci à {organisation}.", name) == f"merci {to}."
    assert fill_organisation("En retour, {organisation} s’engage à", name) == f"En retour, {name} {verb} à"
    assert fill_organisation("## Engagements de {organisation}", name) == f"## Engagements {of}"
    assert fill_organisation("De {organisation} : merci", name) == f"{of[0].upper()}{of[1:]} : merci"


def test_a_missing_name_leaves_a_line_to_write_on() -> None:
    assert fill_organisation("le projet de **{organisation}**", "") == f"le projet de **{BLANK}**"
    assert "CommunityDesk" not in fill_organisation("Pour {organisation}", "")


def test_preposition_before_keeps_the_name_after_the_article() -> None:
    assert preposition_before("de", "Les Amis") == ("des", "Amis")
    assert preposition_before("À", "Le Local") == ("Au", "Local")
    assert preposition_before("de", "Oasis") == ("d’", "Oasis")
    assert preposition_before("de", "Lesbos Solidarité") == ("de", "Lesbos Solidarité")
