"""The MPRIS player: the real playerctl on a private session bus drives the window, and the
window's remote wiring does what each media button means."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtDBus import QDBusConnection

from piritimer.core.engine import State
from piritimer.platform.media_remote import PlaybackStatus, RemoteCommand
from piritimer.platform.mpris import NullMediaRemote, create_media_remote
from piritimer.ui.main_window import MainWindow
from tests.ui.helpers import FakeClock, advance

ROOT = Path(__file__).resolve().parents[2]


class RecordingRemote(NullMediaRemote):
    """A backend that notes each status it is told."""

    def __init__(self) -> None:
        super().__init__()
        self.statuses: list[tuple[PlaybackStatus, str]] = []

    def set_status(self, status: PlaybackStatus, title: str = "") -> None:
        self.statuses.append((status, title))


def test_media_buttons_drive_the_window_and_play_says_ready(
    window: MainWindow, sessions_dir: Path, clock: FakeClock
) -> None:
    backend = RecordingRemote()
    remote = window.services.media
    remote.use(backend)
    assert backend.statuses == [(PlaybackStatus.STOPPED, "")]
    window.show_preview(sessions_dir / "hip-release.yaml")
    backend.commandReceived.emit(RemoteCommand.PLAY)
    assert window.driver.state is State.RUNNING
    assert backend.statuses[-1] == (PlaybackStatus.PLAYING, "Figure four")
    backend.commandReceived.emit(RemoteCommand.PLAY)  # play while playing: no pause
    assert window.driver.state is State.RUNNING
    backend.commandReceived.emit(RemoteCommand.PAUSE)
    assert window.driver.state is State.PAUSED
    assert backend.statuses[-1][0] is PlaybackStatus.PAUSED
    backend.commandReceived.emit(RemoteCommand.PAUSE)  # pause while paused: stays paused
    assert window.driver.state is State.PAUSED
    backend.commandReceived.emit(RemoteCommand.PLAY_PAUSE)
    backend.commandReceived.emit(RemoteCommand.NEXT)
    assert window.driver.engine.index == 1
    backend.commandReceived.emit(RemoteCommand.PREVIOUS)
    assert window.driver.engine.index == 0
    wait = next(s.index for s in window.driver.engine.timeline.steps if s.waits)
    window.driver.jump(wait)
    assert window.driver.state is State.WAITING
    backend.commandReceived.emit(RemoteCommand.PLAY)  # "I'm ready"
    assert window.driver.engine.index == wait + 1
    advance(window, clock, 0.5)
    backend.commandReceived.emit(RemoteCommand.STOP)
    assert window.driver.state is State.STOPPED
    assert backend.statuses[-1][0] is PlaybackStatus.STOPPED


def test_without_a_bus_there_is_a_do_nothing_remote(qapp: object) -> None:
    remote = create_media_remote(QDBusConnection.connectToBus("unix:path=/nonexistent", "none"))
    assert isinstance(remote, NullMediaRemote)
    assert remote.bus_name is None
    remote.set_status(PlaybackStatus.PLAYING, "x")
    remote.close()


@pytest.mark.hardware
def test_the_real_playerctl_drives_the_session_on_a_private_bus() -> None:
    tools = [t for t in ("dbus-run-session", "playerctl") if shutil.which(t) is None]
    if tools and os.environ.get("CI") != "true":
        pytest.skip(f"needs {', '.join(tools)}")
    result = subprocess.run(
        ["dbus-run-session", "--", sys.executable, "-m", "tests.ui.mpris_scenario"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    results = json.loads(result.stdout.strip().splitlines()[-1])
    assert results[0] == {"bus_name": "org.mpris.MediaPlayer2.piritimer"}
    seen = [(r["command"], r["output"], r["state"], r["step"]) for r in results[1:]]
    assert seen == [
        ("status", "Stopped", "IDLE", "done"),
        ("play", "", "RUNNING", "setup"),  # starts the session shown in the preview
        ("status", "Playing", "RUNNING", "setup"),
        ("pause", "", "PAUSED", "setup"),
        ("status", "Paused", "PAUSED", "setup"),
        ("play", "", "RUNNING", "setup"),
        ("next", "", "RUNNING", "get ready"),
        ("previous", "", "RUNNING", "setup"),
        ("WAIT", "", "WAITING", "setup"),
        ("play", "", "RUNNING", "get ready"),  # at a wait, play is "I'm ready"
        ("play-pause", "", "PAUSED", "get ready"),
        ("stop", "", "STOPPED", "get ready"),
    ]
