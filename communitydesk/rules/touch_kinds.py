"""Kinds of touch points (docs/DOMAIN.md §1) and their labels: one table for screens, PDFs and exports."""

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
    labels: dict[str, str] = {
        TouchKind.EMAIL: _("E-mail"),
        TouchKind.CALL: _("Appel"),
        TouchKind.MEETING: _("Rendez-vous"),
        TouchKind.EVENT: _("Événement"),
        TouchKind.CONTRIBUTION: _("Contribution"),
        TouchKind.REACTION: _("Réaction à une publication"),
        TouchKind.NOTE: _("Note"),
    }
    return labels.get(kind, kind)  # an unknown kind is shown as stored
