"""The plain-text format of charter templates, edited in the app and shipped in resources/charters.

    # Charte des ambassadeurs          ← title (first line)
    Version : 2026.1                   ← optional
                                       ← blank line
    Préambule, un ou plusieurs paragraphes séparés par une ligne vide.
    ## Les engagements de l'ambassadeur   ← a section
    1. Premier engagement, **gras** et _italique_ permis.
    2. Second engagement…
    ## En retour, {organisation} s'engage à
    1. …

Sections holding numbered (``1.``) or bulleted (``-``) lines are lists of commitments; the
first two are the two parties' commitments. ``{organisation}`` takes the organisation's
name with French grammar around it (« de Les Ateliers » prints « des Ateliers »), or a
dotted line to write on when the name is not set. Other sections hold paragraphs. Pure functions:
no database, no PDF library.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from communitydesk.errors import ValidationError
from communitydesk.i18n import _
from communitydesk.rules.personal_data_notice import BLANK

CHARTER_KINDS = ("ambassador", "collaborator")


def check_charter_kind(kind: str) -> str:
    """``kind`` if it is a known charter template, else a French ValidationError naming them."""
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


ORGANISATION_PLACEHOLDER = "{organisation}"

_ITEM = re.compile(r"^\s*(?:\d{1,2}[.)]|[-*•])\s+(?P<text>.+)$")
_VERSION = re.compile(r"^\s*version\s*:\s*(?P<value>.+?)\s*$", re.IGNORECASE)


@dataclass
class CharterSection:
    heading: str
    items: list[str] = field(default_factory=list)
    paragraphs: list[str] = field(default_factory=list)

    @property
    def is_commitments(self) -> bool:
        return bool(self.items)


@dataclass
class CharterText:
    title: str
    version: str = ""
    preamble: list[str] = field(default_factory=list)
    sections: list[CharterSection] = field(default_factory=list)

    @property
    def commitments(self) -> list[CharterSection]:
        return [section for section in self.sections if section.is_commitments]

    @property
    def other_sections(self) -> list[CharterSection]:
        return [section for section in self.sections if not section.is_commitments]

    def with_organisation(self, name: str) -> CharterText:
        """The same text with ``{organisation}`` replaced by the organisation's name, grammatically.

        An empty name leaves a line to write on.
        """

        def fill(text: str) -> str:
            return fill_organisation(text, name)

        return CharterText(
            title=fill(self.title),
            version=self.version,
            preamble=[fill(p) for p in self.preamble],
            sections=[
                CharterSection(fill(s.heading), [fill(i) for i in s.items], [fill(p) for p in s.paragraphs])
                for s in self.sections
            ],
        )


# « de » / « à » (and the markup that may wrap the name) before the placeholder.
_PREPOSITION = re.compile(r"\b(?P<word>[dD]e|[àÀ]) (?P<mark>\*\*|_)?\{organisation\}")
_PLURAL_VERB = re.compile(r"\{organisation\}(?P<mark>\*\*|_)? s(?P<apostrophe>['’])engage\b")
_ARTICLE = re.compile(r"^(?P<article>Les|Le) (?=\S)")
_VOWELS = "aeiouyàâäéèêëîïôöùûüœæ"


def preposition_before(preposition: str, name: str) -> tuple[str, str]:
    """French « de » or « à » before ``name``: (the words before it, the name as it follows).

    « de » + « Le Collectif » → (« du », « Collectif »); « Les Ateliers » → « des » / « aux »;
    « de » + « Emmaüs » → (« d’ », « Emmaüs »); « La Ruche », « L’Atelier » and other names
    keep their article.
    """
    capital = preposition[:1].isupper()
    lower = preposition.lower()
    article = _ARTICLE.match(name)
    if article is not None:
        contracted = {("de", "Le"): "du", ("de", "Les"): "des", ("à", "Le"): "au", ("à", "Les"): "aux"}
        word = contracted[(lower, article.group("article"))]
        rest = name[article.end() :]
    elif lower == "de" and name[:1].lower() in _VOWELS:
        word, rest = "d’", name
    else:
        word, rest = lower, name
    if capital:
        word = word[:1].upper() + word[1:]
    return word, rest


def fill_organisation(text: str, name: str) -> str:
    """``text`` with each ``{organisation}`` replaced by ``name``, prepositions contracted.

    « de Les Ateliers du Lien » becomes « des Ateliers du Lien » and « Les Ateliers s’engage »
    « Les Ateliers s’engagent »; an empty name leaves a dotted line to write on.
    """
    if ORGANISATION_PLACEHOLDER not in text:
        return text
    name = name.strip()
    if not name:
        return text.replace(ORGANISATION_PLACEHOLDER, BLANK)

    def contract(match: re.Match[str]) -> str:
        word, rest = preposition_before(match.group("word"), name)
        mark = match.group("mark") or ""
        separator = "" if word.endswith("’") else " "
        return f"{word}{separator}{mark}{rest}"

    text = _PREPOSITION.sub(contract, text)
    if name.startswith("Les "):
        text = _PLURAL_VERB.sub(
            lambda m: f"{{organisation}}{m.group('mark') or ''} s{m.group('apostrophe')}engagent", text
        )
    return text.replace(ORGANISATION_PLACEHOLDER, name)


def parse_charter(text: str) -> CharterText:
    """Parse a charter template; a ValidationError names the line that cannot be understood."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    numbered = [(number, line.rstrip()) for number, line in enumerate(lines, start=1)]
    content = [(n, line) for n, line in numbered if line.strip()]
    if not content:
        raise ValidationError(_("Le modèle de charte est vide : écrivez au moins un titre précédé de « # »."), "text")
    first_number, first_line = content[0]
    if not first_line.startswith("# "):
        raise ValidationError(
            _("Ligne {line} : la première ligne doit être le titre, précédé de « # ».", line=first_number), "text"
        )
    charter = CharterText(title=first_line[2:].strip())
    section: CharterSection | None = None
    paragraph: list[str] = []
    item_open = False

    def close_paragraph() -> None:
        if paragraph:
            joined = " ".join(part.strip() for part in paragraph)
            (section.paragraphs if section is not None else charter.preamble).append(joined)
            paragraph.clear()

    for number, line in numbered[first_number:]:
        stripped = line.strip()
        if not stripped:
            close_paragraph()
            item_open = False
            continue
        if stripped == "#" or stripped.startswith("# "):
            raise ValidationError(
                _("Ligne {line} : un seul titre « # » est permis ; utilisez « ## » pour une section.", line=number),
                "text",
            )
        if stripped == "##" or stripped.startswith("## "):
            close_paragraph()
            item_open = False
            heading = stripped[2:].strip()
            if not heading:
                raise ValidationError(_("Ligne {line} : la section n'a pas de titre.", line=number), "text")
            section = CharterSection(heading=heading)
            charter.sections.append(section)
            continue
        version = _VERSION.match(stripped)
        if version and section is None and not charter.preamble and not paragraph and not charter.version:
            charter.version = version.group("value")
            continue
        item = _ITEM.match(line)
        if item:
            if section is None:
                raise ValidationError(
                    _(
                        "Ligne {line} : un engagement doit se trouver dans une section « ## » "
                        "(par exemple « ## Les engagements de l'ambassadeur »).",
                        line=number,
                    ),
                    "text",
                )
            close_paragraph()
            section.items.append(item.group("text").strip())
            item_open = True
            continue
        if item_open and section is not None and line[:1].isspace():
            # An indented line continues the commitment above it.
            section.items[-1] += " " + stripped
            continue
        item_open = False
        paragraph.append(stripped)
    close_paragraph()
    if not charter.commitments:
        raise ValidationError(
            _(
                "Le modèle de charte ne contient aucun engagement : "
                "ajoutez des lignes « 1. … » dans une section « ## »."
            ),
            "text",
        )
    for section in charter.sections:
        if section.items and section.paragraphs:
            raise ValidationError(
                _(
                    "La section « {heading} » mélange engagements et paragraphes : "
                    "mettez le texte libre dans une autre section.",
                    heading=section.heading,
                ),
                "text",
            )
    return charter
