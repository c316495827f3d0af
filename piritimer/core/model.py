"""The session model: what a session file means, independent of how it was written."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path

from piritimer.core.plan import Plan

FORMAT_VERSION = 1


class SideOrder(Enum):
    """Which sides an exercise works, and in what order. Values are the words in the file."""

    NONE = "none"
    LEFT_THEN_RIGHT = "left then right"
    RIGHT_THEN_LEFT = "right then left"
    LEFT = "left only"
    RIGHT = "right only"

    @property
    def sides(self) -> tuple[Side, ...]:
        return {
            SideOrder.NONE: (),
            SideOrder.LEFT_THEN_RIGHT: (Side.LEFT, Side.RIGHT),
            SideOrder.RIGHT_THEN_LEFT: (Side.RIGHT, Side.LEFT),
            SideOrder.LEFT: (Side.LEFT,),
            SideOrder.RIGHT: (Side.RIGHT,),
        }[self]


class Side(Enum):
    LEFT = "left"
    RIGHT = "right"


class Phase(Enum):
    """The parts of a breath, also the keys of an exercise's ``cues:``."""

    HOLD = "hold"
    INHALE = "inhale"
    HOLD_IN = "hold in"
    EXHALE = "exhale"
    HOLD_OUT = "hold out"
    REST = "rest"
    REST_AFTER = "rest after"
    """The rest after the exercise, before the next one."""


@dataclass(frozen=True)
class BreathPattern:
    """Seconds for each part of one breath; a breath-hold of None is left out."""

    inhale_s: float = 4.0
    exhale_s: float = 6.0
    hold_in_s: float | None = None
    hold_out_s: float | None = None

    @property
    def cycle_s(self) -> float:
        return self.inhale_s + (self.hold_in_s or 0) + self.exhale_s + (self.hold_out_s or 0)


@dataclass(frozen=True)
class TimedHold:
    """Hold a position for a fixed time, breathing freely."""

    hold_s: float


@dataclass(frozen=True)
class PacedBreathing:
    """Breathe to a pattern for a number of cycles (also ``hold: 5 breaths``)."""

    pattern: BreathPattern
    cycles: int
    measured_hold: bool = False
    """True when written as a hold measured in breaths, so the position is held throughout."""


Work = TimedHold | PacedBreathing


@dataclass(frozen=True)
class ValueRange:
    """Where a source gives a range (``hold: 30s to 60s``): the lowest and highest value."""

    low: float
    high: float


@dataclass(frozen=True)
class Progression:
    """The ranges an exercise moves through across days, and the rule for moving.

    The exercise itself carries the start of each range; piritimer.core.progression works out
    today's values from the person's past runs.
    """

    hold_s: ValueRange | None = None
    """A timed hold in seconds."""
    cycles: ValueRange | None = None
    """Breaths: a hold measured in breaths, or the cycles of paced breathing."""
    reps: ValueRange | None = None
    hold_step_s: float = 5.0
    cycles_step: int = 1
    reps_step: int = 1
    after_runs: int = 3
    """Completed runs whose pain did not rise before the next step up."""
    step_back: bool = True
    """Step back down after a run whose pain rose."""


@dataclass(frozen=True)
class Source:
    title: str
    author: str | None = None
    site: str | None = None
    url: str | None = None
    date: str | None = None
    note: str | None = None

    def citation(self) -> str:
        parts = [f"“{self.title}”"]
        parts += [p for p in (self.author, self.site, self.date) if p]
        text = ", ".join(parts)
        return f"{text} ({self.url})" if self.url else text


@dataclass(frozen=True)
class Defaults:
    """Session-wide values that each exercise may override. None means "leave it out"."""

    get_ready_s: float | None = 5.0
    setup_s: float | None = 15.0
    """None means: wait until the person presses "I'm ready"."""
    rest_between_reps_s: float | None = 5.0
    rest_between_sets_s: float | None = 30.0
    rest_after_s: float | None = 15.0
    switch_sides_s: float = 8.0
    breathing: BreathPattern = field(default_factory=BreathPattern)
    voice: bool = True
    sounds: bool = True


@dataclass(frozen=True)
class Exercise:
    name: str
    work: Work
    setup: tuple[str, ...] = ()
    setup_waits: tuple[int, ...] = ()
    """Indices of setup cues written ``- wait: …``: after each, wait for "I'm ready"."""
    setup_s: float | None = 15.0
    image: Path | None = None
    sides: SideOrder = SideOrder.NONE
    sets: int = 1
    reps: int = 1
    rest_between_reps_s: float | None = 5.0
    rest_between_sets_s: float | None = 30.0
    rest_after_s: float | None = 15.0
    get_ready_s: float | None = 5.0
    switch_sides_s: float = 8.0
    cues: tuple[tuple[Phase, str], ...] = ()
    counted: bool = False
    """Reps at a pace (``pace: 2s``): each rep is a short timed step whose number is spoken."""
    about: str | None = None
    notes: str | None = None
    progression: Progression | None = None
    voice: bool = True
    """False: nothing is spoken during this exercise (``voice: off``); a file only switches off."""
    sounds: bool = True
    """False: no sound cues during this exercise (``sounds: off``)."""
    line: int = 0
    """Line of the exercise in its file (1-based): lets an editor find the one under the cursor."""

    def cue(self, phase: Phase) -> str:
        return dict(self.cues).get(phase, "")


@dataclass(frozen=True)
class Session:
    title: str
    exercises: tuple[Exercise, ...]
    summary: str | None = None
    safety: str | None = None
    sources: tuple[Source, ...] = ()
    credits: str | None = None
    tags: tuple[str, ...] = ()
    notes: str | None = None
    defaults: Defaults = field(default_factory=Defaults)
    plan: Plan | None = None
    """How often the session is meant to be done, as the file says."""
    language: str | None = None
    """The language tag the file is written in (``fr``, ``pt-BR``); None: the app's."""
    path: Path | None = None
    format_version: int = FORMAT_VERSION


DEFAULT_SAFETY_NOTE = (
    "Stop at once if you feel sharp pain, numbness or tingling. This is not medical advice: "
    "check with a doctor or physiotherapist before starting, and if symptoms persist."
)
