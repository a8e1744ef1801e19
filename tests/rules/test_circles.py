"""The circles' labels: one definition, for services, records and documents."""

from __future__ import annotations

from communitydesk.rules.circles import CIRCLE_ORDER, circle_label


def test_circle_labels_cover_every_circle() -> None:
    assert [circle_label(c.value) for c in CIRCLE_ORDER] == ["Proches", "Communauté", "Grand public"]
    assert circle_label("inconnu") == "inconnu"  # a code from elsewhere is printed as stored
