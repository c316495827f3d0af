"""Whole-app memory and CPU, measured as a person runs it: the real ``piritimer`` process and
every process it starts, summed over the process tree (not RUSAGE_SELF).

It starts the app as a user would (on a private Xvfb unless $DISPLAY is set, with its own
PulseAudio null sink unless $PULSE_SERVER is set, so sound and voice really open), lets it
settle, then samples every descendant's RSS and CPU time from /proc for a while in each phase:

- ``library``: the window idle on its library, as peers are measured idle;
- ``running``: a session started with the Space key (xdotool) and past its first "I'm ready",
  sound cues and voice playing;
- ``paused``: the same session paused.

Beside it, peers measured the same way on this machine (idle): Workrave 94 MB / 0.10 %, Safe
Eyes 120 MB / 0.05 %.

Run: python bench/whole_app.py [--seconds 20] [--settle 8] [--session sessions/quick-demo.yaml]
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from window_xvfb import display  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
PAGE_KB = os.sysconf("SC_PAGE_SIZE") // 1024
PEERS = "Workrave 94 MB / 0.10 %, Safe Eyes 120 MB / 0.05 % (idle)"


@dataclass
class Sample:
    processes: int
    rss_mb: float
    cpu_s: float


def descendants(pid: int) -> list[int]:
    """``pid`` and every process below it, from /proc/PID/task/*/children."""
    found, queue = [], [pid]
    while queue:
        current = queue.pop()
        found.append(current)
        try:
            tasks = os.listdir(f"/proc/{current}/task")
        except OSError:
            continue
        for task in tasks:
            try:
                text = Path(f"/proc/{current}/task/{task}/children").read_text()
            except OSError:
                continue
            queue.extend(int(child) for child in text.split())
    return found


def sample(pid: int) -> Sample:
    rss_kb = 0
    cpu_ticks = 0
    alive = 0
    for process in descendants(pid):
        try:
            stat = Path(f"/proc/{process}/stat").read_text()
            statm = Path(f"/proc/{process}/statm").read_text().split()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2 :].split()
        cpu_ticks += int(fields[11]) + int(fields[12])  # utime + stime
        rss_kb += int(statm[1]) * PAGE_KB
        alive += 1
    return Sample(alive, rss_kb / 1024, cpu_ticks / CLOCK_TICKS)


def measure(pid: int, seconds: float) -> tuple[int, float, float, float]:
    """(processes, mean RSS MB, peak RSS MB, CPU % of one core) over ``seconds``."""
    first = sample(pid)
    started = time.monotonic()
    peak, total, count = first.rss_mb, 0.0, 0
    last = first
    while time.monotonic() - started < seconds:
        time.sleep(0.25)
        last = sample(pid)
        peak = max(peak, last.rss_mb)
        total += last.rss_mb
        count += 1
    elapsed = time.monotonic() - started
    cpu = 100 * (last.cpu_s - first.cpu_s) / elapsed
    return last.processes, total / max(1, count), peak, cpu


@contextmanager
def private_pulse() -> Iterator[dict[str, str]]:
    """A PulseAudio server with a null sink, unless the caller has one ($PULSE_SERVER)."""
    if os.environ.get("PULSE_SERVER") or shutil.which("pulseaudio") is None:
        yield {}
        return
    runtime = Path(tempfile.mkdtemp(prefix="piritimer-bench-pulse-"))
    runtime.chmod(0o700)
    socket = runtime / "native"
    server = subprocess.Popen(
        ["pulseaudio", "-n", "--daemonize=no", "--exit-idle-time=-1", "--disallow-exit",
         "--system=false", "--use-pid-file=false",
         "-L", "module-null-sink sink_name=bench rate=48000 channels=1",
         "-L", f"module-native-protocol-unix socket={socket} auth-anonymous=1",
         "-L", "module-always-sink"],
        env={**os.environ, "XDG_RUNTIME_DIR": str(runtime), "HOME": str(runtime)},
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    deadline = time.monotonic() + 10
    while not socket.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    try:
        yield {"PULSE_SERVER": f"unix:{socket}", "XDG_RUNTIME_DIR": str(runtime)}
    finally:
        server.terminate()
        server.wait()
        shutil.rmtree(runtime, ignore_errors=True)


def press(display_name: str, key: str) -> None:
    """A real key press into the app's window (xdotool), as a person would."""
    env = {**os.environ, "DISPLAY": display_name}
    found = subprocess.run(
        ["xdotool", "search", "--sync", "--onlyvisible", "--name", "piritimer"],
        env=env, capture_output=True, text=True, timeout=20, check=False,
    )  # fmt: skip
    for window in found.stdout.split()[:1]:
        subprocess.run(["xdotool", "windowfocus", "--sync", window], env=env, check=False)
        subprocess.run(["xdotool", "key", "--window", window, key], env=env, check=False)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=20.0, help="sampling time per phase")
    parser.add_argument("--settle", type=float, default=8.0, help="wait before each phase")
    parser.add_argument("--session", default="sessions/quick-demo.yaml")
    options = parser.parse_args()
    home = Path(tempfile.mkdtemp(prefix="piritimer-bench-home-"))
    executable = shutil.which("piritimer", path=str(Path(sys.executable).parent)) or "piritimer"
    with display() as screen, private_pulse() as pulse:
        env = {
            **os.environ,
            **pulse,
            "DISPLAY": screen.name,
            "QT_QPA_PLATFORM": "xcb",
            "PIRITIMER_HOME": str(home),
        }
        rows: list[tuple[str, tuple[int, float, float, float]]] = []
        app = subprocess.Popen([executable], env=env, cwd=ROOT)
        try:
            time.sleep(options.settle)
            rows.append(("idle on the library", measure(app.pid, options.seconds)))
        finally:
            app.send_signal(signal.SIGTERM)
            app.wait(timeout=20)
        app = subprocess.Popen([executable, str(ROOT / options.session)], env=env, cwd=ROOT)
        try:
            time.sleep(options.settle)
            # The bundled quick demo opens on its setup, which waits for "I'm ready": Space
            # starts it, Space again says ready, and the timed steps run.
            press(screen.name, "space")
            time.sleep(1)
            press(screen.name, "space")
            time.sleep(2)
            rows.append(("session running, cues and voice", measure(app.pid, options.seconds)))
            press(screen.name, "space")  # pause
            time.sleep(2)
            rows.append(("session paused", measure(app.pid, options.seconds)))
        finally:
            app.send_signal(signal.SIGTERM)
            app.wait(timeout=20)
    shutil.rmtree(home, ignore_errors=True)
    print(f"whole app (every process it starts), {os.cpu_count()} cores, {options.seconds:g} s")
    print(f"{'phase':34} {'procs':>5} {'mean RSS':>9} {'peak RSS':>9} {'CPU':>8}")
    for name, (procs, mean, peak, cpu) in rows:
        print(f"{name:34} {procs:5d} {mean:7.0f}MB {peak:7.0f}MB {cpu:7.2f}%")
    print(f"peers: {PEERS}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
