"""Notice that the machine slept: a clock that counts sleep running ahead of one that does not.

The engine runs on ``time.monotonic``, which on Linux (CLOCK_MONOTONIC) and macOS stands still
while the machine is suspended. A session left running when the lid closes would therefore
carry on mid-hold when it opens, as if no time had passed. ``CLOCK_BOOTTIME`` counts the sleep,
so ``boottime - monotonic`` grows by exactly the time slept and by nothing else: both clocks
tick at the same rate and are slewed alike by NTP, so ordinary scheduling jitter or a frozen
window moves the gap by microseconds.

On macOS ``CLOCK_MONOTONIC_RAW`` counts sleep where Python's monotonic clock does not. Windows'
monotonic clock itself counts sleep, so there the pair is kernel32's ``GetTickCount64`` (counts
sleep) and ``QueryUnbiasedInterruptTime`` (does not), and the engine is paused as of the last
wake before the sleep all the same. Elsewhere the wall clock stands in for the boot-time
clock. That is coarser: a person setting the clock forward by more than the threshold reads as
a sleep, which costs nothing worse than a pause.
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


@dataclass(frozen=True)
class ClockPair:
    counts_sleep: Clock
    skips_sleep: Clock | None = None
    """None: the engine's own monotonic clock skips sleep (Linux, macOS)."""


def default_clocks() -> ClockPair:
    """The best pair this system has: one clock that counts sleep and one that does not."""
    boottime = getattr(time, "CLOCK_BOOTTIME", None)  # Linux
    if boottime is not None:
        return ClockPair(lambda: time.clock_gettime(boottime))
    if sys.platform == "darwin":
        # macOS's monotonic clock is CLOCK_UPTIME_RAW, which stops in sleep; MONOTONIC_RAW
        # does not.
        return ClockPair(lambda: time.clock_gettime(time.CLOCK_MONOTONIC_RAW))
    if sys.platform == "win32":
        windows = _windows_clocks()
        if windows is not None:
            return windows
    return ClockPair(time.time)


def _windows_clocks() -> ClockPair | None:
    import ctypes

    try:
        kernel32 = ctypes.WinDLL("kernel32")  # type: ignore[attr-defined,unused-ignore]
    except (AttributeError, OSError):
        return None
    ticks = kernel32.GetTickCount64
    ticks.argtypes = []
    ticks.restype = ctypes.c_uint64
    unbiased = kernel32.QueryUnbiasedInterruptTime
    unbiased.argtypes = [ctypes.POINTER(ctypes.c_uint64)]
    unbiased.restype = ctypes.c_int

    def counts_sleep() -> float:
        return float(ticks()) / 1000.0  # milliseconds since boot, sleep included

    def skips_sleep() -> float:
        value = ctypes.c_uint64()
        unbiased(ctypes.byref(value))
        return value.value / 10_000_000.0  # 100 ns units, sleep and hibernation excluded

    return ClockPair(counts_sleep, skips_sleep)


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
        *,
        awake: Clock | None = None,
    ) -> None:
        """``monotonic`` is the engine's clock; the gap is ``boottime - awake`` where ``awake``
        (a clock that skips sleep) defaults to ``monotonic``. Without ``boottime``, the
        system's pair from `default_clocks`."""
        if boottime is None:
            pair = default_clocks()
            boottime, awake = pair.counts_sleep, pair.skips_sleep
        self._monotonic = monotonic
        self._boottime = boottime
        self._awake = awake if awake is not None else monotonic
        self._threshold_s = threshold_s
        self._last_monotonic = monotonic()
        self._last_gap = self._gap()

    def _gap(self) -> float:
        return self._boottime() - self._awake()

    def check(self) -> Sleep | None:
        """The sleep since the previous check, or None if the machine stayed awake."""
        now = self._monotonic()
        gap = self._gap()
        grown = gap - self._last_gap
        awake_until = self._last_monotonic
        self._last_monotonic, self._last_gap = now, gap
        if grown < self._threshold_s:
            return None
        return Sleep(grown, awake_until)
