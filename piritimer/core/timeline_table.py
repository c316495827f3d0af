"""The timeline as a plain-text table (``piritimer show``)."""

from __future__ import annotations

import re

from piritimer.core.durations import format_clock, format_duration
from piritimer.core.timeline import Timeline

_UNSAFE_ON_A_TERMINAL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
"""Controls a terminal would obey (escape sequences, carriage return, bell) and bidi overrides.
The loader refuses them in session files; this keeps a file name or a future gap harmless."""


def terminal_text(text: str) -> str:
    """``text`` with every character a terminal would act on written as a visible escape."""
    return _UNSAFE_ON_A_TERMINAL.sub(lambda m: m.group().encode("unicode_escape").decode(), text)


def render_table(timeline: Timeline) -> str:
    session = timeline.session
    rows = [("#", "start", "length", "step", "exercise", "where", "says")]
    for step in timeline.steps:
        length = (
            "wait"
            if step.waits
            else ("" if step.duration_s is None else format_duration(step.duration_s))
        )
        rows.append(
            (
                str(step.index + 1),
                format_clock(step.start_s),
                length,
                step.kind.value,
                step.exercise_name or "",
                step.position_text(),
                step.say,
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]) - 1)]
    lines = [f"{session.title}", ""]
    for row in rows:
        cells = [cell.ljust(width) for cell, width in zip(row, widths, strict=False)]
        lines.append("  ".join([*cells, row[-1]]).rstrip())
    waits = timeline.wait_count
    extra = f" plus {waits} wait{'s' if waits != 1 else ''} for “I'm ready”" if waits else ""
    lines += ["", f"Total: {format_clock(timeline.total_s)}{extra}, {len(timeline.steps)} steps"]
    return terminal_text("\n".join(lines)) + "\n"
