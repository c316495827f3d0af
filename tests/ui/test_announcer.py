"""Screen-reader announcements: each step's start, then 10 and 5 seconds left, never more."""

from __future__ import annotations

from pathlib import Path

from piritimer.core.engine import State
from piritimer.core.timeline import StepKind
from piritimer.ui.announcer import milestone_announcement, start_announcement
from piritimer.ui.controls import Action
from piritimer.ui.main_window import MainWindow
from tests.sessions_for_tests import two_exercise_timeline
from tests.ui.helpers import FakeClock, advance


def test_what_each_step_start_says() -> None:
    steps = two_exercise_timeline().steps
    assert start_announcement(steps[0]) == "Get into position. Figure four. Left side. 10s."
    assert start_announcement(steps[2]) == "Hold. Left side, rep 1 of 2. 30s."
    waiting = next(s for s in steps if s.waits)
    assert start_announcement(waiting).endswith("Press Space when you are ready.")
    assert start_announcement(steps[-1]) == "Session complete."


def test_milestones_only_where_they_are_news() -> None:
    hold = next(s for s in two_exercise_timeline().steps if s.kind is StepKind.HOLD)
    said = [milestone_announcement(hold, left) for left in range(30, -1, -1)]
    assert [text for text in said if text] == ["10 seconds left.", "5 seconds left."]
    rest = next(s for s in two_exercise_timeline().steps if s.duration_s == 5.0)
    assert milestone_announcement(rest, 5) is None  # its own start says as much


def test_a_whole_session_is_announced_at_milestones_never_every_second(
    window: MainWindow, clock: FakeClock, sessions_dir: Path
) -> None:
    said: list[str] = []
    window.runner_page.announcer.announced.connect(said.append)
    window.show_preview(sessions_dir / "hip-release.yaml")
    window.start_session()
    seconds = 0
    while window.driver.state is not State.FINISHED and seconds < 400:
        if window.driver.state is State.WAITING:
            window.driver.ready()
        advance(window, clock, 1.0)
        seconds += 1
    assert window.driver.state is State.FINISHED
    steps = len(window.driver.engine.timeline.steps)
    assert len([t for t in said if not t.endswith("seconds left.")]) == steps
    assert said.count("10 seconds left.") == 4  # the four 20 s holds
    assert len(said) < steps + 12
    assert said[-1] == "Session complete."


def test_every_runner_button_has_a_name_even_as_an_icon(window: MainWindow) -> None:
    runner = window.runner_page
    window.resize(640, 480)  # narrow: the secondary buttons lose their words
    for action, button in runner.buttons.items():
        assert button.accessibleName(), action
    assert runner.buttons[Action.TOGGLE].accessibleName() == "Start"
    assert runner.dial.accessibleName()
    assert runner.progress_bar.accessibleName()
