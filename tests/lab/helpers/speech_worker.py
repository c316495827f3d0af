"""A small process that speaks: Qt TextToSpeech driven by JSON lines on stdin.

Why a separate process: Qt TextToSpeech loads Qt Multimedia, whose PulseAudio backend in
Qt 6.12 sometimes breaks the main thread's socket notifiers from its audio thread and leaves
the event loop spinning (see ``sound_worker`` and docs/audio.md). Kept out here, it can never
freeze the window. A bonus: listing the speechd voices (1-2 s) no longer blocks it either.

Commands, one JSON object a line: {"say": text}, {"enqueue": text}, {"stop": true},
{"volume": 0..1}, {"rate": -1..1}, {"voice": name or null}.
Replies: {"ready": true, "voices": [...]}, {"speaking": bool}, {"problem": text}.

Run: python -m tests.lab.helpers.speech_worker [--engine speechd]
"""

from __future__ import annotations

import argparse
import json
import sys

from PySide6.QtCore import QCoreApplication, QLocale, QObject, Signal
from PySide6.QtTextToSpeech import QTextToSpeech

from tests.lab.helpers.worker_stdio import reply, serve

PREFERRED_VOICES = ("English (America)", "English (Great Britain)")
"""The lines are English; espeak-ng's default under a C locale is not."""


class Worker(QObject):
    """Runs commands on the main thread; a reader thread only forwards the lines."""

    line = Signal(str)

    def __init__(self, tts: QTextToSpeech) -> None:
        super().__init__()
        self.tts = tts
        self.line.connect(self.handle)
        tts.stateChanged.connect(self.state_changed)
        tts.errorOccurred.connect(self.error)
        tts.setLocale(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        self.set_voice(None)

    def state_changed(self, state: QTextToSpeech.State) -> None:
        if state is QTextToSpeech.State.Speaking:
            reply({"speaking": True})
        elif state in (QTextToSpeech.State.Ready, QTextToSpeech.State.Error):
            reply({"speaking": False})

    def error(self, _reason: QTextToSpeech.ErrorReason, text: str) -> None:
        reply({"problem": f"Speech failed: {text}"})

    def set_voice(self, name: str | None) -> None:
        voices = {voice.name(): voice for voice in self.tts.availableVoices()}
        for wanted in (name, *PREFERRED_VOICES):
            if wanted in voices:
                self.tts.setVoice(voices[wanted])
                return
        if voices:
            self.tts.setVoice(next(iter(voices.values())))

    def handle(self, text: str) -> None:
        try:
            command = json.loads(text)
        except json.JSONDecodeError:
            return
        if "say" in command:
            self.tts.say(str(command["say"]))
        elif "enqueue" in command:
            self.tts.enqueue(str(command["enqueue"]))
        elif "stop" in command:
            self.tts.stop(QTextToSpeech.BoundaryHint.Immediate)
        elif "volume" in command:
            self.tts.setVolume(float(command["volume"]))
        elif "rate" in command:
            self.tts.setRate(float(command["rate"]))
        elif "voice" in command:
            self.set_voice(command["voice"])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--engine", default="speechd")
    options = parser.parse_args(argv)
    app = QCoreApplication([sys.argv[0]])
    if options.engine not in QTextToSpeech.availableEngines():
        reply({"problem": f"the {options.engine!r} speech engine is not installed"})
        return 1
    tts = QTextToSpeech(options.engine)
    if tts.state() is QTextToSpeech.State.Error:
        reply({"problem": tts.errorString() or "the speech engine did not start"})
        return 1
    worker = Worker(tts)
    reply({"ready": True, "voices": sorted(v.name() for v in tts.availableVoices())})
    return serve(app, worker.line)


if __name__ == "__main__":
    sys.exit(main())
