"""Pacing of a campaign: only valid contributions count, series and projection add up."""

from __future__ import annotations

import itertools
from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from communitydesk.rules import pacing
from communitydesk.rules.pacing import ContributionFact

START = date(2026, 3, 1)
END = date(2026, 3, 30)  # 30 days


def fact(
    amount: int, day: int, status: str = "valid", circle: str = "grand_public", backer: int | None = None
) -> ContributionFact:
    return ContributionFact(amount, START + timedelta(days=day), status, circle, backer)


facts_strategy = st.lists(
    st.builds(
        fact,
        amount=st.integers(min_value=0, max_value=1_000_000),
        day=st.integers(min_value=-5, max_value=40),
        status=st.sampled_from(["valid", "refunded", "cancelled", "pending"]),
        circle=st.sampled_from(["proches", "communaute", "grand_public"]),
        backer=st.one_of(st.none(), st.integers(min_value=1, max_value=20)),
    ),
    max_size=60,
)


def test_total_ignores_refunded_cancelled_and_pending() -> None:
    facts = [fact(1000, 0), fact(2500, 1, "refunded"), fact(700, 2, "cancelled"), fact(300, 3, "pending"), fact(50, 3)]
    assert pacing.total_cents(facts) == 1050


@given(facts_strategy)
def test_total_is_the_sum_of_valid_contributions_and_the_split_adds_up(facts: list[ContributionFact]) -> None:
    expected = sum(f.amount_cents for f in facts if f.status == "valid")
    assert pacing.total_cents(facts) == expected
    split = pacing.split_by_circle(facts)
    assert list(split) == ["proches", "communaute", "grand_public"]
    assert sum(share.amount_cents for share in split.values()) == expected
    # A contact is counted once overall, and each contact-less valid contribution once.
    assert pacing.backers(facts) <= sum(share.backers for share in split.values())


@given(facts_strategy)
def test_cumulative_series_ends_on_the_total_to_date(facts: list[ContributionFact]) -> None:
    series = pacing.cumulative_by_day(facts, START, END)
    assert [d for d, _ in series] == [START + timedelta(days=n) for n in range(30)]
    assert series[-1][1] == sum(f.amount_cents for f in facts if f.status == "valid" and f.day <= END)
    assert all(a[1] <= b[1] for a, b in itertools.pairwise(series))


def test_cumulative_counts_early_pledges_on_the_first_day() -> None:
    series = pacing.cumulative_by_day([fact(500, -3), fact(200, 0), fact(100, 2)], START, START + timedelta(days=2))
    assert series == [(START, 700), (START + timedelta(days=1), 700), (START + timedelta(days=2), 800)]


def test_cumulative_without_start_date_begins_at_first_contribution() -> None:
    series = pacing.cumulative_by_day([fact(100, 5), fact(100, 6)], None, START + timedelta(days=6))
    assert series[0] == (START + timedelta(days=5), 100)
    assert pacing.cumulative_by_day([], None, END) == []


def test_goal_line_reaches_the_goal_on_the_last_day() -> None:
    line = pacing.goal_line(START, END, 300_000)
    assert len(line) == 30
    assert line[0] == (START, 10_000)
    assert line[14] == (START + timedelta(days=14), 150_000)
    assert line[-1] == (END, 300_000)
    assert pacing.goal_line(START, None, 1000) == []
    assert pacing.goal_line(START, END, 0) == []


def test_projection_follows_the_average_pace() -> None:
    # 10 days elapsed (day 0..9), 100 000 cents so far: 10 000 a day, 20 days to go after today.
    facts = [fact(10_000, n) for n in range(10)] + [fact(99_999, 3, "refunded")]
    today = START + timedelta(days=9)
    assert pacing.daily_pace(facts, START, today) == 10_000
    line = pacing.projection(facts, START, END, today)
    assert line[0] == (today, 100_000)
    assert line[-1] == (END, 300_000)
    assert pacing.projected_total(facts, START, END, today) == 300_000
    # Once the campaign is over there is nothing left to project.
    assert pacing.projection(facts, START, END, END) == []
    assert pacing.projected_total(facts, START, END, END + timedelta(days=3)) == 100_000


def test_days_left_and_goal_ratio() -> None:
    assert pacing.days_left(END, END - timedelta(days=4)) == 4
    assert pacing.days_left(END, END) == 0
    assert pacing.days_left(END, END + timedelta(days=10)) == 0
    assert pacing.days_left(None, END) is None
    assert pacing.goal_ratio(150, 300) == 0.5
    assert pacing.goal_ratio(150, 0) is None


def test_split_counts_amount_and_distinct_backers_per_circle() -> None:
    facts = [
        fact(1000, 0, circle="proches", backer=1),
        fact(500, 1, circle="proches", backer=1),
        fact(2000, 1, circle="communaute", backer=2),
        fact(300, 2, backer=None),
        fact(300, 2, backer=None),
        fact(9999, 2, "refunded", circle="proches", backer=3),
    ]
    split = pacing.split_by_circle(facts)
    assert split["proches"] == pacing.CircleShare(1500, 1)
    assert split["communaute"] == pacing.CircleShare(2000, 1)
    assert split["grand_public"] == pacing.CircleShare(600, 2)
    assert pacing.backers(facts) == 4


def test_close_circles_check_looks_at_the_first_thirty_percent() -> None:
    goal = 100_000
    facts = [
        fact(20_000, 0, circle="proches"),
        fact(5_000, 1, circle="communaute"),
        fact(10_000, 2, circle="grand_public"),
        fact(40_000, 3, circle="grand_public"),
    ]
    check = pacing.close_circles_check(facts, goal)
    assert check.target_cents == 30_000
    assert check.close_cents == 25_000
    assert check.close_ratio_of_goal == 0.25
    assert not check.on_track
    # The first wave (up to 30 000) is 20 000 + 5 000 + 10 000 = 35 000, of which 25 000 close.
    assert check.first_wave_close_share == 25_000 / 35_000
    early = pacing.close_circles_check(facts[:1], goal)
    assert early.first_wave_close_share is None
    assert pacing.close_circles_check([*facts, fact(6_000, 4, circle="proches")], goal).on_track


def test_a_projection_is_rounded_as_an_estimate() -> None:
    assert pacing.rounded_projection(82_549) == 82_500  # 825,49 € → 825 €
    assert pacing.rounded_projection(1_234_567) == 1_230_000  # 12 345,67 € → 12 300 €
    assert pacing.rounded_projection(987_654) == 988_000  # 9 876,54 € → 9 880 €
    assert pacing.rounded_projection(0) == 0
