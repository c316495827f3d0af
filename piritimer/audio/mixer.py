"""Mixing cues into one stream of 16-bit samples (pure, no Qt)."""

from __future__ import annotations

import math
from array import array
from dataclasses import dataclass

PAN_REACH = 0.9
"""How far a panned cue goes: at 0.9 the far ear still hears it, about 22 dB down (a person
with one earbud in still hears every cue), and the near one clearly leads."""


def pan_gains(pan: float) -> tuple[float, float]:
    """Left and right gains for ``pan`` (-1 left, 0 centre, 1 right), at constant power, so a
    panned cue is as loud as a centred one."""
    pan = max(-1.0, min(1.0, pan)) * PAN_REACH
    angle = (pan + 1.0) * math.pi / 4
    return math.cos(angle) * math.sqrt(2), math.sin(angle) * math.sqrt(2)


@dataclass
class _Voice:
    samples: array[int]
    position: int = 0
    """Next sample to mix; negative while the cue waits for its first frame."""
    gains: tuple[float, float] = (1.0, 1.0)
    """Left and right, for a stereo stream (a mono one ignores them)."""


class Mixer:
    """Sums the cues that are sounding; silence when none is.

    One continuous stream is what keeps the output awake between cues, and mixing ourselves
    means a cue can start at any sample, with nothing to open or warm up: ``start`` takes how
    many frames from the next one mixed the cue's first sample falls on.
    """

    def __init__(self, channels: int = 1) -> None:
        self.channels = channels
        """1 (mono) or 2 (stereo, interleaved left-right); a cue's pan needs two."""
        self.volume = 1.0
        self.mixed_frames = 0
        """Frames mixed so far: the stream position of the next frame ``mix`` returns."""
        self._voices: list[_Voice] = []

    def start(self, samples: array[int], delay_frames: int = 0, pan: float = 0.0) -> None:
        gains = pan_gains(pan) if pan else (1.0, 1.0)
        self._voices.append(_Voice(samples, -max(0, delay_frames), gains))

    @property
    def sounding(self) -> int:
        """Cues playing or waiting to start."""
        return len(self._voices)

    def mix(self, frames: int) -> bytes:
        """The next ``frames`` frames: 16-bit samples, two per frame for a stereo stream."""
        self.mixed_frames += frames
        stereo = self.channels == 2
        out = array("h", bytes(2 * frames * self.channels))
        if self._voices:
            total = [0.0] * (frames * self.channels)
            for voice in self._voices:
                skip = min(frames, max(0, -voice.position))
                voice.position += skip
                if voice.position < 0:
                    continue
                chunk = voice.samples[voice.position : voice.position + frames - skip]
                if stereo:
                    left, right = voice.gains
                    for i, value in enumerate(chunk, skip):
                        total[2 * i] += value * left
                        total[2 * i + 1] += value * right
                else:
                    for i, value in enumerate(chunk, skip):
                        total[i] += value
                voice.position += len(chunk)
            self._voices = [v for v in self._voices if v.position < len(v.samples)]
            volume = self.volume
            for i, level in enumerate(total):
                out[i] = max(-32767, min(32767, round(level * volume)))
        return out.tobytes()
