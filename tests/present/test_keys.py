"""Clicker keys: each key a presentation clicker sends, on the audience view and anywhere else
in the app while the mode is open."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QLineEdit, QWidget
from pytestqt.qtbot import QtBot
from shiboken6 import isValid

from piritimer.core.engine import State
from piritimer.present.presentation import Presentation
from piritimer.qt.driver import EngineDriver

if TYPE_CHECKING:
    from tests.present.conftest import FakeClock

Key = Qt.Key
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def other_window(qtbot: QtBot) -> QWidget:
    """Stands in for the home window: keys typed there still drive the presentation."""
    window = QWidget()
    qtbot.addWidget(window)
    window.show()
    return window


def targets(presentation: Presentation, other: QWidget) -> list[QWidget]:
    assert presentation.presenter is not None
    return [presentation.audience, presentation.presenter, other]


@pytest.mark.parametrize("key", [Key.Key_PageDown, Key.Key_Right])
@pytest.mark.parametrize("where", [0, 1, 2])
def test_next_keys_start_then_advance(
    qtbot: QtBot, presentation: Presentation, other_window: QWidget, key: Key, where: int
) -> None:
    widget = targets(presentation, other_window)[where]
    driver = presentation.driver
    qtbot.keyClick(widget, key)
    assert driver.state is State.RUNNING  # before the start, "next" starts: clickers lack F5
    assert driver.engine.index == 0
    qtbot.keyClick(widget, key)
    assert driver.engine.index == 1


@pytest.mark.parametrize("key", [Key.Key_PageUp, Key.Key_Left])
def test_previous_keys_go_back(qtbot: QtBot, presentation: Presentation, key: Key) -> None:
    driver = presentation.driver
    driver.start()
    driver.jump(3)
    qtbot.keyClick(presentation.audience, key)
    assert driver.engine.index == 2
    assert driver.state is State.RUNNING


def test_next_on_a_wait_step_means_ready(
    qtbot: QtBot, presentation: Presentation, driver: EngineDriver
) -> None:
    driver.start()
    wait_index = next(s.index for s in driver.engine.timeline.steps if s.waits)
    driver.jump(wait_index)
    assert driver.state is State.WAITING
    qtbot.keyClick(presentation.audience, Key.Key_PageDown)
    assert driver.engine.index == wait_index + 1
    assert driver.state is State.RUNNING


@pytest.mark.parametrize("key", [Key.Key_B, Key.Key_Period])
def test_blank_pauses_and_unblank_stays_paused(
    qtbot: QtBot, presentation: Presentation, other_window: QWidget, key: Key
) -> None:
    driver = presentation.driver
    driver.start()
    with qtbot.waitSignal(presentation.blankChanged) as blanked:
        qtbot.keyClick(presentation.audience, key)
    assert blanked.args == [True]
    assert presentation.audience.blank
    assert not presentation.audience.instruction.isVisible()
    assert driver.state is State.PAUSED
    qtbot.keyClick(other_window, key)
    assert not presentation.blank
    assert presentation.audience.instruction.isVisible()
    assert driver.state is State.PAUSED


def test_f5_starts_from_the_beginning(
    qtbot: QtBot, presentation: Presentation, driver: EngineDriver
) -> None:
    driver.start()
    driver.jump(4)
    driver.pause()
    qtbot.keyClick(presentation.audience, Key.Key_F5)
    assert driver.engine.index == 0
    assert driver.state is State.RUNNING


def test_shift_f5_resumes_from_the_current_step(
    qtbot: QtBot, presentation: Presentation, driver: EngineDriver, clock: FakeClock
) -> None:
    driver.start()
    driver.jump(4)
    clock.advance(2)
    driver.poke()
    driver.pause()
    left = driver.status().step_remaining_s
    clock.advance(30)
    qtbot.keyClick(presentation.audience, Key.Key_F5, SHIFT)
    assert driver.state is State.RUNNING
    assert driver.engine.index == 4
    assert driver.status().step_remaining_s == left


def test_shift_f5_after_stop_starts_where_it_stopped(
    qtbot: QtBot, presentation: Presentation, driver: EngineDriver
) -> None:
    driver.start()
    driver.jump(5)
    driver.stop()
    qtbot.keyClick(presentation.presenter, Key.Key_F5, SHIFT)  # type: ignore[arg-type]
    assert driver.engine.index == 5
    assert driver.state is State.RUNNING


def test_space_toggles(qtbot: QtBot, presentation: Presentation, driver: EngineDriver) -> None:
    qtbot.keyClick(presentation.audience, Key.Key_Space)
    assert driver.state is State.RUNNING
    qtbot.keyClick(presentation.audience, Key.Key_Space)
    assert driver.state is State.PAUSED
    qtbot.keyClick(presentation.presenter, Key.Key_Space)  # type: ignore[arg-type]
    assert driver.state is State.RUNNING


def test_escape_leaves_and_keeps_the_engine_state(
    qtbot: QtBot, presentation: Presentation, driver: EngineDriver, other_window: QWidget
) -> None:
    driver.start()
    driver.jump(3)
    with qtbot.waitSignal(presentation.closed):
        qtbot.keyClick(presentation.audience, Key.Key_Escape)
    for window in (presentation.audience, presentation.presenter):
        assert window is not None
        assert not isValid(window) or not window.isVisible()
    with qtbot.waitSignal(presentation.audience.destroyed):
        pass
    assert driver.state is State.RUNNING
    assert driver.engine.index == 3
    qtbot.keyClick(other_window, Key.Key_PageDown)  # the filter went with the mode
    assert driver.engine.index == 3


def test_typing_in_a_text_field_is_left_alone(
    qtbot: QtBot, presentation: Presentation, driver: EngineDriver
) -> None:
    field = QLineEdit()
    qtbot.addWidget(field)
    field.show()
    qtbot.keyClicks(field, "b. ")
    assert field.text() == "b. "
    assert driver.state is State.IDLE
    assert not presentation.blank


def test_chords_are_not_clicker_keys(
    qtbot: QtBot, presentation: Presentation, driver: EngineDriver
) -> None:
    qtbot.keyClick(presentation.audience, Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(presentation.audience, Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert not presentation.blank
    assert driver.state is State.IDLE


def test_clicker_keys_win_over_the_apps_own_shortcuts(
    qtbot: QtBot, presentation: Presentation, other_window: QWidget, driver: EngineDriver
) -> None:
    fired: list[bool] = []
    shortcut = QShortcut(QKeySequence(Key.Key_Space), other_window)
    shortcut.setContext(Qt.ShortcutContext.ApplicationShortcut)
    shortcut.activated.connect(lambda: fired.append(True))
    qtbot.keyClick(other_window, Key.Key_Space)
    assert fired == []
    assert driver.state is State.RUNNING
