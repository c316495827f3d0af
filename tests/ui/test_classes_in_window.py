"""Class files in the home window: listed as classes, previewed with their real length,
presented from the window, and presentable again after leaving presentation mode."""

from __future__ import annotations

import shutil
from functools import partial
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent
from pytestqt.qtbot import QtBot

from piritimer import paths
from piritimer.app import open_presentation
from piritimer.core.engine import State
from piritimer.present.keys import Action
from piritimer.present.presentation import Presentation
from piritimer.remote.service import RemoteService
from piritimer.ui.library import LibraryModel
from piritimer.ui.main_window import MainWindow
from piritimer.ui.services import Services
from tests.ui.helpers import FakeClock, FakeInhibitor, FakePresenter, advance


def copy_class(sessions_dir: Path) -> Path:
    """A class of the fixtures' quick session, twice, with a one-minute holding screen."""
    path = sessions_dir / "quick-twice.yaml"
    path.write_text(
        "class: Quick, twice\nstarts in: 1m\nrepeat: 2\nsessions: [quick.yaml]\n", encoding="utf-8"
    )
    return path


def test_the_library_lists_a_class_as_a_class(
    qtbot: QtBot, window: MainWindow, sessions_dir: Path
) -> None:
    path = copy_class(sessions_dir)
    entry = window.library.reload(path)
    assert entry is not None
    assert entry.is_class
    assert entry.usable
    assert entry.kind_text == "Class · 1 session ×2"
    window.library_page.rebuild()
    card = window.library_page.card_for(path)
    assert card is not None
    assert card.meta_label.text().startswith("Class · 1 session ×2 · ")
    quick = window.library.entry(sessions_dir / "quick.yaml")
    assert quick is not None
    assert entry.exercise_count == 2 * quick.exercise_count


def test_the_bundled_classes_are_in_the_library(qtbot: QtBot) -> None:
    model = LibraryModel([paths.bundled_classes_dir()], bundled_folder=paths.bundled_sessions_dir())
    qtbot.waitUntil(lambda: not model.scanning, timeout=20_000)
    classes = [e for e in model.entries() if e.is_class]
    assert {e.path.name for e in classes} == {"hip-class.yaml", "warm-up-twice.yaml"}
    assert all(e.bundled and e.usable and e.exercise_count > 0 for e in classes)


def test_a_class_opened_in_the_window_previews_and_presents_with_its_wait(
    window: MainWindow, services: Services, sessions_dir: Path
) -> None:
    path = copy_class(sessions_dir)
    window.open_file(path)
    assert window.preview_page.start_button.isEnabled()
    assert "0 exercises" not in window.preview_page.meta_label.text()
    assert window.present_action.isEnabled()
    presenter = services.present
    assert isinstance(presenter, FakePresenter)
    assert window.open_presentation(None)
    assert presenter.calls == [("Quick, twice", None, 60.0)]


def test_present_again_after_leaving(
    qtbot: QtBot, window: MainWindow, sessions_dir: Path, services: Services
) -> None:
    """The real presentation mode (one offscreen screen): Esc, then Present, twice over."""
    window.services = Services(**{**vars(services), "present": open_presentation})
    window.open_file(copy_class(sessions_dir))
    for _ in range(2):
        window.present_action.trigger()
        shown = window.presentation
        assert isinstance(shown, Presentation)
        assert shown.is_open
        assert shown.holding is not None  # a class opens on its holding screen
        shown.perform(Action.LEAVE)  # what Esc does
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        assert window.present_action.isEnabled()
    window.audio_guide.caption.emit("Rest.")  # the voice still talks to the closed ones


def test_a_bundled_class_from_the_command_line_stays_presentable(
    tmp_path: Path, window: MainWindow
) -> None:
    path = tmp_path / "hip-class.yaml"
    shutil.copy(paths.bundled_classes_dir() / "hip-class.yaml", path)
    window.open_file(path)
    entry = window.current_entry()
    assert entry is not None
    assert entry.is_class
    assert window.present_action.isEnabled()


def test_the_screen_stays_awake_from_the_holding_screen_to_the_end(
    window: MainWindow, sessions_dir: Path, services: Services, clock: FakeClock
) -> None:
    """Held on the holding screen (no session running yet), blanked and paused, and let go
    when the class is over or the mode is left."""
    inhibitor = services.keep_awake.inhibitor
    assert isinstance(inhibitor, FakeInhibitor)
    window.services = Services(**{**vars(services), "present": open_presentation})
    window.open_file(copy_class(sessions_dir))
    window.present_action.trigger()
    shown = window.presentation
    assert isinstance(shown, Presentation)
    assert shown.holding is not None
    assert window.driver.state is State.IDLE
    assert inhibitor.active  # the holding screen
    shown.perform(Action.START)
    shown.perform(Action.BLANK)
    assert window.driver.state is State.PAUSED
    assert inhibitor.active  # blanked and paused
    shown.perform(Action.BLANK)
    shown.perform(Action.TOGGLE)
    while window.driver.state is not State.FINISHED:
        advance(window, clock, 30.0)
        if window.driver.state is State.WAITING:
            window.driver.ready()
    assert not inhibitor.active  # the class is over
    shown.perform(Action.LEAVE)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    window.present_action.trigger()
    again = window.presentation
    assert isinstance(again, Presentation)
    assert again is not shown
    again.perform(Action.LEAVE)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not inhibitor.active


def test_the_remote_serves_each_presentation_and_stays_off(
    window: MainWindow, sessions_dir: Path, services: Services
) -> None:
    remote = RemoteService()
    window.services = Services(
        **{**vars(services), "present": partial(open_presentation, remote=remote)}
    )
    assert remote.server is None  # nothing of it loaded or listening before the mode opens
    window.open_file(copy_class(sessions_dir))
    window.present_action.trigger()
    assert remote.server is not None
    assert remote.server.presentation is window.presentation
    assert not remote.server.running
    shown = window.presentation
    assert isinstance(shown, Presentation)
    shown.perform(Action.LEAVE)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert remote.server.presentation is None
