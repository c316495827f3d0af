"""What the editor's preview tree shows, as plain values: computed with the check, off the
GUI thread, and compared row by row so the tree changes only where the text did.

Rows are NamedTuples so that comparing two versions of a 1,000-exercise session is a fast
tuple comparison, not thousands of Python ``__eq__`` calls.
"""

from __future__ import annotations

from typing import NamedTuple

from piritimer.core import i18n
from piritimer.core.durations import format_clock, format_duration
from piritimer.core.i18n import N_, _, pgettext
from piritimer.core.model import Exercise, SideOrder
from piritimer.core.timeline import Step, StepKind, Timeline, work_summary
from piritimer.widgets.numbers import whole

SIDE_ORDERS: dict[SideOrder, str] = {
    SideOrder.NONE: "",
    SideOrder.LEFT_THEN_RIGHT: N_("left then right"),
    SideOrder.RIGHT_THEN_LEFT: N_("right then left"),
    SideOrder.LEFT: N_("left only"),
    SideOrder.RIGHT: N_("right only"),
}
"""How the preview describes ``sides:`` (the file's own words are English; these are not)."""
CAPITALISED_NOUNS = frozenset({"de"})
"""Languages whose nouns keep their capital inside a phrase ("Atemzug 1 von 6")."""


def _exercise_steps(timeline: Timeline, index: int) -> tuple[Step, ...]:
    span = timeline.exercise_range(index)
    return timeline.steps[span.start : span.stop]


def work_text(exercise: Exercise) -> str:
    """ "2 × 30s hold · left then right" — the gist of an exercise in a few words."""
    sides = f" · {_(SIDE_ORDERS[exercise.sides])}" if exercise.sides.sides else ""
    return f"{work_summary(exercise)}{sides}"


def step_text(step: Step, words_language: str = i18n.SOURCE_LANGUAGE) -> str:
    """ "Breathe in · breath 1 of 6": the step and where it sits, in the words of
    ``words_language`` (the session's, in which the timeline wrote them)."""
    where = step.position_text()
    title = step.title if step.kind is not StepKind.SETUP else _("Setup")
    if where and words_language not in CAPITALISED_NOUNS:
        where = where[:1].lower() + where[1:]
    return f"{title} · {where}" if where else title


class StepRow(NamedTuple):
    """What one step's row shows."""

    texts: tuple[str, str, str]
    tooltip: str


class ExerciseRow(NamedTuple):
    """What one exercise's row shows, and its steps' rows (shown once it is opened)."""

    texts: tuple[str, str, str]
    tooltip: str
    steps: tuple[StepRow, ...]


def step_row(step: Step, words_language: str = i18n.SOURCE_LANGUAGE) -> StepRow:
    length = (
        pgettext("step length", "wait") if step.waits else format_duration(step.duration_s or 0.0)
    )
    return StepRow(
        (step_text(step, words_language), format_clock(step.start_s), length),
        step.detail or step.title,
    )


def exercise_row(timeline: Timeline, index: int) -> ExerciseRow:
    exercise = timeline.session.exercises[index]
    steps = _exercise_steps(timeline, index)
    length = sum(step.duration_s or 0.0 for step in steps)
    words_language = i18n.for_session(timeline.session.language).language
    return ExerciseRow(
        (
            f"{index + 1}. {exercise.name}  —  {work_text(exercise)}",
            format_clock(steps[0].start_s) if steps else "",
            format_clock(length),
        ),
        i18n.ngettext(
            "Line {line} · {count} step · click to go there",
            "Line {line} · {count} steps · click to go there",
            len(steps),
        ).format(line=exercise.line, count=whole(len(steps))),
        tuple(step_row(step, words_language) for step in steps),
    )


def preview_rows(timeline: Timeline) -> tuple[ExerciseRow, ...]:
    return tuple(exercise_row(timeline, i) for i in range(len(timeline.session.exercises)))
