"""The helper-process side of the JSON-lines protocol (see worker_process.py for the app side)."""

from __future__ import annotations

import json
import sys
import threading

from PySide6.QtCore import QCoreApplication, SignalInstance


def reply(message: dict[str, object]) -> None:
    """One JSON line to the app, flushed at once: the app waits for it."""
    sys.stdout.write(json.dumps(message) + "\n")
    sys.stdout.flush()


def serve(app: QCoreApplication, line: SignalInstance) -> int:
    """Forward each stdin line to ``line`` (handled on the main thread) until the app goes.

    A plain thread reads stdin so the event loop never blocks on it; stdin closing means the
    app has gone, so the helper quits.
    """

    def read() -> None:
        for text in sys.stdin:
            line.emit(text)
        app.quit()

    threading.Thread(target=read, daemon=True).start()
    return app.exec()
