"""One measurement of one window in a fresh process, for bench/window_startup.py.

Run by the benchmark, not by hand:
    python bench/window_probe.py TARGET MEASURE --spawned-at T [--seconds S] [--server-pid P]
TARGET is ``bare``, ``piritimer`` or ``presentation`` (presentation mode's full-screen
audience window, the breathing session's pacer under its countdown); MEASURE is
``first-paint``, ``animating`` or ``paused``.
Prints one JSON object on stdout.

First paint: an event filter on the top-level window sees its first ``QEvent.Paint``; a
zero-length timer queued from there fires once that paint has been flushed to the X server
(the widget back-store flush finishes inside the same update request). That moment, minus the
parent's ``time.monotonic()`` just before it spawned us (the same system-wide clock), is the
first-paint time: interpreter start, imports, QApplication, building and showing the window.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QEvent, QObject, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

SETTLE_S = 1.0
"""Time for the window to reach a steady state before CPU is counted."""

# Loaded only after the first paint in a well-behaved start-up (the issue asks for it).
LATE_MODULES = (
    "PySide6.QtMultimedia",
    "PySide6.QtTextToSpeech",
    "PySide6.QtDBus",
    "PySide6.QtSvg",
    "piritimer.audio",
    "piritimer.history",
    "piritimer.editor",
    "piritimer.present",
    "piritimer.platform",
)

# A breathing-only session: inhale and exhale of 6 s each, so the pacer animates without a
# break for as long as we measure (holds and rests would let it rest).
BENCH_SESSION = """\
format: 1
title: Bench breathing
summary: Slow breathing for the window benchmark.
safety: Not for exercise; it measures the window.
exercises:
  - name: Slow breathing
    about: Breathe in and out slowly.
    breathing: {inhale: 6s, exhale: 6s, cycles: 20}
"""


@dataclass
class Subject:
    """A window to measure and how to make it animate its breathing pacer or sit paused."""

    window: QWidget
    animate: Callable[[], None]
    pause: Callable[[], None]
    after_first_paint: Callable[[], None] = lambda: None
    show: Callable[[], None] | None = None
    """How to show it; ``window.show()`` when None."""


def build_bare_window() -> Subject:
    from bare_window import BareWindow  # bench/ is on sys.path as the script's folder

    window = BareWindow()
    return Subject(window, window.animate, window.pause)


def build_piritimer_window() -> Subject:
    """piritimer's real window, started as piritimer.app.run starts it (minus exec), and a
    breathing-only session opened straight into the runner for the animation figures."""
    from piritimer.app import build_services, build_window, open_hardware
    from piritimer.core.engine import State
    from piritimer.core.timeline import StepKind

    services = build_services(QApplication.instance())
    window = build_window(services, restore=False)

    def animate() -> None:
        # PIRITIMER_HOME is the run's private folder (the parent sets and removes it).
        home = Path(os.environ.get("PIRITIMER_HOME") or tempfile.gettempdir())
        session_file = home / "bench-breathing.yaml"
        session_file.write_text(BENCH_SESSION, encoding="utf-8")
        window.open_file(session_file)
        if not window.start_session():
            raise RuntimeError("the bench session did not start")
        timeline = window.driver.engine.timeline
        inhale = next(step for step in timeline.steps if step.kind is StepKind.INHALE)
        window.driver.jump(inhale.index)
        if window.driver.state is not State.RUNNING:
            raise RuntimeError(f"the bench session is {window.driver.state}, not running")

    def pause() -> None:
        animate()
        window.driver.pause()

    def after_first_paint() -> None:
        open_hardware(services, window)

    return Subject(window, animate, pause, after_first_paint=after_first_paint)


def build_presentation_window() -> Subject:
    """Presentation mode on the one screen there is (audience window only, full screen),
    driving the breathing-only session from its first in-breath."""
    from PySide6.QtGui import QGuiApplication

    from piritimer.core.engine import Engine, State
    from piritimer.core.loader import load_session_bytes
    from piritimer.core.timeline import StepKind, compile_session
    from piritimer.present.presentation import Presentation
    from piritimer.qt.driver import EngineDriver

    session = load_session_bytes(BENCH_SESSION, label="bench").session
    if session is None:
        raise RuntimeError("the bench session does not load")
    driver = EngineDriver(Engine(compile_session(session)))
    presentation = Presentation(driver, QGuiApplication.primaryScreen(), None)

    def animate() -> None:
        driver.start()
        inhale = next(s for s in driver.engine.timeline.steps if s.kind is StepKind.INHALE)
        driver.jump(inhale.index)
        if driver.state is not State.RUNNING:
            raise RuntimeError(f"the bench session is {driver.state}, not running")

    def pause() -> None:
        animate()
        driver.pause()

    return Subject(presentation.audience, animate, pause, show=presentation.show)


def prepare_application() -> QApplication:
    """The QApplication exactly as piritimer.app.run makes it (the bare window gets the same)."""
    from piritimer.app import create_application

    return create_application([])


class FrameCounter(QObject):
    """Watches the top-level window: its first Paint stamps the first-paint time; each
    UpdateRequest afterwards is one frame (the repaint manager posts one per repaint)."""

    def __init__(self, on_first_flush: Callable[[float], None]) -> None:
        super().__init__()
        self.painted = False
        self.frames = 0
        self._on_first_flush = on_first_flush

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.UpdateRequest:
            self.frames += 1
        elif event.type() == QEvent.Type.Paint and not self.painted:
            # An UpdateRequest before the window is exposed paints nothing, so only a Paint
            # counts; the timer fires once this paint and its flush have finished.
            self.painted = True
            QTimer.singleShot(0, lambda: self._on_first_flush(time.monotonic()))
        return False


def cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def process_cpu_seconds(pid: int) -> float | None:
    """User + system CPU of another process, from /proc (Linux)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    ticks = os.sysconf("SC_CLK_TCK")
    return (int(fields[11]) + int(fields[12])) / ticks


def memory_mb() -> dict[str, float]:
    """Peak (VmHWM) and current (VmRSS) resident memory, in MB (10^6 bytes)."""
    figures = {}
    for line in Path("/proc/self/status").read_text().splitlines():
        key, _, value = line.partition(":")
        if key in ("VmHWM", "VmRSS"):
            figures[key] = int(value.split()[0]) * 1024 / 1e6
    if not figures:  # not Linux: ru_maxrss is KiB on Linux/BSD, bytes on macOS
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        figures["VmHWM"] = peak / 1e6 if sys.platform == "darwin" else peak * 1024 / 1e6
    return {"peak_rss_mb": figures["VmHWM"], "rss_mb": figures.get("VmRSS", figures["VmHWM"])}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("target", choices=("bare", "piritimer", "presentation"))
    parser.add_argument("measure", choices=("first-paint", "animating", "paused"))
    parser.add_argument("--spawned-at", type=float, required=True)
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--server-pid", type=int)
    options = parser.parse_args()

    app = prepare_application()
    builders = {
        "bare": build_bare_window,
        "piritimer": build_piritimer_window,
        "presentation": build_presentation_window,
    }
    subject = builders[options.target]()
    result: dict[str, object] = {}

    def finish() -> None:
        result.update(memory_mb())
        print(json.dumps(result), flush=True)
        app.quit()

    def measure_cpu() -> None:
        frames_before = counter.frames
        server_before = process_cpu_seconds(options.server_pid) if options.server_pid else None
        cpu_before, wall_before = cpu_seconds(), time.monotonic()

        def done() -> None:
            wall = time.monotonic() - wall_before
            result["cpu_percent"] = 100 * (cpu_seconds() - cpu_before) / wall
            result["frames_per_s"] = (counter.frames - frames_before) / wall
            if server_before is not None and options.server_pid:
                server_after = process_cpu_seconds(options.server_pid)
                if server_after is not None:
                    result["server_cpu_percent"] = 100 * (server_after - server_before) / wall
            finish()

        QTimer.singleShot(round(options.seconds * 1000), done)

    def first_flush(at: float) -> None:
        result["first_paint_s"] = at - options.spawned_at
        result["late_modules_at_first_paint"] = [m for m in LATE_MODULES if m in sys.modules]
        if options.measure == "first-paint":
            finish()
            return
        try:
            subject.after_first_paint()
            if options.measure == "animating":
                subject.animate()
            else:
                subject.pause()
        except RuntimeError as error:  # a slot must not raise: report it and fail the run
            print(f"{options.target} {options.measure}: {error}", file=sys.stderr, flush=True)
            app.exit(1)
            return
        QTimer.singleShot(round(SETTLE_S * 1000), measure_cpu)

    counter = FrameCounter(first_flush)
    subject.window.installEventFilter(counter)
    (subject.show or subject.window.show)()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
