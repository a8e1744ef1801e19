"""Words of the ambassador programme (issue #17): types, stages, missions, rewards, charter signatures.

Stored values are ASCII slugs (also the keys of ``stats --json``); ``label()`` gives the
French (or English) word. The ``*_from_text`` readers accept what people type (« Égérie »,
« Sélectionné », « test produit »). ``STAGE_TRANSITIONS`` is the funnel's one rule.
"""

from __future__ import annotations

import re
from enum import StrEnum
from typing import TypeVar

from communitydesk.i18n import _
from communitydesk.rules.contact_keys import fold

# The base's setting (services.settings) holding the address referral codes are added to.
REFERRAL_BASE_URL_KEY = "ambassadors.referral_base_url"


def referral_url(base_url: str, code: str) -> str:
    """The link an ambassador shares: ``{code}`` in the base address is replaced, else the code is appended."""
    base = base_url.strip()
    if not base:
        return ""
    return base.replace("{code}", code) if "{code}" in base else base + code


def referral_code_key(text: str) -> str:
    """A referral code as stored, whatever its case, spaces or dashes (« abc-234 » → « ABC234 »); from a
    referral link (``https://…/parrain/abc234``, ``…?code=abc234``), the code at its end."""
    text = text.strip().rstrip("/")
    if "/" in text or "=" in text:
        text = re.split(r"[/=]", text)[-1]
    return _NOT_CODE.sub("", text.upper())


_NOT_CODE = re.compile(r"[^0-9A-Z]+")


class AmbassadorType(StrEnum):
    EGERIE = "egerie"
    CLIENT = "client"
    INFLUENCEUR = "influenceur"
    EXPERT = "expert"
    GEOGRAPHIQUE = "geographique"
    PASSIONNE = "passionne"
    PAYE = "paye"
    SALARIE = "salarie"

    def label(self) -> str:
        return {
            AmbassadorType.EGERIE: _("égérie"),
            AmbassadorType.CLIENT: _("client ou adhérent"),
            AmbassadorType.INFLUENCEUR: _("influenceur"),
            AmbassadorType.EXPERT: _("expert"),
            AmbassadorType.GEOGRAPHIQUE: _("relais local"),
            AmbassadorType.PASSIONNE: _("passionné"),
            AmbassadorType.PAYE: _("rémunéré"),
            AmbassadorType.SALARIE: _("salarié"),
        }[self]

    @property
    def commercially_tied(self) -> bool:
        """Paid or employed: what they publish about the organisation is a commercial collaboration."""
        return self in (AmbassadorType.PAYE, AmbassadorType.SALARIE)

    @property
    def volunteer(self) -> bool:
        """Neither paid nor employed: money given to them risks being read as disguised work."""
        return not self.commercially_tied


class Stage(StrEnum):
    CANDIDAT = "candidat"
    SELECTIONNE = "selectionne"
    ACCUEILLI = "accueilli"
    ACTIF = "actif"
    INACTIF = "inactif"

    def label(self) -> str:
        return {
            Stage.CANDIDAT: _("candidat"),
            Stage.SELECTIONNE: _("sélectionné"),
            Stage.ACCUEILLI: _("accueilli"),
            Stage.ACTIF: _("actif"),
            Stage.INACTIF: _("inactif"),
        }[self]


# The funnel in order (conversion rates are read between consecutive stages).
FUNNEL: tuple[Stage, ...] = (Stage.CANDIDAT, Stage.SELECTIONNE, Stage.ACCUEILLI, Stage.ACTIF)

# Forward one step; « inactif » is everyone's exit (a refused candidate too), and an
# inactive ambassador may come back as active.
STAGE_TRANSITIONS: dict[Stage, frozenset[Stage]] = {
    Stage.CANDIDAT: frozenset({Stage.SELECTIONNE, Stage.INACTIF}),
    Stage.SELECTIONNE: frozenset({Stage.ACCUEILLI, Stage.INACTIF}),
    Stage.ACCUEILLI: frozenset({Stage.ACTIF, Stage.INACTIF}),
    Stage.ACTIF: frozenset({Stage.INACTIF}),
    Stage.INACTIF: frozenset({Stage.ACTIF}),
}


def can_move(old: Stage, new: Stage) -> bool:
    return new in STAGE_TRANSITIONS[old]


class MissionKind(StrEnum):
    PUBLICATION = "publication"
    EVENEMENT = "evenement"
    PARRAINAGE = "parrainage"
    TEST_PRODUIT = "test_produit"
    TEMOIGNAGE = "temoignage"
    REPORTAGE_PHOTO = "reportage_photo"
    REPONSE_QUESTION = "reponse_question"

    def label(self) -> str:
        return {
            MissionKind.PUBLICATION: _("publication"),
            MissionKind.EVENEMENT: _("événement"),
            MissionKind.PARRAINAGE: _("parrainage"),
            MissionKind.TEST_PRODUIT: _("test de produit"),
            MissionKind.TEMOIGNAGE: _("témoignage"),
            MissionKind.REPORTAGE_PHOTO: _("reportage photo"),
            MissionKind.REPONSE_QUESTION: _("réponse à une question"),
        }[self]


class MissionStatus(StrEnum):
    A_FAIRE = "a_faire"
    REALISEE = "realisee"
    VALIDEE = "validee"
    REFUSEE = "refusee"

    def label(self) -> str:
        return {
            MissionStatus.A_FAIRE: _("à faire"),
            MissionStatus.REALISEE: _("réalisée"),
            MissionStatus.VALIDEE: _("validée"),
            MissionStatus.REFUSEE: _("refusée"),
        }[self]


class RewardKind(StrEnum):
    GOODIES = "goodies"
    BON_ACHAT = "bon_achat"
    INVITATION = "invitation"
    ARGENT = "argent"
    AUTRE = "autre"

    def label(self) -> str:
        return {
            RewardKind.GOODIES: _("goodies"),
            RewardKind.BON_ACHAT: _("bon d’achat"),
            RewardKind.INVITATION: _("invitation"),
            RewardKind.ARGENT: _("argent"),
            RewardKind.AUTRE: _("autre"),
        }[self]


class SignatureMethod(StrEnum):
    PAPIER = "papier"
    EMAIL = "email"
    EN_LIGNE = "en_ligne"

    def label(self) -> str:
        return {
            SignatureMethod.PAPIER: _("sur papier"),
            SignatureMethod.EMAIL: _("par e-mail"),
            SignatureMethod.EN_LIGNE: _("en ligne"),
        }[self]


def default_roles() -> tuple[tuple[str, str], ...]:
    """The four roles a new base starts with: (name, one-line description), in the user's language."""
    return (
        (_("dénicheur"), _("repère et recommande de nouveaux contacts, adhérents ou partenaires")),
        (_("reporter"), _("raconte les actions de l’association sur ses réseaux")),
        (_("berger"), _("accueille les nouveaux venus et les accompagne leurs premiers mois")),
        (_("paparazzi"), _("prend des photos et des vidéos lors des événements")),
    )


def default_charter() -> tuple[str, tuple[str, ...], tuple[str, ...]]:
    """Version 1: title, five commitments of the ambassador, five of the organisation."""
    return (
        _("Charte des ambassadeurs"),
        (
            _("Je parle de l’association avec sincérité, à partir de ce que je vis et connais vraiment."),
            _("Je respecte les valeurs de l’association et les personnes à qui je m’adresse, en ligne comme ailleurs."),
            _("Je signale clairement tout avantage reçu de l’association quand j’en parle publiquement."),
            _("Je ne partage aucune information interne ou personnelle sans l’accord de l’association."),
            _("Je préviens l’équipe si je ne peux plus tenir mes engagements ou si je souhaite faire une pause."),
        ),
        (
            _("Nous vous informons en avance de nos projets, actualités et événements."),
            _("Nous vous fournissons les contenus, visuels et informations utiles à vos missions."),
            _("Nous reconnaissons votre engagement et vous remercions de façon visible."),
            _("Nous écoutons vos idées et vos retours, et vous disons ce que nous en faisons."),
            _("Nous protégeons vos données personnelles et respectons votre liberté de quitter le programme."),
        ),
    )


def _word(text: str) -> str:
    return fold(text.replace("’", "'")).strip(" .").replace("_", " ").replace("-", " ")


_E = TypeVar("_E", AmbassadorType, Stage, MissionKind, MissionStatus, RewardKind, SignatureMethod)


def _find(members: type[_E], text: str, extra: dict[str, _E]) -> _E | None:
    word = _word(text)
    for member in members:
        if word in (member.value.replace("_", " "), _word(member.label())):
            return member
    return extra.get(word)


def type_from_text(text: str) -> AmbassadorType | None:
    """« Égérie », « salariée », « relais local », « influenceuse » → the type; None when unknown."""
    return _find(AmbassadorType, text, _TYPE_WORDS)


def stage_from_text(text: str) -> Stage | None:
    """« Sélectionné », « actif », « refusé » (the exit: inactif) → the stage; None when unknown."""
    return _find(Stage, text, _STAGE_WORDS)


def mission_kind_from_text(text: str) -> MissionKind | None:
    return _find(MissionKind, text, _MISSION_KIND_WORDS)


def mission_status_from_text(text: str) -> MissionStatus | None:
    return _find(MissionStatus, text, _MISSION_STATUS_WORDS)


def reward_kind_from_text(text: str) -> RewardKind | None:
    return _find(RewardKind, text, _REWARD_WORDS)


def signature_method_from_text(text: str) -> SignatureMethod | None:
    return _find(SignatureMethod, text, _SIGNATURE_WORDS)


_TYPE_WORDS: dict[str, AmbassadorType] = {
    "egerie": AmbassadorType.EGERIE,
    "client": AmbassadorType.CLIENT,
    "cliente": AmbassadorType.CLIENT,
    "adherent": AmbassadorType.CLIENT,
    "adherente": AmbassadorType.CLIENT,
    "influenceuse": AmbassadorType.INFLUENCEUR,
    "influenceur": AmbassadorType.INFLUENCEUR,
    "experte": AmbassadorType.EXPERT,
    "geographique": AmbassadorType.GEOGRAPHIQUE,
    "local": AmbassadorType.GEOGRAPHIQUE,
    "relais": AmbassadorType.GEOGRAPHIQUE,
    "passionnee": AmbassadorType.PASSIONNE,
    "fan": AmbassadorType.PASSIONNE,
    "paye": AmbassadorType.PAYE,
    "payee": AmbassadorType.PAYE,
    "remuneree": AmbassadorType.PAYE,
    "salariee": AmbassadorType.SALARIE,
    "employe": AmbassadorType.SALARIE,
    "employee": AmbassadorType.SALARIE,
}
_STAGE_WORDS: dict[str, Stage] = {
    "candidate": Stage.CANDIDAT,
    "candidature": Stage.CANDIDAT,
    "selectionnee": Stage.SELECTIONNE,
    "retenu": Stage.SELECTIONNE,
    "retenue": Stage.SELECTIONNE,
    "accueillie": Stage.ACCUEILLI,
    "onboarde": Stage.ACCUEILLI,
    "active": Stage.ACTIF,
    "inactive": Stage.INACTIF,
    "refuse": Stage.INACTIF,
    "refusee": Stage.INACTIF,
    "parti": Stage.INACTIF,
    "partie": Stage.INACTIF,
}
_MISSION_KIND_WORDS: dict[str, MissionKind] = {
    "post": MissionKind.PUBLICATION,
    "evenement": MissionKind.EVENEMENT,
    "evenements": MissionKind.EVENEMENT,
    "parrain": MissionKind.PARRAINAGE,
    "test": MissionKind.TEST_PRODUIT,
    "test produit": MissionKind.TEST_PRODUIT,
    "avis": MissionKind.TEMOIGNAGE,
    "photo": MissionKind.REPORTAGE_PHOTO,
    "photos": MissionKind.REPORTAGE_PHOTO,
    "question": MissionKind.REPONSE_QUESTION,
    "reponse": MissionKind.REPONSE_QUESTION,
}
_MISSION_STATUS_WORDS: dict[str, MissionStatus] = {
    "a faire": MissionStatus.A_FAIRE,
    "todo": MissionStatus.A_FAIRE,
    "realise": MissionStatus.REALISEE,
    "fait": MissionStatus.REALISEE,
    "faite": MissionStatus.REALISEE,
    "valide": MissionStatus.VALIDEE,
    "refuse": MissionStatus.REFUSEE,
}
_REWARD_WORDS: dict[str, RewardKind] = {
    "goodie": RewardKind.GOODIES,
    "cadeau": RewardKind.GOODIES,
    "bon d'achat": RewardKind.BON_ACHAT,
    "bon achat": RewardKind.BON_ACHAT,
    "invitations": RewardKind.INVITATION,
    "money": RewardKind.ARGENT,
    "especes": RewardKind.ARGENT,
    "virement": RewardKind.ARGENT,
}
_SIGNATURE_WORDS: dict[str, SignatureMethod] = {
    "papier": SignatureMethod.PAPIER,
    "e mail": SignatureMethod.EMAIL,
    "email": SignatureMethod.EMAIL,
    "mail": SignatureMethod.EMAIL,
    "courriel": SignatureMethod.EMAIL,
    "en ligne": SignatureMethod.EN_LIGNE,
    "formulaire": SignatureMethod.EN_LIGNE,
}
