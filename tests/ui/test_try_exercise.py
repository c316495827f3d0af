"""The editor's "Try this exercise" runs that exercise in the home window, through the real
windows as the composition root wires them."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from piritimer.core.engine import State
from piritimer.core.timeline import StepKind
from piritimer.editor.window import EditorWindow
from piritimer.ui.main_window import MainWindow
from piritimer.ui.services import Services
from tests.ui.helpers import FakeClock, advance


def open_editor_on(window: MainWindow, services: Services, path: Path) -> EditorWindow:
    window.show_preview(path)
    window.preview_page.edit_button.click()
    (editor,) = services.editors.windows
    return editor


def line_of(editor: EditorWindow, text: str) -> int:
    return next(n for n, line in enumerate(editor.text().splitlines(), 1) if text in line)


def exercises_in(window: MainWindow) -> set[str]:
    steps = window.driver.engine.timeline.steps
    return {step.exercise_name for step in steps if step.kind is not StepKind.DONE}


def test_the_try_button_runs_the_exercise_in_the_main_window(
    window: MainWindow, services: Services, clock: FakeClock, sessions_dir: Path
) -> None:
    editor = open_editor_on(window, services, sessions_dir / "hip-release.yaml")
    editor.editor.go_to(line_of(editor, "gently push the knee away"))
    assert editor.preview.try_button.text() == "▶  Try “Figure four”"
    assert window.driver.state is State.IDLE

    editor.preview.try_button.click()

    assert window.page is window.runner_page
    assert window.driver.state is State.RUNNING
    assert exercises_in(window) == {"Figure four"}
    assert window.driver.engine.index == 0
    assert window.runner_page.exercise_label.text() == "Figure four"
    advance(window, clock, 10.0 + 3.0)  # setup, then get ready
    assert window.driver.engine.step.kind is StepKind.HOLD
    assert window.runner_page.instruction_label.text() == window.driver.engine.step.title


def test_ctrl_t_replaces_a_running_try_with_the_exercise_under_the_cursor(
    qtbot: QtBot, window: MainWindow, services: Services, sessions_dir: Path
) -> None:
    editor = open_editor_on(window, services, sessions_dir / "hip-release.yaml")
    editor.editor.go_to(line_of(editor, "gently push the knee away"))
    editor.preview.try_button.click()
    assert exercises_in(window) == {"Figure four"}

    editor.editor.go_to(line_of(editor, "squeeze the roller"))
    # Trying raised the main window; the person goes back to the editor and presses Ctrl+T.
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow)  # shortcuts reach only the active window
    qtbot.keyClick(editor.editor, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)

    assert exercises_in(window) == {"Wall breathing"}
    assert window.driver.state is State.WAITING  # its setup waits for the person
    assert window.page is window.runner_page
