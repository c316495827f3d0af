"""An MPRIS media player on the session bus, so headsets, earbuds, desktop media widgets and
``playerctl`` drive the session even when the window is not focused.

The bus name is ``org.mpris.MediaPlayer2.piritimer`` (a second copy of the app, if one ever
runs, takes ``….piritimer.instance<pid>`` as the specification says); the object is
``/org/mpris/MediaPlayer2`` with the ``org.mpris.MediaPlayer2`` and
``org.mpris.MediaPlayer2.Player`` interfaces. Buttons arrive as ``commandReceived`` with a
`RemoteCommand`; the app tells the player what the session is doing with ``set_status``.
Without a session bus `create_media_remote` returns a `NullMediaRemote`, which does nothing.
The app hands the result to its `MediaRemote` after the first paint (``MediaRemote.use``).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import ClassInfo, Property, QObject, Slot
from PySide6.QtDBus import QDBusAbstractAdaptor, QDBusConnection, QDBusMessage

from piritimer.paths import APP_ID
from piritimer.platform.media_remote import MediaRemote, PlaybackStatus, RemoteCommand

log = logging.getLogger(__name__)

SERVICE = "org.mpris.MediaPlayer2.piritimer"
OBJECT_PATH = "/org/mpris/MediaPlayer2"
ROOT_INTERFACE = "org.mpris.MediaPlayer2"
PLAYER_INTERFACE = "org.mpris.MediaPlayer2.Player"
PROPERTIES_INTERFACE = "org.freedesktop.DBus.Properties"

_Adaptor = TypeVar("_Adaptor", bound=QDBusAbstractAdaptor)


def _dbus_interface(name: str) -> Callable[[type[_Adaptor]], type[_Adaptor]]:
    """Q_CLASSINFO("D-Bus Interface", name): what QtDBus exports the adaptor's slots and
    properties as. (PySide's stubs type ClassInfo as keywords only; a name with a space
    needs the dictionary form it also takes.)"""
    info: Any = ClassInfo
    decorator: Callable[[type[_Adaptor]], type[_Adaptor]] = info({"D-Bus Interface": name})
    return decorator


DESKTOP_ENTRY = APP_ID
"""The desktop file's name without ``.desktop``: where media widgets find the icon and name."""


class NullMediaRemote(MediaRemote):
    """No session bus: no remote, and nothing to do."""


@_dbus_interface(ROOT_INTERFACE)
class _RootAdaptor(QDBusAbstractAdaptor):
    def __init__(self, owner: MprisRemote) -> None:
        super().__init__(owner)
        self._owner = owner

    @Slot()
    def Raise(self) -> None:  # noqa: N802 - D-Bus method name
        self._owner.commandReceived.emit(RemoteCommand.RAISE)

    @Slot()
    def Quit(self) -> None:  # noqa: N802 - D-Bus method name
        """CanQuit is false: a remote button must never end a session's app."""

    def _false(self) -> bool:
        return False

    def _true(self) -> bool:
        return True

    def _identity(self) -> str:
        return "piritimer"

    def _desktop_entry(self) -> str:
        return DESKTOP_ENTRY

    def _no_list(self) -> list[str]:
        return []

    CanQuit = Property(bool, _false)
    CanRaise = Property(bool, _true)
    HasTrackList = Property(bool, _false)
    Identity = Property(str, _identity)
    DesktopEntry = Property(str, _desktop_entry)
    # A type name, not a type: "as" on the bus (a Python list would go out as "av").
    SupportedUriSchemes = Property("QStringList", _no_list)  # type: ignore[arg-type]
    SupportedMimeTypes = Property("QStringList", _no_list)  # type: ignore[arg-type]


@_dbus_interface(PLAYER_INTERFACE)
class _PlayerAdaptor(QDBusAbstractAdaptor):
    def __init__(self, owner: MprisRemote) -> None:
        super().__init__(owner)
        self._owner = owner

    def _send(self, command: RemoteCommand) -> None:
        self._owner.commandReceived.emit(command)

    @Slot()
    def Play(self) -> None:  # noqa: N802 - D-Bus method name
        self._send(RemoteCommand.PLAY)

    @Slot()
    def Pause(self) -> None:  # noqa: N802 - D-Bus method name
        self._send(RemoteCommand.PAUSE)

    @Slot()
    def PlayPause(self) -> None:  # noqa: N802 - D-Bus method name
        self._send(RemoteCommand.PLAY_PAUSE)

    @Slot()
    def Next(self) -> None:  # noqa: N802 - D-Bus method name
        self._send(RemoteCommand.NEXT)

    @Slot()
    def Previous(self) -> None:  # noqa: N802 - D-Bus method name
        self._send(RemoteCommand.PREVIOUS)

    @Slot()
    def Stop(self) -> None:  # noqa: N802 - D-Bus method name
        self._send(RemoteCommand.STOP)

    def _status(self) -> str:
        return self._owner.status.value

    def _title(self) -> dict[str, object]:
        return {"xesam:title": self._owner.title} if self._owner.title else {}

    def _true(self) -> bool:
        return True

    def _false(self) -> bool:
        return False

    def _one(self) -> float:
        return 1.0

    def _zero(self) -> int:
        return 0

    PlaybackStatus = Property(str, _status)
    Metadata = Property("QVariantMap", _title)  # type: ignore[arg-type]
    CanControl = Property(bool, _true)
    CanPlay = Property(bool, _true)
    CanPause = Property(bool, _true)
    CanGoNext = Property(bool, _true)
    CanGoPrevious = Property(bool, _true)
    CanSeek = Property(bool, _false)
    Rate = Property(float, _one)
    MinimumRate = Property(float, _one)
    MaximumRate = Property(float, _one)
    Volume = Property(float, _one)
    Position = Property("qlonglong", _zero)  # type: ignore[arg-type]


class MprisRemote(MediaRemote):
    """The MPRIS player, registered on ``bus``."""

    def __init__(self, bus: QDBusConnection, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._bus = bus
        self._name = name
        self._root = _RootAdaptor(self)
        self._player = _PlayerAdaptor(self)

    @property
    def bus_name(self) -> str | None:
        return self._name

    def set_status(self, status: PlaybackStatus, title: str = "") -> None:
        if (status, title) == (self.status, self.title):
            return
        self.status, self.title = status, title
        changed: dict[str, object] = {"PlaybackStatus": status.value}
        changed["Metadata"] = {"xesam:title": title} if title else {}
        signal = QDBusMessage.createSignal(OBJECT_PATH, PROPERTIES_INTERFACE, "PropertiesChanged")
        signal.setArguments([PLAYER_INTERFACE, changed, []])
        self._bus.send(signal)

    def close(self) -> None:
        self._bus.unregisterObject(OBJECT_PATH)
        self._bus.unregisterService(self._name)


def create_media_remote(
    bus: QDBusConnection | None = None, parent: QObject | None = None
) -> MediaRemote:
    """The MPRIS player on ``bus`` (default: the session bus), or a NullMediaRemote."""
    if bus is None:
        bus = QDBusConnection.sessionBus()
    if not bus.isConnected():
        return NullMediaRemote(parent)
    for name in (SERVICE, f"{SERVICE}.instance{os.getpid()}"):
        remote = MprisRemote(bus, name, parent)
        if not bus.registerObject(OBJECT_PATH, remote, _EXPORT):
            log.warning("MPRIS: could not register %s", OBJECT_PATH)
            return NullMediaRemote(parent)
        if bus.registerService(name):
            return remote
        bus.unregisterObject(OBJECT_PATH)
        remote.deleteLater()
    return NullMediaRemote(parent)


_EXPORT = QDBusConnection.RegisterOption.ExportAdaptors
