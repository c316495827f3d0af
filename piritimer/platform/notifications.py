"""Desktop notifications: ``org.freedesktop.Notifications`` over D-Bus, or nothing.

`create_notifier()` returns a `FreedesktopNotifier` when the session bus has the service
(every Linux desktop with a notification daemon), else a `NullNotifier` that does nothing.
A click on a notification (``ActionInvoked`` with the ``default`` action) calls back with the
key it was sent with; the app opens that session. Call after a QCoreApplication exists, and
after the first paint: it imports QtDBus (piritimer.platform.notifications_dbus).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from PySide6.QtDBus import QDBusConnection

ClickHandler = Callable[[str], object]


class Notifier(Protocol):
    """Shows a notification; a click on it calls the handler with its key."""

    @property
    def name(self) -> str: ...

    def notify(self, title: str, body: str, key: str) -> None:
        """Show ``title`` and ``body`` (plain text); never raises."""
        ...

    def on_click(self, handler: ClickHandler) -> None: ...


class NullNotifier:
    """Where there is no notification service: shows nothing."""

    name = "none"

    def __init__(self) -> None:
        self.last: tuple[str, str, str] | None = None
        """The last notification that was not shown (for tests and logs)."""

    def notify(self, title: str, body: str, key: str) -> None:
        self.last = (title, body, key)

    def on_click(self, handler: ClickHandler) -> None:
        pass


def create_notifier(bus: QDBusConnection | None = None) -> Notifier:
    from piritimer.platform.notifications_dbus import FreedesktopNotifier

    return FreedesktopNotifier.find(bus) or NullNotifier()
