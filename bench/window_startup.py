"""Start-up time, CPU and memory of piritimer's window, beside a bare PySide6 window.

Each figure comes from a fresh process (bench/window_probe.py) showing a real X11 window
(QT_QPA_PLATFORM=xcb) on $DISPLAY, or on a private Xvfb started here when DISPLAY is unset.

- First paint: from just before the process is spawned (``time.monotonic()`` here; the
  child reads the same system-wide clock) to the moment the window's first paint has been
  flushed to the X server: an event filter sees the top-level window's first Paint event and
  queues a zero-length timer, which fires once that update (paint plus back-store flush) is
  done. Includes interpreter start, imports, QApplication and building the window. One
  warm-up run is shown apart (its disk cache may be cold); the median and range of the
  following runs are the warm figure.
- CPU: user + system time (getrusage, all threads) over a window of a few seconds, divided by
  the wall time: while the breathing pacer animates (a breathing-only session opened straight
  into the runner; for the bare window, a circle repainted at the same 33 ms frame rate) and
  while paused (for the bare window: idle). Measured after a 1 s settling time, and after the
  app's deferred services (sound, voice, screen-saver inhibit) have loaded. When this script
  started Xvfb, the X server's own CPU over the same window is shown too.
  With ``--cpu-runs N`` each CPU figure is the median of N fresh processes (range shown),
  since one window of a few seconds on a shared machine is noisy.
- Memory: peak resident set (VmHWM) at the end of the animating run, the highest point of a
  session's start-up and running.

- ``--presentation`` adds the CPU figures of presentation mode's full-screen audience window
  (pacer and countdown of the same session), animating and paused.

Run: python bench/window_startup.py [--runs 7] [--seconds 5] [--cpu-runs 3] [--cpu-only]
     [--presentation]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from window_xvfb import Display, display  # noqa: E402

PROBE = Path(__file__).resolve().with_name("window_probe.py")
TARGETS = ("piritimer", "bare")
PROBE_TIMEOUT_S = 120.0

FIRST_PAINT_TARGET_S = 0.4
ANIMATING_TARGET_PERCENT = 3.0
PAUSED_TARGET_PERCENT = 0.2
""""≈ 0": a paused window may wake for nothing; 0.2 % leaves room for measurement noise."""
MEMORY_TARGET_MB = 110.0


@dataclass
class Figures:
    """Everything measured for one target."""

    warm_up_s: float | None = None
    first_paint_s: list[float] = field(default_factory=list)
    late_modules: list[str] | None = None
    animating: dict[str, Any] = field(default_factory=dict)
    """The animating run with the median CPU figure."""
    paused: dict[str, Any] = field(default_factory=dict)
    animating_cpu: list[float] = field(default_factory=list)
    """CPU % of every animating run, for the range."""
    paused_cpu: list[float] = field(default_factory=list)
    error: str | None = None


def probe(target: str, measure: str, screen: Display, seconds: float) -> dict[str, Any]:
    command = [sys.executable, str(PROBE), target, measure, "--seconds", str(seconds)]
    if screen.server_pid is not None:
        command += ["--server-pid", str(screen.server_pid)]
    # Settings, library and history of the run stay out of the user's own.
    with tempfile.TemporaryDirectory(prefix="piritimer-bench-home-") as home:
        environment = {
            **os.environ,
            "DISPLAY": screen.name,
            "QT_QPA_PLATFORM": "xcb",
            "PIRITIMER_HOME": home,
        }
        spawned_at = time.monotonic()
        done = subprocess.run(
            [*command, "--spawned-at", repr(spawned_at)],
            env=environment,
            capture_output=True,
            text=True,
            timeout=PROBE_TIMEOUT_S,
            check=False,
        )
    lines = done.stdout.strip().splitlines()
    if done.returncode != 0 or not lines:
        last_errors = " / ".join(done.stderr.strip().splitlines()[-3:]) or "no output"
        raise RuntimeError(f"{target} {measure}: exit {done.returncode}: {last_errors}")
    result: dict[str, Any] = json.loads(lines[-1])
    return result


def median_run(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """The run whose CPU figure is the median (the lower middle one for an even count)."""
    ordered = sorted(runs, key=lambda run: run.get("cpu_percent", 0.0))
    return ordered[(len(ordered) - 1) // 2]


def measure(
    screen: Display,
    runs: int,
    seconds: float,
    cpu_runs: int = 1,
    cpu_only: bool = False,
    presentation: bool = False,
) -> dict[str, Figures]:
    """All figures for all targets. First-paint runs alternate between the targets, so a
    burst of load from elsewhere on the machine does not fall on one target only."""
    results = {target: Figures() for target in TARGETS}

    def attempt(target: str, step: Callable[[Figures, str], None]) -> None:
        figures = results[target]
        if figures.error is None:
            try:
                step(figures, target)
            except (RuntimeError, subprocess.TimeoutExpired) as error:
                figures.error = str(error)

    def warm_up(figures: Figures, target: str) -> None:
        run = probe(target, "first-paint", screen, seconds)
        figures.warm_up_s = run["first_paint_s"]
        figures.late_modules = run["late_modules_at_first_paint"]

    def first_paint(figures: Figures, target: str) -> None:
        figures.first_paint_s.append(probe(target, "first-paint", screen, seconds)["first_paint_s"])

    def cpu(figures: Figures, target: str) -> None:
        animating = [probe(target, "animating", screen, seconds) for _ in range(cpu_runs)]
        paused = [probe(target, "paused", screen, seconds) for _ in range(cpu_runs)]
        figures.animating, figures.paused = median_run(animating), median_run(paused)
        figures.animating_cpu = [run["cpu_percent"] for run in animating]
        figures.paused_cpu = [run["cpu_percent"] for run in paused]

    if not cpu_only:
        for target in TARGETS:
            attempt(target, warm_up)
        print(f"first paint, {runs} runs each…", flush=True)
        for _ in range(runs):
            for target in TARGETS:
                attempt(target, first_paint)
    for target in TARGETS:
        print(f"CPU and memory of {target}…", flush=True)
        attempt(target, cpu)
    if presentation:
        results["presentation"] = Figures()
        print("CPU of presentation mode…", flush=True)
        attempt("presentation", cpu)
    return results


# -- the table --------------------------------------------------------------------------------


def verdict(value: float | None, limit: float) -> str:
    if value is None:
        return ""
    return "ok" if value <= limit else "OVER"


def seconds_text(values: list[float]) -> str:
    if not values:
        return "n/a"
    return f"{statistics.median(values):.3f} s ({min(values):.3f}–{max(values):.3f})"


def modules_text(modules: list[str] | None) -> str:
    if modules is None:
        return "n/a"
    return ", ".join(modules) or "none"


def number(figures: dict[str, Any], key: str, unit: str, digits: int = 1) -> str:
    value = figures.get(key)
    return "n/a" if value is None else f"{value:.{digits}f}{unit}"


def cpu_text(figures: dict[str, Any], values: list[float], digits: int = 1) -> str:
    """The median run's CPU figure, with the range when there were several runs."""
    text = number(figures, "cpu_percent", " %", digits)
    if len(values) > 1:
        text += f" ({min(values):.{digits}f}–{max(values):.{digits}f})"
    return text


def table(
    results: dict[str, Figures], runs: int, seconds: float, screen: Display, cpu_runs: int = 1
) -> str:
    ours, bare = results["piritimer"], results["bare"]
    ours_paint = statistics.median(ours.first_paint_s) if ours.first_paint_s else None
    rows = [
        (
            f"first paint, median of {runs} (min–max)",
            seconds_text(ours.first_paint_s),
            seconds_text(bare.first_paint_s),
            f"≤ {FIRST_PAINT_TARGET_S} s warm {verdict(ours_paint, FIRST_PAINT_TARGET_S)}",
        ),
        (
            "first paint, warm-up run",
            "n/a" if ours.warm_up_s is None else f"{ours.warm_up_s:.3f} s",
            "n/a" if bare.warm_up_s is None else f"{bare.warm_up_s:.3f} s",
            "",
        ),
        (
            f"CPU animating, {seconds:g} s, median of {cpu_runs} (% of one core)",
            cpu_text(ours.animating, ours.animating_cpu),
            cpu_text(bare.animating, bare.animating_cpu),
            f"≤ {ANIMATING_TARGET_PERCENT:g} % "
            + verdict(ours.animating.get("cpu_percent"), ANIMATING_TARGET_PERCENT),
        ),
        (
            "  frames painted per second",
            number(ours.animating, "frames_per_s", ""),
            number(bare.animating, "frames_per_s", ""),
            "",
        ),
        (
            f"CPU paused, {seconds:g} s, median of {cpu_runs} (% of one core)",
            cpu_text(ours.paused, ours.paused_cpu, 2),
            cpu_text(bare.paused, bare.paused_cpu, 2),
            f"≈ 0 {verdict(ours.paused.get('cpu_percent'), PAUSED_TARGET_PERCENT)}",
        ),
        (
            "  frames painted per second",
            number(ours.paused, "frames_per_s", ""),
            number(bare.paused, "frames_per_s", ""),
            "0",
        ),
        (
            "peak resident memory (VmHWM)",
            number(ours.animating, "peak_rss_mb", " MB"),
            number(bare.animating, "peak_rss_mb", " MB"),
            f"≤ {MEMORY_TARGET_MB:g} MB "
            + verdict(ours.animating.get("peak_rss_mb"), MEMORY_TARGET_MB),
        ),
    ]
    if screen.server_pid is not None:
        rows.insert(
            4,
            (
                "  X server (Xvfb) CPU meanwhile",
                number(ours.animating, "server_cpu_percent", " %"),
                number(bare.animating, "server_cpu_percent", " %"),
                "",
            ),
        )
    rows.append(
        (
            "loaded before first paint (should wait)",
            modules_text(ours.late_modules),
            modules_text(bare.late_modules),
            "none",
        )
    )
    header = ("metric", "piritimer", "bare PySide6", "target")
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(4)]
    lines = [" | ".join(cell.ljust(widths[i]) for i, cell in enumerate(header))]
    lines.append("-+-".join("-" * width for width in widths))
    lines += [" | ".join(cell.ljust(widths[i]) for i, cell in enumerate(row)) for row in rows]
    shown = results.get("presentation")
    if shown is not None and shown.error is None:
        lines.append(
            f"presentation mode (audience window, full screen): CPU animating "
            f"{cpu_text(shown.animating, shown.animating_cpu)} at "
            f"{number(shown.animating, 'frames_per_s', ' frames/s')}; paused "
            f"{cpu_text(shown.paused, shown.paused_cpu, 2)}"
        )
    for target, figures in results.items():
        if figures.error:
            lines.append(f"{target}: {figures.error}")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=7, help="first-paint runs after the warm-up")
    parser.add_argument("--seconds", type=float, default=5.0, help="CPU measuring window")
    parser.add_argument(
        "--cpu-runs", type=int, default=1, help="fresh processes per CPU figure (median shown)"
    )
    parser.add_argument("--cpu-only", action="store_true", help="skip the first-paint runs")
    parser.add_argument(
        "--presentation", action="store_true", help="also measure presentation mode's CPU"
    )
    options = parser.parse_args()
    cpu_runs = max(1, options.cpu_runs)
    load = os.getloadavg()
    with display() as screen:
        where = f"Xvfb {screen.name} (started here)" if screen.server_pid else screen.name
        print(f"display {where}; {os.cpu_count()} cores; load average {load[0]:.2f}", flush=True)
        results = measure(
            screen,
            options.runs,
            options.seconds,
            cpu_runs,
            options.cpu_only,
            options.presentation,
        )
    print()
    print(table(results, options.runs, options.seconds, screen, cpu_runs))
    return 1 if any(figures.error for figures in results.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
