"""The speech helper process, driven through Qt's "mock" engine (no sound server needed)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from piritimer.audio.speech_output import NO_ENGINE, ProcessSpeechOutput


@pytest.fixture
def mock_speech(qapp: object) -> Iterator[ProcessSpeechOutput]:
    output = ProcessSpeechOutput("mock")
    yield output
    output.close()


def test_the_helper_lists_voices_and_speaks(qtbot: QtBot, mock_speech: ProcessSpeechOutput) -> None:
    qtbot.waitUntil(lambda: mock_speech.voice_names() != [], timeout=15_000)
    assert mock_speech.voice_names() == sorted(mock_speech.voice_names())
    mock_speech.set_volume(0.5)
    mock_speech.set_rate(0.2)
    mock_speech.set_voice(mock_speech.voice_names()[-1])
    mock_speech.say("Breathe in.")
    assert mock_speech.is_speaking()  # at once, before the helper has answered
    qtbot.waitUntil(lambda: not mock_speech.is_speaking(), timeout=10_000)
    assert mock_speech.problems() == []


def test_stop_silences_at_once(qtbot: QtBot, mock_speech: ProcessSpeechOutput) -> None:
    qtbot.waitUntil(lambda: mock_speech.voice_names() != [], timeout=15_000)
    mock_speech.say("Figure four. Lie on your back. Cross the ankle over the knee.")
    mock_speech.enqueue("Hold.")
    mock_speech.stop()
    assert not mock_speech.is_speaking()


def test_a_missing_engine_is_one_clear_problem(qtbot: QtBot, qapp: object) -> None:
    output = ProcessSpeechOutput("no-such-engine")
    try:
        qtbot.waitUntil(lambda: output.problems() != [], timeout=15_000)
        output.say("Hello.")  # harmless once the helper has gone
        qtbot.wait(200)
        assert len(output.problems()) == 1
        assert output.problems()[0].startswith(NO_ENGINE)
        assert "no-such-engine" in output.problems()[0]
    finally:
        output.close()
