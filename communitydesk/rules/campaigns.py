"""Words of a crowdfunding campaign (docs/DOMAIN.md §2): types, platforms, statuses, reward states.

Plain Python (no ORM, no Qt) so that services, importers and screens share the same
values. Stored values are ASCII slugs; ``label()`` gives the French (or English) word.
"""

from __future__ import annotations

from enum import StrEnum

from communitydesk.i18n import _


class CampaignType(StrEnum):
    DON = "don"
    RECOMPENSE = "don_contre_don"
    PREACHAT = "preachat"
    PRET = "pret"
    EQUITY = "equity"

    def label(self) -> str:
        return {
            CampaignType.DON: _("don"),
            CampaignType.RECOMPENSE: _("don contre don (récompense)"),
            CampaignType.PREACHAT: _("préachat"),
            CampaignType.PRET: _("prêt"),
            CampaignType.EQUITY: _("equity (investissement)"),
        }[self]


class Platform(StrEnum):
    ULULE = "ulule"
    KISSKISSBANKBANK = "kisskissbankbank"
    HELLOASSO = "helloasso"
    PACT_1001 = "1001pact"
    AUTRE = "autre"

    def label(self) -> str:
        return {
            Platform.ULULE: "Ulule",
            Platform.KISSKISSBANKBANK: "KissKissBankBank",
            Platform.HELLOASSO: "HelloAsso",
            Platform.PACT_1001: "1001PACT",
            Platform.AUTRE: _("autre"),
        }[self]


class CampaignStatus(StrEnum):
    PREPARATION = "preparation"
    EN_COURS = "en_cours"
    REUSSIE = "reussie"
    ECHOUEE = "echouee"
    CLOTUREE = "cloturee"

    def label(self) -> str:
        return {
            CampaignStatus.PREPARATION: _("préparation"),
            CampaignStatus.EN_COURS: _("en cours"),
            CampaignStatus.REUSSIE: _("réussie"),
            CampaignStatus.ECHOUEE: _("échouée"),
            CampaignStatus.CLOTUREE: _("clôturée"),
        }[self]


class PaymentStatus(StrEnum):
    VALID = "valid"
    REFUNDED = "refunded"
    CANCELLED = "cancelled"
    PENDING = "pending"

    def label(self) -> str:
        return {
            PaymentStatus.VALID: _("validée"),
            PaymentStatus.REFUNDED: _("remboursée"),
            PaymentStatus.CANCELLED: _("annulée"),
            PaymentStatus.PENDING: _("en attente"),
        }[self]


class FulfilmentState(StrEnum):
    A_PREPARER = "a_preparer"
    PREPARE = "prepare"
    ENVOYE = "envoye"
    LIVRE = "livre"

    def label(self) -> str:
        return {
            FulfilmentState.A_PREPARER: _("à préparer"),
            FulfilmentState.PREPARE: _("préparé"),
            FulfilmentState.ENVOYE: _("envoyé"),
            FulfilmentState.LIVRE: _("livré"),
        }[self]


# Only these count in totals, percentages, splits and stats (issue 6: refunds and cancels never do).
COUNTED_STATUSES: frozenset[PaymentStatus] = frozenset({PaymentStatus.VALID})
# A pending payment still holds its reward: it counts against a tier's stock.
STOCK_HOLDING_STATUSES: frozenset[PaymentStatus] = frozenset({PaymentStatus.VALID, PaymentStatus.PENDING})
OPEN_STATUSES: frozenset[CampaignStatus] = frozenset({CampaignStatus.PREPARATION, CampaignStatus.EN_COURS})


# Where a platform says to send the rewards of an order (``contributions.ship_*``): personal
# data an erasure blanks, kept apart from the contact's own address.
SHIPPING_FIELDS: tuple[str, ...] = (
    "ship_first_name",
    "ship_last_name",
    "ship_address",
    "ship_postcode",
    "ship_city",
    "ship_country",
)


def backer_label(name: str, anonymous: bool, reference: str) -> str:
    """A backer as the shipping tab, its CSV and the checklist show them.

    Without a name (an anonymous platform backer), the platform reference lets the team
    find the order on the platform; a known backer who chose anonymity keeps their name.
    """
    if not name.strip():
        return _("Contribution anonyme ({reference})", reference=reference)
    if anonymous:
        return _("{name} (contribution anonyme)", name=name)
    return name
