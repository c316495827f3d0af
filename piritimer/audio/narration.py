"""The words the guide says around the steps' own lines (pure, no Qt).

The steps' lines come from the timeline (``cues.spoken_line``). These are the rest: what a
command sounds like ("Paused.", "Resuming: hold, 18 seconds left."), where the person is
("Where am I?"), time calls inside a long hold, how to go on at a wait, and the safety line
a session starts with. Everything here is a function of a step, a status and the settings,
so tests check it on a fake clock without Qt.

Every phrase is said in the session's language (``words``: ``i18n.for_session(
session.language)``; None: the app's), each one whole (``pgettext("voice", ...)``): a step is
named by a phrase of its kind ("breathe in", "switch to the left side"), never by lowercasing
its title, which in German would break every noun.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from piritimer.audio.cues import Cue, rep_of, set_of
from piritimer.audio.settings import Verbosity
from piritimer.core import i18n
from piritimer.core.engine import Command, State, Status
from piritimer.core.i18n import Catalog
from piritimer.core.model import Session, Side
from piritimer.core.timeline import Step, StepKind, Timeline, spoken_duration

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

WORDED_COMMANDS = frozenset(
    {Command.PAUSE, Command.NEXT, Command.PREVIOUS, Command.RESTART_STEP, Command.STOP}
)
"""The commands said with a word (``command_word``; RESUME says where it resumes, see
``resume_line``)."""

HALFWAY_MIN_S = 30.0
"""Holds at least this long hear "Halfway." (at normal verbosity)."""
TEN_LEFT_MIN_S = 20.0
"""Holds at least this long hear "10 seconds left." (at normal verbosity)."""
FULL_TIME_CALL_MIN_S = 20.0
"""At full verbosity, holds and rests from this long hear both."""


def _catalog(words: Catalog | None) -> Catalog:
    return i18n.current() if words is None else words


def wait_hint(words: Catalog | None = None) -> str:
    """Said at every wait step, after its own line: the one way on that needs no screen."""
    return _catalog(words).pgettext(
        "voice", "Press space or your remote's play button when you're ready."
    )


def framing_safety_line(words: Catalog | None = None) -> str:
    """The safety line said when a session has none of its own short enough to say."""
    return _catalog(words).pgettext(
        "voice", "Move gently. Stop if pain sharpens, or numbness or tingling is new or worse."
    )


def command_word(command: Command, words: Catalog | None = None) -> str:
    """The word said with a command (one of ``WORDED_COMMANDS``)."""
    said = _catalog(words)
    if command is Command.PAUSE:
        return said.pgettext("voice", "Paused.")
    if command is Command.NEXT:
        return said.pgettext("voice", "Skipped.")
    if command is Command.PREVIOUS:
        return said.pgettext("voice", "Back.")
    if command is Command.RESTART_STEP:
        return said.pgettext("voice", "Again.")
    if command is Command.STOP:
        return said.pgettext("voice", "Stopped.")
    raise ValueError(f"{command} is said without a word")


def seconds_words(seconds: float, words: Catalog | None = None) -> str:
    """ "18 seconds", "1 second", "2 minutes 5 seconds": whole seconds, rounded up as shown."""
    return spoken_duration(max(0, math.ceil(seconds - 1e-9)), words=_catalog(words))


def step_words(step: Step, words: Catalog | None = None) -> str:
    """The step as a phrase that can follow "Resuming:" or "Next:": "hold", "breathe in",
    "get into position" (lowercase in English; each language writes its own)."""
    said = _catalog(words)
    kind = step.kind
    if kind is StepKind.SETUP:
        return said.pgettext("voice", "get into position")
    if kind is StepKind.GET_READY:
        return said.pgettext("voice", "get ready")
    if kind is StepKind.HOLD:
        # A counted rep is called by its number, which every language says the same way.
        return step.title if step.title.isdigit() else said.pgettext("voice", "hold")
    if kind is StepKind.INHALE:
        return said.pgettext("voice", "breathe in")
    if kind is StepKind.HOLD_IN:
        return said.pgettext("voice", "hold the breath in")
    if kind is StepKind.EXHALE:
        return said.pgettext("voice", "breathe out")
    if kind is StepKind.HOLD_OUT:
        return said.pgettext("voice", "hold the breath out")
    if kind is StepKind.REST:
        return said.pgettext("voice", "rest")
    if kind is StepKind.SWITCH_SIDES:
        if step.side is Side.LEFT:
            return said.pgettext("voice", "switch to the left side")
        if step.side is Side.RIGHT:
            return said.pgettext("voice", "switch to the right side")
        return said.pgettext("voice", "switch sides")
    return said.pgettext("voice", "the end")


def _capitalised(text: str) -> str:
    """The first letter made upper case, and nothing else changed (not ``str.capitalize``)."""
    return text[:1].upper() + text[1:]


def resume_line(status: Status, words: Catalog | None = None) -> str:
    """ "Resuming: hold, 18 seconds left." (a wait step: "Resuming: get into position.")"""
    said = _catalog(words)
    step = step_words(status.step, said)
    if status.step_remaining_s is None:
        return said.pgettext("voice", "Resuming: {step}.").format(step=step)
    return said.pgettext("voice", "Resuming: {step}, {duration} left.").format(
        step=step, duration=seconds_words(status.step_remaining_s, said)
    )


def resuming_word(words: Catalog | None = None) -> str:
    """The essential of ``resume_line``: what is said when there is no time for more."""
    return _catalog(words).pgettext("voice", "Resuming.")


def paused_on_line(command: Command, step: Step, words: Catalog | None = None) -> str:
    """What a move while paused says: the command's word and the step it landed on."""
    said = _catalog(words)
    landed = said.pgettext("voice", "Paused on: {step}.").format(step=step_words(step, said))
    return f"{command_word(command, said)} {landed}"


def _side_place(place: str, side: Side | None, said: Catalog) -> str:
    if side is Side.LEFT:
        return said.pgettext("voice", "{place}, left side.").format(place=place)
    if side is Side.RIGHT:
        return said.pgettext("voice", "{place}, right side.").format(place=place)
    return f"{place}."


def where_line(timeline: Timeline, status: Status, words: Catalog | None = None) -> str:
    """ "Where am I?": exercise, side, rep x of y, time left and what comes next."""
    said = _catalog(words)
    step = status.step
    if status.state is State.FINISHED or step.kind is StepKind.DONE:
        return said.pgettext("voice", "The session is complete.")
    place = step.exercise_name or timeline.session.title
    parts = [_side_place(place, step.side, said)]
    position = [step_words(step, said)]
    if step.set_count > 1:
        position.append(set_of(step.set_number, step.set_count, said))
    if step.rep_count > 1:
        position.append(rep_of(step.rep_number, step.rep_count, said))
    if step.cycle_count > 1:
        position.append(
            said.pgettext("voice", "breath {number} of {count}").format(
                number=step.cycle_number, count=step.cycle_count
            )
        )
    parts.append(_capitalised(", ".join(position)) + ".")
    if status.step_remaining_s is not None:
        left = said.pgettext("voice", "{duration} left.")
        parts.append(
            _capitalised(left.format(duration=seconds_words(status.step_remaining_s, said)))
        )
    elif step.waits:
        parts.append(said.pgettext("voice", "Waiting for you."))
    if status.state is State.PAUSED:
        parts.append(command_word(Command.PAUSE, said))
    following = timeline.next_step(step.index)
    if following is not None:
        # A setup is named by its exercise (the file's own words); every other step by its kind.
        upcoming = following.title if following.kind is StepKind.SETUP else None
        parts.append(
            said.pgettext("voice", "Next: {step}.").format(
                step=upcoming or step_words(following, said)
            )
        )
    return " ".join(parts)


@dataclass(frozen=True)
class TimeCall:
    before_end_s: float
    text: str


def time_calls(
    step: Step, verbosity: Verbosity, words: Catalog | None = None
) -> tuple[TimeCall, ...]:
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
    said = _catalog(words)
    calls = []
    if length >= halfway_min and length / 2 > 10.0 + 3.0:
        calls.append(TimeCall(length / 2, said.pgettext("voice", "Halfway.")))
    if length >= TEN_LEFT_MIN_S:
        calls.append(TimeCall(10.0, said.pgettext("voice", "10 seconds left.")))
    return tuple(calls)


def safety_line(session: Session | None, words: Catalog | None = None) -> str:
    """The session's own safety text if it is short enough to say, else the framing line."""
    text = " ".join((session.safety or "").split()) if session is not None else ""
    if text and len(text.split()) <= MAX_SAFETY_WORDS:
        return text if text[-1] in ".!?" else f"{text}."
    return framing_safety_line(words)
