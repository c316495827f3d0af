"""Which cue and which line belong to each step: a specification over whole timelines."""

from __future__ import annotations

import pytest

from piritimer.audio.cues import (
    MIN_COUNTED_STEP_S,
    STEP_CUES,
    Cue,
    Tick,
    countdown,
    split_sentences,
    spoken_line,
    step_cue,
)
from piritimer.core.timeline import Step, StepKind
from piritimer.paths import sounds_dir
from tests.sessions_for_tests import two_exercise_timeline


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
        (StepKind.HOLD_OUT, Cue.HOLD),
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
        assert line.text.rstrip(".") == " ".join(step.say.split()).rstrip(".")
        assert line.text.endswith((".", "!", "?"))
        lines.setdefault(step.kind, line)
    assert lines[StepKind.SETUP].essential == "Figure four."
    assert lines[StepKind.SETUP].text.startswith("Figure four. Lie on your back.")
    assert lines[StepKind.GET_READY].essential == "Get ready."
    assert lines[StepKind.HOLD].essential == "Hold."
    assert lines[StepKind.SWITCH_SIDES].text == "Switch to the right side."
    assert lines[StepKind.SWITCH_SIDES].essential == "Switch to the right side."
    assert lines[StepKind.REST].essential == "Rest."
    assert lines[StepKind.INHALE].essential == "Breathe in."
    assert lines[StepKind.EXHALE].essential == "Breathe out."
    assert lines[StepKind.HOLD_IN].essential == "Hold."
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
        assert line.essential.rstrip(".!?") in line.text


def test_an_exercise_name_with_its_own_punctuation_is_not_doubled() -> None:
    step = make_step(StepKind.SETUP, None, say="Stretch! Lie down.", title="Stretch!")
    line = spoken_line(step)
    assert line is not None
    assert line.essential == "Stretch!"


def test_a_step_with_nothing_to_say_has_no_line() -> None:
    assert spoken_line(make_step(StepKind.HOLD, 5.0, say="   ")) is None
