"""One imported line (CSV row or vCard) checked and normalised into contact values.

Pure Python, no database: the wizard's preview uses it to show errors before anything
is written, and the import writer uses it on every line. It runs 100 000 times per big
import, so the common cases stay on cheap paths (dict look-ups, the French phone path
of ``phone_key``) and the expensive ones (phonenumbers, babel country names) are rare.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from communitydesk.i18n import _
from communitydesk.importers.contact_columns import ContactField
from communitydesk.rules.circles import CIRCLE_ORDER, Circle, circle_label
from communitydesk.rules.contact_fields import EMAIL_PATTERN, MAX_LENGTHS
from communitydesk.rules.contact_keys import email_key, fold, phone_key
from communitydesk.rules.yes_no import FALSE_WORDS, TRUE_WORDS

_F = ContactField

TAG_MAX_LENGTH = 60
# Checked on the cells as read: splitting a full name or a list of e-mails only shortens them.
_LIMITS = {**MAX_LENGTHS, "full_name": 200}
_NO_LIMIT = 1 << 30

_EMAIL_MATCH = EMAIL_PATTERN.match
_EMAIL_SPLIT = re.compile(r"[;,\s]+")
_PHONE_SPLIT = re.compile(r"\s*(?:/|;|,|\bou\b|\bor\b)\s*")
_TAG_SPLIT = re.compile(r"[,;|\n]")
_FR_POSTCODE = re.compile(r"^\d{5}$")
_SPACES = re.compile(r"\s+")
_PUNCTUATION = re.compile(r"[^0-9a-z]+")

# What people type in a cell to say "nothing here"; read as empty for e-mails, phones, postcodes.
_PLACEHOLDERS = frozenset(
    {
        "-",
        "--",
        "/",
        ".",
        "?",
        "nc",
        "n c",
        "neant",
        "inconnu",
        "aucun",
        "aucune",
        "na",
        "n a",
        "null",
        "none",
        "non communique",
        "x",
    }
)

# Plain-str pairs for the per-line loops (enum attribute access is slow at 100 000 lines).
_EMAIL_FIELDS = (("email", "email_secondary"), ("email_secondary", None))
_PHONE_FIELDS = (("phone", "phone_secondary"), ("phone_secondary", None))
_FLAGS = ("is_ambassador", "is_critic")

CIRCLE_WORDS: dict[str, Circle] = {
    **dict.fromkeys(
        ["proches", "proche", "cercle des proches", "cercle proche", "1", "close", "inner circle"], Circle.PROCHES
    ),
    **dict.fromkeys(["communaute", "la communaute", "cercle communaute", "2", "community"], Circle.COMMUNAUTE),
    **dict.fromkeys(
        ["grand public", "public", "grandpublic", "3", "general public", "wider public"], Circle.GRAND_PUBLIC
    ),
}

_TRUE_WORDS, _FALSE_WORDS = TRUE_WORDS, FALSE_WORDS  # one list for every import: rules.yes_no

KIND_WORDS: dict[str, str] = {
    **dict.fromkeys(
        ["personne", "person", "individu", "particulier", "personne physique", "individual", "p"], "person"
    ),
    **dict.fromkeys(
        [
            "organisation",
            "organization",
            "structure",
            "entreprise",
            "societe",
            "association",
            "personne morale",
            "org",
            "collectivite",
            "o",
        ],
        "organisation",
    ),
}


_Problem = tuple[str, "RowError"]  # (field left out, what the user is told)


@dataclass(slots=True)
class RowError:
    """A problem on one line (spreadsheet numbering, header = 1; 0 for the whole file).

    In ``errors`` the line is not imported; in ``warnings`` it was, and the message says what changed.
    """

    line: int
    field: str
    message: str

    def as_dict(self) -> dict[str, Any]:
        return {"line": self.line, "field": self.field, "message": self.message}


@dataclass(slots=True)
class ContactRecord:
    """The contact values a line gives (only non-empty ones) and its tags."""

    line: int
    values: dict[str, Any]
    tags: list[str] = field(default_factory=list)
    warnings: list[RowError] = field(default_factory=list)  # fields left out of it, and why


def circle_from_text(text: str) -> Circle | None:
    """ "Proches", "Communauté", "grand public", "grand_public", "2"... → Circle; None if unknown.

    The labels of the interface language are known too (what our own exports write).
    """
    key = _PUNCTUATION.sub(" ", fold(text)).strip()
    found = CIRCLE_WORDS.get(key)
    if found is None:
        found = next((c for c in CIRCLE_ORDER if _PUNCTUATION.sub(" ", fold(circle_label(c))).strip() == key), None)
    return found


def _country_key(name: str) -> str:
    return _PUNCTUATION.sub(" ", fold(name)).strip()


@cache
def _country_codes() -> dict[str, str]:
    from babel import Locale  # ~20 ms: only when a file names a country other than France

    codes: dict[str, str] = {}
    for locale in ("en", "fr"):
        for code, name in Locale.parse(locale).territories.items():
            if len(code) == 2 and code.isalpha():
                codes[_country_key(name)] = code
                codes[code.lower()] = code
    codes.update({"uk": "GB", "angleterre": "GB", "usa": "US", "etats unis": "US", "holland": "NL"})
    return codes


def country_code(text: str) -> str | None:
    """ "France", "FR", "Belgique", "Deutschland"? → ISO code; None when unknown."""
    key = _country_key(text)
    if key in ("fr", "france", "fra"):
        return "FR"
    return _country_codes().get(key)


def split_full_name(full_name: str) -> tuple[str, str]:
    """ "Hélène Durand" → (Hélène, Durand); "DURAND Hélène" and "Durand, Hélène" → same."""
    full_name = _SPACES.sub(" ", full_name).strip()
    if "," in full_name:
        last, _sep, first = full_name.partition(",")
        return first.strip(), last.strip()
    words = full_name.split(" ")
    if len(words) == 1:
        return "", words[0]

    def shouted(word: str) -> bool:
        return any(ch.isalpha() for ch in word) and word.isupper() and len(word) > 1

    # French lists often write the surname in capitals, first or last: "DURAND Hélène".
    if shouted(words[0]) and not all(shouted(word) for word in words):
        cut = next(i for i, word in enumerate(words) if not shouted(word))
        return " ".join(words[cut:]), " ".join(words[:cut])
    if shouted(words[-1]) and not all(shouted(word) for word in words):
        cut = max(i for i, word in enumerate(words) if not shouted(word)) + 1
        return " ".join(words[:cut]), " ".join(words[cut:])
    return words[0], " ".join(words[1:])


def _unwrap(value: str) -> str:
    # ="0612345678" is how exports (ours too) keep Excel from eating leading zeros;
    # a leading ' is how they (ours too) keep a cell starting with = + - @ from running as a formula.
    if value.startswith('="') and value.endswith('"') and len(value) >= 3:
        return value[2:-1].strip()
    if value.startswith("'") and len(value) > 1 and value[1] in "=+-@":
        return value[1:]
    return value


class RecordCleaner:
    """Checks and normalises lines of one file; ``field_names`` names fields in error messages.

    ``field_names`` maps a field to what the user sees in the file (the CSV header, the
    vCard property); missing fields fall back to the French label.
    """

    def __init__(self, field_names: Mapping[ContactField, str] | Callable[[ContactField], str] | None = None) -> None:
        if field_names is None:
            self._name_of: Callable[[ContactField], str] = lambda found: found.label
        elif callable(field_names):
            self._name_of = field_names
        else:
            names = dict(field_names)
            self._name_of = lambda found: names.get(found) or found.label
        self._circles: dict[str, str | None] = {}
        self._countries: dict[str, str | None] = {}
        self._tags: dict[str, list[str]] = {}

    def _error(self, line: int, found: ContactField, message: str) -> _Problem:
        """A field the line gives but that cannot be kept: the field, and what to tell the user."""
        column = self._name_of(found)
        return found.value, RowError(
            line, column, _("Ligne {line}, « {column} » : {message}", line=line, column=column, message=message)
        )

    def clean(self, raw: Mapping[str, str], line: int) -> ContactRecord | list[RowError] | None:
        """The record of a line, the list of its errors (then nothing of it is imported),
        or None for a line with nothing in it.

        ``raw`` maps field names (``ContactField`` values as plain str: enum look-ups cost
        at 100 000 lines) to the text of the line. The common cases run inline.
        """
        values: dict[str, Any] = {}
        too_long: list[str] = []
        for found, cell in raw.items():
            if not cell:
                continue
            value = cell.strip()
            if not value:
                continue
            if value[0] == "=" or value[0] == "'":
                value = _unwrap(value)
                if not value:
                    continue
            if len(value) > 20 and len(value) > _LIMITS.get(found, _NO_LIMIT):  # 20: the smallest limit
                too_long.append(found)
            values[found] = value
        if not values:
            return None
        # Each field that cannot be kept is left out with a warning: the person is kept. A text
        # over its limit is not cut (a truncated e-mail or name would be wrong without a word).
        errors: list[_Problem] = [
            self._error(
                line, ContactField(name), _("texte trop long ({count} caractères au plus).", count=_LIMITS[name])
            )
            for name in too_long
        ]
        for name in too_long:
            del values[name]

        if "notes" in values or "address" in values:
            for name in ("notes", "address"):
                text = values.get(name)
                if text is not None and "\r" in text:  # Windows line breaks inside a cell or a vCard NOTE
                    values[name] = text.replace("\r\n", "\n").replace("\r", "\n")

        full_name = values.pop("full_name", "")
        if full_name and not values.get("first_name") and not values.get("last_name"):
            first, last = split_full_name(full_name)
            if first:
                values["first_name"] = first
            if last:
                values["last_name"] = last

        region = "FR"
        country = values.get("country")
        if country is not None:
            code = self._countries.get(country, "")
            if code == "":
                code = self._countries[country] = country_code(country)
            if code is None:
                errors.append(self._error(line, _F.COUNTRY, _("pays inconnu « {value} ».", value=country)))
                del values["country"]
            else:
                values["country"] = region = code

        email = values.get("email")
        if email is not None and "email_secondary" not in values and _EMAIL_MATCH(email):
            values["email_key"] = email.lower() if email.isascii() else email_key(email)
        elif email is not None or "email_secondary" in values:
            self._clean_emails(values, line, errors)
        phone = values.get("phone")
        key = phone_key(phone, region) if phone is not None and "phone_secondary" not in values else ""
        if key:
            values["phone_key"] = key
        elif phone is not None or "phone_secondary" in values:
            self._clean_phones(values, line, errors, region)

        postcode = values.get("postcode")
        if postcode is not None and not (len(postcode) == 5 and postcode.isdigit() and region == "FR"):
            self._clean_postcode(values, line, errors, postcode, region)

        circle = values.get("circle")
        if circle is not None:
            known = self._circles.get(circle, "")
            if known == "":
                found_circle = circle_from_text(circle)
                known = self._circles[circle] = found_circle.value if found_circle else None
            if known is None:
                del values["circle"]
                errors.append(
                    self._error(
                        line,
                        _F.CIRCLE,
                        _("cercle inconnu « {value} » : attendu Proches, Communauté ou Grand public.", value=circle),
                    )
                )
            else:
                values["circle"] = known

        if "is_ambassador" in values or "is_critic" in values:
            self._clean_flags(values, line, errors)

        kind = values.get("kind")
        known_kind = KIND_WORDS.get(fold(kind)) if kind is not None else None
        if kind is not None and known_kind is None:
            del values["kind"]
            errors.append(
                self._error(
                    line, _F.KIND, _("type inconnu « {value} » : attendu personne ou organisation.", value=kind)
                )
            )
        if known_kind is not None:
            values["kind"] = known_kind
        elif "organisation" in values and "first_name" not in values and "last_name" not in values:
            values["kind"] = "organisation"

        tags: list[str] = []
        tag_text = values.pop("tags", None)
        if tag_text is not None:
            tags = self._split_tags(tag_text)
            if any(len(tag) > TAG_MAX_LENGTH for tag in tags):
                tags = [tag for tag in tags if len(tag) <= TAG_MAX_LENGTH]
                errors.append(
                    self._error(
                        line, _F.TAGS, _("étiquette trop longue ({count} caractères au plus).", count=TAG_MAX_LENGTH)
                    )
                )

        if not ("first_name" in values or "last_name" in values or "organisation" in values or "email" in values):
            return [
                *(error for _name, error in errors),
                RowError(
                    line,
                    _("Nom / E-mail"),
                    _(
                        "Ligne {line} : ni nom, ni organisation, ni e-mail : impossible de savoir qui est ce contact.",
                        line=line,
                    ),
                ),
            ]
        warnings = [
            RowError(error.line, error.field, _("{problem} Le reste de la ligne est importé.", problem=error.message))
            for _name, error in errors
        ]
        return ContactRecord(line, values, tags, warnings)

    def _clean_postcode(
        self, values: dict[str, Any], line: int, errors: list[_Problem], postcode: str, region: str
    ) -> None:
        if fold(postcode) in _PLACEHOLDERS:
            del values["postcode"]
        elif region == "FR":
            compact = postcode.replace(" ", "")
            if len(compact) == 4 and compact.isdigit():
                compact = "0" + compact  # Excel turned "01000" into the number 1000
            if _FR_POSTCODE.match(compact):
                values["postcode"] = compact
            else:
                del values["postcode"]
                errors.append(
                    self._error(
                        line,
                        _F.POSTCODE,
                        _("code postal non valide « {value} » (cinq chiffres attendus en France).", value=postcode),
                    )
                )

    def _clean_flags(self, values: dict[str, Any], line: int, errors: list[_Problem]) -> None:
        for flag in _FLAGS:
            text = values.get(flag)
            if text is None:
                continue
            word = fold(text)
            if word in _TRUE_WORDS or word == fold(ContactField(flag).label):
                values[flag] = True
            elif word in _FALSE_WORDS:
                values[flag] = False
            else:
                errors.append(self._error(line, ContactField(flag), _("« {value} » n'est ni oui ni non.", value=text)))
                del values[flag]

    def _clean_emails(self, values: dict[str, Any], line: int, errors: list[_Problem]) -> None:
        notes_extra: list[str] = []
        for found, other in _EMAIL_FIELDS:
            text = values.get(found)
            if text is None:
                continue
            addresses = [text]
            if not EMAIL_PATTERN.match(text):
                if fold(text) in _PLACEHOLDERS:
                    del values[found]
                    continue
                if "<" in text and ">" in text:  # "Jean Martin <jean@exemple.fr>" from webmail
                    text = text[text.rindex("<") + 1 : text.rindex(">")]
                if text.lower().startswith("mailto:"):
                    text = text[7:]
                addresses = [part for part in _EMAIL_SPLIT.split(text) if part]
            good = [address for address in addresses if EMAIL_PATTERN.match(address)]
            if len(good) < len(addresses) or not addresses:
                bad = [address for address in addresses if address not in good]
                errors.append(
                    self._error(
                        line,
                        ContactField(found),
                        _("adresse e-mail non valide « {value} ».", value=bad[0] if bad else text),
                    )
                )
            if not good:
                del values[found]
                continue
            addresses = good
            values[found] = addresses[0]
            extra = addresses[1:]
            if extra and other is not None and not values.get(other):
                values[other] = extra.pop(0)
            if extra:  # a third address in one cell: kept in the notes rather than lost
                notes_extra.append(_("Autres e-mails : {emails}", emails=", ".join(extra)))
        if "email" not in values and "email_secondary" in values:  # only a second address: the one to reach
            values["email"] = values.pop("email_secondary")
        if "email" in values:
            values["email_key"] = email_key(values["email"])
        if notes_extra:
            values["notes"] = "\n".join([values.get("notes", ""), *notes_extra]).strip()

    def _clean_phones(self, values: dict[str, Any], line: int, errors: list[_Problem], region: str) -> None:
        keys: dict[str, str] = {}
        for found, other in _PHONE_FIELDS:
            text = values.get(found)
            if text is None:
                continue
            key = phone_key(text, region)
            if not key:
                if fold(text) in _PLACEHOLDERS:
                    del values[found]
                    continue
                numbers = [part for part in _PHONE_SPLIT.split(text) if part]
                if len(numbers) > 1 and other is not None and not values.get(other):
                    # "06 12 34 56 78 / 01 23 45 67 89": the second number goes to the second field.
                    text, values[other] = numbers[0], numbers[1]
                    key = phone_key(text, region)
                if not key:
                    errors.append(
                        self._error(
                            line, ContactField(found), _("numéro de téléphone non valide « {value} ».", value=text)
                        )
                    )
                    del values[found]
                    continue
                values[found] = text
            keys[found] = key
        if "phone" in keys:
            values["phone_key"] = keys["phone"]
        elif "phone_secondary" in keys:
            values["phone"] = values.pop("phone_secondary")
            values["phone_key"] = keys["phone_secondary"]

    def _split_tags(self, text: str) -> list[str]:
        tags = self._tags.get(text)
        if tags is None:
            seen: set[str] = set()
            tags = []
            for part in _TAG_SPLIT.split(text):
                tag = _SPACES.sub(" ", part).strip()
                if tag and fold(tag) not in seen:
                    seen.add(fold(tag))
                    tags.append(tag)
            if len(self._tags) < 10_000:
                self._tags[text] = tags
        return list(tags)
