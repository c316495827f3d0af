"""SinkSoundOutput without a sound server: one clear problem each, and a thread that ends."""

from __future__ import annotations

import wave
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from piritimer.audio.cues import Cue
from piritimer.audio.sink_output import NO_DEVICE, SinkSoundOutput
from piritimer.paths import sounds_dir

pytestmark = pytest.mark.qt_log_ignore(
    "pipewire", "FFmpeg", "PulseAudio", "No audio device detected"
)


@pytest.fixture
def no_server(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    # A sound server that is not there (and no desktop session to find one through).
    monkeypatch.setenv("PULSE_SERVER", f"unix:{tmp_path / 'none'}")
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path))


@pytest.mark.usefixtures("no_server")
def test_without_a_sound_server_the_output_reports_no_device(qtbot: QtBot, qapp: object) -> None:
    output = SinkSoundOutput(sounds_dir())
    try:
        qtbot.waitUntil(lambda: output.problems() != [], timeout=20_000)
        output.set_volume(0.5)
        output.set_awake(True)
        output.play(Cue.START)  # harmless
        qtbot.wait(50)
        assert output.problems() == [NO_DEVICE]
    finally:
        output.close()
    output.close()  # twice is harmless


@pytest.mark.usefixtures("no_server")
def test_missing_and_unreadable_files_are_reported_at_once(qapp: object, tmp_path: Path) -> None:
    sounds = tmp_path / "sounds"
    sounds.mkdir()
    with wave.open(str(sounds / "start.wav"), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(48_000)
        out.writeframes(b"\0\0" * 4800)
    (sounds / "inhale.wav").write_bytes(b"RIFF not really a wave file")
    with wave.open(str(sounds / "exhale.wav"), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(44_100)
        out.writeframes(b"\0\0" * 4410)
    output = SinkSoundOutput(sounds)
    try:
        problems = output.problems()  # before the audio thread has said anything
        missing = [p for p in problems if "missing" in p]
        assert len(missing) == len(Cue) - 3
        assert "The sound file rest.wav is missing, so that cue is silent." in missing
        assert any(p.startswith("The sound file inhale.wav could not be read") for p in problems)
        assert "The sound file exhale.wav is not 48 kHz, so that cue is silent." in problems
        assert len(problems) == len(set(problems))
        output.play(Cue.INHALE)  # silent, no error
        output.play(Cue.START)
    finally:
        output.close()
