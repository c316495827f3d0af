"""Run the stand-in screen saver under dbus-run-session and read what it records."""

from __future__ import annotations

import json
import os
import queue
import shutil
import subprocess
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

import pytest
from PySide6.QtDBus import QDBusConnection

STANDIN = Path(__file__).with_name("screensaver_standin.py")
STARTUP_TIMEOUT_S = 20.0
RECORD_TIMEOUT_S = 5.0


def require_dbus_run_session() -> str:
    """dbus-run-session's path; in CI its absence fails the test instead of skipping it."""
    found = shutil.which("dbus-run-session")
    if found is None:
        if os.environ.get("CI") == "true":
            pytest.fail("dbus-run-session is missing (Debian package: dbus)")
        pytest.skip("dbus-run-session is not installed (Debian package: dbus)")
    return found


@dataclass
class StandInBus:
    """A running stand-in service and our own connection to its private bus."""

    process: subprocess.Popen[str]
    address: str
    connection: QDBusConnection
    reader: threading.Thread
    records: queue.Queue[dict[str, Any]] = field(default_factory=queue.Queue)

    def next_record(self) -> dict[str, Any]:
        """The next call the stand-in received (calls are synchronous, so it is already sent)."""
        try:
            return self.records.get(timeout=RECORD_TIMEOUT_S)
        except queue.Empty:
            pytest.fail("the stand-in screen saver recorded no call")

    def stop(self) -> str:
        """Close the stand-in's stdin (it quits, dbus-run-session follows); return its stderr."""
        assert self.process.stdin is not None
        assert self.process.stdout is not None
        assert self.process.stderr is not None
        if self.process.stderr.closed:
            return ""
        self.process.stdin.close()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.reader.join(timeout=10)
        self.process.stdout.close()
        errors = self.process.stderr.read()
        self.process.stderr.close()
        return errors

    def assert_no_more_records(self) -> None:
        assert self.records.empty(), self.records.get_nowait()


def read_lines(stream: IO[str], into: queue.Queue[dict[str, Any]]) -> None:
    for line in stream:
        into.put(json.loads(line))
