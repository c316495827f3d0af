"""The speech helper, driven through Qt's "mock" engine (no sound server needed)."""

from __future__ import annotations

import os
import select
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from piritimer.audio import helper
from piritimer.audio.helper import HELPER_FLAG, HELPER_MODULE, helper_command
from piritimer.audio.speech_messages import Ping, Pong, Ready, Say, decode, encode
from piritimer.audio.speech_output import NO_ENGINE, ProcessSpeechOutput

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def mock_speech(qapp: object) -> Iterator[ProcessSpeechOutput]:
    output = ProcessSpeechOutput("mock")
    yield output
    output.close()


def test_the_helper_lists_voices_and_speaks(qtbot: QtBot, mock_speech: ProcessSpeechOutput) -> None:
    qtbot.waitUntil(lambda: mock_speech.voice_names() != [], timeout=15_000)
    assert mock_speech.voice_names() == sorted(mock_speech.voice_names())
    mock_speech.set_volume(0.5)
    mock_speech.set_rate(0.2)
    mock_speech.set_voice(mock_speech.voice_names()[-1])
    mock_speech.say("Breathe in.")
    assert mock_speech.is_speaking()  # at once, before the helper has answered
    qtbot.waitUntil(lambda: not mock_speech.is_speaking(), timeout=10_000)
    assert mock_speech.problems() == []


def test_stop_silences_at_once(qtbot: QtBot, mock_speech: ProcessSpeechOutput) -> None:
    qtbot.waitUntil(lambda: mock_speech.voice_names() != [], timeout=15_000)
    mock_speech.say("Figure four. Lie on your back. Cross the ankle over the knee.")
    mock_speech.enqueue("Hold.")
    mock_speech.stop()
    assert not mock_speech.is_speaking()


def test_a_helper_that_dies_is_replaced_and_speaks_on(
    qtbot: QtBot, mock_speech: ProcessSpeechOutput
) -> None:
    qtbot.waitUntil(lambda: mock_speech.voice_names() != [], timeout=15_000)
    first = mock_speech._process.processId()
    os.kill(first, signal.SIGKILL)
    qtbot.waitUntil(lambda: mock_speech.restarts == 1, timeout=10_000)
    qtbot.waitUntil(lambda: mock_speech._ready, timeout=15_000)
    assert mock_speech._process.processId() != first
    mock_speech.say("Breathe out.")
    qtbot.waitUntil(lambda: not mock_speech.is_speaking(), timeout=10_000)
    assert mock_speech.problems() == []


def test_a_missing_engine_is_one_clear_problem(qtbot: QtBot, qapp: object) -> None:
    output = ProcessSpeechOutput("no-such-engine")
    try:
        qtbot.waitUntil(lambda: output.problems() != [], timeout=15_000)
        output.say("Hello.")  # harmless once the helper has gone
        qtbot.wait(200)
        assert len(output.problems()) == 1
        assert output.problems()[0].startswith(NO_ENGINE)
        assert "no-such-engine" in output.problems()[0]
        assert output.restarts == 0  # an engine that is not there is not retried
    finally:
        output.close()


def test_from_source_the_helper_is_its_module_and_frozen_the_app_itself(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert helper_command("mock") == (sys.executable, ["-m", HELPER_MODULE, "--engine", "mock"])
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", "/opt/piritimer/piritimer")
    assert helper_command("mock") == ("/opt/piritimer/piritimer", [HELPER_FLAG, "--engine", "mock"])
    assert helper.run_helper(["--some-app-option"]) is None


def test_an_entry_point_that_calls_run_helper_serves_as_the_helper() -> None:
    """What a frozen app's executable does when started with HELPER_FLAG."""
    entry = (
        "import sys; from piritimer.audio.helper import run_helper;"
        " sys.exit(run_helper(sys.argv[1:]))"
    )
    done = subprocess.run(
        [sys.executable, "-c", entry, HELPER_FLAG, "--engine", "mock"],
        input=encode(Say("Hello.")) + encode(Ping(3)),
        capture_output=True,
        cwd=ROOT,
        timeout=60,
        check=True,
    )
    replies = [decode(line) for line in done.stdout.splitlines()]
    assert isinstance(replies[0], Ready)
    assert Pong(3) in replies


PARENT = """
import subprocess, sys, time
fds = (int(sys.argv[1]), int(sys.argv[2]))
helper = subprocess.Popen(
    [sys.executable, "-m", "piritimer.audio.speech_worker", "--engine", "mock"],
    stdin=fds[0], stdout=fds[1], pass_fds=fds,
)
time.sleep(60)
"""


def read_line(fd: int, timeout_s: float = 30.0) -> bytes:
    """One line from ``fd``, or b"" at its end; fails rather than hangs."""
    line = b""
    while not line.endswith(b"\n"):
        ready, _, _ = select.select([fd], [], [], timeout_s)
        assert ready, f"nothing from the helper in {timeout_s:g} s"
        chunk = os.read(fd, 1)
        if not chunk:
            return line
        line += chunk
    return line


def test_the_helper_goes_with_an_app_killed_outright() -> None:
    """The app's process is killed while the helper's stdin stays open elsewhere (as when the
    helper hangs before it reads it): the kernel still ends the helper (PR_SET_PDEATHSIG)."""
    stdin_read, stdin_write = os.pipe()  # this test keeps it open: no end of input
    out_read, out_write = os.pipe()
    parent = subprocess.Popen(
        [sys.executable, "-c", PARENT, str(stdin_read), str(out_write)],
        pass_fds=(stdin_read, out_write),
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        cwd=Path(__file__).resolve().parents[2],
    )
    os.close(stdin_read)
    os.close(out_write)
    try:
        assert b"Ready" in read_line(out_read)  # the helper runs
        parent.kill()
        parent.wait()
        assert read_line(out_read) == b""  # its stdout closed: the helper has gone
    finally:
        parent.kill()
        os.close(stdin_write)
        os.close(out_read)


def test_the_helper_lists_each_voice_with_its_language(
    qtbot: QtBot, mock_speech: ProcessSpeechOutput
) -> None:
    qtbot.waitUntil(lambda: mock_speech.voice_names() != [], timeout=15_000)
    # Qt's mock engine speaks English, Norwegian and Finnish: piritimer's languages only.
    assert mock_speech.voice_languages() == {
        "Anne": "en-GB",
        "Bob": "en-GB",
        "Charly": "en-US",
        "Mary": "en-US",
    }
    mock_speech.set_language("fr")  # one the engine lacks: it keeps speaking, unharmed
    mock_speech.say("Inspirez.")
    qtbot.waitUntil(lambda: not mock_speech.is_speaking(), timeout=10_000)
    assert mock_speech.problems() == []


@pytest.mark.qt_log_ignore("pipewire")  # Qt Multimedia, loaded in this process the first time
def test_the_helpers_voice_follows_the_language(qapp: object) -> None:
    """The worker itself, in this process, on the mock engine: the chosen voice where it
    speaks the language, the engine's own voice for the language elsewhere."""
    from PySide6.QtTextToSpeech import QTextToSpeech

    from piritimer.audio.speech_worker import Worker

    tts = QTextToSpeech("mock")
    worker = Worker(tts)
    assert tts.locale().name() == "en_US"
    worker.set_voice("Mary")
    assert tts.voice().name() == "Mary"
    worker.set_language("en-GB")
    assert tts.voice().name() == "Bob"  # Mary speaks American English: en-GB has its own
    worker.set_voice("Anne")
    assert tts.voice().name() == "Anne"
    worker.set_language("nb-NO")
    assert (tts.locale().name(), tts.voice().name()) == ("nb_NO", "Eivind")
    worker.set_language("en-GB")
    assert tts.voice().name() == "Anne"  # back in its language, the chosen voice again
    tts.deleteLater()
