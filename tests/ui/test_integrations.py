"""The optional parts: used when their modules exist, silently absent when they do not."""

from __future__ import annotations

import importlib.machinery
import sys
import types
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QObject, QSettings, Signal
from pytestqt.qtbot import QtBot

from piritimer.core.engine import State
from piritimer.core.model import Session
from piritimer.qt.driver import EngineDriver
from piritimer.ui import integrations
from piritimer.ui.library import LibraryModel
from piritimer.ui.main_window import MainWindow
from tests.ui.helpers import FakeClock, advance


def install(monkeypatch: pytest.MonkeyPatch, name: str, **members: Any) -> types.ModuleType:
    module = types.ModuleType(name)
    module.__spec__ = importlib.machinery.ModuleSpec(name, None)
    for key, value in members.items():
        setattr(module, key, value)
    monkeypatch.setitem(sys.modules, name, module)
    return module


class FakeInhibitor:
    def __init__(self) -> None:
        self.calls: list[str] = []

    def inhibit(self, reason: str) -> None:
        self.calls.append(f"inhibit: {reason}")

    def release(self) -> None:
        self.calls.append("release")


class FakePresentation:
    def __init__(self) -> None:
        self.captions: list[str] = []

    def show_caption(self, text: str) -> None:
        self.captions.append(text)


class FakeAudioSettings:
    pass


class FakeGuide(QObject):
    caption = Signal(str)
    notice = Signal(str)
    made: list[FakeGuide] = []

    def __init__(self, driver: EngineDriver, settings: object, parent: QObject) -> None:
        super().__init__(parent)
        self.driver, self.settings = driver, settings
        self.sessions: list[Session] = []
        self.outputs: object | None = None
        FakeGuide.made.append(self)

    def set_outputs(self, outputs: object) -> None:
        self.outputs = outputs

    def set_session(self, session: Session) -> None:
        self.sessions.append(session)


OPTIONAL = (
    "piritimer.editor",
    "piritimer.present",
    "piritimer.audio.guide",
    "piritimer.audio.settings_dialog",
    "piritimer.audio.hardware",
    "piritimer.platform.inhibit",
)


@pytest.fixture
def without_optional_modules(monkeypatch: pytest.MonkeyPatch) -> None:
    """As if the optional modules were never written (None in sys.modules blocks an import)."""
    for name in OPTIONAL:
        monkeypatch.setitem(sys.modules, name, None)


@pytest.mark.usefixtures("without_optional_modules")
def test_without_the_optional_modules_the_window_still_works(
    qtbot: QtBot, clock: FakeClock, library: LibraryModel, settings: QSettings, sessions_dir: Path
) -> None:
    window = MainWindow(clock=clock, library=library, settings=settings, restore=False)
    qtbot.addWidget(window)
    window.show()
    assert not any(integrations.available(name) for name in OPTIONAL)
    window.start_services()
    assert window.audio_guide is None
    assert isinstance(window.inhibitor, integrations.NullInhibitor)
    window.show_preview(sessions_dir / "quick.yaml")
    assert window.start_session()
    advance(window, clock, 5.0)
    assert not window.edit_current()
    assert not window.open_presentation(None)
    assert not window.open_audio()
    assert not window.edit_action.isVisible()
    assert not window.present_action.isVisible()
    assert not window.audio_action.isVisible()


@pytest.fixture
def without_audio(monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep the real sound device and speech engine out of tests about something else."""
    for name in ("piritimer.audio.guide", "piritimer.audio.hardware"):
        monkeypatch.setitem(sys.modules, name, None)


@pytest.mark.usefixtures("without_audio")
def test_the_screen_saver_is_held_off_only_while_a_session_runs(
    monkeypatch: pytest.MonkeyPatch, window: MainWindow, clock: FakeClock, sessions_dir: Path
) -> None:
    fake = FakeInhibitor()
    install(monkeypatch, "piritimer.platform.inhibit", create_inhibitor=lambda: fake)
    window.start_services()
    assert window.inhibitor is fake
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


def test_the_audio_guide_is_loaded_after_first_paint_and_shows_captions(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, window: MainWindow, sessions_dir: Path
) -> None:
    FakeGuide.made.clear()
    outputs = object()
    install(monkeypatch, "piritimer.audio.guide", AudioGuide=FakeGuide)
    install(monkeypatch, "piritimer.audio.settings", AudioSettings=FakeAudioSettings)
    install(
        monkeypatch,
        "piritimer.audio.settings_store",
        load_audio_settings=lambda store: FakeAudioSettings(),
    )
    install(monkeypatch, "piritimer.audio.hardware", open_audio_outputs=lambda parent: outputs)
    window.show_preview(sessions_dir / "quick.yaml")
    window.start_services()
    (guide,) = FakeGuide.made
    assert window.audio_guide is guide
    assert guide.driver is window.driver
    assert isinstance(guide.settings, FakeAudioSettings)
    assert guide.outputs is None  # silent at first: the real ones open a moment later
    qtbot.waitUntil(lambda: guide.outputs is outputs)
    assert [s.title for s in guide.sessions] == [""]  # nothing loaded yet
    window.start_session()
    guide.caption.emit("Breathe in.")
    assert window.runner_page.caption_label.text() == "Breathe in."
    assert window.runner_page.caption_label.isVisibleTo(window)
    guide.notice.emit("No sound device: sounds are off.")
    assert window.statusBar().currentMessage() == "No sound device: sounds are off."


def test_editor_presentation_and_sound_settings_hooks(
    monkeypatch: pytest.MonkeyPatch, window: MainWindow, sessions_dir: Path
) -> None:
    calls: list[tuple[str, object]] = []
    install(monkeypatch, "piritimer.editor", open_editor=lambda p, w: calls.append(("edit", p)))
    install(
        monkeypatch,
        "piritimer.present",
        open_presentation=lambda d, s, w, starts_in_s=None: (
            calls.append(("present", d.engine.timeline.session.title, s)) or FakePresentation()
        ),
    )
    install(
        monkeypatch,
        "piritimer.audio.settings_dialog",
        open_settings_dialog=lambda g, w: calls.append(("audio", g)),
    )
    path = sessions_dir / "quick.yaml"
    window.show_preview(path)
    assert window.edit_current()
    assert window.open_presentation(2)
    assert not window.open_audio()  # no guide loaded yet
    window.preview_page.edit_button.click()
    assert calls == [("edit", path), ("present", "Quick calm", 2), ("edit", path)]


def test_captions_reach_the_presentation_too(
    monkeypatch: pytest.MonkeyPatch, window: MainWindow, sessions_dir: Path
) -> None:
    FakeGuide.made.clear()
    presentation = FakePresentation()
    install(
        monkeypatch,
        "piritimer.present",
        open_presentation=lambda d, s, w, starts_in_s=None: presentation,
    )
    install(monkeypatch, "piritimer.audio.guide", AudioGuide=FakeGuide)
    install(monkeypatch, "piritimer.audio.settings", AudioSettings=FakeAudioSettings)
    install(
        monkeypatch,
        "piritimer.audio.settings_store",
        load_audio_settings=lambda store: FakeAudioSettings(),
    )
    install(monkeypatch, "piritimer.audio.hardware", open_audio_outputs=lambda parent: None)
    window.show_preview(sessions_dir / "quick.yaml")
    assert window.open_presentation(None)
    window.start_services()
    FakeGuide.made[0].caption.emit("Rest.")
    assert presentation.captions == ["Rest."]
    assert window.runner_page.caption_label.text() == "Rest."


def test_a_cancelled_or_impossible_presentation_is_reported(
    monkeypatch: pytest.MonkeyPatch, window: MainWindow, sessions_dir: Path
) -> None:
    install(
        monkeypatch, "piritimer.present", open_presentation=lambda d, s, w, starts_in_s=None: None
    )
    window.show_preview(sessions_dir / "quick.yaml")
    assert not window.open_presentation(None)

    def no_such_screen(
        driver: object, screen: int | None, parent: object, starts_in_s: float | None = None
    ) -> None:
        raise ValueError("there is no screen 3; screens: 1 (eDP-1), 2 (HDMI-1)")

    install(monkeypatch, "piritimer.present", open_presentation=no_such_screen)
    assert not window.open_presentation(3)
    assert window.statusBar().currentMessage().startswith("there is no screen 3")


def test_present_a_class_file_opens_on_its_holding_screen(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from piritimer import paths
    from piritimer.core.class_plan import load_for_presentation

    calls: list[tuple[object, float | None]] = []
    install(
        monkeypatch,
        "piritimer.present",
        open_presentation=lambda d, s, w, starts_in_s=None: calls.append((s, starts_in_s)) or 1,
    )
    prepared = load_for_presentation(paths.bundled_sessions_dir() / "classes" / "hip-class.yaml")
    assert prepared.session is not None
    window = MainWindow(restore=False)
    qtbot.addWidget(window)
    assert window.open_presentation(2, prepared)
    assert calls == [(2, prepared.starts_in_s)]
    assert window.driver.engine.timeline.session is prepared.session


def test_sound_and_voice_settings_open_from_the_window_and_persist(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, window: MainWindow
) -> None:
    from piritimer.audio.outputs import AudioOutputs
    from piritimer.audio.settings_dialog import AudioSettingsDialog
    from piritimer.audio.settings_store import load_audio_settings

    # The real guide and dialog; only the hardware stays silent.
    install(monkeypatch, "piritimer.audio.hardware", open_audio_outputs=lambda p: AudioOutputs())
    window.start_services()
    assert window.audio_action.isVisible()
    assert window.audio_action.iconText() == "Sound & voice"  # not a mnemonic "&"
    assert window.open_audio()
    dialog = window.findChild(AudioSettingsDialog)
    assert dialog is not None
    dialog.sounds_on.setChecked(False)
    assert not load_audio_settings(window.settings).sounds_on
    assert window.audio_guide is not None
    assert not window.audio_guide.settings.sounds_on
