"""The Sound & voice dialog applies changes live, and the choice survives a restart."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from piritimer.audio.guide import AudioGuide
from piritimer.audio.outputs import AudioOutputs
from piritimer.audio.settings import AudioSettings, Verbosity
from piritimer.audio.settings_dialog import (
    DEFAULT_VOICE,
    AudioSettingsDialog,
    open_settings_dialog,
)
from piritimer.audio.settings_store import load_audio_settings, save_audio_settings
from piritimer.core.engine import Engine
from piritimer.qt.driver import EngineDriver
from tests.audio.fakes import FakeClock, RecordingSounds, RecordingSpeech
from tests.sessions_for_tests import timed_timeline


def store_at(path: Path) -> QSettings:
    return QSettings(str(path), QSettings.Format.IniFormat)


def test_settings_round_trip_through_the_store(tmp_path: Path) -> None:
    chosen = AudioSettings(
        volume=0.35, sounds_on=False, voice_on=True, voice_name="English (Great Britain)",
        rate=-0.3, lead_in_compensation=False, output_latency_ms=60.0,
        verbosity=Verbosity.QUIET, safety_line=False,
    )  # fmt: skip
    save_audio_settings(store_at(tmp_path / "s.ini"), chosen)
    assert load_audio_settings(store_at(tmp_path / "s.ini")) == chosen


def test_a_bad_saved_value_falls_back_to_its_default_only(tmp_path: Path) -> None:
    path = tmp_path / "s.ini"
    path.write_text(
        "[audio]\nversion=2\nvolume=7\nrate=fast\nsounds_on=false\noutput_latency_ms=40\n"
        "verbosity=chatty\n"
    )
    loaded = load_audio_settings(store_at(path))
    assert loaded == AudioSettings(sounds_on=False, output_latency_ms=40.0)


def test_a_latency_saved_for_the_old_helper_stream_is_dropped(tmp_path: Path) -> None:
    """Version 1 measured 27 ms for a stream that no longer exists; with it, every cue of
    today's stream would land about 100 ms late. The person's other choices stay."""
    path = tmp_path / "s.ini"
    path.write_text("[audio]\nvolume=0.5\noutput_latency_ms=27\n")
    assert load_audio_settings(store_at(path)) == AudioSettings(volume=0.5)


def test_nothing_saved_gives_the_defaults(tmp_path: Path) -> None:
    assert load_audio_settings(store_at(tmp_path / "none.ini")) == AudioSettings()


def test_dialog_applies_live_and_saves(qtbot: QtBot, tmp_path: Path) -> None:
    driver = EngineDriver(Engine(timed_timeline([5.0])))
    guide = AudioGuide(driver, AudioSettings())
    store = store_at(tmp_path / "s.ini")
    dialog = open_settings_dialog(guide, None, store)
    qtbot.addWidget(dialog)
    assert dialog.voice.currentText() == DEFAULT_VOICE
    dialog.volume.setValue(40)
    dialog.voice_on.setChecked(False)
    assert guide.user_settings.volume == 0.4
    assert not guide.settings.voice_on
    assert not dialog.rate.isEnabled()  # nothing to pace when the voice is off
    dialog.latency.setValue(80)
    assert guide.user_settings.output_latency_ms == 80.0
    reloaded = load_audio_settings(store_at(tmp_path / "s.ini"))
    assert (reloaded.volume, reloaded.voice_on, reloaded.output_latency_ms) == (0.4, False, 80.0)


def test_dialog_sets_how_much_the_voice_says(qtbot: QtBot, tmp_path: Path) -> None:
    driver = EngineDriver(Engine(timed_timeline([5.0])))
    guide = AudioGuide(driver, AudioSettings())
    store = store_at(tmp_path / "s.ini")
    dialog = open_settings_dialog(guide, None, store)
    qtbot.addWidget(dialog)
    assert dialog.verbosity.currentData() is Verbosity.NORMAL
    dialog.verbosity.setCurrentIndex(2)
    dialog.safety_line.setChecked(False)
    assert guide.user_settings.verbosity is Verbosity.FULL
    reloaded = load_audio_settings(store_at(tmp_path / "s.ini"))
    assert (reloaded.verbosity, reloaded.safety_line) == (Verbosity.FULL, False)


def guide_with_voices() -> tuple[AudioGuide, RecordingSpeech]:
    clock = FakeClock(0.0)
    voices = {
        "German": "de",
        "French (France)": "fr-FR",
        "French (Belgium)": "fr-BE",
        "English (America)": "en-US",
        "English (Great Britain)": "en-GB",
    }
    speech = RecordingSpeech(clock, voices=voices)
    driver = EngineDriver(Engine(timed_timeline([5.0]), clock=clock))
    outputs = AudioOutputs(RecordingSounds(clock), speech)
    return AudioGuide(driver, AudioSettings(), outputs=outputs), speech


def items(dialog: AudioSettingsDialog) -> list[tuple[str, object, bool]]:
    model = dialog.voice.model()
    assert isinstance(model, QStandardItemModel)
    return [
        (dialog.voice.itemText(i), dialog.voice.itemData(i), model.item(i).isEnabled())
        for i in range(dialog.voice.count())
    ]


def test_voices_are_listed_under_their_languages(qtbot: QtBot, tmp_path: Path) -> None:
    guide, speech = guide_with_voices()
    dialog = open_settings_dialog(guide, None, store_at(tmp_path / "s.ini"))
    qtbot.addWidget(dialog)
    assert items(dialog) == [
        ("Default voice", None, True),
        ("British English — en-GB", None, False),  # the app's language first
        ("English (Great Britain)", "English (Great Britain)", True),
        ("American English (United States) — en-US", None, False),
        ("English (America)", "English (America)", True),
        ("Deutsch — de", None, False),
        ("German", "German", True),
        ("Français (Belgique) — fr-BE", None, False),
        ("French (Belgium)", "French (Belgium)", True),
        ("Français (France) — fr-FR", None, False),
        ("French (France)", "French (France)", True),
    ]
    dialog.voice.setCurrentIndex(dialog.voice.findData("French (France)"))
    assert guide.user_settings.voice_name == "French (France)"
    assert speech.voice == "French (France)"
    dialog.voice.setCurrentIndex(0)
    assert guide.user_settings.voice_name is None


def test_a_saved_voice_the_engine_lacks_is_still_offered(qtbot: QtBot, tmp_path: Path) -> None:
    guide, _ = guide_with_voices()
    guide.apply_settings(AudioSettings(voice_name="Klingon"))
    dialog = open_settings_dialog(guide, None, None)
    qtbot.addWidget(dialog)
    assert dialog.voice.currentText() == "Klingon"
    assert dialog.chosen().voice_name == "Klingon"


def test_the_dialog_speaks_the_apps_language(
    qtbot: QtBot, in_language: Callable[[str], None]
) -> None:
    in_language("de")
    guide, _ = guide_with_voices()
    dialog = open_settings_dialog(guide, None, None)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Ton & Stimme"
    assert dialog.voice_on.text() == "Anweisungen vorlesen"
    assert dialog.voice.itemText(0) == "Standardstimme"
    assert dialog.voice.itemText(1) == "Deutsch — de"  # German first in a German app
    assert dialog.verbosity.itemText(0) == "Knapp: nur das Wichtigste"
    labels = [label.text() for label in dialog.findChildren(QLabel)]
    assert any(text.startswith("Lautstärke") for text in labels)
    assert not any("voice" in text.lower() for text in labels)
