"""Desktop notifications through ``org.freedesktop.Notifications`` on the session bus.

``Notify(s app_name, u replaces_id, s icon, s summary, s body, as actions, a{sv} hints,
i timeout) -> u id``; a click on the body emits ``ActionInvoked(u id, s "default")``.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Q_ARG, Q_RETURN_ARG, SLOT, QMetaObject, QObject, Qt, Slot
from PySide6.QtDBus import QDBusConnection, QDBusInterface

from piritimer.core.i18n import pgettext
from piritimer.paths import APP_ID
from piritimer.platform.dbus_service import bus_with
from piritimer.platform.notifications import ClickHandler

log = logging.getLogger(__name__)

SERVICE = "org.freedesktop.Notifications"
PATH = "/org/freedesktop/Notifications"
INTERFACE = "org.freedesktop.Notifications"
NOTIFY_SIGNATURE = "Notify(QString,uint,QString,QString,QString,QStringList,QVariantMap,int)"
DEFAULT_ACTION = "default"
"""The action a click on the notification's body invokes (the specification's name)."""
CALL_TIMEOUT_MS = 1000
APP_NAME = "piritimer"
ICON = APP_ID
"""Matches the .desktop file's Icon= (the icons are installed under the app id), so the daemon
shows piritimer's icon."""
HINTS = {"desktop-entry": APP_ID}
"""The specification's hint naming the desktop file, so the daemon groups and settings (do not
disturb, per-app sounds) find the app."""


class FreedesktopNotifier(QObject):
    """Notifications through the session bus's ``org.freedesktop.Notifications``."""

    name = SERVICE

    def __init__(self, interface: QDBusInterface, bus: QDBusConnection) -> None:
        super().__init__()
        interface.setTimeout(CALL_TIMEOUT_MS)
        self._interface = interface
        self._keys: dict[int, str] = {}
        self._handlers: list[ClickHandler] = []
        # The stubs lack the (service, path, interface, name, receiver, slot) overload.
        connected = bus.connect(  # type: ignore[call-overload]
            SERVICE, PATH, INTERFACE, "ActionInvoked", self, SLOT("_action_invoked(uint,QString)")
        )
        if not connected:
            log.warning("notifications will show, but a click on one cannot open its session")

    @classmethod
    def find(cls, bus: QDBusConnection | None = None) -> FreedesktopNotifier | None:
        """The service on ``bus`` (default: the session bus) if it is running now."""
        bus = bus_with(SERVICE, bus)
        if bus is None:
            return None
        interface = QDBusInterface(SERVICE, PATH, INTERFACE, bus)
        if not interface.isValid() or interface.metaObject().indexOfMethod(NOTIFY_SIGNATURE) < 0:
            return None
        return cls(interface, bus)

    def notify(self, title: str, body: str, key: str) -> None:
        # Notify's replaces_id is a uint32 and timeout an int32: invoking the introspected
        # method makes QtDBus marshal the declared types (a plain call would send int32s).
        try:
            number = QMetaObject.invokeMethod(
                self._interface,
                "Notify",
                Qt.ConnectionType.DirectConnection,
                Q_RETURN_ARG("uint"),
                Q_ARG("QString", APP_NAME),
                Q_ARG("uint", 0),
                Q_ARG("QString", ICON),
                Q_ARG("QString", title),
                Q_ARG("QString", _plain(body)),
                Q_ARG("QStringList", [DEFAULT_ACTION, pgettext("notification", "Open")]),
                Q_ARG("QVariantMap", HINTS),
                Q_ARG("int", -1),
            )
        except RuntimeError as error:
            log.warning("Notify failed: %s", error)
            return
        failure = self._interface.lastError()
        if failure.isValid():
            log.warning("Notify failed: %s", failure.message())
            return
        if isinstance(number, int):
            self._keys[number] = key

    def on_click(self, handler: ClickHandler) -> None:
        self._handlers.append(handler)

    @Slot("uint", str)
    def _action_invoked(self, number: int, action: str) -> None:
        key = self._keys.pop(number, None)
        if key is None or action != DEFAULT_ACTION:
            return  # another application's notification, or another button
        for handler in self._handlers:
            handler(key)


def _plain(text: str) -> str:
    """Daemons may read a body as markup (``<b>``, ``<a href>``): a session title is not."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
