"""The one Qt adapter over the engine: owns the timer, forwards commands, re-emits events."""

from __future__ import annotations

import math
import time
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from piritimer.core.engine import (
    Command,
    Engine,
    Event,
    Finished,
    IllegalCommand,
    PhaseChanged,
    SecondsLeftChanged,
    State,
    StateChanged,
    Status,
    StepStarted,
)
from piritimer.core.suspend import SuspendDetector
from piritimer.core.timeline import Timeline


class EngineDriver(QObject):
    """Wakes the engine at its next deadline with a precise single-shot timer.

    The timer is armed for the engine's next boundary or whole-second change and nothing else,
    so a paused or waiting session wakes nothing. Waking early re-arms for the remainder;
    waking late is harmless because the engine computes boundaries from its anchor.

    The machine sleeping mid-hold is not a late wake: the engine's monotonic clock stood still,
    so the hold would carry on where it was as if nobody had left. A `SuspendDetector` is asked
    at every wake and before every command; after a sleep while running, the engine is paused
    as of the last moment the machine was known awake (no boundary passes during the sleep)
    and ``suspendDetected`` tells the windows. By default the detector watches the real clocks
    when the engine runs on ``time.monotonic``; an engine on another clock (a test's) gets none
    unless one is passed.

    Signals:
        timelineChanged(object): a new Timeline was loaded (the engine is new and idle).
        stepStarted(object, float): the Step and the clock time it was due.
        phaseChanged(object): the StepKind of the step that just started, when it differs.
        stateChanged(object): the new engine State.
        secondsLeftChanged(int): whole seconds left in the current timed step.
        finished(): the session reached its end.
        refused(str): a command was not allowed now; the text says why.
        engineEvent(object): every engine event, for listeners that want them all in order.
        suspendDetected(float): the machine slept this many seconds while the session ran; the
            engine is now paused on the step it was on.
        commandIssued(object): a Command the engine is about to carry out (it is allowed), sent
            before the events it causes, so a listener (the audio guide) can answer it.
    """

    timelineChanged = Signal(object)
    stepStarted = Signal(object, float)
    phaseChanged = Signal(object)
    stateChanged = Signal(object)
    secondsLeftChanged = Signal(int)
    finished = Signal()
    refused = Signal(str)
    engineEvent = Signal(object)
    suspendDetected = Signal(float)
    commandIssued = Signal(object)

    def __init__(
        self,
        engine: Engine,
        parent: QObject | None = None,
        *,
        suspend: SuspendDetector | None = None,
    ) -> None:
        super().__init__(parent)
        if suspend is None and engine.clock is time.monotonic:
            suspend = SuspendDetector()
        self._suspend = suspend
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self.poke)
        self._engine = engine
        self._unsubscribe: Callable[[], None] = engine.subscribe(self._relay)

    @property
    def engine(self) -> Engine:
        return self._engine

    @property
    def state(self) -> State:
        return self._engine.state

    def status(self) -> Status:
        return self._engine.status()

    def set_timeline(self, timeline: Timeline) -> None:
        """Replace the session: a new idle engine on the same clock."""
        self._timer.stop()
        self._unsubscribe()
        self._engine = Engine(timeline, clock=self._engine.clock)
        self._unsubscribe = self._engine.subscribe(self._relay)
        self.timelineChanged.emit(timeline)

    # -- commands (slots) -------------------------------------------------------------------

    def perform(self, command: Command, argument: int | None = None) -> bool:
        """Run a command; returns False (and emits refused) if it is not allowed now."""
        if self._pause_after_sleep() and command is Command.PAUSE:
            self._arm()
            return True  # already paused, as asked
        if self._engine.can(command):
            self.commandIssued.emit(command)
        try:
            self._engine.perform(command, argument)
        except (IllegalCommand, IndexError) as error:
            self.refused.emit(str(error))
            return False
        finally:
            self._arm()
        return True

    def can(self, command: Command) -> bool:
        return self._engine.can(command)

    def start(self) -> bool:
        return self.perform(Command.START)

    def pause(self) -> bool:
        return self.perform(Command.PAUSE)

    def resume(self) -> bool:
        return self.perform(Command.RESUME)

    def ready(self) -> bool:
        return self.perform(Command.READY)

    def next(self) -> bool:
        return self.perform(Command.NEXT)

    def previous(self) -> bool:
        return self.perform(Command.PREVIOUS)

    def restart_step(self) -> bool:
        return self.perform(Command.RESTART_STEP)

    def stop(self) -> bool:
        return self.perform(Command.STOP)

    def jump(self, index: int) -> bool:
        return self.perform(Command.JUMP, index)

    def toggle(self) -> bool:
        """The one "play/pause" key: start, pause, resume, or say ready, as the state calls for."""
        state = self._engine.state
        if state in (State.IDLE, State.STOPPED, State.FINISHED):
            return self.start()
        if state is State.PAUSED:
            return self.resume()
        if state is State.WAITING:
            return self.ready()
        return self.pause()

    # -- time -------------------------------------------------------------------------------

    def poke(self) -> None:
        """Let the engine catch up with the clock, then arm the timer for its next deadline."""
        if not self._pause_after_sleep():
            self._engine.update()
        self._arm()

    def _pause_after_sleep(self) -> bool:
        """If the machine slept while the session ran, pause as of before the sleep."""
        if self._suspend is None:
            return False
        sleep = self._suspend.check()
        if sleep is None or self._engine.state is not State.RUNNING:
            return False
        self._engine.pause(at=sleep.awake_until)
        self.suspendDetected.emit(sleep.slept_s)
        return True

    def _arm(self) -> None:
        wake = self._engine.next_wakeup()
        if wake is None:
            self._timer.stop()
            return
        remaining_ms = (wake - self._engine.clock()) * 1000.0
        # Qt rounds intervals to whole milliseconds; round down and, if that wakes us a
        # fraction early, the next poke re-arms for the remaining fraction (0 ms).
        self._timer.start(max(0, math.floor(remaining_ms)))

    # -- events -----------------------------------------------------------------------------

    def _relay(self, event: Event) -> None:
        self.engineEvent.emit(event)
        if isinstance(event, StepStarted):
            self.stepStarted.emit(event.step, event.at)
        elif isinstance(event, PhaseChanged):
            self.phaseChanged.emit(event.kind)
        elif isinstance(event, StateChanged):
            self.stateChanged.emit(event.state)
        elif isinstance(event, SecondsLeftChanged):
            self.secondsLeftChanged.emit(event.seconds_left)
        elif isinstance(event, Finished):
            self.finished.emit()
