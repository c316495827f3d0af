"""Which sound and which spoken line belong to which step of a session (pure, no Qt).

A cue sounds on a boundary: the moment a step starts. The few timed steps that a person waits
out (get ready, a hold, a rest, switching sides) also count down their last seconds with
ticks, so someone with their eyes closed hears the change coming. Breath phases get no ticks:
their rising and falling tones already carry the rhythm.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from piritimer.audio.settings import Verbosity
from piritimer.core import i18n
from piritimer.core.i18n import Catalog
from piritimer.core.model import Side
from piritimer.core.speech_time import BOUNDARY_MARGIN_S, estimate_s, split_sentences
from piritimer.core.timeline import SHORT_BREATH_HOLD_S, Step, StepKind


class Cue(Enum):
    """A sound; the value is its file's stem in ``assets/sounds/``."""

    GET_READY_TICK = "get_ready_tick"
    START = "start"
    INHALE = "inhale"
    EXHALE = "exhale"
    HOLD = "hold"
    """Holding a timed pose, or the breath held in (lungs full)."""
    HOLD_EMPTY = "hold_empty"
    """The breath held out (lungs empty): lower and darker than HOLD."""
    LAST_SECONDS_TICK = "last_seconds_tick"
    SWITCH_SIDES = "switch_sides"
    REST = "rest"
    NEXT_EXERCISE = "next_exercise"
    COMPLETE = "complete"
    PAUSED = "paused"
    RESUMED = "resumed"
    SKIPPED = "skipped"
    BACK = "back"
    STOPPED = "stopped"

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
    StepKind.HOLD_OUT: Cue.HOLD_EMPTY,
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


def _essential(step: Step, said: Catalog) -> str:
    kind = step.kind
    if kind in (StepKind.SETUP, StepKind.SWITCH_SIDES):
        title = step.title.strip()
        title = title if title[-1:] in ".!?" else f"{title}."
        if kind is StepKind.SETUP and step.side is Side.LEFT:
            return said.pgettext("voice", "Left side. {exercise}").format(exercise=title)
        if kind is StepKind.SETUP and step.side is Side.RIGHT:
            return said.pgettext("voice", "Right side. {exercise}").format(exercise=title)
        return title
    if kind is StepKind.GET_READY:
        return said.pgettext("voice", "Get ready.")
    if kind is StepKind.INHALE:
        return said.pgettext("voice", "Breathe in.")
    if kind is StepKind.EXHALE:
        return said.pgettext("voice", "Breathe out.")
    # Full and empty in words as well as in sound: "hold in" and "hold out" differ by one
    # vowel, which a person lying with eyes closed can miss. A short hold has room for one.
    short = (step.duration_s or 0.0) < SHORT_BREATH_HOLD_S
    if kind is StepKind.HOLD_IN:
        return said.pgettext("voice", "Full.") if short else said.pgettext("voice", "Hold full.")
    if kind is StepKind.HOLD_OUT:
        return said.pgettext("voice", "Empty.") if short else said.pgettext("voice", "Hold empty.")
    if kind is StepKind.HOLD:
        return said.pgettext("voice", "Hold.")
    if kind is StepKind.REST:
        return said.pgettext("voice", "Rest.")
    return said.pgettext("voice", "Session complete.")


def rep_words(step: Step, words: Catalog | None = None) -> str:
    """ "set 2 of 3, rep 1 of 4" on the first step of each rep of a many-rep exercise, else "".

    A breathing rep is numbered on its first breath in only: its other phases are the same rep.
    """
    said = i18n.current() if words is None else words
    first_of_rep = step.kind is StepKind.HOLD or (
        step.kind is StepKind.INHALE and step.cycle_number == 1
    )
    if not first_of_rep:
        return ""
    parts = []
    if step.set_count > 1:
        parts.append(set_of(step.set_number, step.set_count, said))
    if step.rep_count > 1:
        parts.append(rep_of(step.rep_number, step.rep_count, said))
    return ", ".join(parts)


def set_of(number: int, count: int, words: Catalog) -> str:
    """ "set 2 of 3", to follow a step's words after a comma."""
    return words.pgettext("voice", "set {number} of {count}").format(number=number, count=count)


def rep_of(number: int, count: int, words: Catalog) -> str:
    """ "rep 1 of 4", to follow a step's words after a comma."""
    return words.pgettext("voice", "rep {number} of {count}").format(number=number, count=count)


def spoken_line(
    step: Step, verbosity: Verbosity = Verbosity.NORMAL, words: Catalog | None = None
) -> SpokenLine | None:
    """The line for ``step``: the timeline's ``say`` text with its essential words.

    The rep number joins the first sentence ("Hold, rep 2 of 3. Push the knee away."), and
    the essential words too, so it is said however short the step. Quiet says only those.
    ``words``: the session's catalog (None: the app's), for the framing words and for how
    long its language takes to say the line.
    """
    said = i18n.current() if words is None else words
    text = " ".join(step.say.split())
    if not text:
        return None
    if text[-1] not in ".!?":
        text += "."  # "Breathe in" from the timeline: a full stop makes the voice sound done
    essential = _essential(step, said)
    reps = rep_words(step, said)
    if reps:
        essential = f"{essential[:-1]}, {reps}{essential[-1]}"
        text = _with_reps(step, text, reps, essential, said.language)
    if verbosity is Verbosity.QUIET:
        text = essential
    return SpokenLine(text=text, essential=essential, step_index=step.index)


def _with_reps(step: Step, text: str, reps: str, essential: str, language: str) -> str:
    """The line with its rep number, if there is room for it in the step at the normal rate.

    Longest first: the number joined to the first sentence ("Hold for 30 seconds, rep 1 of
    2. Push the knee away."), then to the bare phase word in place of that sentence ("Hold,
    rep 2 of 6. Sink the hips."). A step too short for either keeps its own line: its cue
    words matter more than a number the screen shows too.
    """
    first, *rest = split_sentences(text)
    joined = " ".join((f"{first[:-1]}, {reps}{first[-1]}", *rest))
    if step.duration_s is None:
        return joined
    room_s = step.duration_s - BOUNDARY_MARGIN_S
    for candidate in (joined, " ".join((essential, *rest))):
        if estimate_s(candidate, 0.0, language=language) <= room_s + 1e-9:
            return candidate
    return text
