from __future__ import annotations

import time

import pytest
from pytestqt.qtbot import QtBot

from piritimer.core.engine import Engine, State
from piritimer.core.timeline import Step
from piritimer.qt.driver import EngineDriver
from tests.sessions_for_tests import timed_timeline, two_exercise_timeline


class FakeClock:
    def __init__(self) -> None:
        self.now = 50.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def driver(qapp: object, clock: FakeClock) -> EngineDriver:
    return EngineDriver(Engine(timed_timeline([10.0, 20.0]), clock=clock))


def test_timer_is_armed_for_the_next_wakeup_and_idle_when_paused(
    driver: EngineDriver, clock: FakeClock
) -> None:
    timer = driver._timer
    assert not timer.isActive()
    driver.start()
    assert timer.isActive()
    assert timer.interval() == 1000
    clock.now += 0.2505
    driver.poke()
    assert timer.interval() == 749  # rounded down; an early wake re-arms for the rest
    driver.pause()
    assert not timer.isActive()  # a paused session wakes nothing
    driver.resume()
    assert timer.isActive()


def test_signals_follow_engine_events(qtbot: QtBot, driver: EngineDriver, clock: FakeClock) -> None:
    steps: list[tuple[Step, float]] = []
    seconds: list[int] = []
    driver.stepStarted.connect(lambda step, at: steps.append((step, at)))
    driver.secondsLeftChanged.connect(seconds.append)
    with qtbot.waitSignal(driver.stateChanged) as blocker:
        driver.start()
    assert blocker.args == [State.RUNNING]
    clock.now += 1.0
    driver.poke()
    assert [s.index for s, _ in steps] == [0, 1]
    assert steps[1][1] == 51.0
    assert seconds == [1, 10]
    clock.now += 100
    with qtbot.waitSignal(driver.finished):
        driver.poke()


def test_illegal_commands_are_refused_with_a_reason(qtbot: QtBot, driver: EngineDriver) -> None:
    with qtbot.waitSignal(driver.refused) as blocker:
        assert not driver.pause()
    assert blocker.args == ["cannot pause while idle"]
    with qtbot.waitSignal(driver.refused):
        assert not driver.jump(99)


def test_toggle_walks_start_pause_resume_and_ready(qapp: object, clock: FakeClock) -> None:
    driver = EngineDriver(Engine(two_exercise_timeline(), clock=clock))
    driver.toggle()
    assert driver.state is State.RUNNING
    driver.toggle()
    assert driver.state is State.PAUSED
    driver.toggle()
    assert driver.state is State.RUNNING
    wait = next(s.index for s in driver.engine.timeline.steps if s.waits)
    driver.jump(wait)
    assert driver.state is State.WAITING
    driver.toggle()
    assert driver.state is State.RUNNING
    assert driver.engine.index == wait + 1


def test_set_timeline_replaces_the_engine(qtbot: QtBot, driver: EngineDriver) -> None:
    driver.start()
    new = two_exercise_timeline()
    with qtbot.waitSignal(driver.timelineChanged):
        driver.set_timeline(new)
    assert driver.engine.timeline is new
    assert driver.state is State.IDLE
    assert not driver._timer.isActive()


def test_runs_a_short_schedule_on_the_real_clock(qtbot: QtBot) -> None:
    """The real Qt timer drives the engine to the end, every step in order."""
    driver = EngineDriver(Engine(timed_timeline([0.05, 0.05]), clock=time.monotonic))
    indices: list[int] = []
    driver.stepStarted.connect(lambda step, _at: indices.append(step.index))
    with qtbot.waitSignal(driver.finished, timeout=10_000):
        driver.start()
    assert indices == [0, 1, 2, 3, 4]
