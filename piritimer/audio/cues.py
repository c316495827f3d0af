"""Which sound and which spoken line belong to which step of a session (pure, no Qt).

A cue sounds on a boundary: the moment a step starts. The few timed steps that a person waits
out (get ready, a hold, a rest, switching sides) also count down their last seconds with
ticks, so someone with their eyes closed hears the change coming. Breath phases get no ticks:
their rising and falling tones already carry the rhythm.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from piritimer.core.speech_time import split_sentences as split_sentences  # moved to core
from piritimer.core.timeline import Step, StepKind


class Cue(Enum):
    """A sound; the value is its file's stem in ``assets/sounds/``."""

    GET_READY_TICK = "get_ready_tick"
    START = "start"
    INHALE = "inhale"
    EXHALE = "exhale"
    HOLD = "hold"
    LAST_SECONDS_TICK = "last_seconds_tick"
    SWITCH_SIDES = "switch_sides"
    REST = "rest"
    NEXT_EXERCISE = "next_exercise"
    COMPLETE = "complete"

    @property
    def file_name(self) -> str:
        return f"{self.value}.wav"


STEP_CUES: dict[StepKind, Cue | None] = {
    StepKind.SETUP: Cue.NEXT_EXERCISE,
    # Get ready is announced by voice and counted down by ticks; a sound at its start would
    # crowd the one that just ended setup.
    StepKind.GET_READY: None,
    StepKind.HOLD: Cue.START,
    StepKind.INHALE: Cue.INHALE,
    StepKind.HOLD_IN: Cue.HOLD,
    StepKind.EXHALE: Cue.EXHALE,
    StepKind.HOLD_OUT: Cue.HOLD,
    StepKind.REST: Cue.REST,
    StepKind.SWITCH_SIDES: Cue.SWITCH_SIDES,
    StepKind.DONE: Cue.COMPLETE,
}

TICK_SECONDS = (3, 2, 1)
"""Seconds before a step's end at which a countdown tick sounds."""

MIN_COUNTED_STEP_S = 6.0
"""Holds, rests and side switches shorter than this get no ticks: they would crowd the start
cue and the spoken line at the other end of the step."""

_COUNTED_KINDS = (StepKind.HOLD, StepKind.REST, StepKind.SWITCH_SIDES)


def step_cue(step: Step) -> Cue | None:
    """The sound that marks the start of ``step``, if any."""
    return STEP_CUES[step.kind]


@dataclass(frozen=True)
class Tick:
    before_end_s: float
    cue: Cue


def countdown(step: Step) -> tuple[Tick, ...]:
    """Ticks over the last seconds of a timed step, latest-first order of TICK_SECONDS."""
    length = step.duration_s
    if length is None:
        return ()
    if step.kind is StepKind.GET_READY:
        cue = Cue.GET_READY_TICK
    elif step.kind in _COUNTED_KINDS and length >= MIN_COUNTED_STEP_S:
        cue = Cue.LAST_SECONDS_TICK
    else:
        return ()
    # A tick at the very start of the step would land on its own start cue and voice.
    return tuple(Tick(float(s), cue) for s in TICK_SECONDS if s < length)


@dataclass(frozen=True)
class SpokenLine:
    """What the voice says as a step begins, and the part of it that must be heard.

    ``text`` is the whole line and is always shown as a caption. ``essential`` is what the
    voice falls back to when the step is too short for the whole line: the phase word
    ("Breathe in."), the side to switch to, the exercise's name.
    """

    text: str
    essential: str
    step_index: int

    def sentences(self) -> tuple[str, ...]:
        return split_sentences(self.text)


def _essential(step: Step) -> str:
    kind = step.kind
    if kind in (StepKind.SETUP, StepKind.SWITCH_SIDES):
        title = step.title.strip()
        return title if title[-1:] in ".!?" else f"{title}."
    if kind is StepKind.GET_READY:
        return "Get ready."
    if kind is StepKind.INHALE:
        return "Breathe in."
    if kind is StepKind.EXHALE:
        return "Breathe out."
    if kind in (StepKind.HOLD, StepKind.HOLD_IN, StepKind.HOLD_OUT):
        return "Hold."
    if kind is StepKind.REST:
        return "Rest."
    return "Session complete."


def spoken_line(step: Step) -> SpokenLine | None:
    """The line for ``step``: the timeline's ``say`` text with its essential words."""
    text = " ".join(step.say.split())
    if not text:
        return None
    if text[-1] not in ".!?":
        text += "."  # "Breathe in" from the timeline: a full stop makes the voice sound done
    return SpokenLine(text=text, essential=_essential(step), step_index=step.index)
