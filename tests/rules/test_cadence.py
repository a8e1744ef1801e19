"""Rhythm per circle and when a contact is due."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from communitydesk.rules.cadence import DEFAULT_RHYTHM_DAYS, due_before, is_overdue, rhythm_from_stored

NOW = datetime(2026, 11, 25, 12, tzinfo=UTC)


def test_stored_rhythm_falls_back_to_defaults() -> None:
    assert rhythm_from_stored(None) == DEFAULT_RHYTHM_DAYS
    assert rhythm_from_stored({"proches": 14, "communaute": "bad", "autre": 3}) == {
        "proches": 14,
        "communaute": 90,
        "grand_public": 365,
    }
    assert rhythm_from_stored({"proches": 0})["proches"] == 1


def test_overdue_uses_last_touch_or_creation() -> None:
    rhythm = {"proches": 30, "communaute": 90, "grand_public": 365}
    created = NOW - timedelta(days=400)
    assert is_overdue("proches", NOW - timedelta(days=31), created, rhythm, NOW)
    assert not is_overdue("proches", NOW - timedelta(days=29), created, rhythm, NOW)
    assert is_overdue("grand_public", None, created, rhythm, NOW)
    assert not is_overdue("communaute", None, NOW - timedelta(days=10), rhythm, NOW)


def test_due_before_per_circle() -> None:
    limits = due_before({"proches": 30, "communaute": 90, "grand_public": 365}, NOW)
    assert limits["proches"] == NOW - timedelta(days=30)
    assert limits["grand_public"] == NOW - timedelta(days=365)
