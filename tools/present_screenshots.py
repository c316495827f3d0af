"""Render presentation mode in a real X window and save screenshots to docs/screenshots/.

The class shown is the bundled example sessions/classes/hip-class.yaml.

    python tools/present_screenshots.py            # starts its own Xvfb per screen size

For each size (1920×1080, 1366×768 and 1280×720) a virtual display of exactly that size is started
(``Xvfb -displayfd``, so parallel runs never collide), the audience and presenter views are
shown full screen on it through Qt's xcb platform, and ``import -window root`` (ImageMagick)
grabs the screen. Time comes from a fake clock, so each picture shows an exact moment.

Needs: Xvfb and ImageMagick (tools/system-packages.sh installs both).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "screenshots"
SIZES = ((1920, 1080), (1366, 768), (1280, 720))
"""A projector, and the two laptop screens the presenter view must fit."""
CLASS_FILE = ROOT / "sessions" / "classes" / "hip-class.yaml"


@contextmanager
def xvfb(width: int, height: int) -> Iterator[str]:
    """A private virtual display of one screen; yields its DISPLAY value."""
    read_end, write_end = os.pipe()
    server = subprocess.Popen(
        [
            "Xvfb",
            "-displayfd",
            str(write_end),
            "-screen",
            "0",
            f"{width}x{height}x24",
            "-nolisten",
            "tcp",
        ],
        pass_fds=(write_end,),
        stderr=subprocess.DEVNULL,
    )
    os.close(write_end)
    try:
        with os.fdopen(read_end) as pipe:
            number = pipe.readline().strip()
        if not number:
            raise RuntimeError("Xvfb did not start")
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(timeout=10)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--render", nargs=2, type=int, metavar=("W", "H"), help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.render:
        return render(*options.render)
    OUT.mkdir(parents=True, exist_ok=True)
    for width, height in SIZES:
        with xvfb(width, height) as display:
            env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
            command = [sys.executable, __file__, "--render", str(width), str(height)]
            subprocess.run(command, env=env, check=True)
    return 0


def render(width: int, height: int) -> int:
    """In the child, on the virtual display: show each view at a chosen moment and grab it."""
    sys.path.insert(0, str(ROOT))
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from piritimer.core.class_plan import load_for_presentation
    from piritimer.core.engine import Engine
    from piritimer.core.timeline import StepKind, compile_session
    from piritimer.present.presentation import Presentation
    from piritimer.qt.driver import EngineDriver

    app = QApplication([sys.argv[0]])
    session, diagnostics, _ = load_for_presentation(CLASS_FILE)
    for diagnostic in diagnostics:
        print(diagnostic, file=sys.stderr)
    if session is None:
        return 1
    now = [0.0]
    driver = EngineDriver(Engine(compile_session(session), clock=lambda: now[0]))
    screen = QGuiApplication.primaryScreen()
    from datetime import datetime

    presentation = Presentation(
        driver,
        screen,
        screen,
        clock=lambda: now[0],
        wall_clock=lambda: datetime(2026, 3, 10, 9, 41),
    )
    presentation.show()
    assert presentation.presenter is not None
    size = f"{width}x{height}"

    def grab(name: str, window: object) -> None:
        window.raise_()  # type: ignore[attr-defined]
        window.activateWindow()  # type: ignore[attr-defined]
        for _ in range(5):
            QTest.qWait(120)
        target = OUT / f"present-{name}-{size}.png"
        subprocess.run(["import", "-window", "root", str(target)], check=True)
        print(target.relative_to(ROOT))

    def step_of(kind: StepKind, nth: int = 0) -> int:
        return [s.index for s in driver.engine.timeline.steps if s.kind is kind][nth]

    presentation.hold(120)
    now[0] += 14.6
    assert presentation.holding is not None
    presentation.holding.poke()
    grab("holding", presentation.audience)

    driver.start()
    driver.jump(step_of(StepKind.HOLD, 1))
    now[0] += 11.4
    driver.poke()
    presentation.show_caption(driver.status().step.say)
    grab("audience-hold", presentation.audience)
    grab("presenter", presentation.presenter)
    # The phone remote turned on: its QR code on the presenter view (loopback only here).
    from PySide6.QtNetwork import QHostAddress

    from piritimer.remote.server import RemoteServer

    remote = RemoteServer()
    remote.attach(presentation)
    remote.start(QHostAddress(QHostAddress.SpecialAddress.LocalHost))
    grab("presenter-remote", presentation.presenter)
    remote.stop()
    # Blanked, with a long title: what used to squeeze the columns on a laptop.
    presentation.toggle_blank()
    presentation.presenter.title.setText(
        "Tuesday evening hip class at the community centre — release, reset and breathe"
    )
    grab("presenter-blank", presentation.presenter)
    presentation.toggle_blank()

    if any(s.kind is StepKind.INHALE for s in driver.engine.timeline.steps):
        presentation.audience.clear_caption()
        driver.jump(step_of(StepKind.INHALE, 2))
        now[0] += 2.6
        driver.poke()
        presentation.audience.pacer.frame_timer.stop()  # hold the frame still for the picture
        grab("audience-breathing", presentation.audience)
    presentation.leave()
    app.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main())
