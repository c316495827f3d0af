"""Cue-onset error through a real PulseAudio server, with and without latency compensation.

Each mode runs in a fresh private PulseAudio server (null sink, 48 kHz mono) and a fresh
player process, so its first cue is a first cue: ``lab_session breaths`` plays one cue per
step, 0.7 s apart (inhale, exhale, ... then the closing chime), all on boundaries the engine
foresaw. parec records the sink's monitor; piritimer.audio.measure maps recording time onto
the monotonic clock and finds each onset.

Figures per mode: onset error (heard minus due; median, max of |error|, the first cue's),
the output latency (heard minus handed to the player: what compensation must cover), and
the share of each cue's audible samples that reached the sink unchanged.
Targets: median <= 5 ms, max <= 15 ms, every cue >= 98 % of its samples.

Run: python bench/audio_latency.py [--cycles 30] [--latency-ms MS]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from piritimer.audio.cues import Cue  # noqa: E402
from piritimer.audio.lab_session import build_timeline, first_step  # noqa: E402
from piritimer.audio.measure import (  # noqa: E402
    ClockMap,
    CueResult,
    expected_cues,
    measure_cues,
    read_wav,
)
from piritimer.audio.pulse_lab import PulseLab, Recorder, missing_tools  # noqa: E402
from piritimer.audio.settings import DEFAULT_OUTPUT_LATENCY_MS  # noqa: E402
from piritimer.paths import sounds_dir  # noqa: E402


@dataclass
class Mode:
    name: str
    results: list[CueResult]
    latencies_ms: list[float]
    restarts: int


def run_mode(name: str, cycles: int, extra: list[str]) -> Mode:
    with PulseLab() as lab:
        recorder = Recorder(lab)
        recorder.wait_for_audio()
        env = {**lab.env, "PYTHONPATH": str(ROOT)}
        child = subprocess.run(
            [
                sys.executable,
                "-m",
                "piritimer.audio.lab_session",
                "breaths",
                "--cycles",
                str(cycles),
                *extra,
            ],  # fmt: skip
            env=env,
            capture_output=True,
            text=True,
            timeout=180,
            check=True,
        )
        time.sleep(0.5)
        recorder.stop()
    report = json.loads(child.stdout.strip().splitlines()[-1])
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
    return Mode(name, results, latencies, int(report.get("restarts", 0)))


def summary(mode: Mode) -> dict[str, str]:
    errors = [r.error_ms for r in mode.results if r.error_ms is not None]
    missing = sum(r.error_ms is None for r in mode.results)
    shares = [r.share for r in mode.results]
    first = mode.results[0].error_ms
    latency = mode.latencies_ms
    return {
        "cues (found/expected)": f"{len(errors)}/{len(mode.results)}",
        "median onset error": f"{statistics.median(errors):+.1f} ms",
        "median |error|": f"{statistics.median(abs(e) for e in errors):.1f} ms",
        "max |error|": f"{max(abs(e) for e in errors):.1f} ms",
        "first cue error": "missing" if first is None else f"{first:+.1f} ms",
        "output latency (median)": f"{statistics.median(mode.latencies_ms):.1f} ms",
        "output latency (min..max)": f"{min(latency):.1f}..{max(latency):.1f} ms",
        "samples arrived (min)": f"{min(shares):.1%}",
        "samples arrived (median)": f"{statistics.median(shares):.1%}",
        "cues >= 98 % whole": f"{sum(s >= 0.98 for s in shares)}/{len(shares)}",
        "missing": str(missing),
        "player restarts": str(mode.restarts),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cycles", type=int, default=30, help="breaths: two cues each")
    parser.add_argument("--latency-ms", type=float, default=DEFAULT_OUTPUT_LATENCY_MS)
    options = parser.parse_args()
    if missing_tools(speech=False):
        print(f"needs {', '.join(missing_tools(speech=False))}", file=sys.stderr)
        return 1
    modes = [
        run_mode(
            f"lead-in {options.latency_ms:g} ms",
            options.cycles,
            ["--latency-ms", str(options.latency_ms)],
        ),  # fmt: skip
        run_mode("no compensation", options.cycles, ["--no-lead-in"]),
    ]
    tables = [summary(mode) for mode in modes]
    for mode in modes:
        for number, result in enumerate(mode.results, 1):
            if result.share < 0.98:
                print(
                    f"{mode.name}: cue {number} ({result.expected.cue.value}) arrived"
                    f" {result.share:.1%} whole"
                )
    width = max(len(key) for key in tables[0])
    print(f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs")
    print(f"{'':{width}}  " + "".join(f"{mode.name:>20}" for mode in modes))
    for key in tables[0]:
        print(f"{key:{width}}  " + "".join(f"{table[key]:>20}" for table in tables))
    print("targets: median <= 5 ms, max <= 15 ms, every cue >= 98 % of its samples")
    return 0


if __name__ == "__main__":
    sys.exit(main())
