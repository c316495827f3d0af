"""Recording stand-ins for the audio outputs, and a pretend clock."""

from __future__ import annotations

from piritimer.audio.cues import Cue


class FakeClock:
    def __init__(self, now: float = 100.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


class RecordingSounds:
    """A SoundOutput that notes what it was asked to play, and when."""

    def __init__(self, clock: FakeClock, problems: list[str] | None = None) -> None:
        self.clock = clock
        self.played: list[tuple[float, Cue]] = []
        self.pans: list[tuple[Cue, float]] = []
        self.volume: float | None = None
        self.awake = False
        self.closed = False
        self._problems = problems or []

    def play(self, cue: Cue, pan: float = 0.0) -> None:
        self.played.append((self.clock(), cue))
        self.pans.append((cue, pan))

    def set_volume(self, volume: float) -> None:
        self.volume = volume

    def set_awake(self, awake: bool) -> None:
        self.awake = awake

    def problems(self) -> list[str]:
        return list(self._problems)

    def close(self) -> None:
        self.closed = True

    def cues(self) -> list[Cue]:
        return [cue for _, cue in self.played]


class RecordingSpeech:
    """A SpeechOutput that notes what it said; it is "speaking" until told it has finished."""

    def __init__(
        self,
        clock: FakeClock,
        problems: list[str] | None = None,
        voices: dict[str, str] | None = None,
    ) -> None:
        """``voices``: each voice the engine offers and its language."""
        self.clock = clock
        self.voices = {"Alpha": "en-US", "Beta": "fr-FR"} if voices is None else voices
        self.said: list[tuple[float, str]] = []
        self.log: list[str] = []
        self.speaking = False
        self.volume: float | None = None
        self.rate: float | None = None
        self.voice: str | None = None
        self.language: str | None = None
        self.closed = False
        self._problems = problems or []

    def say(self, text: str) -> None:
        self.said.append((self.clock(), text))
        self.log.append(f"say {text}")
        self.speaking = True

    def enqueue(self, text: str) -> None:
        self.said.append((self.clock(), text))
        self.log.append(f"enqueue {text}")
        self.speaking = True

    def stop(self) -> None:
        self.log.append("stop")
        self.speaking = False

    def is_speaking(self) -> bool:
        return self.speaking

    def set_volume(self, volume: float) -> None:
        self.volume = volume

    def set_rate(self, rate: float) -> None:
        self.rate = rate

    def set_language(self, language: str) -> None:
        self.language = language

    def set_voice(self, name: str | None) -> None:
        self.voice = name

    def voice_names(self) -> list[str]:
        return sorted(self.voices)

    def voice_languages(self) -> dict[str, str]:
        return dict(self.voices)

    def problems(self) -> list[str]:
        return list(self._problems)

    def close(self) -> None:
        self.closed = True

    def texts(self) -> list[str]:
        return [text for _, text in self.said]
