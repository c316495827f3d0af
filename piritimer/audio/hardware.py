"""Opening the real audio outputs, once, at start-up."""

from __future__ import annotations

import os
import shutil
from collections.abc import Mapping

from PySide6.QtCore import QObject

from piritimer.audio.outputs import AudioOutputs, SpeechOutput


def open_speech(
    parent: QObject | None = None,
    engine: str = "speechd",
    env: Mapping[str, str] | None = None,
) -> SpeechOutput:
    """The voice: speech-dispatcher spoken to directly (``ssip_output``, in this process)
    wherever there is one, running or startable; elsewhere (another platform, another
    ``engine``) Qt TextToSpeech in the helper process (``speech_output``)."""
    from piritimer.audio.ssip import find_server

    server = find_server(os.environ if env is None else env, shutil.which)
    if engine == "speechd" and server is not None:
        from piritimer.audio.ssip_output import SsipSpeechOutput

        return SsipSpeechOutput(server, parent)
    from piritimer.audio.speech_output import open_speech_output

    return open_speech_output(parent, engine)


def open_audio_outputs(
    parent: QObject | None = None, speech_engine: str = "speechd"
) -> AudioOutputs:
    """The machine's sound device and speech engine, or silent stand-ins that say why not.

    Neither waits for its device (``sink_output``, ``ssip_output``: see there how), so this
    returns at once; problems (no device, no engine) show up a moment later. Call it once at
    start-up: the stream opens and the voice connects well before anyone presses start.
    """
    from piritimer.audio.sink_output import open_sink_output

    return AudioOutputs(open_sink_output(parent), open_speech(parent, speech_engine))
