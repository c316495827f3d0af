"""The phone remote as the composition root holds it: built at start-up for nothing, its
server (QtNetwork, QtWebSockets) loaded the first time presentation mode opens."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtCore import QObject

    from piritimer.present.presentation import Presentation
    from piritimer.remote.server import RemoteServer


class RemoteService:
    """Attaches each presentation to the one RemoteServer (which stays off until asked)."""

    def __init__(self, parent: QObject | None = None) -> None:
        self._parent = parent
        self._server: RemoteServer | None = None

    @property
    def server(self) -> RemoteServer | None:
        """None until the first presentation."""
        return self._server

    def attach(self, presentation: Presentation) -> RemoteServer:
        if self._server is None:
            from piritimer.remote.server import RemoteServer

            self._server = RemoteServer(self._parent)
        self._server.attach(presentation)
        return self._server
