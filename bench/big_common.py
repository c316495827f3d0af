"""Shared parts of the big-folder and big-file benchmarks: the app in a child process, its
memory sampled from /proc over the whole process tree, and an event-loop stall monitor.

The child runs the real window offscreen (QT_QPA_PLATFORM=offscreen unless the caller set a
platform), so the figures include painting into the backing store but no X server.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

SAMPLE_S = 0.02
USABLE_LATENCY_S = 0.05
"""A zero-length timer that fires within this of being posted: the event loop answers."""


def _children(pid: int) -> list[int]:
    found: list[int] = []
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return found
    for task in tasks:
        try:
            text = Path(f"/proc/{pid}/task/{task}/children").read_text()
        except OSError:
            continue
        found.extend(int(child) for child in text.split())
    return found


def _rss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def tree_rss_kb(pid: int) -> int:
    """Resident memory of ``pid`` and every process below it."""
    total, queue = 0, [pid]
    while queue:
        current = queue.pop()
        total += _rss_kb(current)
        queue.extend(_children(current))
    return total


@dataclass
class Run:
    figures: dict[str, Any]
    peak_rss_mb: float
    samples: list[tuple[float, float]] = field(default_factory=list)


def run_child(script: Path, args: list[str], env: dict[str, str], timeout_s: float) -> Run:
    """Run ``script --child args`` and sample its process tree's RSS until it prints JSON."""
    env = {**os.environ, **env}
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    # The offscreen platform warns once per top-level widget about size hints; not ours.
    env.setdefault("QT_LOGGING_RULES", "default.warning=false")
    start = time.monotonic()
    command = [sys.executable, str(script), "--child", "--spawned-at", repr(start), *args]
    child = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, text=True)
    peak = 0
    samples: list[tuple[float, float]] = []
    stop = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not stop.is_set():
            rss = tree_rss_kb(child.pid)
            peak = max(peak, rss)
            samples.append((time.monotonic() - start, rss / 1024))
            stop.wait(SAMPLE_S)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    try:
        out, _ = child.communicate(timeout=timeout_s)
    finally:
        stop.set()
        sampler.join()
        if child.poll() is None:
            child.kill()
            child.wait()
    if child.returncode != 0:
        raise SystemExit(f"the child failed with exit code {child.returncode}")
    last = out.strip().splitlines()[-1]
    return Run(json.loads(last), peak / 1024, samples)


class StallMonitor:
    """Records the gaps between ticks of a fast Qt timer: the event loop's stalls.

    A 5 ms coarse-free timer; a gap longer than the interval is time the GUI thread spent
    elsewhere (a handler, a layout, a paint) without returning to the loop.
    """

    INTERVAL_MS = 5

    def __init__(self) -> None:
        from PySide6.QtCore import Qt, QTimer

        self.gaps_s: list[float] = []
        self._last = time.monotonic()
        self._timer = QTimer()
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(self.INTERVAL_MS)
        self._timer.timeout.connect(self._tick)

    def start(self) -> None:
        self.gaps_s = []
        self._last = time.monotonic()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        self._tick()

    def _tick(self) -> None:
        now = time.monotonic()
        self.gaps_s.append(now - self._last)
        self._last = now

    def summary(self) -> dict[str, float | int | list[int]]:
        gaps = sorted(self.gaps_s) or [0.0]
        return {
            "longest_stall_ms": round(gaps[-1] * 1000, 1),
            "p99_gap_ms": round(gaps[int(len(gaps) * 0.99) - 1 if len(gaps) > 1 else 0] * 1000, 1),
            "stalls_over_100ms": sum(1 for g in gaps if g > 0.1),
            "longest_five_ms": [round(g * 1000) for g in gaps[-5:][::-1]],
        }


def child_value(argv: list[str], name: str) -> str:
    return argv[argv.index(name) + 1]
