"""The three concentric circles, innermost first (docs/DOMAIN.md §1). Plain Python: no ORM import."""

from __future__ import annotations

from enum import StrEnum

from communitydesk.i18n import _


class Circle(StrEnum):
    PROCHES = "proches"
    COMMUNAUTE = "communaute"
    GRAND_PUBLIC = "grand_public"

    @property
    def rank(self) -> int:
        """0 for the innermost circle."""
        return CIRCLE_ORDER.index(self)


CIRCLE_ORDER: tuple[Circle, ...] = (Circle.PROCHES, Circle.COMMUNAUTE, Circle.GRAND_PUBLIC)


def circle_label(circle: str) -> str:
    """The circle's name in the current language: the one table, for screens, PDFs, CSV and the CLI."""
    labels: dict[str, str] = {
        Circle.PROCHES: _("Proches"),
        Circle.COMMUNAUTE: _("Communauté"),
        Circle.GRAND_PUBLIC: _("Grand public"),
    }
    return labels.get(circle, circle)  # a StrEnum key is found by its text


def circle_description(circle: str) -> str:
    """Who sits in the circle, in a few words (legends and tooltips)."""
    descriptions: dict[str, str] = {
        Circle.PROCHES: _("famille, amis : ils soutiennent les fondateurs"),
        Circle.COMMUNAUTE: _("personnes qui ont déjà montré leur intérêt"),
        Circle.GRAND_PUBLIC: _("tous les autres, dont le public des plateformes"),
    }
    return descriptions.get(circle, "")


def move_reasons(*, inward: bool) -> tuple[str, ...]:
    """Frequent reasons for a move in one direction, offered by the « Pourquoi ? » of a move
    (a volunteer types less and the history stays readable; any other text is accepted)."""
    if inward:
        return (
            _("A participé à un événement"),
            _("A soutenu une campagne"),
            _("S'est porté volontaire"),
            _("Échanges réguliers"),
            _("Recommandé par un proche du projet"),
        )
    return (
        _("Plus de nouvelles depuis longtemps"),
        _("A demandé moins de contacts"),
        _("A déménagé ou changé de projet"),
        _("Ne répond plus aux relances"),
        _("Classé trop près par erreur"),
    )
