from __future__ import annotations

import pytest

from piritimer.core.model import (
    BreathPattern,
    Exercise,
    PacedBreathing,
    Session,
    Side,
    SideOrder,
    TimedHold,
)
from piritimer.core.timeline import StepKind, compile_session, count_steps, for_side
from tests.sessions_for_tests import breathing_exercise, hold_exercise, two_exercise_timeline


def kinds(session: Session) -> list[str]:
    return [step.kind.value for step in compile_session(session).steps]


def test_timed_exercise_with_sides_and_reps_compiles_in_order() -> None:
    session = Session(title="T", exercises=(hold_exercise(),))
    assert kinds(session) == [
        "setup", "get ready",
        "hold", "rest", "hold",
        "switch sides",
        "hold", "rest", "hold",
        "done",
    ]  # fmt: skip


def test_offsets_are_exact_sums_of_durations() -> None:
    timeline = two_exercise_timeline()
    offset = 0.0
    for step in timeline.steps:
        assert step.start_s == offset
        offset += step.duration_s or 0.0
    # setup 10 + ready 3 + 2x(30 + 5 + 30) + switch 8 + rest after 15; breathing: 2x(4+2+6) + 3
    assert timeline.total_s == 10 + 3 + 2 * 65 + 8 + 15 + 3 + 2 * 12


def test_sides_order_and_switch_text() -> None:
    session = Session(title="T", exercises=(hold_exercise(sides=SideOrder.RIGHT_THEN_LEFT),))
    steps = compile_session(session).steps
    assert steps[2].side is Side.RIGHT
    switch = next(s for s in steps if s.kind is StepKind.SWITCH_SIDES)
    assert switch.title == "Switch to the left side"
    assert switch.say == "Switch to the left side."
    assert switch.side is Side.LEFT


def test_sets_rest_between_sets_not_after_last() -> None:
    exercise = hold_exercise(sides=SideOrder.NONE, sets=2, reps=2, rest_between_sets_s=30.0)
    steps = compile_session(Session(title="T", exercises=(exercise,))).steps
    rests = [(s.duration_s, s.detail) for s in steps if s.kind is StepKind.REST]
    assert rests == [
        (5.0, "Next: rep 2 of 2"),
        (30.0, "Next: set 2 of 2"),
        (5.0, "Next: rep 2 of 2"),
    ]
    last_hold = [s for s in steps if s.kind is StepKind.HOLD][-1]
    assert (last_hold.set_number, last_hold.rep_number) == (2, 2)
    assert last_hold.position_text() == "Set 2 of 2 · rep 2 of 2"


def test_breathing_phases_cues_and_wait_setup() -> None:
    steps = compile_session(Session(title="T", exercises=(breathing_exercise(),))).steps
    assert steps[0].kind is StepKind.SETUP
    assert steps[0].waits
    assert [s.kind for s in steps[2:5]] == [StepKind.INHALE, StepKind.HOLD_IN, StepKind.EXHALE]
    exhale_1, exhale_2 = (s for s in steps if s.kind is StepKind.EXHALE)
    assert exhale_1.say == "Breathe out. Squeeze the roller."
    assert exhale_2.say == "Breathe out"  # the cue is spoken on the first breath only
    assert exhale_2.detail == "squeeze the roller"  # ...but shown on every breath
    assert exhale_2.position_text() == "Breath 2 of 2"


def test_hold_measured_in_breaths_uses_pattern() -> None:
    work = PacedBreathing(BreathPattern(3.0, 5.0, hold_out_s=1.0), cycles=3, measured_hold=True)
    exercise = Exercise(name="Pigeon", work=work, get_ready_s=None)
    steps = compile_session(Session(title="T", exercises=(exercise,))).steps
    breath = [s for s in steps if s.kind.is_breath]
    assert len(breath) == 9
    assert sum(s.duration_s or 0 for s in breath) == 27.0


def test_rest_after_only_between_exercises_and_names_next() -> None:
    timeline = two_exercise_timeline()
    rest_after = [s for s in timeline.steps if s.kind is StepKind.REST and s.duration_s == 15.0]
    assert len(rest_after) == 1
    assert rest_after[0].detail == "Next: Thigh squeeze"
    assert timeline.steps[-1].kind is StepKind.DONE
    assert timeline.steps[-1].duration_s is None
    assert not timeline.steps[-1].waits


def test_first_hold_announces_its_length() -> None:
    steps = compile_session(Session(title="T", exercises=(hold_exercise(),))).steps
    holds = [s for s in steps if s.kind is StepKind.HOLD]
    assert holds[0].say == "Hold for 30 seconds. Push the knee away."
    assert holds[1].say == "Hold. Push the knee away."


def test_only_exercise_compiles_one() -> None:
    session = Session(title="T", exercises=(hold_exercise(), breathing_exercise()))
    timeline = compile_session(session, only_exercise=1)
    assert {s.exercise_name for s in timeline.steps[:-1]} == {"Thigh squeeze"}
    assert timeline.steps[0].exercise_index == 1


@pytest.mark.parametrize(
    "exercise",
    [
        hold_exercise(),
        hold_exercise(sides=SideOrder.NONE, sets=3, reps=4, rest_between_sets_s=None),
        hold_exercise(get_ready_s=None, rest_between_reps_s=None),
        breathing_exercise(),
        breathing_exercise(sides=SideOrder.LEFT, sets=2, reps=3, rest_between_sets_s=20.0),
        Exercise(name="x", work=TimedHold(1.0), sides=SideOrder.RIGHT),
    ],
)
def test_count_steps_matches_compile(exercise: Exercise) -> None:
    session = Session(title="T", exercises=(exercise, exercise))
    assert count_steps(session) == len(compile_session(session).steps)


def test_exercise_range_and_next_step() -> None:
    timeline = two_exercise_timeline()
    first = timeline.exercise_range(0)
    assert timeline.steps[first.start].kind is StepKind.SETUP
    assert timeline.steps[first.stop].exercise_index == 1
    assert timeline.next_step(len(timeline.steps) - 1) is None


def test_a_two_sided_setup_names_its_side_first_and_speaks_of_it() -> None:
    exercise = hold_exercise(setup=("Lie on your back", "Cross the working ankle over the knee"))
    setup = compile_session(Session("S", (exercise,))).steps[0]
    assert setup.side is Side.LEFT
    assert setup.say == (
        "Left side. Figure four. Lie on your back. Cross your left ankle over the knee."
    )
    assert setup.detail.splitlines()[1] == "Cross your left ankle over the knee"
    assert for_side("The working knee", Side.RIGHT) == "Your right knee"
    assert for_side("the working knee", None) == "the working knee"


def test_a_one_sided_setup_is_said_as_written() -> None:
    exercise = hold_exercise(sides=SideOrder.NONE, setup=("Rest the working ankle",))
    setup = compile_session(Session("S", (exercise,))).steps[0]
    assert setup.side is None
    assert setup.say == "Figure four. Rest the working ankle."
