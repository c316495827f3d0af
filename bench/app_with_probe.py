"""The real app with a stall probe on its GUI thread, for bench/whole_app.py (not by hand).

Run as ``python bench/app_with_probe.py [piritimer arguments]`` with ``PIRITIMER_BENCH_STALLS``
naming a file: the app starts exactly as ``piritimer`` does (``piritimer.cli.main``), except
that its QApplication gets a 5 ms precise timer; every tick that comes more than
``REPORT_MS`` late appends ``<time.monotonic()> <stall ms> <app CPU ms>`` to that file, at
once (the bench
ends the app with SIGTERM, so nothing may wait for a clean exit). The first tick comes once
the event loop runs: the time before it (building the window, before ``exec``) is not a stall
of the loop, so it is written as ``<time> loop`` instead. time.monotonic() is the
system-wide monotonic clock, so the bench can tell which phase each stall belongs to. The
app's CPU time over the same interval (all its threads, ``time.process_time``) tells a stall
the app caused (its threads busy) from one the machine caused (nothing of the app ran: on a
loaded machine a paused app that does nothing still "stalls" 70 ms).
"""

from __future__ import annotations

import os
import sys
import time

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication

from piritimer import app as piritimer_app  # the bench's PYTHONPATH says which checkout
from piritimer.cli import main

INTERVAL_MS = 5
REPORT_MS = 5.0


class StallProbe(QObject):
    def __init__(self, parent: QObject, path: str) -> None:
        super().__init__(parent)
        self._out = open(path, "a", buffering=1)  # noqa: SIM115 - open for the app's life
        self._last = time.monotonic()
        self._last_cpu = time.process_time()
        self._started = False
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self._tick)
        self._timer.start(INTERVAL_MS)

    def _tick(self) -> None:
        now, cpu = time.monotonic(), time.process_time()
        stall_ms = (now - self._last) * 1000 - INTERVAL_MS
        cpu_ms = (cpu - self._last_cpu) * 1000
        self._last, self._last_cpu = now, cpu
        if not self._started:
            self._started = True
            self._out.write(f"{now:.6f} loop\n")
        elif stall_ms > REPORT_MS:
            self._out.write(f"{now:.6f} {stall_ms:.1f} {cpu_ms:.1f}\n")


_create = piritimer_app.create_application


def create_with_probe(qt_args: list[str]) -> QApplication:
    app = _create(qt_args)
    StallProbe(app, os.environ["PIRITIMER_BENCH_STALLS"])
    return app


piritimer_app.create_application = create_with_probe  # the one change: a probe on the app

if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
