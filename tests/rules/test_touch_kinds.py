"""Touch point kinds and their labels: one table, the same words on screen and on paper."""

from __future__ import annotations

from communitydesk.rules.touch_kinds import TouchKind, touch_kind_label


def test_every_kind_has_one_label() -> None:
    assert touch_kind_label("email") == "E-mail"
    assert touch_kind_label("reaction") == "Réaction à une publication"
    assert all(touch_kind_label(kind.value) != kind.value for kind in TouchKind)
    assert touch_kind_label("pigeon") == "pigeon"  # an unknown kind is shown as stored
