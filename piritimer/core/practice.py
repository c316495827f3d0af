"""Practice records: one run of a session, what was done in it, and streaks across days.

Pure: no Qt, no database. ``RunTracker`` turns the engine's events into a `Run`; the store
(``piritimer.practice``) keeps runs; the history view and ``piritimer history`` read them.
"""

from __future__ import annotations

import hashlib
import time
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta, tzinfo
from enum import Enum
from pathlib import Path
from typing import NamedTuple

from piritimer.core.engine import (
    Clock,
    Event,
    State,
    StateChanged,
    StepStarted,
)
from piritimer.core.timeline import StepKind, Timeline

WallClock = Callable[[], datetime]
PAIN_MIN, PAIN_MAX = 0, 10
NOTE_MAX_CHARS = 500


class Outcome(Enum):
    RUNNING = "running"
    """Recorded at the start; a run left so by a process that is gone was interrupted."""
    COMPLETED = "completed"
    STOPPED = "stopped"
    INTERRUPTED = "interrupted"

    @property
    def can_continue(self) -> bool:
        return self in (Outcome.STOPPED, Outcome.INTERRUPTED)


@dataclass(frozen=True)
class Run:
    """One sitting of one session, as the store keeps it.

    ``done`` names each exercise side finished in this run, e.g. "Figure four · left";
    ``step_index`` is where the run ended (or is now); ``continues`` the id of the stopped
    run it carried on from.
    """

    id: str
    title: str
    file: str
    content_hash: str
    started_at: datetime
    step_count: int
    outcome: Outcome = Outcome.RUNNING
    ended_at: datetime | None = None
    paused_s: float = 0.0
    step_index: int = 0
    step_title: str = ""
    done: tuple[str, ...] = ()
    pain_before: int | None = None
    pain_after: int | None = None
    note: str = ""
    pid: int | None = None
    continues: str | None = None

    @property
    def active_s(self) -> float | None:
        """Time spent in the session, pauses left out; None while it runs."""
        if self.ended_at is None:
            return None
        return max(0.0, (self.ended_at - self.started_at).total_seconds() - self.paused_s)


def now_utc() -> datetime:
    """Now, to the millisecond the store keeps, so a run reads back equal to itself."""
    moment = datetime.now(UTC)
    return moment.replace(microsecond=moment.microsecond // 1000 * 1000)


class HistoryRow(NamedTuple):
    """What the history view lists of a run, read straight from the store without building
    a `Run` (ten years of daily runs are 7,300 of them). Times stay ISO 8601 text until a
    row is shown; ``day`` is the local calendar day, worked out by the store."""

    id: str
    title: str
    day: str
    started_at: str
    ended_at: str | None
    paused_s: float
    outcome: str
    step_index: int
    step_count: int
    pain_before: int | None
    pain_after: int | None
    note: str

    @property
    def active_s(self) -> float | None:
        if self.ended_at is None:
            return None
        started = datetime.fromisoformat(self.started_at)
        ended = datetime.fromisoformat(self.ended_at)
        return max(0.0, (ended - started).total_seconds() - self.paused_s)


def new_run_id() -> str:
    return uuid.uuid4().hex


def content_hash(data: bytes) -> str:
    return "sha256:" + hashlib.sha256(data).hexdigest()


def file_hash(path: Path) -> str:
    """The hash of a session file's bytes, or "" when it cannot be read."""
    try:
        return content_hash(path.read_bytes())
    except OSError:
        return ""


def check_pain(value: object) -> int | None:
    """A pain score 0–10, or None; anything else raises ValueError with the reason."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"pain must be a whole number from {PAIN_MIN} to {PAIN_MAX}")
    if not PAIN_MIN <= value <= PAIN_MAX:
        raise ValueError(f"pain {value} is outside {PAIN_MIN}–{PAIN_MAX}")
    return value


def side_label(exercise_name: str, side: str | None) -> str:
    return f"{exercise_name} · {side}" if side else exercise_name


def finishing_steps(timeline: Timeline) -> dict[int, str]:
    """The last work step of each exercise side, by index, with the label it completes."""
    last: dict[tuple[int, str | None], tuple[int, str]] = {}
    for step in timeline.steps:
        if step.kind.is_work and step.exercise_index is not None:
            side = step.side.value if step.side is not None else None
            key = (step.exercise_index, side)
            last[key] = (step.index, side_label(step.exercise_name or "", side))
    return dict(last.values())


@dataclass
class RunTracker:
    """Follows one engine through one run and says what the `Run` record should now be.

    Feed it every engine event (``observe``); it returns the updated run whenever something
    worth keeping changed (a start, a step, a pause ended, the end), else None. An exercise
    side counts as done when its last work step ends and the engine moves on to the very
    next step (by time or by Next), not when it is skipped over with a jump.
    """

    run: Run
    timeline: Timeline
    clock: Clock = time.monotonic
    wall: WallClock = now_utc
    _paused_at: float | None = field(default=None, init=False)
    _finishing: dict[int, str] = field(default_factory=dict, init=False)

    def __post_init__(self) -> None:
        self._finishing = finishing_steps(self.timeline)

    @property
    def ended(self) -> bool:
        return self.run.outcome is not Outcome.RUNNING

    def observe(self, event: Event) -> Run | None:
        if self.ended:
            return None
        if isinstance(event, StepStarted):
            return self._step(event.step.index, event.step.kind, event.step.title)
        if isinstance(event, StateChanged):
            return self._state(event.state)
        return None

    def _step(self, index: int, kind: StepKind, title: str) -> Run | None:
        previous = self.run.step_index
        done = self.run.done
        finished = self._finishing.get(previous)
        if index == previous + 1 and finished is not None and finished not in done:
            done = (*done, finished)
        if kind is StepKind.DONE:
            # The final step's index is where a completed run ends; keep the last real one
            # for continuing.
            self.run = replace(self.run, done=done)
            return self.run
        self.run = replace(self.run, step_index=index, step_title=title, done=done)
        return self.run

    def _state(self, state: State) -> Run | None:
        if state is State.PAUSED:
            self._paused_at = self.clock()
            return None
        self._add_pause()
        if state is State.FINISHED:
            return self.end(Outcome.COMPLETED)
        if state is State.STOPPED:
            return self.end(Outcome.STOPPED)
        return self.run

    def _add_pause(self) -> None:
        if self._paused_at is not None:
            paused = max(0.0, self.clock() - self._paused_at)
            self._paused_at = None
            self.run = replace(self.run, paused_s=self.run.paused_s + paused)

    def end(self, outcome: Outcome) -> Run:
        """End the run now (also when the engine is replaced while the run is open)."""
        if not self.ended:
            self._add_pause()
            self.run = replace(self.run, outcome=outcome, ended_at=self.wall())
        return self.run


# -- days and streaks ------------------------------------------------------------------------


def local_day(moment: datetime, zone: tzinfo | None = None) -> date:
    """The calendar day a moment falls on where the person is (``zone``: the local one)."""
    return moment.astimezone(zone).date()


@dataclass(frozen=True)
class Streak:
    current: int
    """Days in a row up to today, or up to yesterday while today has no run yet."""
    longest: int


def streak(days: Iterable[date], today: date) -> Streak:
    """Runs of consecutive calendar days. Dates, not timestamps: DST cannot break a day."""
    ordered = sorted(set(days))
    longest = length = 0
    previous: date | None = None
    for day in ordered:
        length = length + 1 if previous is not None and day - previous == timedelta(1) else 1
        longest = max(longest, length)
        previous = day
    current = 0
    if ordered and (today - ordered[-1]).days in (0, 1):
        current = length
    return Streak(current, longest)


def runs_by_day(runs: Iterable[Run], zone: tzinfo | None = None) -> dict[date, list[Run]]:
    """Runs grouped by local day, newest day first, each day's runs in start order."""
    grouped: dict[date, list[Run]] = {}
    for run in sorted(runs, key=lambda r: r.started_at):
        grouped.setdefault(local_day(run.started_at, zone), []).append(run)
    return dict(sorted(grouped.items(), reverse=True))


def counts_by_session(runs: Iterable[Run]) -> list[tuple[str, int, int]]:
    """(title, runs, completed runs) per session title, most practised first."""
    counts: dict[str, list[int]] = {}
    for run in runs:
        entry = counts.setdefault(run.title, [0, 0])
        entry[0] += 1
        entry[1] += run.outcome is Outcome.COMPLETED
    return sorted(((t, n, c) for t, (n, c) in counts.items()), key=lambda r: (-r[1], r[0]))


def continuable(runs: Iterable[Run], file: str, content_hash_now: str) -> Run | None:
    """The run of ``file`` to offer "Continue where you stopped" for, if any.

    Only the latest run counts (a completed or continued one ends the offer), and only while
    the file is unchanged: after an edit, step N may be a different exercise.
    """
    latest: Run | None = None
    for run in runs:
        if run.file == file and (latest is None or run.started_at > latest.started_at):
            latest = run
    if (
        latest is None
        or not latest.outcome.can_continue
        or latest.step_index <= 0
        or not content_hash_now
        or latest.content_hash != content_hash_now
    ):
        return None
    return latest


def pain_series(
    points: Iterable[tuple[date, int | None, int | None]], bucket_days: int = 1
) -> list[tuple[date, float | None, float | None]]:
    """Mean pain before and after per bucket of days (a week for a chart of years), in
    date order. A bucket starts on a Monday when it is a week long; None where no run of
    the bucket gave that score."""
    sums: dict[date, list[float]] = {}
    for day, before, after in points:
        if before is None and after is None:
            continue
        start = day - timedelta(days=day.weekday()) if bucket_days == 7 else day
        entry = sums.setdefault(start, [0.0, 0.0, 0.0, 0.0])
        if before is not None:
            entry[0] += before
            entry[1] += 1
        if after is not None:
            entry[2] += after
            entry[3] += 1
    return [
        (day, b / nb if nb else None, a / na if na else None)
        for day, (b, nb, a, na) in sorted(sums.items())
    ]
