"""The mixer: cues summed sample by sample, silence between them."""

from __future__ import annotations

import math
from array import array

import pytest

from piritimer.audio.mixer import Mixer, pan_gains


def samples(data: bytes) -> list[int]:
    return list(array("h", data))


def test_silence_when_nothing_sounds() -> None:
    assert samples(Mixer().mix(4)) == [0, 0, 0, 0]


def test_a_cue_plays_through_then_stops() -> None:
    mixer = Mixer()
    mixer.start(array("h", [1, 2, 3]))
    assert samples(mixer.mix(2)) == [1, 2]
    assert mixer.sounding == 1
    assert samples(mixer.mix(3)) == [3, 0, 0]
    assert mixer.sounding == 0


def test_cues_overlap_and_are_clamped() -> None:
    mixer = Mixer()
    mixer.start(array("h", [30000, 100]))
    mixer.start(array("h", [30000, -50, 7]))
    assert samples(mixer.mix(4)) == [32767, 50, 7, 0]


def test_volume_scales() -> None:
    mixer = Mixer()
    mixer.volume = 0.5
    mixer.start(array("h", [1000, -1000]))
    assert samples(mixer.mix(2)) == [500, -500]


def test_a_delayed_cue_starts_on_its_frame_across_chunks() -> None:
    mixer = Mixer()
    mixer.start(array("h", [1, 2, 3]), delay_frames=3)
    assert mixer.sounding == 1  # waiting counts: the stream must not sleep under it
    assert samples(mixer.mix(2)) == [0, 0]
    assert samples(mixer.mix(3)) == [0, 1, 2]
    assert samples(mixer.mix(2)) == [3, 0]
    assert mixer.sounding == 0
    assert mixer.mixed_frames == 7


def test_a_cue_delayed_past_a_whole_chunk_adds_nothing_to_it() -> None:
    mixer = Mixer()
    mixer.start(array("h", [5]))
    mixer.start(array("h", [9]), delay_frames=4)
    assert samples(mixer.mix(2)) == [5, 0]
    assert samples(mixer.mix(3)) == [0, 0, 9]


def test_a_stereo_stream_interleaves_and_centres_an_unpanned_cue() -> None:
    mixer = Mixer(channels=2)
    mixer.start(array("h", [100, -200]))
    assert samples(mixer.mix(3)) == [100, 100, -200, -200, 0, 0]
    assert mixer.mixed_frames == 3


def test_a_panned_cue_leads_in_its_own_ear_by_over_12_db() -> None:
    mixer = Mixer(channels=2)
    mixer.start(array("h", [10000, 0]), pan=-1.0)
    mixer.start(array("h", [0, 10000]), pan=1.0)
    left_near, right_far, left_far, right_near = samples(mixer.mix(2))
    assert 20 * math.log10(left_near / right_far) >= 12
    assert 20 * math.log10(right_near / left_far) >= 12


def test_pan_keeps_the_power_of_a_centred_cue() -> None:
    for pan in (-1.0, -0.5, 0.0, 0.3, 1.0):
        left, right = pan_gains(pan)
        assert left**2 + right**2 == pytest.approx(2.0)
    left, right = pan_gains(-1.0)
    assert 20 * math.log10(left / right) >= 12
    assert right > 0  # the far ear still hears it
    assert pan_gains(1.0) == pytest.approx(pan_gains(-1.0)[::-1])
