"""Run in a child process: a presentation (offscreen) with the phone remote on, on loopback.

Prints one JSON line with the page addresses, then serves until stdin says ``quit``; a line
``restart`` stops the server and starts it again (same port, same tokens), as turning the
remote off and on does. The session runs on the real clock, so the countdown moves. An
argument is the app's language (``fr``), applied as the app applies it; English by default.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSocketNotifier  # noqa: E402
from PySide6.QtGui import QGuiApplication  # noqa: E402
from PySide6.QtNetwork import QHostAddress  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from piritimer import paths  # noqa: E402
from piritimer.core import i18n  # noqa: E402
from piritimer.core.engine import Engine  # noqa: E402
from piritimer.core.timeline import compile_session  # noqa: E402
from piritimer.present.presentation import Presentation  # noqa: E402
from piritimer.qt.driver import EngineDriver  # noqa: E402
from piritimer.remote.server import RemoteServer  # noqa: E402
from piritimer.widgets.app_language import apply_language  # noqa: E402
from tests.present.conftest import make_session  # noqa: E402

LOOPBACK = QHostAddress(QHostAddress.SpecialAddress.LocalHost)


def main() -> int:
    app = QApplication([sys.argv[0]])
    i18n.configure(paths.locale_dir())
    apply_language(app, sys.argv[1] if len(sys.argv) > 1 else i18n.SOURCE_LANGUAGE)
    driver = EngineDriver(Engine(compile_session(make_session(None))))
    screen = QGuiApplication.primaryScreen()
    presentation = Presentation(driver, screen, screen)
    presentation.show()
    server = RemoteServer()
    server.attach(presentation)
    assert server.start(LOOPBACK)
    print(
        json.dumps(
            {
                "remote": server.remote_url("127.0.0.1"),
                "follow": server.follow_url("127.0.0.1"),
                "port": server.port,
                "qr": presenter_qr(presentation),
            }
        ),
        flush=True,
    )

    def command() -> None:
        line = sys.stdin.readline().strip()
        if line == "restart":
            server.stop()
            assert server.start(LOOPBACK)
            print(json.dumps({"restarted": server.port}), flush=True)
        elif line in ("quit", ""):
            server.stop()
            presentation.leave()
            app.quit()
        elif line == "state":
            print(json.dumps({"state": driver.state.name, "blank": presentation.blank}), flush=True)

    notifier = QSocketNotifier(sys.stdin.fileno(), QSocketNotifier.Type.Read)
    notifier.activated.connect(command)
    return app.exec()


def presenter_qr(presentation: Presentation) -> str:
    presenter = presentation.presenter
    assert presenter is not None
    return presenter.remote_qr.text() if presenter.remote_panel.isVisibleTo(presenter) else ""


if __name__ == "__main__":
    sys.exit(main())
