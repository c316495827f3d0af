"""The voice through speech-dispatcher's own protocol (``ssip``), in the app's process.

Why not Qt TextToSpeech here: ``QTextToSpeech("speechd")`` blocks its thread for a second or
more while libspeechd lists espeak-ng's 13,000 voices, and PySide holds the GIL through it,
so it needed a helper process of its own (~42 MB). SSIP is a few lines of text on a unix
socket: a non-blocking QLocalSocket on the GUI thread sends a command when the one before it
has been answered and reads replies and events when the event loop has time; nothing here
ever waits. Notifications (``SET self NOTIFICATION all on``) say when each message began,
ended or was cancelled, so ``is_speaking`` follows the voice itself.

A server that is not running is started as libspeechd does (``speech-dispatcher --spawn``,
through QProcess, not waited on). No server, a server that refuses us, or one that stops
answering (``REPLY_TIMEOUT_MS``) leaves the voice silent with one problem; a connection lost
once up is made again (settings sent again), at most ``MAX_RESTARTS`` times.
"""

from __future__ import annotations

import getpass
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, QProcess, QTimer
from PySide6.QtNetwork import QLocalSocket

from piritimer.audio import ssip
from piritimer.audio.outputs import NO_ENGINE, STOPPED
from piritimer.audio.ssip import Event, EventKind, Reply, Server
from piritimer.core.i18n import _

REPLY_TIMEOUT_MS = 10_000
"""A server that takes longer than this to answer one command is stuck (the first voice
list, which starts espeak-ng, took 0.25 s here)."""
MAX_RESTARTS = 3
READ_BYTES = 32 * 1024
RECEIVING = 230
QUEUED = 225

Handler = Callable[[Reply], None]


@dataclass
class _Request:
    """One command and what to do with its reply; ``then`` is sent next if it succeeds."""

    payload: bytes
    handle: Handler | None = None
    then: _Request | None = None
    expect: int | None = None
    speech: bool = False
    """A SPEAK: dropped by ``stop()`` while still waiting here."""


def _user() -> str:
    try:
        name = getpass.getuser()
    except (OSError, KeyError):
        return "user"
    cleaned = "".join(c if c.isalnum() or c in "-_" else "_" for c in name)
    return cleaned or "user"


class SsipSpeechOutput(QObject):
    """A SpeechOutput that speaks through speech-dispatcher over SSIP (see the module doc)."""

    def __init__(
        self,
        server: Server,
        parent: QObject | None = None,
        reply_timeout_ms: int = REPLY_TIMEOUT_MS,
    ) -> None:
        super().__init__(parent)
        self._server = server
        self._reply_timeout_ms = reply_timeout_ms
        self._problems: list[str] = []
        self._voices: dict[str, str] = {}
        """Each base voice the server has, and the language it speaks."""
        self._settings: dict[str, bytes] = {}
        self._wanted_voice: str | None = None
        self._language = ssip.DEFAULT_LANGUAGE
        self._queue: deque[_Request] = deque()
        self._waiting: _Request | None = None
        self._parser = ssip.Parser()
        self._speaking: set[int] = set()
        self._ended: set[int] = set()
        self._requested = 0
        """SPEAKs sent or waiting whose message id is not known yet."""
        self._generation = 0
        self._ready = False
        self._closing = False
        self._spawned = False
        self.restarts = 0
        self._up_once = False
        self._spawner: QProcess | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._timed_out)
        self._socket: QLocalSocket | None = None
        # On the next turn of the event loop, not in the turn that opens the sound stream:
        # each of the two costs the GUI thread a few milliseconds, together they added up.
        QTimer.singleShot(0, self, self._connect)

    # -- the connection -------------------------------------------------------------------

    def _connect(self) -> None:
        """A fresh socket for every attempt: the old one's late signals are never heard."""
        if self._closing:
            return  # closed before this turn came
        self._drop_socket()
        self._parser = ssip.Parser()
        self._waiting = None
        self._ready = False
        socket = QLocalSocket(self)
        socket.connected.connect(self._connected)
        socket.readyRead.connect(self._read)
        socket.errorOccurred.connect(self._socket_error)
        socket.disconnected.connect(self._disconnected)
        self._socket = socket
        self._timer.start(self._reply_timeout_ms)
        socket.connectToServer(self._server.path)

    def _drop_socket(self) -> None:
        old, self._socket = self._socket, None
        if old is not None:
            old.blockSignals(True)
            old.abort()
            old.deleteLater()

    def _connected(self) -> None:
        handshake = [
            _Request(ssip.command("SET", "self", "CLIENT_NAME", f"{_user()}:piritimer:voice")),
            _Request(ssip.command("SET", "self", "PRIORITY", "message")),  # queues, never cuts
            _Request(ssip.command("SET", "self", "NOTIFICATION", "all", "on")),
            _Request(ssip.command("SET", "self", "SSML_MODE", "off")),  # "<" is just text
            _Request(ssip.command("LIST", "SYNTHESIS_VOICES"), self._voice_list),
        ]
        self._parser.keep = ssip.BASE_VOICE_LINE  # the handshake's only long reply is that list
        self._queue.extendleft(reversed(handshake))
        self._next()

    def _voice_list(self, reply: Reply) -> None:
        """The last of the handshake: the settings made so far go first (the language and
        the voice among them), then any speech."""
        self._parser.keep = None
        if reply.ok:
            self._voices = ssip.base_voices(reply.raw_lines)
        self._ready = self._up_once = True
        self._choose_voice()
        # In the order they were made (extendleft reverses): the language before its voice.
        self._queue.extendleft(reversed([_Request(payload) for payload in self._settings.values()]))

    def _connected_now(self) -> bool:
        return (
            self._socket is not None
            and self._socket.state() is QLocalSocket.LocalSocketState.ConnectedState
        )

    def _socket_error(self, _error: QLocalSocket.LocalSocketError) -> None:
        if self._closing or self._connected_now():
            return  # a connection that ends comes through disconnected()
        if not self._spawned and self._server.spawn is not None:
            self._spawn()
        elif self._up_once:
            self._fail(_(STOPPED))
        else:
            reason = self._socket.errorString() if self._socket is not None else ""
            self._fail(
                _("{problem} (speech-dispatcher: {reason})").format(
                    problem=_(NO_ENGINE), reason=reason
                )
            )

    def _spawn(self) -> None:
        """Start speech-dispatcher as libspeechd would, then connect again once it is up."""
        assert self._server.spawn is not None
        self._spawned = True
        self._drop_socket()
        self._timer.start(self._reply_timeout_ms)
        process = QProcess(self)
        process.setStandardOutputFile(QProcess.nullDevice())
        process.setStandardErrorFile(QProcess.nullDevice())
        process.finished.connect(self._spawn_finished)
        process.errorOccurred.connect(self._spawn_error)
        self._spawner = process
        program, *arguments = self._server.spawn
        process.start(program, arguments)

    def _spawn_finished(self) -> None:
        if not self._closing:
            self._connect()

    def _spawn_error(self, error: QProcess.ProcessError) -> None:
        if error is QProcess.ProcessError.FailedToStart and not self._closing:
            self._fail(
                _("{problem} (speech-dispatcher could not be started)").format(problem=_(NO_ENGINE))
            )

    def _disconnected(self) -> None:
        self._dropped(
            _("{problem} (speech-dispatcher closed the connection)").format(problem=_(NO_ENGINE))
        )

    def _dropped(self, never_up: str) -> None:
        """The connection went: made again if it had been up, else the voice fails with
        ``never_up`` (the server never answered at all)."""
        if self._closing:
            return
        if self._up_once:
            self._lost()
        else:
            self._fail(never_up)

    def _lost(self) -> None:
        """The connection went (or stuck) after it was up: make it again, or give up."""
        self._clear_speech()
        self._queue.clear()
        if self.restarts >= MAX_RESTARTS:
            self._fail(_(STOPPED))
            return
        self.restarts += 1
        self._spawned = False  # the server itself may have gone: it may be started again
        self._connect()

    def _timed_out(self) -> None:
        self._dropped(
            _("{problem} (speech-dispatcher did not answer)").format(problem=_(NO_ENGINE))
        )

    def _fail(self, problem: str) -> None:
        """Silent from now on, with ``problem`` said once."""
        self._timer.stop()
        self._ready = False
        self._closing = True  # nothing more is sent or retried
        self._clear_speech()
        self._queue.clear()
        self._waiting = None
        self._drop_socket()
        if problem not in self._problems:
            self._problems.append(problem)

    # -- commands and replies -------------------------------------------------------------

    def _send(self, request: _Request) -> None:
        if self._closing:
            return
        self._queue.append(request)
        self._next()

    def _next(self) -> None:
        """Send the next command if the one before it has been answered (SSIP is
        synchronous: one command, one complete reply)."""
        if self._waiting is not None or not self._queue or self._closing:
            return
        if self._socket is None or not self._connected_now():
            return
        request = self._queue.popleft()
        self._waiting = request
        self._socket.write(request.payload)
        self._timer.start(self._reply_timeout_ms)

    def _read(self) -> None:
        """What has arrived, ``READ_BYTES`` at a time: the 13,000-line voice list is taken
        in over several turns of the event loop, never in one long one."""
        if self._socket is None:
            return
        for item in self._parser.feed(bytes(self._socket.read(READ_BYTES).data())):
            if isinstance(item, Event):
                self._event(item)
            else:
                self._reply(item)
        self._next()
        if self._socket is not None and self._socket.bytesAvailable() > 0:
            QTimer.singleShot(0, self, self._read)

    def _reply(self, reply: Reply) -> None:
        request, self._waiting = self._waiting, None
        self._timer.stop()
        if request is None:
            return  # an answer to nothing we asked: ignore it
        if request.handle is not None:
            request.handle(reply)
        if request.then is not None:
            if request.expect is None or reply.code == request.expect:
                self._queue.appendleft(request.then)
            elif request.speech:
                self._requested = max(0, self._requested - 1)

    def _event(self, event: Event) -> None:
        if event.kind in (EventKind.END, EventKind.CANCEL):
            if event.message_id in self._speaking:
                self._speaking.discard(event.message_id)
            else:
                self._ended.add(event.message_id)  # it ended before its id reached us

    def _queued(self, generation: int) -> Handler:
        def handle(reply: Reply) -> None:
            if generation != self._generation:
                return  # stop() came in between: this one is being cancelled
            self._requested = max(0, self._requested - 1)
            if reply.code != QUEUED or not reply.raw_lines or not reply.raw_lines[0].isdigit():
                return
            message_id = int(reply.raw_lines[0])
            if message_id in self._ended:
                self._ended.discard(message_id)
            else:
                self._speaking.add(message_id)

        return handle

    def _speak(self, text: str) -> None:
        if self._closing or not text.strip():
            return
        self._requested += 1
        data = _Request(ssip.speak_data(text), self._queued(self._generation))
        self._send(_Request(ssip.command("SPEAK"), then=data, expect=RECEIVING, speech=True))

    def _clear_speech(self) -> None:
        self._generation += 1
        self._requested = 0
        self._speaking.clear()
        self._ended.clear()
        self._queue = deque(r for r in self._queue if not r.speech)

    # -- SpeechOutput ---------------------------------------------------------------------

    def say(self, text: str) -> None:
        if self._requested or self._speaking:
            self.stop()
        self._speak(text)

    def enqueue(self, text: str) -> None:
        self._speak(text)  # priority "message" queues behind what is being said

    def stop(self) -> None:
        self._clear_speech()
        self._send(_Request(ssip.command("CANCEL", "self")))

    def is_speaking(self) -> bool:
        # Until the server has given the message an id, the request counts as speech.
        return bool(self._requested or self._speaking)

    def _setting(self, name: str, *words: str) -> None:
        payload = ssip.command("SET", "self", name, *words)
        self._settings[name] = payload
        if self._ready:
            self._send(_Request(payload))

    def set_volume(self, volume: float) -> None:
        self._setting("VOLUME", str(ssip.volume_value(volume)))

    def set_rate(self, rate: float) -> None:
        self._setting("RATE", str(ssip.rate_value(rate)))

    def set_language(self, language: str) -> None:
        self._language = language
        self._voice_changed()

    def set_voice(self, name: str | None) -> None:
        self._wanted_voice = name
        self._voice_changed()

    def _voice_changed(self) -> None:
        before = (self._settings.get("LANGUAGE"), self._settings.get("VOICE"))
        self._choose_voice()
        if self._ready and before != (self._settings["LANGUAGE"], self._settings["VOICE"]):
            # Both, in this order: the language, then the voice that speaks it.
            self._send(_Request(self._settings["LANGUAGE"]))
            self._send(_Request(self._settings["VOICE"]))

    def _choose_voice(self) -> None:
        """The language, then the wanted voice if the server has it and it speaks that
        language, else the engine's own voice for it (kept with the settings, in that order,
        so they are sent again on a new connection)."""
        chosen = ssip.choose_voice(self._voices, self._wanted_voice, self._language)
        for name in ("LANGUAGE", "VOICE"):
            self._settings.pop(name, None)
        self._settings["LANGUAGE"] = ssip.command("SET", "self", "LANGUAGE", self._language)
        if chosen is not None:
            # The server's own names only (base_voices drops any with a control character).
            voice = ssip.command("SET", "self", "SYNTHESIS_VOICE", chosen)
        else:
            voice = ssip.command("SET", "self", "VOICE_TYPE", ssip.DEFAULT_VOICE_TYPE)
        self._settings["VOICE"] = voice

    def voice_names(self) -> list[str]:
        return sorted(self._voices)

    def voice_languages(self) -> dict[str, str]:
        return dict(self._voices)

    def problems(self) -> list[str]:
        return list(self._problems)

    def close(self) -> None:
        """Cancel what is being said and leave. Nothing is waited for."""
        if self._closing:
            self._timer.stop()
            return
        self._closing = True
        self._timer.stop()
        if self._socket is not None and self._connected_now():
            self._socket.write(ssip.command("CANCEL", "self") + ssip.command("QUIT"))
            self._socket.flush()
        self._drop_socket()


def open_ssip_output(server: Server, parent: QObject | None = None) -> SsipSpeechOutput:
    return SsipSpeechOutput(server, parent)
