"""The person's sound and voice settings, and how a session file narrows them (pure, no Qt)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import Enum

from piritimer.core.model import Session

DEFAULT_OUTPUT_LATENCY_MS = 127.0
"""Time from handing a cue to the player to its first sample leaving PulseAudio, measured with
``bench/audio.py`` (``sink_output``: 85 ms to leave our queue, then about 41-45 ms in
PulseAudio 16's buffer, Qt 6.11, 48 kHz; medians of 61 cues in five runs: 126-130 ms).
The lead-in covers it for every cue the engine foresees.
A real sound card or a Bluetooth headset adds its own buffer on top: raise the setting then."""

MAX_OUTPUT_LATENCY_MS = 500.0


class Verbosity(Enum):
    """How much the voice says; the value is what the settings file keeps."""

    QUIET = "quiet"
    """The essential words only: the phase, the side, the rep number, how to go on."""
    NORMAL = "normal"
    """Whole lines, rep numbers, and time calls in long holds (halfway, 10 seconds left)."""
    FULL = "full"
    """As normal, with time calls in shorter holds and rests too."""


@dataclass(frozen=True)
class AudioSettings:
    """What the person chose. Invalid values are refused here, so every user gets sane ones.

    ``rate`` uses Qt's scale: -1 slowest, 0 normal, 1 fastest. ``voice_name`` None means the
    speech engine's default English voice.
    """

    volume: float = 0.8
    sounds_on: bool = True
    voice_on: bool = True
    voice_name: str | None = None
    rate: float = 0.0
    lead_in_compensation: bool = True
    """Start each cue early by the output latency, so that it is heard on the beat."""
    output_latency_ms: float = DEFAULT_OUTPUT_LATENCY_MS
    verbosity: Verbosity = Verbosity.NORMAL
    safety_line: bool = True
    """Say a short safety line as a session starts, before its first step."""
    pan_side_cues: bool = True
    """On a stereo output, put the cues that announce a side (its setup, get ready, the
    switch) in that side's ear."""
    pan_every_side_cue: bool = False
    """Put every cue of a side's steps in its ear, not only the ones that announce it."""

    def __post_init__(self) -> None:
        if not 0.0 <= self.volume <= 1.0:
            raise ValueError(f"volume must be between 0 and 1, not {self.volume}")
        if not -1.0 <= self.rate <= 1.0:
            raise ValueError(f"rate must be between -1 and 1, not {self.rate}")
        if not isinstance(self.verbosity, Verbosity):
            raise ValueError(f"verbosity must be quiet, normal or full, not {self.verbosity}")
        if not 0.0 <= self.output_latency_ms <= MAX_OUTPUT_LATENCY_MS:
            raise ValueError(
                f"output latency must be between 0 and {MAX_OUTPUT_LATENCY_MS:g} ms,"
                f" not {self.output_latency_ms}"
            )

    @property
    def lead_in_s(self) -> float:
        """How early each cue is started."""
        return self.output_latency_ms / 1000.0 if self.lead_in_compensation else 0.0

    def for_session(self, session: Session | None) -> AudioSettings:
        """The settings in force while ``session`` runs.

        A session file can only switch sound or voice off (``defaults: {voice: off}``), never
        on: its author may know the voice gets in the way of that drill, but the person's own
        "off" is never overruled by a file.
        """
        if session is None:
            return self
        return replace(
            self,
            sounds_on=self.sounds_on and session.defaults.sounds,
            voice_on=self.voice_on and session.defaults.voice,
        )
