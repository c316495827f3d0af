"""The speech helper: Qt TextToSpeech in a process of its own, driven by ``speech_messages``.

Only where there is no speech-dispatcher to speak to directly (``ssip_output``): other
platforms, other engines.

Why a process, when the cues play on a thread of the app: ``QTextToSpeech(engine)`` blocks
for 1-6 s while speech-dispatcher lists its voices, and PySide holds the GIL through a C++
constructor, so on any thread of the app it froze the window that long (measured by
bench/audio.py: a 2.3-6 s stall of the GUI thread). In a helper it costs the window nothing.

Started as ``helper.helper_command`` says (from source or from a frozen build).
"""

from __future__ import annotations

import argparse
import ctypes
import os
import signal
import sys
import threading
import time

from PySide6.QtCore import QCoreApplication, QLocale, QObject, Qt, Signal, Slot
from PySide6.QtTextToSpeech import QTextToSpeech

from piritimer import paths
from piritimer.audio.speech_messages import (
    Enqueue,
    Ping,
    Pong,
    Problem,
    Ready,
    Reply,
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
from piritimer.audio.ssip import DEFAULT_LANGUAGE, same_language
from piritimer.core import i18n
from piritimer.core.i18n import SHIPPED_LANGUAGES, _

QUIT_GRACE_S = 2.0
"""How long an orderly quit may take once the app has gone, before the helper just exits."""


def locale_tag(locale: QLocale) -> str:
    """``fr_FR`` as a language tag: ``fr-FR``."""
    return locale.name().replace("_", "-")


def reply(message: Reply) -> None:
    """One line to the app, flushed at once: the app waits for it."""
    sys.stdout.buffer.write(encode(message))
    sys.stdout.buffer.flush()


class Worker(QObject):
    """Runs commands on the helper's main thread; a reader thread only forwards the lines."""

    line = Signal(bytes)
    ended = Signal()
    """stdin closed: the app has gone. A queued call, so that it also quits an event loop
    that had not started yet when the last line was read."""

    def __init__(self, tts: QTextToSpeech) -> None:
        super().__init__()
        self.tts = tts
        self.line.connect(self.handle)
        tts.stateChanged.connect(self.state_changed)
        tts.errorOccurred.connect(self.error)
        self.wanted: str | None = None
        self.set_language(DEFAULT_LANGUAGE)

    def voice_list(self) -> Ready:
        """The voices of every language piritimer speaks, each with its language: an engine
        lists only the current locale's, so each is visited once (then the current one is
        set again)."""
        current = self.tts.locale()
        found: dict[str, str] = {}
        for locale in self.tts.availableLocales():
            if locale_tag(locale).split("-")[0] not in SHIPPED_LANGUAGES:
                continue
            self.tts.setLocale(locale)
            for voice in self.tts.availableVoices():
                found.setdefault(voice.name(), locale_tag(voice.locale()))
        self.tts.setLocale(current)
        self.set_voice(self.wanted)
        names = sorted(found)
        return Ready(tuple(names), tuple(found[name] for name in names))

    def state_changed(self, state: QTextToSpeech.State) -> None:
        if state is QTextToSpeech.State.Speaking:
            reply(Speaking(True))
        elif state in (QTextToSpeech.State.Ready, QTextToSpeech.State.Error):
            reply(Speaking(False))

    def error(self, _reason: QTextToSpeech.ErrorReason, text: str) -> None:
        reply(Problem(_("Speech failed: {reason}").format(reason=text)))

    def set_language(self, language: str) -> None:
        """Speak ``language``: setting the locale picks the engine's voice for it, and the
        wanted voice replaces that one if it speaks the language."""
        self.tts.setLocale(QLocale(language.replace("-", "_")))
        self.set_voice(self.wanted)

    def set_voice(self, name: str | None) -> None:
        self.wanted = name
        spoken = locale_tag(self.tts.locale())
        for voice in self.tts.availableVoices():
            if voice.name() == name and same_language(locale_tag(voice.locale()), spoken):
                self.tts.setVoice(voice)
                return

    @Slot(bytes)
    def handle(self, line: bytes) -> None:
        match decode(line):
            case Say(text):
                self.tts.say(text)
            case Enqueue(text):
                self.tts.enqueue(text)
            case Stop():
                self.tts.stop(QTextToSpeech.BoundaryHint.Immediate)
            case SetVolume(volume):
                self.tts.setVolume(volume)
            case SetRate(rate):
                self.tts.setRate(rate)
            case SetVoice(name):
                self.set_voice(name)
            case SetLanguage(language):
                self.set_language(language)
            case Ping(number):
                reply(Pong(number))
            case _:
                pass


PR_SET_PDEATHSIG = 1


def die_with_the_app() -> None:
    """On Linux, have the kernel end this helper when the app's process goes, however it goes.

    A helper whose main thread waits inside speech-dispatcher's client (a speechd that never
    answers) never reads stdin's end, so an app killed outright left it behind for good.
    """
    if not sys.platform.startswith("linux"):
        return
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):
        return
    if os.getppid() == 1:  # the app went before the line above took effect
        os._exit(0)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--engine", default="speechd")
    options = parser.parse_args(argv)
    die_with_the_app()
    # The app passes its language down (LANGUAGE), so a problem is told in the app's words.
    i18n.configure(paths.locale_dir())
    i18n.use(i18n.best_language(i18n.environment_languages()))
    app = QCoreApplication([sys.argv[0]])
    if options.engine not in QTextToSpeech.availableEngines():
        reply(
            Problem(
                _("the speech engine {engine} is not installed").format(engine=repr(options.engine))
            )
        )
        return 1
    tts = QTextToSpeech(options.engine, app)  # goes before the app does, not after
    if tts.state() is QTextToSpeech.State.Error:
        reply(Problem(tts.errorString() or "the speech engine did not start"))
        return 1
    worker = Worker(tts)
    worker.ended.connect(app.quit, Qt.ConnectionType.QueuedConnection)
    reply(worker.voice_list())

    def read() -> None:
        # A plain thread reads stdin so the event loop never blocks on it; stdin closing
        # means the app has gone, so the helper quits.
        for line in sys.stdin.buffer:
            worker.line.emit(line)
        worker.ended.emit()
        # An app killed outright (SIGTERM, a crash) left helpers behind whose main thread
        # hung in speech-dispatcher's client while quitting: whatever the main thread is
        # doing, the helper never outlives the app by more than this grace.
        time.sleep(QUIT_GRACE_S)
        os._exit(0)

    threading.Thread(target=read, daemon=True).start()
    code = app.exec()
    tts.stop(QTextToSpeech.BoundaryHint.Immediate)  # quitting mid-line crashed the mock engine
    return code


if __name__ == "__main__":
    sys.exit(main())
