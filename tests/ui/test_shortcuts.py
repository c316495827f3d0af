"""Every key the window promises, pressed as a person would press it."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from piritimer.core.engine import State
from piritimer.ui.controls import CONTROLS, Action
from piritimer.ui.main_window import MainWindow
from tests.ui.helpers import FakeClock, advance

Key = Qt.Key


@pytest.fixture
def active(qtbot: QtBot, window: MainWindow, sessions_dir: Path) -> MainWindow:
    window.show_preview(sessions_dir / "quick.yaml")
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window


def press(qtbot: QtBot, window: MainWindow, key: Qt.Key, text_modifier: bool = False) -> None:
    modifier = (
        Qt.KeyboardModifier.ShiftModifier if text_modifier else Qt.KeyboardModifier.NoModifier
    )
    target = QApplication.focusWidget() or window
    qtbot.keyClick(target, key, modifier)


def test_space_starts_pauses_resumes_and_says_ready(
    qtbot: QtBot, active: MainWindow, clock: FakeClock, sessions_dir: Path
) -> None:
    press(qtbot, active, Key.Key_Space)
    assert active.driver.state is State.RUNNING
    assert active.page is active.runner_page
    press(qtbot, active, Key.Key_Space)
    assert active.driver.state is State.PAUSED
    press(qtbot, active, Key.Key_Space)
    assert active.driver.state is State.RUNNING
    active.show_preview(sessions_dir / "hip-release.yaml")
    press(qtbot, active, Key.Key_Space)
    advance(active, clock, 10 + 3 + 20 + 5 + 20 + 8 + 20 + 5 + 20 + 10)
    assert active.driver.state is State.WAITING
    press(qtbot, active, Key.Key_Space)
    assert active.driver.state is State.RUNNING
    assert active.runner_page.instruction_label.text() == "Get ready"


def test_arrows_r_and_escape(qtbot: QtBot, active: MainWindow, clock: FakeClock) -> None:
    runner = active.runner_page
    press(qtbot, active, Key.Key_Space)
    press(qtbot, active, Key.Key_Right)
    assert runner.instruction_label.text() == "Get ready"
    press(qtbot, active, Key.Key_Right)
    assert runner.instruction_label.text() == "Breathe in"
    advance(active, clock, 3.0)
    press(qtbot, active, Key.Key_R)
    assert runner.dial.center_text == "4"
    press(qtbot, active, Key.Key_Left)
    assert runner.instruction_label.text() == "Get ready"
    press(qtbot, active, Key.Key_Escape)
    assert active.driver.state is State.STOPPED
    assert active.page is active.preview_page
    press(qtbot, active, Key.Key_Escape)
    assert active.page is active.library_page


@pytest.mark.parametrize("key", [Key.Key_F, Key.Key_F11])
def test_f_and_f11_toggle_full_screen(qtbot: QtBot, active: MainWindow, key: Qt.Key) -> None:
    press(qtbot, active, key)
    qtbot.waitUntil(active.isFullScreen)
    press(qtbot, active, key)
    qtbot.waitUntil(lambda: not active.isFullScreen())


def test_escape_leaves_full_screen_outside_the_runner(qtbot: QtBot, active: MainWindow) -> None:
    press(qtbot, active, Key.Key_F)
    qtbot.waitUntil(active.isFullScreen)
    press(qtbot, active, Key.Key_Escape)
    qtbot.waitUntil(lambda: not active.isFullScreen())
    assert active.page is active.preview_page


@pytest.mark.parametrize(("key", "shifted"), [(Key.Key_Question, True), (Key.Key_F1, False)])
def test_question_mark_and_f1_show_the_keys(
    qtbot: QtBot, active: MainWindow, key: Qt.Key, shifted: bool
) -> None:
    overlay = active.help_overlay
    press(qtbot, active, key, shifted)
    assert overlay.isVisible()
    listed = [keys for keys, _words in overlay.rows]
    assert listed == [control.keys_text for control in CONTROLS] + ["Ctrl+O"]
    press(qtbot, active, Key.Key_Space)  # any key closes it and does nothing else
    assert not overlay.isVisible()
    assert active.driver.state is State.IDLE


def test_keys_typed_into_the_filter_stay_there(qtbot: QtBot, active: MainWindow) -> None:
    active.show_library()
    edit = active.library_page.filter_edit
    edit.setFocus()
    qtbot.keyClicks(edit, "fr ?")
    assert edit.text() == "fr ?"
    assert not active.isFullScreen()
    assert not active.help_overlay.isVisible()


def test_every_control_has_a_button_tooltip_naming_its_keys(active: MainWindow) -> None:
    buttons = active.runner_page.buttons
    assert set(buttons) == set(Action)
    for control in CONTROLS:
        tooltip = buttons[control.action].toolTip()
        assert control.keys_text in tooltip
        assert control.help in tooltip
    assert CONTROLS[0].keys_text == "Left or PgUp or Media Previous"
    assert next(c for c in CONTROLS if c.action is Action.FULL_SCREEN).keys_text == "F or F11"


def test_runner_buttons_for_full_screen_and_help(qtbot: QtBot, active: MainWindow) -> None:
    active.start_session()
    active.runner_page.buttons[Action.HELP].click()
    assert active.help_overlay.isVisible()
    active.runner_page.buttons[Action.HELP].click()
    assert not active.help_overlay.isVisible()
    active.runner_page.buttons[Action.FULL_SCREEN].click()
    qtbot.waitUntil(active.isFullScreen)


def test_clicker_keys_drive_the_session(qtbot: QtBot, active: MainWindow) -> None:
    runner = active.runner_page
    press(qtbot, active, Key.Key_B)  # a clicker's "black screen" key: play/pause
    assert active.driver.state is State.RUNNING
    press(qtbot, active, Key.Key_PageDown)
    assert runner.instruction_label.text() == "Get ready"
    press(qtbot, active, Key.Key_PageUp)
    assert runner.instruction_label.text() == "Get into position"
    press(qtbot, active, Key.Key_B)
    assert active.driver.state is State.PAUSED


# Offscreen QTest has no text for the toggle key and says so; the key itself arrives.
@pytest.mark.qt_log_ignore("keyToAscii Unhandled key code")
@pytest.mark.parametrize("play", [Key.Key_MediaPlay, Key.Key_MediaTogglePlayPause])
def test_media_keys_drive_the_session(qtbot: QtBot, active: MainWindow, play: Qt.Key) -> None:
    runner = active.runner_page
    press(qtbot, active, play)
    assert active.driver.state is State.RUNNING
    press(qtbot, active, Key.Key_MediaNext)
    assert runner.instruction_label.text() == "Get ready"
    press(qtbot, active, Key.Key_MediaPrevious)
    assert runner.instruction_label.text() == "Get into position"
    press(qtbot, active, play)
    assert active.driver.state is State.PAUSED
    press(qtbot, active, Key.Key_MediaStop)
    assert active.driver.state is State.STOPPED


@pytest.mark.parametrize("key", [Key.Key_W, Key.Key_I])
def test_where_am_i_is_one_key(qtbot: QtBot, active: MainWindow, key: Qt.Key) -> None:
    press(qtbot, active, Key.Key_Space)
    with qtbot.waitSignal(active.audio_guide.caption) as blocker:
        press(qtbot, active, key)
    assert blocker.args == ["Slow breaths. Get into position. 5 seconds left. Next: get ready."]
    assert active.runner_page.caption_label.text() == blocker.args[0]
