"""A private X server for tests that need a real one (``-displayfd`` picks a free number, so
parallel runs cannot collide): Xvfb here, Xorg with the dummy driver in tests/xorg_dummy.py."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator, Sequence
from contextlib import contextmanager


@contextmanager
def private_x_server(command: Sequence[str], name: str = "X server") -> Iterator[str]:
    """Run the X server ``command`` (``-displayfd`` is added) and yield its DISPLAY (":N")."""
    read_end, write_end = os.pipe()
    server = subprocess.Popen(
        [*command, "-displayfd", str(write_end)],
        pass_fds=(write_end,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_end)
    with os.fdopen(read_end) as pipe:
        number = pipe.readline().strip()
    try:
        assert number, f"{name} did not start"
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(timeout=10)


@contextmanager
def private_xvfb(*arguments: str) -> Iterator[str]:
    """Run Xvfb with ``arguments`` and yield its DISPLAY value (":N")."""
    with private_x_server(["Xvfb", "-nolisten", "tcp", *arguments], "Xvfb") as display:
        yield display


@contextmanager
def xvfb_for_keys(size: str) -> Iterator[str]:
    """A private Xvfb screen of ``size`` ("1280x720") for tests that press real keys with
    xdotool; outside CI a machine without the two tools skips the test (under CI it fails)."""
    import shutil

    import pytest

    missing = [tool for tool in ("Xvfb", "xdotool") if shutil.which(tool) is None]
    if missing and os.environ.get("CI") != "true":
        pytest.skip(f"needs {', '.join(missing)}")
    with private_xvfb("-screen", "0", f"{size}x24") as display:
        yield display


def run_on_display(
    command: Sequence[str], display: str, *, timeout: float, cwd: str | None = None
) -> subprocess.CompletedProcess[str]:
    """Run a scenario script as its own Qt app on the X server ``display``; its output is
    captured as text and its exit status left for the test to judge."""
    return subprocess.run(
        list(command),
        env={**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"},
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
