"""Keep the screen from blanking while a session runs: one interface, chosen once at start-up.

`create_inhibitor()` picks what the platform offers:

- Windows: ``SetThreadExecutionState``;
- macOS: a ``caffeinate`` child process tied to our process id;
- Linux and every other system (the BSDs run the same desktops): the
  ``org.freedesktop.ScreenSaver`` D-Bus service (KDE Plasma and GNOME provide it, as do
  several others), when the session bus has it;
- where none of these is there: `NullInhibitor`, which does nothing and carries a ``notice``
  saying why ("No D-Bus session bus: the screen may blank…") for the app to show once.

Call it after a ``QCoreApplication`` exists (QtDBus needs one) and preferably after the first
window is painted: it imports QtDBus and asks the bus a question or two.
"""

from __future__ import annotations

import logging
import sys
from typing import TYPE_CHECKING, Protocol

from piritimer.core.i18n import N_, _

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

    @property
    def notice(self) -> str | None:
        """One line for the person when the screen may blank because nothing can stop it;
        None when this inhibitor does the work. The app shows it once."""
        ...

    def inhibit(self, reason: str) -> None: ...

    def release(self) -> None: ...


# Whole sentences (a translation may need to reorder them), in the app's language where shown.
NO_SESSION_BUS = N_("No D-Bus session bus: the screen may blank or lock during a session.")
NO_SCREENSAVER_SERVICE = N_(
    "No screen saver service (org.freedesktop.ScreenSaver) on the session bus: "
    "the screen may blank or lock during a session."
)
NO_QTDBUS = N_(
    "This PySide6 has no QtDBus to reach the screen saver: "
    "the screen may blank or lock during a session."
)
NO_CAFFEINATE = N_("caffeinate was not found: the screen may blank or lock during a session.")
NO_EXECUTION_STATE = N_(
    "SetThreadExecutionState is not available: the screen may blank or lock during a session."
)


class NullInhibitor:
    """The fallback where the platform offers nothing we can use: accepts calls, does nothing.

    ``notice`` says why, for the person, in the app's language (None for a deliberate
    do-nothing, as in tests); ``notice_id`` is the untranslated text it was made with.
    """

    name = "none"
    active = False

    def __init__(self, notice: str | None = None) -> None:
        self.notice_id = notice

    @property
    def notice(self) -> str | None:
        return _(self.notice_id) if self.notice_id else None

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
        return windows if windows is not None else NullInhibitor(NO_EXECUTION_STATE)
    if platform == "darwin":
        from piritimer.platform.inhibit_macos import CaffeinateInhibitor

        return CaffeinateInhibitor.if_available() or NullInhibitor(NO_CAFFEINATE)
    try:
        from PySide6.QtDBus import QDBusConnection

        from piritimer.platform.inhibit_dbus import FreedesktopInhibitor
    except ImportError:  # a PySide6 build without QtDBus
        return NullInhibitor(NO_QTDBUS)
    if bus is None:
        bus = QDBusConnection.sessionBus()
    if not bus.isConnected():
        log.info("no D-Bus session bus: the screen may blank during sessions")
        return NullInhibitor(NO_SESSION_BUS)
    found = FreedesktopInhibitor.find(bus, app_name=app_name)
    if found is None:
        log.info("no org.freedesktop.ScreenSaver service: the screen may blank during sessions")
        return NullInhibitor(NO_SCREENSAVER_SERVICE)
    return found
