"""The columns a printed contact list may show: their keys, labels and the usual choices.

services.contact_listing knows how to read each one, reports.contact_list how wide it is.
"""

from __future__ import annotations

from collections.abc import Sequence

from communitydesk.errors import ValidationError
from communitydesk.i18n import _
from communitydesk.rules.contact_fields import contact_field_label

LIST_COLUMNS = (
    "last_name",
    "first_name",
    "display_name",
    "organisation",
    "role",
    "email",
    "phone",
    "address",
    "postcode",
    "city",
    "country",
    "circle",
    "source",
    "last_touch",
    "created",
)
DEFAULT_COLUMNS = ("last_name", "first_name", "organisation", "email", "phone", "postcode", "city", "circle")


# List column → contact field, where the key is not the field's own name.
_FIELDS = {"last_touch": "last_touch_at", "created": "created_at"}


def column_label(key: str) -> str:
    return contact_field_label(_FIELDS.get(key, key))


def parse_columns(text: str | Sequence[str] | None) -> tuple[str, ...]:
    """``"last_name,email"`` → the column keys, checked; None → the 8 default columns."""
    if text is None:
        return DEFAULT_COLUMNS
    keys = [k.strip() for k in (text.split(",") if isinstance(text, str) else text) if k.strip()]
    unknown = [k for k in keys if k not in LIST_COLUMNS]
    if unknown or not keys:
        raise ValidationError(
            _(
                "Colonne inconnue : {unknown}. Colonnes possibles : {known}.",
                unknown=", ".join(unknown) or "—",
                known=", ".join(LIST_COLUMNS),
            ),
            "columns",
        )
    return tuple(dict.fromkeys(keys))
