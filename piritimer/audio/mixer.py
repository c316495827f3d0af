"""Mixing cues into one stream of 16-bit samples (pure, no Qt)."""

from __future__ import annotations

from array import array
from dataclasses import dataclass


@dataclass
class _Voice:
    samples: array[int]
    position: int = 0


class Mixer:
    """Sums the cues that are sounding; silence when none is.

    One continuous stream is what keeps the output awake between cues, and mixing ourselves
    means a cue can start at any sample, with nothing to open or warm up.
    """

    def __init__(self) -> None:
        self.volume = 1.0
        self._voices: list[_Voice] = []

    def start(self, samples: array[int]) -> None:
        self._voices.append(_Voice(samples))

    @property
    def sounding(self) -> int:
        return len(self._voices)

    def mix(self, frames: int) -> bytes:
        out = array("h", bytes(2 * frames))
        if self._voices:
            total = [0.0] * frames
            for voice in self._voices:
                chunk = voice.samples[voice.position : voice.position + frames]
                for i, value in enumerate(chunk):
                    total[i] += value
                voice.position += len(chunk)
            self._voices = [v for v in self._voices if v.position < len(v.samples)]
            volume = self.volume
            for i, level in enumerate(total):
                out[i] = max(-32767, min(32767, round(level * volume)))
        return out.tobytes()
