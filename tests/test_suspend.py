"""Noticing that the machine slept, on an injected clock pair, and pausing as of before it."""

from __future__ import annotations

import sys
import time

import pytest

from piritimer.core.engine import Engine, State
from piritimer.core.suspend import THRESHOLD_S, Sleep, SuspendDetector, default_clocks
from tests.sessions_for_tests import timed_timeline
from tests.sleeping_machine import Machine

HOLD = 1  # in timed_timeline: a 1 s setup step, then the hold


@pytest.fixture
def machine() -> Machine:
    return Machine()


def detector_on(machine: Machine) -> SuspendDetector:
    return SuspendDetector(monotonic=machine.monotonic, boottime=machine.boottime)


def test_a_sleep_is_reported_once_with_its_length_and_the_last_awake_time(
    machine: Machine,
) -> None:
    detector = detector_on(machine)
    machine.run(0.4)
    assert detector.check() is None
    machine.run(0.3)
    machine.sleep(3600.0)
    machine.run(0.2)
    assert detector.check() == Sleep(slept_s=3600.0, awake_until=500.4)
    machine.run(1.0)
    assert detector.check() is None


def test_ordinary_jitter_and_a_frozen_window_are_not_sleep(machine: Machine) -> None:
    detector = detector_on(machine)
    for _ in range(1000):
        machine.run(1.0)
        machine.boottime_s += 0.0005  # the two clocks read a hair apart
        assert detector.check() is None
    machine.run(30.0)  # a 30 s stall: both clocks moved alike
    assert detector.check() is None


def test_a_gap_just_under_the_threshold_is_ignored_and_just_over_is_not(
    machine: Machine,
) -> None:
    detector = detector_on(machine)
    machine.sleep(THRESHOLD_S - 0.01)
    assert detector.check() is None
    machine.sleep(THRESHOLD_S + 0.01)
    sleep = detector.check()
    assert sleep is not None
    assert sleep.slept_s == pytest.approx(THRESHOLD_S + 0.01)


def test_the_default_clock_pair_runs_at_one_rate() -> None:
    """Read twice without sleeping, the real pair stays together (no sleep is invented)."""
    pair = default_clocks()
    awake = pair.skips_sleep or time.monotonic
    first_gap = pair.counts_sleep() - awake()
    second_gap = pair.counts_sleep() - awake()
    assert abs(second_gap - first_gap) < THRESHOLD_S
    if sys.platform.startswith("linux"):
        assert pair.skips_sleep is None  # CLOCK_BOOTTIME against the engine's own clock
    assert SuspendDetector().check() is None


def test_where_the_monotonic_clock_counts_sleep_a_third_clock_tells() -> None:
    """Windows: the engine's clock jumps over the sleep; an awake-only clock does not."""
    machine = Machine()
    awake_s = [0.0]

    def run(seconds: float) -> None:
        machine.run(seconds)
        awake_s[0] += seconds

    detector = SuspendDetector(
        monotonic=machine.monotonic, boottime=machine.monotonic, awake=lambda: awake_s[0]
    )
    run(3.0)
    assert detector.check() is None
    run(0.5)
    machine.monotonic_s += 900.0  # the engine's clock counted the sleep
    run(0.5)
    assert detector.check() == Sleep(slept_s=900.0, awake_until=503.0)


def test_engine_pause_as_of_before_the_sleep_keeps_the_remaining_time(machine: Machine) -> None:
    engine = Engine(timed_timeline([30.0, 20.0]), clock=machine.monotonic)
    engine.start()
    engine.jump(HOLD)
    machine.run(12.0)
    engine.update()
    before = engine.status().step_remaining_s
    machine.run(0.6)  # the lid closes 0.6 s after the last wake-up
    engine.pause(at=machine.monotonic_s - 0.6)
    assert engine.state is State.PAUSED
    assert engine.status().step_remaining_s == before == 18.0
    machine.run(5.0)
    engine.resume()
    assert engine.index == HOLD
    assert engine.status().step_remaining_s == 18.0


def test_a_late_pause_never_reaches_back_past_the_step_start(machine: Machine) -> None:
    engine = Engine(timed_timeline([30.0, 20.0]), clock=machine.monotonic)
    engine.start()
    engine.jump(HOLD)
    machine.run(30.5)  # the hold ended 0.5 s ago; the next setup step (1 s) is under way
    engine.update()
    assert engine.index == HOLD + 1
    engine.pause(at=machine.monotonic_s - 10.0)
    assert engine.status().step_remaining_s == 1.0  # not 10 s back into the hold
    assert engine.index == HOLD + 1


def test_a_pause_dated_in_the_future_is_a_pause_now(machine: Machine) -> None:
    engine = Engine(timed_timeline([30.0]), clock=machine.monotonic)
    engine.start()
    engine.jump(HOLD)
    machine.run(10.0)
    engine.pause(at=machine.monotonic_s + 5.0)
    assert engine.status().step_remaining_s == 20.0
