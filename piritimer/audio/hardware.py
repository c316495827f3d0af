"""Opening the real audio outputs, once, at start-up, without stalling the window.

The modules behind them (Qt Multimedia, the SSIP client) took 50-90 ms of the GUI thread to
import in the app (``bench/whole_app.py``: 48 ms of main's "open the outputs"): the longest
stall of the event loop anywhere in a session. So ``open_audio_outputs`` returns stand-ins
at once, imports those modules on a plain thread, started once the window's first turns are
over (the GUI thread gets the interpreter back every few milliseconds meanwhile), then makes
the real outputs on the GUI thread, one per turn of the event loop, and the stand-ins pass
everything on to them. Until then (well under a second after the window is up, long before
anyone presses start) the stand-ins are silent.
"""

from __future__ import annotations

import importlib
import os
import shutil
import threading
from collections.abc import Mapping
from typing import Generic, TypeVar

from PySide6.QtCore import QObject, QTimer, Signal

from piritimer.audio.cues import Cue
from piritimer.audio.outputs import (
    AudioOutputs,
    SilentSoundOutput,
    SilentSpeechOutput,
    SoundOutput,
    SpeechOutput,
)
from piritimer.core.i18n import N_, _

Output = TypeVar("Output", SoundOutput, SpeechOutput)
IMPORT_AFTER_MS = 200
MODULES = ("piritimer.audio.sink_output", "piritimer.audio.ssip_output")
NO_AUDIO = N_("Sound and voice could not be loaded ({error}), so the session is silent.")
_OPENING: set[_Opening] = set()
"""Openings under way, kept alive here when they have no Qt parent to keep them."""


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


class _Late(Generic[Output]):
    """Silent until ``arrive`` gives it the real output, then passes everything on to it;
    the settings made in between (the last of each) are passed on when it arrives."""

    def __init__(self) -> None:
        self.real: Output | None = None
        self._settings: dict[str, tuple[object, ...]] = {}
        self._closed = False

    def arrive(self, real: Output) -> None:
        if self._closed:
            real.close()
            return
        self.real = real
        for name, arguments in self._settings.items():
            getattr(real, name)(*arguments)

    def _set(self, name: str, *arguments: object) -> None:
        self._settings[name] = arguments
        if self.real is not None:
            getattr(self.real, name)(*arguments)

    def problems(self) -> list[str]:
        return self.real.problems() if self.real is not None else []

    def close(self) -> None:
        self._closed = True
        if self.real is not None:
            self.real.close()


class LateSound(_Late[SoundOutput]):
    """A SoundOutput that is silent until the real one arrives, then is it."""

    def play(self, cue: Cue, pan: float = 0.0) -> None:
        if self.real is not None:
            self.real.play(cue, pan)

    def set_volume(self, volume: float) -> None:
        self._set("set_volume", volume)

    def set_awake(self, awake: bool) -> None:
        self._set("set_awake", awake)


class LateSpeech(_Late[SpeechOutput]):
    """A SpeechOutput that is silent until the real one arrives, then is it (a line asked
    for before that is not said: it would come late)."""

    def say(self, text: str) -> None:
        if self.real is not None:
            self.real.say(text)

    def enqueue(self, text: str) -> None:
        if self.real is not None:
            self.real.enqueue(text)

    def stop(self) -> None:
        if self.real is not None:
            self.real.stop()

    def is_speaking(self) -> bool:
        return self.real is not None and self.real.is_speaking()

    def set_volume(self, volume: float) -> None:
        self._set("set_volume", volume)

    def set_rate(self, rate: float) -> None:
        self._set("set_rate", rate)

    def set_language(self, language: str) -> None:
        self._set("set_language", language)

    def set_voice(self, name: str | None) -> None:
        self._set("set_voice", name)

    def voice_names(self) -> list[str]:
        return self.real.voice_names() if self.real is not None else []

    def voice_languages(self) -> dict[str, str]:
        return self.real.voice_languages() if self.real is not None else {}


class _Opening(QObject):
    """Imports ``MODULES`` on a thread, then makes the real outputs on the GUI thread.

    Signals:
        imported(str): the imports are done; the text is what failed, or empty.
    """

    imported = Signal(str)

    def __init__(self, parent: QObject | None, engine: str) -> None:
        super().__init__(parent)
        self.sounds = LateSound()
        self.speech = LateSpeech()
        self._engine = engine
        self.imported.connect(self._open_sounds)  # queued: emitted on the import thread
        _OPENING.add(self)
        # Not in the window's first turns (first paint, the library): the import thread and
        # the GUI thread share one interpreter lock.
        QTimer.singleShot(IMPORT_AFTER_MS, self, self._start_import)

    def _start_import(self) -> None:
        threading.Thread(target=self._import, name="piritimer-audio-import", daemon=True).start()

    def _import(self) -> None:
        try:
            for name in MODULES:
                importlib.import_module(name)
        except Exception as error:  # noqa: BLE001 - any failure means no audio, never a crash
            self.imported.emit(f"{type(error).__name__}: {error}")
            return
        self.imported.emit("")

    def _open_sounds(self, failed: str) -> None:
        if failed:
            problem = _(NO_AUDIO).format(error=failed)
            self.sounds.arrive(SilentSoundOutput(problem))
            self.speech.arrive(SilentSpeechOutput(problem))
            _OPENING.discard(self)
            return
        from piritimer.audio.sink_output import open_sink_output

        self.sounds.arrive(open_sink_output(self.parent()))
        QTimer.singleShot(0, self, self._open_speech)  # the next turn: each costs a little

    def _open_speech(self) -> None:
        self.speech.arrive(open_speech(self.parent(), self._engine))
        _OPENING.discard(self)


def open_audio_outputs(
    parent: QObject | None = None, speech_engine: str = "speechd"
) -> AudioOutputs:
    """The machine's sound device and speech engine, or silent stand-ins that say why not.

    Returns at once (see the module doc); neither output waits for its device either
    (``sink_output``, ``ssip_output``: see there how), so problems (no device, no engine)
    show up a moment later. Call it once at start-up: the stream opens and the voice connects
    well before anyone presses start.
    """
    opening = _Opening(parent, speech_engine)
    return AudioOutputs(opening.sounds, opening.speech)
