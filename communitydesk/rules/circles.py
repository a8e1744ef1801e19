"""The three concentric circles, innermost first (DOMAIN.md §1). Plain Python: no ORM import."""

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
