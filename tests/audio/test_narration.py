"""The guide's own words: commands, "where am I?", time calls and the safety line (pure)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from piritimer.audio.narration import (
    framing_safety_line,
    resume_line,
    safety_line,
    seconds_words,
    time_calls,
    where_line,
)
from piritimer.audio.settings import Verbosity
from piritimer.core.engine import Engine
from piritimer.core.model import Session
from piritimer.core.timeline import StepKind
from tests.audio.fakes import FakeClock
from tests.sessions_for_tests import hold_exercise, two_exercise_timeline


@pytest.mark.parametrize(
    ("seconds", "words"),
    [(0.0, "0 seconds"), (0.2, "1 second"), (17.5, "18 seconds"), (60, "1 minute"),
     (125, "2 minutes 5 seconds")],
)  # fmt: skip
def test_seconds_words(seconds: float, words: str) -> None:
    assert seconds_words(seconds) == words


def test_resume_and_where_on_a_fake_clock() -> None:
    clock = FakeClock(0.0)
    engine = Engine(two_exercise_timeline(), clock=clock)
    engine.jump(2)
    clock.now = 11.5
    engine.pause()
    status = engine.status()
    assert resume_line(status) == "Resuming: hold, 19 seconds left."
    assert where_line(engine.timeline, status) == (
        "Figure four, left side. Hold, rep 1 of 2. 19 seconds left. Paused. Next: rest."
    )
    last = len(engine.timeline.steps) - 1
    engine.jump(last)
    assert where_line(engine.timeline, engine.status()) == "The session is complete."


def test_a_wait_step_resumes_without_a_time() -> None:
    engine = Engine(two_exercise_timeline(), clock=FakeClock(0.0))
    wait = next(s.index for s in engine.timeline.steps if s.waits)
    engine.jump(wait)
    engine.pause()
    assert resume_line(engine.status()) == "Resuming: get into position."
    assert "Waiting for you." in where_line(engine.timeline, engine.status())


@pytest.mark.parametrize(
    ("kind", "length", "verbosity", "calls"),
    [
        (StepKind.HOLD, 30.0, Verbosity.NORMAL, [(15.0, "Halfway."), (10.0, "10 seconds left.")]),
        (StepKind.HOLD, 20.0, Verbosity.NORMAL, [(10.0, "10 seconds left.")]),
        (StepKind.HOLD, 19.0, Verbosity.FULL, []),
        (StepKind.HOLD, 30.0, Verbosity.QUIET, []),
        (StepKind.REST, 30.0, Verbosity.NORMAL, []),
        (StepKind.REST, 30.0, Verbosity.FULL, [(15.0, "Halfway."), (10.0, "10 seconds left.")]),
        (StepKind.INHALE, 30.0, Verbosity.FULL, []),
    ],
)
def test_time_calls_only_in_long_holds(
    kind: StepKind, length: float, verbosity: Verbosity, calls: list[tuple[float, str]]
) -> None:
    step = next(s for s in two_exercise_timeline().steps if s.kind is StepKind.HOLD)
    step = replace(step, kind=kind, duration_s=length)
    assert [(c.before_end_s, c.text) for c in time_calls(step, verbosity)] == calls


def test_the_safety_line_is_the_sessions_own_when_short_enough() -> None:
    short = Session("S", (hold_exercise(),), safety="Stop if it hurts")
    long = Session("S", (hold_exercise(),), safety=" ".join(["word"] * 40))
    assert safety_line(short) == "Stop if it hurts."
    assert safety_line(long) == framing_safety_line()
    assert safety_line(Session("S", (hold_exercise(),))) == framing_safety_line()
    assert safety_line(None) == framing_safety_line()
