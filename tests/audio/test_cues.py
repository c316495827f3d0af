"""Which cue and which line belong to each step: a specification over whole timelines."""

from __future__ import annotations

import pytest

from piritimer.audio.cues import (
    MIN_COUNTED_STEP_S,
    STEP_CUES,
    Cue,
    Tick,
    countdown,
    rep_words,
    split_sentences,
    spoken_line,
    step_cue,
)
from piritimer.audio.settings import Verbosity
from piritimer.core.model import BreathPattern, PacedBreathing, Session, SideOrder
from piritimer.core.timeline import Step, StepKind, compile_session
from piritimer.paths import sounds_dir
from tests.sessions_for_tests import breathing_exercise, hold_exercise, two_exercise_timeline


def make_step(kind: StepKind, duration_s: float | None, say: str = "", title: str = "T") -> Step:
    return Step(0, kind, title, "", say, 0.0, duration_s)


def test_every_step_kind_has_a_decided_cue() -> None:
    assert set(STEP_CUES) == set(StepKind)


def test_every_cue_has_its_sound_file() -> None:
    for cue in Cue:
        assert (sounds_dir() / cue.file_name).is_file(), cue


@pytest.mark.parametrize(
    ("kind", "cue"),
    [
        (StepKind.SETUP, Cue.NEXT_EXERCISE),
        (StepKind.GET_READY, None),
        (StepKind.HOLD, Cue.START),
        (StepKind.INHALE, Cue.INHALE),
        (StepKind.HOLD_IN, Cue.HOLD),
        (StepKind.EXHALE, Cue.EXHALE),
        (StepKind.HOLD_OUT, Cue.HOLD_EMPTY),
        (StepKind.REST, Cue.REST),
        (StepKind.SWITCH_SIDES, Cue.SWITCH_SIDES),
        (StepKind.DONE, Cue.COMPLETE),
    ],
)
def test_step_cue(kind: StepKind, cue: Cue | None) -> None:
    assert step_cue(make_step(kind, 5.0)) is cue


def test_get_ready_counts_down_its_last_three_seconds() -> None:
    ticks = countdown(make_step(StepKind.GET_READY, 5.0))
    assert ticks == (Tick(3.0, Cue.GET_READY_TICK), Tick(2.0, Cue.GET_READY_TICK),
                     Tick(1.0, Cue.GET_READY_TICK))  # fmt: skip


def test_a_short_get_ready_never_ticks_on_its_own_start() -> None:
    assert [t.before_end_s for t in countdown(make_step(StepKind.GET_READY, 3.0))] == [2.0, 1.0]
    assert countdown(make_step(StepKind.GET_READY, 1.0)) == ()


@pytest.mark.parametrize("kind", [StepKind.HOLD, StepKind.REST, StepKind.SWITCH_SIDES])
def test_long_holds_rests_and_switches_tick_their_last_seconds(kind: StepKind) -> None:
    ticks = countdown(make_step(kind, MIN_COUNTED_STEP_S))
    assert [(t.before_end_s, t.cue) for t in ticks] == [
        (3.0, Cue.LAST_SECONDS_TICK),
        (2.0, Cue.LAST_SECONDS_TICK),
        (1.0, Cue.LAST_SECONDS_TICK),
    ]
    assert countdown(make_step(kind, MIN_COUNTED_STEP_S - 0.5)) == ()


@pytest.mark.parametrize(
    "kind", [StepKind.SETUP, StepKind.INHALE, StepKind.EXHALE, StepKind.HOLD_IN, StepKind.DONE]
)
def test_setup_and_breaths_do_not_tick(kind: StepKind) -> None:
    assert countdown(make_step(kind, 30.0)) == ()


def test_wait_steps_do_not_tick() -> None:
    assert countdown(make_step(StepKind.HOLD, None)) == ()


def test_sentences_keep_their_punctuation() -> None:
    assert split_sentences("Rest.  Next: Thigh squeeze. Go") == (
        "Rest.",
        "Next: Thigh squeeze.",
        "Go",
    )
    assert split_sentences("") == ()


def test_lines_for_a_whole_session() -> None:
    lines = {}
    for step in two_exercise_timeline().steps:
        line = spoken_line(step)
        assert line is not None, step
        assert line.step_index == step.index
        reps = rep_words(step)
        said = " ".join(step.say.split()).rstrip(".")
        if reps:  # the rep number joins the first sentence
            first, dot, rest = said.partition(".")
            said = f"{first}, {reps}{dot}{rest}"
        assert line.text.rstrip(".") == said
        assert line.text.endswith((".", "!", "?"))
        lines.setdefault(step.kind, line)
    assert lines[StepKind.SETUP].essential == "Left side. Figure four."
    assert lines[StepKind.SETUP].text.startswith("Left side. Figure four. Lie on your back.")
    assert lines[StepKind.GET_READY].essential == "Get ready."
    assert lines[StepKind.HOLD].essential == "Hold, rep 1 of 2."
    assert lines[StepKind.HOLD].text == "Hold for 30 seconds, rep 1 of 2. Push the knee away."
    assert lines[StepKind.SWITCH_SIDES].text == "Switch to the right side."
    assert lines[StepKind.SWITCH_SIDES].essential == "Switch to the right side."
    assert lines[StepKind.REST].essential == "Rest."
    assert lines[StepKind.INHALE].essential == "Breathe in."
    assert lines[StepKind.EXHALE].essential == "Breathe out."
    assert lines[StepKind.HOLD_IN].essential == "Hold full."
    assert lines[StepKind.HOLD_IN].text == "Hold full."
    assert lines[StepKind.DONE].essential == "Session complete."
    assert lines[StepKind.DONE].text == "Well done. Session complete."


def test_rests_between_exercises_say_what_comes_next() -> None:
    rests = [s for s in two_exercise_timeline().steps if s.kind is StepKind.REST]
    texts = [line.text for s in rests if (line := spoken_line(s)) is not None]
    assert "Rest. Next: Thigh squeeze." in texts


def test_essential_words_are_always_part_of_what_may_be_said() -> None:
    for step in two_exercise_timeline().steps:
        line = spoken_line(step)
        assert line is not None
        # The rep number is in both, joined to the phase word that the text may say at length.
        phase, _, reps = line.essential.rstrip(".!?").partition(", rep")
        assert phase.removesuffix(",") in line.text
        assert reps in line.text


def test_an_exercise_name_with_its_own_punctuation_is_not_doubled() -> None:
    step = make_step(StepKind.SETUP, None, say="Stretch! Lie down.", title="Stretch!")
    line = spoken_line(step)
    assert line is not None
    assert line.essential == "Stretch!"


def test_a_step_with_nothing_to_say_has_no_line() -> None:
    assert spoken_line(make_step(StepKind.HOLD, 5.0, say="   ")) is None


def test_each_rep_is_numbered_and_each_set_too() -> None:
    exercise = hold_exercise(sets=2, reps=3, sides=SideOrder.NONE)
    timeline = compile_session(Session("S", (exercise,)))
    holds = [s for s in timeline.steps if s.kind is StepKind.HOLD]
    texts = [line.essential for s in holds if (line := spoken_line(s))]
    assert texts == [
        f"Hold, set {set_number} of 2, rep {rep} of 3."
        for set_number in (1, 2)
        for rep in (1, 2, 3)
    ]


def test_a_breathing_rep_is_numbered_on_its_first_breath_in_only() -> None:
    exercise = breathing_exercise(reps=2, rest_between_reps_s=None)
    steps = compile_session(Session("S", (exercise,))).steps
    numbered = [(s.kind, s.cycle_number, rep_words(s)) for s in steps if rep_words(s)]
    assert numbered == [
        (StepKind.INHALE, 1, "rep 1 of 2"),
        (StepKind.INHALE, 1, "rep 2 of 2"),
    ]


def test_holding_full_and_empty_differ_in_words_and_sound() -> None:
    exercise = breathing_exercise(work=PacedBreathing(BreathPattern(4, 4, 2, 2), cycles=1))
    steps = {s.kind: s for s in compile_session(Session("S", (exercise,))).steps}
    full, empty = steps[StepKind.HOLD_IN], steps[StepKind.HOLD_OUT]
    assert (spoken_line(full) or full).essential == "Hold full."  # type: ignore[union-attr]
    assert (spoken_line(empty) or empty).essential == "Hold empty."  # type: ignore[union-attr]
    assert step_cue(full) is not step_cue(empty)


def test_quiet_says_only_the_essential_words() -> None:
    step = next(s for s in two_exercise_timeline().steps if s.kind is StepKind.HOLD)
    line = spoken_line(step, Verbosity.QUIET)
    assert line is not None
    assert line.text == line.essential == "Hold, rep 1 of 2."
