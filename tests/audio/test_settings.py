from __future__ import annotations

from dataclasses import replace

import pytest

from piritimer.audio.settings import DEFAULT_OUTPUT_LATENCY_MS, AudioSettings
from piritimer.core.model import Defaults, Session


def session(voice: bool = True, sounds: bool = True) -> Session:
    return Session(title="S", exercises=(), defaults=Defaults(voice=voice, sounds=sounds))


def test_defaults_are_on_with_the_measured_latency() -> None:
    settings = AudioSettings()
    assert settings.sounds_on
    assert settings.voice_on
    assert settings.output_latency_ms == DEFAULT_OUTPUT_LATENCY_MS
    assert settings.lead_in_s == pytest.approx(DEFAULT_OUTPUT_LATENCY_MS / 1000)


def test_lead_in_is_zero_without_compensation() -> None:
    assert AudioSettings(lead_in_compensation=False, output_latency_ms=40).lead_in_s == 0.0
    assert AudioSettings(output_latency_ms=40).lead_in_s == pytest.approx(0.04)


@pytest.mark.parametrize(
    "bad",
    [
        {"volume": -0.1},
        {"volume": 1.5},
        {"rate": -2.0},
        {"rate": 1.01},
        {"output_latency_ms": -1.0},
        {"output_latency_ms": 501.0},
    ],  # fmt: skip
)
def test_out_of_range_values_are_refused(bad: dict[str, float]) -> None:
    with pytest.raises(ValueError, match="must be between"):
        AudioSettings(**bad)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("user_sounds", "user_voice", "file_sounds", "file_voice", "sounds", "voice"),
    [
        (True, True, True, True, True, True),
        (True, True, False, True, False, True),
        (True, True, True, False, True, False),
        (True, True, False, False, False, False),
        # A file can switch sound or voice off, never back on against the person's choice.
        (False, False, True, True, False, False),
        (False, True, True, False, False, False),
    ],
)
def test_a_session_file_can_only_switch_things_off(
    user_sounds: bool, user_voice: bool, file_sounds: bool, file_voice: bool,
    sounds: bool, voice: bool,
) -> None:  # fmt: skip
    settings = AudioSettings(sounds_on=user_sounds, voice_on=user_voice, volume=0.3)
    effective = settings.for_session(session(voice=file_voice, sounds=file_sounds))
    assert (effective.sounds_on, effective.voice_on) == (sounds, voice)
    assert effective == replace(settings, sounds_on=sounds, voice_on=voice)


def test_no_session_changes_nothing() -> None:
    settings = AudioSettings(voice_on=False)
    assert settings.for_session(None) is settings
