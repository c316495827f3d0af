"""Keep the screen from blanking while a session runs: one interface, chosen once at start-up.

`create_inhibitor()` picks what the platform offers:

- Windows: ``SetThreadExecutionState``;
- macOS: a ``caffeinate`` child process tied to our process id;
- Linux and every other system (the BSDs run the same desktops): the
  ``org.freedesktop.ScreenSaver`` D-Bus service (KDE Plasma and GNOME provide it, as do
  several others), when the session bus has it;
- where none of these is there: `NullInhibitor`, which does nothing.

Call it after a ``QCoreApplication`` exists (QtDBus needs one) and preferably after the first
window is painted: it imports QtDBus and asks the bus a question or two.
"""

from __future__ import annotations

import logging
import sys
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from PySide6.QtDBus import QDBusConnection

log = logging.getLogger(__name__)

APP_NAME = "piritimer"


class Inhibitor(Protocol):
    """Asks the system not to blank the screen or sleep.

    `inhibit` and `release` are idempotent: a second `inhibit` while active keeps the first
    request (and its reason); `release` without an active request does nothing. Failures are
    logged and leave `active` False; they never raise, because a screen that may blank is no
    reason to stop an exercise session.
    """

    @property
    def name(self) -> str:
        """What does the work, for logs and the About box ("none" for the fallback)."""
        ...

    @property
    def active(self) -> bool:
        """True while the system holds an inhibition on our behalf."""
        ...

    def inhibit(self, reason: str) -> None: ...

    def release(self) -> None: ...


class NullInhibitor:
    """The fallback where the platform offers nothing we can use: accepts calls, does nothing."""

    name = "none"
    active = False

    def inhibit(self, reason: str) -> None:
        del reason

    def release(self) -> None:
        pass


def create_inhibitor(
    *,
    app_name: str = APP_NAME,
    platform: str = sys.platform,
    bus: QDBusConnection | None = None,
) -> Inhibitor:
    """The best inhibitor this system offers; `NullInhibitor` when there is none.

    ``platform`` and ``bus`` exist for tests and embedding: by default the running platform and
    the session bus. Nothing is inhibited until `inhibit` is called.
    """
    if platform == "win32":
        from piritimer.platform.inhibit_windows import WindowsInhibitor

        windows = WindowsInhibitor.for_this_thread()
        return windows if windows is not None else NullInhibitor()
    if platform == "darwin":
        from piritimer.platform.inhibit_macos import CaffeinateInhibitor

        return CaffeinateInhibitor.if_available() or NullInhibitor()
    try:
        from piritimer.platform.inhibit_dbus import FreedesktopInhibitor
    except ImportError:  # a PySide6 build without QtDBus
        return NullInhibitor()
    found = FreedesktopInhibitor.find(bus, app_name=app_name)
    if found is None:
        log.info("no org.freedesktop.ScreenSaver service: the screen may blank during sessions")
        return NullInhibitor()
    return found
