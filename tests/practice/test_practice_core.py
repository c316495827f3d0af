"""The pure practice logic: following an engine through a run, days, streaks, continuing."""

from __future__ import annotations

import sys
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from piritimer.core.engine import Engine
from piritimer.core.practice import (
    Outcome,
    Run,
    RunTracker,
    Streak,
    check_pain,
    content_hash,
    continuable,
    counts_by_session,
    finishing_steps,
    local_day,
    pain_series,
    runs_by_day,
    streak,
)
from piritimer.core.timeline import Timeline
from tests.practice.helpers import T0, a_run
from tests.sessions_for_tests import timed_timeline, two_exercise_timeline


class Clocks:
    def __init__(self) -> None:
        self.now = 100.0
        self.wall = T0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds
        self.wall += timedelta(seconds=seconds)


def track(timeline: Timeline) -> tuple[Engine, RunTracker, Clocks, list[Run]]:
    clocks = Clocks()
    engine = Engine(timeline, clock=clocks)
    run = Run("r", "Test", "/t.yaml", "sha256:1", T0, len(timeline.steps))
    tracker = RunTracker(run, timeline, clock=clocks, wall=lambda: clocks.wall)
    saved: list[Run] = []

    def listen(event: object) -> None:
        changed = tracker.observe(event)  # type: ignore[arg-type]
        if changed is not None:
            saved.append(changed)

    engine.subscribe(listen)
    return engine, tracker, clocks, saved


def test_the_core_loads_no_qt() -> None:
    assert not any(name.startswith("PySide6") for name in sys.modules if "practice" in name)
    import piritimer.core.practice as module

    assert "PySide6" not in module.__dict__


def test_a_completed_run_counts_every_side_and_its_paused_time() -> None:
    timeline = timed_timeline([5.0, 7.0])
    engine, tracker, clocks, saved = track(timeline)
    engine.start()
    clocks.advance(3)
    engine.update()
    engine.pause()
    clocks.advance(40)  # a pause of 40 s
    engine.resume()
    for _ in range(20):
        clocks.advance(1)
        engine.update()
    run = tracker.run
    assert run.outcome is Outcome.COMPLETED
    assert run.paused_s == pytest.approx(40)
    assert run.done == ("Hold 0", "Hold 1")
    # 14 s of steps (1 + 5 + 1 + 7) and 40 s paused; the wall clock is read as it finishes.
    assert run.ended_at == T0 + timedelta(seconds=54)
    assert saved[-1] == run
    assert run.active_s == pytest.approx(14)


def test_a_stop_keeps_the_step_and_only_the_sides_finished() -> None:
    timeline = two_exercise_timeline()
    engine, tracker, clocks, _saved = track(timeline)
    engine.start()
    finishing = finishing_steps(timeline)
    left_end = min(finishing)  # the last hold of the left side
    while engine.index <= left_end:
        if engine.step.waits:
            engine.ready()
        else:
            clocks.advance(engine.step.duration_s or 0)
            engine.update()
    engine.stop()
    run = tracker.run
    assert run.outcome is Outcome.STOPPED
    assert run.done == ("Figure four · left",)
    assert run.step_index == engine.index > left_end
    assert run.step_title == engine.step.title


def test_a_jump_over_a_side_does_not_count_it_done() -> None:
    timeline = two_exercise_timeline()
    engine, tracker, _clocks, _saved = track(timeline)
    engine.start()
    engine.jump(len(timeline.steps) - 2)
    assert tracker.run.done == ()
    assert tracker.run.step_index == len(timeline.steps) - 2


def test_a_stop_while_paused_counts_the_pause() -> None:
    engine, tracker, clocks, _saved = track(timed_timeline([30.0]))
    engine.start()
    engine.pause()
    clocks.advance(12)
    engine.stop()
    assert tracker.run.paused_s == pytest.approx(12)
    assert tracker.observe(engine.status()) is None  # type: ignore[arg-type]


def test_ending_by_hand_is_final() -> None:
    _engine, tracker, _clocks, _saved = track(timed_timeline([30.0]))
    first = tracker.end(Outcome.STOPPED)
    assert tracker.end(Outcome.COMPLETED) == first


@pytest.mark.parametrize("value", [-1, 11, 2.5, "3", True])
def test_pain_is_a_whole_number_from_0_to_10(value: object) -> None:
    with pytest.raises(ValueError, match="pain"):
        check_pain(value)


def test_pain_accepts_0_10_and_none() -> None:
    assert [check_pain(v) for v in (0, 10, None)] == [0, 10, None]


def test_content_hash_names_its_algorithm() -> None:
    assert content_hash(b"x").startswith("sha256:")
    assert content_hash(b"x") != content_hash(b"y")


# -- days and streaks -------------------------------------------------------------------------

BERLIN = ZoneInfo("Europe/Berlin")
AUCKLAND = ZoneInfo("Pacific/Auckland")


def days(*text: str) -> list[date]:
    return [date.fromisoformat(t) for t in text]


def test_no_runs_no_streak() -> None:
    assert streak([], date(2026, 1, 1)) == Streak(0, 0)


def test_a_streak_runs_across_a_month_and_a_year() -> None:
    practised = days("2025-12-30", "2025-12-31", "2026-01-01", "2026-01-02")
    assert streak(practised, date(2026, 1, 2)) == Streak(4, 4)
    feb = days("2024-02-28", "2024-02-29", "2024-03-01")  # a leap day in between
    assert streak(feb, date(2024, 3, 1)) == Streak(3, 3)


def test_the_current_streak_waits_for_today_until_a_day_is_missed() -> None:
    practised = days("2026-03-01", "2026-03-02", "2026-03-03")
    assert streak(practised, date(2026, 3, 4)).current == 3  # today not done yet
    assert streak(practised, date(2026, 3, 5)) == Streak(0, 3)  # yesterday missed


def test_the_longest_streak_is_not_the_latest() -> None:
    practised = days("2026-01-01", "2026-01-02", "2026-01-03", "2026-01-10", "2026-01-11")
    assert streak(practised, date(2026, 1, 11)) == Streak(2, 3)


def test_two_runs_on_one_day_count_one_day() -> None:
    assert streak(days("2026-01-01", "2026-01-01"), date(2026, 1, 1)) == Streak(1, 1)


def test_days_across_the_spring_and_autumn_dst_changes_stay_consecutive() -> None:
    # 07:30 local every day through both clock changes in Berlin (30 March, 26 October 2025).
    for first in (date(2025, 3, 27), date(2025, 10, 23)):
        moments = [
            datetime(first.year, first.month, first.day, 7, 30, tzinfo=BERLIN) + timedelta(days=n)
            for n in range(7)
        ]
        local = [local_day(m.astimezone(UTC), BERLIN) for m in moments]
        assert local == [first + timedelta(days=n) for n in range(7)]
        assert streak(local, local[-1]) == Streak(7, 7)


def test_a_late_evening_run_belongs_to_the_local_day_not_the_utc_one() -> None:
    # 23:30 in Auckland on 31 December is still 31 December there, 10:30 UTC.
    moment = datetime(2025, 12, 31, 23, 30, tzinfo=AUCKLAND)
    assert local_day(moment.astimezone(UTC), AUCKLAND) == date(2025, 12, 31)
    early = datetime(2026, 1, 1, 0, 30, tzinfo=AUCKLAND)  # 11:30 UTC on 31 Dec
    assert local_day(early.astimezone(UTC), AUCKLAND) == date(2026, 1, 1)
    assert early.astimezone(UTC).date() == date(2025, 12, 31)


def test_runs_group_by_local_day_newest_first() -> None:
    runs = [a_run(n) for n in (1, 2, 3)] + [a_run(4, started_at=T0.replace(day=2, hour=9))]
    grouped = runs_by_day(runs, UTC)
    assert list(grouped) == [date(2026, 3, 4), date(2026, 3, 3), date(2026, 3, 2)]
    assert [r.id for r in grouped[date(2026, 3, 2)]] == ["run-1", "run-4"]


def test_counts_per_session_most_practised_first() -> None:
    runs = [a_run(1), a_run(2, outcome=Outcome.STOPPED), a_run(3, title="Nerve flosses")]
    assert counts_by_session(runs) == [("Figure four", 2, 1), ("Nerve flosses", 1, 1)]


# -- continuing -------------------------------------------------------------------------------


def test_a_stopped_or_interrupted_latest_run_of_an_unchanged_file_can_continue() -> None:
    for outcome in (Outcome.STOPPED, Outcome.INTERRUPTED):
        run = a_run(2, outcome=outcome, step_index=4)
        assert continuable([a_run(1), run], run.file, run.content_hash) == run


@pytest.mark.parametrize(
    ("latest", "file_hash"),
    [
        pytest.param({"outcome": Outcome.COMPLETED, "step_index": 4}, "sha256:aa", id="done"),
        pytest.param({"outcome": Outcome.STOPPED, "step_index": 0}, "sha256:aa", id="at-start"),
        pytest.param({"outcome": Outcome.STOPPED, "step_index": 4}, "sha256:bb", id="edited"),
        pytest.param({"outcome": Outcome.STOPPED, "step_index": 4}, "", id="unreadable"),
        pytest.param({"outcome": Outcome.RUNNING, "step_index": 4}, "sha256:aa", id="running"),
    ],
)
def test_nothing_to_continue(latest: dict[str, object], file_hash: str) -> None:
    older = a_run(1, outcome=Outcome.STOPPED, step_index=3)
    newer = a_run(2, **latest)
    assert continuable([newer, older], newer.file, file_hash) is None


def test_pain_series_means_per_day_or_per_week_from_monday() -> None:
    monday = date(2026, 3, 2)
    points = [
        (monday, 6, 4),
        (monday, 4, None),
        (monday + timedelta(days=2), None, 2),
        (monday + timedelta(days=7), 5, 5),
        (monday + timedelta(days=8), None, None),
    ]
    assert pain_series(points) == [
        (monday, 5.0, 4.0),
        (monday + timedelta(days=2), None, 2.0),
        (monday + timedelta(days=7), 5.0, 5.0),
    ]
    assert pain_series(points, bucket_days=7) == [
        (monday, 5.0, 3.0),
        (monday + timedelta(days=7), 5.0, 5.0),
    ]


def naive_streak(days: set[date], today: date) -> Streak:
    """Day by day, the obvious way, to check `streak` against."""
    longest = max(
        (
            next(n for n in range(len(days) + 1) if start + timedelta(days=n) not in days)
            for start in days
        ),
        default=0,
    )
    current = 0
    anchor = today if today in days else today - timedelta(days=1)
    while anchor - timedelta(days=current) in days:
        current += 1
    return Streak(current, longest)


@given(
    st.sets(st.dates(date(2023, 12, 1), date(2024, 3, 31)), max_size=60),
    st.integers(0, 4),
)
def test_streak_agrees_with_counting_day_by_day(days: set[date], gap: int) -> None:
    # Across a year's end and a leap day; today is the last day practised or a little after.
    today = max(days, default=date(2024, 1, 1)) + timedelta(days=gap)
    assert streak(days, today) == naive_streak(days, today)
