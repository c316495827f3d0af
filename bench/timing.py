"""Boundary accuracy of the engine driven by EngineDriver, beside a naive tick counter.

Both run the same schedule on the real monotonic clock inside a Qt event loop: 600 steps of
100 ms. The error of a boundary is the time it was observed (the step-started signal for the
engine; the timeout for the naive timer) minus the time it was due (start + offset).

The naive timer is what many timers do: a single-shot 100 ms QTimer re-armed on each tick, the
boundary count being the number of ticks. It drifts by every tick's latency and, after an
event-loop stall, stays late forever.

Run: python bench/timing.py [--steps 600] [--step-ms 100] [--stall-s 2.5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, Qt, QTimer  # noqa: E402

from piritimer.core.engine import Engine  # noqa: E402
from piritimer.core.model import Exercise, Session, TimedHold  # noqa: E402
from piritimer.core.timeline import Timeline, compile_session  # noqa: E402
from piritimer.qt.driver import EngineDriver  # noqa: E402


@dataclass
class Run:
    due: list[float]
    seen: list[float]

    @property
    def errors_ms(self) -> list[float]:
        return [(seen - due) * 1000 for due, seen in zip(self.due, self.seen, strict=True)]

    def outside(self, stall: tuple[float, float] | None) -> list[float]:
        """Errors of boundaries not due during the stall (plus a 1-step margin after it)."""
        if stall is None:
            return self.errors_ms
        begin, end = stall
        return [e for due, e in zip(self.due, self.errors_ms, strict=True)
                if not begin <= due <= end]  # fmt: skip


def schedule(steps: int, step_s: float) -> Timeline:
    exercise = Exercise(
        name="bench",
        work=TimedHold(step_s),
        setup_s=step_s,
        reps=steps - 1,
        get_ready_s=None,
        rest_between_reps_s=None,
        rest_after_s=None,
    )
    return compile_session(Session(title="bench", exercises=(exercise,)))


def stall_at(app_delay_s: float, stall_s: float) -> None:
    def block() -> None:
        time.sleep(stall_s)  # the event loop can do nothing meanwhile

    QTimer.singleShot(round(app_delay_s * 1000), block)


def run_engine(app: QCoreApplication, steps: int, step_s: float, stall_s: float) -> Run:
    timeline = schedule(steps, step_s)
    driver = EngineDriver(Engine(timeline))
    due: list[float] = []
    seen: list[float] = []

    def on_step(step: object, at: float) -> None:
        seen.append(time.monotonic())
        due.append(at)

    driver.stepStarted.connect(on_step)
    driver.finished.connect(app.quit)
    if stall_s:
        stall_at(steps * step_s / 2, stall_s)
    driver.start()
    app.exec()
    # The first "boundary" is the start itself; the finish is the last boundary.
    return Run(due[1:], seen[1:])


def run_naive(app: QCoreApplication, steps: int, step_s: float, stall_s: float) -> Run:
    timer = QTimer()
    timer.setSingleShot(True)
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    start = time.monotonic()
    due: list[float] = []
    seen: list[float] = []

    def tick() -> None:
        seen.append(time.monotonic())
        due.append(start + len(seen) * step_s)
        if len(seen) < steps:
            timer.start(round(step_s * 1000))
        else:
            app.quit()

    timer.timeout.connect(tick)
    if stall_s:
        stall_at(steps * step_s / 2, stall_s)
    timer.start(round(step_s * 1000))
    app.exec()
    return Run(due, seen)


def summary(run: Run, stall: tuple[float, float] | None) -> dict[str, float]:
    outside = run.outside(stall)
    errors = run.errors_ms
    head, tail = errors[:50], errors[-50:]
    return {
        "median ms": statistics.median(outside),
        "max ms": max(outside),
        "first ms": errors[0],
        "last ms": errors[-1],
        "growth ms": statistics.median(tail) - statistics.median(head),
    }


def table(rows: list[tuple[str, dict[str, float]]]) -> str:
    keys = list(rows[0][1])
    lines = [f"{'':34}" + "".join(f"{k:>12}" for k in keys)]
    for name, values in rows:
        lines.append(f"{name:34}" + "".join(f"{values[k]:12.2f}" for k in keys))
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--steps", type=int, default=600)
    parser.add_argument("--step-ms", type=float, default=100)
    parser.add_argument("--stall-s", type=float, default=2.5)
    options = parser.parse_args()
    step_s = options.step_ms / 1000
    app = QCoreApplication([])
    results: list[tuple[str, dict[str, float]]] = []
    runners: list[tuple[str, Callable[..., Run]]] = [
        ("piritimer engine", run_engine),
        ("naive tick counter", run_naive),
    ]
    for stall_s in (0.0, options.stall_s):
        for name, runner in runners:
            run = runner(app, options.steps, step_s, stall_s)
            stall = None
            if stall_s:
                begin = run.due[0] - step_s + options.steps * step_s / 2
                stall = (begin - step_s, begin + stall_s + step_s)
            label = f"{name}{f', {stall_s:g} s stall' if stall_s else ''}"
            results.append((label, summary(run, stall)))
    print(f"{options.steps} steps of {options.step_ms:g} ms on the real clock "
          "(error = observed - due; median/max exclude boundaries due during a stall)")  # fmt: skip
    print(table(results))
    print("targets: engine max <= 2 ms outside the stall; no growth from first to last boundary")


if __name__ == "__main__":
    main()
