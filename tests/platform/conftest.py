"""Fixtures for the platform tests: a private D-Bus session with a stand-in service (the
screen saver, or another stand-in such as the notification server)."""

from __future__ import annotations

import queue
import subprocess
import sys
import threading
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtDBus import QDBusConnection
from PySide6.QtWidgets import QApplication

from tests.platform.screensaver_bus import (
    STANDIN,
    STARTUP_TIMEOUT_S,
    StandInBus,
    read_lines,
    require_dbus_run_session,
)


@pytest.fixture
def standin_bus(qapp: QApplication) -> Iterator[Callable[..., StandInBus]]:
    """Start the stand-in under dbus-run-session with the given options; stop it afterwards."""
    runner = require_dbus_run_session()
    started: list[tuple[StandInBus, str]] = []

    def start(*options: str, script: Path = STANDIN) -> StandInBus:
        """``script``: another stand-in speaking the same protocol (ready line, records)."""
        process = subprocess.Popen(
            [runner, "--", sys.executable, str(script), *options],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert process.stdout is not None
        lines: queue.Queue[dict[str, Any]] = queue.Queue()
        reader = threading.Thread(target=read_lines, args=(process.stdout, lines), daemon=True)
        reader.start()
        try:
            ready = lines.get(timeout=STARTUP_TIMEOUT_S)
        except queue.Empty:
            process.kill()
            process.wait()
            reader.join(timeout=10)
            errors = process.stderr.read() if process.stderr else ""
            for stream in (process.stdin, process.stdout, process.stderr):
                if stream is not None:
                    stream.close()
            pytest.fail(f"the stand-in screen saver did not start: {errors}")
        name = f"piritimer-test-{uuid.uuid4().hex}"
        connection = QDBusConnection.connectToBus(ready["ready"], name)
        assert connection.isConnected(), connection.lastError().message()
        bus = StandInBus(process, ready["ready"], connection, reader, lines)
        started.append((bus, name))
        return bus

    yield start
    for bus, name in started:
        QDBusConnection.disconnectFromBus(name)
        errors = bus.stop()
        # dbus-daemon complains harmlessly when it may not raise its file limit in containers.
        problems = [line for line in errors.splitlines() if "fd limit" not in line]
        assert not problems, errors
