"""Progression: today's values inside a session's ranges, worked out from past runs.

The rule, for each exercise with a range (``hold: 30s to 60s``, ``reps: 5 to 10``):

* Values move in *levels*. Level 0 is the start of every range; each level adds one step
  (``step``, ``reps step``) to each ranged value, never past the top of its range.
* Only completed runs count, oldest first. A run whose pain rose (pain after > pain before)
  steps back one level when ``step back`` is on, and starts the count again. Any other
  completed run adds one to the count of runs without more pain; when that count reaches
  ``after``, the level goes up one and the count starts again.
* Runs without pain recorded count as runs without more pain (the person skipped the question).

The person may choose another level for today; that choice wins over the suggestion.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from enum import Enum, auto

from piritimer.core.durations import format_duration
from piritimer.core.i18n import _, ngettext
from piritimer.core.model import (
    Exercise,
    PacedBreathing,
    Progression,
    Session,
    TimedHold,
    ValueRange,
)
from piritimer.core.past_run import PastRun


class Change(Enum):
    """What the last completed run did to the level."""

    NONE = auto()
    """No completed run yet."""
    UP = auto()
    DOWN = auto()
    KEPT = auto()


@dataclass(frozen=True)
class Values:
    """An exercise's values at one level; None where the exercise has no range."""

    hold_s: float | None = None
    cycles: int | None = None
    reps: int | None = None


@dataclass(frozen=True)
class Decision:
    """The level the rule suggests, and why."""

    level: int
    top_level: int
    change: Change
    runs_without_more_pain: int
    """Completed runs since the last change whose pain did not rise."""
    pain_rose_last: bool = False


@dataclass(frozen=True)
class Today:
    """Today's values of one exercise: the suggestion, or the person's own choice."""

    progression: Progression
    decision: Decision
    level: int
    chosen: bool
    """True when the person picked the level instead of the rule."""

    @property
    def values(self) -> Values:
        return values_at(self.progression, self.level)

    def explanation(self) -> str:
        if self.chosen:
            suggested = value_text(
                self.progression, values_at(self.progression, self.decision.level)
            )
            return _("your choice for today (suggested: {suggested})").format(suggested=suggested)
        return explain(self.progression, self.decision)


def top_level(progression: Progression) -> int:
    """The level at which every range has reached its top."""
    levels = [_steps_to_top(span, step) for span, step in _spans(progression)]
    return max(levels, default=0)


def _spans(progression: Progression) -> list[tuple[ValueRange, float]]:
    pairs: list[tuple[ValueRange | None, float]] = [
        (progression.hold_s, progression.hold_step_s),
        (progression.cycles, progression.cycles_step),
        (progression.reps, progression.reps_step),
    ]
    return [(span, step) for span, step in pairs if span is not None]


def _steps_to_top(span: ValueRange, step: float) -> int:
    # Rounded first: 0.1-second steps must not gain a level from float error.
    return max(0, math.ceil(round((span.high - span.low) / step, 6)))


def _at(span: ValueRange | None, step: float, level: int) -> float | None:
    if span is None:
        return None
    return min(span.high, span.low + max(0, level) * step)


def values_at(progression: Progression, level: int) -> Values:
    hold = _at(progression.hold_s, progression.hold_step_s, level)
    cycles = _at(progression.cycles, progression.cycles_step, level)
    reps = _at(progression.reps, progression.reps_step, level)
    return Values(
        hold_s=hold,
        cycles=None if cycles is None else round(cycles),
        reps=None if reps is None else round(reps),
    )


def decide(progression: Progression, runs: Sequence[PastRun]) -> Decision:
    """The level the rule gives after ``runs`` (any order: they are sorted by start)."""
    top = top_level(progression)
    level = 0
    count = 0
    change = Change.NONE
    pain_rose = False
    for run in sorted(runs, key=lambda r: r.started):
        if not run.completed:
            continue
        pain_rose = run.pain_rose
        if pain_rose:
            count = 0
            lower = max(0, level - 1) if progression.step_back else level
            change = Change.DOWN if lower < level else Change.KEPT
            level = lower
            continue
        count += 1
        change = Change.KEPT
        if count >= progression.after_runs:
            count = 0
            if level < top:
                level += 1
                change = Change.UP
    return Decision(level, top, change, count, pain_rose)


def today(progression: Progression, runs: Sequence[PastRun], chosen: int | None = None) -> Today:
    """Today's values: the rule's suggestion, or ``chosen`` (a level) when the person picked one."""
    decision = decide(progression, runs)
    if chosen is None:
        return Today(progression, decision, decision.level, chosen=False)
    level = min(max(0, chosen), decision.top_level)
    return Today(progression, decision, level, chosen=level != decision.level)


def session_today(
    session: Session, runs: Sequence[PastRun], chosen: Mapping[int, int] | None = None
) -> dict[int, Today]:
    """Today's values for every exercise of ``session`` that has a range, by exercise index."""
    chosen = chosen or {}
    return {
        index: today(exercise.progression, runs, chosen.get(index))
        for index, exercise in enumerate(session.exercises)
        if exercise.progression is not None
    }


def today_values(todays: Mapping[int, Today]) -> dict[int, Values]:
    """What ``compile_session(session, today=...)`` takes."""
    return {index: chosen.values for index, chosen in todays.items()}


def today_lines(session: Session, todays: Mapping[int, Today]) -> list[str]:
    """ "Figure-four: today: 40 s, range 30–60 s (up 5 s: 3 runs without more pain)" """
    return [
        f"{session.exercises[index].name}: "
        f"{range_text(chosen.progression, chosen.values)} ({chosen.explanation()})"
        for index, chosen in sorted(todays.items())
    ]


def with_values(exercise: Exercise, values: Values) -> Exercise:
    """``exercise`` doing today's values (what the timeline is compiled from)."""
    work = exercise.work
    if values.hold_s is not None and isinstance(work, TimedHold):
        work = TimedHold(values.hold_s)
    if values.cycles is not None and isinstance(work, PacedBreathing):
        work = replace(work, cycles=values.cycles)
    reps = exercise.reps if values.reps is None else values.reps
    return replace(exercise, work=work, reps=reps)


def at_top(session: Session) -> Session:
    """``session`` with every range at its top: the longest it can become (for size checks)."""
    exercises = tuple(
        with_values(e, values_at(e.progression, top_level(e.progression)))
        if e.progression is not None
        else e
        for e in session.exercises
    )
    return replace(session, exercises=exercises)


# -- words ----------------------------------------------------------------------------------------

SECONDS_UP_TO = 120


def seconds_text(seconds: float) -> str:
    """ "40 s", "90 s", "2m30s": holds under two minutes read best in seconds, as physios write
    them."""
    return f"{seconds:g} s" if seconds < SECONDS_UP_TO else format_duration(seconds)


def _breaths_text(count: float) -> str:
    whole = round(count)
    return ngettext("{count} breath", "{count} breaths", whole).format(count=whole)


def _reps_text(count: float) -> str:
    whole = round(count)
    return ngettext("{count} rep", "{count} reps", whole).format(count=whole)


def value_text(progression: Progression, values: Values) -> str:
    """ "40 s · 6 reps" """
    parts: list[str] = []
    if values.hold_s is not None:
        parts.append(seconds_text(values.hold_s))
    if values.cycles is not None:
        parts.append(_breaths_text(values.cycles))
    if values.reps is not None:
        parts.append(_reps_text(values.reps))
    return " · ".join(parts)


def range_text(progression: Progression, values: Values) -> str:
    """ "today: 40 s, range 30–60 s; 6 reps, range 5–10" """
    parts: list[str] = []
    hold, cycles, reps = progression.hold_s, progression.cycles, progression.reps
    if hold is not None and values.hold_s is not None:
        parts.append(_in_range(seconds_text(values.hold_s), _range_numbers(hold, seconds=True)))
    if cycles is not None and values.cycles is not None:
        parts.append(_in_range(_breaths_text(values.cycles), _range_numbers(cycles)))
    if reps is not None and values.reps is not None:
        parts.append(_in_range(_reps_text(values.reps), _range_numbers(reps)))
    return _("today: {values}").format(values="; ".join(parts))


def _in_range(value: str, numbers: str) -> str:
    return _("{value}, range {numbers}").format(value=value, numbers=numbers)


def _range_numbers(span: ValueRange, *, seconds: bool = False) -> str:
    if seconds and span.high < SECONDS_UP_TO:
        return f"{span.low:g}–{span.high:g} s"
    if seconds:
        return f"{format_duration(span.low)}–{format_duration(span.high)}"
    return f"{span.low:g}–{span.high:g}"


def _difference(progression: Progression, higher: int, lower: int) -> str:
    """ "5 s and 1 rep": what one level more adds."""
    high, low = values_at(progression, higher), values_at(progression, lower)
    parts: list[str] = []
    if high.hold_s is not None and low.hold_s is not None and high.hold_s != low.hold_s:
        parts.append(seconds_text(high.hold_s - low.hold_s))
    if high.cycles is not None and low.cycles is not None and high.cycles != low.cycles:
        parts.append(_breaths_text(high.cycles - low.cycles))
    if high.reps is not None and low.reps is not None and high.reps != low.reps:
        parts.append(_reps_text(high.reps - low.reps))
    text = parts[0] if parts else ""
    for part in parts[1:]:
        text = _("{first} and {second}").format(first=text, second=part)
    return text


def _runs(count: int) -> str:
    return ngettext("{count} run", "{count} runs", count).format(count=count)


def explain(progression: Progression, decision: Decision) -> str:
    """Why today's values are what they are, in a few words."""
    after = progression.after_runs
    if decision.change is Change.UP:
        step = _difference(progression, decision.level, decision.level - 1)
        return _("up {step}: {runs} without more pain").format(step=step, runs=_runs(after))
    if decision.change is Change.DOWN:
        step = _difference(progression, decision.level + 1, decision.level)
        return _("down {step}: pain rose during the last run").format(step=step)
    if decision.change is Change.NONE:
        return _("start of the range: up a step after {runs} without more pain").format(
            runs=_runs(after)
        )
    if decision.pain_rose_last:
        return _("kept: pain rose during the last run")
    if decision.level >= decision.top_level:
        return _("top of the range")
    return _("kept: {done} of {runs} without more pain before the next step").format(
        done=decision.runs_without_more_pain, runs=_runs(after)
    )
