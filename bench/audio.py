"""Sound and voice, the old helper processes beside the app's in-process threads, in one run.

For each design (``helpers``: tests/lab/helpers, the design before issue 9; ``thread``: the
app's ``piritimer.audio``):

* **Cue runs** (``--runs``, default 3), each in a fresh private PulseAudio server (null sink,
  48 kHz mono) with ``stress-ng --cpu 2`` running beside it: ``lab_session breaths`` plays
  60 breath cues 0.7 s apart and the closing chime, every one on a boundary the engine
  foresaw, with the design's lead-in. parec records the sink's monitor; tests/lab/measure maps
  recording time onto the monotonic clock and finds each onset. Per run: cues found, cues
  with >= 98 % of their samples, the least-whole cue, onset error (median, max |error|), the
  output latency (heard minus handed over), and the GUI thread's longest stall.
* **Voice run** (no extra load): ``lab_session mixed --voice`` (every kind of cue, the voice
  speaking) paused for 5 s in the middle. The bench samples the whole process tree's RSS
  (the session process and every process it started, from /proc) every 0.1 s; the session
  notes the tree's CPU while running and while paused, and the GUI thread's longest stall
  at start-up and during the session.

Targets (issue 9): every cue >= 98 % in every run; onset median <= 2 ms, max <= 10 ms; GUI
stall <= 50 ms; peak RSS <= 130 MB; paused ~ 0 % CPU.

Run: python bench/audio.py [--runs 3] [--cycles 30] [--no-stress] [--designs helpers,thread]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from piritimer.audio.cues import Cue  # noqa: E402
from piritimer.audio.settings import DEFAULT_OUTPUT_LATENCY_MS  # noqa: E402
from piritimer.audio.wav import read_wav  # noqa: E402
from piritimer.paths import sounds_dir  # noqa: E402
from tests.lab import proctree  # noqa: E402
from tests.lab.lab_session import build_timeline, first_step  # noqa: E402
from tests.lab.measure import ClockMap, CueResult, expected_cues, measure_cues  # noqa: E402
from tests.lab.pulse_lab import PulseLab, Recorder, missing_tools  # noqa: E402

LEAD_IN_MS = {"helpers": 27.0, "thread": DEFAULT_OUTPUT_LATENCY_MS}
"""Each design's own default output latency (the old one's was 27 ms)."""


@dataclass
class Child:
    report: dict[str, Any]
    peak_rss_mb: float
    processes: int


@dataclass
class CueRun:
    results: list[CueResult]
    latencies_ms: list[float]
    child: Child


@dataclass
class Design:
    name: str
    cue_runs: list[CueRun] = field(default_factory=list)
    voice: Child | None = None


def run_child(lab: PulseLab, args: list[str]) -> Child:
    """Run a lab session, sampling its process tree's memory until it ends."""
    env = {**lab.env, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.lab.lab_session", *args],
        env=env,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    peak, most = 0.0, 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak, most
        while not done.wait(0.1):
            peak = max(peak, proctree.rss_mb(child.pid))
            most = max(most, proctree.processes(child.pid))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, _ = child.communicate(timeout=180)
    done.set()
    sampler.join()
    if child.returncode != 0:
        raise RuntimeError(f"lab session failed ({child.returncode})")
    return Child(json.loads(out.strip().splitlines()[-1]), peak, most)


def cue_run(design: str, cycles: int) -> CueRun:
    with PulseLab() as lab:
        recorder = Recorder(lab)
        recorder.wait_for_audio()
        args = ["breaths", "--cycles", str(cycles), "--design", design]
        child = run_child(lab, [*args, "--latency-ms", str(LEAD_IN_MS[design])])
        time.sleep(0.5)
        recorder.stop()
    report = child.report
    timeline = build_timeline("breaths", cycles)
    starts = [(int(i), float(at)) for i, at in report["starts"]]
    assert starts[0][0] == first_step("breaths")
    clock_map = ClockMap(recorder.arrivals)
    sounds = {cue: read_wav(sounds_dir() / cue.file_name) for cue in Cue}
    results = measure_cues(recorder.samples, clock_map, expected_cues(timeline, starts), sounds)
    latencies = [
        (r.onset.clock - handed) * 1000
        for r, (_, handed) in zip(results, report["played"], strict=False)
        if r.onset is not None
    ]
    return CueRun(results, latencies, child)


def voice_run(design: str) -> Child:
    with PulseLab() as lab:
        args = ["mixed", "--voice", "--design", design, "--pause-at-s", "12", "--pause-s", "5"]
        return run_child(lab, [*args, "--latency-ms", str(LEAD_IN_MS[design])])


class Stress:
    """``stress-ng --cpu 2`` beside the cue runs, stopped by its pid."""

    def __init__(self, on: bool) -> None:
        self._process: subprocess.Popen[bytes] | None = None
        if on:
            self._process = subprocess.Popen(
                ["stress-ng", "--cpu", "2", "--quiet"],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                start_new_session=True,
            )

    def stop(self) -> None:
        if self._process is not None:
            os.killpg(self._process.pid, signal.SIGTERM)
            self._process.wait(10)


def cue_rows(run: CueRun) -> dict[str, str]:
    errors = [r.error_ms for r in run.results if r.error_ms is not None]
    shares = [r.share for r in run.results]
    whole = sum(s >= 0.98 for s in shares)
    abs_errors = [abs(e) for e in errors] or [float("nan")]
    latency = run.latencies_ms or [float("nan")]
    stall = run.child.report["stall_ms"].get("session", 0.0)
    return {
        "cues found": f"{len(errors)}/{len(run.results)}",
        "cues >= 98 % whole": f"{whole}/{len(shares)}",
        "least whole cue": f"{min(shares):.1%}",
        "onset error, median": f"{statistics.median(errors):+.1f} ms" if errors else "-",
        "onset |error|, max": f"{max(abs_errors):.1f} ms",
        "output latency, median": f"{statistics.median(latency):.1f} ms",
        "GUI stall, max (session)": f"{stall:.1f} ms",
        "helper restarts": str(run.child.report.get("restarts", 0)),
    }


def voice_rows(child: Child) -> dict[str, str]:
    report = child.report

    def percent(value: float | None) -> str:
        return "-" if value is None else f"{value:.1%}"

    stalls = report["stall_ms"]
    return {
        "processes": str(child.processes),
        "peak RSS, whole app": f"{child.peak_rss_mb:.0f} MB",
        "CPU running, whole app": percent(report["cpu_running"]),
        "CPU paused, whole app": percent(report["cpu_paused"]),
        "GUI stall, max (start-up)": f"{stalls.get('startup', 0.0):.1f} ms",
        "GUI stall, max (session)": f"{stalls.get('session', 0.0):.1f} ms",
        "notices": str(len(report["notices"])),
    }


def table(title: str, columns: dict[str, dict[str, str]]) -> None:
    keys = next(iter(columns.values())).keys()
    width = max(len(key) for key in keys)
    print(f"\n{title}")
    print(f"{'':{width}}  " + "".join(f"{name:>14}" for name in columns))
    for key in keys:
        print(f"{key:{width}}  " + "".join(f"{rows[key]:>14}" for rows in columns.values()))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="cue runs per design")
    parser.add_argument("--cycles", type=int, default=30, help="breaths: two cues each")
    parser.add_argument("--no-stress", action="store_true", help="no stress-ng beside cue runs")
    parser.add_argument("--designs", default="helpers,thread")
    options = parser.parse_args()
    missing = missing_tools(speech=True) + (
        [] if options.no_stress or shutil.which("stress-ng") else ["stress-ng"]
    )
    if missing:
        print(f"needs {', '.join(missing)} (tools/system-packages.sh)", file=sys.stderr)
        return 1
    designs = [Design(name) for name in options.designs.split(",")]
    for design in designs:
        design.voice = voice_run(design.name)
        stress = Stress(not options.no_stress)
        try:
            for _ in range(options.runs):
                design.cue_runs.append(cue_run(design.name, options.cycles))
        finally:
            stress.stop()
    load = "stress-ng --cpu 2 beside" if not options.no_stress else "no extra load"
    print(f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs; cue runs: {load}")
    for design in designs:
        for number, run in enumerate(design.cue_runs, 1):
            for result in run.results:
                if result.share < 0.98:
                    print(
                        f"{design.name} run {number}: {result.expected.cue.value} at step"
                        f" {result.expected.step_index} arrived {result.share:.1%} whole"
                    )
    table(
        f"Cue runs (lead-in: helpers 27 ms, thread the default {DEFAULT_OUTPUT_LATENCY_MS:g} ms)",
        {f"{d.name} #{n}": cue_rows(run) for d in designs for n, run in enumerate(d.cue_runs, 1)},
    )
    table(
        "Voice run (mixed session, voice on, paused 5 s)",
        {d.name: voice_rows(d.voice) for d in designs if d.voice is not None},
    )
    print(
        "\ntargets: every cue >= 98 %; onset median <= 2 ms, max <= 10 ms; GUI stall <= 50 ms;"
        " peak RSS <= 130 MB; paused ~ 0 % CPU"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
