"""What authors could not write before: `sides: both`, a rest item, a cue for the rest after.

Each goes through the loader and the timeline, and the schema agrees (tests/test_schema_agrees
checks the loader against it generally; these are the new forms).
"""

from __future__ import annotations

import textwrap

import jsonschema

from piritimer.core.loader import LoadResult, load_session_bytes
from piritimer.core.model import SideOrder
from piritimer.core.schema import session_schema
from piritimer.core.timeline import StepKind, compile_session
from tests import yaml12

VALIDATOR = jsonschema.Draft202012Validator(session_schema())


def load(text: str, *, schema_agrees: bool = True) -> LoadResult:
    text = textwrap.dedent(text)
    result = load_session_bytes(text, label="s.yaml")
    if schema_agrees:
        assert VALIDATOR.is_valid(yaml12.load(text)) is result.ok, result.diagnostics
    return result


def test_sides_both_is_left_then_right() -> None:
    result = load("title: T\nexercises: [{name: A, hold: 30s, sides: Both}]\n")
    assert result.session is not None
    assert result.session.exercises[0].sides is SideOrder.LEFT_THEN_RIGHT


def test_a_rest_item_sets_the_rest_after_the_exercise_before_it() -> None:
    result = load(
        """\
        title: T
        exercises:
          - name: Bridge
            hold: 20s
          - rest: 1m
            cue: walk around
          - name: Knee hug
            hold: 30s
        """
    )
    assert result.ok, result.diagnostics
    assert result.session is not None
    rests = [s for s in compile_session(result.session).steps if s.kind is StepKind.REST]
    assert [(r.duration_s, r.say, r.detail) for r in rests] == [
        (60.0, "Rest. Walk around. Next: Knee hug.", "walk around\nNext: Knee hug")
    ]


def test_a_cue_for_the_rest_after() -> None:
    result = load(
        """\
        title: T
        exercises:
          - name: Clams
            hold: 30s
            rest after: 20s
            cues: {rest after: shake out your legs, rest: breathe}
          - name: Bridge
            hold: 20s
        """
    )
    assert result.session is not None
    (rest,) = [s for s in compile_session(result.session).steps if s.kind is StepKind.REST]
    assert (rest.duration_s, rest.say) == (20.0, "Rest. Shake out your legs. Next: Bridge.")


def test_a_rest_item_in_the_wrong_place() -> None:
    # Where an item sits in a list is beyond JSON Schema (listed in the docs).
    first = load(
        "title: T\nexercises:\n  - rest: 1m\n  - name: A\n    hold: 30s\n", schema_agrees=False
    )
    assert [str(d) for d in first.diagnostics] == [
        "s.yaml:3:5: a rest item needs an exercise before it to follow"
    ]
    last = load("title: T\nexercises:\n  - name: A\n    hold: 30s\n  - rest: 1m\n")
    assert [str(d) for d in last.diagnostics] == [
        "s.yaml:5:5: warning: a rest after the last exercise is never taken"
    ]


def test_a_rest_item_with_more_keys_is_an_exercise_with_a_mistake() -> None:
    result = load("title: T\nexercises:\n  - rest: 1m\n    hold: 30s\n")
    assert sorted(str(d) for d in result.diagnostics) == [
        "s.yaml:3:5: exercise is missing `name:` (the exercise's name, e.g. "
        "`name: Figure-four stretch`)",
        "s.yaml:3:5: unknown key `rest` in exercise; `rest` alone is not a key; write "
        "`rest between reps`, `rest between sets` or `rest after`",
    ]


def test_counted_reps_at_a_pace_speak_the_count() -> None:
    result = load(
        """\
        title: T
        defaults: {get ready: none}
        exercises:
          - name: Clams
            reps: 3
            pace: 2s
            cues: {hold: lift}
        """
    )
    assert result.session is not None
    exercise = result.session.exercises[0]
    assert exercise.counted
    assert exercise.rest_between_reps_s is None
    steps = [s for s in compile_session(result.session).steps if s.kind is StepKind.HOLD]
    assert [(s.title, s.say, s.duration_s) for s in steps] == [
        ("1", "1. Lift.", 2.0),
        ("2", "2.", 2.0),
        ("3", "3.", 2.0),
    ]


def test_a_rest_between_counted_reps_only_when_given() -> None:
    result = load("title: T\nexercises: [{name: A, reps: 2, pace: 2s, rest between reps: 3s}]\n")
    assert result.session is not None
    assert result.session.exercises[0].rest_between_reps_s == 3.0


def test_pace_with_a_hold_or_breathing_is_refused() -> None:
    for work in ("hold: 30s", "breathing: {cycles: 3}"):
        result = load(f"title: T\nexercises:\n  - name: A\n    pace: 2s\n    {work}\n")
        assert [str(d) for d in result.diagnostics] == [
            "s.yaml:4:11: `pace:` counts repetitions of a movement; an exercise has a `pace:`, "
            "a `hold:` or `breathing:`, only one of them"
        ]


STEP_BY_STEP = """\
    title: Steps
    defaults: {get ready: none}
    exercises:
      - name: Roller squeeze
        setup:
          - wait: Fetch a foam roller
          - wait: Lie on your back, knees bent
          - Put the roller between your knees
        hold: 30s
      - name: Last
        setup: [wait: Stand up]
        hold: 10s
    """


def test_a_wait_after_any_setup_cue_makes_a_step_by_step_setup() -> None:
    from piritimer.core.timeline import count_steps, total_seconds

    result = load(STEP_BY_STEP)
    assert result.ok, result.diagnostics
    assert result.session is not None
    first = result.session.exercises[0]
    assert first.setup == (
        "Fetch a foam roller",
        "Lie on your back, knees bent",
        "Put the roller between your knees",
    )
    assert first.setup_waits == (0, 1)
    timeline = compile_session(result.session)
    setups = [s for s in timeline.steps if s.kind is StepKind.SETUP]
    assert [(s.say, s.duration_s) for s in setups] == [
        ("Roller squeeze. Fetch a foam roller.", None),
        ("Lie on your back, knees bent.", None),
        ("Put the roller between your knees.", 15.0),
        ("Last. Stand up.", None),  # ends with a wait: no timed setup after it
    ]
    assert count_steps(result.session) == len(timeline.steps)
    assert total_seconds(result.session) == timeline.total_s


def test_a_wait_item_holds_text_only() -> None:
    result = load("title: T\nexercises:\n  - name: A\n    hold: 30s\n    setup: [wait: [a, b]]\n")
    assert [str(d) for d in result.diagnostics] == [
        "s.yaml:5:19: each item of `setup` should be text, found a list"
    ]


def test_voice_or_sounds_off_for_one_exercise() -> None:
    result = load(
        """
        title: A quiet release
        exercises:
          - name: Knee hug
            hold: 30s
          - name: Positional release
            hold: 90s
            voice: OFF
            sounds: off
        """
    )
    assert result.session is not None, result.diagnostics
    loud, quiet = result.session.exercises
    assert (loud.voice, loud.sounds) == (True, True)
    assert (quiet.voice, quiet.sounds) == (False, False)
