"""Kinds of touch points (docs/DOMAIN.md §1) and their French labels, in one place."""

from __future__ import annotations

from enum import StrEnum

from communitydesk.i18n import _


class TouchKind(StrEnum):
    EMAIL = "email"
    CALL = "call"
    MEETING = "meeting"
    EVENT = "event"
    CONTRIBUTION = "contribution"
    REACTION = "reaction"
    NOTE = "note"


def touch_kind_label(kind: str) -> str:
    """French label (or English, per the current language) of a touch point kind."""
    labels = {
        TouchKind.EMAIL: _("E-mail"),
        TouchKind.CALL: _("Appel"),
        TouchKind.MEETING: _("Rendez-vous"),
        TouchKind.EVENT: _("Événement"),
        TouchKind.CONTRIBUTION: _("Contribution"),
        TouchKind.REACTION: _("Réaction à une publication"),
        TouchKind.NOTE: _("Note"),
    }
    try:
        return labels[TouchKind(kind)]
    except ValueError:
        return kind


def touch_kind_short_label(kind: str) -> str:
    """The shorter words of printed tables (the community report), where a column is narrow."""
    labels = {TouchKind.EMAIL: _("Courriel"), TouchKind.REACTION: _("Réaction")}
    try:
        return labels.get(TouchKind(kind)) or touch_kind_label(kind)
    except ValueError:
        return kind
