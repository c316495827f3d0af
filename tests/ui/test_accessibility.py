"""The running window as a screen reader reads it: through AT-SPI, under Xvfb, on a private
session bus with the accessibility bus up (at-spi2-core), read by the system python3's
pyatspi (tests/ui/atspi_reader.py)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.xvfb import private_xvfb

ROOT = Path(__file__).resolve().parents[2]
LAUNCHER = Path("/usr/libexec/at-spi-bus-launcher")
SYSTEM_PYTHON = Path("/usr/bin/python3")

SCRIPT = """
{launcher} --launch-immediately >/dev/null 2>&1 & launcher=$!
sleep 1  # the accessibility bus comes up; the reader then waits for the window itself
QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1 {python} -m tests.ui.a11y_scenario --seconds 40 & app=$!
{system_python} tests/ui/atspi_reader.py piritimer; code=$?
kill $app $launcher 2>/dev/null; wait
exit $code
"""


def _have_tools() -> list[str]:
    missing = [t for t in ("Xvfb", "dbus-run-session") if shutil.which(t) is None]
    missing += [str(p) for p in (LAUNCHER, SYSTEM_PYTHON) if not p.exists()]
    if not missing:
        probe = subprocess.run(
            [str(SYSTEM_PYTHON), "-c", "import pyatspi"], capture_output=True, check=False
        )
        if probe.returncode != 0:
            missing.append("python3-pyatspi")
    return missing


@pytest.mark.hardware
def test_every_control_has_a_name_a_screen_reader_can_read() -> None:
    missing = _have_tools()
    if missing and os.environ.get("CI") != "true":
        pytest.skip(f"needs {', '.join(missing)}")
    script = SCRIPT.format(launcher=LAUNCHER, python=sys.executable, system_python=SYSTEM_PYTHON)
    with private_xvfb("-screen", "0", "1366x768x24") as display:
        env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
        result = subprocess.run(
            ["dbus-run-session", "--", "bash", "-c", script],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
    lines = [line for line in result.stdout.splitlines() if line.startswith("{")]
    assert result.returncode == 0, result.stdout + result.stderr
    nodes = json.loads(lines[-1])["nodes"]
    buttons = [node["name"] for node in nodes if node["role"] == "push button"]
    assert all(buttons), f"a button without a name: {buttons}"
    for name in ("Previous", "Restart step", "Pause", "Next", "Stop", "Where am I?",
                 "Full screen", "Keys", "Sound & voice"):  # fmt: skip
        assert name in buttons, buttons
    named = {(node["role"], node["name"]) for node in nodes}
    assert ("progress bar", "Session progress") in named
    assert any(name.startswith("Countdown") for _, name in named)
    assert ("label", "Get into position") in named
