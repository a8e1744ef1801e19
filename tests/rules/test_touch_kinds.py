"""Touch point kinds and their labels: one place, the full words and the short printed ones."""

from __future__ import annotations

from communitydesk.rules.touch_kinds import TouchKind, touch_kind_label, touch_kind_short_label


def test_short_labels_shorten_only_the_long_words() -> None:
    assert touch_kind_short_label("email") == "Courriel"
    assert touch_kind_short_label("reaction") == "Réaction"
    for kind in (TouchKind.CALL, TouchKind.MEETING, TouchKind.EVENT, TouchKind.CONTRIBUTION, TouchKind.NOTE):
        assert touch_kind_short_label(kind.value) == touch_kind_label(kind.value)
    assert touch_kind_short_label("pigeon") == "pigeon"  # an unknown kind is printed as stored
