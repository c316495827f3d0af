"""Whole-app memory and CPU, measured as a person runs it: the real ``piritimer`` process and
every process it starts, summed over the process tree (not RUSAGE_SELF).

It starts the app as a user would (on a private Xvfb unless $DISPLAY is set, with its own
PulseAudio null sink unless $PULSE_SERVER is set, so sound and voice really open), lets it
settle, then samples every descendant's RSS and CPU time from /proc for a while in each phase:

- ``library``: the window idle on its library, as peers are measured idle;
- ``running``: a session started with the Space key (xdotool) and past its first "I'm ready",
  sound cues and voice playing;
- ``paused``: the same session paused.

Each phase also lists the peak RSS of each process by what it is (the app, the speech
helper where there is one). speech-dispatcher and its espeak-ng module are not the app's
processes (speechd daemonizes; it is a system service every speaking program shares, there
whichever way the app speaks), so they are listed on their own line and not counted.

A last launch runs the same session with a stall probe on the app's GUI thread
(bench/app_with_probe.py: the real app, plus a 5 ms timer that notes how late it fires): the
longest stall of the event loop at start-up (launch to the first key press: window, sound
stream and voice opening), while the session runs, and paused. It is a launch of its own so
the probe's timer does not count in the CPU figures above.

``--python PATH`` runs the app of another environment (e.g. a venv with main's piritimer
installed, not editable) with this bench, for a before/after comparison on the same machine.

Beside it, peers measured the same way on this machine (idle): Workrave 94 MB / 0.10 %, Safe
Eyes 120 MB / 0.05 %.

Run: python bench/whole_app.py [--seconds 20] [--settle 8] [--session sessions/quick-demo.yaml]
     [--python PATH]
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
    by_kind: dict[str, float]
    """RSS MB of each kind of process (``kind``)."""


@dataclass
class Phase:
    processes: int
    mean_mb: float
    peak_mb: float
    cpu_percent: float
    peak_by_kind: dict[str, float]
    speechd_mb: float


def kind(pid: int, root: int) -> str:
    """What a process of the app's tree is: the app, the speech helper, or its command."""
    if pid == root:
        return "app"
    try:
        command = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
    except OSError:
        return "?"
    if any(b"speech_worker" in part or b"speech-helper" in part for part in command):
        return "speech helper"
    if any(b"sound_worker" in part for part in command):
        return "sound helper"
    return Path(command[0].decode(errors="replace")).name or "?"


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
    by_kind: dict[str, float] = {}
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
        name = kind(process, pid)
        by_kind[name] = by_kind.get(name, 0.0) + int(statm[1]) * PAGE_KB / 1024
    return Sample(alive, rss_kb / 1024, cpu_ticks / CLOCK_TICKS, by_kind)


def speechd_rss_mb(runtime: str | None) -> float:
    """speech-dispatcher and its modules in the bench's runtime dir (not the app's tree)."""
    pid = speechd_pid(runtime)
    return 0.0 if pid is None else sample(pid).rss_mb


def speechd_pid(runtime: str | None) -> int | None:
    if not runtime:
        return None
    try:
        pid_file = Path(runtime, "speech-dispatcher", "pid", "speech-dispatcher.pid")
        pid = int(pid_file.read_text().split()[0])
        os.kill(pid, 0)
    except (OSError, ValueError, IndexError):
        return None
    return pid


def measure(pid: int, seconds: float, runtime: str | None = None) -> Phase:
    """Processes, mean and peak RSS, CPU % of one core over ``seconds``; peak per kind."""
    first = sample(pid)
    started = time.monotonic()
    peak, total, count = first.rss_mb, 0.0, 0
    peaks = dict(first.by_kind)
    speechd = 0.0
    last = first
    while time.monotonic() - started < seconds:
        time.sleep(0.25)
        last = sample(pid)
        peak = max(peak, last.rss_mb)
        total += last.rss_mb
        count += 1
        for name, mb in last.by_kind.items():
            peaks[name] = max(peaks.get(name, 0.0), mb)
        speechd = max(speechd, speechd_rss_mb(runtime))
    elapsed = time.monotonic() - started
    cpu = 100 * (last.cpu_s - first.cpu_s) / elapsed
    return Phase(last.processes, total / max(1, count), peak, cpu, peaks, speechd)


Stall = tuple[float, float, float]
"""(time, stall ms, the app's CPU ms over it)."""


def read_stalls(path: Path) -> tuple[float, list[Stall], dict[str, float]]:
    """When the event loop began, every stall the probe noted after, and the longest GUI-
    thread call into each kind of audio code."""
    loop, stalls, audio = 0.0, [], dict[str, float]()
    for line in path.read_text().splitlines():
        at, *what = line.split()
        if what == ["loop"]:
            loop = float(at)
        elif what[0] == "audio":
            label = what[1].replace("_", " ")
            audio[label] = max(audio.get(label, 0.0), float(what[2]))
        else:
            stalls.append((float(at), float(what[0]), float(what[1])))
    return loop, stalls, audio


def longest(stalls: list[Stall], start: float, end: float) -> tuple[float, float]:
    """The longest stall in [start, end), and the longest in which the app itself was on the
    CPU for at least half of it (its own work: the rest is the machine not running it)."""
    inside = [(ms, cpu) for at, ms, cpu in stalls if start <= at < end]
    busy = [ms for ms, cpu in inside if cpu >= ms / 2]
    return max((ms for ms, _ in inside), default=0.0), max(busy, default=0.0)


def compile_bytecode(python: str) -> None:
    """Bytecode for the app's modules, as an installed wheel has it: an editable checkout
    under PYTHONDONTWRITEBYTECODE would otherwise compile every module at every start, and
    the start-up stalls measured would be the compiler's."""
    code = (
        "import compileall, os, piritimer;"
        " compileall.compile_dir(os.path.dirname(piritimer.__file__), quiet=1)"
    )
    subprocess.run([python, "-c", code], check=True, cwd=tempfile.gettempdir())


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
    parser.add_argument("--python", default=sys.executable, help="whose piritimer to run")
    options = parser.parse_args()
    home = Path(tempfile.mkdtemp(prefix="piritimer-bench-home-"))
    # Run from there: ``python -m`` puts the working directory first on sys.path, and from
    # the checkout that would be its piritimer, whichever ``--python`` was asked for.
    session = str(ROOT / options.session)
    app_command = [options.python, "-m", "piritimer"]
    probe_command = [options.python, str(ROOT / "bench" / "app_with_probe.py")]
    stall_file = home / "stalls.txt"
    compile_bytecode(options.python)
    with display() as screen, private_pulse() as pulse:
        env = {
            **os.environ,
            **pulse,
            "DISPLAY": screen.name,
            "QT_QPA_PLATFORM": "xcb",
            "PIRITIMER_HOME": str(home),
            "PIRITIMER_BENCH_STALLS": str(stall_file),
        }
        env.pop("SPEECHD_ADDRESS", None)
        runtime = pulse.get("XDG_RUNTIME_DIR")
        rows: list[tuple[str, Phase]] = []
        app = subprocess.Popen(app_command, env=env, cwd=home)
        try:
            time.sleep(options.settle)
            rows.append(("idle on the library", measure(app.pid, options.seconds, runtime)))
        finally:
            end(app)
        app = subprocess.Popen([*app_command, session], env=env, cwd=home)
        try:
            time.sleep(options.settle)
            start_session(screen.name)
            phase = measure(app.pid, options.seconds, runtime)
            rows.append(("session running, cues and voice", phase))
            press(screen.name, "space")  # pause
            time.sleep(2)
            rows.append(("session paused", measure(app.pid, options.seconds, runtime)))
        finally:
            end(app)
        launched = time.monotonic()
        app = subprocess.Popen([*probe_command, session], env=env, cwd=home)
        try:
            time.sleep(options.settle)
            pressed = time.monotonic()
            start_session(screen.name)
            running = time.monotonic()
            time.sleep(options.seconds)
            press(screen.name, "space")  # pause
            paused = time.monotonic()
            time.sleep(min(options.seconds, 10))
            done = time.monotonic()
        finally:
            end(app)
        loop, noted, audio = read_stalls(stall_file)
        stalls = {
            f"start-up (loop at {loop - launched:.1f} s, to first key)": longest(
                noted, loop, pressed
            ),
            "starting the session (the two keys)": longest(noted, pressed, running),
            "session running": longest(noted, running, paused),
            "session paused": longest(noted, paused, done),
        }
        startup = [
            f"{at - launched:.2f}s {ms:.0f}ms (CPU {cpu:.0f})"
            for at, ms, cpu in noted
            if at < pressed and ms > 20
        ]
        in_session = [
            f"{at - pressed:.2f}s {ms:.0f}ms (CPU {cpu:.0f})"
            for at, ms, cpu in noted
            if at >= pressed and ms > 20
        ]
        stop_speechd(runtime)
    shutil.rmtree(home, ignore_errors=True)
    print(f"whole app (every process it starts), {os.cpu_count()} cores, {options.seconds:g} s,"
          f" load {os.getloadavg()[0]:.2f}, {options.python}")  # fmt: skip
    print(f"{'phase':34} {'procs':>5} {'mean RSS':>9} {'peak RSS':>9} {'CPU':>8}  peak by process")
    for name, row in rows:
        kinds = ", ".join(f"{k} {mb:.0f}" for k, mb in sorted(row.peak_by_kind.items()))
        print(
            f"{name:34} {row.processes:5d} {row.mean_mb:7.0f}MB {row.peak_mb:7.0f}MB"
            f" {row.cpu_percent:7.2f}%  {kinds} MB"
        )
    speechd = max(row.speechd_mb for _, row in rows)
    print(f"not counted: speech-dispatcher + its modules (a system service) {speechd:.0f} MB peak")
    print("GUI thread's longest stall (stall probe, its own launch); beside it the longest")
    print("in which the app was on the CPU at least half the time (its own work):")
    for name, (stall_ms, busy_ms) in stalls.items():
        print(f"  {name:44} {stall_ms:6.1f} ms   app busy: {busy_ms:6.1f} ms")
    print(f"  start-up stalls over 20 ms (since launch): {', '.join(startup) or 'none'}")
    print(f"  session stalls over 20 ms (since the first key): {', '.join(in_session) or 'none'}")
    longest_audio = ", ".join(f"{k} {ms:.1f}" for k, ms in sorted(audio.items()))
    print(f"longest GUI-thread call into sound or speech code, ms: {longest_audio or 'none'}")
    print(f"peers: {PEERS}")
    return 0


def start_session(display_name: str) -> None:
    # The bundled quick demo opens on its setup, which waits for "I'm ready": Space
    # starts it, Space again says ready, and the timed steps run.
    press(display_name, "space")
    time.sleep(1)
    press(display_name, "space")
    time.sleep(2)


def end(app: subprocess.Popen[bytes]) -> None:
    app.send_signal(signal.SIGTERM)
    app.wait(timeout=20)


def stop_speechd(runtime: str | None) -> None:
    """The speech-dispatcher the app spawned in the bench's runtime dir goes with it."""
    pid = speechd_pid(runtime)
    if pid is not None:
        os.kill(pid, signal.SIGTERM)


if __name__ == "__main__":
    raise SystemExit(main())
