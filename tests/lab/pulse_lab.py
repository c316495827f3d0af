"""A private PulseAudio server with a null sink, speech-dispatcher on it, and a recorder.

For the hardware tests and the latency bench: everything runs under its own
XDG_RUNTIME_DIR, so it neither needs nor disturbs a desktop's sound server, and a CI box
that starts with nothing running gets everything it needs. The sink runs at 48 kHz mono,
the format of our cues and of the recording, so no sample is resampled on the way.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
import threading
import time
from array import array
from pathlib import Path

from piritimer.audio.wav import RATE_HZ
from tests.lab.measure import Arrival

SINK = "piri"
TOOLS = ("pulseaudio", "pactl", "parec")
SPEECH_TOOLS = ("speech-dispatcher",)


def missing_tools(speech: bool = True) -> list[str]:
    return [tool for tool in TOOLS + (SPEECH_TOOLS if speech else ()) if not shutil.which(tool)]


class LabError(RuntimeError):
    """A server would not start; the message carries its log."""


class PulseLab:
    """Start with ``start()``, stop with ``stop()`` (or use it as a context manager)."""

    def __init__(self) -> None:
        self.runtime_dir = Path(tempfile.mkdtemp(prefix="piri-pulse-"))
        self.runtime_dir.chmod(0o700)
        self.env = {
            **os.environ,
            "XDG_RUNTIME_DIR": str(self.runtime_dir),
            "HOME": str(self.runtime_dir),
            "PULSE_SERVER": f"unix:{self.runtime_dir / 'pulse' / 'native'}",
            "LANG": "C.UTF-8",
        }
        self.env.pop("SPEECHD_ADDRESS", None)
        self._pids: list[int] = []

    def __enter__(self) -> PulseLab:
        self.start()
        return self

    def __exit__(self, *_: object) -> None:
        self.stop()

    def _run(self, *args: str, timeout: float = 10.0) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            args, env=self.env, capture_output=True, text=True, timeout=timeout, check=False
        )

    def start(self, speech: bool = True, channels: int = 1) -> None:
        """Start the server with the null sink (``channels=2``: a stereo one, for panning)."""
        log = self.runtime_dir / "pulseaudio.log"
        started = self._run(
            "pulseaudio",
            "--daemonize=yes",
            "--system=false",
            "--exit-idle-time=-1",
            "--disallow-exit",
            "-n",
            f"--load=module-null-sink sink_name={SINK} rate={RATE_HZ} channels={channels}",
            "--load=module-native-protocol-unix",
            f"--log-target=file:{log}",
        )
        if started.returncode != 0:
            raise LabError(f"pulseaudio did not start: {started.stderr}{_tail(log)}")
        self._wait(lambda: self._run("pactl", "info").returncode == 0, "pulseaudio", log)
        self._remember(self.runtime_dir / "pulse" / "pid")
        self._run("pactl", "set-default-sink", SINK)
        if speech:
            self.start_speech()

    def start_speech(self, log_level: int = 1) -> None:
        """speech-dispatcher on the sink; ``log_level`` 5 logs every setting it hands its
        synthesiser (``speech_log``)."""
        log_dir = self.runtime_dir / "speechd-log"
        log_dir.mkdir()
        with (log_dir / "stdout.log").open("wb") as out:
            # -t 0: never exit for want of clients; the log goes to a file, not the test's output.
            subprocess.run(
                ["speech-dispatcher", "-d", "-t", "0", "-l", str(log_level), "-L", str(log_dir)],
                env=self.env,
                stdout=out,
                stderr=subprocess.STDOUT,
                timeout=20,
                check=False,
            )
        socket = self.runtime_dir / "speech-dispatcher" / "speechd.sock"
        self._wait(socket.exists, "speech-dispatcher", log_dir / "stdout.log")
        self._remember(self.runtime_dir / "speech-dispatcher" / "pid" / "speech-dispatcher.pid")

    def speech_log(self) -> str:
        """What speech-dispatcher has logged so far."""
        path = self.runtime_dir / "speechd-log" / "speech-dispatcher.log"
        return path.read_text(encoding="utf-8", errors="replace") if path.exists() else ""

    def adopt_speech(self) -> None:
        """Stop with the lab a speech-dispatcher that a client spawned in its runtime dir."""
        self._remember(self.runtime_dir / "speech-dispatcher" / "pid" / "speech-dispatcher.pid")

    def _wait(self, ready: object, name: str, log: Path, timeout_s: float = 15.0) -> None:
        assert callable(ready)
        deadline = time.monotonic() + timeout_s
        while not ready():
            if time.monotonic() > deadline:
                raise LabError(f"{name} did not come up in {timeout_s:g} s{_tail(log)}")
            time.sleep(0.05)

    def _remember(self, pid_file: Path) -> None:
        try:
            self._pids.append(int(pid_file.read_text().split()[0]))
        except (OSError, ValueError, IndexError):
            pass

    def stop(self) -> None:
        for pid in reversed(self._pids):
            _terminate(pid)
        self._pids.clear()
        shutil.rmtree(self.runtime_dir, ignore_errors=True)


def _terminate(pid: int) -> None:
    try:
        os.kill(pid, signal.SIGTERM)
    except ProcessLookupError:
        return
    for _ in range(40):
        if not _alive(pid):
            return
        time.sleep(0.05)
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


def _alive(pid: int) -> bool:
    """Running, as opposed to gone or a zombie (daemons are not our children to reap)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        return True
    return "\nState:\tZ" not in status


def _tail(log: Path) -> str:
    try:
        return "\n" + "\n".join(log.read_text(errors="replace").splitlines()[-20:])
    except OSError:
        return ""


class Recorder:
    """Records the null sink's monitor with parec, noting when each chunk arrives."""

    def __init__(self, lab: PulseLab, latency_ms: int = 5, channels: int = 1) -> None:
        """``channels=2`` records left and right interleaved (``samples`` then holds two
        values a frame)."""
        self.samples = array("h")
        self.arrivals: list[Arrival] = []
        self._pending = b""
        self._process = subprocess.Popen(
            [
                "parec",
                "-d",
                f"{SINK}.monitor",
                "--raw",
                "--format=s16le",
                f"--rate={RATE_HZ}",
                f"--channels={channels}",
                f"--latency-msec={latency_ms}",
            ],
            env=lab.env,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            bufsize=0,
        )
        self._thread = threading.Thread(target=self._read, daemon=True)
        self._thread.start()

    def _read(self) -> None:
        stream = self._process.stdout
        assert stream is not None
        while chunk := stream.read(4096):
            now = time.monotonic()
            data = self._pending + chunk
            whole = len(data) - len(data) % 2
            self._pending = data[whole:]
            self.samples.frombytes(data[:whole])
            self.arrivals.append(Arrival(now, len(self.samples)))

    def wait_for_audio(self, timeout_s: float = 10.0) -> None:
        """Block until parec delivers (it takes a moment to connect)."""
        deadline = time.monotonic() + timeout_s
        while len(self.samples) < RATE_HZ // 10:
            if time.monotonic() > deadline or self._process.poll() is not None:
                raise LabError("parec recorded nothing")
            time.sleep(0.02)

    def stop(self) -> None:
        self._process.terminate()
        try:
            self._process.wait(5)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()
        self._thread.join(5)
        if self._process.stdout is not None:
            self._process.stdout.close()
