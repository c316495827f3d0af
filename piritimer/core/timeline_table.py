"""The timeline as a plain-text table (``piritimer show``)."""

from __future__ import annotations

import re

from piritimer.core.durations import format_clock, format_duration
from piritimer.core.i18n import _, ngettext, pgettext
from piritimer.core.timeline import Timeline, step_kind_name

_UNSAFE_ON_A_TERMINAL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
"""Controls a terminal would obey (escape sequences, carriage return, bell) and bidi overrides.
The loader refuses them in session files; this keeps a file name or a future gap harmless."""


def terminal_text(text: str) -> str:
    """``text`` with every character a terminal would act on written as a visible escape."""
    return _UNSAFE_ON_A_TERMINAL.sub(lambda m: m.group().encode("unicode_escape").decode(), text)


def render_table(timeline: Timeline) -> str:
    session = timeline.session
    # The headers are the app's words; what the steps say is in the session's language.
    rows = [
        (
            "#",
            pgettext("table header", "start"),
            pgettext("table header", "length"),
            pgettext("table header", "step"),
            pgettext("table header", "exercise"),
            pgettext("table header", "where"),
            pgettext("table header", "says"),
        )
    ]
    for step in timeline.steps:
        length = (
            pgettext("table cell", "wait")
            if step.waits
            else ("" if step.duration_s is None else format_duration(step.duration_s))
        )
        rows.append(
            (
                str(step.index + 1),
                format_clock(step.start_s),
                length,
                step_kind_name(step.kind),
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
    total, steps = format_clock(timeline.total_s), len(timeline.steps)
    if waits:
        summary = ngettext(
            "Total: {total} plus {waits} wait for “I'm ready”, {steps} steps",
            "Total: {total} plus {waits} waits for “I'm ready”, {steps} steps",
            waits,
        ).format(total=total, waits=waits, steps=steps)
    else:
        summary = _("Total: {total}, {steps} steps").format(total=total, steps=steps)
    lines += ["", summary]
    return terminal_text("\n".join(lines)) + "\n"
