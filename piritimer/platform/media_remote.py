"""A media remote as the app sees it: buttons in (``commandReceived``), status out.

`MediaRemote` is built with the other services and does nothing by itself; once the window is
on screen the app gives it a backend (``use``: the MPRIS player of ``platform.mpris``), whose
buttons it passes on and which it keeps told of the status. Loading QtDBus and joining the
bus so wait until after the first paint, and without a bus nothing changes at all.
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QObject, Signal


class RemoteCommand(Enum):
    PLAY = "Play"
    PAUSE = "Pause"
    PLAY_PAUSE = "PlayPause"
    NEXT = "Next"
    PREVIOUS = "Previous"
    STOP = "Stop"
    RAISE = "Raise"


class PlaybackStatus(Enum):
    PLAYING = "Playing"
    PAUSED = "Paused"
    STOPPED = "Stopped"


class MediaRemote(QObject):
    """The remote the windows talk to; a backend does the work, if there is one.

    Signals:
        commandReceived(object): a RemoteCommand from a headset, a media widget or playerctl.
    """

    commandReceived = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._backend: MediaRemote | None = None
        self.status = PlaybackStatus.STOPPED
        self.title = ""

    @property
    def bus_name(self) -> str | None:
        """Where the remote is reachable (a D-Bus name), or None when nowhere."""
        return self._backend.bus_name if self._backend is not None else None

    def use(self, backend: MediaRemote) -> None:
        """Pass ``backend``'s buttons on from now, and tell it the status so far."""
        if self._backend is not None:
            self._backend.commandReceived.disconnect(self.commandReceived)
            self._backend.close()
        self._backend = backend
        backend.commandReceived.connect(self.commandReceived)
        backend.set_status(self.status, self.title)

    def set_status(self, status: PlaybackStatus, title: str = "") -> None:
        """What the session is doing now, for the desktop's media widgets."""
        self.status, self.title = status, title
        if self._backend is not None:
            self._backend.set_status(status, title)

    def close(self) -> None:
        """Leave the bus."""
        if self._backend is not None:
            self._backend.close()
