"""Drive the home window with the real ``playerctl`` over MPRIS (run on a private session bus).

Builds the window as the app does, with the MPRIS player on the session bus, opens the fixture
session "hip-release" and runs playerctl commands one after another (with QProcess, so the
event loop keeps answering D-Bus meanwhile). After each it records what playerctl printed
and the session's state and step. Prints one JSON object.

Run: dbus-run-session -- python -m tests.ui.mpris_scenario
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QProcess, QSettings, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from piritimer.app import build_window  # noqa: E402
from piritimer.platform.mpris import create_media_remote  # noqa: E402
from piritimer.ui.library import LibraryModel  # noqa: E402
from tests.ui.helpers import FIXTURES, FakeClock, make_services  # noqa: E402

STEPS = ["status", "play", "status", "pause", "status", "play", "next", "previous",
         "WAIT", "play", "play-pause", "stop"]  # fmt: skip
"""playerctl commands in order; WAIT jumps the session to its wait step ("I'm ready")."""


def main() -> int:
    app = QApplication(sys.argv[:1])
    work = Path(tempfile.mkdtemp())
    shutil.copytree(FIXTURES, work / "sessions")
    settings = QSettings(str(work / "settings.ini"), QSettings.Format.IniFormat)
    services = make_services(FakeClock(), LibraryModel(), settings)
    window = build_window(services, restore=False)
    services.media.use(create_media_remote(parent=app))  # as open_hardware does
    window.show()
    window.show_preview(work / "sessions" / "hip-release.yaml")
    driver = window.driver
    results: list[dict[str, object]] = [{"bus_name": services.media.bus_name}]
    process = QProcess()
    remaining = list(STEPS)

    def record(command: str, output: str) -> None:
        results.append(
            {
                "command": command,
                "output": output.strip(),
                "state": driver.state.name,
                "step": driver.engine.step.kind.value,
            }
        )

    def run_next() -> None:
        if not remaining:
            print(json.dumps(results))
            app.quit()
            return
        command = remaining.pop(0)
        if command == "WAIT":
            driver.jump(next(s.index for s in driver.engine.timeline.steps if s.waits))
            record(command, "")
            QTimer.singleShot(0, run_next)
            return
        process.setProperty("command", command)
        process.start("playerctl", ["--player=piritimer", command])

    def finished() -> None:
        output = bytes(process.readAllStandardOutput().data()).decode()
        output += bytes(process.readAllStandardError().data()).decode()
        # playerctl returns when the call is answered; let the queued slots run first.
        QTimer.singleShot(
            50, lambda: (record(str(process.property("command")), output), run_next())
        )

    process.finished.connect(finished)
    QTimer.singleShot(0, run_next)
    QTimer.singleShot(60_000, app.quit)
    app.exec()
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
