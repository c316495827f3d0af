"""Reading the committed cue sounds: 16-bit mono WAV files at 48 kHz (pure, no Qt)."""

from __future__ import annotations

import wave
from array import array
from dataclasses import dataclass
from pathlib import Path

RATE_HZ = 48_000
"""The rate of every cue, of the output stream, and of the hardware tests' recordings."""


@dataclass(frozen=True)
class Sound:
    samples: array[int]
    rate_hz: int

    @property
    def length_s(self) -> float:
        return len(self.samples) / self.rate_hz


def read_wav(path: Path) -> Sound:
    with wave.open(str(path), "rb") as source:
        if source.getsampwidth() != 2 or source.getnchannels() != 1:
            raise ValueError(f"{path.name}: expected 16-bit mono")
        samples = array("h", source.readframes(source.getnframes()))
        return Sound(samples, source.getframerate())
