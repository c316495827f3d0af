"""The fallback voice: Qt TextToSpeech in one helper process (``speech_worker``: see there
why). Where there is a speech-dispatcher the app speaks to it itself (``ssip_output``); this
is for the other platforms and engines (``hardware.open_speech`` chooses).

``open_speech_output()`` runs once at start-up (through ``hardware.open_audio_outputs``) and
returns at once; the helper loads its engine in the background. Commands and replies are
``speech_messages``, one line each on the helper's stdin and stdout (QProcess, read when the
event loop has time: nothing here waits for the helper).
"""

from __future__ import annotations

import time

from PySide6.QtCore import QObject, QProcess, QProcessEnvironment, QTimer

from piritimer.audio.helper import helper_command
from piritimer.audio.outputs import NO_ENGINE, STOPPED
from piritimer.audio.speech_messages import (
    Command,
    Enqueue,
    Ping,
    Pong,
    Problem,
    Ready,
    Say,
    SetLanguage,
    SetRate,
    SetVoice,
    SetVolume,
    Speaking,
    Stop,
    decode,
    encode,
)
from piritimer.core import i18n
from piritimer.core.i18n import _

PING_MS = 2000
STALL_S = 8.0
"""A ready helper that has answered nothing for this long is stuck: replace it."""
MAX_RESTARTS = 3


class ProcessSpeechOutput(QObject):
    """A SpeechOutput that speaks through the speech helper.

    Commands sent before the helper is ready wait in its stdin, so nothing is lost. The one
    watchdog: a helper that exits, or that once ready stops answering pings, is replaced by a
    fresh one (told the volume, rate and voice again), at most ``MAX_RESTARTS`` times
    (``restarts`` counts them). Replies waiting on the pipe are read before the helper is
    judged, so a window that stalled for a while never condemns a healthy helper.
    """

    def __init__(self, engine: str = "speechd", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._engine = engine
        self._problems: list[str] = []
        self._voices: dict[str, str] = {}
        self._settings: dict[type, Command] = {}
        self._speaking = False
        self._requested = False
        self._ready = False
        self._closing = False
        self._buffer = b""
        self._answered = time.monotonic()
        self._ping = 0
        self.restarts = 0
        self._process = self._start()
        self._watchdog = QTimer(self)
        self._watchdog.timeout.connect(self._check)
        self._watchdog.start(PING_MS)

    def _start(self) -> QProcess:
        process = QProcess(self)
        process.setProcessChannelMode(QProcess.ProcessChannelMode.SeparateChannels)
        process.setStandardErrorFile(QProcess.nullDevice())
        process.readyReadStandardOutput.connect(self._read)
        process.errorOccurred.connect(self._process_error)
        process.finished.connect(self._finished)
        # The helper tells its problems in the app's language, whatever the desktop's is.
        environment = QProcessEnvironment.systemEnvironment()
        environment.insert("LANGUAGE", i18n.current_language())
        process.setProcessEnvironment(environment)
        program, arguments = helper_command(self._engine)
        process.start(program, arguments)
        self._ready = False
        self._buffer = b""
        return process

    def _send(self, command: Command) -> None:
        if self._process.state() is not QProcess.ProcessState.NotRunning:
            self._process.write(encode(command))

    def _read(self) -> None:
        self._buffer += bytes(self._process.readAllStandardOutput().data())
        *lines, self._buffer = self._buffer.split(b"\n")
        for line in lines:
            self._answered = time.monotonic()
            match decode(line):
                case Ready(voices, languages):
                    self._ready = True
                    self._voices = dict(zip(voices, languages, strict=False))
                case Speaking(speaking):
                    self._speaking = speaking
                    self._requested = False
                case Problem(text):
                    self._problem(
                        _("{problem} ({reason})").format(problem=_(NO_ENGINE), reason=text)
                    )
                case Pong() | _:
                    pass

    def _check(self) -> None:
        """The watchdog: replace a ready helper that has stopped answering."""
        if not self._ready:
            return
        self._read()  # what a stalled window has not read yet still counts as an answer
        if time.monotonic() - self._answered > STALL_S:
            self._replace()
            return
        self._ping += 1
        self._send(Ping(self._ping))

    def _replace(self) -> None:
        old = self._process
        old.finished.disconnect(self._finished)
        old.kill()
        old.waitForFinished(1000)
        if self.restarts >= MAX_RESTARTS:
            self._ready = self._speaking = self._requested = False
            self._problem(_(STOPPED))
            return
        self.restarts += 1
        self._speaking = self._requested = False
        self._process = self._start()
        self._answered = time.monotonic()
        for command in self._settings.values():
            self._send(command)

    def _process_error(self, error: QProcess.ProcessError) -> None:
        if error is QProcess.ProcessError.FailedToStart:
            self._problem(_(NO_ENGINE))

    def _finished(self) -> None:
        if self._closing or self.sender() is not self._process:
            return
        if not self._ready:  # it never came up: no engine (the helper said which problem)
            self._speaking = self._requested = False
            if not self._problems:
                self._problem(_(NO_ENGINE))
            return
        self._replace()

    def _problem(self, text: str) -> None:
        if text not in self._problems:
            self._problems.append(text)

    def close(self) -> None:
        """End the helper (it also ends by itself when this process goes)."""
        self._closing = True
        self._watchdog.stop()
        self._process.closeWriteChannel()
        if not self._process.waitForFinished(2000):
            self._process.kill()
            self._process.waitForFinished(1000)

    def say(self, text: str) -> None:
        self._requested = True
        self._send(Say(text))

    def enqueue(self, text: str) -> None:
        self._requested = True
        self._send(Enqueue(text))

    def stop(self) -> None:
        self._requested = self._speaking = False
        self._send(Stop())

    def is_speaking(self) -> bool:
        # The reply comes a moment after say(): count the request as speech already.
        return self._requested or self._speaking

    def _setting(self, command: Command) -> None:
        self._settings[type(command)] = command
        self._send(command)

    def set_volume(self, volume: float) -> None:
        self._setting(SetVolume(volume))

    def set_rate(self, rate: float) -> None:
        self._setting(SetRate(rate))

    def set_language(self, language: str) -> None:
        self._setting(SetLanguage(language))

    def set_voice(self, name: str | None) -> None:
        self._setting(SetVoice(name))

    def voice_names(self) -> list[str]:
        return sorted(self._voices)

    def voice_languages(self) -> dict[str, str]:
        return dict(self._voices)

    def problems(self) -> list[str]:
        return list(self._problems)


def open_speech_output(
    parent: QObject | None = None, engine: str = "speechd"
) -> ProcessSpeechOutput:
    """Speech through ``engine`` in the helper. A missing engine shows up as a problem
    (reported by the helper within a second or two), never as an exception."""
    return ProcessSpeechOutput(engine, parent)
