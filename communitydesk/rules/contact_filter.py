"""What a list of contacts keeps: the filter shared by search, segments, exports and screens.

Plain data without SQLAlchemy, so that the screens hold it on the UI thread and the
services turn it into SQL (services/contact_search.py).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from communitydesk.i18n import _
from communitydesk.rules.circles import Circle, circle_label


@dataclass(frozen=True)
class ContactFilter:
    """What a list shows; also what a segment saves (as JSON) and an export or PDF uses.

    Empty fields do not filter. ``circles`` and ``tags`` match any of their values;
    ``text`` is searched like typed text, on top of the query typed in the search box.
    """

    text: str = ""
    circles: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    overdue: bool = False
    ambassador: bool | None = None
    critic: bool | None = None
    kind: str | None = None

    def is_empty(self) -> bool:
        return self == ContactFilter()

    def to_json(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "circles": list(self.circles),
            "tags": list(self.tags),
            "overdue": self.overdue,
            "ambassador": self.ambassador,
            "critic": self.critic,
            "kind": self.kind,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> ContactFilter:
        """Tolerant reading of saved criteria: unknown keys and wrong types are dropped."""

        def flag(name: str) -> bool | None:
            value = data.get(name)
            return value if isinstance(value, bool) else None

        def strings(name: str) -> tuple[str, ...]:
            value = data.get(name)
            return tuple(str(v) for v in value) if isinstance(value, list | tuple) else ()

        kind = data.get("kind")
        return cls(
            text=str(data.get("text") or ""),
            circles=tuple(c for c in strings("circles") if c in {x.value for x in Circle}),
            tags=strings("tags"),
            overdue=data.get("overdue") is True,
            ambassador=flag("ambassador"),
            critic=flag("critic"),
            kind=kind if kind in ("person", "organisation") else None,
        )

    def describe(self) -> str:
        """One French line saying what the filter keeps, for PDF headers and tooltips."""
        parts: list[str] = []
        if self.circles:
            parts.append(_("Cercles : {names}", names=", ".join(circle_label(c) for c in self.circles)))
        if self.tags:
            parts.append(_("Tags : {names}", names=", ".join(self.tags)))
        if self.text:
            parts.append(_("Recherche : « {text} »", text=self.text))
        if self.overdue:
            parts.append(_("À relancer"))
        if self.ambassador is not None:
            parts.append(_("Ambassadeurs") if self.ambassador else _("Hors ambassadeurs"))
        if self.critic is not None:
            parts.append(_("Détracteurs") if self.critic else _("Hors détracteurs"))
        if self.kind:
            parts.append(_("Organisations") if self.kind == "organisation" else _("Personnes"))
        return " · ".join(parts) if parts else _("Tous les contacts")
