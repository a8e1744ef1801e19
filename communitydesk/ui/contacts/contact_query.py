"""What the contacts list shows, as plain data the UI can hold without importing the ORM
(``rules.contact_filter.ContactFilter`` is the same filter the search service uses)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from communitydesk.rules.contact_filter import ContactFilter

PAGE_SIZE = 200


@dataclass(frozen=True)
class ContactListQuery:
    """Typed text + filters + sort: everything a page of the list depends on."""

    text: str = ""
    filters: ContactFilter = field(default_factory=ContactFilter)
    sort: str = "name"  # a services.contact_search.ContactSort value
    descending: bool = False

    def with_changes(self, **changes: Any) -> ContactListQuery:
        return replace(self, **changes)
