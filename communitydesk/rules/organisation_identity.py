"""Checks on the organisation identity printed on documents: SIRET/RNA, website, colours.

Pure functions; each returns the cleaned value or raises ValidationError naming the field.
"""

from __future__ import annotations

import re
from pathlib import Path

from communitydesk.errors import ValidationError
from communitydesk.i18n import _
from communitydesk.rules.contact_fields import is_email

_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
_RNA = re.compile(r"^W\d{9}$")
LOGO_SUFFIXES = (".png", ".jpg", ".jpeg")


def siret_checksum_ok(digits: str) -> bool:
    """Luhn check of a 14-digit SIRET (La Poste's own SIRETs are the documented exception)."""
    total = 0
    for index, char in enumerate(reversed(digits)):
        value = int(char) * (2 if index % 2 else 1)
        total += value - 9 if value > 9 else value
    return total % 10 == 0 or digits.startswith("356000000")


def clean_legal_id(text: str) -> str:
    """``""``, a SIRET (14 digits, spaces allowed) or an RNA number (W + 9 digits).

    A leading "SIRET" or "RNA" word is accepted and kept, as people often write it.
    """
    text = " ".join(text.split())
    if not text:
        return ""
    bare = re.sub(r"^(SIRET|RNA)\s*:?\s*", "", text, flags=re.IGNORECASE).replace(" ", "").upper()
    if bare.isdigit():
        if len(bare) != 14:
            raise ValidationError(
                _("Le SIRET doit compter 14 chiffres (« {value} » en compte {count}).", value=text, count=len(bare)),
                field="legal_id",
            )
        if not siret_checksum_ok(bare):
            raise ValidationError(
                _("Le SIRET « {value} » n'est pas valide : vérifiez les chiffres (clé de contrôle).", value=text),
                field="legal_id",
            )
        return text
    if _RNA.match(bare):
        return text
    raise ValidationError(
        _("« {value} » n'est ni un SIRET (14 chiffres) ni un numéro RNA (W suivi de 9 chiffres).", value=text),
        field="legal_id",
    )


def clean_website(text: str) -> str:
    """A web address; ``https://`` is added when the scheme is missing."""
    text = text.strip()
    if not text:
        return ""
    if not re.match(r"^https?://", text, flags=re.IGNORECASE):
        text = "https://" + text
    host = re.sub(r"^https?://", "", text, flags=re.IGNORECASE).split("/")[0]
    if " " in text or "." not in host or host.startswith(".") or host.endswith("."):
        raise ValidationError(
            _("« {value} » n'est pas une adresse de site web (exemple : https://mon-association.fr).", value=text),
            field="website",
        )
    return text


def clean_email(text: str) -> str:
    """The organisation's e-mail address, or ``""``."""
    text = text.strip()
    if text and not is_email(text):
        raise ValidationError(
            _("« {value} » n'est pas une adresse e-mail (exemple : contact@mon-association.fr).", value=text),
            field="email",
        )
    return text


def clean_colour(text: str, field: str) -> str:
    """``#RRGGBB``, upper case."""
    text = text.strip()
    if not _COLOUR.match(text):
        raise ValidationError(
            _(
                "« {value} » n'est pas une couleur : attendu # suivi de 6 chiffres hexadécimaux (exemple : #2E6B5E).",
                value=text,
            ),
            field=field,
        )
    return text.upper()


def clean_logo_path(text: str) -> str:
    """An existing PNG or JPEG file, or ``""``."""
    text = text.strip()
    if not text:
        return ""
    path = Path(text)
    if path.suffix.lower() not in LOGO_SUFFIXES:
        raise ValidationError(_("Le logo « {path} » doit être une image PNG ou JPEG.", path=path), field="logo_path")
    if not path.is_file():
        raise ValidationError(_("Le fichier du logo « {path} » est introuvable.", path=path), field="logo_path")
    return str(path)
