"""Progression as pure logic: levels, the rule over past runs, today's values and the words."""

from __future__ import annotations

from datetime import datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from piritimer.core.model import (
    BreathPattern,
    Exercise,
    PacedBreathing,
    Progression,
    Session,
    TimedHold,
    ValueRange,
)
from piritimer.core.past_run import PastRun
from piritimer.core.progression import (
    Change,
    Values,
    decide,
    explain,
    range_text,
    session_today,
    today,
    top_level,
    values_at,
    with_values,
)
from piritimer.core.timeline import StepKind, compile_session

HOLD = Progression(hold_s=ValueRange(30, 60), hold_step_s=5)
HOLD_AND_REPS = Progression(hold_s=ValueRange(30, 60), reps=ValueRange(5, 10), hold_step_s=10)
START = datetime(2026, 3, 1, 8, 0)


def runs(*pains: tuple[int, int] | None, completed: bool = True) -> list[PastRun]:
    """One completed run a day; None is a run without pain recorded."""
    return [
        PastRun(
            START + timedelta(days=day),
            completed,
            None if pain is None else pain[0],
            None if pain is None else pain[1],
        )
        for day, pain in enumerate(pains)
    ]


SAME = (3, 3)
BETTER = (4, 2)
WORSE = (2, 5)


def test_no_runs_is_the_start_of_the_range() -> None:
    decision = decide(HOLD, [])
    assert decision.level == 0
    assert decision.change is Change.NONE
    assert values_at(HOLD, 0) == Values(hold_s=30)
    assert explain(HOLD, decision) == (
        "start of the range: up a step after 3 runs without more pain"
    )


def test_three_runs_without_more_pain_step_up_five_seconds() -> None:
    decision = decide(HOLD, runs(SAME, BETTER, None))
    assert (decision.level, decision.change) == (1, Change.UP)
    assert values_at(HOLD, decision.level).hold_s == 35
    assert explain(HOLD, decision) == "up 5 s: 3 runs without more pain"


def test_two_runs_keep_the_level_and_say_how_many_are_left() -> None:
    decision = decide(HOLD, runs(SAME, BETTER, SAME, SAME, SAME))
    assert (decision.level, decision.change, decision.runs_without_more_pain) == (
        1,
        Change.KEPT,
        2,
    )
    assert explain(HOLD, decision) == "kept: 2 of 3 runs without more pain before the next step"


def test_pain_that_rose_steps_back_and_starts_the_count_again() -> None:
    decision = decide(HOLD, runs(SAME, SAME, SAME, SAME, SAME, WORSE))
    assert (decision.level, decision.change, decision.runs_without_more_pain) == (
        0,
        Change.DOWN,
        0,
    )
    assert explain(HOLD, decision) == "down 5 s: pain rose during the last run"


def test_pain_that_rose_at_the_start_keeps_the_start() -> None:
    decision = decide(HOLD, runs(WORSE))
    assert (decision.level, decision.change) == (0, Change.KEPT)
    assert explain(HOLD, decision) == "kept: pain rose during the last run"


def test_without_step_back_pain_only_restarts_the_count() -> None:
    rule = Progression(hold_s=ValueRange(30, 60), step_back=False, after_runs=1)
    assert decide(rule, runs(SAME, SAME, WORSE)).level == 2
    assert decide(rule, runs(SAME, SAME, WORSE, SAME)).level == 3


def test_stopped_runs_do_not_count() -> None:
    assert decide(HOLD, runs(SAME, SAME, SAME, completed=False)).change is Change.NONE


def test_runs_are_taken_oldest_first_whatever_their_order() -> None:
    history = runs(SAME, SAME, SAME, WORSE)
    assert decide(HOLD, list(reversed(history))) == decide(HOLD, history)


def test_the_top_of_the_range_is_never_passed() -> None:
    decision = decide(HOLD, runs(*[SAME] * 40))
    assert decision.level == top_level(HOLD) == 6
    assert values_at(HOLD, decision.level).hold_s == 60
    assert explain(HOLD, decision) == "top of the range"


def test_a_step_that_does_not_divide_the_range_stops_at_the_top() -> None:
    rule = Progression(hold_s=ValueRange(30, 45), hold_step_s=10)
    assert top_level(rule) == 2
    assert [values_at(rule, level).hold_s for level in range(4)] == [30, 40, 45, 45]


def test_hold_and_reps_move_together_and_the_words_say_both() -> None:
    decision = decide(HOLD_AND_REPS, runs(SAME, SAME, SAME))
    assert values_at(HOLD_AND_REPS, 1) == Values(hold_s=40, reps=6)
    assert explain(HOLD_AND_REPS, decision) == "up 10 s and 1 rep: 3 runs without more pain"
    assert top_level(HOLD_AND_REPS) == 5  # reps take five steps, the hold three


def test_range_text_names_today_and_the_range() -> None:
    assert range_text(HOLD, values_at(HOLD, 2)) == "today: 40 s, range 30–60 s"
    assert range_text(HOLD_AND_REPS, values_at(HOLD_AND_REPS, 0)) == (
        "today: 30 s, range 30–60 s; 5 reps, range 5–10"
    )
    long_hold = Progression(hold_s=ValueRange(120, 180), hold_step_s=30)
    assert range_text(long_hold, values_at(long_hold, 1)) == "today: 2m30s, range 2m–3m"
    breaths = Progression(cycles=ValueRange(5, 8))
    assert range_text(breaths, values_at(breaths, 1)) == "today: 6 breaths, range 5–8"


def test_the_persons_choice_wins_and_is_explained() -> None:
    chosen = today(HOLD, runs(SAME, SAME, SAME), chosen=4)
    assert chosen.chosen
    assert chosen.values.hold_s == 50
    assert chosen.explanation() == "your choice for today (suggested: 35 s)"
    clamped = today(HOLD, [], chosen=99)
    assert clamped.level == 6
    same_as_suggested = today(HOLD, [], chosen=0)
    assert not same_as_suggested.chosen
    assert same_as_suggested.explanation().startswith("start of the range")


def test_timeline_is_built_with_todays_values() -> None:
    session = Session(
        "S",
        (
            Exercise("Hold", TimedHold(30), reps=5, progression=HOLD_AND_REPS),
            Exercise("Breathe", PacedBreathing(BreathPattern(), 5)),
        ),
    )
    values = {i: t.values for i, t in session_today(session, runs(SAME, SAME, SAME)).items()}
    assert list(values) == [0]
    timeline = compile_session(session, today=values)
    holds = [s for s in timeline.steps if s.kind is StepKind.HOLD]
    assert len(holds) == 6
    assert {s.duration_s for s in holds} == {40}
    assert timeline.session is session
    assert [s.duration_s for s in compile_session(session).steps if s.kind is StepKind.HOLD] == [
        30
    ] * 5


def test_with_values_changes_breaths_and_leaves_other_work_alone() -> None:
    breathing = Exercise("B", PacedBreathing(BreathPattern(), 5))
    assert with_values(breathing, Values(cycles=7)).work == PacedBreathing(BreathPattern(), 7)
    assert with_values(breathing, Values(hold_s=40)) == breathing


# -- invariants --------------------------------------------------------------------------------

pains = st.one_of(st.none(), st.tuples(st.integers(0, 10), st.integers(0, 10)))
histories = st.lists(st.tuples(pains, st.booleans()), max_size=60)
rules = st.builds(
    lambda low, span, step, reps_low, reps_span, after, back: Progression(
        hold_s=ValueRange(low, low + span),
        reps=ValueRange(reps_low, reps_low + reps_span),
        hold_step_s=step,
        after_runs=after,
        step_back=back,
    ),
    st.integers(1, 120),
    st.integers(1, 120),
    st.sampled_from([0.5, 1, 2.5, 5, 7, 10, 30]),
    st.integers(1, 10),
    st.integers(1, 10),
    st.integers(1, 6),
    st.booleans(),
)


def as_runs(history: list[tuple[tuple[int, int] | None, bool]]) -> list[PastRun]:
    return [
        PastRun(
            START + timedelta(hours=hour),
            done,
            None if pain is None else pain[0],
            None if pain is None else pain[1],
        )
        for hour, (pain, done) in enumerate(history)
    ]


@given(rules, histories)
def test_todays_values_never_leave_the_range(
    rule: Progression, history: list[tuple[tuple[int, int] | None, bool]]
) -> None:
    values = today(rule, as_runs(history)).values
    assert rule.hold_s is not None
    assert rule.reps is not None
    assert values.hold_s is not None
    assert values.reps is not None
    assert rule.hold_s.low <= values.hold_s <= rule.hold_s.high
    assert rule.reps.low <= values.reps <= rule.reps.high


@given(rules, histories)
def test_each_run_moves_at_most_one_step_and_only_for_its_reason(
    rule: Progression, history: list[tuple[tuple[int, int] | None, bool]]
) -> None:
    past = as_runs(history)
    for count in range(1, len(past) + 1):
        before, after = decide(rule, past[: count - 1]), decide(rule, past[:count])
        run = past[count - 1]
        assert abs(after.level - before.level) <= 1
        if after.level > before.level:
            assert run.completed
            assert not run.pain_rose
        if after.level < before.level:
            assert run.completed
            assert run.pain_rose
            assert rule.step_back
        if not run.completed:
            assert after == before


@given(rules, st.integers(0, 40))
def test_values_grow_with_the_level(rule: Progression, level: int) -> None:
    lower, higher = values_at(rule, level), values_at(rule, level + 1)
    assert lower.hold_s is not None
    assert higher.hold_s is not None
    assert lower.reps is not None
    assert higher.reps is not None
    assert lower.hold_s <= higher.hold_s
    assert lower.reps <= higher.reps
    if level < top_level(rule):
        assert (lower.hold_s, lower.reps) != (higher.hold_s, higher.reps)
