"""Mixing cues into one stream of 16-bit samples (pure, no Qt)."""

from __future__ import annotations

from array import array
from dataclasses import dataclass


@dataclass
class _Voice:
    samples: array[int]
    position: int = 0
    """Next sample to mix; negative while the cue waits for its first frame."""


class Mixer:
    """Sums the cues that are sounding; silence when none is.

    One continuous stream is what keeps the output awake between cues, and mixing ourselves
    means a cue can start at any sample, with nothing to open or warm up: ``start`` takes how
    many frames from the next one mixed the cue's first sample falls on.
    """

    def __init__(self) -> None:
        self.volume = 1.0
        self.mixed_frames = 0
        """Frames mixed so far: the stream position of the next frame ``mix`` returns."""
        self._voices: list[_Voice] = []

    def start(self, samples: array[int], delay_frames: int = 0) -> None:
        self._voices.append(_Voice(samples, -max(0, delay_frames)))

    @property
    def sounding(self) -> int:
        """Cues playing or waiting to start."""
        return len(self._voices)

    def mix(self, frames: int) -> bytes:
        self.mixed_frames += frames
        out = array("h", bytes(2 * frames))
        if self._voices:
            total = [0.0] * frames
            for voice in self._voices:
                skip = min(frames, max(0, -voice.position))
                voice.position += skip
                if voice.position < 0:
                    continue
                chunk = voice.samples[voice.position : voice.position + frames - skip]
                for i, value in enumerate(chunk, skip):
                    total[i] += value
                voice.position += len(chunk)
            self._voices = [v for v in self._voices if v.position < len(v.samples)]
            volume = self.volume
            for i, level in enumerate(total):
                out[i] = max(-32767, min(32767, round(level * volume)))
        return out.tobytes()
