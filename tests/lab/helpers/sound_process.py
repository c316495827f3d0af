"""The app's sound output: cues played by the ``sound_worker`` helper process.

See ``sound_worker`` for why sound does not play in the app's own process.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QObject, QTimer

from piritimer.audio.cues import Cue
from tests.lab.helpers.worker_process import WorkerProcess

NO_HELPER = "The sound player could not start, so the cues are silent."
STOPPED = "The sound player stopped, so the cues are silent."
PING_MS = 400
STALL_S = 1.5
"""A helper that has not answered a ping for this long is stuck (see sound_worker): replace it."""
MAX_RESTARTS = 20


class ProcessSoundOutput(QObject):
    """A SoundOutput whose cues play in a helper; commands sent early wait in its stdin.

    The helper is pinged; one that stops answering is replaced by a fresh one, which is told
    the volume and whether to keep the stream awake (``restarts`` counts these).
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._problems: list[str] = []
        self.ready = False
        self.restarts = 0
        self._volume: float | None = None
        self._awake = False
        self._ping = 0
        self._answered = time.monotonic()
        self._worker = self._start()
        self._watchdog = QTimer(self)
        self._watchdog.timeout.connect(self._check)
        self._watchdog.start(PING_MS)

    def _start(self) -> WorkerProcess:
        worker = WorkerProcess("tests.lab.helpers.sound_worker", [], self)
        worker.message.connect(self._message)
        worker.ended.connect(self._ended)
        if not worker.running:
            self._problem(NO_HELPER)
        self._answered = time.monotonic()
        return worker

    def _check(self) -> None:
        if not self._worker.running:
            return
        if time.monotonic() - self._answered > STALL_S and self.restarts < MAX_RESTARTS:
            self.restarts += 1
            old, self._worker = self._worker, self._start()
            old.ended.disconnect(self._ended)
            old.kill()
            if self._volume is not None:
                self._worker.send(volume=self._volume)
            self._worker.send(awake=self._awake)
            return
        self._ping += 1
        self._worker.send(ping=self._ping)

    def _message(self, message: object) -> None:
        if not isinstance(message, dict) or self.sender() is not self._worker:
            return
        self._answered = time.monotonic()
        if message.get("ready"):
            self.ready = True
        for problem in message.get("problems", []):
            self._problem(str(problem))

    def _ended(self) -> None:
        if self.sender() is self._worker:
            self._problem(STOPPED if self.ready else NO_HELPER)

    def _problem(self, text: str) -> None:
        if text not in self._problems:
            self._problems.append(text)

    def play(self, cue: Cue, pan: float = 0.0) -> None:
        self._worker.send(play=cue.value)

    def set_volume(self, volume: float) -> None:
        self._volume = volume
        self._worker.send(volume=volume)

    def set_awake(self, awake: bool) -> None:
        self._awake = awake
        self._worker.send(awake=awake)

    def problems(self) -> list[str]:
        return list(self._problems)

    def close(self) -> None:
        self._watchdog.stop()
        self._worker.ended.disconnect(self._ended)
        self._worker.close()
