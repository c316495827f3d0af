"""When the next reminder is due: wall-clock times on chosen weekdays, in a time zone.

Pure and exact across daylight-saving changes: a time that does not exist on the day the
clocks go forward (02:30 in the gap) is due as many minutes after the gap's start (03:30);
a time that happens twice when they go back is due once, the first time. Instants are
compared in UTC, never as wall times.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta, tzinfo

EVERY_DAY = frozenset(range(7))
WEEKDAYS = frozenset(range(5))
WEEKEND = frozenset((5, 6))
_TIME = re.compile(r"^(\d{1,2})[:.](\d{2})$")


@dataclass(frozen=True)
class ReminderTimes:
    """Remind at ``times`` (local wall clock) on ``days`` (0 is Monday)."""

    times: tuple[time, ...]
    days: frozenset[int] = field(default=EVERY_DAY)

    def text(self) -> str:
        return ", ".join(t.strftime("%H:%M") for t in self.times)


def parse_times(text: str) -> tuple[time, ...]:
    """ "8:00, 18:30" → (08:00, 18:30), sorted, without repeats; ValueError says what is wrong."""
    found: set[time] = set()
    for part in filter(None, (p.strip() for p in re.split(r"[,\s]+", text))):
        match = _TIME.match(part)
        if match is None or int(match.group(1)) > 23 or int(match.group(2)) > 59:
            raise ValueError(f"{part[:20]!r} is not a time of day; write e.g. 08:00 or 18:30")
        found.add(time(int(match.group(1)), int(match.group(2))))
    return tuple(sorted(found))


def wall_time(day: date, at: time, zone: tzinfo) -> datetime:
    """The instant (in UTC) when clocks in ``zone`` show ``at`` on ``day`` (first if twice)."""
    # fold=0 is the first of two equal wall times; for a time in a spring-forward gap it
    # applies the offset from before the gap, which lands as far after the gap's start.
    return datetime.combine(day, at).replace(tzinfo=zone, fold=0).astimezone(UTC)


def next_reminder(
    reminders: Iterable[ReminderTimes], after: datetime, zone: tzinfo
) -> datetime | None:
    """The first reminder strictly after ``after`` (an aware datetime), in UTC; None if none."""
    after_utc = after.astimezone(UTC)
    first_day = after_utc.astimezone(zone).date() - timedelta(days=1)
    best: datetime | None = None
    for reminder in reminders:
        # Eight days cover every weekday once more; one day back covers a wall time of the
        # previous local date that falls after ``after`` once offsets are applied.
        for offset in range(9):
            day = first_day + timedelta(days=offset)
            if day.weekday() not in reminder.days:
                continue
            # The earliest instant, not the first time of day: a time in a spring-forward gap
            # (02:30 → 03:30) is due after a later time of day (03:15).
            due = min(
                (d for t in reminder.times if (d := wall_time(day, t, zone)) > after_utc),
                default=None,
            )
            if due is not None:
                best = due if best is None or due < best else best
                break
    return best
