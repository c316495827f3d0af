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

Beside the probe, every way the GUI thread enters sound or speech code (``AUDIO_ENTRIES``) is
timed, and each call longer than ``REPORT_MS`` is written as ``<time> audio <label> <ms>``:
what sound and speech themselves cost the event loop, whatever else stalls it. The modules
timed are the light ones (no Qt Multimedia): importing them first changes nothing the app
would not import anyway.
"""

from __future__ import annotations

import functools
import importlib
import os
import sys
import threading
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication

from piritimer import app as piritimer_app  # the bench's PYTHONPATH says which checkout
from piritimer.cli import main

INTERVAL_MS = 5
REPORT_MS = 5.0
AUDIO_REPORT_MS = 1.0
AUDIO_ENTRIES = (
    ("piritimer.audio.hardware", None, "open_audio_outputs", "open the outputs"),
    ("piritimer.audio.hardware", "_Opening", "_open_sounds", "make the sink"),
    ("piritimer.audio.hardware", "_Opening", "_open_speech", "make the voice"),
    ("piritimer.audio.ssip", "Parser", "feed", "SSIP: one read"),
    ("piritimer.audio.ssip", None, "base_voices", "SSIP: the voice list"),
    ("piritimer.audio.guide", "AudioGuide", "_on_event", "guide: a step or state"),
    ("piritimer.audio.guide", "AudioGuide", "set_outputs", "guide: set_outputs"),
    ("piritimer.audio.player", "CuePlayer", "poke", "player: a cue due"),
    ("piritimer.audio.speech_output", "ProcessSpeechOutput", "_read", "helper: a reply"),
)
"""(module, class or None, function, label): where the GUI thread calls into audio code.
Entries a checkout does not have (main has no ssip) are skipped."""


class StallProbe(QObject):
    def __init__(self, parent: QObject, path: str) -> None:
        super().__init__(parent)
        self.out = open(path, "a", buffering=1)  # noqa: SIM115 - open for the app's life
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
            self.out.write(f"{now:.6f} loop\n")
        elif stall_ms > REPORT_MS:
            self.out.write(f"{now:.6f} {stall_ms:.1f} {cpu_ms:.1f}\n")


def time_audio(out: Any) -> None:
    """Wrap each of ``AUDIO_ENTRIES`` so that its GUI-thread calls are timed (outermost only:
    a call inside another is part of it)."""
    main_thread = threading.main_thread()
    depth = [0]

    def wrap(function: Callable[..., Any], label: str) -> Callable[..., Any]:
        @functools.wraps(function)
        def timed(*args: Any, **kwargs: Any) -> Any:
            if threading.current_thread() is not main_thread:
                return function(*args, **kwargs)
            depth[0] += 1
            started = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                depth[0] -= 1
                took_ms = (time.perf_counter() - started) * 1000
                if depth[0] == 0 and took_ms > AUDIO_REPORT_MS:
                    out.write(
                        f"{time.monotonic():.6f} audio {label.replace(' ', '_')} {took_ms:.2f}\n"
                    )

        return timed

    for module_name, class_name, name, label in AUDIO_ENTRIES:
        try:
            module = importlib.import_module(module_name)
        except ImportError:
            continue
        owner = getattr(module, class_name, None) if class_name else module
        if owner is not None and hasattr(owner, name):
            setattr(owner, name, wrap(getattr(owner, name), label))


_create = piritimer_app.create_application


def create_with_probe(qt_args: list[str]) -> QApplication:
    app = _create(qt_args)
    probe = StallProbe(app, os.environ["PIRITIMER_BENCH_STALLS"])
    time_audio(probe.out)
    return app


piritimer_app.create_application = create_with_probe  # the one change: a probe on the app

if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
