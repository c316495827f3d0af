"""Opening the real audio outputs, once, at start-up."""

from __future__ import annotations

from PySide6.QtCore import QObject

from piritimer.audio.outputs import AudioOutputs


def open_audio_outputs(
    parent: QObject | None = None, speech_engine: str = "speechd"
) -> AudioOutputs:
    """The machine's sound device and speech engine, or silent stand-ins that say why not.

    Both run in helper processes (``sound_worker``, ``speech_worker``: see there why), so this
    returns at once and Qt Multimedia is never loaded into the app. Call it once at start-up;
    the cues take a moment to load, well before anyone presses start.
    """
    from piritimer.audio.sound_process import ProcessSoundOutput
    from piritimer.audio.speech_output import open_speech_output

    return AudioOutputs(ProcessSoundOutput(parent), open_speech_output(parent, speech_engine))
