"""What printed documents say about the personal data they hold (RGPD), defined once.

Lists of people (contact list, directory, fulfilment checklist) carry the notice under
their title and the short mark on every page; charters end with the clause.
"""

from __future__ import annotations

from communitydesk.i18n import _

# A line to write on, where a name or a place is not known yet.
BLANK = "." * 30


def confidential_mark() -> str:
    """The few words printed on every page of a list of people."""
    return _("Confidentiel · données personnelles (RGPD)")


def confidential_notice() -> str:
    """The sentence under the title of a list of people."""
    return _(
        "Document confidentiel : il contient des données personnelles protégées par le RGPD. "
        "Réservé à l'usage interne de l'organisation ; ne le diffusez pas, ne le laissez pas en vue "
        "et détruisez-le dès qu'il ne sert plus."
    )


def sign_in_sheet_notice(organisation: str) -> str:
    """The mention under a sign-in sheet's header: why the lines are collected and the signers' rights."""
    return _(
        "Données personnelles : ces informations servent à enregistrer votre présence et, si vous cochez "
        "une case, votre accord ; elles ne sont ni cédées ni vendues. Conformément au RGPD, vous pouvez y "
        "accéder, les faire rectifier ou effacer sur simple demande. Responsable du traitement : {organisation}.",
        organisation=organisation or BLANK,
    )


def charter_clause(organisation: str) -> str:
    """The personal-data clause that ends a charter; ``organisation`` may be empty (a line to fill)."""
    return _(
        "Données personnelles : les informations portées sur cette charte (noms, signatures) servent "
        "uniquement à suivre cet engagement ; elles ne sont ni cédées ni vendues. Conformément au RGPD, "
        "chaque signataire peut y accéder, les faire rectifier ou effacer sur simple demande. "
        "Responsable du traitement : {organisation}.",
        organisation=organisation or BLANK,
    )


def made_in_duplicate() -> str:
    """The line above the signatures of a charter: place and date to write by hand."""
    return _("Fait à {place}, le {date}, en deux exemplaires.", place=BLANK, date=BLANK[:20])
