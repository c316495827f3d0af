"""A stand-in ``org.freedesktop.Notifications`` service for the reminder tests.

Run it under ``dbus-run-session``; it speaks like screensaver_standin.py: ``{"ready": address}``
first, then one JSON line per call, and it quits when its stdin closes. ``Notify`` has the
specification's signature ``Notify(susssasa{sv}i) -> u`` (QtDBus enforces it, so a client that
sends ``replaces_id`` as int32 gets an error, as from a real server).

Options: ``--click`` to answer every notification with ``ActionInvoked(id, "default")``, as a
click on it does; ``--no-actions`` to leave ``actions`` out of the capabilities.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from PySide6.QtCore import (
    ClassInfo,
    QCoreApplication,
    QObject,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtDBus import QDBusConnection

# Run as a script: its folder is on sys.path, and the screen-saver stand-in's helpers with it.
from screensaver_standin import report, serve

SERVICE = "org.freedesktop.Notifications"
PATH = "/org/freedesktop/Notifications"


@ClassInfo({"D-Bus Interface": SERVICE})  # type: ignore[call-arg]
class Notifications(QObject):  # type: ignore[operator]  # ClassInfo stubs lag the runtime
    """Numbers notifications from 1 and records every call."""

    ActionInvoked = Signal("uint", str)
    NotificationClosed = Signal("uint", "uint")

    def __init__(self, *, click: bool, actions: bool) -> None:
        super().__init__()
        self._next_id = 1
        self._click = click
        self._actions = actions

    @Slot(result="QStringList")
    def GetCapabilities(self) -> list[str]:  # noqa: N802 (D-Bus name)
        return ["body", "actions"] if self._actions else ["body"]

    @Slot(str, "uint", str, str, str, "QStringList", "QVariantMap", int, result="uint")
    def Notify(  # noqa: N802 (D-Bus name)
        self,
        app_name: str,
        replaces_id: int,
        icon: str,
        summary: str,
        body: str,
        actions: list[str],
        hints: dict[str, Any],
        timeout_ms: int,
    ) -> int:
        number = self._next_id
        self._next_id += 1
        report(
            {
                "call": "Notify",
                "app_name": app_name,
                "replaces_id": replaces_id,
                "icon": icon,
                "summary": summary,
                "body": body,
                "actions": actions,
                "hints": sorted(hints),
                "timeout_ms": timeout_ms,
                "id": number,
            }
        )
        if self._click:
            QTimer.singleShot(0, lambda: self.ActionInvoked.emit(number, "default"))
        return number


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--click", action="store_true")
    parser.add_argument("--no-actions", action="store_true")
    options = parser.parse_args()
    app = QCoreApplication([])
    bus = QDBusConnection.sessionBus()
    if not bus.isConnected():
        print(f"stand-in: no session bus: {bus.lastError().message()}", file=sys.stderr)
        return 2
    service = Notifications(click=options.click, actions=not options.no_actions)
    bus.registerObject(
        PATH,
        service,
        QDBusConnection.RegisterOption.ExportAllSlots
        | QDBusConnection.RegisterOption.ExportAllSignals,
    )
    if not bus.registerService(SERVICE):
        print(f"stand-in: {bus.lastError().message()}", file=sys.stderr)
        return 2
    return serve(app)


if __name__ == "__main__":
    sys.exit(main())
