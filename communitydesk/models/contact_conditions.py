"""Which contacts a query keeps, defined once.

The SQL text comes from here (no SQLAlchemy: db/'s quick reads use it at start-up), and
``models.contacts`` derives the ORM expressions and the partial indexes' conditions from
the same definitions, so the three can never disagree.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ContactCondition:
    """Columns of ``contacts`` that must be NULL, and columns that must not be."""

    null: tuple[str, ...]
    not_null: tuple[str, ...] = ()

    def sql(self, alias: str = "") -> str:
        """The condition as SQL text, its columns qualified by ``alias`` when given."""
        prefix = f"{alias}." if alias else ""
        return " AND ".join(
            [*(f"{prefix}{column} IS NULL" for column in self.null)]
            + [f"{prefix}{column} IS NOT NULL" for column in self.not_null]
        )


# Active: shown in lists, searches, follow-ups, exports and documents. Neither archived (or
# merged away) nor erased.
ACTIVE = ContactCondition(null=("archived_at", "anonymised_at"))
# Erased (GDPR) but not archived: no longer shown nor counted.
ERASED = ContactCondition(null=("archived_at",), not_null=("anonymised_at",))
# Not erased: may still be matched, moved or written to (archived ones included).
NOT_ERASED = ContactCondition(null=("anonymised_at",))
# Not archived, erased ones included: ACTIVE or ERASED.
UNARCHIVED = ContactCondition(null=("archived_at",))
