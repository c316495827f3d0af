"""The home window at a paused session, for a screen reader to read (with AT-SPI on).

Run under a display and a session bus with the accessibility bus up; it stays open for
``--seconds`` (default 30) or until its stdin closes.

Run: QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1 python -m tests.ui.a11y_scenario
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer

from piritimer.app import build_window, create_application
from piritimer.ui.library import LibraryModel
from tests.ui.helpers import FIXTURES, FakeClock, make_services


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=30.0)
    options = parser.parse_args(argv)
    app = create_application([])
    work = Path(tempfile.mkdtemp())
    shutil.copytree(FIXTURES, work / "sessions")
    settings = QSettings(str(work / "settings.ini"), QSettings.Format.IniFormat)
    services = make_services(FakeClock(), LibraryModel(), settings)
    window = build_window(services, restore=False)
    window.show()
    window.show_preview(work / "sessions" / "hip-release.yaml")
    window.start_session()
    window.resize(900, 600)  # narrow enough that some buttons show only their icons
    print("ready", flush=True)
    QTimer.singleShot(round(options.seconds * 1000), app.quit)
    app.exec()
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
