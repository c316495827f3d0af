"""Warnings for what a session file may say but probably does not mean (pure, no Qt).

These never stop a file from loading: ``piritimer validate`` prints them (and fails on them
only with ``--strict``), the editor lists them beside the errors, the library marks the file.
"""

from __future__ import annotations

from piritimer.core.diagnostics import Diagnostic, Severity, quoted
from piritimer.core.i18n import _
from piritimer.core.model import Session
from piritimer.core.speech_time import BOUNDARY_MARGIN_S, estimate_s
from piritimer.core.timeline import Timeline, step_kind_name

NAME_SHOWN_CHARS = 60
"""The window and the presentation screen show an exercise's name in large type on one or two
lines; a longer name is cut short there."""
TITLE_SHOWN_CHARS = 80
"""The library and the window's heading show about this much of a session's title."""
NORMAL_RATE = 0.0
"""The voice's rate out of the box (Qt's 0.0): what a file should be written for."""


def spoken_lines_that_cannot_fit(
    session: Session, timeline: Timeline, label: str
) -> list[Diagnostic]:
    """One warning per exercise and line whose estimated speaking time overruns its step: the
    voice would then say only its first sentences, or just the phase word. Only lines with
    words the file wrote (a cue, a setup line, a name) count: piritimer's own phrases are the
    policy's business."""
    warnings: list[Diagnostic] = []
    seen: set[tuple[int, str]] = set()
    for step in timeline.steps:
        if step.duration_s is None or step.exercise_index is None:
            continue
        text = " ".join(step.say.split())
        needed_s = estimate_s(text, NORMAL_RATE, language=session.language)
        if needed_s <= step.duration_s - BOUNDARY_MARGIN_S or (step.exercise_index, text) in seen:
            continue
        seen.add((step.exercise_index, text))
        exercise = session.exercises[step.exercise_index]
        written = [exercise.name, *exercise.setup, *(cue for _, cue in exercise.cues)]
        if not any(" ".join(w.split()).lower() in text.lower() for w in written):
            continue
        message = _(
            "the {step} step of `{name}` lasts {length} s, but saying {text} takes about "
            "{needed} s, so the voice will cut it short; shorten the words or lengthen the step"
        ).format(
            step=step_kind_name(step.kind),
            name=exercise.name,
            length=f"{step.duration_s:g}",
            text=quoted(text),
            needed=f"{needed_s:.1f}",
        )
        warnings.append(Diagnostic(label, max(exercise.line, 1), 1, message, Severity.WARNING))
    return warnings
