"""The frozen build (tools/freeze.sh, tools/piritimer.spec): where it finds its sessions and
assets (unit tests), and one slow test that builds it and runs it as a person would."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
import time
from array import array
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

import pytest

from piritimer import paths
from piritimer.audio.helper import HELPER_FLAG
from piritimer.paths import APP_ID
from tests.lab import proctree
from tests.lab.pulse_lab import PulseLab, missing_tools
from tests.test_assets import read_desktop_entry
from tests.xvfb import private_xvfb

ROOT = Path(__file__).resolve().parent.parent
T = TypeVar("T")


def test_from_source_sessions_and_assets_are_the_repositorys() -> None:
    assert paths.bundled_sessions_dir() == ROOT / "sessions"
    assert paths.assets_dir() == ROOT / "assets"


def test_frozen_sessions_and_assets_are_under_meipass(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path / "_internal"), raising=False)
    monkeypatch.setattr(sys, "executable", str(tmp_path / "piritimer"))
    assert paths.bundled_sessions_dir() == tmp_path / "_internal" / "sessions"
    assert paths.assets_dir() == tmp_path / "_internal" / "assets"
    assert paths.sounds_dir() == tmp_path / "_internal" / "assets" / "sounds"
    assert paths.icon_path() == tmp_path / "_internal" / "assets" / "icons" / "piritimer.svg"


def test_a_frozen_build_without_meipass_looks_beside_its_executable(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Freezers other than PyInstaller (cx_Freeze) put data beside the executable."""
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.delattr(sys, "_MEIPASS", raising=False)
    monkeypatch.setattr(sys, "executable", str(tmp_path / "piritimer"))
    assert paths.bundled_sessions_dir() == tmp_path / "sessions"


# -- the real build ---------------------------------------------------------------------------

CLASS = """\
format: 1
class: Frozen build check
starts in: 6s
sessions:
  - quick-demo.yaml
"""
"""Names the quick demo by its bare name, which only the app's own bundled sessions hold; the
holding screen gives the recorders time to attach before the session starts by itself."""
QT_PLUGINS = (
    "platforms/libqxcb.so",
    "platforms/libqwayland.so",
    "multimedia/libffmpegmediaplugin.so",
    "texttospeech/libqtexttospeech_speechd.so",
    "imageformats/libqsvg.so",
    "iconengines/libqsvgicon.so",
)
"""The Qt plugins the app needs on Linux: the window, cues, voice, and the SVG drawings."""
LOUD = 1000
RATE = 48_000
"""A sample this far from silence is sound (full scale is 32767); the null sink is silent."""


def sink_inputs(lab: PulseLab) -> dict[int, dict[str, str]]:
    """Each stream playing into the sink: its index and properties (``pactl list``)."""
    listing = subprocess.run(
        ["pactl", "list", "sink-inputs"], env=lab.env, capture_output=True, text=True,
        timeout=10, check=True,
    ).stdout  # fmt: skip
    streams: dict[int, dict[str, str]] = {}
    current: dict[str, str] = {}
    for line in listing.splitlines():
        if line.startswith("Sink Input #"):
            current = streams.setdefault(int(line.removeprefix("Sink Input #")), {})
        elif " = " in line:
            key, _, value = line.strip().partition(" = ")
            current[key] = value.strip('"')
    return streams


class StreamRecorders:
    """Records each new stream of the app (its cues) and of speech-dispatcher (the voice) on its
    own (``parec --monitor-stream``), so that neither can pass for the other.

    The app stops its stream when idle and opens a fresh one to play, so streams are followed
    as they come, each into its own file."""

    def __init__(self, lab: PulseLab, app_pid: int, folder: Path) -> None:
        self._lab = lab
        self._app_pid = str(app_pid)
        self._folder = folder
        self._recorders: dict[int, tuple[subprocess.Popen[bytes], Path]] = {}
        self._stopping = threading.Event()
        self._thread = threading.Thread(target=self._follow, daemon=True)
        self._thread.start()

    def _kind(self, stream: dict[str, str]) -> str | None:
        if stream.get("application.process.id") == self._app_pid:
            return "cues"
        if stream.get("application.name") == "speech-dispatcher-espeak-ng":
            return "voice"
        return None

    def _follow(self) -> None:
        while not self._stopping.wait(0.05):
            for index, stream in sink_inputs(self._lab).items():
                kind = self._kind(stream)
                if kind is None or index in self._recorders:
                    continue
                path = self._folder / f"{kind}-{index}.raw"
                with path.open("wb") as out:
                    recorder = subprocess.Popen(
                        ["parec", f"--monitor-stream={index}", "--raw", "--format=s16le",
                         "--rate=48000", "--channels=1"],
                        env=self._lab.env, stdout=out, stderr=subprocess.DEVNULL,
                    )  # fmt: skip
                self._recorders[index] = (recorder, path)

    def loud_samples(self, kind: str) -> int:
        """Samples of sound (not silence) recorded so far from streams of ``kind``."""
        total = 0
        for path in self._folder.glob(f"{kind}-*.raw"):
            samples = array("h")
            data = path.read_bytes()
            samples.frombytes(data[: len(data) - len(data) % 2])
            total += sum(1 for sample in samples if abs(sample) > LOUD)
        return total

    def stop(self) -> None:
        self._stopping.set()
        self._thread.join(10)
        for recorder, _ in self._recorders.values():
            recorder.terminate()
            recorder.wait(timeout=10)


@dataclass
class Watch:
    """The frozen app under test and what it starts, seen from outside."""

    app: subprocess.Popen[bytes]
    executable: Path
    lab: PulseLab
    log: Path

    started: set[tuple[str, ...]] = field(default_factory=set)
    """The command line of every process seen below the app while waiting."""

    def wait(self, find: Callable[[], T | None], what: str, timeout_s: float = 30) -> T:
        """``find()``'s first answer other than None; fails with the app's output if it exits."""
        deadline = time.monotonic() + timeout_s
        while (found := find()) is None:
            self.started.update(tuple(command_line(pid)) for pid in proctree.tree(self.app.pid)[1:])
            if self.app.poll() is not None:
                output = self.log.read_text(errors="replace")[-3000:]
                pytest.fail(f"the app exited ({self.app.returncode}) before {what}:\n{output}")
            assert time.monotonic() < deadline, f"no {what} within {timeout_s:g} s"
            time.sleep(0.1)
        return found


def command_line(pid: int) -> list[str]:
    try:
        raw = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return []
    return [part.decode(errors="replace") for part in raw.split(b"\0") if part]


def require_tools() -> None:
    missing = missing_tools(speech=True) + [
        tool for tool in ("Xvfb", "xdotool", "xprop") if shutil.which(tool) is None
    ]
    if not missing:
        return
    message = f"needs {', '.join(missing)} (tools/system-packages.sh installs them)"
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


@pytest.mark.hardware
def test_the_frozen_app_runs_the_quick_demo_with_sound_and_voice(tmp_path: Path) -> None:
    require_tools()
    build = subprocess.run(
        ["bash", "tools/freeze.sh", str(tmp_path / "freeze")],
        cwd=ROOT, capture_output=True, text=True, timeout=1800, check=False,
    )  # fmt: skip
    assert build.returncode == 0, build.stderr[-4000:]
    executable = Path(build.stdout.splitlines()[-1])
    assert executable.is_relative_to(tmp_path)
    plugins = executable.parent / "_internal" / "PySide6" / "Qt" / "plugins"
    missing = [plugin for plugin in QT_PLUGINS if not (plugins / plugin).is_file()]
    assert missing == [], "the spec's hidden imports no longer bring these Qt plugins"
    plan = tmp_path / "class.yaml"
    plan.write_text(CLASS, encoding="utf-8")
    assert not (tmp_path / "quick-demo.yaml").exists()

    with PulseLab() as lab, private_xvfb("-screen", "0", "1280x800x24") as display:
        env = {
            **lab.env,
            "DISPLAY": display,
            "QT_QPA_PLATFORM": "xcb",
            "PIRITIMER_HOME": str(tmp_path / "home"),
            # The frozen app must need nothing of the source tree or of a Python install.
            "PATH": "/usr/bin:/bin",
        }
        env.pop("PYTHONPATH", None)
        log_path = tmp_path / "app.log"
        log = log_path.open("w")
        app = subprocess.Popen(
            [str(executable), "--present", str(plan)],
            env=env, cwd=tmp_path, stdout=log, stderr=subprocess.STDOUT,
        )  # fmt: skip
        watch = Watch(app, executable, lab, log_path)
        streams = StreamRecorders(lab, app.pid, tmp_path)
        try:
            # The holding screen ends by itself and the quick demo starts on its setup step:
            # its cue, then the voice reading the setup lines.
            watch.wait(lambda: streams.loud_samples("voice") > RATE // 4 or None, "voice")
            # Ready (Page Down, a clicker's key): the get-ready countdown ticks, then the start.
            press(display, "Next")
            watch.wait(lambda: streams.loud_samples("cues") > RATE // 20 or None, "cue sound")
            windows = window_properties(display)
            assert app.poll() is None, "the frozen app exited"
        finally:
            app.terminate()
            app.wait(timeout=20)
            streams.stop()
            log.close()
    output = log_path.read_text(errors="replace")
    assert "Traceback" not in output
    # A helper the app starts (the Qt TextToSpeech voice) is the frozen executable itself:
    # there is no `python -m` in a frozen build.
    assert all(
        started[:2] == (str(executable), HELPER_FLAG) for started in watch.started if started
    ), watch.started
    # The desktop matches the window to data/APP_ID.desktop (setDesktopFileName, X11 too).
    assert windows
    for properties in windows:
        assert f'_GTK_APPLICATION_ID(UTF8_STRING) = "{APP_ID}"' in properties
        # X11 docks that read only WM_CLASS match it to the entry's StartupWMClass.
        wm_class = read_desktop_entry()["StartupWMClass"]
        assert f'WM_CLASS(STRING) = "{wm_class}", "{wm_class}"' in properties


def press(display: str, key: str) -> None:
    """A real key press (XTEST) into the presentation's audience window, focused."""
    env = {**os.environ, "DISPLAY": display}
    found = subprocess.run(
        ["xdotool", "search", "--onlyvisible", "--name", "piritimer — audience"],
        env=env, capture_output=True, text=True, timeout=20, check=False,
    ).stdout.split()  # fmt: skip
    assert found, "no audience window to press a key in"
    subprocess.run(
        ["xdotool", "windowfocus", "--sync", found[0], "key", key],
        env=env, timeout=20, check=True,
    )  # fmt: skip


def window_properties(display: str) -> list[str]:
    """xprop of each visible top-level piritimer window."""
    env = {**os.environ, "DISPLAY": display}
    found = subprocess.run(
        ["xdotool", "search", "--onlyvisible", "--name", "piritimer"],
        env=env, capture_output=True, text=True, timeout=20, check=False,
    ).stdout.split()  # fmt: skip
    return [
        subprocess.run(
            ["xprop", "-id", window, "WM_CLASS", "_GTK_APPLICATION_ID"],
            env=env,
            capture_output=True,
            text=True,
            timeout=20,
            check=True,
        ).stdout  # fmt: skip
        for window in found
    ]
