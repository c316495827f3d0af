"""What comes next, grouped the way a teacher thinks of it. Pure: no Qt.

A paced-breathing rep is many short steps (in, out, in, out...). Listing them one by one would
fill the presenter's "next" list with "Breathe in / Breathe out"; a teacher wants "Figure-four,
left side, rep 2: 5 breaths, 50s". So consecutive breath steps of one rep become one item.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from piritimer.core import i18n
from piritimer.core.timeline import Step, Timeline


@dataclass(frozen=True)
class Upcoming:
    """One line of the presenter's "next" list."""

    first_index: int
    title: str
    where: str
    """The exercise and its position: "Figure-four stretch · Left side · rep 2 of 3"."""
    duration_s: float | None
    """Total length, or None when it waits for "I'm ready"."""


def upcoming(timeline: Timeline, index: int, count: int = 5) -> list[Upcoming]:
    """Up to ``count`` items after step ``index``; the rest of a breathing rep is not "next"."""
    steps = timeline.steps
    position = index + 1
    # Still inside the current breathing rep: its remaining breaths are not "next".
    while position < len(steps) and _same_rep(steps[index], steps[position]):
        position += 1
    items: list[Upcoming] = []
    while position < len(steps) and len(items) < count:
        first = steps[position]
        end = position + 1
        while end < len(steps) and _same_rep(first, steps[end]):
            end += 1
        items.append(_item(steps[position:end], i18n.for_session(timeline.session.language)))
        position = end
    return items


def _same_rep(a: Step, b: Step) -> bool:
    return (
        a.kind.is_breath
        and b.kind.is_breath
        and (a.exercise_index, a.side, a.set_number, a.rep_number)
        == (b.exercise_index, b.side, b.set_number, b.rep_number)
    )


def where_text(step: Step) -> str:
    """The exercise and its side/set/rep, without the breath count."""
    where = [step.exercise_name] if step.exercise_name else []
    position = _position(step)
    if position:
        where.append(position)
    return " · ".join(where)


def _item(group: tuple[Step, ...], words: i18n.Catalog) -> Upcoming:
    first = group[0]
    if first.kind.is_breath:
        # In the session's words, like the step titles it stands among.
        breaths = first.cycle_count
        title = words.ngettext("{n} breath", "{n} breaths", breaths).format(n=breaths)
    else:
        title = first.title
    durations = [s.duration_s for s in group]
    total = None if None in durations else sum(d or 0.0 for d in durations)
    return Upcoming(first.index, title, where_text(first), total)


def _position(step: Step) -> str:
    """Side, set and rep, without the breath count (the group is all the breaths): the step's
    position as if it had one breath, which ``position_text`` does not count, in any language."""
    return replace(step, cycle_count=1).position_text()
