"""Opening the real audio outputs, once, at start-up."""

from __future__ import annotations

from PySide6.QtCore import QObject

from piritimer.audio.outputs import AudioOutputs


def open_audio_outputs(
    parent: QObject | None = None, speech_engine: str = "speechd"
) -> AudioOutputs:
    """The machine's sound device and speech engine, or silent stand-ins that say why not.

    Each opens on a thread of its own (``sink_output``, ``speech_output``: see there why), so
    this returns at once; problems (no device, no engine) show up a moment later. Call it
    once at start-up: the stream opens and the voice loads well before anyone presses start.
    """
    from piritimer.audio.sink_output import open_sink_output
    from piritimer.audio.speech_output import open_speech_output

    return AudioOutputs(open_sink_output(parent), open_speech_output(parent, speech_engine))
