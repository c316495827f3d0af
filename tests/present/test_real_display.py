"""Clicker keys and full screen on a real X server (Xvfb), with keys sent by xdotool.

Marked ``hardware``: it runs wherever Xvfb and xdotool are installed, always under CI=true,
and skips elsewhere only when they are truly absent.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.xvfb import run_on_display, xvfb_for_keys

SCENARIO = Path(__file__).with_name("real_keys_scenario.py")


@pytest.fixture
def display() -> Iterator[str]:
    with xvfb_for_keys("1280x720") as display:
        yield display


@pytest.mark.hardware
def test_clicker_keys_from_the_window_system(display: str) -> None:
    done = run_on_display([sys.executable, str(SCENARIO)], display, timeout=120)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["audience_geometry"] == result["screen"] == [0, 0, 1280, 720]
    assert result["log"] == [
        ["Next", "RUNNING", 0, False],  # starts
        ["Next", "RUNNING", 1, False],
        ["Prior", "RUNNING", 0, False],
        ["b", "PAUSED", 0, True],
        ["period", "PAUSED", 0, False],  # shown again, still paused
        ["shift+F5", "RUNNING", 0, False],
        ["space", "PAUSED", 0, False],
        ["F5", "RUNNING", 0, False],
        ["Escape", "RUNNING", 0, False],
    ]
    assert result["open_after"] is False
