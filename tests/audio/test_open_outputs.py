"""Opening the real outputs without stalling the window: stand-ins at once, the real ones a
moment later, every setting made in between passed on."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from piritimer.audio import hardware
from piritimer.audio.cues import Cue
from piritimer.audio.hardware import LateSound, LateSpeech, open_audio_outputs
from piritimer.audio.sink_output import SinkSoundOutput
from piritimer.audio.ssip_output import SsipSpeechOutput
from tests.audio.fakes import FakeClock, RecordingSounds, RecordingSpeech
from tests.lab.pulse_lab import PulseLab


def test_the_stand_ins_are_silent_then_pass_everything_on() -> None:
    clock = FakeClock()
    sound, speech = LateSound(), LateSpeech()
    sound.play(Cue.START)
    sound.set_volume(0.4)
    sound.set_awake(True)
    speech.say("lost: the voice is not there yet")
    speech.set_volume(0.3)
    speech.set_rate(-0.5)
    speech.set_voice(None)
    assert not speech.is_speaking()
    assert speech.voice_names() == []
    assert sound.problems() == speech.problems() == []
    real_sound, real_speech = RecordingSounds(clock, ["no device"]), RecordingSpeech(clock)
    real_speech.voice = "not yet set"
    sound.arrive(real_sound)
    speech.arrive(real_speech)
    assert real_sound.cues() == []  # nothing played late
    assert (real_sound.volume, real_sound.awake) == (0.4, True)
    assert (real_speech.volume, real_speech.rate, real_speech.voice) == (0.3, -0.5, None)
    speech.say("Breathe in.")
    sound.play(Cue.REST, -0.9)  # a left-side cue keeps its place in the ears
    assert real_speech.texts() == ["Breathe in."]
    assert speech.is_speaking()
    assert real_sound.cues() == [Cue.REST]
    assert real_sound.pans == [(Cue.REST, -0.9)]
    assert sound.problems() == ["no device"]
    assert speech.voice_names() == ["Alpha", "Beta"]


def test_outputs_that_arrive_after_close_are_closed_at_once() -> None:
    clock = FakeClock()
    sound, speech = LateSound(), LateSpeech()
    sound.close()
    speech.close()
    real_sound, real_speech = RecordingSounds(clock), RecordingSpeech(clock)
    sound.arrive(real_sound)
    speech.arrive(real_speech)
    assert real_speech.closed
    assert sound.real is None
    assert speech.real is None


@pytest.mark.hardware
def test_the_real_outputs_arrive_a_moment_later(
    qtbot: QtBot, qapp: object, pulse_lab: PulseLab, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("XDG_RUNTIME_DIR", "PULSE_SERVER"):
        monkeypatch.setenv(name, pulse_lab.env[name])
    outputs = open_audio_outputs()
    assert isinstance(outputs.sounds, LateSound)
    assert isinstance(outputs.speech, LateSpeech)
    outputs.speech.set_rate(0.2)
    try:
        qtbot.waitUntil(lambda: outputs.speech.voice_names() != [], timeout=20_000)
        assert isinstance(outputs.sounds.real, SinkSoundOutput)
        assert isinstance(outputs.speech.real, SsipSpeechOutput)
        outputs.speech.say("Breathe in.")
        qtbot.waitUntil(lambda: not outputs.speech.is_speaking(), timeout=15_000)
        assert outputs.problems() == []
    finally:
        outputs.close()


def test_modules_that_will_not_load_are_one_problem_not_a_crash(
    qtbot: QtBot, qapp: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(hardware, "MODULES", ("piritimer.audio.no_such_module",))
    outputs = open_audio_outputs()
    qtbot.waitUntil(lambda: outputs.problems() != [], timeout=5_000)
    assert len(set(outputs.problems())) == 1
    assert "could not be loaded" in outputs.problems()[0]
    assert "no_such_module" in outputs.problems()[0]
    outputs.close()
