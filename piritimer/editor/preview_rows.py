"""What the editor's preview tree shows, as plain values: computed with the check, off the
GUI thread, and compared row by row so the tree changes only where the text did.

Rows are NamedTuples so that comparing two versions of a 1,000-exercise session is a fast
tuple comparison, not thousands of Python ``__eq__`` calls.
"""

from __future__ import annotations

from typing import NamedTuple

from piritimer.core.durations import format_clock, format_duration
from piritimer.core.model import Exercise
from piritimer.core.timeline import Step, StepKind, Timeline, work_summary


def _exercise_steps(timeline: Timeline, index: int) -> tuple[Step, ...]:
    span = timeline.exercise_range(index)
    return timeline.steps[span.start : span.stop]


def work_text(exercise: Exercise) -> str:
    """ "2 × 30s hold · left then right" — the gist of an exercise in a few words."""
    sides = f" · {exercise.sides.value}" if exercise.sides.sides else ""
    return f"{work_summary(exercise)}{sides}"


def step_text(step: Step) -> str:
    where = step.position_text()
    title = step.title if step.kind is not StepKind.SETUP else "Setup"
    return f"{title} · {where[:1].lower()}{where[1:]}" if where else title


class StepRow(NamedTuple):
    """What one step's row shows."""

    texts: tuple[str, str, str]
    tooltip: str


class ExerciseRow(NamedTuple):
    """What one exercise's row shows, and its steps' rows (shown once it is opened)."""

    texts: tuple[str, str, str]
    tooltip: str
    steps: tuple[StepRow, ...]


def step_row(step: Step) -> StepRow:
    length = "wait" if step.waits else format_duration(step.duration_s or 0.0)
    return StepRow((step_text(step), format_clock(step.start_s), length), step.detail or step.title)


def exercise_row(timeline: Timeline, index: int) -> ExerciseRow:
    exercise = timeline.session.exercises[index]
    steps = _exercise_steps(timeline, index)
    length = sum(step.duration_s or 0.0 for step in steps)
    return ExerciseRow(
        (
            f"{index + 1}. {exercise.name}  —  {work_text(exercise)}",
            format_clock(steps[0].start_s) if steps else "",
            format_clock(length),
        ),
        f"Line {exercise.line} · {len(steps)} steps · click to go there",
        tuple(step_row(step) for step in steps),
    )


def preview_rows(timeline: Timeline) -> tuple[ExerciseRow, ...]:
    return tuple(exercise_row(timeline, i) for i in range(len(timeline.session.exercises)))
