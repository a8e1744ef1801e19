"""The three concentric circles, innermost first (docs/DOMAIN.md §1). Plain Python: no ORM import."""

from __future__ import annotations

from enum import StrEnum


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
    """French label (or English, per the current language) of a circle slug."""
    from communitydesk.i18n import _

    labels = {Circle.PROCHES: _("Proches"), Circle.COMMUNAUTE: _("Communauté"), Circle.GRAND_PUBLIC: _("Grand public")}
    try:
        return labels[Circle(circle)]
    except ValueError:
        return circle
