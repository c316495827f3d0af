"""Screen-saver inhibit through the ``org.freedesktop.ScreenSaver`` D-Bus service.

The service's two methods are ``Inhibit(s application_name, s reason) -> u cookie`` and
``UnInhibit(u cookie)``. Desktops publish the object at ``/org/freedesktop/ScreenSaver`` (the
specification; GNOME's proxy, Xfce) or only at ``/ScreenSaver`` (older KDE), so both are tried.
The service also drops our inhibition by itself if our process dies and leaves the bus.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Q_ARG, QMetaObject, Qt
from PySide6.QtDBus import QDBusConnection, QDBusInterface, QDBusMessage

from piritimer.platform.dbus_service import bus_with

log = logging.getLogger(__name__)

SERVICE = "org.freedesktop.ScreenSaver"
INTERFACE = "org.freedesktop.ScreenSaver"
OBJECT_PATHS = ("/org/freedesktop/ScreenSaver", "/ScreenSaver")
INHIBIT_SIGNATURE = "Inhibit(QString,QString)"
UNINHIBIT_SIGNATURE = "UnInhibit(uint)"
# Calls block the GUI thread (see `release`); a healthy local service answers in well under a
# millisecond, a hung one must not freeze the window for D-Bus's default 25 s.
CALL_TIMEOUT_MS = 1000


class FreedesktopInhibitor:
    """Holds at most one ``org.freedesktop.ScreenSaver`` cookie for this process."""

    name = SERVICE
    notice: str | None = None

    def __init__(self, interface: QDBusInterface, *, app_name: str) -> None:
        interface.setTimeout(CALL_TIMEOUT_MS)
        self._interface = interface
        self._app_name = app_name
        self._cookie: int | None = None

    @classmethod
    def find(
        cls, bus: QDBusConnection | None = None, *, app_name: str
    ) -> FreedesktopInhibitor | None:
        """The service on ``bus`` (default: the session bus), or None if it is not running.

        Only a service that is registered now counts (see ``bus_with``).
        """
        bus = bus_with(SERVICE, bus)
        if bus is None:
            return None
        for path in OBJECT_PATHS:
            interface = QDBusInterface(SERVICE, path, INTERFACE, bus)
            if interface.isValid() and _offers_inhibit(interface):
                return cls(interface, app_name=app_name)
        return None

    @property
    def object_path(self) -> str:
        return self._interface.path()

    @property
    def active(self) -> bool:
        return self._cookie is not None

    @property
    def cookie(self) -> int | None:
        """The service's handle for our inhibition while active."""
        return self._cookie

    def inhibit(self, reason: str) -> None:
        if self._cookie is not None:
            return
        reply = self._interface.call("Inhibit", self._app_name, reason)
        if reply.type() != QDBusMessage.MessageType.ReplyMessage:
            log.warning("screen-saver Inhibit failed: %s", reply.errorMessage())
            return
        arguments = reply.arguments()
        if len(arguments) != 1 or not isinstance(arguments[0], int):
            log.warning("screen-saver Inhibit answered %r, not a cookie", arguments)
            return
        self._cookie = arguments[0]

    def release(self) -> None:
        cookie, self._cookie = self._cookie, None
        if cookie is None:
            return
        # UnInhibit takes a uint32; a Python int in a QDBusMessage goes out as int32 ("i"),
        # which every real service rejects. Invoking the interface's introspected
        # UnInhibit(uint) method makes QtDBus marshal the declared type.
        QMetaObject.invokeMethod(
            self._interface,
            "UnInhibit",
            Qt.ConnectionType.DirectConnection,
            Q_ARG("uint", cookie),
        )
        error = self._interface.lastError()
        if error.isValid():
            log.warning("screen-saver UnInhibit failed: %s", error.message())


def _offers_inhibit(interface: QDBusInterface) -> bool:
    meta = interface.metaObject()
    return (
        meta.indexOfMethod(INHIBIT_SIGNATURE) >= 0 and meta.indexOfMethod(UNINHIBIT_SIGNATURE) >= 0
    )
