"""Regularity windows and gaps, engagement, growth and best posts, on plain facts."""

from __future__ import annotations

from datetime import date, timedelta

from communitydesk.i18n import set_language
from communitydesk.rules.editorial_figures import (
    EngagementMonth,
    FollowerFact,
    PlannedFact,
    ResultFact,
    Target,
    Window,
    best_posts,
    engagement,
    gap_text,
    gaps,
    growth,
    regularity,
    window_start,
)

MON_7_DEC = date(2026, 12, 7)
MON_14_DEC = date(2026, 12, 14)


def test_weekly_target_is_judged_week_by_week_and_abandoned_posts_do_not_count() -> None:
    facts = [
        PlannedFact("linkedin", date(2026, 12, 1), "prete"),
        PlannedFact("linkedin", date(2026, 12, 3), "publiee"),
        PlannedFact("linkedin", date(2026, 12, 8), "abandonnee"),
        PlannedFact("facebook", date(2026, 12, 15), "idee"),
    ]
    windows = regularity(facts, [Target("facebook", 3), Target("linkedin", 2)], date(2026, 12, 2), MON_14_DEC)
    # Networks in the vocabulary's order (LinkedIn first), each week from the Monday before the start.
    assert [(w.network, w.starts_on, w.planned, w.target) for w in windows] == [
        ("linkedin", date(2026, 11, 30), 2, 2),
        ("linkedin", MON_7_DEC, 0, 2),
        ("linkedin", MON_14_DEC, 0, 2),
        ("facebook", date(2026, 11, 30), 0, 3),
        ("facebook", MON_7_DEC, 0, 3),
        ("facebook", MON_14_DEC, 1, 3),
    ]
    assert [(w.network, w.starts_on) for w in gaps(windows)] == [
        ("facebook", date(2026, 11, 30)),
        ("linkedin", MON_7_DEC),
        ("facebook", MON_7_DEC),
        ("linkedin", MON_14_DEC),
        ("facebook", MON_14_DEC),
    ]


def test_fortnightly_target_uses_the_same_fortnights_whatever_the_range() -> None:
    opening = window_start(MON_7_DEC, 2)
    assert opening.weekday() == 0
    assert window_start(opening + timedelta(days=13), 2) == opening
    assert window_start(MON_7_DEC, 1) == MON_7_DEC
    facts = [PlannedFact("newsletter", opening + timedelta(days=10), "a_rediger")]
    for start in (opening, opening + timedelta(days=9)):
        windows = regularity(facts, [Target("newsletter", 1, 2)], start, start)
        assert [(w.starts_on, w.weeks, w.planned) for w in windows] == [(opening, 2, 1)]
        assert windows[0].ends_on == opening + timedelta(days=13)
        assert gaps(windows) == []


def test_no_target_no_window() -> None:
    assert regularity([PlannedFact("blog", MON_7_DEC, "idee")], [Target("blog", 0)], MON_7_DEC, MON_14_DEC) == []


def test_gap_sentences_in_french_and_english() -> None:
    none = Window("linkedin", MON_7_DEC, 1, 0, 2)
    one = Window("facebook", MON_14_DEC, 1, 1, 3)
    two = Window("facebook", MON_14_DEC, 1, 2, 3)
    fortnight = Window("newsletter", MON_7_DEC, 2, 0, 1)
    assert gap_text(none) == "aucune publication LinkedIn la semaine du 7 décembre"
    assert gap_text(one) == "1 publication Facebook sur 3 prévues la semaine du 14 décembre"
    assert gap_text(two) == "2 publications Facebook sur 3 prévues la semaine du 14 décembre"
    assert gap_text(fortnight) == "aucune publication Lettre d’information les 2 semaines à partir du 7 décembre"
    first = Window("linkedin", date(2027, 3, 1), 1, 0, 1)
    assert gap_text(first) == "aucune publication LinkedIn la semaine du 1er mars"
    set_language("en")
    assert gap_text(none) == "no LinkedIn post in the week of 7 December"
    assert gap_text(one) == "1 Facebook post out of 3 planned in the week of 14 December"
    assert gap_text(two) == "2 Facebook posts out of 3 planned in the week of 14 December"
    assert gap_text(fortnight) == "no Newsletter post in the 2 weeks from 7 December"


def result(
    pid: int, network: str, day: date, views: int | None, reactions: int | None, comments=0, shares=0
) -> ResultFact:  # type: ignore[no-untyped-def]
    return ResultFact(pid, f"Post {pid}", network, day, views, reactions, comments, shares)


def test_engagement_is_interactions_over_views_per_network_and_month() -> None:
    facts = [
        result(1, "facebook", date(2026, 10, 3), 1000, 30, 5, 5),  # 4 %
        result(2, "facebook", date(2026, 10, 20), 500, 5, 0, 0),  # 1 %
        result(3, "facebook", date(2026, 10, 21), None, None),  # published, not measured
        result(4, "facebook", date(2026, 11, 2), 0, 3),  # views 0: not measured
        result(5, "linkedin", date(2026, 11, 5), 200, 8, 2, 0),  # 5 %
        result(6, "linkedin", date(2026, 12, 5), 200, 8, 2, 0),  # outside the range
    ]
    months = engagement(facts, date(2026, 10, 1), date(2026, 11, 30))
    assert months == [
        EngagementMonth("linkedin", date(2026, 11, 1), 1, 1, 200, 10),
        EngagementMonth("facebook", date(2026, 10, 1), 3, 2, 1500, 45),
        EngagementMonth("facebook", date(2026, 11, 1), 1, 0, 0, 0),
    ]
    assert months[0].rate == 0.05 and months[0].meets_benchmark is True
    assert months[1].rate == 0.03 and months[1].meets_benchmark is False
    assert months[2].rate is None and months[2].meets_benchmark is None


def test_best_posts_by_rate_then_reactions_ties_stable() -> None:
    facts = [
        result(1, "facebook", MON_7_DEC, 100, 2),  # 2 %
        result(2, "facebook", MON_7_DEC, 100, 5),  # 5 %, 5 reactions
        result(3, "linkedin", MON_7_DEC, 200, 10),  # 5 %, 10 reactions
        result(4, "linkedin", MON_7_DEC, None, 50),  # not measured
        result(5, "x", MON_7_DEC, 100, 2),  # 2 %, as post 1: keeps its place after it
    ]
    assert [f.publication_id for f in best_posts(facts, 10)] == [3, 2, 1, 5]
    assert [f.publication_id for f in best_posts(facts, 2)] == [3, 2]


def test_growth_compares_each_month_with_the_last_count_before_it() -> None:
    counts = [
        FollowerFact("linkedin", date(2026, 9, 28), 400),
        FollowerFact("linkedin", date(2026, 10, 15), 420),
        FollowerFact("linkedin", date(2026, 10, 31), 440),
        FollowerFact("linkedin", date(2026, 12, 1), 462),
        FollowerFact("instagram", date(2026, 11, 3), 80),
    ]
    found = growth(counts, date(2026, 10, 1), date(2026, 12, 31))
    assert [(g.network, g.month, g.followers, g.previous) for g in found] == [
        ("linkedin", date(2026, 10, 1), 440, 400),
        ("linkedin", date(2026, 12, 1), 462, 440),
        ("instagram", date(2026, 11, 1), 80, None),
    ]
    assert found[0].rate == 0.1
    assert found[1].rate == 0.05
    assert found[2].rate is None
