"""Notice that the machine slept: a clock that counts sleep running ahead of one that does not.

The engine runs on ``time.monotonic``, which on Linux (CLOCK_MONOTONIC) and macOS stands still
while the machine is suspended. A session left running when the lid closes would therefore
carry on mid-hold when it opens, as if no time had passed. ``CLOCK_BOOTTIME`` counts the sleep,
so ``boottime - monotonic`` grows by exactly the time slept and by nothing else: both clocks
tick at the same rate and are slewed alike by NTP, so ordinary scheduling jitter or a frozen
window moves the gap by microseconds.

On macOS ``CLOCK_MONOTONIC_RAW`` counts sleep where Python's monotonic clock does not. Elsewhere
the wall clock stands in for the boot-time clock. That is coarser: a person setting the clock
forward by more than the threshold reads as a sleep, which costs nothing worse than a pause.
Where the monotonic clock itself counts sleep (Windows' may), neither gap grows and this sees
nothing; there the engine meets the sleep as one very late wake-up instead.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from dataclasses import dataclass

Clock = Callable[[], float]

THRESHOLD_S = 2.0
"""Smaller gap changes are not sleep (a real suspend and resume takes seconds anyway)."""


@dataclass(frozen=True)
class Sleep:
    slept_s: float
    """How long the machine slept, by the clock that counts sleep."""
    awake_until: float
    """The last monotonic time the machine was known to be awake: the check before this one."""


def default_boottime() -> Clock:
    """The best clock this system has that keeps counting while the machine sleeps."""
    boottime = getattr(time, "CLOCK_BOOTTIME", None)  # Linux
    if boottime is not None:
        return lambda: time.clock_gettime(boottime)
    if sys.platform == "darwin":
        # macOS's monotonic clock is CLOCK_UPTIME_RAW, which stops in sleep; MONOTONIC_RAW
        # does not.
        return lambda: time.clock_gettime(time.CLOCK_MONOTONIC_RAW)
    return time.time


class SuspendDetector:
    """Compares two clocks at each `check`; reports a sleep when their gap grew.

    Call `check` at every wake-up and before every command. Each check starts a new interval,
    so a sleep is reported once, by the first check after it.
    """

    def __init__(
        self,
        monotonic: Clock = time.monotonic,
        boottime: Clock | None = None,
        threshold_s: float = THRESHOLD_S,
    ) -> None:
        self._monotonic = monotonic
        self._boottime = boottime if boottime is not None else default_boottime()
        self._threshold_s = threshold_s
        self._last_monotonic = monotonic()
        self._last_gap = self._boottime() - self._last_monotonic

    def check(self) -> Sleep | None:
        """The sleep since the previous check, or None if the machine stayed awake."""
        now = self._monotonic()
        gap = self._boottime() - now
        grown = gap - self._last_gap
        awake_until = self._last_monotonic
        self._last_monotonic, self._last_gap = now, gap
        if grown < self._threshold_s:
            return None
        return Sleep(grown, awake_until)
