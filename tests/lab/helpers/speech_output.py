"""The real speech output: Qt TextToSpeech in a helper process (``speech_worker``).

``open_speech_output()`` runs once at start-up (through ``hardware.open_audio_outputs``) and
returns at once; the helper lists its voices in the background. See ``speech_worker`` for why
the voice lives in its own process.
"""

from __future__ import annotations

import json
import sys

from PySide6.QtCore import QObject, QProcess

from piritimer.audio.outputs import SpeechOutput

WORKER = "tests.lab.helpers.speech_worker"
NO_ENGINE = "No speech engine was found, so nothing is spoken; captions show every line."
STOPPED = "The speech engine stopped, so nothing more is spoken; captions show every line."


class ProcessSpeechOutput(QObject):
    """Speaks through ``python -m tests.lab.helpers.speech_worker``; commands are JSON lines.

    Commands sent before the helper is ready wait in its stdin, so nothing is lost; voice,
    rate and volume can be changed at any time.
    """

    def __init__(self, engine: str = "speechd", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._problems: list[str] = []
        self._voices: list[str] = []
        self._speaking = False
        self._requested = False
        self._buffer = b""
        self._process = QProcess(self)
        self._process.setProcessChannelMode(QProcess.ProcessChannelMode.SeparateChannels)
        self._process.setStandardErrorFile(QProcess.nullDevice())
        self._process.readyReadStandardOutput.connect(self._read)
        self._process.errorOccurred.connect(lambda _error: self._problem(NO_ENGINE))
        self._process.finished.connect(self._finished)
        self._process.start(
            sys.executable, ["-m", "tests.lab.helpers.speech_worker", "--engine", engine]
        )

    def _send(self, **command: object) -> None:
        if self._process.state() is not QProcess.ProcessState.NotRunning:
            self._process.write((json.dumps(command) + "\n").encode())

    def _read(self) -> None:
        self._buffer += bytes(self._process.readAllStandardOutput().data())
        *lines, self._buffer = self._buffer.split(b"\n")
        for line in lines:
            try:
                message = json.loads(line)
            except json.JSONDecodeError:
                continue
            if "speaking" in message:
                self._speaking = bool(message["speaking"])
                self._requested = False
            if "voices" in message:
                self._voices = list(message["voices"])
            if "problem" in message:
                self._problem(f"{NO_ENGINE} ({message['problem']})")

    def _finished(self) -> None:
        self._speaking = self._requested = False
        if not self._problems:
            self._problem(STOPPED)

    def _problem(self, text: str) -> None:
        if text not in self._problems:
            self._problems.append(text)

    def close(self) -> None:
        """End the helper (it also ends by itself when this process goes)."""
        self._process.finished.disconnect(self._finished)
        self._process.closeWriteChannel()
        if not self._process.waitForFinished(2000):
            self._process.kill()
            self._process.waitForFinished(1000)

    def say(self, text: str) -> None:
        self._requested = True
        self._send(say=text)

    def enqueue(self, text: str) -> None:
        self._requested = True
        self._send(enqueue=text)

    def stop(self) -> None:
        self._requested = False
        self._speaking = False
        self._send(stop=True)

    def is_speaking(self) -> bool:
        # The reply comes a moment after say(): count the request as speech already.
        return self._requested or self._speaking

    def set_volume(self, volume: float) -> None:
        self._send(volume=volume)

    def set_rate(self, rate: float) -> None:
        self._send(rate=rate)

    def set_voice(self, name: str | None) -> None:
        self._send(voice=name)

    def set_language(self, language: str) -> None:
        pass  # the old helper (the design before issue 9) speaks English only

    def voice_names(self) -> list[str]:
        return list(self._voices)

    def voice_languages(self) -> dict[str, str]:
        return {}

    def problems(self) -> list[str]:
        return list(self._problems)


def open_speech_output(parent: QObject | None = None, engine: str = "speechd") -> SpeechOutput:
    """Speech through ``engine`` in a helper process. A missing engine shows up as a problem
    (reported by the helper within a second or two), never as an exception."""
    return ProcessSpeechOutput(engine, parent)
