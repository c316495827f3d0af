"""A small process that plays the cues: SinkSoundOutput driven by JSON lines on stdin.

Why a separate process: Qt Multimedia's PulseAudio backend (Qt 6.12) can break the socket
notifiers of the process it runs in; with QSoundEffect it did so every 15-20 s of cues (see
``sink_output`` and docs/audio.md). Our own mixer into a QAudioSink has not done so in any
run, but sound stays out of the app's process all the same: if Qt Multimedia ever goes
wrong again, the window stays responsive and the watchdog in ``sound_process`` replaces this
helper. The cost is one pipe write per cue (well under a millisecond), which the latency
compensation includes because the bench measures end to end.

Commands, one JSON object a line: {"play": cue}, {"volume": 0..1}, {"awake": bool},
{"ping": n}. Replies: {"ready": true}, {"problems": [...]} whenever the list grows,
{"pong": n}.

A helper that stops answering pings is replaced by a fresh one (``sound_process``).

Run: python -m tests.lab.helpers.sound_worker
"""

from __future__ import annotations

import json
import sys

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from piritimer.audio.cues import Cue
from tests.lab.helpers.sink_output import open_sink_output
from tests.lab.helpers.worker_stdio import reply, serve


class Worker(QObject):
    line = Signal(str)

    def __init__(self, app: QCoreApplication) -> None:
        super().__init__()
        self.output = open_sink_output(app)
        self.reported = 0
        self.line.connect(self.handle)
        self.poll = QTimer(self)
        self.poll.timeout.connect(self.report)
        self.poll.start(250)

    def report(self) -> None:
        problems = self.output.problems()
        if len(problems) > self.reported:
            self.reported = len(problems)
            reply({"problems": problems})

    def handle(self, text: str) -> None:
        try:
            command = json.loads(text)
        except json.JSONDecodeError:
            return
        if "play" in command:
            try:
                self.output.play(Cue(command["play"]))
            except ValueError:
                return
        elif "volume" in command:
            self.output.set_volume(float(command["volume"]))
        elif "awake" in command:
            self.output.set_awake(bool(command["awake"]))
        elif "ping" in command:
            reply({"pong": command["ping"]})


def main() -> int:
    app = QCoreApplication([sys.argv[0]])
    worker = Worker(app)
    worker.report()
    reply({"ready": True})
    return serve(app, worker.line)


if __name__ == "__main__":
    sys.exit(main())
