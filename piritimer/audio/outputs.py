"""The two pieces of audio hardware behind small interfaces, with do-nothing stand-ins.

The guide talks only to these interfaces. The real ones (``sound_process``, ``speech_output``)
are made once at start-up by ``hardware.open_audio_outputs()``; tests and machines without
audio get the silent ones, which say why in ``problems()``. This module imports no Qt, so
importing the guide never loads Qt Multimedia.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from piritimer.audio.cues import Cue
from piritimer.core.i18n import N_

NO_ENGINE = N_("No speech engine was found, so nothing is spoken; captions show every line.")
STOPPED = N_("The speech engine stopped, so nothing more is spoken; captions show every line.")
"""What a speech output's ``problems()`` say (in the app's language, ``_(NO_ENGINE)``)."""


class SoundOutput(Protocol):
    """Plays cues now. When "now" is belongs to CuePlayer."""

    def play(self, cue: Cue, pan: float = 0.0) -> None:
        """Play ``cue`` now; ``pan`` -1 puts it in the left ear, 1 in the right (a stereo
        output; a mono one ignores it)."""

    def set_volume(self, volume: float) -> None: ...

    def set_awake(self, awake: bool) -> None:
        """Keep the output stream running, between cues too, while a session is active."""

    def problems(self) -> list[str]:
        """What is wrong with this output (no device, an unreadable file), each said once."""

    def close(self) -> None:
        """Let go of the device (its thread or helper ends). Safe to call twice."""


class SpeechOutput(Protocol):
    """Says text now; ``is_speaking()`` is true from ``say()`` until the voice falls silent."""

    def say(self, text: str) -> None: ...

    def enqueue(self, text: str) -> None:
        """Say ``text`` once what is being said now has ended."""

    def stop(self) -> None: ...

    def is_speaking(self) -> bool: ...

    def set_volume(self, volume: float) -> None: ...

    def set_rate(self, rate: float) -> None: ...

    def set_language(self, language: str) -> None:
        """Speak ``language`` (a tag: ``fr``, ``de-CH``) from now on: the chosen voice if it
        speaks it, else the engine's own voice for it."""

    def set_voice(self, name: str | None) -> None:
        """The person's voice (None: the engine's default), used for lines of its language."""

    def voice_names(self) -> list[str]: ...

    def voice_languages(self) -> dict[str, str]:
        """Each voice of ``voice_names`` and the language tag it speaks (``en-GB``)."""

    def problems(self) -> list[str]: ...

    def close(self) -> None:
        """End the speech engine (its helper process). Safe to call twice."""


class SilentSoundOutput:
    """Plays nothing: there is no device (``problem`` says so), or a test wants quiet."""

    def __init__(self, problem: str | None = None) -> None:
        self._problems = [problem] if problem else []

    def play(self, cue: Cue, pan: float = 0.0) -> None:
        pass

    def set_volume(self, volume: float) -> None:
        pass

    def set_awake(self, awake: bool) -> None:
        pass

    def problems(self) -> list[str]:
        return list(self._problems)

    def close(self) -> None:
        pass


class SilentSpeechOutput:
    """Says nothing: there is no speech engine (``problem`` says so), or a test wants quiet."""

    def __init__(self, problem: str | None = None) -> None:
        self._problems = [problem] if problem else []

    def say(self, text: str) -> None:
        pass

    def enqueue(self, text: str) -> None:
        pass

    def stop(self) -> None:
        pass

    def is_speaking(self) -> bool:
        return False

    def set_volume(self, volume: float) -> None:
        pass

    def set_rate(self, rate: float) -> None:
        pass

    def set_language(self, language: str) -> None:
        pass

    def set_voice(self, name: str | None) -> None:
        pass

    def voice_names(self) -> list[str]:
        return []

    def voice_languages(self) -> dict[str, str]:
        return {}

    def problems(self) -> list[str]:
        return list(self._problems)

    def close(self) -> None:
        pass


@dataclass
class AudioOutputs:
    """The sound and speech outputs the guide plays through."""

    sounds: SoundOutput = field(default_factory=SilentSoundOutput)
    speech: SpeechOutput = field(default_factory=SilentSpeechOutput)

    def problems(self) -> list[str]:
        return self.sounds.problems() + self.speech.problems()

    def close(self) -> None:
        self.sounds.close()
        self.speech.close()
