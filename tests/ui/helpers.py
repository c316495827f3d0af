"""Shared helpers for the window's tests."""

from __future__ import annotations

from pathlib import Path

from piritimer.ui.main_window import MainWindow

FIXTURES = Path(__file__).parent / "fixtures"


class FakeClock:
    """Monotonic time that moves only when a test says so."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def advance(window: MainWindow, clock: FakeClock, seconds: float) -> None:
    """Move the fake clock and let the driver catch up, as its timer would."""
    clock.now += seconds
    window.driver.poke()
