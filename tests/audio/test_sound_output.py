"""The sound helper and SinkSoundOutput without a sound server: one clear problem each."""

from __future__ import annotations

import wave
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from piritimer.audio.cues import Cue
from piritimer.audio.sound_process import ProcessSoundOutput


def test_without_a_sound_server_the_helper_reports_no_device(
    qtbot: QtBot, qapp: object, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # Point the helper at a sound server that is not there (and no desktop session).
    monkeypatch.setenv("PULSE_SERVER", f"unix:{tmp_path / 'none'}")
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path))
    output = ProcessSoundOutput()
    try:
        qtbot.waitUntil(lambda: output.ready, timeout=20_000)
        output.play(Cue.START)  # harmless
        assert output.problems() == ["No sound output device was found, so the cues are silent."]
    finally:
        output.close()


@pytest.mark.qt_log_ignore("pipewire", "FFmpeg", "PulseAudio", "No audio device detected")
def test_missing_and_unreadable_files_are_reported_once(tmp_path: Path) -> None:
    from PySide6.QtMultimedia import QAudioDevice

    from piritimer.audio.sink_output import SinkSoundOutput

    with wave.open(str(tmp_path / "start.wav"), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(48_000)
        out.writeframes(b"\0\0" * 4800)
    (tmp_path / "inhale.wav").write_bytes(b"RIFF not really a wave file")
    with wave.open(str(tmp_path / "exhale.wav"), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(44_100)
        out.writeframes(b"\0\0" * 4410)
    output = SinkSoundOutput(QAudioDevice(), tmp_path)
    problems = output.problems()
    missing = [p for p in problems if "missing" in p]
    assert len(missing) == len(Cue) - 3
    assert "The sound file rest.wav is missing, so that cue is silent." in missing
    assert any(p.startswith("The sound file inhale.wav could not be read") for p in problems)
    assert "The sound file exhale.wav is not 48 kHz, so that cue is silent." in problems
    assert len(problems) == len(set(problems))
    output.play(Cue.INHALE)  # silent, no error
    output.play(Cue.START)
