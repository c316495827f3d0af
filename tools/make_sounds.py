"""Synthesise piritimer's sound cues into assets/sounds/ (stdlib only: wave, math, struct).

Every cue is 16-bit mono 48 kHz PCM, the rate PulseAudio sinks usually run at, so nothing is
resampled on the way out. Each starts with a short linear attack (1-4 ms) from true silence:
soft to the ear, but sharp enough that a recording can find its onset to a fraction of a
millisecond. Tones are sines with a touch of their octave and twelfth (a warm, rounded
timbre) under exponential or raised-cosine envelopes, so nothing clicks at the end.

The cues differ in pitch, contour and length so they can be told apart with eyes closed:
a rising tone to breathe in, a falling one to breathe out, a steady one to hold full and a
lower, darker one to hold empty, dry wood
ticks for counting down, a bell to start, a ding-dong to switch sides, a low soft tone to
rest and a rising arpeggio for the end. The person's own commands answer too: two notes
falling for pause and rising for resume, two wood taps rising for skip and falling for back,
one low falling tone for stop.

Run: python tools/make_sounds.py [--out DIR]   (deterministic: same bytes every run)
"""

from __future__ import annotations

import argparse
import math
import struct
import sys
import wave
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

RATE_HZ = 48_000
PEAK = 0.5
"""Loudest sample as a share of full scale (-6 dBFS): room for the mixer, never harsh."""

Signal = list[float]


@dataclass(frozen=True)
class Note:
    """One tone: pitch glides linearly from ``start_hz`` to ``end_hz`` over its length."""

    start_hz: float
    length_s: float
    end_hz: float | None = None
    level: float = 1.0
    attack_s: float = 0.003
    decay_s: float | None = None
    """Exponential decay time constant (a struck sound); None = sustained with a soft release."""
    release_s: float = 0.08
    partials: Sequence[tuple[float, float]] = ((1.0, 1.0), (2.0, 0.18), (3.0, 0.06))
    """(frequency multiple, relative level) pairs."""


def render(note: Note) -> Signal:
    count = round(note.length_s * RATE_HZ)
    end_hz = note.start_hz if note.end_hz is None else note.end_hz
    attack = max(1, round(note.attack_s * RATE_HZ))
    release = max(1, round(note.release_s * RATE_HZ))
    norm = sum(level for _, level in note.partials)
    samples: Signal = []
    phase = 0.0
    for i in range(count):
        t = i / RATE_HZ
        # Integrating the instantaneous frequency keeps a glide free of phase jumps.
        frequency = note.start_hz + (end_hz - note.start_hz) * (i / count)
        phase += 2 * math.pi * frequency / RATE_HZ
        value = sum(level * math.sin(multiple * phase) for multiple, level in note.partials)
        envelope = min(1.0, (i + 1) / attack)
        if note.decay_s is not None:
            envelope *= math.exp(-t / note.decay_s)
        left = count - i
        if left < release:
            envelope *= 0.5 - 0.5 * math.cos(math.pi * left / release)
        samples.append(note.level * envelope * value / norm)
    return samples


def mix(length_s: float, *parts: tuple[float, Signal]) -> Signal:
    """Lay each (offset seconds, signal) into one buffer of ``length_s``."""
    out = [0.0] * round(length_s * RATE_HZ)
    for offset_s, signal in parts:
        start = round(offset_s * RATE_HZ)
        for i, value in enumerate(signal[: len(out) - start]):
            out[start + i] += value
    return out


def normalise(signal: Signal, peak: float = PEAK) -> Signal:
    loudest = max(abs(v) for v in signal) or 1.0
    return [v * peak / loudest for v in signal]


WOOD = ((1.0, 1.0), (2.76, 0.45), (5.4, 0.2))
"""Inharmonic partials of a small wooden bar: a dry "tok" rather than a beep."""
BELL = ((1.0, 1.0), (2.0, 0.35), (3.0, 0.12), (4.2, 0.08))


def wood_tick(hz: float) -> Signal:
    return normalise(
        render(Note(hz, 0.09, attack_s=0.001, decay_s=0.018, release_s=0.02, partials=WOOD)),
        0.45,
    )


def get_ready_tick() -> Signal:
    return wood_tick(1100.0)


def last_seconds_tick() -> Signal:
    # Higher and brighter than the get-ready tick: "almost there", not "about to start".
    return wood_tick(1650.0)


def start() -> Signal:
    return normalise(
        render(Note(880.0, 0.45, attack_s=0.002, decay_s=0.14, release_s=0.1, partials=BELL))
    )


def inhale() -> Signal:
    # Up a fifth, swelling: the tone rises as the chest does.
    note = Note(330.0, 0.5, end_hz=495.0, attack_s=0.004, release_s=0.2)
    swell = [v * (0.75 + 0.25 * i / len(s)) for s in [render(note)] for i, v in enumerate(s)]
    return normalise(swell)


def exhale() -> Signal:
    note = Note(495.0, 0.5, end_hz=330.0, attack_s=0.004, release_s=0.25)
    fade = [v * (1.0 - 0.35 * i / len(s)) for s in [render(note)] for i, v in enumerate(s)]
    return normalise(fade)


def hold() -> Signal:
    return normalise(render(Note(392.0, 0.35, attack_s=0.004, release_s=0.12)), 0.42)


def hold_empty() -> Signal:
    # Holding with the lungs empty: a fifth below the full hold, darker and with a slow dip,
    # so "hold full" and "hold empty" are never confused with eyes closed.
    note = Note(261.6, 0.45, attack_s=0.004, release_s=0.15, partials=((1.0, 1.0), (2.0, 0.08)))
    dip = [
        v * (1.0 - 0.3 * math.sin(math.pi * i / len(s)))
        for s in [render(note)]
        for i, v in enumerate(s)
    ]
    return normalise(dip, 0.42)


def paused() -> Signal:
    # Two soft notes falling a fourth: "things have stopped", gentler than the end chime.
    high = render(Note(587.3, 0.18, attack_s=0.002, decay_s=0.08, release_s=0.05))
    low = render(Note(440.0, 0.3, attack_s=0.002, decay_s=0.12, release_s=0.08))
    return normalise(mix(0.45, (0.0, high), (0.14, low)), 0.4)


def resumed() -> Signal:
    # The pause notes turned upward: going again.
    low = render(Note(440.0, 0.18, attack_s=0.002, decay_s=0.08, release_s=0.05))
    high = render(Note(587.3, 0.3, attack_s=0.002, decay_s=0.12, release_s=0.08))
    return normalise(mix(0.45, (0.0, low), (0.14, high)), 0.4)


def skipped() -> Signal:
    # Two quick rising wood taps: a step forward.
    first = render(Note(1300.0, 0.07, attack_s=0.001, decay_s=0.015, release_s=0.02, partials=WOOD))
    second = render(
        Note(1750.0, 0.09, attack_s=0.001, decay_s=0.018, release_s=0.02, partials=WOOD)
    )
    return normalise(mix(0.2, (0.0, first), (0.09, second)), 0.42)


def back() -> Signal:
    # The same taps falling: a step back.
    first = render(Note(1750.0, 0.07, attack_s=0.001, decay_s=0.015, release_s=0.02, partials=WOOD))
    second = render(
        Note(1300.0, 0.09, attack_s=0.001, decay_s=0.018, release_s=0.02, partials=WOOD)
    )
    return normalise(mix(0.2, (0.0, first), (0.09, second)), 0.42)


def stopped() -> Signal:
    # One low falling tone: the session is over without its chime.
    return normalise(render(Note(330.0, 0.5, end_hz=220.0, attack_s=0.003, release_s=0.2)), 0.42)


def switch_sides() -> Signal:
    ding = render(Note(659.3, 0.3, attack_s=0.002, decay_s=0.12, partials=BELL))
    dong = render(Note(493.9, 0.4, attack_s=0.002, decay_s=0.16, partials=BELL))
    return normalise(mix(0.58, (0.0, ding), (0.18, dong)))


def rest() -> Signal:
    low = render(Note(261.6, 0.7, attack_s=0.004, decay_s=0.3, release_s=0.2))
    fifth = render(Note(392.0, 0.7, level=0.45, attack_s=0.004, decay_s=0.25, release_s=0.2))
    return normalise(mix(0.7, (0.0, low), (0.0, fifth)), 0.42)


def next_exercise() -> Signal:
    first = render(Note(392.0, 0.25, attack_s=0.002, decay_s=0.12, partials=BELL))
    second = render(Note(523.3, 0.35, attack_s=0.002, decay_s=0.15, partials=BELL))
    return normalise(mix(0.5, (0.0, first), (0.15, second)))


def complete() -> Signal:
    notes = (523.3, 659.3, 784.0, 1046.5)
    parts = [
        (0.13 * i, render(Note(hz, 1.0 - 0.13 * i, attack_s=0.002, decay_s=0.35, partials=BELL)))
        for i, hz in enumerate(notes)
    ]
    return normalise(mix(1.1, *parts))


SOUNDS: dict[str, Callable[[], Signal]] = {
    "get_ready_tick": get_ready_tick,
    "last_seconds_tick": last_seconds_tick,
    "start": start,
    "inhale": inhale,
    "exhale": exhale,
    "hold": hold,
    "hold_empty": hold_empty,
    "switch_sides": switch_sides,
    "rest": rest,
    "next_exercise": next_exercise,
    "complete": complete,
    "paused": paused,
    "resumed": resumed,
    "skipped": skipped,
    "back": back,
    "stopped": stopped,
}
"""File stem -> generator. piritimer.audio.cues names its cues' files with these stems."""


def write_wav(path: Path, signal: Signal) -> None:
    frames = struct.pack(
        f"<{len(signal)}h", *(max(-32767, min(32767, round(v * 32767))) for v in signal)
    )
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE_HZ)
        out.writeframes(frames)


def main(argv: list[str] | None = None) -> int:
    default_out = Path(__file__).resolve().parent.parent / "assets" / "sounds"
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=default_out, help="folder for the WAVs")
    options = parser.parse_args(argv)
    options.out.mkdir(parents=True, exist_ok=True)
    for stem, make in SOUNDS.items():
        path = options.out / f"{stem}.wav"
        write_wav(path, make())
        print(f"{path} ({path.stat().st_size // 1024} KiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
