"""A fake pair of clocks for suspend tests: monotonic stands still while the machine sleeps,
boottime counts the sleep too."""

from __future__ import annotations


class Machine:
    def __init__(self, monotonic_s: float = 500.0, boottime_s: float = 2000.0) -> None:
        self.monotonic_s = monotonic_s
        self.boottime_s = boottime_s

    def monotonic(self) -> float:
        return self.monotonic_s

    def boottime(self) -> float:
        return self.boottime_s

    def run(self, seconds: float) -> None:
        self.monotonic_s += seconds
        self.boottime_s += seconds

    def sleep(self, seconds: float) -> None:
        self.boottime_s += seconds
