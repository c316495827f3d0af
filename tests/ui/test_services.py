"""The services the window is given: screen-saver inhibit, audio guide, presentation mode,
editors and sound settings, each passed in through the constructor (fakes where hardware
would be)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from piritimer import paths
from piritimer.app import build_window
from piritimer.audio.outputs import AudioOutputs, SilentSoundOutput
from piritimer.core.class_plan import load_for_presentation
from piritimer.core.engine import State
from piritimer.editor import prompts
from piritimer.editor.window import EditorWindow
from piritimer.ui.main_window import MainWindow
from piritimer.ui.services import Services
from tests.editor.helpers import ScriptedPrompts
from tests.ui.helpers import (
    FakeClock,
    FakeInhibitor,
    FakePresentation,
    FakePresenter,
    advance,
)


def fake_inhibitor(services: Services) -> FakeInhibitor:
    inhibitor = services.keep_awake.inhibitor
    assert isinstance(inhibitor, FakeInhibitor)
    return inhibitor


def fake_presenter(services: Services) -> FakePresenter:
    assert isinstance(services.present, FakePresenter)
    return services.present


def test_the_screen_saver_is_held_off_only_while_a_session_runs(
    window: MainWindow, services: Services, clock: FakeClock, sessions_dir: Path
) -> None:
    fake = fake_inhibitor(services)
    assert fake.calls == []
    window.show_preview(sessions_dir / "hip-release.yaml")
    window.start_session()
    assert fake.calls == ["inhibit: Guiding an exercise session"]
    window.driver.pause()
    assert fake.calls[-1] == "release"
    window.driver.resume()
    advance(window, clock, 10 + 3 + 20 + 5 + 20 + 8 + 20 + 5 + 20 + 10)
    assert window.driver.state is State.WAITING  # still held off while waiting for the person
    assert fake.calls == [
        "inhibit: Guiding an exercise session",
        "release",
        "inhibit: Guiding an exercise session",
    ]
    window.driver.stop()
    assert fake.calls[-1] == "release"
    window.start_session()
    window.close()
    assert fake.calls[-1] == "release"
    assert not fake.active


def test_the_platform_inhibitor_arriving_mid_session_takes_over_the_hold(
    window: MainWindow, services: Services, sessions_dir: Path
) -> None:
    first = fake_inhibitor(services)
    window.show_preview(sessions_dir / "quick.yaml")
    window.start_session()
    platform = FakeInhibitor()
    window.keep_awake.use(platform)
    assert first.calls[-1] == "release"
    assert platform.calls == ["inhibit: Guiding an exercise session"]
    window.driver.stop()
    assert platform.calls[-1] == "release"


def test_the_audio_guide_shows_captions_and_notices(window: MainWindow, sessions_dir: Path) -> None:
    window.show_preview(sessions_dir / "quick.yaml")
    window.start_session()
    assert window.runner_page.caption_label.isVisibleTo(window)
    window.audio_guide.caption.emit("Breathe in.")
    assert window.runner_page.caption_label.text() == "Breathe in."
    window.audio_guide.notice.emit("No sound device: sounds are off.")
    assert window.statusBar().currentMessage() == "No sound device: sounds are off."


def test_a_problem_of_the_outputs_opened_later_shows_in_the_status_bar(
    window: MainWindow, services: Services, sessions_dir: Path
) -> None:
    window.show_preview(sessions_dir / "quick.yaml")
    window.start_session()
    broken = AudioOutputs(sounds=SilentSoundOutput("No sound device was found."))
    services.audio.set_outputs(broken)
    assert window.statusBar().currentMessage().startswith("No sound device was found.")


def test_editing_and_a_new_session_open_editors_through_the_registry(
    window: MainWindow, services: Services, sessions_dir: Path
) -> None:
    path = sessions_dir / "quick.yaml"
    window.show_preview(path)
    assert window.edit_current()
    (editor,) = services.editors.windows
    assert isinstance(editor, EditorWindow)
    assert editor.document.path == path
    window.preview_page.edit_button.click()
    assert services.editors.windows == [editor]  # the same file is not opened twice
    window.new_session()
    assert len(services.editors.windows) == 2
    assert services.editors.windows[1].document.path is None


def test_presentation_mode_gets_the_session_and_the_captions(
    window: MainWindow, services: Services, sessions_dir: Path
) -> None:
    presenter = fake_presenter(services)
    presentation = FakePresentation()
    presenter.answer = presentation
    window.show_preview(sessions_dir / "quick.yaml")
    assert window.open_presentation(2)
    assert presenter.calls == [("Quick calm", 2, None)]
    window.audio_guide.caption.emit("Rest.")
    assert presentation.captions == ["Rest."]
    assert window.runner_page.caption_label.text() == "Rest."


def test_a_cancelled_or_impossible_presentation_is_reported(
    window: MainWindow, services: Services, sessions_dir: Path
) -> None:
    presenter = fake_presenter(services)
    window.show_preview(sessions_dir / "quick.yaml")
    presenter.answer = None  # the teacher cancelled the screen picker
    assert not window.open_presentation(None)
    presenter.answer = ValueError("there is no screen 3; screens: 1 (eDP-1), 2 (HDMI-1)")
    assert not window.open_presentation(3)
    assert window.statusBar().currentMessage().startswith("there is no screen 3")


def test_present_a_class_file_opens_on_its_holding_screen(
    window: MainWindow, services: Services
) -> None:
    presenter = fake_presenter(services)
    prepared = load_for_presentation(paths.bundled_sessions_dir() / "classes" / "hip-class.yaml")
    assert prepared.session is not None
    assert window.open_presentation(2, prepared)
    assert presenter.calls == [(prepared.session.title, 2, prepared.starts_in_s)]
    assert window.driver.engine.timeline.session is prepared.session


def test_sound_and_voice_settings_open_from_the_window_and_persist(
    window: MainWindow,
) -> None:
    from piritimer.audio.settings_dialog import AudioSettingsDialog
    from piritimer.audio.settings_store import load_audio_settings

    assert window.audio_action.isVisible()
    assert window.audio_action.iconText() == "Sound & voice"  # not a mnemonic "&"
    window.audio_action.trigger()
    dialog = window.findChild(AudioSettingsDialog)
    assert dialog is not None
    dialog.sounds_on.setChecked(False)
    assert not load_audio_settings(window.settings).sounds_on
    assert not window.audio_guide.settings.sounds_on


def test_closing_the_main_window_asks_its_editors_about_unsaved_changes(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, window: MainWindow, sessions_dir: Path
) -> None:
    answers = ScriptedPrompts()
    # The editor's questions are plain functions so that tests answer them (see prompts).
    monkeypatch.setattr(prompts, "ask_unsaved_changes", answers.ask_unsaved_changes)
    window.show_preview(sessions_dir / "quick.yaml")
    assert window.edit_current()
    (editor,) = window.editors.windows
    editor.editor.insertPlainText("# a note\n")
    answers.unsaved = prompts.UnsavedChoice.CANCEL
    assert not window.close()
    assert window.isVisible()
    assert editor.isVisible()
    assert answers.asked == ["unsaved quick.yaml"]
    answers.unsaved = prompts.UnsavedChoice.DISCARD
    assert window.close()
    assert not window.isVisible()


def test_what_went_wrong_while_building_the_services_is_told_in_the_window(
    qtbot: QtBot, services: Services
) -> None:
    told = replace(services, startup_notices=("The settings file was kept aside.",))
    window = build_window(told, restore=False)
    qtbot.addWidget(window)
    assert window.statusBar().currentMessage() == "The settings file was kept aside."


def test_a_sleep_mid_session_is_told_in_the_window(window: MainWindow) -> None:
    window.driver.suspendDetected.emit(3600.4)
    message = window.statusBar().currentMessage()
    assert message.startswith("The computer slept for 1h00m. The session is paused")
