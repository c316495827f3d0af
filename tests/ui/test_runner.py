"""A whole session through the window on a fake clock: what the person sees at each step."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from piritimer.core.engine import State
from piritimer.core.timeline import StepKind
from piritimer.ui.controls import Action
from piritimer.ui.main_window import MainWindow
from piritimer.ui.runner import RunnerPage
from piritimer.ui.services import Services
from piritimer.widgets.dial import DialMode
from tests.ui.helpers import FakeClock, advance


@dataclass(frozen=True)
class Seen:
    exercise: str
    instruction: str
    count: str
    position: str
    next: str
    detail: str = ""
    mode: DialMode = DialMode.TIMER


def seen(runner: RunnerPage) -> Seen:
    return Seen(
        exercise=runner.exercise_label.text(),
        instruction=runner.instruction_label.text(),
        count=runner.dial.center_text,
        position=runner.position_label.text(),
        next=runner.next_label.text(),
        detail=runner.detail_label.text(),
        mode=runner.dial.mode,
    )


def start(window: MainWindow, sessions_dir: Path, name: str) -> RunnerPage:
    window.show_preview(sessions_dir / name)
    window.preview_page.start_button.click()
    assert window.page is window.runner_page
    return window.runner_page


def test_a_breathing_session_from_start_to_finish(
    window: MainWindow, clock: FakeClock, sessions_dir: Path
) -> None:
    runner = start(window, sessions_dir, "quick.yaml")
    setup_cues = "• Sit tall\n• shoulders soft"
    assert seen(runner) == Seen(
        "Slow breaths", "Get into position", "5", "", "Next: Get ready · 3s", setup_cues
    )
    assert runner.time_left_label.text() == "0:38 left"
    assert runner.buttons[Action.TOGGLE].text() == "Pause"
    assert not runner.animating

    advance(window, clock, 1.0)
    assert runner.dial.center_text == "4"
    assert runner.time_left_label.text() == "0:37 left"
    assert runner.progress_bar.value() == round(1000 * 1 / 38)

    advance(window, clock, 4.0)
    assert seen(runner) == Seen(
        "Slow breaths", "Get ready", "3", "", "Next: Breathe in · 4s", "3 breaths"
    )

    advance(window, clock, 3.0)
    assert seen(runner) == Seen(
        "Slow breaths",
        "Breathe in",
        "4",
        "Breath 1 of 3",
        "Next: Breathe out · 6s",
        mode=DialMode.BREATH,
    )
    assert runner.dial.kind is StepKind.INHALE
    assert runner.animating
    assert runner.dial.fullness == pytest.approx(0.0)

    clock.now += 2.0  # half way through the in-breath; the frame reads the engine clock
    runner._frame.timeout.emit()
    assert runner.dial.fullness == pytest.approx(0.5)
    assert runner.dial.center_text == "2"

    advance(window, clock, 2.0)
    assert runner.instruction_label.text() == "Breathe out"
    assert runner.dial.kind is StepKind.EXHALE
    assert runner.dial.center_text == "6"
    assert runner.dial.fullness == pytest.approx(1.0)
    assert runner.next_label.text() == "Next: Breathe in · 4s"

    advance(window, clock, 6.0 + 10.0)
    assert runner.position_label.text() == "Breath 3 of 3"
    assert runner.instruction_label.text() == "Breathe in"

    advance(window, clock, 4.0)
    assert runner.next_label.text() == "Next: the end of the session"
    advance(window, clock, 6.0)
    assert window.driver.state is State.FINISHED
    assert window.page is window.runner_page
    assert seen(runner) == Seen(
        "Quick calm", "Session complete", "", "", "", "Well done.", DialMode.DONE
    )
    assert runner.time_left_label.text() == "0:38 done"
    assert runner.progress_bar.value() == 1000
    assert runner.buttons[Action.TOGGLE].text() == "Start again"
    assert not runner.animating


def test_timed_holds_sides_rests_and_a_wait_step(
    window: MainWindow, clock: FakeClock, sessions_dir: Path
) -> None:
    runner = start(window, sessions_dir, "hip-release.yaml")
    assert runner.image_view.path == sessions_dir / "figure-four.svg"
    assert runner.image_view.has_image()
    assert runner.image_view.isVisible()
    advance(window, clock, 10.0)
    assert seen(runner) == Seen(
        "Figure four",
        "Get ready",
        "3",
        "Left side",
        "Next: Hold · 20s",
        "Left side first. 2 × 20s hold",
    )
    advance(window, clock, 3.0)
    assert seen(runner) == Seen(
        "Figure four",
        "Hold",
        "20",
        "Left side · rep 1 of 2",
        "Next: Rest · 5s",
        "gently push the knee away",
    )
    assert not runner.animating  # a timed hold redraws once a second, not every frame
    advance(window, clock, 20.0)
    assert seen(runner) == Seen(
        "Figure four", "Rest", "5", "Left side · rep 1 of 2", "Next: Hold · 20s", "Next: rep 2 of 2"
    )
    advance(window, clock, 25.0)
    assert seen(runner).instruction == "Switch to the right side"
    assert runner.position_label.text() == "Right side"
    advance(window, clock, 8.0 + 20.0 + 5.0 + 20.0)
    assert seen(runner) == Seen(
        "Figure four",
        "Rest",
        "10",
        "",
        "Next: Wall breathing (get into position)",
        "Next: Wall breathing",
    )
    advance(window, clock, 10.0)
    assert window.driver.state is State.WAITING
    assert seen(runner) == Seen(
        "Wall breathing",
        "Get into position",
        "Ready?",
        "",
        "Next: Get ready · 3s",
        "• Back flat against the wall",
        DialMode.WAIT,
    )
    assert runner.image_view.path == sessions_dir / "wall-sit.svg"
    assert runner.buttons[Action.TOGGLE].text() == "I'm ready"
    assert runner.state_label.text().startswith("Take your time")
    left = runner.time_left_label.text()
    advance(window, clock, 300.0)  # a wait step waits, however long it takes
    assert window.driver.state is State.WAITING
    assert runner.time_left_label.text() == left
    runner.buttons[Action.TOGGLE].click()
    assert seen(runner).instruction == "Get ready"
    advance(window, clock, 3.0 + 4.0)
    assert runner.instruction_label.text() == "Hold the breath in"
    assert runner.dial.kind is StepKind.HOLD_IN
    assert runner.dial.fullness == 1.0
    assert not runner.animating  # a held breath is a still circle
    assert runner.detail_label.text() == ""


def test_pause_freezes_the_count_and_wakes_nothing(
    window: MainWindow, clock: FakeClock, sessions_dir: Path
) -> None:
    runner = start(window, sessions_dir, "quick.yaml")
    advance(window, clock, 8.0 + 1.0)
    assert runner.animating
    assert runner.dial.center_text == "3"
    runner.buttons[Action.TOGGLE].click()
    assert window.driver.state is State.PAUSED
    assert not runner.animating
    assert not window.driver._timer.isActive()
    assert runner.buttons[Action.TOGGLE].text() == "Resume"
    assert runner.state_label.text() == "Paused — press Space to go on"
    assert runner.dial.paused
    fullness = runner.dial.fullness
    advance(window, clock, 120.0)
    assert runner.dial.center_text == "3"
    assert runner.dial.fullness == fullness
    runner.buttons[Action.TOGGLE].click()
    assert runner.animating
    assert runner.state_label.text() == ""
    advance(window, clock, 3.0)
    assert runner.instruction_label.text() == "Breathe out"


def test_next_previous_and_restart_buttons(
    window: MainWindow, clock: FakeClock, sessions_dir: Path
) -> None:
    runner = start(window, sessions_dir, "quick.yaml")
    runner.buttons[Action.NEXT].click()
    assert runner.instruction_label.text() == "Get ready"
    runner.buttons[Action.NEXT].click()
    assert runner.instruction_label.text() == "Breathe in"
    advance(window, clock, 3.0)
    assert runner.dial.center_text == "1"
    runner.buttons[Action.RESTART_STEP].click()
    assert runner.dial.center_text == "4"
    runner.buttons[Action.PREVIOUS].click()
    assert runner.instruction_label.text() == "Get ready"


def test_stopping_asks_nothing_and_loses_nothing(
    qtbot: QtBot, window: MainWindow, clock: FakeClock, sessions_dir: Path
) -> None:
    runner = start(window, sessions_dir, "hip-release.yaml")
    advance(window, clock, 10.0 + 3.0 + 4.0)
    runner.buttons[Action.STOP].click()
    assert window.driver.state is State.STOPPED
    assert window.page is window.preview_page
    preview = window.preview_page
    assert preview.entry is not None
    assert preview.entry.title == "Hip release"
    assert not preview.resume_button.isHidden()
    assert preview.resume_button.text() == "Continue from Figure four · Hold"
    clock.now += 600.0
    preview.resume_button.click()
    assert window.page is window.runner_page
    assert window.driver.state is State.RUNNING
    assert runner.instruction_label.text() == "Hold"
    assert runner.position_label.text() == "Left side · rep 1 of 2"
    assert runner.dial.center_text == "20"
    preview.start_button.click()  # from the start again
    assert runner.instruction_label.text() == "Get into position"


def test_the_caption_line_shows_what_it_is_given(qtbot: QtBot, services: Services) -> None:
    runner = RunnerPage(services.driver)
    qtbot.addWidget(runner)
    assert runner.caption_label.isHidden()  # nothing fills it yet: it takes no room
    runner.set_captions_shown(True)
    runner.set_caption("Breathe in. Squeeze the roller.")
    assert runner.caption_label.text() == "Breathe in. Squeeze the roller."
    assert not runner.caption_label.isHidden()


def test_icons_are_drawn_once_per_theme_not_at_every_step(
    window: MainWindow, clock: FakeClock, sessions_dir: Path
) -> None:
    """Each drawn icon has its own cache key: over many boundaries only a handful may appear."""
    runner = start(window, sessions_dir, "hip-release.yaml")
    seen_icons: set[int] = set()
    boundaries = 0
    while window.driver.state is State.RUNNING and boundaries < 40:
        index = window.driver.engine.index
        window.driver.pause()  # the toggle shows "play", then "pause" again
        seen_icons |= {button.icon().cacheKey() for button in runner.buttons.values()}
        window.driver.resume()
        advance(window, clock, window.driver.engine.step.duration_s or 0.0)
        seen_icons |= {button.icon().cacheKey() for button in runner.buttons.values()}
        boundaries += window.driver.engine.index != index
    assert boundaries >= 10, "the session should pass many step boundaries"
    # Eight buttons, the toggle with three faces (play, pause, ready): at most ten drawings.
    assert len(seen_icons) <= 10
    window.apply_theme()  # the same theme again: nothing to redraw
    assert {button.icon().cacheKey() for button in runner.buttons.values()} <= seen_icons


def test_paused_is_unmistakable_the_page_dims_and_the_dial_says_so(
    window: MainWindow, clock: FakeClock, sessions_dir: Path
) -> None:
    runner = start(window, sessions_dir, "quick.yaml")
    assert not runner.dimmed
    runner.buttons[Action.TOGGLE].click()
    assert runner.dimmed
    assert runner.dial.paused
    band = runner.dial.paused_rect()
    # The banner spans nearly the whole dial and is far taller than the body text.
    assert band.width() >= runner.dial.width() * 0.9
    assert runner.dial.paused_font().pixelSize() >= 3 * runner.next_label.font().pixelSize()
    runner.buttons[Action.TOGGLE].click()
    assert not runner.dimmed


def test_setup_and_ready_counts_are_no_smaller_than_a_holds(
    window: MainWindow, clock: FakeClock, sessions_dir: Path
) -> None:
    window.resize(1366, 768)
    runner = start(window, sessions_dir, "hip-release.yaml")
    steps = window.driver.engine.timeline.steps
    assert runner.instruction_label.text() == "Get into position"
    assert runner.dial.mode is DialMode.TIMER
    setup_px = runner.dial.count_font().pixelSize()
    window.driver.jump(next(s.index for s in steps if s.kind is StepKind.HOLD))
    assert runner.dial.center_text == "20"
    hold_px = runner.dial.count_font().pixelSize()
    window.driver.jump(next(s.index for s in steps if s.waits))
    assert (runner.dial.mode, runner.dial.center_text) == (DialMode.WAIT, "Ready?")
    ready_px = runner.dial.count_font().pixelSize()
    assert setup_px >= hold_px
    assert ready_px >= hold_px


def test_a_click_or_tap_on_the_countdown_pauses_and_resumes(
    qtbot: QtBot, window: MainWindow, sessions_dir: Path
) -> None:
    runner = start(window, sessions_dir, "quick.yaml")
    qtbot.mouseClick(runner.dial, Qt.MouseButton.LeftButton)
    assert window.driver.state is State.PAUSED
    qtbot.mouseClick(runner.dial, Qt.MouseButton.LeftButton)
    assert window.driver.state is State.RUNNING
    qtbot.mouseClick(runner.dial, Qt.MouseButton.RightButton)
    assert window.driver.state is State.RUNNING
