"""Fixtures for the editor tests: a session file to edit, and scripted answers to questions."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from piritimer.editor import prompts
from piritimer.editor.window import EditorWindow
from tests.app_locale import locale_default
from tests.editor.helpers import FIXTURE, ScriptedPrompts


@pytest.fixture(autouse=True)
def english_numbers() -> Iterator[None]:
    """Numbers and dates as the English app writes them ("1,000", "3/1/26")."""
    with locale_default("en"):
        yield


@pytest.fixture(autouse=True)
def answers(monkeypatch: pytest.MonkeyPatch) -> ScriptedPrompts:
    """No test ever blocks on a modal dialog: every question goes to ScriptedPrompts."""
    scripted = ScriptedPrompts()
    names = ("ask_unsaved_changes", "confirm_save_with_errors", "ask_save_path", "show_error")
    for name in (*names, "ask_open_path", "ask_line"):
        monkeypatch.setattr(prompts, name, getattr(scripted, name))
    return scripted


@pytest.fixture
def session_file(tmp_path: Path) -> Path:
    """A copy of the hip-care fixture that the test may change."""
    folder = tmp_path / "my-sessions"
    folder.mkdir()
    return Path(shutil.copy(FIXTURE, folder / "hip-care.yaml"))


def _forget_changes(window: EditorWindow) -> None:
    # pytest-qt closes the window after the test: leave nothing for "unsaved changes?".
    window.editor.document().setModified(False)


@pytest.fixture
def make_editor(qtbot: QtBot) -> Callable[[Path | None], EditorWindow]:
    def make(path: Path | None) -> EditorWindow:
        window = EditorWindow(path)
        qtbot.addWidget(window, before_close_func=_forget_changes)
        window.show()
        return window

    return make
