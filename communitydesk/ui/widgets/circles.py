"""How the three circles are coloured on screen, the same on every page (their names: rules.circles)."""

from __future__ import annotations

from PySide6.QtGui import QColor

from communitydesk.rules.circles import Circle

# Innermost darkest: the eye reads closeness as intensity.
_COLOURS = {Circle.PROCHES: "#2E6B5E", Circle.COMMUNAUTE: "#6FA898", Circle.GRAND_PUBLIC: "#CFE3DC"}
_TEXT_COLOURS = {Circle.PROCHES: "#FFFFFF", Circle.COMMUNAUTE: "#FFFFFF", Circle.GRAND_PUBLIC: "#1F3B34"}


def circle_colour(circle: Circle | str) -> QColor:
    return QColor(_COLOURS[Circle(circle)])


def circle_text_colour(circle: Circle | str) -> QColor:
    return QColor(_TEXT_COLOURS[Circle(circle)])
