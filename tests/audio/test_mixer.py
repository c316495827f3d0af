"""The mixer: cues summed sample by sample, silence between them."""

from __future__ import annotations

from array import array

from piritimer.audio.mixer import Mixer


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
