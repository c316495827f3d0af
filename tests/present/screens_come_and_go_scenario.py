"""Run in a child process on a dummy Xorg with two outputs (tests/xorg_dummy.py) and openbox:
opens a class on the projector, then unplugs and replugs screens mid-class with xrandr and
presses S and P with xdotool, recording after each change where each view really is (the X
server's own geometry of its window, read with xwininfo). Prints one JSON object.

Usage: ``python screens_come_and_go_scenario.py`` with DISPLAY set.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from piritimer.core.engine import Engine  # noqa: E402
from piritimer.core.timeline import compile_session  # noqa: E402
from piritimer.present.opening import open_presentation  # noqa: E402
from piritimer.present.presentation import Presentation  # noqa: E402
from piritimer.qt.driver import EngineDriver  # noqa: E402
from tests.present.conftest import FakeClock, make_session  # noqa: E402
from tests.xorg_dummy import LAPTOP, PROJECTOR, DummyDisplay  # noqa: E402

SETTLE_S = 8.0


def x_geometry(window: QWidget) -> list[int] | None:
    """Where the X server has the window (absolute x, y, width, height), None if unmapped."""
    info = subprocess.run(
        ["xwininfo", "-id", str(int(window.winId()))],
        capture_output=True,
        text=True,
        check=True,
        timeout=10,
    ).stdout
    if "IsViewable" not in info:
        return None
    fields = dict(
        re.findall(
            r"^\s*(Absolute upper-left X|Absolute upper-left Y|Width|Height):"
            r"\s*(-?\d+)",
            info,
            re.MULTILINE,
        )
    )
    return [
        int(fields[k])
        for k in ("Absolute upper-left X", "Absolute upper-left Y", "Width", "Height")
    ]


def monitors() -> dict[str, list[int]]:
    """The outputs that are on, as the X server has them (x, y, width, height)."""
    listing = subprocess.run(
        ["xrandr", "--listmonitors"], capture_output=True, text=True, check=True, timeout=10
    ).stdout
    found = re.findall(r"(\d+)/\d+x(\d+)/\d+\+(\d+)\+(\d+)\s+(\S+)$", listing, re.MULTILINE)
    return {name: [int(x), int(y), int(w), int(h)] for w, h, x, y, name in found}


def screen_at(rect: list[int] | None, outputs: dict[str, list[int]]) -> str | None:
    """The output under the window's centre."""
    if rect is None:
        return None
    centre_x, centre_y = rect[0] + rect[2] // 2, rect[1] + rect[3] // 2
    for name, (x, y, width, height) in outputs.items():
        if x <= centre_x < x + width and y <= centre_y < y + height:
            return name
    return "nowhere"


def where(presentation: Presentation) -> dict[str, object]:
    assert presentation.presenter is not None
    audience = x_geometry(presentation.audience)
    presenter = x_geometry(presentation.presenter)
    outputs = monitors()
    return {
        "outputs": outputs,
        "qt_screens": [s.name() for s in QGuiApplication.screens()],
        "audience": audience,
        "audience_screen": screen_at(audience, outputs),
        "presenter_screen": screen_at(presenter, outputs),
    }


def settle(presentation: Presentation, expected: dict[str, object]) -> dict[str, object]:
    """Let Qt, the window manager and the views catch up; the last look if they never do."""
    deadline = time.monotonic() + SETTLE_S
    seen = where(presentation)
    while time.monotonic() < deadline:
        QTest.qWait(100)
        seen = where(presentation)
        if all(seen[key] == value for key, value in expected.items()):
            QTest.qWait(300)  # and it stays so
            seen = where(presentation)
            if all(seen[key] == value for key, value in expected.items()):
                break
    return seen


def main() -> dict[str, object]:
    app = QApplication([sys.argv[0]])
    server = DummyDisplay(os.environ["DISPLAY"])
    clock = FakeClock()
    driver = EngineDriver(Engine(compile_session(make_session(None)), clock=clock))
    names = [s.name() for s in app.screens()]
    presentation = open_presentation(driver, screen=names.index(PROJECTOR) + 1)
    assert presentation is not None
    driver.start()
    clock.advance(3.0)
    driver.poke()
    step = driver.engine.index
    laptop = [0, 0, 1366, 768]
    projector = [1366, 0, 1920, 1080]

    def key(name: str) -> None:
        target = (
            presentation.audience
            if not presentation.presenter.isVisible()
            else (presentation.presenter)
        )
        subprocess.run(
            ["xdotool", "key", "--window", str(int(target.winId())), name], check=True, timeout=10
        )

    log: dict[str, dict[str, object]] = {}
    log["start"] = settle(presentation, {"audience": projector, "presenter_screen": LAPTOP})
    server.unplug(PROJECTOR)
    log["projector off"] = settle(presentation, {"audience": laptop, "presenter_screen": None})
    key("p")
    log["P pressed"] = settle(presentation, {"presenter_screen": LAPTOP})
    key("p")
    log["P again"] = settle(presentation, {"presenter_screen": None})
    server.plug(PROJECTOR)
    log["projector back"] = settle(
        presentation, {"audience": projector, "presenter_screen": LAPTOP}
    )
    # As desktops do when the panel goes dark: the projector moves to the origin.
    server.xrandr("--output", LAPTOP, "--off", "--output", PROJECTOR, "--pos", "0x0")
    log["laptop off"] = settle(
        presentation, {"audience_screen": PROJECTOR, "presenter_screen": None}
    )
    server.xrandr(
        "--output",
        LAPTOP,
        "--mode",
        "1366x768",
        "--pos",
        "0x0",
        "--primary",
        "--output",
        PROJECTOR,
        "--pos",
        "1366x0",
    )
    log["laptop back"] = settle(
        presentation, {"audience_screen": PROJECTOR, "presenter_screen": LAPTOP}
    )
    key("s")
    log["swapped"] = settle(presentation, {"audience": laptop, "presenter_screen": PROJECTOR})
    key("s")
    log["swapped back"] = settle(
        presentation, {"audience_screen": PROJECTOR, "presenter_screen": LAPTOP}
    )
    server.set_mode(PROJECTOR, "1280x720")
    log["projector at 720p"] = settle(presentation, {"audience": [1366, 0, 1280, 720]})
    result = {
        "log": log,
        "state": driver.state.name,
        "same_step": driver.engine.index == step,
        "open": presentation.is_open,
    }
    presentation.leave()
    app.processEvents()
    return result


if __name__ == "__main__":
    print(json.dumps(main()))
