"""A display for the window benchmark: the caller's, or a private Xvfb started for the run."""

from __future__ import annotations

import os
import select
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

SCREEN = "1280x800x24"
START_TIMEOUT_S = 15.0


@dataclass(frozen=True)
class Display:
    name: str
    """The DISPLAY value, e.g. ":7"."""
    server_pid: int | None
    """Xvfb's process id when we started it (its CPU use is then reported too)."""


@contextmanager
def display() -> Iterator[Display]:
    """Use $DISPLAY if set; otherwise run Xvfb on a free display it picks (-displayfd)."""
    existing = os.environ.get("DISPLAY")
    if existing:
        yield Display(existing, None)
        return
    if shutil.which("Xvfb") is None:
        raise SystemExit("DISPLAY is not set and Xvfb is not installed (Debian package: xvfb)")
    read_end, write_end = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_end), "-screen", "0", SCREEN, "-nolisten", "tcp"],
        pass_fds=(write_end,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_end)
    try:
        number = _read_display_number(read_end)
        yield Display(f":{number}", server.pid)
    finally:
        os.close(read_end)
        server.terminate()
        server.wait()


def _read_display_number(fd: int) -> str:
    text = b""
    while not text.endswith(b"\n"):
        ready, _, _ = select.select([fd], [], [], START_TIMEOUT_S)
        chunk = os.read(fd, 64) if ready else b""
        if not chunk:
            raise SystemExit("Xvfb did not report a display number")
        text += chunk
    return text.decode().strip()
