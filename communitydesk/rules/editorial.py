"""Words of the editorial calendar (docs/DOMAIN.md §6): networks, publication statuses, transitions.

Stored values are ASCII slugs (also the keys of ``stats --json``); ``label()`` gives the
French (or English) word. ``network_from_text`` and ``status_from_text`` read what people
type in their own spreadsheets (« Insta », « FB », « lettre d'info », « Publié »).
"""

from __future__ import annotations

from enum import StrEnum

from communitydesk.i18n import _
from communitydesk.rules.contact_keys import fold

# Engagement rate per post, reactions + comments + shares over views: 4 % a month is very good.
ENGAGEMENT_BENCHMARK = 0.04


class Network(StrEnum):
    LINKEDIN = "linkedin"
    FACEBOOK = "facebook"
    INSTAGRAM = "instagram"
    X = "x"
    YOUTUBE = "youtube"
    NEWSLETTER = "newsletter"
    BLOG = "blog"

    def label(self) -> str:
        return {
            Network.LINKEDIN: "LinkedIn",
            Network.FACEBOOK: "Facebook",
            Network.INSTAGRAM: "Instagram",
            Network.X: "X (Twitter)",
            Network.YOUTUBE: "YouTube",
            Network.NEWSLETTER: _("Lettre d’information"),
            Network.BLOG: _("Blog"),
        }[self]


class PublicationStatus(StrEnum):
    IDEE = "idee"
    A_REDIGER = "a_rediger"
    A_VALIDER = "a_valider"
    PRETE = "prete"
    PUBLIEE = "publiee"
    ABANDONNEE = "abandonnee"

    def label(self) -> str:
        return {
            PublicationStatus.IDEE: _("idée"),
            PublicationStatus.A_REDIGER: _("à rédiger"),
            PublicationStatus.A_VALIDER: _("à valider"),
            PublicationStatus.PRETE: _("prête"),
            PublicationStatus.PUBLIEE: _("publiée"),
            PublicationStatus.ABANDONNEE: _("abandonnée"),
        }[self]


_S = PublicationStatus
# Forward along the pipeline, one step back to rework, abandon from anywhere before
# publication, revive an abandoned idea, and undo a « publiée » clicked too early.
TRANSITIONS: dict[PublicationStatus, frozenset[PublicationStatus]] = {
    _S.IDEE: frozenset({_S.A_REDIGER, _S.ABANDONNEE}),
    _S.A_REDIGER: frozenset({_S.A_VALIDER, _S.IDEE, _S.ABANDONNEE}),
    _S.A_VALIDER: frozenset({_S.PRETE, _S.A_REDIGER, _S.ABANDONNEE}),
    _S.PRETE: frozenset({_S.PUBLIEE, _S.A_REDIGER, _S.ABANDONNEE}),
    _S.PUBLIEE: frozenset({_S.PRETE}),
    _S.ABANDONNEE: frozenset({_S.IDEE}),
}


def can_move(old: PublicationStatus, new: PublicationStatus) -> bool:
    return new in TRANSITIONS[old]


def needs_approval(old: PublicationStatus, new: PublicationStatus) -> bool:
    """Leaving « à valider », whichever way, is the approver's decision."""
    return old is PublicationStatus.A_VALIDER and new is not old


_NETWORK_WORDS: dict[str, Network] = {
    "linkedin": Network.LINKEDIN,
    "linked in": Network.LINKEDIN,
    "lnkd": Network.LINKEDIN,
    "facebook": Network.FACEBOOK,
    "fb": Network.FACEBOOK,
    "face book": Network.FACEBOOK,
    "instagram": Network.INSTAGRAM,
    "insta": Network.INSTAGRAM,
    "ig": Network.INSTAGRAM,
    "x": Network.X,
    "twitter": Network.X,
    "x (twitter)": Network.X,
    "x/twitter": Network.X,
    "youtube": Network.YOUTUBE,
    "yt": Network.YOUTUBE,
    "newsletter": Network.NEWSLETTER,
    "news letter": Network.NEWSLETTER,
    "lettre d'info": Network.NEWSLETTER,
    "lettre d'information": Network.NEWSLETTER,
    "lettre d'informations": Network.NEWSLETTER,
    "infolettre": Network.NEWSLETTER,
    "lettre": Network.NEWSLETTER,
    "mail": Network.NEWSLETTER,
    "e-mailing": Network.NEWSLETTER,
    "emailing": Network.NEWSLETTER,
    "blog": Network.BLOG,
    "site": Network.BLOG,
    "site web": Network.BLOG,
    "article": Network.BLOG,
}

_STATUS_WORDS: dict[str, PublicationStatus] = {
    "idee": _S.IDEE,
    "idees": _S.IDEE,
    "piste": _S.IDEE,
    "a rediger": _S.A_REDIGER,
    "a ecrire": _S.A_REDIGER,
    "en redaction": _S.A_REDIGER,
    "en cours": _S.A_REDIGER,
    "redaction": _S.A_REDIGER,
    "brouillon": _S.A_REDIGER,
    "a valider": _S.A_VALIDER,
    "en validation": _S.A_VALIDER,
    "a relire": _S.A_VALIDER,
    "validation": _S.A_VALIDER,
    "prete": _S.PRETE,
    "pret": _S.PRETE,
    "valide": _S.PRETE,
    "validee": _S.PRETE,
    "programme": _S.PRETE,
    "programmee": _S.PRETE,
    "planifie": _S.PRETE,
    "planifiee": _S.PRETE,
    "publiee": _S.PUBLIEE,
    "publie": _S.PUBLIEE,
    "en ligne": _S.PUBLIEE,
    "fait": _S.PUBLIEE,
    "faite": _S.PUBLIEE,
    "abandonnee": _S.ABANDONNEE,
    "abandonne": _S.ABANDONNEE,
    "annule": _S.ABANDONNEE,
    "annulee": _S.ABANDONNEE,
}


def _word(text: str) -> str:
    return fold(text.replace("’", "'")).strip(" .")


def network_from_text(text: str) -> Network | None:
    """« Insta », « FB », « Lettre d'info », « LinkedIn » → the network; None when unknown."""
    word = _word(text)
    for slug in Network:
        if word in (slug.value, fold(slug.label())):
            return slug
    return _NETWORK_WORDS.get(word)


def status_from_text(text: str) -> PublicationStatus | None:
    """« Publié », « À VALIDER », « prête », « a_rediger » → the status; None when unknown."""
    word = _word(text).replace("_", " ")
    for status in PublicationStatus:
        if word in (status.value.replace("_", " "), fold(status.label())):
            return status
    return _STATUS_WORDS.get(word)
