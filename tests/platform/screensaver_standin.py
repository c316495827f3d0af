"""A stand-in ``org.freedesktop.ScreenSaver`` service for the inhibit tests.

Run it under ``dbus-run-session``. It prints one JSON object per line on stdout: first
``{"ready": <bus address>}`` once the service is registered, then one line per call it
receives. It quits when its stdin closes. Real services declare ``Inhibit(ss) -> u`` and
``UnInhibit(u)``; QtDBus enforces those exact signatures here too, so a client that sends the
cookie as int32 gets an UnknownMethod error, as it would from KDE or GNOME.

Options: ``--path P`` (repeatable) where to publish the object (default: the specification's
``/org/freedesktop/ScreenSaver``); ``--no-service`` to join the bus without the service;
``--first-cookie N`` (default 3000000001, above int32, to prove the cookie travels as uint32).
"""

from __future__ import annotations

import argparse
import json
import os
import sys

from PySide6.QtCore import ClassInfo, QCoreApplication, QObject, QSocketNotifier, Slot
from PySide6.QtDBus import QDBusConnection

SERVICE = "org.freedesktop.ScreenSaver"


def report(record: dict[str, object]) -> None:
    print(json.dumps(record), flush=True)


@ClassInfo({"D-Bus Interface": SERVICE})  # type: ignore[call-arg]
class ScreenSaver(QObject):  # type: ignore[operator]  # ClassInfo stubs lag the runtime
    """Hands out cookies and records every call."""

    def __init__(self, first_cookie: int) -> None:
        super().__init__()
        self._next_cookie = first_cookie
        self._held: set[int] = set()

    @Slot(str, str, result="uint")
    def Inhibit(self, application_name: str, reason: str) -> int:  # noqa: N802 (D-Bus name)
        cookie = self._next_cookie
        self._next_cookie += 1
        self._held.add(cookie)
        report(
            {"call": "Inhibit", "application": application_name, "reason": reason, "cookie": cookie}
        )
        return cookie

    @Slot("uint")
    def UnInhibit(self, cookie: int) -> None:  # noqa: N802 (D-Bus name)
        known = cookie in self._held
        self._held.discard(cookie)
        report({"call": "UnInhibit", "cookie": cookie, "known": known})


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--path", action="append", dest="paths")
    parser.add_argument("--no-service", action="store_true")
    parser.add_argument("--first-cookie", type=int, default=3_000_000_001)
    options = parser.parse_args()
    app = QCoreApplication([])
    bus = QDBusConnection.sessionBus()
    if not bus.isConnected():
        print(f"stand-in: no session bus: {bus.lastError().message()}", file=sys.stderr)
        return 2
    screensaver = ScreenSaver(options.first_cookie)
    if not options.no_service:
        for path in options.paths or ["/org/freedesktop/ScreenSaver"]:
            bus.registerObject(path, screensaver, QDBusConnection.RegisterOption.ExportAllSlots)
        if not bus.registerService(SERVICE):
            print(f"stand-in: {bus.lastError().message()}", file=sys.stderr)
            return 2
    return serve(app)


def serve(app: QCoreApplication) -> int:
    """Say the service is ready, and serve until stdin closes (other stand-ins use it too)."""
    stdin_closed = QSocketNotifier(sys.stdin.fileno(), QSocketNotifier.Type.Read)
    stdin_closed.activated.connect(lambda: os.read(sys.stdin.fileno(), 4096) or app.quit())
    report({"ready": os.environ["DBUS_SESSION_BUS_ADDRESS"]})
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
