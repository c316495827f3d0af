"""One window per person: a second launch hands its file to the first and ends.

The first copy listens on a local socket named for the user and their data folder
(``piritimer-<uid>-<folder hash>``, so two people on one machine each have their own); a
later copy connects, sends one line (the absolute path of the file it was given, or nothing)
and exits. The first then raises its
window and opens the file. A socket left behind by a copy that crashed is not answered, so
the next launch removes it and listens itself.
"""

from __future__ import annotations

import getpass
import hashlib
import os
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

CONNECT_TIMEOUT_MS = 500
"""How long a second launch waits for the first to answer: it runs on this machine, so a
copy that does not answer by then is hung or gone, and this one starts on its own."""
MAX_MESSAGE_BYTES = 8192


def socket_name(data_dir: Path, user: str | None = None) -> str:
    """The socket name for ``user`` (default: this one) and their data folder.

    The folder is part of the name because it is what "the same app" means: a copy run with
    another data folder (``PIRITIMER_HOME``, as tests and a portable copy do) is another app
    and gets its own window."""
    if user is None:
        uid = getattr(os, "getuid", None)
        user = str(uid()) if uid is not None else getpass.getuser()
    folder = hashlib.sha256(str(data_dir.resolve()).encode()).hexdigest()[:12]
    return f"piritimer-{user}-{folder}"


def hand_over(name: str, file: Path | None) -> bool:
    """If a first copy listens on ``name``, give it ``file`` (None: just raise it) and
    return True."""
    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(CONNECT_TIMEOUT_MS):
        return False
    line = str(file.resolve()) if file is not None else ""
    socket.write((line + "\n").encode())
    socket.waitForBytesWritten(CONNECT_TIMEOUT_MS)
    socket.disconnectFromServer()
    return True


class InstanceServer(QObject):
    """Listens for later launches.

    Signals:
        launched(object): a later launch came; the Path it was given, or None.
    """

    launched = Signal(object)

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._accept)

    def listen(self) -> bool:
        """Start listening; a stale socket from a crashed copy is removed first."""
        if self._server.listen(self.name):
            return True
        QLocalServer.removeServer(self.name)
        return self._server.listen(self.name)

    def close(self) -> None:
        self._server.close()

    def _accept(self) -> None:
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            buffer = bytearray()

            def read(socket: QLocalSocket = socket, buffer: bytearray = buffer) -> None:
                buffer.extend(bytes(socket.readAll().data())[:MAX_MESSAGE_BYTES])
                if b"\n" in buffer or len(buffer) >= MAX_MESSAGE_BYTES:
                    socket.readyRead.disconnect()
                    text = buffer.split(b"\n", 1)[0].decode("utf-8", "replace").strip()
                    socket.disconnectFromServer()
                    socket.deleteLater()
                    self.launched.emit(Path(text) if text else None)

            socket.readyRead.connect(read)
            if socket.bytesAvailable():
                read()
