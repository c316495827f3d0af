"""Small sessions built in code, for tests that need a timeline without a file."""

from __future__ import annotations

from piritimer.core.model import (
    BreathPattern,
    Exercise,
    PacedBreathing,
    Phase,
    Session,
    SideOrder,
    TimedHold,
)
from piritimer.core.timeline import Timeline, compile_session


def hold_exercise(name: str = "Figure four", **overrides: object) -> Exercise:
    values: dict[str, object] = {
        "name": name,
        "work": TimedHold(30.0),
        "setup": ("Lie on your back", "Cross the ankle over the knee"),
        "setup_s": 10.0,
        "sides": SideOrder.LEFT_THEN_RIGHT,
        "reps": 2,
        "rest_between_reps_s": 5.0,
        "get_ready_s": 3.0,
        "switch_sides_s": 8.0,
        "rest_after_s": 15.0,
        "cues": ((Phase.HOLD, "push the knee away"),),
    }
    values.update(overrides)
    return Exercise(**values)  # type: ignore[arg-type]


def breathing_exercise(name: str = "Thigh squeeze", **overrides: object) -> Exercise:
    values: dict[str, object] = {
        "name": name,
        "work": PacedBreathing(BreathPattern(4.0, 6.0, hold_in_s=2.0), cycles=2),
        "setup": ("Back flat against the wall",),
        "setup_s": None,
        "get_ready_s": 3.0,
        "rest_after_s": None,
        "cues": ((Phase.EXHALE, "squeeze the roller"),),
    }
    values.update(overrides)
    return Exercise(**values)  # type: ignore[arg-type]


def two_exercise_timeline() -> Timeline:
    """Figure four (timed, both sides, 2 reps) then a breathing drill with a wait setup."""
    session = Session(title="Test", exercises=(hold_exercise(), breathing_exercise()))
    return compile_session(session)


def timed_timeline(durations: list[float]) -> Timeline:
    """One plain hold per duration, no setup wait, no rests: every step is timed."""
    exercises = tuple(
        Exercise(
            name=f"Hold {i}",
            work=TimedHold(seconds),
            setup_s=1.0,
            get_ready_s=None,
            rest_after_s=None,
            rest_between_reps_s=None,
        )
        for i, seconds in enumerate(durations)
    )
    return compile_session(Session(title="Timed", exercises=exercises))
