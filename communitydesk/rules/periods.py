"""Periods of whole days for reports, and the dates users type for them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from communitydesk.errors import ValidationError
from communitydesk.formatting import PARIS
from communitydesk.i18n import _


def parse_day(text: str, option: str = "") -> date:
    """``2026-11-23`` or ``23/11/2026`` → a date; anything else raises a French ValidationError."""
    value = text.strip()
    for layout in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return datetime.strptime(value, layout).date()
        except ValueError:
            continue
    where = f" ({option})" if option else ""
    raise ValidationError(
        _(
            "La date « {value} »{where} n'est pas valide : écrivez-la AAAA-MM-JJ ou JJ/MM/AAAA "
            "(par exemple 2026-11-23 ou 23/11/2026).",
            value=text,
            where=where,
        ),
        option or None,
    )


@dataclass(frozen=True)
class Period:
    """Whole days, both included, in Europe/Paris time."""

    start: date
    end: date

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValidationError(
                _(
                    "La période est inversée : le début ({start}) est après la fin ({end}).",
                    start=self.start.isoformat(),
                    end=self.end.isoformat(),
                ),
                "period",
            )

    @property
    def starts_at(self) -> datetime:
        return datetime.combine(self.start, time(), PARIS).astimezone(UTC)

    @property
    def ends_at(self) -> datetime:
        """The first instant after the period."""
        return datetime.combine(self.end + timedelta(days=1), time(), PARIS).astimezone(UTC)

    @classmethod
    def default(cls, today: date | None = None) -> Period:
        """The last twelve months, ending today."""
        today = today or datetime.now(PARIS).date()
        try:
            start = today.replace(year=today.year - 1) + timedelta(days=1)
        except ValueError:  # 29 February
            start = today.replace(year=today.year - 1, day=28) + timedelta(days=1)
        return cls(start, today)
