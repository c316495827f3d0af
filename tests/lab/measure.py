"""Finding cues in a recording of the sound output, on the monotonic clock (pure, no Qt).

Lab code, not shipped: used by the hardware tests and ``bench/audio.py``. The method:

* ``parec`` records the null sink's monitor as raw 16-bit mono at 48 kHz, with a small
  latency so that it hands over audio in chunks of a few milliseconds. A reader thread notes
  the monotonic time each chunk arrives (``Arrival``).
* A sample cannot arrive before it was played, so each arrival bounds the play time of every
  sample before it: ``played(i) <= arrival - (count - i) / rate``. The tightest bound over
  the arrivals near ``i`` (the lower envelope) gives the clock time of sample ``i``; local,
  because the sink's sample clock and the monotonic clock drift apart by a few hundred ppm.
* A cue's onset is the first sample louder than a threshold after a stretch of silence. The
  WAV's own first sample over the same threshold is subtracted, so the onset means "the
  cue's first sample", whatever its attack.
* Whether a cue arrived whole is a sample-by-sample comparison with its WAV (at the known
  gain) over the stretch where the WAV carries sound.
"""

from __future__ import annotations

import bisect
import math
from array import array
from dataclasses import dataclass

from piritimer.audio.cues import Cue, countdown, step_cue
from piritimer.audio.wav import RATE_HZ, Sound
from piritimer.core.timeline import Timeline

LOCAL_WINDOW_S = 0.5
"""Arrivals within this of a sample fix its clock time (drift over it stays < 0.5 ms)."""


@dataclass(frozen=True)
class Arrival:
    clock: float
    """Monotonic time a chunk was read."""
    total_samples: int
    """Samples recorded up to and including that chunk."""


class ClockMap:
    """Clock time of each recorded sample, from the arrival times of the chunks."""

    def __init__(self, arrivals: list[Arrival], rate_hz: int = RATE_HZ) -> None:
        if not arrivals:
            raise ValueError("no audio was recorded")
        self.rate_hz = rate_hz
        self._counts = [a.total_samples for a in arrivals]
        # Each arrival's bound on the clock time of sample 0.
        self._zero = [a.clock - a.total_samples / rate_hz for a in arrivals]

    def zero_at(self, index: int) -> float:
        """Clock time of sample 0 as seen by the arrivals near ``index``."""
        window = round(LOCAL_WINDOW_S * self.rate_hz)
        lo = bisect.bisect_left(self._counts, index - window)
        hi = bisect.bisect_right(self._counts, index + window)
        nearby = self._zero[lo:hi] or self._zero
        return min(nearby)

    def time_of(self, index: int) -> float:
        return self.zero_at(index) + index / self.rate_hz

    def index_of(self, clock: float) -> int:
        guess = round((clock - min(self._zero)) * self.rate_hz)
        for _ in range(3):  # the local zero moves a fraction of a ms with the guess
            guess = round((clock - self.zero_at(guess)) * self.rate_hz)
        return guess


def first_loud(
    samples: array[int], threshold: int, start: int = 0, stop: int | None = None
) -> int | None:
    """Index of the first sample in [start, stop) whose magnitude exceeds ``threshold``."""
    stop = len(samples) if stop is None else min(stop, len(samples))
    for index in range(max(0, start), stop):
        if abs(samples[index]) > threshold:
            return index
    return None


def is_quiet(samples: array[int], threshold: int, start: int, stop: int) -> bool:
    start, stop = max(0, start), min(len(samples), stop)
    return all(abs(samples[i]) <= threshold for i in range(start, stop))


def rms(samples: array[int], start: int, stop: int) -> float:
    start, stop = max(0, start), min(len(samples), stop)
    if stop <= start:
        return 0.0
    return math.sqrt(sum(samples[i] * samples[i] for i in range(start, stop)) / (stop - start))


@dataclass(frozen=True)
class Onset:
    index: int
    """Recording index of the cue's first sample (its WAV onset offset subtracted)."""
    clock: float
    after_silence: bool
    """True when the stretch before the onset was quiet, so it cannot be a previous sound."""


def find_onset(
    recording: array[int],
    clock_map: ClockMap,
    sound: Sound,
    expected_clock: float,
    *,
    gain: float = 1.0,
    search_before_s: float = 0.06,
    search_after_s: float = 0.15,
    quiet_before_s: float = 0.02,
    threshold_ratio: float = 0.02,
) -> Onset | None:
    """The onset of ``sound`` near ``expected_clock`` in ``recording``, if it is there."""
    threshold = max(8, round(max(abs(v) for v in sound.samples) * gain * threshold_ratio))
    own = first_loud(sound.samples, round(threshold / gain) if gain else threshold)
    if own is None:
        return None
    rate = clock_map.rate_hz
    expected = clock_map.index_of(expected_clock)
    found = first_loud(
        recording,
        threshold,
        expected - round(search_before_s * rate),
        expected + round(search_after_s * rate),
    )
    if found is None:
        return None
    index = found - own
    quiet = is_quiet(recording, threshold, found - round(quiet_before_s * rate), found)
    return Onset(index, clock_map.time_of(index), quiet)


def share_received(
    recording: array[int], onset_index: int, sound: Sound, *, gain: float = 1.0, max_lag: int = 3
) -> float:
    """Share of the sound's audible samples that reached the recording unchanged.

    A sample counts when the recording holds it (at ``gain``) within 1 % of full scale or
    3 % of its own size. Only samples louder than that tolerance count at all: silence
    matches anything. The best of a few samples' lag either way is taken, so a sub-sample
    misplacement of the onset does not count as loss.
    """
    wanted = [v * gain for v in sound.samples]
    audible = [i for i, v in enumerate(wanted) if abs(v) > 330]
    if not audible:
        return 1.0
    best = 0
    for lag in range(-max_lag, max_lag + 1):
        start = onset_index + lag
        matched = 0
        for i in audible:
            j = start + i
            if 0 <= j < len(recording):
                tolerance = max(330.0, 0.03 * abs(wanted[i]))
                matched += abs(recording[j] - wanted[i]) <= tolerance
        best = max(best, matched)
    return best / len(audible)


@dataclass(frozen=True)
class ExpectedCue:
    cue: Cue
    due: float
    """Clock time the cue should be heard: its boundary, or its countdown second."""
    step_index: int


def expected_cues(timeline: Timeline, starts: list[tuple[int, float]]) -> list[ExpectedCue]:
    """Every cue a run with these step starts should sound, from the cue table alone."""
    expected: list[ExpectedCue] = []
    for position, (index, at) in enumerate(starts):
        step = timeline.steps[index]
        cue = step_cue(step)
        if cue is not None:
            expected.append(ExpectedCue(cue, at, index))
        if position + 1 < len(starts):
            end = starts[position + 1][1]
            expected += [ExpectedCue(t.cue, end - t.before_end_s, index) for t in countdown(step)]
    return sorted(expected, key=lambda e: e.due)


@dataclass(frozen=True)
class CueResult:
    expected: ExpectedCue
    onset: Onset | None
    share: float
    """Share of the cue's audible samples found in the recording (0 when not found)."""

    @property
    def error_ms(self) -> float | None:
        """Onset minus due time: positive is late."""
        return None if self.onset is None else (self.onset.clock - self.expected.due) * 1000


def measure_cues(
    recording: array[int],
    clock_map: ClockMap,
    expected: list[ExpectedCue],
    sounds: dict[Cue, Sound],
    gain: float = 1.0,
) -> list[CueResult]:
    results = []
    for item in expected:
        sound = sounds[item.cue]
        onset = find_onset(recording, clock_map, sound, item.due, gain=gain)
        share = 0.0 if onset is None else share_received(recording, onset.index, sound, gain=gain)
        results.append(CueResult(item, onset, share))
    return results
