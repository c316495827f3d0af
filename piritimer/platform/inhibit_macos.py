"""Screen-saver inhibit on macOS: a ``caffeinate`` child process while a session runs.

``caffeinate -d -i`` holds display-sleep and idle-sleep assertions for as long as it runs;
``-w <our pid>`` makes it exit by itself if piritimer dies, so a crash never leaves the Mac
awake. It ships with macOS (since 10.8), needs no permission and no extra dependency.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
from collections.abc import Sequence

log = logging.getLogger(__name__)

STOP_TIMEOUT_S = 1.0


def caffeinate_command(executable: str, pid: int) -> list[str]:
    return [executable, "-d", "-i", "-w", str(pid)]


class CaffeinateInhibitor:
    """Runs ``command`` while inhibiting; stops it on release."""

    name = "caffeinate"
    notice: str | None = None

    def __init__(self, command: Sequence[str]) -> None:
        self._command = list(command)
        self._process: subprocess.Popen[bytes] | None = None

    @classmethod
    def if_available(cls) -> CaffeinateInhibitor | None:
        executable = shutil.which("caffeinate")
        if executable is None:
            return None
        return cls(caffeinate_command(executable, os.getpid()))

    @property
    def active(self) -> bool:
        return self._process is not None and self._process.poll() is None

    def inhibit(self, reason: str) -> None:
        del reason  # caffeinate takes no reason; the assertion is named after the process.
        if self.active:
            return
        try:
            self._process = subprocess.Popen(
                self._command,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        except OSError as error:
            log.warning("could not start %s: %s", self._command[0], error)
            self._process = None

    def release(self) -> None:
        process, self._process = self._process, None
        if process is None:
            return
        process.terminate()
        try:
            process.wait(STOP_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
