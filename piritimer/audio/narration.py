"""The words the guide says around the steps' own lines (pure, no Qt).

The steps' lines come from the timeline (``cues.spoken_line``). These are the rest: what a
command sounds like ("Paused.", "Resuming: hold, 18 seconds left."), where the person is
("Where am I?"), time calls inside a long hold, how to go on at a wait, and the safety line
a session starts with. Everything here is a function of a step, a status and the settings,
so tests check it on a fake clock without Qt.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from piritimer.audio.cues import Cue
from piritimer.audio.settings import Verbosity
from piritimer.core.engine import Command, State, Status
from piritimer.core.model import Session
from piritimer.core.timeline import Step, StepKind, Timeline, spoken_duration

WAIT_HINT = "Press space or your remote's play button when you're ready."
"""Said at every wait step, after its own line: the one way on that needs no screen."""

FRAMING_SAFETY_LINE = "Move gently. Stop if pain sharpens, or numbness or tingling is new or worse."
MAX_SAFETY_WORDS = 25
"""A session's own safety text longer than this is read, not heard: the framing line is said."""

COMMAND_CUES: dict[Command, Cue] = {
    Command.PAUSE: Cue.PAUSED,
    Command.RESUME: Cue.RESUMED,
    Command.NEXT: Cue.SKIPPED,
    Command.PREVIOUS: Cue.BACK,
    Command.RESTART_STEP: Cue.BACK,
    Command.STOP: Cue.STOPPED,
}
"""The sound a command answers with. START, READY and JUMP have none: the step they start has
its own cue at once, and that is the answer (a jump is a start somewhere else: "try this
exercise", a click in the outline)."""

COMMAND_WORDS: dict[Command, str] = {
    Command.PAUSE: "Paused.",
    Command.NEXT: "Skipped.",
    Command.PREVIOUS: "Back.",
    Command.RESTART_STEP: "Again.",
    Command.STOP: "Stopped.",
}
"""The word said with it (RESUME says where it resumes, see ``resume_line``)."""

HALFWAY_MIN_S = 30.0
"""Holds at least this long hear "Halfway." (at normal verbosity)."""
TEN_LEFT_MIN_S = 20.0
"""Holds at least this long hear "10 seconds left." (at normal verbosity)."""
FULL_TIME_CALL_MIN_S = 20.0
"""At full verbosity, holds and rests from this long hear both."""


def seconds_words(seconds: float) -> str:
    """ "18 seconds", "1 second", "2 minutes 5 seconds": whole seconds, rounded up as shown."""
    return spoken_duration(max(0, math.ceil(seconds - 1e-9)))


def step_words(step: Step) -> str:
    """The step as a few lowercase words: "hold", "breathe in", "get into position"."""
    if step.kind is StepKind.SETUP:
        return "get into position"
    if step.kind is StepKind.DONE:
        return "the end"
    return step.title[:1].lower() + step.title[1:]


def resume_line(status: Status) -> str:
    """ "Resuming: hold, 18 seconds left." (a wait step: "Resuming: get into position.")"""
    words = step_words(status.step)
    if status.step_remaining_s is None:
        return f"Resuming: {words}."
    return f"Resuming: {words}, {seconds_words(status.step_remaining_s)} left."


def paused_on_line(command: Command, step: Step) -> str:
    """What a move while paused says: the command's word and the step it landed on."""
    return f"{COMMAND_WORDS[command]} Paused on: {step_words(step)}."


def where_line(timeline: Timeline, status: Status) -> str:
    """ "Where am I?": exercise, side, rep x of y, time left and what comes next."""
    step = status.step
    if status.state is State.FINISHED or step.kind is StepKind.DONE:
        return "The session is complete."
    parts: list[str] = []
    where = [step.exercise_name] if step.exercise_name else [timeline.session.title]
    if step.side is not None:
        where.append(f"{step.side.value} side")
    parts.append(", ".join(where) + ".")
    position = [step_words(step)]
    if step.set_count > 1:
        position.append(f"set {step.set_number} of {step.set_count}")
    if step.rep_count > 1:
        position.append(f"rep {step.rep_number} of {step.rep_count}")
    if step.cycle_count > 1:
        position.append(f"breath {step.cycle_number} of {step.cycle_count}")
    sentence = ", ".join(position)
    parts.append(sentence[:1].upper() + sentence[1:] + ".")
    if status.step_remaining_s is not None:
        parts.append(f"{seconds_words(status.step_remaining_s)} left.".capitalize())
    elif step.waits:
        parts.append("Waiting for you.")
    if status.state is State.PAUSED:
        parts.append("Paused.")
    following = timeline.next_step(step.index)
    if following is not None:
        if following.kind is StepKind.DONE:
            parts.append("Next: the end.")
        elif following.kind is StepKind.SETUP:
            parts.append(f"Next: {following.title}.")
        else:
            parts.append(f"Next: {step_words(following)}.")
    return " ".join(parts)


@dataclass(frozen=True)
class TimeCall:
    before_end_s: float
    text: str


def time_calls(step: Step, verbosity: Verbosity) -> tuple[TimeCall, ...]:
    """The time calls inside a long hold (and, at full verbosity, a long rest), latest last.

    They sit well clear of the last three seconds' ticks and of the step's start, where the
    step's own line is being said.
    """
    length = step.duration_s
    if length is None or verbosity is Verbosity.QUIET:
        return ()
    full = verbosity is Verbosity.FULL
    if step.kind is StepKind.HOLD:
        halfway_min = FULL_TIME_CALL_MIN_S if full else HALFWAY_MIN_S
    elif step.kind is StepKind.REST and full:
        halfway_min = FULL_TIME_CALL_MIN_S
    else:
        return ()
    calls = []
    if length >= halfway_min and length / 2 > 10.0 + 3.0:
        calls.append(TimeCall(length / 2, "Halfway."))
    if length >= TEN_LEFT_MIN_S:
        calls.append(TimeCall(10.0, "10 seconds left."))
    return tuple(calls)


def safety_line(session: Session | None) -> str:
    """The session's own safety text if it is short enough to say, else the framing line."""
    text = " ".join((session.safety or "").split()) if session is not None else ""
    if text and len(text.split()) <= MAX_SAFETY_WORDS:
        return text if text[-1] in ".!?" else f"{text}."
    return FRAMING_SAFETY_LINE
