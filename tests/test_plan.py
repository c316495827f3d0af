"""Plans as pure logic: the words a file may use, today's progress, and the streak."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from piritimer.core.past_run import PastRun
from piritimer.core.plan import Plan, parse_plan, plan_progress

TODAY = date(2026, 3, 11)  # a Wednesday


def run(day: date, hour: int = 8, *, completed: bool = True) -> PastRun:
    return PastRun(datetime.combine(day, time(hour)), completed)


def days_ago(*offsets: int) -> list[PastRun]:
    return [run(TODAY - timedelta(days=offset)) for offset in offsets]


@pytest.mark.parametrize(
    ("text", "plan"),
    [
        ("daily", Plan()),
        ("Every day", Plan()),
        ("once a day", Plan()),
        ("twice a day", Plan(per_day=2)),
        ("3 times a day", Plan(per_day=3)),
        ("three times per day", Plan(per_day=3)),
        ("3 days a week", Plan(days_per_week=3)),
        ("3  Days  a  week", Plan(days_per_week=3)),
        ("5 times a week", Plan(days_per_week=5)),
        ("once a week", Plan(days_per_week=1)),
        ("weekly", Plan(days_per_week=1)),
        ("twice a week", Plan(days_per_week=2)),
        ("7 days a week", Plan()),
    ],
)
def test_plan_words(text: str, plan: Plan) -> None:
    assert parse_plan(text) == plan
    assert parse_plan(plan.text()) == plan


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("sometimes", "expected a plan such as `daily`, `twice a day`"),
        ("8 days a week", "a week has 7 days"),
        ("0 times a day", "from 1 to 12 runs a day, found 0"),
        ("13 times a day", "from 1 to 12 runs a day, found 13"),
    ],
)
def test_plan_mistakes(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_plan(text)


def test_nothing_done_yet() -> None:
    progress = plan_progress(Plan(per_day=2), [], TODAY)
    assert progress.today_text() == "0 of 2 today"
    assert progress.streak_text() == ""


def test_one_of_two_today_and_a_streak_of_kept_days() -> None:
    history = [run(TODAY - timedelta(days=d), h) for d in (1, 2, 3) for h in (8, 18)]
    history.append(run(TODAY))
    progress = plan_progress(Plan(per_day=2), history, TODAY)
    assert progress.today_text() == "1 of 2 today"
    assert progress.streak_text() == "3 days in a row"  # today is not over yet


def test_a_missed_day_breaks_the_streak_and_stopped_runs_do_not_count() -> None:
    history = [*days_ago(0, 1, 3, 4, 5), run(TODAY - timedelta(days=2), completed=False)]
    progress = plan_progress(Plan(), history, TODAY)
    assert (progress.done_today, progress.streak) == (1, 2)
    assert progress.streak_text() == "2 days in a row"


def test_future_runs_are_ignored() -> None:
    progress = plan_progress(Plan(), days_ago(-1, -2), TODAY)
    assert (progress.done_today, progress.streak) == (0, 0)


def test_a_weekly_plan_counts_days_this_week_and_weeks_in_a_row() -> None:
    # Weeks start on Monday: this week is Mon 9 – Sun 15 March.
    this_week = days_ago(1, 2)  # Tuesday and Monday
    last_week = days_ago(3, 5, 7)  # Sunday 8, Friday 6, Wednesday 4
    week_before = days_ago(10, 12, 14)  # Sunday 1 March back to Wednesday 25 February
    progress = plan_progress(Plan(days_per_week=3), this_week + last_week + week_before, TODAY)
    assert progress.today_text() == "2 of 3 days this week"
    assert progress.streak_text() == "2 weeks in a row"  # this week can still be kept
    progress = plan_progress(Plan(days_per_week=3), this_week + days_ago(0) + last_week, TODAY)
    assert progress.today_text() == "3 of 3 days this week"
    assert progress.streak_text() == "2 weeks in a row"


def test_two_runs_on_one_day_are_one_day_of_a_weekly_plan() -> None:
    history = [run(TODAY, 8), run(TODAY, 18)]
    assert plan_progress(Plan(days_per_week=2), history, TODAY).days_this_week == 1


@given(
    st.sampled_from([Plan(), Plan(per_day=2), Plan(days_per_week=3), Plan(days_per_week=1)]),
    st.lists(st.tuples(st.integers(-3, 60), st.integers(0, 23), st.booleans()), max_size=80),
)
def test_progress_stays_within_what_the_runs_allow(
    plan: Plan, raw: list[tuple[int, int, bool]]
) -> None:
    history = [run(TODAY - timedelta(days=d), h, completed=c) for d, h, c in raw]
    progress = plan_progress(plan, history, TODAY)
    kept_days = {r.started.date() for r in history if r.completed and r.started.date() <= TODAY}
    assert progress.done_today == sum(
        1 for r in history if r.completed and r.started.date() == TODAY
    )
    assert 0 <= progress.days_this_week <= min(7, plan.days_per_week if not plan.is_daily else 7)
    if plan.is_daily:
        assert progress.streak <= len(kept_days)
    else:
        assert progress.streak * plan.days_per_week <= len(kept_days)
