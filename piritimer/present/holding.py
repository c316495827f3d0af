"""The holding screen's countdown to the start of a class, on its own monotonic clock.

It runs before the engine has started, so it cannot use the engine's schedule; it keeps a
deadline on an injected clock the same way (time left is always ``deadline - clock()``), so a
late timer never makes it drift and tests drive it without sleeping.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer, Signal

Clock = Callable[[], float]


class Countdown:
    """Seconds to a start time that can be moved, paused and resumed. Pure: no Qt."""

    def __init__(self, seconds: float, clock: Clock = time.monotonic) -> None:
        self.clock = clock
        self._deadline = clock() + max(0.0, seconds)
        self._paused_left: float | None = None

    @property
    def paused(self) -> bool:
        return self._paused_left is not None

    def remaining_s(self) -> float:
        if self._paused_left is not None:
            return self._paused_left
        return max(0.0, self._deadline - self.clock())

    def seconds_left(self) -> int:
        """Whole seconds as shown: 2:00 until a full second has gone."""
        return max(0, math.ceil(self.remaining_s() - 1e-9))

    @property
    def expired(self) -> bool:
        return self.remaining_s() <= 0.0

    def add(self, seconds: float) -> None:
        """Move the start later (or earlier, for a negative number); never into the past."""
        left = max(0.0, self.remaining_s() + seconds)
        if self._paused_left is not None:
            self._paused_left = left
        else:
            self._deadline = self.clock() + left

    def pause(self) -> None:
        if self._paused_left is None:
            self._paused_left = self.remaining_s()

    def resume(self) -> None:
        if self._paused_left is not None:
            self._deadline = self.clock() + self._paused_left
            self._paused_left = None

    def next_wakeup(self) -> float | None:
        """Clock time the shown seconds next change (None while paused)."""
        if self._paused_left is not None:
            return None
        left = self.seconds_left()
        return self._deadline - (left - 1) if left > 1 else self._deadline


class HoldingTimer(QObject):
    """Drives a Countdown with a single-shot timer armed for the next change only.

    Signals:
        secondsLeftChanged(int): the whole seconds shown on the holding screen changed.
        pausedChanged(bool): the countdown was paused or resumed.
        expired(): the countdown reached zero; the class should start now.
    """

    secondsLeftChanged = Signal(int)
    pausedChanged = Signal(bool)
    expired = Signal()

    def __init__(
        self, seconds: float, clock: Clock = time.monotonic, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.countdown = Countdown(seconds, clock)
        self._shown: int | None = None
        self._done = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self.poke)

    def seconds_left(self) -> int:
        return self.countdown.seconds_left()

    @property
    def paused(self) -> bool:
        return self.countdown.paused

    def begin(self) -> None:
        """Publish the first value and start ticking."""
        self.poke()

    def add_minute(self) -> None:
        self.countdown.add(60.0)
        self.poke()

    def remove_minute(self) -> None:
        self.countdown.add(-60.0)
        self.poke()

    def pause(self) -> None:
        if not self.countdown.paused:
            self.countdown.pause()
            self.pausedChanged.emit(True)
        self.poke()

    def resume(self) -> None:
        if self.countdown.paused:
            self.countdown.resume()
            self.pausedChanged.emit(False)
        self.poke()

    def cancel(self) -> None:
        """Stop for good (the class started some other way)."""
        self._done = True
        self._timer.stop()

    def poke(self) -> None:
        """Catch up with the clock; emit what changed; arm the timer for the next change."""
        if self._done:
            return
        left = self.countdown.seconds_left()
        if left != self._shown:
            self._shown = left
            self.secondsLeftChanged.emit(left)
        if self.countdown.expired:
            self.cancel()
            self.expired.emit()
            return
        wake = self.countdown.next_wakeup()
        if wake is None:
            self._timer.stop()
            return
        self._timer.start(max(0, math.floor((wake - self.countdown.clock()) * 1000.0)))
