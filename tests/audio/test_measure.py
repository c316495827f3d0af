"""Onset finding and clock mapping on synthetic recordings."""

from __future__ import annotations

from array import array

import pytest

from piritimer.audio.wav import RATE_HZ, Sound
from tests.lab.measure import (
    Arrival,
    ClockMap,
    find_onset,
    first_loud,
    rms,
    share_received,
)

CUE = Sound(array("h", [0] * 10 + [1000, -8000, 16000, -8000] * 50 + [0] * 10), RATE_HZ)


def recording_with(cue_at: int, length: int = RATE_HZ, clip: int = 0) -> array[int]:
    samples = array("h", [0] * length)
    for i, value in enumerate(CUE.samples[clip:]):
        samples[cue_at + clip + i] = value
    return samples


def steady_arrivals(start_clock: float, total: int, chunk: int = 240) -> list[Arrival]:
    """Chunks arriving exactly when their last sample was played, plus jitter on some."""
    arrivals = []
    for end in range(chunk, total + 1, chunk):
        late = 0.002 if (end // chunk) % 3 else 0.0  # two chunks in three arrive 2 ms late
        arrivals.append(Arrival(start_clock + end / RATE_HZ + late, end))
    return arrivals


def test_the_clock_map_takes_the_earliest_arrivals() -> None:
    clock_map = ClockMap(steady_arrivals(100.0, RATE_HZ))
    assert clock_map.time_of(0) == pytest.approx(100.0)
    assert clock_map.time_of(RATE_HZ // 2) == pytest.approx(100.5)
    assert clock_map.index_of(100.25) == RATE_HZ // 4


def test_the_clock_map_follows_drift_locally() -> None:
    # The sink's clock runs 500 ppm fast: a global offset would be 2.5 ms off at 5 s.
    total = 6 * RATE_HZ
    arrivals = [Arrival(10.0 + end / (RATE_HZ * 1.0005), end) for end in range(240, total, 240)]
    clock_map = ClockMap(arrivals)
    index = 5 * RATE_HZ
    assert clock_map.time_of(index) == pytest.approx(10.0 + index / (RATE_HZ * 1.0005), abs=3e-4)


def test_no_arrivals_is_an_error() -> None:
    with pytest.raises(ValueError, match="no audio"):
        ClockMap([])


def test_an_onset_is_the_cues_first_sample_on_the_clock() -> None:
    recording = recording_with(12_000)
    clock_map = ClockMap(steady_arrivals(50.0, len(recording)))
    onset = find_onset(recording, clock_map, CUE, expected_clock=50.0 + 12_000 / RATE_HZ)
    assert onset is not None
    assert onset.index == 12_000  # the WAV's own 10 silent samples are accounted for
    assert onset.clock == pytest.approx(50.25)
    assert onset.after_silence


def test_no_onset_far_from_where_it_was_expected() -> None:
    recording = recording_with(30_000)
    clock_map = ClockMap(steady_arrivals(0.0, len(recording)))
    assert find_onset(recording, clock_map, CUE, expected_clock=0.1) is None


def test_an_onset_right_after_other_sound_is_flagged() -> None:
    recording = recording_with(12_000)
    for i in range(5_000, 12_010):  # another sound, still going as the window opens
        recording[i] = 3000
    clock_map = ClockMap(steady_arrivals(0.0, len(recording)))
    onset = find_onset(recording, clock_map, CUE, expected_clock=12_000 / RATE_HZ)
    assert onset is not None
    assert not onset.after_silence


def test_share_received_counts_clipped_samples() -> None:
    whole = recording_with(1000)
    assert share_received(whole, 1000, CUE) == 1.0
    assert share_received(whole, 1002, CUE) == 1.0  # a couple of samples off is forgiven
    clipped = recording_with(1000, clip=110)  # the first half of the sound lost
    assert share_received(clipped, 1000, CUE) == pytest.approx(0.5, abs=0.02)
    quiet = Sound(array("h", [0] * 100), RATE_HZ)
    assert share_received(whole, 0, quiet) == 1.0


def test_small_helpers() -> None:
    samples = array("h", [0, 0, 5, -300, 0])
    assert first_loud(samples, 100) == 3
    assert first_loud(samples, 1000) is None
    assert rms(samples, 3, 4) == 300.0
    assert rms(samples, 4, 4) == 0.0
