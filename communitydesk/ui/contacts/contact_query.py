"""What the contacts list shows, as plain data the UI can hold without importing the ORM.

The search service's ``ContactFilter`` lives in a module that imports SQLAlchemy; the
screens keep this mirror and turn it into a ``ContactFilter`` inside background tasks
(``ContactFilter.from_json``), so that building the page never pays for SQLAlchemy on
the UI thread.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

PAGE_SIZE = 200


@dataclass(frozen=True)
class FilterState:
    """Mirror of ``services.contact_search.ContactFilter`` (same JSON form)."""

    text: str = ""
    circles: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    overdue: bool = False
    ambassador: bool | None = None
    critic: bool | None = None
    kind: str | None = None

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
    def from_json(cls, data: dict[str, Any]) -> FilterState:
        def flag(name: str) -> bool | None:
            value = data.get(name)
            return value if isinstance(value, bool) else None

        def strings(name: str) -> tuple[str, ...]:
            value = data.get(name)
            return tuple(str(v) for v in value) if isinstance(value, list | tuple) else ()

        kind = data.get("kind")
        return cls(
            text=str(data.get("text") or ""),
            circles=strings("circles"),
            tags=strings("tags"),
            overdue=data.get("overdue") is True,
            ambassador=flag("ambassador"),
            critic=flag("critic"),
            kind=kind if kind in ("person", "organisation") else None,
        )

    def is_empty(self) -> bool:
        return self == FilterState()


@dataclass(frozen=True)
class ContactListQuery:
    """Typed text + filters + sort: everything a page of the list depends on."""

    text: str = ""
    filters: FilterState = FilterState()
    sort: str = "name"  # a services.contact_search.ContactSort value
    descending: bool = False

    def with_changes(self, **changes: Any) -> ContactListQuery:
        return replace(self, **changes)


def service_filter(filters: FilterState) -> Any:
    """The service's ContactFilter for ``filters``; call it in a background task (imports the ORM)."""
    from communitydesk.services.contact_search import ContactFilter

    return ContactFilter.from_json(filters.to_json())
