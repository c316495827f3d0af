"""The session engine: an explicit state machine over a timeline, on an injected clock.

Timing rule: every boundary is ``anchor + (planned offset - anchor offset) + time paused``.
The anchor moves only when the person makes the schedule move (start, a skip, "I'm ready"),
never because a timer fired, so a late or missed wake-up cannot push later boundaries back.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum, auto

from piritimer.core.timeline import Step, StepKind, Timeline

Clock = Callable[[], float]


class State(Enum):
    IDLE = auto()
    """Loaded, not started yet."""
    RUNNING = auto()
    """A timed step is counting down."""
    WAITING = auto()
    """A step waits until the person says they are ready."""
    PAUSED = auto()
    FINISHED = auto()
    STOPPED = auto()


class Command(Enum):
    START = auto()
    PAUSE = auto()
    RESUME = auto()
    READY = auto()
    NEXT = auto()
    PREVIOUS = auto()
    RESTART_STEP = auto()
    JUMP = auto()
    STOP = auto()


class Lands(Enum):
    """A destination that depends on the step a command lands on."""

    ON_STEP = auto()
    """What that step calls for: a timed step runs, a wait step waits, the final step finishes."""


ON_STEP = Lands.ON_STEP

# fmt: off
LEADS_TO: dict[State, dict[Command, State | Lands]] = {
    State.IDLE: {
        Command.START:        ON_STEP,
        Command.JUMP:         ON_STEP,
    },
    State.RUNNING: {
        Command.PAUSE:        State.PAUSED,
        Command.NEXT:         ON_STEP,
        Command.PREVIOUS:     ON_STEP,
        Command.RESTART_STEP: ON_STEP,
        Command.JUMP:         ON_STEP,
        Command.STOP:         State.STOPPED,
    },
    State.WAITING: {
        Command.READY:        ON_STEP,
        Command.PAUSE:        State.PAUSED,
        Command.NEXT:         ON_STEP,
        Command.PREVIOUS:     ON_STEP,
        Command.RESTART_STEP: ON_STEP,
        Command.JUMP:         ON_STEP,
        Command.STOP:         State.STOPPED,
    },
    State.PAUSED: {
        Command.RESUME:       ON_STEP,
        Command.NEXT:         State.PAUSED,
        Command.PREVIOUS:     State.PAUSED,
        Command.RESTART_STEP: State.PAUSED,
        Command.JUMP:         State.PAUSED,
        Command.STOP:         State.STOPPED,
    },
    State.FINISHED: {
        Command.START:        ON_STEP,
        Command.PREVIOUS:     ON_STEP,
        Command.JUMP:         ON_STEP,
        Command.STOP:         State.STOPPED,
    },
    State.STOPPED: {
        Command.START:        ON_STEP,
        Command.JUMP:         ON_STEP,
    },
}
# fmt: on
"""Where each command leads from each state: the whole state machine, one cell per line.

A pair that is not here is refused with `IllegalCommand` and changes nothing. The steps the
commands land on: START the first, READY and NEXT the one after (NEXT stays on the final step),
PREVIOUS the one before (or the first), RESTART_STEP the same, JUMP the one asked for, RESUME
the one it paused on. A move while paused stays paused on the new step; RESUME then takes what
that step calls for. ``tests/test_engine.py`` checks every cell against the engine.
"""

ALLOWED: dict[State, frozenset[Command]] = {
    state: frozenset(commands) for state, commands in LEADS_TO.items()
}
"""Every legal (state, command) pair: the keys of `LEADS_TO`."""


class IllegalCommand(Exception):
    """A command that makes no sense in the current state (pause when already paused)."""

    def __init__(self, command: Command, state: State) -> None:
        super().__init__(
            f"cannot {command.name.lower().replace('_', ' ')} while {state.name.lower()}"
        )
        self.command = command
        self.state = state


# -- events ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class StepStarted:
    step: Step
    at: float
    """Clock time the step was due to start (not when we noticed): sounds aim for this."""


@dataclass(frozen=True)
class PhaseChanged:
    previous: StepKind | None
    kind: StepKind


@dataclass(frozen=True)
class StateChanged:
    previous: State
    state: State


@dataclass(frozen=True)
class SecondsLeftChanged:
    step: Step
    seconds_left: int


@dataclass(frozen=True)
class Finished:
    at: float


Event = StepStarted | PhaseChanged | StateChanged | SecondsLeftChanged | Finished
Listener = Callable[[Event], None]


@dataclass(frozen=True)
class Status:
    """A snapshot for rendering; every number derives from the clock at ``now``."""

    state: State
    step: Step
    now: float
    step_elapsed_s: float
    step_remaining_s: float | None
    session_elapsed_s: float
    session_remaining_s: float

    @property
    def step_progress(self) -> float:
        """0..1 through the current timed step (0 for a wait step)."""
        if not self.step.duration_s:
            return 0.0
        return min(1.0, max(0.0, self.step_elapsed_s / self.step.duration_s))


class Engine:
    """Steps through a timeline. Drive it by calling ``update()`` at or after ``next_wakeup()``."""

    def __init__(self, timeline: Timeline, clock: Clock = time.monotonic) -> None:
        if not timeline.steps:
            raise ValueError("a timeline has at least its final step")
        self.timeline = timeline
        self.clock = clock
        self._state = State.IDLE
        self._index = 0
        self._anchor_clock = 0.0
        self._anchor_offset_s = 0.0
        self._paused_s = 0.0
        self._paused_at: float | None = None
        self._seconds_left: int | None = None
        self._listeners: list[Listener] = []
        self._queue: list[Event] = []
        self._dispatching = False

    # -- observation --------------------------------------------------------------------------

    @property
    def state(self) -> State:
        return self._state

    @property
    def index(self) -> int:
        return self._index

    @property
    def step(self) -> Step:
        return self.timeline.steps[self._index]

    def can(self, command: Command) -> bool:
        return command in ALLOWED[self._state]

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener)

    def deadline(self, index: int | None = None) -> float | None:
        """Clock time step ``index`` (default: the current one) ends, if it is scheduled."""
        step = self.timeline.steps[self._index if index is None else index]
        if step.duration_s is None or self._state in (State.IDLE, State.STOPPED):
            return None
        return self._anchor_clock + self._paused_s + (step.end_s - self._anchor_offset_s)

    def status(self) -> Status:
        now = self.clock()
        step = self.step
        deadline = self.deadline()
        if deadline is None or step.duration_s is None:
            remaining, elapsed = None, 0.0
        else:
            reference = self._paused_at if self._paused_at is not None else now
            remaining = max(0.0, deadline - reference)
            elapsed = step.duration_s - remaining
        total = self.timeline.total_s
        done = total if self._state is State.FINISHED else step.start_s + elapsed
        return Status(self._state, step, now, elapsed, remaining, done, max(0.0, total - done))

    def next_wakeup(self) -> float | None:
        """When ``update()`` next has something to do: a boundary or a whole-second change."""
        if self._state is not State.RUNNING:
            return None
        deadline = self.deadline()
        assert deadline is not None
        left = self._seconds_left or 0
        # Seconds left is ceil(deadline - now); it drops to left-1 at deadline-(left-1).
        second = deadline - (left - 1) if left > 1 else deadline
        return min(deadline, second)

    # -- commands -----------------------------------------------------------------------------

    def start(self) -> None:
        self._check(Command.START)
        self._enter(0, self.clock(), paused=False)

    def pause(self, at: float | None = None) -> None:
        """Pause now, or as of ``at`` for a pause noticed late (the machine slept meanwhile).

        ``at`` is clamped to no earlier than the current step's start and no later than now, so
        the pause never undoes a boundary the engine has already published.
        """
        self._check(Command.PAUSE)
        now = self.clock()
        if at is None or at > now:
            at = now
        started = self._step_started_clock()
        self._paused_at = at if started is None else max(at, started)
        self._set_state(State.PAUSED)
        self._flush()

    def resume(self) -> None:
        self._check(Command.RESUME)
        now = self.clock()
        assert self._paused_at is not None
        self._paused_s += now - self._paused_at
        self._paused_at = None
        self._go_live(now)
        self.update()

    def ready(self) -> None:
        """The person is in position: leave a wait step now."""
        self._check(Command.READY)
        self._enter(self._index + 1, self.clock(), paused=False)

    def next(self) -> None:
        self._check(Command.NEXT)
        self._move(min(self._index + 1, len(self.timeline.steps) - 1))

    def previous(self) -> None:
        self._check(Command.PREVIOUS)
        self._move(max(self._index - 1, 0))

    def restart_step(self) -> None:
        self._check(Command.RESTART_STEP)
        self._move(self._index)

    def jump(self, index: int) -> None:
        self._check(Command.JUMP)
        if not 0 <= index < len(self.timeline.steps):
            raise IndexError(f"no step {index}; the timeline has {len(self.timeline.steps)}")
        self._move(index)

    def stop(self) -> None:
        self._check(Command.STOP)
        self._paused_at = None
        self._seconds_left = None
        self._set_state(State.STOPPED)
        self._flush()

    def perform(self, command: Command, argument: int | None = None) -> None:
        """Run a command by name (for tables of key bindings and for tests)."""
        if command is Command.JUMP:
            self.jump(argument if argument is not None else 0)
            return
        handler: Callable[[], None] = {
            Command.START: self.start,
            Command.PAUSE: self.pause,
            Command.RESUME: self.resume,
            Command.READY: self.ready,
            Command.NEXT: self.next,
            Command.PREVIOUS: self.previous,
            Command.RESTART_STEP: self.restart_step,
            Command.STOP: self.stop,
        }[command]
        handler()

    # -- time ---------------------------------------------------------------------------------

    def update(self) -> None:
        """Catch up with the clock: start every step whose time has come, in order."""
        now = self.clock()
        while self._state is State.RUNNING:
            deadline = self.deadline()
            assert deadline is not None
            if now < deadline:
                break
            self._begin(self._index + 1, deadline)
        self._publish_seconds_left(now)
        self._flush()

    # -- internals ----------------------------------------------------------------------------

    def _check(self, command: Command) -> None:
        if not self.can(command):
            raise IllegalCommand(command, self._state)

    def _move(self, index: int) -> None:
        paused = self._state is State.PAUSED
        self._enter(index, self.clock(), paused=paused)

    def _enter(self, index: int, now: float, *, paused: bool) -> None:
        """Start step ``index`` at ``now`` and anchor the rest of the schedule to it."""
        self._anchor_clock = now
        self._anchor_offset_s = self.timeline.steps[index].start_s
        self._paused_s = 0.0
        self._paused_at = now if paused else None
        if paused:
            self._set_state(State.PAUSED)
        self._begin(index, now)
        self.update()

    def _begin(self, index: int, at: float) -> None:
        previous_kind = self.step.kind if self._state is not State.IDLE else None
        self._index = index
        step = self.step
        self._seconds_left = None
        self._emit(StepStarted(step, at))
        if step.kind is not previous_kind:
            self._emit(PhaseChanged(previous_kind, step.kind))
        if self._state is not State.PAUSED:
            self._go_live(at)

    def _go_live(self, at: float) -> None:
        """Take the state the current step calls for: run, wait, or finish."""
        step = self.step
        if step.kind is StepKind.DONE:
            self._set_state(State.FINISHED)
            self._emit(Finished(at))
        else:
            self._set_state(State.WAITING if step.waits else State.RUNNING)

    def _step_started_clock(self) -> float | None:
        deadline = self.deadline()
        duration_s = self.step.duration_s
        if deadline is None or duration_s is None:
            return None
        return deadline - duration_s

    def _publish_seconds_left(self, now: float) -> None:
        deadline = self.deadline()
        if deadline is None or self._state not in (State.RUNNING, State.PAUSED):
            return
        reference = self._paused_at if self._paused_at is not None else now
        # A hair of tolerance so that float error at a boundary cannot show a stale second.
        left = max(0, math.ceil(deadline - reference - 1e-9))
        if left != self._seconds_left:
            self._seconds_left = left
            self._emit(SecondsLeftChanged(self.step, left))

    def _set_state(self, state: State) -> None:
        if state is not self._state:
            previous, self._state = self._state, state
            self._emit(StateChanged(previous, state))

    def _emit(self, event: Event) -> None:
        self._queue.append(event)

    def _flush(self) -> None:
        # Listeners may issue commands; queueing keeps events in order and the state settled
        # before anyone hears of it.
        if self._dispatching:
            return
        self._dispatching = True
        try:
            while self._queue:
                event = self._queue.pop(0)
                for listener in list(self._listeners):
                    listener(event)
        finally:
            self._dispatching = False
