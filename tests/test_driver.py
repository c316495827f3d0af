from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pytestqt.qtbot import QtBot

from piritimer.core.engine import Engine, State
from piritimer.core.suspend import SuspendDetector
from piritimer.core.timeline import Step
from piritimer.qt.driver import EngineDriver
from tests.sessions_for_tests import timed_timeline, two_exercise_timeline
from tests.sleeping_machine import Machine


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


# -- the machine sleeping mid-session ---------------------------------------------------------


HOLD = 1  # timed_timeline: a 1 s setup, then the hold


@pytest.fixture
def machine() -> Machine:
    return Machine(50.0, 900.0)


@pytest.fixture
def sleepy(qapp: object, machine: Machine) -> EngineDriver:
    engine = Engine(timed_timeline([30.0, 20.0]), clock=machine.monotonic)
    detector = SuspendDetector(monotonic=machine.monotonic, boottime=machine.boottime)
    return EngineDriver(engine, suspend=detector)


def test_sleep_mid_hold_comes_back_paused_on_that_step(
    qtbot: QtBot, sleepy: EngineDriver, machine: Machine
) -> None:
    sleepy.jump(HOLD)
    machine.run(7.0)
    sleepy.poke()
    assert sleepy.status().step_remaining_s == 23.0
    machine.run(0.4)  # the lid closes between two wake-ups
    machine.sleep(3600.0)
    machine.run(0.6)  # the timer fires when the machine is back
    with qtbot.waitSignal(sleepy.suspendDetected) as blocker:
        sleepy.poke()
    assert blocker.args == [3600.0]
    assert sleepy.state is State.PAUSED
    assert sleepy.engine.index == HOLD
    assert sleepy.status().step_remaining_s == 23.0  # as of the last wake-up before the sleep
    assert not sleepy._timer.isActive()
    machine.run(20.0)  # reading the notice
    sleepy.resume()
    assert sleepy.engine.index == HOLD
    assert sleepy.status().step_remaining_s == 23.0


def test_a_boundary_due_during_the_sleep_has_not_passed(
    qtbot: QtBot, sleepy: EngineDriver, machine: Machine
) -> None:
    sleepy.jump(HOLD)
    machine.run(29.5)
    sleepy.poke()
    machine.run(0.2)
    machine.sleep(600.0)
    machine.run(0.3)  # the wake-up armed for the hold's end
    with qtbot.waitSignal(sleepy.suspendDetected):
        sleepy.poke()
    assert (sleepy.state, sleepy.engine.index) == (State.PAUSED, HOLD)
    assert sleepy.status().step_remaining_s == pytest.approx(0.5)


def test_pressing_pause_first_after_the_sleep_is_not_refused(
    qtbot: QtBot, sleepy: EngineDriver, machine: Machine
) -> None:
    sleepy.jump(HOLD)
    machine.run(5.0)
    sleepy.poke()
    machine.sleep(120.0)
    with qtbot.assertNotEmitted(sleepy.refused), qtbot.waitSignal(sleepy.suspendDetected):
        assert sleepy.pause()
    assert sleepy.state is State.PAUSED
    assert sleepy.status().step_remaining_s == 25.0


def test_sleep_while_paused_changes_nothing(
    qtbot: QtBot, sleepy: EngineDriver, machine: Machine
) -> None:
    sleepy.jump(HOLD)
    machine.run(5.0)
    sleepy.pause()
    machine.sleep(3600.0)
    machine.run(2.0)
    with qtbot.assertNotEmitted(sleepy.suspendDetected):
        assert sleepy.resume()
        machine.run(1.0)
        sleepy.poke()
    assert sleepy.state is State.RUNNING
    assert sleepy.status().step_remaining_s == 24.0


def test_no_false_sleep_from_ordinary_jitter(
    qtbot: QtBot, sleepy: EngineDriver, machine: Machine
) -> None:
    sleepy.start()
    with qtbot.assertNotEmitted(sleepy.suspendDetected):
        for _ in range(40):
            machine.run(1.0)
            machine.boottime_s += 0.001
            sleepy.poke()
    assert sleepy.state is State.RUNNING
    assert sleepy.engine.index == 3


def test_the_real_clock_gets_a_detector_and_a_fake_one_none(qapp: object) -> None:
    assert isinstance(EngineDriver(Engine(timed_timeline([1.0])))._suspend, SuspendDetector)
    assert EngineDriver(Engine(timed_timeline([1.0]), clock=FakeClock()))._suspend is None


@settings(max_examples=60, deadline=None)
@given(
    durations=st.lists(st.integers(1, 40).map(float), min_size=1, max_size=4),
    wakes_before=st.integers(0, 60),
    lid_closes_after=st.integers(0, 3).map(lambda n: n / 4),
    slept_s=st.integers(2, 100_000).map(float),
    lid_opens_after=st.integers(0, 3).map(lambda n: n / 4),
)
def test_whenever_the_machine_sleeps_the_step_keeps_its_time(
    qapp: object,
    durations: list[float],
    wakes_before: int,
    lid_closes_after: float,
    slept_s: float,
    lid_opens_after: float,
) -> None:
    """Driven wake by wake as the timer would, a sleep at any point of a running session
    comes back paused on the step it was on, with the time it had at the last wake."""
    machine = Machine(50.0, 900.0)
    engine = Engine(timed_timeline(durations), clock=machine.monotonic)
    detector = SuspendDetector(monotonic=machine.monotonic, boottime=machine.boottime)
    driver = EngineDriver(engine, suspend=detector)
    driver.start()
    for _ in range(wakes_before):
        wake = engine.next_wakeup()
        if wake is None:
            return  # finished before the lid closed
        machine.run(wake - machine.monotonic_s)
        driver.poke()
    wake = engine.next_wakeup()
    if wake is None:
        return
    index, remaining = engine.index, engine.status().step_remaining_s
    # The lid closes before the next wake-up is due; the machine comes back at or after it.
    machine.run(min(lid_closes_after, wake - machine.monotonic_s))
    machine.sleep(slept_s)
    machine.run(max(0.0, wake - machine.monotonic_s) + lid_opens_after)
    started: list[object] = []
    driver.stepStarted.connect(lambda step, _at: started.append(step))
    noticed: list[float] = []
    driver.suspendDetected.connect(noticed.append)
    driver.poke()
    assert noticed == [slept_s]
    assert started == []
    assert (driver.state, engine.index) == (State.PAUSED, index)
    assert engine.status().step_remaining_s == remaining


def test_a_sleep_counted_by_the_engine_clock_still_keeps_the_step(
    qtbot: QtBot, qapp: object
) -> None:
    """Windows' monotonic clock counts sleep: the wake finds every deadline long past, and
    the step is still kept, paused as of the last wake, instead of skipped through."""
    clock = FakeClock()
    awake_s = [0.0]
    engine = Engine(timed_timeline([30.0, 20.0]), clock=clock)
    detector = SuspendDetector(monotonic=clock, boottime=clock, awake=lambda: awake_s[0])
    driver = EngineDriver(engine, suspend=detector)
    driver.jump(HOLD)
    clock.now += 4.0
    awake_s[0] += 4.0
    driver.poke()
    clock.now += 3600.0  # asleep, and the engine's clock counted it
    with qtbot.waitSignal(driver.suspendDetected) as blocker:
        driver.poke()
    assert blocker.args == [3600.0]
    assert (driver.state, engine.index) == (State.PAUSED, HOLD)
    assert driver.status().step_remaining_s == 26.0
