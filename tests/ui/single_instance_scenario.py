"""The first copy of the app, as ``piritimer.app.run`` builds it, reporting what it does.

Listens for later launches exactly as the app does (socket named for the user and
PIRITIMER_HOME), shows its window, and prints JSON lines: its window's geometry and the
screen's free area once shown, then, for each later launch, the file it was handed and the
file its window now shows. Ends after ``--launches`` later launches (or 60 s).

Run: DISPLAY=:N QT_QPA_PLATFORM=xcb PIRITIMER_HOME=DIR python -m tests.ui.single_instance_scenario
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from PySide6.QtCore import QTimer

from piritimer import paths
from piritimer.app import bring_forward, build_services, build_window, create_application
from piritimer.platform.single_instance import InstanceServer, socket_name
from piritimer.ui.library import LibraryModel


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--launches", type=int, default=1)
    options = parser.parse_args(argv)
    app = create_application([])
    server = InstanceServer(socket_name(paths.user_data_dir()), app)
    assert server.listen()
    services = build_services(app, library=LibraryModel())
    window = build_window(services, restore=False)
    window.show()
    seen = 0

    def launched(path: Path | None) -> None:
        nonlocal seen
        bring_forward(window, path)
        seen += 1
        shown = str(window.current_path) if window.current_path else None
        print(json.dumps({"handed": str(path) if path else None, "shows": shown}), flush=True)
        if seen >= options.launches:
            QTimer.singleShot(0, app.quit)

    def report() -> None:
        free = window.screen().availableGeometry()
        frame = window.frameGeometry()
        print(
            json.dumps(
                {
                    "window": [frame.x(), frame.y(), frame.width(), frame.height()],
                    "free": [free.x(), free.y(), free.width(), free.height()],
                    "listening": server.name,
                }
            ),
            flush=True,
        )

    server.launched.connect(launched)
    QTimer.singleShot(200, report)
    QTimer.singleShot(60_000, app.quit)
    app.exec()
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
