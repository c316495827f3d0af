"""The Sound & voice dialog applies changes live, and the choice survives a restart."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from piritimer.audio.guide import AudioGuide
from piritimer.audio.settings import AudioSettings, Verbosity
from piritimer.audio.settings_dialog import DEFAULT_VOICE, open_settings_dialog
from piritimer.audio.settings_store import load_audio_settings, save_audio_settings
from piritimer.core.engine import Engine
from piritimer.qt.driver import EngineDriver
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
