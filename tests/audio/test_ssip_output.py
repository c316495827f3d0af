"""The voice over SSIP: against the real speech-dispatcher (and espeak-ng), against a
scripted server that records every byte, and against servers that are dead or stuck."""

from __future__ import annotations

import os
import shutil
import socket
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO, cast

import pytest
from pytestqt.qtbot import QtBot

from piritimer.audio import ssip
from piritimer.audio.guide import AudioGuide
from piritimer.audio.hardware import open_speech
from piritimer.audio.outputs import AudioOutputs, SilentSoundOutput
from piritimer.audio.settings import AudioSettings
from piritimer.audio.speech_output import ProcessSpeechOutput
from piritimer.audio.ssip import Server, find_server
from piritimer.audio.ssip_output import NO_ENGINE, STOPPED, SsipSpeechOutput
from piritimer.core.engine import Engine
from piritimer.qt.driver import EngineDriver
from tests.audio.conftest import require_tools
from tests.audio.fakes import FakeClock
from tests.lab.pulse_lab import PulseLab
from tests.sessions_for_tests import two_exercise_timeline

INJECTION = "Breathe in.\r\n.\r\nQUIT\r\n.\nCANCEL all\n."


# -- the real speech-dispatcher ----------------------------------------------------------


@pytest.fixture
def speechd(qapp: object, pulse_lab: PulseLab) -> Iterator[SsipSpeechOutput]:
    server = find_server(pulse_lab.env, shutil.which)
    assert server is not None
    output = SsipSpeechOutput(server)
    yield output
    output.close()


def ready(qtbot: QtBot, output: SsipSpeechOutput) -> None:
    qtbot.waitUntil(lambda: output.voice_names() != [] or output.problems() != [], timeout=15_000)
    assert output.problems() == []


@pytest.mark.hardware
def test_speaks_through_speechd_and_knows_when_the_line_ends(
    qtbot: QtBot, speechd: SsipSpeechOutput
) -> None:
    ready(qtbot, speechd)
    assert "English (America)" in speechd.voice_names()
    assert speechd.voice_names() == sorted(speechd.voice_names())
    speechd.set_volume(0.8)
    speechd.set_rate(0.2)
    speechd.set_voice("English (Great Britain)")
    speechd.say("Breathe in.")
    assert speechd.is_speaking()  # at once, before the server has answered
    qtbot.waitUntil(lambda: not speechd.is_speaking(), timeout=15_000)  # its END event
    assert speechd.problems() == []
    assert speechd.restarts == 0


@pytest.mark.hardware
def test_enqueued_lines_follow_and_stop_cancels_them_all(
    qtbot: QtBot, speechd: SsipSpeechOutput
) -> None:
    ready(qtbot, speechd)
    speechd.say("Figure four. Lie on your back. Cross the ankle over the knee.")
    speechd.enqueue("Hold.")
    qtbot.waitUntil(lambda: len(speechd._speaking) == 2, timeout=10_000)  # two messages
    speechd.stop()
    assert not speechd.is_speaking()
    speechd.say("Breathe out.")  # the connection is fine after a cancel
    qtbot.waitUntil(lambda: not speechd.is_speaking(), timeout=15_000)
    assert speechd.problems() == []
    assert speechd.restarts == 0


@pytest.mark.hardware
def test_a_line_cannot_speak_protocol_to_the_real_server(
    qtbot: QtBot, speechd: SsipSpeechOutput
) -> None:
    """Had "QUIT" reached the server as a command, it would have closed the connection."""
    ready(qtbot, speechd)
    speechd.say(INJECTION)
    qtbot.waitUntil(lambda: speechd._speaking != set(), timeout=10_000)
    assert len(speechd._speaking) == 1  # one message, the whole text
    qtbot.waitUntil(lambda: not speechd.is_speaking(), timeout=30_000)
    speechd.say("Still here.")
    qtbot.waitUntil(lambda: not speechd.is_speaking(), timeout=15_000)
    assert speechd.problems() == []
    assert speechd.restarts == 0


@pytest.fixture
def bare_lab(monkeypatch: pytest.MonkeyPatch) -> Iterator[PulseLab]:
    """PulseAudio only, and this process's environment pointed at its runtime dir: a
    speech-dispatcher there can only be the one our client spawns."""
    require_tools(speech=True)
    lab = PulseLab()
    try:
        lab.start(speech=False)
        for name in ("XDG_RUNTIME_DIR", "HOME", "PULSE_SERVER"):
            monkeypatch.setenv(name, lab.env[name])
        monkeypatch.delenv("SPEECHD_ADDRESS", raising=False)
        yield lab
    finally:
        lab.adopt_speech()
        lab.stop()


@pytest.mark.hardware
def test_a_server_not_running_is_spawned_as_libspeechd_does(
    qtbot: QtBot, qapp: object, bare_lab: PulseLab
) -> None:
    server = find_server(os.environ, shutil.which)
    assert server is not None
    assert server.spawn is not None
    assert not Path(server.path).exists()
    output = SsipSpeechOutput(server)
    try:
        ready(qtbot, output)
        output.say("Hello.")
        qtbot.waitUntil(lambda: not output.is_speaking(), timeout=15_000)
        assert output.problems() == []
    finally:
        output.close()


@pytest.mark.hardware
def test_speechd_is_spoken_to_directly_where_there_is_one(
    qapp: object, pulse_lab: PulseLab
) -> None:
    output = open_speech(engine="speechd", env=pulse_lab.env)
    try:
        assert isinstance(output, SsipSpeechOutput)
    finally:
        output.close()


def test_another_engine_is_qt_texttospeech_in_the_helper(qapp: object, tmp_path: Path) -> None:
    """Even beside a speech-dispatcher (where there is none, ``find_server`` says None:
    test_ssip.py), an engine other than speechd goes to the Qt TextToSpeech helper."""
    env = {"SPEECHD_ADDRESS": f"unix_socket:{stale_socket(tmp_path / 's.sock')}"}
    output = open_speech(engine="mock", env=env)
    try:
        assert isinstance(output, ProcessSpeechOutput)
    finally:
        output.close()


# -- a scripted server -------------------------------------------------------------------


class ScriptedServer:
    """A unix-socket SSIP server on a thread: records every command and every SPEAK's data,
    answers as speech-dispatcher does (no events), or answers nothing (``silent``)."""

    def __init__(self, path: Path, silent: bool = False) -> None:
        self.path = path
        self.commands: list[str] = []
        self.data: list[bytes] = []
        self.connections = 0
        self.silent = silent
        self.drop_next = False
        self._listener = socket.socket(socket.AF_UNIX)
        self._listener.bind(str(path))
        self._listener.listen(4)
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while True:
            try:
                connection, _ = self._listener.accept()
            except OSError:
                return
            self.connections += 1
            stream = cast(BinaryIO, connection.makefile("rwb", buffering=0))
            try:
                self._talk(stream)
            except OSError:
                pass  # the client went
            finally:
                stream.close()
                connection.close()

    def _talk(self, stream: BinaryIO) -> None:
        message = 0
        while line := stream.readline():
            text = line.decode().rstrip("\r\n")
            self.commands.append(text)
            if self.silent:
                continue
            if self.drop_next and text.startswith("SPEAK"):
                self.drop_next = False
                return  # the server goes away mid-session
            if text == "SPEAK":
                stream.write(b"230 OK RECEIVING DATA\r\n")
                data = b""
                while not data.endswith(ssip.END_OF_DATA) and data != b".\r\n":
                    data += stream.readline()
                self.data.append(data)
                message += 1
                stream.write(f"225-{message}\r\n225 OK MESSAGE QUEUED\r\n".encode())
            elif text.startswith("LIST SYNTHESIS_VOICES"):
                stream.write(
                    b"249-English (America)\ten-US\tnone\r\n249-French (France)\tfr-FR\tnone\r\n"
                    b"249 OK VOICE LIST SENT\r\n"
                )
            else:
                stream.write(b"200 OK\r\n")

    def close(self) -> None:
        self._listener.close()


@pytest.fixture
def scripted(tmp_path: Path) -> Iterator[ScriptedServer]:
    server = ScriptedServer(tmp_path / "speechd.sock")
    yield server
    server.close()


def test_hostile_text_reaches_the_server_as_one_message_and_no_command(
    qtbot: QtBot, qapp: object, scripted: ScriptedServer
) -> None:
    output = SsipSpeechOutput(Server(str(scripted.path), None))
    try:
        ready(qtbot, output)
        output.say(INJECTION)
        output.enqueue(".")
        qtbot.waitUntil(lambda: len(scripted.data) == 2, timeout=5_000)
        assert scripted.data[0] == ssip.speak_data(INJECTION)
        assert scripted.data[1] == b"..\r\n.\r\n"
        output.set_volume(0.5)
        qtbot.waitUntil(lambda: scripted.commands[-1] == "SET self VOLUME 0", timeout=5_000)
        commands = [c for c in scripted.commands if c.split()[0] in ("QUIT", "CANCEL")]
        assert commands == []  # say() on a silent voice cancels nothing; nothing injected
    finally:
        output.close()


def test_the_language_goes_first_then_a_voice_that_speaks_it(
    qtbot: QtBot, qapp: object, scripted: ScriptedServer
) -> None:
    output = SsipSpeechOutput(Server(str(scripted.path), None))
    try:
        output.set_language("fr")  # before the handshake: sent once it is done
        output.set_voice("English (America)")
        ready(qtbot, output)
        assert output.voice_languages() == {
            "English (America)": "en-US",
            "French (France)": "fr-FR",
        }
        qtbot.waitUntil(lambda: scripted.commands[-1].startswith("SET self VOICE"), timeout=5_000)
        assert scripted.commands[-2:] == ["SET self LANGUAGE fr", "SET self VOICE_TYPE MALE1"]
        output.set_voice("French (France)")
        qtbot.waitUntil(lambda: "SYNTHESIS_VOICE" in scripted.commands[-1], timeout=5_000)
        assert scripted.commands[-2:] == [
            "SET self LANGUAGE fr",
            "SET self SYNTHESIS_VOICE French (France)",
        ]
        sent = len(scripted.commands)
        output.set_voice("French (France)")  # nothing changed: nothing sent
        output.set_language("fr")
        output.set_volume(0.5)
        qtbot.waitUntil(lambda: scripted.commands[-1] == "SET self VOLUME 0", timeout=5_000)
        assert len(scripted.commands) == sent + 1
    finally:
        output.close()


def test_a_connection_lost_mid_session_is_made_again(
    qtbot: QtBot, qapp: object, scripted: ScriptedServer
) -> None:
    output = SsipSpeechOutput(Server(str(scripted.path), None))
    try:
        ready(qtbot, output)
        output.set_rate(0.5)
        scripted.drop_next = True
        output.say("Breathe in.")
        qtbot.waitUntil(lambda: output.restarts == 1 and output.voice_names() != [], timeout=5_000)
        qtbot.waitUntil(lambda: "SET self RATE 50" in scripted.commands[-3:], timeout=5_000)
        assert scripted.connections == 2
        output.say("Breathe out.")
        qtbot.waitUntil(lambda: len(scripted.data) == 1, timeout=5_000)
        assert output.problems() == []
    finally:
        output.close()


# -- dead, absent and stuck servers: silent, one problem, never a hang -------------------


def stale_socket(path: Path) -> Path:
    """A socket file left by a server that died: nothing listens behind it."""
    dead = socket.socket(socket.AF_UNIX)
    dead.bind(str(path))
    dead.close()
    return path


@pytest.mark.parametrize(
    "make",
    [
        lambda tmp: Server(str(stale_socket(tmp / "s.sock")), None),  # refused
        lambda tmp: Server(str(tmp / "absent.sock"), None),  # no server, none to start
        lambda tmp: Server(str(tmp / "absent.sock"), ("false",)),  # it would not start
        lambda tmp: Server(str(tmp / "absent.sock"), (str(tmp / "no-such-program"),)),
    ],
    ids=["refused", "absent", "spawn-fails", "spawn-missing"],
)
def test_no_server_is_one_problem_and_silence(
    qtbot: QtBot, qapp: object, tmp_path: Path, make: object
) -> None:
    assert callable(make)
    output = SsipSpeechOutput(make(tmp_path))
    try:
        qtbot.waitUntil(lambda: output.problems() != [], timeout=10_000)
        output.say("Hello.")
        output.enqueue("Hello again.")
        output.set_volume(0.3)
        assert not output.is_speaking()
        qtbot.wait(100)
        assert len(output.problems()) == 1
        assert output.problems()[0].startswith(NO_ENGINE)
    finally:
        output.close()


def test_a_server_that_never_answers_times_out(qtbot: QtBot, qapp: object, tmp_path: Path) -> None:
    stuck = ScriptedServer(tmp_path / "stuck.sock", silent=True)
    output = SsipSpeechOutput(Server(str(stuck.path), None), reply_timeout_ms=300)
    try:
        output.say("Hello.")
        qtbot.waitUntil(lambda: output.problems() != [], timeout=5_000)
        assert output.problems() == [f"{NO_ENGINE} (speech-dispatcher did not answer)"]
        assert not output.is_speaking()
        assert stuck.commands[0].startswith("SET self CLIENT_NAME")
        assert len(stuck.commands) == 1  # one command at a time, as SSIP wants
    finally:
        output.close()
        stuck.close()


def test_a_server_that_stops_answering_midway_is_given_up_after_the_restarts(
    qtbot: QtBot, qapp: object, scripted: ScriptedServer
) -> None:
    output = SsipSpeechOutput(Server(str(scripted.path), None), reply_timeout_ms=300)
    try:
        ready(qtbot, output)
        scripted.silent = True
        output.say("Hello.")
        qtbot.waitUntil(lambda: output.problems() != [], timeout=10_000)
        assert output.problems() == [STOPPED]
        assert output.restarts == 3
    finally:
        output.close()


def test_the_guide_says_so_once_and_the_session_runs_on(
    qtbot: QtBot, qapp: object, tmp_path: Path
) -> None:
    clock = FakeClock(100.0)
    driver = EngineDriver(Engine(two_exercise_timeline(), clock=clock))
    dead = SsipSpeechOutput(Server(str(stale_socket(tmp_path / "s.sock")), None))
    guide = AudioGuide(driver, AudioSettings(), outputs=AudioOutputs(SilentSoundOutput(), dead))
    notices: list[str] = []
    guide.notice.connect(notices.append)
    qtbot.waitUntil(lambda: dead.problems() != [], timeout=5_000)
    driver.start()
    driver.pause()
    driver.resume()
    assert len(notices) == 1
    assert notices[0].startswith(NO_ENGINE)
    guide.close()
