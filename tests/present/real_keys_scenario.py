"""Run in a child process on a real X display (Xvfb): presses clicker keys with xdotool, so the
key events come from the window system as a clicker's would. Prints one JSON object."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from piritimer.core.engine import Engine  # noqa: E402
from piritimer.core.timeline import compile_session  # noqa: E402
from piritimer.present.opening import open_presentation  # noqa: E402
from piritimer.qt.driver import EngineDriver  # noqa: E402
from tests.present.conftest import make_session  # noqa: E402


def main() -> dict[str, object]:
    app = QApplication([sys.argv[0]])
    driver = EngineDriver(Engine(compile_session(make_session(None)), clock=lambda: 0.0))
    presentation = open_presentation(driver, screen=1)
    assert presentation is not None
    audience = presentation.audience
    for _ in range(20):
        QTest.qWait(50)
        if audience.isVisible() and audience.windowHandle().isExposed():
            break
    audience.activateWindow()
    QTest.qWait(200)
    window_id = str(int(audience.winId()))
    log: list[list[object]] = []
    where = {
        "screen": audience.screen().geometry().getRect(),
        "audience_geometry": audience.geometry().getRect(),
    }

    def press(key: str) -> None:
        subprocess.run(["xdotool", "key", "--window", window_id, key], check=True)
        for _ in range(10):
            QTest.qWait(30)
        log.append([key, driver.state.name, driver.engine.index, presentation.blank])

    for key in ("Next", "Next", "Prior", "b", "period", "shift+F5", "space", "F5", "Escape"):
        press(key)
    result = {
        **where,
        "log": log,
        "open_after": presentation.is_open,
    }
    app.processEvents()
    return result


if __name__ == "__main__":
    print(json.dumps(main()))
