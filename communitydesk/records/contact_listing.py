"""A printed contact list: which contacts (the filter) and what is printed (the listing)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from communitydesk.i18n import _
from communitydesk.records.identity import Identity
from communitydesk.rules.circles import circle_label
from communitydesk.rules.contact_list_columns import column_label


@dataclass(frozen=True)
class ListingFilter:
    """Which contacts a list shows: a circle, a tag, a saved segment (all optional, combined)."""

    circle: str | None = None
    tag: str | None = None
    segment: str | None = None

    def describe(self) -> str:
        parts = []
        if self.segment:
            parts.append(_("Segment : {name}", name=self.segment))
        if self.circle:
            parts.append(_("Cercle : {name}", name=circle_label(self.circle)))
        if self.tag:
            parts.append(_("Tag : {name}", name=self.tag))
        return " · ".join(parts) if parts else _("Tous les contacts actifs")


@dataclass(frozen=True)
class ContactListing:
    """A filtered, sorted contact list. ``batches`` yields its rows as printable text, a few
    hundred at a time, in alphabetical order: the caller reads them as they are printed, so
    a list of 100 000 contacts is never held in memory (each iteration reads them afresh)."""

    identity: Identity
    columns: tuple[str, ...]
    count: int
    description: str
    batches: Iterable[Sequence[tuple[str, ...]]]
    base_empty: bool = False  # no active contact at all, whatever the filter

    @property
    def empty_text(self) -> str:
        """What an empty list says: the base has no contact yet, or the filter matched none."""
        if self.base_empty:
            return _("Aucun contact n'est encore enregistré.")
        return _("Aucun contact ne correspond à ce filtre.")

    @property
    def labels(self) -> list[str]:
        return [column_label(key) for key in self.columns]
