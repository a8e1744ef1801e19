"""Which column of a contacts file holds what: French and English headers, and the mapping.

Headers are compared folded (no case, no accents, punctuation as spaces, "(oui/non)"
hints dropped), so "Adresse e-mail", "ADRESSE EMAIL" and "adresse_mail" are one header.
The ``ColumnMapping`` is what the import wizard shows and lets the user change.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from communitydesk.rules.contact_fields import contact_field_label
from communitydesk.rules.contact_keys import fold


class ContactField(StrEnum):
    """A contact field a column can fill; values are the ``contacts`` column names."""

    FIRST_NAME = "first_name"
    LAST_NAME = "last_name"
    FULL_NAME = "full_name"  # split into first and last name on import
    KIND = "kind"
    ORGANISATION = "organisation"
    ROLE = "role"
    EMAIL = "email"
    EMAIL_SECONDARY = "email_secondary"
    PHONE = "phone"
    PHONE_SECONDARY = "phone_secondary"
    ADDRESS = "address"
    POSTCODE = "postcode"
    CITY = "city"
    COUNTRY = "country"
    CIRCLE = "circle"
    SOURCE = "source"
    NOTES = "notes"
    TAGS = "tags"
    IS_AMBASSADOR = "is_ambassador"
    IS_CRITIC = "is_critic"
    REFERRAL_CODE = "referral_code"  # matched to an ambassador: contacts.referred_by_id

    @property
    def label(self) -> str:
        """The French (or English) name shown in the wizard and used as CSV export header."""
        return contact_field_label(self)


# Several columns may feed these: their cells are joined (notes, address lines) or merged (tags).
MULTI_COLUMN_FIELDS = frozenset({ContactField.NOTES, ContactField.ADDRESS, ContactField.TAGS})
# A second column of these kinds fills the secondary field ("Téléphone" then "Portable").
SECONDARY_FIELDS = {ContactField.EMAIL: ContactField.EMAIL_SECONDARY, ContactField.PHONE: ContactField.PHONE_SECONDARY}

_F = ContactField
# Folded header → field. French first (Excel, HelloAsso, Mailchimp FR), then English
# (Google Contacts, Outlook, Mailchimp, Brevo exports).
HEADER_ALIASES: dict[str, ContactField] = {
    **dict.fromkeys(
        ["prenom", "prenoms", "prenom usuel", "first name", "firstname", "given name", "prenom de l adherent"],
        _F.FIRST_NAME,
    ),
    **dict.fromkeys(
        [
            "nom",
            "nom de famille",
            "nom d usage",
            "nom de naissance",
            "last name",
            "lastname",
            "surname",
            "family name",
            "nom de l adherent",
        ],
        _F.LAST_NAME,
    ),
    **dict.fromkeys(
        [
            "nom complet",
            "nom et prenom",
            "nom prenom",
            "prenom et nom",
            "prenom nom",
            "nom prenoms",
            "name",
            "full name",
            "display name",
            "nom affiche",
            "contact",
            "nom du contact",
            "identite",
        ],
        _F.FULL_NAME,
    ),
    **dict.fromkeys(["type", "type de contact", "kind", "personne ou organisation", "categorie de contact"], _F.KIND),
    **dict.fromkeys(
        [
            "organisation",
            "organization",
            "structure",
            "societe",
            "entreprise",
            "company",
            "association",
            "employeur",
            "raison sociale",
            "organisme",
            "etablissement",
            "organization name",
            "nom de la structure",
            "company name",
        ],
        _F.ORGANISATION,
    ),
    **dict.fromkeys(
        [
            "fonction",
            "role",
            "poste",
            "titre",
            "job title",
            "title",
            "position",
            "qualite",
            "organization title",
            "metier",
            "profession",
        ],
        _F.ROLE,
    ),
    **dict.fromkeys(
        [
            "e mail",
            "email",
            "courriel",
            "adresse e mail",
            "adresse email",
            "adresse mail",
            "adresse courriel",
            "adresse electronique",
            "mail",
            "mel",
            "email address",
            "e mail address",
            "e mail 1",
            "email 1",
            "e mail 1 value",
            "courriel 1",
            "adresse e mail principale",
            "e mail principal",
            "email principal",
        ],
        _F.EMAIL,
    ),
    **dict.fromkeys(
        [
            "e mail 2",
            "email 2",
            "courriel 2",
            "e mail 2 value",
            "e mail 2 address",
            "autre e mail",
            "autre email",
            "autre courriel",
            "e mail secondaire",
            "email secondaire",
            "secondary e mail",
            "secondary email",
            "second e mail",
            "e mail pro",
            "e mail professionnel",
        ],
        _F.EMAIL_SECONDARY,
    ),
    **dict.fromkeys(
        [
            "telephone",
            "tel",
            "portable",
            "mobile",
            "telephone portable",
            "tel portable",
            "tel mobile",
            "gsm",
            "telephone mobile",
            "numero de telephone",
            "numero de portable",
            "phone",
            "mobile phone",
            "phone number",
            "phone 1 value",
            "telephone 1",
            "tel 1",
            "cellulaire",
            "primary phone",
        ],
        _F.PHONE,
    ),
    **dict.fromkeys(
        [
            "telephone 2",
            "tel 2",
            "phone 2 value",
            "telephone fixe",
            "fixe",
            "tel fixe",
            "telephone domicile",
            "tel domicile",
            "domicile",
            "telephone professionnel",
            "tel pro",
            "telephone pro",
            "autre telephone",
            "business phone",
            "home phone",
            "other phone",
            "secondary phone",
        ],
        _F.PHONE_SECONDARY,
    ),
    **dict.fromkeys(
        [
            "adresse",
            "adresse postale",
            "rue",
            "voie",
            "numero et rue",
            "adresse 1",
            "adresse ligne 1",
            "address",
            "street",
            "street address",
            "address 1",
            "address line 1",
            "home street",
            "address 1 street",
            "complement d adresse",
            "complement",
            "adresse 2",
            "adresse ligne 2",
            "address 2",
            "address line 2",
            "lieu dit",
        ],
        _F.ADDRESS,
    ),
    **dict.fromkeys(
        [
            "code postal",
            "cp",
            "c p",
            "postcode",
            "post code",
            "zip",
            "zip code",
            "postal code",
            "code post",
            "address 1 postal code",
            "home postal code",
        ],
        _F.POSTCODE,
    ),
    **dict.fromkeys(
        ["ville", "commune", "localite", "city", "town", "address 1 city", "home city", "ville de residence"],
        _F.CITY,
    ),
    **dict.fromkeys(["pays", "country", "address 1 country", "home country", "pays de residence"], _F.COUNTRY),
    **dict.fromkeys(["cercle", "circle", "cercle relationnel"], _F.CIRCLE),
    **dict.fromkeys(["source", "origine", "provenance", "canal", "canal d acquisition"], _F.SOURCE),
    **dict.fromkeys(
        [
            "notes",
            "note",
            "commentaire",
            "commentaires",
            "remarque",
            "remarques",
            "observation",
            "observations",
            "comment",
            "comments",
            "informations",
            "infos",
            "description",
        ],
        _F.NOTES,
    ),
    **dict.fromkeys(
        [
            "tags",
            "tag",
            "etiquettes",
            "etiquette",
            "labels",
            "label",
            "categories",
            "groupes",
            "groupe",
            "mots cles",
            "group membership",
        ],
        _F.TAGS,
    ),
    **dict.fromkeys(
        [
            "ambassadeur",
            "ambassadrice",
            "ambassadeur rice",
            "ambassadeur ambassadrice",
            "ambassadeurs",
            "ambassador",
            "est ambassadeur",
        ],
        _F.IS_AMBASSADOR,
    ),
    **dict.fromkeys(
        [
            "detracteur",
            "detractrice",
            "detracteur rice",
            "detracteur detractrice",
            "critique",
            "critic",
            "detractor",
            "est detracteur",
        ],
        _F.IS_CRITIC,
    ),
    **dict.fromkeys(
        [
            "code parrain",
            "code du parrain",
            "code de la marraine",
            "code marraine",
            "parrain",
            "marraine",
            "parrain marraine",
            "parraine par",
            "parrainage",
            "code de parrainage",
            "code parrainage",
            "code ambassadeur",
            "code ambassadrice",
            "code d ambassadeur",
            "code de l ambassadeur",
            "referral code",
            "referral",
            "referrer",
            "referred by",
            "ref code",
        ],
        _F.REFERRAL_CODE,
    ),
}

_HINT = re.compile(r"\([^)]*\)|\[[^]]*]")  # "Ambassadeur (oui/non)", "Cercle [Proches...]"
_PUNCTUATION = re.compile(r"[^0-9a-z]+")


def header_key(header: str) -> str:
    """``" Adresse E-mail * "`` → ``"adresse e mail"``."""
    return _PUNCTUATION.sub(" ", fold(_HINT.sub(" ", header))).strip()


def recognise_header(header: str) -> ContactField | None:
    """The field a header names, or None when we do not know it (the column is ignored)."""
    key = header_key(header)
    if key in HEADER_ALIASES:
        return HEADER_ALIASES[key]
    # "E-mail (perso)", "Tél. portable perso", "Courriel du contact", "Phone 2": look at the words.
    words = key.split()
    found: ContactField | None = None
    if (words and words[0] in ("email", "courriel", "mail")) or key.startswith(("e mail", "adresse mail")):
        found = _F.EMAIL
    elif words and words[0] in ("telephone", "tel", "portable", "mobile", "phone"):
        found = _F.PHONE
    if found is not None and words[-1] == "2":
        return SECONDARY_FIELDS[found]
    return found


@dataclass
class ColumnMapping:
    """One field (or None: ignored) per column of the file, in the file's order.

    The wizard shows ``headers`` with ``fields`` and calls ``assign`` when the user
    picks another field for a column.
    """

    headers: list[str]
    fields: list[ContactField | None] = field(default_factory=list)

    def __post_init__(self) -> None:
        if len(self.fields) < len(self.headers):
            self.fields = [*self.fields, *([None] * (len(self.headers) - len(self.fields)))]
        del self.fields[len(self.headers) :]

    @classmethod
    def recognise(cls, headers: Sequence[str]) -> ColumnMapping:
        """Guess the field of every column from its header."""
        mapping = cls(list(headers))
        for index, header in enumerate(headers):
            guessed = recognise_header(header)
            if guessed is None:
                continue
            if guessed in mapping.fields and guessed not in MULTI_COLUMN_FIELDS:
                guessed = SECONDARY_FIELDS.get(guessed)
                if guessed is None or guessed in mapping.fields:
                    continue  # a second "Ville" column: left for the user to decide
            mapping.fields[index] = guessed
        return mapping

    def assign(self, column: int, contact_field: ContactField | None) -> None:
        """Set the field of ``column``; a single-column field leaves the column that had it."""
        if contact_field is not None and contact_field not in MULTI_COLUMN_FIELDS:
            self.fields = [None if existing == contact_field else existing for existing in self.fields]
        self.fields[column] = contact_field

    def columns_of(self, contact_field: ContactField) -> list[int]:
        return [index for index, existing in enumerate(self.fields) if existing == contact_field]

    def header_of(self, contact_field: ContactField) -> str:
        """The file's own header for a field (what the user sees in Excel), else our label."""
        columns = self.columns_of(contact_field)
        return self.headers[columns[0]] if columns else contact_field.label

    @property
    def mapped(self) -> list[tuple[int, ContactField]]:
        return [(index, found) for index, found in enumerate(self.fields) if found is not None]

    @property
    def can_identify(self) -> bool:
        """A contact needs a name, an organisation or an e-mail: at least one such column."""
        identity = {_F.FIRST_NAME, _F.LAST_NAME, _F.FULL_NAME, _F.ORGANISATION, _F.EMAIL}
        return any(found in identity for found in self.fields)

    def as_dict(self) -> dict[str, str | None]:
        """Header → field name (None when ignored), for saving or showing the mapping."""
        return {
            header: (found.value if found else None) for header, found in zip(self.headers, self.fields, strict=True)
        }
