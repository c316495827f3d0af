"""The breathing pacer (engine clock, frames only while animating) and the holding countdown."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from piritimer.core.engine import State
from piritimer.core.timeline import StepKind
from piritimer.present.audience import Mode
from piritimer.present.holding import Countdown, HoldingTimer
from piritimer.present.keys import Action
from piritimer.present.pacer import BreathPacer, breath_fill
from piritimer.present.presentation import Presentation
from piritimer.qt.driver import EngineDriver

if TYPE_CHECKING:
    from tests.present.conftest import FakeClock


def test_breath_fill_rises_holds_and_falls() -> None:
    assert breath_fill(StepKind.INHALE, 0.0) == 0.0
    assert breath_fill(StepKind.INHALE, 0.5) == pytest.approx(0.5)
    assert breath_fill(StepKind.INHALE, 1.0) == 1.0
    assert breath_fill(StepKind.HOLD_IN, 0.3) == 1.0
    assert breath_fill(StepKind.EXHALE, 0.25) == pytest.approx(
        1 - breath_fill(StepKind.INHALE, 0.25)
    )
    assert breath_fill(StepKind.HOLD_OUT, 0.9) == 0.0
    assert breath_fill(StepKind.HOLD, 0.5) is None


def start_breathing(driver: EngineDriver) -> None:
    driver.start()
    driver.jump(next(s.index for s in driver.engine.timeline.steps if s.kind is StepKind.INHALE))


def test_pacer_reads_the_engine_clock(qtbot: QtBot, driver: EngineDriver, clock: FakeClock) -> None:
    pacer = BreathPacer(driver)
    qtbot.addWidget(pacer)
    pacer.show()
    start_breathing(driver)
    assert pacer.fill() == pytest.approx(0.0)
    clock.advance(2.0)  # half of a 4 s in-breath, with no timer having fired
    assert pacer.fill() == pytest.approx(0.5)
    clock.advance(2.0)
    driver.poke()
    assert driver.status().step.kind is StepKind.EXHALE
    clock.advance(6.0)
    assert pacer.fill() == pytest.approx(0.0)


def test_frames_run_only_while_a_breath_runs(
    qtbot: QtBot, driver: EngineDriver, clock: FakeClock
) -> None:
    pacer = BreathPacer(driver)
    qtbot.addWidget(pacer)
    pacer.show()
    assert not pacer.frame_timer.isActive()
    driver.start()  # a setup step: nothing to animate
    assert not pacer.frame_timer.isActive()
    start_breathing(driver)
    assert pacer.frame_timer.isActive()
    driver.pause()
    assert not pacer.frame_timer.isActive()
    driver.resume()
    assert pacer.frame_timer.isActive()
    pacer.hide()
    assert not pacer.frame_timer.isActive()
    pacer.show()
    driver.stop()
    assert not pacer.frame_timer.isActive()
    assert pacer.fill() is None


def test_countdown_moves_pauses_and_never_goes_negative() -> None:
    now = [100.0]
    countdown = Countdown(120, clock=lambda: now[0])
    assert countdown.seconds_left() == 120
    now[0] += 0.5
    assert countdown.seconds_left() == 120
    assert countdown.next_wakeup() == pytest.approx(101.0)
    countdown.add(60)
    assert countdown.seconds_left() == 180
    countdown.pause()
    now[0] += 1000
    assert countdown.seconds_left() == 180
    assert countdown.next_wakeup() is None
    countdown.resume()
    countdown.add(-600)
    assert countdown.seconds_left() == 0
    assert countdown.expired


def test_holding_timer_arms_for_the_next_second_only(qtbot: QtBot, clock: FakeClock) -> None:
    holding = HoldingTimer(3, clock)
    seen: list[int] = []
    holding.secondsLeftChanged.connect(seen.append)
    holding.begin()
    assert seen == [3]
    clock.advance(1.0)
    holding.poke()
    clock.advance(0.5)
    holding.poke()  # woke early: nothing new to say
    assert seen == [3, 2]
    clock.advance(1.5)
    with qtbot.waitSignal(holding.expired):
        holding.poke()
    assert seen == [3, 2, 0]


def test_holding_screen_counts_down_then_starts_by_itself(
    qtbot: QtBot, presentation: Presentation, driver: EngineDriver, clock: FakeClock
) -> None:
    presentation.hold(120)
    assert presentation.audience.mode is Mode.HOLDING
    assert presentation.audience.countdown.text() == "2:00"
    assert presentation.presenter is not None
    assert "starts in 2:00" in presentation.presenter.banner.text()
    clock.advance(45)
    assert presentation.holding is not None
    presentation.holding.poke()
    assert presentation.audience.countdown.text() == "1:15"
    clock.advance(75)
    with qtbot.waitSignal(driver.stateChanged):
        presentation.holding.poke()
    assert driver.state is State.RUNNING
    assert presentation.holding is None
    assert presentation.audience.mode is Mode.STEP
    assert not presentation.presenter.banner.text().startswith("Holding")


def test_teacher_adds_and_removes_minutes_and_can_start_at_once(
    qtbot: QtBot, presentation: Presentation, driver: EngineDriver
) -> None:
    presentation.hold(120)
    qtbot.keyClick(presentation.audience, Qt.Key.Key_Plus)
    assert presentation.audience.countdown.text() == "3:00"
    qtbot.keyClick(presentation.audience, Qt.Key.Key_Minus)
    qtbot.keyClick(presentation.audience, Qt.Key.Key_Minus)
    assert presentation.audience.countdown.text() == "1:00"
    assert presentation.presenter is not None
    presentation.presenter.buttons[Action.ADD_MINUTE].click()
    assert presentation.audience.countdown.text() == "2:00"
    qtbot.keyClick(presentation.audience, Qt.Key.Key_F5)
    assert driver.state is State.RUNNING
    assert driver.engine.index == 0
    assert presentation.holding is None


def test_blank_during_holding_pauses_the_wait(
    qtbot: QtBot, presentation: Presentation, clock: FakeClock
) -> None:
    presentation.hold(60)
    presentation.toggle_blank()
    clock.advance(500)
    assert presentation.holding is not None
    presentation.holding.poke()
    assert presentation.holding.seconds_left() == 60
    presentation.toggle_blank()
    assert presentation.audience.countdown.text() == "1:00"
    clock.advance(10)
    presentation.holding.poke()
    assert presentation.audience.countdown.text() == "0:50"


def test_starting_from_the_main_window_ends_the_holding_screen(
    presentation: Presentation, driver: EngineDriver
) -> None:
    presentation.hold(60)
    driver.start()
    assert presentation.holding is None
    assert presentation.audience.mode is Mode.STEP


def test_a_basic_clicker_starts_the_class_from_the_holding_screen(
    qtbot: QtBot, presentation: Presentation, driver: EngineDriver
) -> None:
    presentation.hold(120)
    presentation.toggle_blank()
    qtbot.keyClick(presentation.audience, Qt.Key.Key_PageDown)
    assert driver.state is State.RUNNING
    assert driver.engine.index == 0
    assert presentation.holding is None
    assert not presentation.blank
