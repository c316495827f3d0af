"""Screens that come and go mid-class, on real X outputs: a dummy Xorg with two outputs that
xrandr switches off and on like cables, openbox as the window manager, and each view's place
read from the X server itself.

Marked ``hardware``: it needs Xorg with the dummy driver, xrandr, openbox, xdotool, xwininfo
and root; under CI=true it never skips.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests import xorg_dummy
from tests.xorg_dummy import LAPTOP, PROJECTOR, DummyDisplay, private_xorg_dummy
from tests.xvfb import run_on_display

SCENARIO = Path(__file__).with_name("screens_come_and_go_scenario.py")
LAPTOP_RECT = [0, 0, 1366, 768]
PROJECTOR_RECT = [1366, 0, 1920, 1080]


@pytest.fixture
def two_outputs() -> Iterator[DummyDisplay]:
    missing = xorg_dummy.available() or next(
        (f"needs {t}" for t in ("openbox", "xdotool", "xwininfo") if shutil.which(t) is None),
        None,
    )
    if missing and os.environ.get("CI") != "true":
        pytest.skip(missing)
    with private_xorg_dummy() as server:
        manager = subprocess.Popen(
            ["openbox", "--sm-disable"],
            env={**os.environ, "DISPLAY": server.display},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            yield server
        finally:
            manager.terminate()
            manager.wait(timeout=10)


@pytest.mark.hardware
def test_views_follow_the_screens_mid_class(two_outputs: DummyDisplay) -> None:
    done = run_on_display([sys.executable, str(SCENARIO)], two_outputs.display, timeout=240)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    log = result["log"]
    seen = {
        moment: (v["audience"], v["audience_screen"], v["presenter_screen"])
        for moment, v in log.items()
    }
    assert seen == {
        "start": (PROJECTOR_RECT, PROJECTOR, LAPTOP),
        # The class view takes the laptop, full screen; the presenter view is not over it.
        "projector off": (LAPTOP_RECT, LAPTOP, None),
        "P pressed": (LAPTOP_RECT, LAPTOP, LAPTOP),  # one key away
        "P again": (LAPTOP_RECT, LAPTOP, None),
        # The projector comes back: so does the class view.
        "projector back": (PROJECTOR_RECT, PROJECTOR, LAPTOP),
        # The laptop panel goes off: the presenter view does not land on the class's screen.
        "laptop off": ([0, 0, 1920, 1080], PROJECTOR, None),
        "laptop back": (PROJECTOR_RECT, PROJECTOR, LAPTOP),
        "swapped": (LAPTOP_RECT, LAPTOP, PROJECTOR),
        "swapped back": (PROJECTOR_RECT, PROJECTOR, LAPTOP),
        # A resolution change refits the class view.
        "projector at 720p": ([1366, 0, 1280, 720], PROJECTOR, LAPTOP),
    }
    assert log["laptop off"]["outputs"] == {PROJECTOR: [0, 0, 1920, 1080]}
    assert log["projector off"]["qt_screens"] == [LAPTOP]  # Qt saw the cable go
    assert result["state"] == "RUNNING"
    assert result["same_step"] is True  # the class went on through all of it
    assert result["open"] is True
