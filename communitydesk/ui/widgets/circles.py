"""How the three circles are named and coloured on screen, the same on every page."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from communitydesk.rules.circles import CIRCLE_ORDER, Circle
from communitydesk.ui.translatable import QT_TRANSLATE_NOOP

_NAMES = {
    Circle.PROCHES: QT_TRANSLATE_NOOP("circles", "Proches"),
    Circle.COMMUNAUTE: QT_TRANSLATE_NOOP("circles", "Communauté"),
    Circle.GRAND_PUBLIC: QT_TRANSLATE_NOOP("circles", "Grand public"),
}
_DESCRIPTIONS = {
    Circle.PROCHES: QT_TRANSLATE_NOOP("circles", "famille, amis : ils soutiennent les fondateurs"),
    Circle.COMMUNAUTE: QT_TRANSLATE_NOOP("circles", "personnes qui ont déjà montré leur intérêt"),
    Circle.GRAND_PUBLIC: QT_TRANSLATE_NOOP("circles", "tous les autres, dont le public des plateformes"),
}
# Innermost darkest: the eye reads closeness as intensity.
_COLOURS = {Circle.PROCHES: "#2E6B5E", Circle.COMMUNAUTE: "#6FA898", Circle.GRAND_PUBLIC: "#CFE3DC"}
_TEXT_COLOURS = {Circle.PROCHES: "#FFFFFF", Circle.COMMUNAUTE: "#FFFFFF", Circle.GRAND_PUBLIC: "#1F3B34"}


def circle_name(circle: Circle | str) -> str:
    return QCoreApplication.translate("circles", _NAMES[Circle(circle)])


def circle_description(circle: Circle | str) -> str:
    return QCoreApplication.translate("circles", _DESCRIPTIONS[Circle(circle)])


def circle_colour(circle: Circle | str) -> QColor:
    return QColor(_COLOURS[Circle(circle)])


def circle_text_colour(circle: Circle | str) -> QColor:
    return QColor(_TEXT_COLOURS[Circle(circle)])


__all__ = ["CIRCLE_ORDER", "circle_colour", "circle_description", "circle_name", "circle_text_colour"]
